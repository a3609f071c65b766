"""Find a service by name or type as you type; the map centres on it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..i18n import N_
from ..textsearch import matches
from . import live_text


class SearchBox(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window = window
        self.edit = QLineEdit()
        live_text.live(self.edit, "setPlaceholderText", N_("Søk etter tjeneste (Ctrl+F)"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(140)
        self.results.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        lay.addWidget(self.results)
        self.edit.textChanged.connect(self.update_results)
        self.edit.returnPressed.connect(self.choose_first)
        self.results.itemActivated.connect(self._picked)
        # moving in the results shows each service; only Enter (or a double click) picks one
        self.results.currentItemChanged.connect(lambda item, _old: self._chosen(item) if item else None)

    def focus(self) -> None:
        self.window.show_panel(self.window.choose_panel)
        self.edit.setFocus()
        self.edit.selectAll()

    def update_results(self, text: str) -> None:
        found = matches(self.window.current_map(), text)
        self.results.blockSignals(True)
        self.results.clear()
        for s in found[:50]:
            item = QListWidgetItem(s.navn, self.results)
            item.setData(Qt.UserRole, s.id)
        self.results.blockSignals(False)
        self.results.setVisible(bool(text.strip()))
        if found:
            self.window.map_view.center_on_service(found[0].id, flash=False)

    def choose_first(self) -> None:
        """Enter in the field: the result chosen in the list, else the first."""
        item = self.results.currentItem() if self.results.isVisible() else None
        if item is None and self.results.count():
            item = self.results.item(0)
        if item is not None:
            self._picked(item)

    def _chosen(self, item) -> None:
        sid = item.data(Qt.UserRole)
        self.window.map_view.center_on_service(sid)
        self.window.show_details(sid)

    def _picked(self, item) -> None:
        """Enter on a service: while a case runs it goes into the team's answer (or
        out of it), as a click on its card does, and the keys go back to the map;
        otherwise its details are shown."""
        sid = item.data(Qt.UserRole)
        pick = getattr(self.window.stepper, "pick_service", None)
        if callable(pick):
            self.window.map_view.center_on_service(sid)
            pick(sid)
            self.edit.clear()
            self.window.give_keys_to_map()
            return
        self._chosen(item)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.edit.clear()
            self.window.map_view.setFocus()
        else:
            super().keyPressEvent(event)
