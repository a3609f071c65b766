"""«Ulagrede endringer – Ctrl+S lagrer»: unsaved edits shown on the map, not
only as the window title's * (which full screen hides; tester round 4, item 7).

A chip at the map's top left (right of a drawer open over the left edge),
beside the edit banner in edit mode and in its place after edit mode is
left, so the map does not move when it comes; in the
strip the room keeps above the map (``strip_bottom``), so it covers no card.
A click saves (as Ctrl+S). Never in presentation mode: the projector's
audience has no use for it, and the one presenting sees it again on leaving
presentation (and closing the window asks anyway).

``UnsavedNote`` is its twin in the case facilitator's own window (on the
facilitator's screen, never the projector's): the facilitator is the one who
can save while presenting, there by a click or Ctrl+S. It also says which
files another program changed while presenting: that question waits for the
end of presentation (``edit_files.py``), so it is not asked over the room's
picture.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..i18n import N_
from . import live_text
from .plain import plain_label
from .room_layout import Chip, below

STYLE = " QPushButton { background: #ffe7a8; border-color: #b07d00; font-weight: bold; }"


class UnsavedChip(Chip):
    on_top_edge = True  # the room's top_controls: others placed later keep clear of it
    dirty_changed = Signal(bool)  # unsaved edits came or went (for the twins elsewhere)
    waiting_changed = Signal(list)  # [file name]: changed on disk, asked about after presentation

    def __init__(self, window, banner, save):
        super().__init__("", window.map_view, STYLE)
        self.window = window
        self.dirty = False
        self.waiting: list[str] = []
        self.banner = banner  # the edit banner: the chip stands beside it
        live_text.text(self, N_("● Ulagrede endringer – Ctrl+S lagrer"))
        live_text.tip(self, N_("Lagre endringene (Ctrl+S)"))
        self.save = save
        self.clicked.connect(lambda: save())

    def has_unsaved(self) -> bool:
        editor = getattr(self.window, "editor", None)
        return bool(editor is not None and editor.dirty)

    def wanted(self) -> bool:
        return self.has_unsaved() and not self.window.presentation.active

    def set_waiting(self, names: list[str]) -> None:
        """The files whose change on disk waits for presentation's end ([]: none)."""
        if names != self.waiting:
            self.waiting = list(names)
            self.waiting_changed.emit(self.waiting)

    def place(self) -> None:
        """Shown or not, and where (called on every room layout and after every change)."""
        if self.has_unsaved() != self.dirty:
            self.dirty = not self.dirty
            self.dirty_changed.emit(self.dirty)
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


class UnsavedNote(QWidget):
    """The chip's twin for the facilitator's window: shown while there are
    unsaved edits (also while presenting); a click or Ctrl+S there saves.
    Below it, the files changed on disk whose question waits."""

    def __init__(self, chip: UnsavedChip, parent: QWidget | None = None):
        super().__init__(parent)
        self.chip = chip
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.button = live_text.text(Chip("", self, STYLE), N_("● Ulagrede endringer – Ctrl+S lagrer"))
        live_text.tip(self.button, N_("Lagre endringene (Ctrl+S)"))
        self.button.clicked.connect(lambda: chip.save())
        self.waiting = plain_label()
        self.waiting.setWordWrap(True)
        lay.addWidget(self.button, 0, Qt.AlignLeft)
        lay.addWidget(self.waiting)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self._save)
        chip.dirty_changed.connect(self._dirty)
        chip.waiting_changed.connect(self._waiting)
        self._dirty(chip.has_unsaved())
        self._waiting(chip.waiting)

    def _save(self) -> None:
        if self.button.isVisible():
            self.chip.save()

    def _dirty(self, dirty: bool) -> None:
        self.button.setVisible(dirty)

    def _waiting(self, names: list) -> None:
        if names:
            live_text.text(self.waiting, N_("Endret av et annet program: {files}. Du blir spurt om det når "
                                            "presentasjonen avsluttes (Esc); kartet viser det samme til da."),
                           files=", ".join(names))
        else:
            live_text.forget(self.waiting, "setText")
            self.waiting.setText("")
        self.waiting.setVisible(bool(names))
