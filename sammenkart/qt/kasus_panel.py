"""The shared screen's step view: story, questions, the team's answer, the reveal.

Everything shown comes from the pure ``Session``; this panel only lays it out
large enough to read from the back of a room. Facilitator notes are never put
in any widget here.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from ..session.controller import Session
from ..style import palette
from .kasus_clock import SessionClock, TimerWidget

# The map's own colours, so a ✓ in the list and a ✓ on a card look alike.
_PAL = palette()
FOUND_COLOUR, MISSED_COLOUR, ADDED_COLOUR = _PAL.found, _PAL.missed, _PAL.added


def _label(pt: int, bold: bool = False, wrap: bool = True) -> QLabel:
    lab = QLabel()
    f = QFont(lab.font())
    f.setPointSize(pt)
    f.setBold(bold)
    lab.setFont(f)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.PlainText)  # typed text is shown literally
    lab.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return lab


class NotesEditor(QTabWidget):
    """Barriers, opportunities and free text for the current step."""

    LABELS = (("hindringer", "Hindringer"), ("muligheter", "Muligheter"), ("fritekst", "Notater"))

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.editors: dict[str, QPlainTextEdit] = {}
        for key, label in self.LABELS:
            ed = QPlainTextEdit()
            ed.setPlaceholderText(self.tr("Skriv her – lagres med en gang"))
            f = ed.font()
            f.setPointSize(13)
            ed.setFont(f)
            ed.textChanged.connect(lambda k=key, e=ed: self.session.set_note(k, e.toPlainText()))
            self.editors[key] = ed
            self.addTab(ed, self.tr(label))
        # Two editors (shared panel and facilitator window) stay in step through the session.
        session.subscribe(self._on_change)
        self.destroyed.connect(lambda *_a, s=session, f=self._on_change: s.unsubscribe(f))
        self.load()

    def _on_change(self, what: str) -> None:
        if what in ("note", "step"):
            self.load(keep_focused=(what == "note"))

    def load(self, keep_focused: bool = False) -> None:
        for key, ed in self.editors.items():
            text = self.session.step.notes.get(key, "")
            if keep_focused and ed.hasFocus():
                continue  # never move the cursor under someone typing
            if ed.toPlainText() != text:
                ed.blockSignals(True)
                ed.setPlainText(text)
                ed.blockSignals(False)


class KasusPanel(QWidget):
    """Step view for the shared screen (goes in a side panel beside the map)."""

    arrow_mode_changed = Signal(bool)

    def __init__(self, session: Session, clock: SessionClock, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setMinimumWidth(460)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setSpacing(10)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.progress = _label(12)
        self.title = _label(26, bold=True)
        self.story = _label(18)
        self.questions = _label(17, bold=True)
        self.questions.setObjectName("kasus-questions")
        self.questions.setStyleSheet(
            "#kasus-questions { background: #fff4c2; color: #1f1f1f; border-left: 6px solid #d4a000;"
            " padding: 10px; }")
        self.gap_note = _label(13)
        self.gap_note.setStyleSheet("color: #7a4b00; font-style: italic;")
        self.hint = _label(12)
        self.hint.setStyleSheet("color: #555555;")
        self.marked_list = _label(16, bold=True)
        self.marked_list.setStyleSheet(f"color: {_PAL.marked};")
        for w in (self.progress, self.title, self.story, self.questions, self.gap_note):
            lay.addWidget(w)

        lay.addWidget(self.hint)
        lay.addWidget(self.marked_list)
        row = QHBoxLayout()
        self.arrow_button = QPushButton(self.tr("Tegn henvisning"))
        self.arrow_button.setCheckable(True)
        self.arrow_button.setToolTip(self.tr("Klikk først tjenesten som henviser, så den som mottar"))
        self.arrow_button.toggled.connect(self.arrow_mode_changed)
        self.reveal_button = QPushButton(self.tr("Vis forslag (V)"))
        self.reveal_button.clicked.connect(self.session.reveal)
        for b in (self.arrow_button, self.reveal_button):
            b.setFocusPolicy(Qt.NoFocus)  # keep the keyboard on the map for the clicker
            f = b.font()
            f.setPointSize(14)
            b.setFont(f)
            row.addWidget(b)
        lay.addLayout(row)

        self.comparison_title = _label(16, bold=True)
        # Labels rather than a list view: they wrap, so long names never scroll sideways.
        self.comparison = QWidget()
        self.comparison.setObjectName("kasus-comparison")
        self._comparison_layout = QVBoxLayout(self.comparison)
        self._comparison_layout.setContentsMargins(0, 0, 0, 0)
        self._comparison_layout.setSpacing(4)
        lay.addWidget(self.comparison_title)
        lay.addWidget(self.comparison)

        self.timer = TimerWidget(clock, big_pt=24)
        lay.addWidget(self.timer)
        self.notes = NotesEditor(session)
        self.notes.setMinimumHeight(140)
        lay.addWidget(self.notes)
        lay.addStretch(1)

        nav = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("◀ Forrige"))
        self.next_button = QPushButton(self.tr("Neste ▶"))
        self.prev_button.clicked.connect(self.session.previous_step)
        for b in (self.prev_button, self.next_button):
            b.setFocusPolicy(Qt.NoFocus)
            f = b.font()
            f.setPointSize(14)
            b.setFont(f)
            nav.addWidget(b)
        outer.addLayout(nav)
        self.status = _label(11)
        self.status.setStyleSheet("color: #b00020;")
        outer.addWidget(self.status)

        session.subscribe(self._on_change)
        self.destroyed.connect(lambda *_a, s=session, f=self._on_change: s.unsubscribe(f))
        self.refresh()

    def _on_change(self, what: str) -> None:
        if what == "tick":
            return
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        cs, st = s.case_step, s.step
        self.progress.setText(self.tr("{kasus} · steg {n} av {total}").format(
            kasus=s.case.tittel, n=s.index + 1, total=s.n_steps))
        self.title.setText(cs.tittel)
        self.story.setText(cs.tekst.strip())
        self.questions.setText("\n".join(f"• {q}" for q in s.questions()))
        gaps = s.step_gaps()
        self.gap_note.setText("\n".join(gaps))
        self.gap_note.setVisible(bool(gaps))
        self.hint.setText(self.tr("Klikk tjenestene dere vil involvere. Shift+klikk fra–til tegner en henvisning."))
        if st.marked:
            lines = [f"{i}. {s.service_name(sid)}" for i, sid in enumerate(st.marked, 1)]
            lines += [f"→ {s.service_name(a)} til {s.service_name(b)}" for a, b in st.arrows]
            self.marked_list.setText(self.tr("Vårt svar:") + "\n" + "\n".join(lines))
        else:
            self.marked_list.setText(self.tr("Vårt svar: ingen valgt ennå"))
        self.reveal_button.setEnabled(not st.revealed)
        self._fill_comparison()
        self.next_button.setText(self.tr("Oppsummering ▶") if s.state.at_end else self.tr("Neste ▶"))
        self.prev_button.setEnabled(s.index > 0)
        self.status.setText(s.last_error or "")
        self.status.setVisible(bool(s.last_error))

    def comparison_lines(self) -> list[str]:
        return [w.text() for w in self.comparison.findChildren(QLabel)]

    def _fill_comparison(self) -> None:
        s = self.session
        while self._comparison_layout.count():
            item = self._comparison_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
                item.widget().setParent(None)
        revealed = s.step.revealed
        self.comparison_title.setVisible(revealed)
        self.comparison.setVisible(revealed)
        if not revealed:
            return
        cmp = s.comparison()
        self.comparison_title.setText(self.tr("Forslag og sammenligning"))

        def add(text: str, colour: str, pt: int = 17, bold: bool = True) -> None:
            lab = _label(pt, bold=bold)
            lab.setText(text)
            lab.setStyleSheet(f"color: {colour};")
            self._comparison_layout.addWidget(lab)

        for sid in cmp.found:
            add(self.tr("✓ {navn} – funnet").format(navn=s.service_name(sid)), FOUND_COLOUR)
        for sid in cmp.missed:
            add(self.tr("? {navn} – ikke valgt").format(navn=s.service_name(sid)), MISSED_COLOUR)
        for sid in cmp.added:
            add(self.tr("+ {navn} – lagt til").format(navn=s.service_name(sid)), ADDED_COLOUR)
        if cmp.added:
            add(self.tr("Lagt til er ikke feil – et poeng for diskusjonen."), "#333333", 14, False)
        if not (cmp.found or cmp.missed or cmp.added):
            add(self.tr("Ingen forslag for dette steget"), "#333333", 14, False)

    def all_text(self) -> str:
        """Every piece of text this panel shows (tests check what is on the shared screen)."""
        parts: list[str] = []
        for w in self.findChildren(QWidget):
            for attr in ("text", "toPlainText", "placeholderText", "toolTip", "windowTitle"):
                fn = getattr(w, attr, None)
                if callable(fn):
                    try:
                        v = fn()
                    except TypeError:
                        continue
                    if isinstance(v, str):
                        parts.append(v)
            if isinstance(w, QTabWidget):
                parts += [w.tabText(i) for i in range(w.count())]
        return "\n".join(parts)
