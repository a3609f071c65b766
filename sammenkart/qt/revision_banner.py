"""A quiet banner on a map whose next yearly revision is overdue
(``Map.revision_due``: ``neste_revisjon`` has passed).

A small line at the top of the map with the date and a way to the report,
in a strip of its own above the map (below the room's chips when they would
meet);
never in presentation mode (the room is not there to see the map's
paperwork), and closed with × for the rest of the session for that map.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from .. import i18n
from ..i18n import N_, _
from . import live_text
from .room_layout import below


class RevisionBanner(QFrame):
    on_top_edge = True  # the room's top_controls (see place)

    def __init__(self, window, open_report, parent: QWidget):
        super().__init__(parent)
        self.window = window
        self.closed_for: set[str] = set()  # map ids the user closed it for
        self.today = dt.date.today  # tests may fix the date
        self.setObjectName("revision-banner")
        self.setStyleSheet(
            "#revision-banner { background: rgba(250, 246, 232, 240); border: 1px solid #c9b98a;"
            " border-radius: 6px; } #revision-banner QLabel { color: #4a3f1e; }"
            " #revision-banner QToolButton { color: #4a3f1e; border: none; }")
        self.label = QLabel()
        self.label.setTextFormat(Qt.PlainText)
        self.report_button = QToolButton()
        live_text.text(self.report_button, N_("Revisjonsrapport…"))
        self.report_button.setStyleSheet("text-decoration: underline;")
        self.report_button.setCursor(Qt.PointingHandCursor)
        self.report_button.clicked.connect(open_report)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        live_text.tip(self.close_button, N_("Skjul meldingen for dette kartet"))
        self.close_button.clicked.connect(self.close_for_map)
        for b in (self.report_button, self.close_button):
            b.setFocusPolicy(Qt.NoFocus)
            b.setAutoRaise(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 2, 4, 2)
        lay.setSpacing(6)
        lay.addWidget(self.label)
        lay.addWidget(self.report_button)
        lay.addWidget(self.close_button)
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def due_text(self) -> str:
        """The banner's sentence for the current map, or "" when nothing is due."""
        m = self.window.current_map()
        if m is None or m.id in self.closed_for or not m.revision_due(self.today()):
            return ""
        d = m.neste_revisjon
        return _("Neste revisjon av kartet skulle vært gjort {dato}.").format(dato=i18n.date_text(d))

    def close_for_map(self) -> None:
        m = self.window.current_map()
        if m is not None:
            self.closed_for.add(m.id)
        self.place()

    def place(self) -> None:
        """Shown or not, and where: the top left of the map (called on every room
        layout, after the room's own overlays). It covers no control: where the
        drawer handle, a notice or a hint would be under it, it steps below them;
        the room keeps a strip above the map down to its bottom (``strip_bottom``),
        so it covers no card either."""
        text = self.due_text()
        show = bool(text) and not self.window.presentation.active
        self.label.setText(text)
        self.setVisible(show)
        if show:
            self.adjustSize()
            top = below(self.window.room.top_controls(exclude=self), QRect(8, 3, self.width(), self.height()))
            self.move(8, top)
            self.raise_()
        self.window.room.update_top_strip()

    def strip_bottom(self) -> int:
        """How far down the map's top strip must reach for the banner (0: not shown)."""
        return self.geometry().bottom() + 1 + 6 if self.isVisibleTo(self.parentWidget()) else 0
