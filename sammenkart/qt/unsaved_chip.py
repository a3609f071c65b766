"""«Ulagrede endringer – Ctrl+S lagrer»: unsaved edits shown on the map, not
only as the window title's * (which full screen hides; tester round 4, item 7).

A chip at the map's top left (right of a drawer open over the left edge),
beside the edit banner in edit mode and in its place after edit mode is
left, so the map does not move when it comes; in the
strip the room keeps above the map (``strip_bottom``), so it covers no card.
A click saves (as Ctrl+S). Never in presentation mode: the projector's
audience has no use for it, and the one presenting sees it again on leaving
presentation (and closing the window asks anyway).
"""
from __future__ import annotations

from PySide6.QtCore import QRect

from ..i18n import N_
from . import live_text
from .room_layout import Chip, below


class UnsavedChip(Chip):
    on_top_edge = True  # the room's top_controls: others placed later keep clear of it

    def __init__(self, window, banner, save):
        super().__init__("", window.map_view, " QPushButton { background: #ffe7a8; border-color: #b07d00;"
                                               " font-weight: bold; }")
        self.window = window
        self.banner = banner  # the edit banner: the chip stands beside it
        live_text.text(self, N_("● Ulagrede endringer – Ctrl+S lagrer"))
        live_text.tip(self, N_("Lagre endringene (Ctrl+S)"))
        self.clicked.connect(lambda: save())

    def wanted(self) -> bool:
        editor = getattr(self.window, "editor", None)
        return bool(editor is not None and editor.dirty and not self.window.presentation.active)

    def place(self) -> None:
        """Shown or not, and where (called on every room layout and after every change)."""
        show = self.wanted()
        self.setVisible(show)
        if show:
            self.adjustSize()
            room, view = self.window.room, self.window.map_view
            x = 8
            if self.banner.isVisibleTo(view):
                x = self.banner.geometry().right() + 1 + 8
            if room.mode() == "drawer" and room.drawer_left:  # an open drawer over the left edge
                x = max(x, room.side.width() + 8)
            top = below(self.window.room.top_controls(exclude=self), QRect(x, 8, self.width(), self.height()))
            self.move(x, top)
            self.raise_()
        self.window.room.update_top_strip()  # the strip above the map grows or shrinks with it

    def strip_bottom(self) -> int:
        return self.geometry().bottom() + 1 + 4 if self.isVisibleTo(self.window.map_view) else 0
