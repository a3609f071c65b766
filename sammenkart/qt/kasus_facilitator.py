"""The facilitator's own window: notes, timer and what comes next.

A separate top-level window so it can sit on the facilitator's laptop screen
while the shared map is on the projector. This is the only place the case's
facilitator notes are shown. It also says when there are unsaved edits, and
saves them (the map window's chip is not shown to the room while presenting;
``unsaved_chip.UnsavedNote``).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ..session.controller import Session
from .kasus_clock import SessionClock, TimerWidget
from .kasus_panel import NotesEditor
from .plain import plain_label, window_title
from .unsaved_chip import UnsavedNote
from ..i18n import N_, _
from . import live_text


class FacilitatorWindow(QWidget):
    def __init__(self, session: Session, clock: SessionClock, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.session = session
        # Opening it must not take the keyboard from the shared window (clicker keys).
        self.setAttribute(Qt.WA_ShowWithoutActivating)
        self.resize(760, 720)
        lay = QVBoxLayout(self)
        # Everything here shows the case's own text: plain text, as written.
        self.progress = plain_label()
        self.title = plain_label()
        f = self.title.font()
        f.setPointSize(20)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setObjectName("fasilitator-notater")
        nf = self.notes.font()
        nf.setPointSize(15)
        self.notes.setFont(nf)
        self.suggestion = plain_label()
        self.suggestion.setWordWrap(True)
        sf = self.suggestion.font()
        sf.setPointSize(13)
        self.suggestion.setFont(sf)
        self.team_notes = NotesEditor(session)
        self.team_notes.setMinimumHeight(120)
        self.next_title = plain_label()
        self.next_title.setWordWrap(True)
        nt = self.next_title.font()
        nt.setPointSize(13)
        self.next_title.setFont(nt)
        self.timer = TimerWidget(clock, big_pt=36)
        row = QHBoxLayout()
        self.prev_button = live_text.text(QPushButton(), N_("◀ Forrige"))
        self.reveal_button = live_text.text(QPushButton(), N_("Vis forslag"))
        self.next_button = live_text.text(QPushButton(), N_("Neste ▶"))
        # Next and Previous are wired by the case's controller (``kasus_ui.show_facilitator``):
        # through the map window, so a black projector comes back before anything steps.
        self.reveal_button.clicked.connect(session.reveal)
        for b in (self.prev_button, self.reveal_button, self.next_button):
            b.setFocusPolicy(Qt.NoFocus)
            b.setMinimumHeight(36)
            row.addWidget(b)
        QShortcut(QKeySequence("V"), self).activated.connect(session.reveal)
        for key in ("PgDown", "Right", "Space"):
            QShortcut(QKeySequence(key), self).activated.connect(self.next_button.click)
        for key in ("PgUp", "Left", "Backspace"):
            QShortcut(QKeySequence(key), self).activated.connect(self.prev_button.click)
        # Ctrl+F here while presenting (``present_search.find_service``): the facilitator
        # finds a service on the laptop, the projected map centres on it.
        self.search = None
        if getattr(parent, "map_view", None) is not None:
            from .search import SearchBox

            self.search = SearchBox(parent, rows=(0, 6), in_panel=False)
            QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.focus_search)
        chip = getattr(getattr(parent, "edit", None), "unsaved", None)  # the map window's, when it edits
        self.unsaved = UnsavedNote(chip, self) if chip is not None else None
        if self.unsaved is not None:
            lay.addWidget(self.unsaved)
        if self.search is not None:
            lay.addWidget(self.search)
        lay.addWidget(self.progress)
        lay.addWidget(self.title)
        lay.addWidget(live_text.text(QLabel(), N_("Fasilitatornotater (vises ikke på fellesskjermen):")))
        lay.addWidget(self.notes, 1)
        lay.addWidget(self.suggestion)
        lay.addWidget(self.team_notes)
        lay.addWidget(self.timer)
        lay.addWidget(self.next_title)
        lay.addLayout(row)
        session.subscribe(self._on_change)
        self.destroyed.connect(lambda *_a, s=session, f=self._on_change: s.unsubscribe(f))
        self.refresh()

    def focus_search(self) -> None:
        """The keys into this window's search field (the map window's Ctrl+F while presenting)."""
        if self.search is None:
            return
        self.raise_()
        self.activateWindow()
        self.search.edit.setFocus()
        self.search.edit.selectAll()

    def place_on_other_screen(self, shared: QWidget | None) -> None:
        """Open on a screen other than the shared window's, when there is one."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            return
        here = shared.screen() if shared is not None else QGuiApplication.primaryScreen()
        other = next((s for s in screens if s is not here), None)
        if other is not None:
            geo = other.availableGeometry()
            self.move(geo.x() + 40, geo.y() + 40)

    def _on_change(self, what: str) -> None:
        if what != "tick":
            self.refresh()

    def refresh(self) -> None:
        s = self.session
        self.setWindowTitle(window_title(_("Fasilitator – {kasus}").format(kasus=s.case.tittel)))
        self.progress.setText(_("Steg {n} av {total}").format(n=s.index + 1, total=s.n_steps))
        self.title.setText(s.case_step.tittel)
        text = (s.case_step.fasilitator or "").strip()
        self.notes.setPlainText(text or _("Ingen fasilitatornotater for dette steget."))
        names = [s.service_name(i) for i in s.comparison().suggested]
        gaps = s.step_gaps()
        sugg = ", ".join(names) if names else _("ingen")
        self.suggestion.setText(_("Forslag: {liste}").format(liste=sugg)
                                + ("\n" + "\n".join(gaps) if gaps else ""))
        nxt = s.next_title()
        self.next_title.setText(_("Neste steg: {tittel}").format(tittel=nxt) if nxt
                                else _("Siste steg – deretter oppsummering"))
        self.reveal_button.setEnabled(not s.step.revealed)
        self.prev_button.setEnabled(s.index > 0)
