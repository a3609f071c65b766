"""A list of a file's items (flow steps, checklist, case steps) the user can
reorder by dragging or with Alt+↑/↓, delete with Delete, and add to, with
buttons beside it. It only reports what the user did (``moved``,
``delete_requested``, ``add_requested``); the panel makes the edit and
fills the list again from the workspace."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from ..i18n import N_
from . import live_text


class ReorderList(QListWidget):
    moved = Signal(int, int)  # from, to (indexes as the file counts them)
    delete_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.InternalMove)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._filling = False
        self.model().rowsMoved.connect(self._rows_moved)

    def fill(self, texts: list[str], current: int | None = None, editable: bool = False) -> None:
        self._filling = True
        self.blockSignals(True)
        self.clear()
        self.addItems(texts)
        if editable:
            for i in range(self.count()):
                self.item(i).setFlags(self.item(i).flags() | Qt.ItemIsEditable)
        if current is not None and 0 <= current < self.count():
            self.setCurrentRow(current)
        self.blockSignals(False)
        self._filling = False

    def _rows_moved(self, _parent, start, end, _dest, row) -> None:
        if self._filling or start != end:
            return
        to = row if row < start else row - 1
        if to != start:
            self.moved.emit(start, to)

    def keyPressEvent(self, event) -> None:
        row = self.currentRow()
        if event.modifiers() & Qt.AltModifier and event.key() in (Qt.Key_Up, Qt.Key_Down) and row >= 0:
            to = row - 1 if event.key() == Qt.Key_Up else row + 1
            if 0 <= to < self.count():
                self.moved.emit(row, to)
            event.accept()
            return
        if event.key() == Qt.Key_Delete and row >= 0 and self.state() != QAbstractItemView.EditingState:
            self.delete_requested.emit(row)
            event.accept()
            return
        super().keyPressEvent(event)


class ListWithButtons(QWidget):
    """A ``ReorderList`` with Legg til / Slett / ↑ / ↓ beside it."""

    add_requested = Signal()

    def __init__(self, add_text: str, parent=None):
        """``add_text``: the add button's text for ``_()``, marked with ``N_``."""
        super().__init__(parent)
        self.list = ReorderList()
        self.add_button = live_text.text(QPushButton(), add_text)
        self.delete_button = live_text.text(QPushButton(), N_("Slett"))
        live_text.tip(self.delete_button, N_("Slett (Delete i lista)"))
        self.up_button = QPushButton("↑")
        live_text.tip(self.up_button, N_("Flytt opp (Alt+↑, eller dra)"))
        live_text.live(self.up_button, "setAccessibleName", N_("Flytt opp"))
        self.down_button = QPushButton("↓")
        live_text.tip(self.down_button, N_("Flytt ned (Alt+↓, eller dra)"))
        live_text.live(self.down_button, "setAccessibleName", N_("Flytt ned"))
        for b in (self.up_button, self.down_button):
            b.setMaximumWidth(36)
        self.add_button.clicked.connect(self.add_requested)
        self.delete_button.clicked.connect(lambda: self._row(self.list.delete_requested.emit))
        self.up_button.clicked.connect(lambda: self._row(lambda r: r > 0 and self.list.moved.emit(r, r - 1)))
        self.down_button.clicked.connect(
            lambda: self._row(lambda r: r + 1 < self.list.count() and self.list.moved.emit(r, r + 1)))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)

    def _row(self, fn) -> None:
        row = self.list.currentRow()
        if row >= 0:
            fn(row)

    def set_enabled_all(self, on: bool) -> None:
        for w in (self.list, self.add_button, self.delete_button, self.up_button, self.down_button):
            w.setEnabled(on)
