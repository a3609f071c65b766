"""The shared screen's step view: story, questions, the team's answer, the reveal.

Everything shown comes from the pure ``Session``; this panel only lays it out
large enough to read from the back of a room. Facilitator notes are never put
in any widget here.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout, QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QTabWidget, QVBoxLayout,
    QWidget,
)

from ..session.controller import Session
from ..style import palette
from .kasus_clock import SessionClock, TimerWidget
from ..i18n import N_, _
from . import live_text

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

    LABELS = (("hindringer", N_("Hindringer")), ("muligheter", N_("Muligheter")), ("fritekst", N_("Notater")))

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.editors: dict[str, QPlainTextEdit] = {}
        for i, (key, label) in enumerate(self.LABELS):
            ed = QPlainTextEdit()
            live_text.live(ed, "setPlaceholderText", N_("Skriv her – lagres med en gang"))
            f = ed.font()
            f.setPointSize(13)
            ed.setFont(f)
            ed.textChanged.connect(lambda k=key, e=ed: self.session.set_note(k, e.toPlainText()))
            self.editors[key] = ed
            self.addTab(ed, "")
            live_text.live(self, ("setTabText", i), label)
            live_text.live(self, ("setTabToolTip", i), label)  # the whole name where the tab shortens it
        # Three tabs in a narrow column: they share its width and shorten their
        # names ("…") rather than scroll the first out of sight.
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.ElideRight)
        self.tabBar().setStyleSheet("QTabBar::tab { padding: 4px 6px; }")
        # Two editors (shared panel and facilitator window) stay in step through the session.
        session.subscribe(self._on_change)
        self.destroyed.connect(lambda *_a, s=session, f=self._on_change: s.unsubscribe(f))
        self.load()

    def focus_editor(self) -> None:
        """Put the keyboard in the field of the tab shown."""
        ed = self.currentWidget()
        if ed is not None:
            ed.setFocus(Qt.OtherFocusReason)
            ed.moveCursor(ed.textCursor().MoveOperation.End)

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
    """Step view for the shared screen, beside or under the map.

    Three parts: the story (A), the questions and the team's answer with its
    buttons (B), and the timer, notes and the way on (C). In a tall column
    they stack; in a wide band under the map (where the map's shape leaves
    room below it) they stand side by side. Story, questions, answer and
    buttons fit without scrolling: the text shrinks (down to ``SCALES[-1]`` of
    its size) to the room there is; only beyond that does the step scroll.
    The team's notes fold away behind a button where there is little room.
    """

    arrow_mode_changed = Signal(bool)
    # The height the step needs in a band changed (``band_wish``): the room lays out again.
    wish_changed = Signal()

    # widget attribute -> (point size at full scale, bold)
    FONTS = {"progress": (12, False), "title": (22, True), "story": (17, False), "questions": (16, True),
             "gap_note": (13, False), "hint": (11, False), "marked_list": (15, True),
             "comparison_title": (15, True)}
    SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.61, 0.56)
    NOTES_FROM = 820  # px of column height from which the notes start unfolded
    # Heights (px) the open notes take in a column, tallest first: they give up
    # height before the step's text shrinks a size (a few lines stay to type in).
    NOTES_HEIGHTS = (130, 100, 72)
    BAND_RATIO = 1.8  # wider than this × its height: a band (parts side by side)

    def __init__(self, session: Session, clock: SessionClock, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.scale = 1.0
        self.orientation = "column"
        # In a band: the least height (px) that shows the step whole at the smallest
        # text size (the room gives the map the rest when that is more than it needs)
        self.band_wish = 0
        self._fit_pending = False
        self.setMinimumWidth(280)
        self.outer = QBoxLayout(QBoxLayout.TopToBottom, self)
        self.outer.setContentsMargins(4, 4, 4, 4)
        self.scroll = QScrollArea()
        # The panel sizes the step itself (``_size_body``): Qt's own sizing of a
        # scrolled widget asks nested word-wrapping layouts for heights they
        # do not report reliably, and then scrolls what would have fitted.
        self.scroll.setWidgetResizable(False)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setFocusPolicy(Qt.NoFocus)  # no Tab stop that shows nothing (tester round 6)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body_layout = QBoxLayout(QBoxLayout.TopToBottom, self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(8)
        self.scroll.setWidget(self.body)
        self.outer.addWidget(self.scroll, 1)

        self.progress = _label(12)
        self.title = _label(22, bold=True)
        self.story = _label(17)
        self.questions = _label(16, bold=True)
        self.questions.setObjectName("kasus-questions")
        self.questions.setStyleSheet(
            "#kasus-questions { background: #fff4c2; color: #1f1f1f; border-left: 6px solid #d4a000;"
            " padding: 8px; }")
        self.gap_note = _label(13)
        self.gap_note.setStyleSheet("color: #7a4b00; font-style: italic;")
        self.hint = _label(11)
        self.hint.setStyleSheet("color: #555555;")
        self.marked_list = _label(15, bold=True)
        self.marked_list.setStyleSheet(f"color: {_PAL.marked};")

        self.part_story = QWidget()
        a = QVBoxLayout(self.part_story)
        a.setContentsMargins(0, 0, 0, 0)
        a.setSpacing(6)
        for w in (self.progress, self.title, self.story, self.gap_note):
            a.addWidget(w)
        a.addStretch(1)

        self.part_answer = QWidget()
        lay = QVBoxLayout(self.part_answer)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.questions)
        lay.addWidget(self.hint)
        lay.addWidget(self.marked_list)
        # The answer's buttons: under the answer in a column, beside the notes in a band.
        self.answer_buttons = QWidget()
        row = QHBoxLayout(self.answer_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.arrow_button = live_text.text(QPushButton(), N_("Tegn henvisning"))
        self.arrow_button.setCheckable(True)
        live_text.tip(self.arrow_button, N_("Klikk først tjenesten som henviser, så den som mottar"))
        self.arrow_button.toggled.connect(self.arrow_mode_changed)
        self.reveal_button = live_text.text(QPushButton(), N_("Vis forslag (V)"))
        self.reveal_button.clicked.connect(self.session.reveal)
        for b in (self.arrow_button, self.reveal_button):
            b.setFocusPolicy(Qt.NoFocus)  # keep the keyboard on the map for the clicker
            row.addWidget(b)
        lay.addWidget(self.answer_buttons)

        self.comparison_title = _label(15, bold=True)
        # Labels rather than a list view: they wrap, so long names never scroll sideways.
        self.comparison = QWidget()
        self.comparison.setObjectName("kasus-comparison")
        self._comparison_layout = QVBoxLayout(self.comparison)
        self._comparison_layout.setContentsMargins(0, 0, 0, 0)
        self._comparison_layout.setSpacing(2)
        self._comparison_fonts: list[tuple[QLabel, int, bool]] = []
        lay.addWidget(self.comparison_title)
        lay.addWidget(self.comparison)
        lay.addStretch(1)
        self.body_layout.addWidget(self.part_story)
        self.body_layout.addWidget(self.part_answer)
        self.body_layout.addStretch(0)  # a column's spare height goes below the answer

        # Part C: timer, notes (folding) and the way on.
        self.part_tools = QWidget()
        c = QVBoxLayout(self.part_tools)
        c.setContentsMargins(0, 0, 0, 0)
        c.setSpacing(6)
        self.timer = TimerWidget(clock, big_pt=18)
        c.addWidget(self.timer)
        self.notes_button = live_text.text(QPushButton(), N_("✎ Notater"))
        self.notes_button.setCheckable(True)
        live_text.tip(self.notes_button, N_("Hindringer, muligheter og notater for steget"))
        self.notes_button.toggled.connect(self._show_notes)
        self._notes_chosen = False
        self.notes_button.clicked.connect(self._notes_clicked)
        self.notes = NotesEditor(session)
        self.notes.setMinimumHeight(self.NOTES_HEIGHTS[-1])
        self.notes.setMaximumHeight(self.NOTES_HEIGHTS[0])  # a column's (the panel starts as one)
        self.notes.hide()
        c.addWidget(self.notes, 1)

        nav = self.nav = QHBoxLayout()
        self.prev_button = live_text.text(QPushButton(), N_("◀ Forrige"))
        self.next_button = QPushButton()  # "Neste ▶" or "Oppsummering ▶" (refresh)
        self.prev_button.clicked.connect(self.session.previous_step)
        for b in (self.prev_button, self.notes_button, self.next_button):
            b.setFocusPolicy(Qt.NoFocus)
            b.setMinimumHeight(32)
            f = b.font()
            f.setPointSize(12)
            b.setFont(f)
            nav.addWidget(b)
        c.addLayout(nav)
        self.status = _label(11)
        self.status.setStyleSheet("color: #b00020;")
        c.addWidget(self.status)
        self.outer.addWidget(self.part_tools)

        session.subscribe(self._on_change)
        self.destroyed.connect(lambda *_a, s=session, f=self._on_change: s.unsubscribe(f))
        self.refresh()

    def set_orientation(self, orientation: str) -> None:
        """"column" (parts stacked) or "band" (side by side, under the map)."""
        if orientation == self.orientation:
            return
        self.orientation = orientation
        band = orientation == "band"
        self.body_layout.setDirection(QBoxLayout.LeftToRight if band else QBoxLayout.TopToBottom)
        self.body_layout.setSpacing(18 if band else 8)
        self.outer.setDirection(QBoxLayout.LeftToRight if band else QBoxLayout.TopToBottom)
        self.outer.setStretchFactor(self.scroll, 1)
        # In a band the answer's buttons join the timer and notes, so the
        # answer (and after the reveal, the comparison) has the height.
        answer_layout, tools_layout = self.part_answer.layout(), self.part_tools.layout()
        if band:
            answer_layout.removeWidget(self.answer_buttons)
            tools_layout.insertWidget(1, self.answer_buttons)
        else:
            tools_layout.removeWidget(self.answer_buttons)
            answer_layout.insertWidget(answer_layout.indexOf(self.marked_list) + 1, self.answer_buttons)
        if band:
            self.notes.setMaximumHeight(16777215)
        else:
            self.part_tools.setMinimumWidth(0)
            self.part_tools.setMaximumWidth(16777215)
            self.notes.setMaximumHeight(self.NOTES_HEIGHTS[0])
        self.fit_later()

    # -- fitting the column ------------------------------------------------------
    def _show_notes(self, on: bool) -> None:
        self.notes.setVisible(on)
        self.fit_later()

    def _notes_clicked(self, on: bool) -> None:
        """The team chose the notes: opened, the keys go to the field shown (typing
        writes the note, never a map shortcut such as B); closed, back to the map."""
        self._notes_chosen = True
        if on:
            self.notes.focus_editor()
        elif self.notes.isAncestorOf(self.focusWidget() or self):
            give_back = getattr(self.window(), "give_keys_to_map", None)
            if callable(give_back):
                give_back()

    def _apply_scale(self, scale: float) -> None:
        self.scale = scale
        for name, (pt, bold) in self.FONTS.items():
            w = getattr(self, name)
            f = QFont(w.font())
            f.setPointSizeF(max(8.0, pt * scale))
            f.setBold(bold)
            w.setFont(f)
        for lab, pt, bold in self._comparison_fonts:
            f = QFont(lab.font())
            f.setPointSizeF(max(8.0, pt * scale))
            f.setBold(bold)
            lab.setFont(f)
        for b in (self.arrow_button, self.reveal_button):
            f = QFont(b.font())
            f.setPointSizeF(max(9.0, 13 * scale))
            b.setFont(f)

    # Shares of a band's text width the story may get; the answer (and comparison)
    # gets the rest. The one whose taller part is lowest wins: a long story gets
    # the width before the reveal, a long comparison after it.
    STORY_SHARES = (0.58, 0.52, 0.46, 0.40, 0.34)

    def _invalidate(self) -> None:
        # Text sizes just changed: drop every cached size under the step first
        # (nested layouts otherwise answer with the previous font's heights).
        for w in (*self.body.findChildren(QWidget), self.body):
            if w.layout() is not None:
                w.layout().invalidate()
            w.updateGeometry()

    def band_split(self, width: int) -> tuple[int, int]:
        """(story, answer) widths (px) in a band whose text is ``width`` wide."""
        spacing = self.body_layout.spacing()
        best = None
        for share in self.STORY_SHARES:
            w_story = int((width - spacing) * share)
            w_answer = width - spacing - w_story
            h = max(self.part_story.heightForWidth(w_story), self.part_answer.heightForWidth(w_answer))
            if best is None or h < best[0]:
                best = (h, w_story, w_answer)
        return best[1], best[2]

    def body_height(self, width: int) -> int:
        """Height (px) the step needs at ``width``, measured part by part at the
        widths they get."""
        self._invalidate()
        spacing = self.body_layout.spacing()
        if self.orientation == "band":
            w_story, w_answer = self.band_split(width)
            return max(self.part_story.heightForWidth(w_story), self.part_answer.heightForWidth(w_answer))
        return self.part_story.heightForWidth(width) + spacing + self.part_answer.heightForWidth(width)

    def body_fits(self) -> bool:
        """True when the whole step is visible (no scrolling)."""
        return self.body_height(self.scroll.width()) <= self.scroll.height()

    def _size_body(self) -> None:
        width, height = self.scroll.width(), self.scroll.height()
        need = self.body_height(width)
        if need > height:  # scrolling after all: the scroll bar takes its width
            width -= self.scroll.verticalScrollBar().sizeHint().width()
            need = self.body_height(width)
        # Each part at least as tall as its text needs (the box layout would
        # otherwise share the height out by size hints and cut a part short).
        band = self.orientation == "band"
        widths = self.band_split(width) if band else (width, width)
        for part, w in zip((self.part_story, self.part_answer), widths):
            part.setMinimumHeight(part.heightForWidth(w))
            if band:  # the widths measured are the widths they get
                part.setFixedWidth(w)
            else:
                part.setMinimumWidth(0)
                part.setMaximumWidth(16777215)
        self.body.setFixedSize(max(1, width), max(need, height))

    def nav_width(self) -> int:
        """Width (px) the way-on row needs to show every button's label whole
        ("Oppsummering ▶" on the last step is the longest)."""
        buttons = (self.prev_button, self.notes_button, self.next_button)
        return sum(b.sizeHint().width() for b in buttons) + self.nav.spacing() * (len(buttons) - 1)

    def fit(self) -> None:
        self._fit_pending = False
        self.set_orientation("band" if self.width() > self.BAND_RATIO * self.height() else "column")
        band = self.orientation == "band"
        if band:  # a quarter of the band, wider where the way on's labels need it
            self.part_tools.setFixedWidth(max(min(340, max(260, self.width() // 4)), self.nav_width()))
        if not self._notes_chosen:  # open where there is room for them, folded where not (fit again follows)
            roomy = self.height() >= (self._tools_need(True) if band else self.NOTES_FROM)
            if roomy != self.notes_button.isChecked():
                self.notes_button.setChecked(roomy)
        self.outer.activate()
        if self.scroll.width() < 60 or self.scroll.height() < 60:
            return
        column_notes = not band and self.notes.isVisibleTo(self)
        fitted = False
        for scale in self.SCALES:
            self._apply_scale(scale)
            for notes_h in (self.NOTES_HEIGHTS if column_notes else (None,)):
                if notes_h is not None and self.notes.maximumHeight() != notes_h:
                    self.notes.setMaximumHeight(notes_h)
                    self.outer.activate()
                if self.body_fits():
                    fitted = True
                    break
            if fitted:
                break
        self._update_wish()
        self._size_body()

    def _tools_need(self, notes: bool) -> int:
        """Height (px) the band needs for the timer, the buttons and the way on,
        and with ``notes`` the notes at their least (band orientation)."""
        h = self.part_tools.minimumSizeHint().height()
        shown = self.notes.isVisibleTo(self.part_tools)
        if shown != notes:
            extra = max(self.notes.minimumHeight(), self.notes.minimumSizeHint().height()) \
                + self.part_tools.layout().spacing()
            h += extra if notes else -extra
        margins = self.outer.contentsMargins()
        return h + margins.top() + margins.bottom()

    def _update_wish(self) -> None:
        """``band_wish`` for the step as it is now, measured at the smallest text
        size (the fit above leaves it there when nothing larger fitted)."""
        wish = 0
        if self.orientation == "band":
            scale = self.scale
            if scale != self.SCALES[-1]:
                self._apply_scale(self.SCALES[-1])
            chrome = self.height() - self.scroll.height()  # the panel's margins around the step
            # the notes count only when the team opened them: else they fold where there is no room
            tools = self._tools_need(self._notes_chosen and self.notes_button.isChecked())
            wish = max(self.body_height(self.scroll.width()) + chrome, tools)
            if scale != self.SCALES[-1]:
                self._apply_scale(scale)
        if wish != self.band_wish:
            self.band_wish = wish
            self.wish_changed.emit()

    def fit_later(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self.fit)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_later()

    def _on_change(self, what: str) -> None:
        if what == "tick":
            return
        self.refresh()

    def refresh(self) -> None:
        s = self.session
        cs, st = s.case_step, s.step
        self.progress.setText(_("{kasus} · steg {n} av {total}").format(
            kasus=s.case.tittel, n=s.index + 1, total=s.n_steps))
        self.title.setText(cs.tittel)
        self.story.setText(cs.tekst.strip())
        self.questions.setText("\n".join(f"• {q}" for q in s.questions()))
        gaps = s.step_gaps()
        self.gap_note.setText("\n".join(gaps))
        self.gap_note.setVisible(bool(gaps))
        # How to answer, until the team has begun; then the room goes to the answer.
        self.hint.setText(_("Klikk tjenestene dere vil involvere (eller Ctrl+F, navnet og Enter). "
                             "Shift+klikk fra–til tegner en henvisning."))
        self.hint.setVisible(not st.marked and not st.revealed)
        arrows = [_("→ {fra} til {til}").format(fra=s.service_name(a), til=s.service_name(b))
                  for a, b in st.arrows]
        if st.revealed:
            # The comparison names every service the team chose; only the referrals stay here.
            self.marked_list.setText(_("Våre henvisninger:") + "\n" + "\n".join(arrows) if arrows else "")
        elif st.marked:
            lines = [f"{i}. {s.service_name(sid)}" for i, sid in enumerate(st.marked, 1)]
            self.marked_list.setText(_("Vårt svar:") + "\n" + "\n".join(lines + arrows))
        else:
            self.marked_list.setText(_("Vårt svar: ingen valgt ennå"))
        self.marked_list.setVisible(bool(self.marked_list.text()))
        self.reveal_button.setEnabled(not st.revealed)
        self._fill_comparison()
        self.next_button.setText(_("Oppsummering ▶") if s.state.at_end else _("Neste ▶"))
        self.prev_button.setEnabled(s.index > 0)
        self.status.setText(s.last_error or "")
        self.status.setVisible(bool(s.last_error))
        self.fit_later()

    def show_hint(self, text: str) -> None:
        """A short instruction above the answer (drawing a referral: "click the receiver")."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.fit_later()

    def comparison_lines(self) -> list[str]:
        return [w.text() for w in self.comparison.findChildren(QLabel)]

    def _fill_comparison(self) -> None:
        s = self.session
        self._comparison_fonts = []
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
        self.comparison_title.setText(_("Forslag og sammenligning"))

        def add(text: str, colour: str, pt: int = 15, bold: bool = True) -> None:
            lab = _label(pt, bold=bold)
            lab.setText(text)
            lab.setStyleSheet(f"color: {colour};")
            self._comparison_layout.addWidget(lab)
            self._comparison_fonts.append((lab, pt, bold))
            f = QFont(lab.font())
            f.setPointSizeF(max(8.0, pt * self.scale))
            lab.setFont(f)

        for sid in cmp.found:
            add(_("✓ {navn} – funnet").format(navn=s.service_name(sid)), FOUND_COLOUR)
        for sid in cmp.missed:
            add(_("? {navn} – ikke valgt").format(navn=s.service_name(sid)), MISSED_COLOUR)
        for sid in cmp.added:
            add(_("+ {navn} – lagt til").format(navn=s.service_name(sid)), ADDED_COLOUR)
        if cmp.added:
            add(_("Lagt til er ikke feil – et poeng for diskusjonen."), "#333333", 12, False)
        if not (cmp.found or cmp.missed or cmp.added):
            add(_("Ingen forslag for dette steget"), "#333333", 12, False)

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
