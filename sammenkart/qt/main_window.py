"""The main window: the map in the middle, lists and panels around it.

State that matters (map, pathway, step) lives here and flows one way: a
change computes an Emphasis in pure code and hands it to the scene.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QMenu,
    QPlainTextEdit, QSpinBox, QTextEdit, QToolBar, QVBoxLayout, QWidget,
)

from ..emphasis import PLAIN
from ..graph import resolve_steps
from ..layout.engine import layout_map
from ..model import Map, Pathway, Workspace
from ..overlay import pathway_emphasis
from ..plaintext import html_inline
from . import plain
from .legend import LegendWidget
from .map_scene import MapScene
from .map_view import MapView
from .panels import DetailsPanel, PathwayPanel, service_names
from .presentation import Presentation
from .search import SearchBox
from . import window_actions

NEXT_KEYS = {Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Space}
PREV_KEYS = {Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Backspace}
TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QSpinBox)


class MainWindow(QMainWindow):
    map_changed = Signal(str)
    pathway_changed = Signal()

    def __init__(self, workspace: Workspace, settings: QSettings | None = None):
        super().__init__()
        self.workspace = workspace
        self.settings = settings or QSettings()
        self.setWindowTitle("Sammenkart")
        self.layouts: dict[str, object] = {}
        self._map: Map | None = None
        self._pathway: Pathway | None = None
        self.step: int | None = None
        self.stepper = None
        self._menus: dict[str, QMenu] = {}

        self.scene = MapScene(self)
        self.map_view = MapView(self.scene)
        self.setCentralWidget(self.map_view)
        self.scene.service_clicked.connect(self.show_details)

        self._build_side()
        window_actions.build(self)
        self.presentation = Presentation(self)
        QApplication.instance().installEventFilter(self)
        self.set_workspace(workspace)
        window_actions.restore(self)
        try:
            from . import kasus_ui
        except ImportError:
            kasus_ui = None
        if kasus_ui is not None:
            self.kasus = kasus_ui.install(self)

    # -- building ---------------------------------------------------------
    def _build_side(self) -> None:
        self.search = SearchBox(self)
        self.maps_list = QListWidget()
        self.maps_list.currentRowChanged.connect(self._map_row_changed)
        self.pathways_list = QListWidget()
        self.pathways_list.currentRowChanged.connect(self._pathway_row_changed)
        self.legend = LegendWidget()
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.search)
        lay.addWidget(self.maps_list, 1)
        lay.addWidget(self.pathways_list, 3)
        self.left_dock = self.add_side_panel(left, self.tr("Kart og forløp"), Qt.LeftDockWidgetArea)
        self.legend_dock = self.add_side_panel(self.legend, self.tr("Tegnforklaring"), Qt.LeftDockWidgetArea)
        self.details = DetailsPanel()
        self.details_dock = self.add_side_panel(self.details, self.tr("Tjeneste"))
        self.pathway_panel = PathwayPanel()
        self.pathway_panel.step_chosen.connect(lambda s: self.set_step(None if s < 0 else s))
        self.pathway_panel.first_btn.clicked.connect(self.first_step)
        self.pathway_panel.prev_btn.clicked.connect(self.previous_step)
        self.pathway_panel.next_btn.clicked.connect(self.next_step)
        self.pathway_panel.last_btn.clicked.connect(self.last_step)
        self.pathway_dock = self.add_side_panel(self.pathway_panel, self.tr("Forløp"))
        self.tabifyDockWidget(self.details_dock, self.pathway_dock)
        self.problems_list = QListWidget()
        self.problems_list.itemActivated.connect(lambda it: plain.message(self, self.tr("Problem i fil"), it.text()))
        self.problems_dock = self.add_side_panel(self.problems_list, self.tr("Problemer i filene"), Qt.BottomDockWidgetArea)

    # -- public API (used by the kasus UI, the poster dialog and tests) -----
    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def add_side_panel(self, widget: QWidget, title: str, area=Qt.RightDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName("dock-" + title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def chrome_widgets(self) -> list[QWidget]:
        """Everything presentation mode hides."""
        docks = [d for d in self.findChildren(QDockWidget)]
        return [*docks, self.menuBar(), self.statusBar(), *self.findChildren(QToolBar)]

    def current_map(self) -> Map | None:
        return self._map

    def current_layout(self):
        return self.layouts.get(self._map.id) if self._map else None

    def current_pathway(self) -> Pathway | None:
        return self._pathway

    def set_stepper(self, obj) -> None:
        """While a case runs, clicker keys step the case instead of the pathway."""
        self.stepper = obj

    def set_workspace(self, ws: Workspace) -> None:
        self.workspace = ws
        self.layouts.clear()
        self.maps_list.blockSignals(True)
        self.maps_list.clear()
        for m in sorted(ws.maps.values(), key=lambda m: m.navn):
            item = QListWidgetItem(m.navn, self.maps_list)
            item.setData(Qt.UserRole, m.id)
        self.maps_list.blockSignals(False)
        self.problems_list.clear()
        for p in ws.problems:
            self.problems_list.addItem(str(p))
        # Warnings (a pathway naming a service this map lacks) are expected and
        # shown where they matter; the dock opens by itself only for errors.
        self.problems_dock.setVisible(bool(ws.errors))
        if ws.problems:
            self.problems_dock.setWindowTitle(self.tr("Problemer i filene ({n})").format(n=len(ws.problems)))
        # The map list is short; give the pathways the room.
        rows = max(2, min(6, self.maps_list.count()))
        self.maps_list.setMaximumHeight(rows * self.maps_list.sizeHintForRow(0) + 8)
        if ws.maps:
            self.maps_list.setCurrentRow(0)
        else:
            self._show_map(None)

    def select_map(self, map_id: str) -> bool:
        for row in range(self.maps_list.count()):
            if self.maps_list.item(row).data(Qt.UserRole) == map_id:
                self.maps_list.setCurrentRow(row)
                return True
        return False

    def select_pathway(self, pathway_id: str | None) -> bool:
        for row in range(self.pathways_list.count()):
            if self.pathways_list.item(row).data(Qt.UserRole) == pathway_id:
                self.pathways_list.setCurrentRow(row)
                return True
        return False

    # -- map and pathway --------------------------------------------------
    def _map_row_changed(self, row: int) -> None:
        item = self.maps_list.item(row) if row >= 0 else None
        self._show_map(self.workspace.maps.get(item.data(Qt.UserRole)) if item else None)

    def _show_map(self, m: Map | None) -> None:
        previous = self._pathway.id if self._pathway else None
        self._map = m
        self.pathways_list.blockSignals(True)
        self.pathways_list.clear()
        none = QListWidgetItem(self.tr("Ingen forløp"), self.pathways_list)
        none.setData(Qt.UserRole, None)
        offered = self.workspace.pathways_for(m) if m else []
        for p in sorted(offered, key=lambda p: p.navn):
            item = QListWidgetItem(p.navn, self.pathways_list)
            item.setData(Qt.UserRole, p.id)
        self.pathways_list.blockSignals(False)
        if m is None:
            self.scene.clear()
            self.legend.set_map(None, self.scene.pal)
            return
        if m.id not in self.layouts:
            self.layouts[m.id] = layout_map(m, offered)
        self.scene.set_content(m, self.layouts[m.id])
        self.legend.set_map(m, self.scene.pal)
        self.details.show_service(None, None, [])
        self.map_view.fit()
        self._pathway, self.step = None, None
        if not (previous and self.select_pathway(previous)):
            self.pathways_list.setCurrentRow(0)
        self.setWindowTitle(plain.window_title(self.tr("{navn} – Sammenkart").format(navn=m.navn)))
        self.map_changed.emit(m.id)

    def _pathway_row_changed(self, row: int) -> None:
        item = self.pathways_list.item(row) if row >= 0 else None
        pid = item.data(Qt.UserRole) if item else None
        self._pathway = self.workspace.pathways.get(pid) if pid else None
        self.step = None
        self.pathway_panel.show_pathway(self._map, self._pathway)
        if self._pathway is not None:
            self.pathway_dock.raise_()
        self._apply()
        self.pathway_changed.emit()

    def set_step(self, step: int | None) -> None:
        if self._pathway is None:
            return
        n = len(self._pathway.flyt)
        self.step = None if step is None else max(0, min(n - 1, step))
        self.pathway_panel.show_step(self.step)
        self._apply()

    def _apply(self) -> None:
        if self._map is None:
            return
        em = pathway_emphasis(self._map, self._pathway, self.step) if self._pathway else PLAIN
        self.scene.set_emphasis(em)
        self.presentation.update_caption()
        self._status()

    def _status(self) -> None:
        m = self._map
        if m is None:
            self.statusBar().showMessage(self.tr("Ingen kart lastet"))
            return
        text = self.tr("{navn} · {n} tjenester").format(navn=m.navn, n=len(m.tjenester))
        if self._pathway:
            text += " · " + self._pathway.navn
            if self.step is not None:
                text += " · " + self.tr("steg {n} av {total}").format(n=self.step + 1, total=len(self._pathway.flyt))
        self.statusBar().showMessage(text)

    def caption_text(self) -> str:
        """What presentation mode shows large: the current step and its condition
        (or, while a case runs, the case's step and questions)."""
        if self.stepper is not None and hasattr(self.stepper, "caption_text"):
            return self.stepper.caption_text()
        p, m = self._pathway, self._map
        if p is None or m is None or self.step is None:
            return f"<b>{escape(p.navn)}</b>" if p else ""
        rs = resolve_steps(m, p)[self.step]
        head = self.tr("Steg {n}: {fra} → {til}").format(
            n=self.step + 1, fra=service_names(m, rs.fra, rs.step.fra), til=service_names(m, rs.til, rs.step.til))
        return f"<b>{escape(head)}</b>" + (f"<br>{html_inline(rs.step.nar)}" if rs.step.nar else "")

    # -- stepping (clicker keys) ------------------------------------------
    def next_step(self) -> None:
        if self.stepper is not None:
            return self.stepper.next_step()
        if self._pathway is not None:
            self.set_step(0 if self.step is None else self.step + 1)

    def previous_step(self) -> None:
        if self.stepper is not None:
            return self.stepper.previous_step()
        if self._pathway is not None and self.step is not None:
            self.set_step(None if self.step == 0 else self.step - 1)

    def first_step(self) -> None:
        if self.stepper is not None:
            return self.stepper.first_step()
        self.set_step(0)

    def last_step(self) -> None:
        if self.stepper is not None:
            return self.stepper.last_step()
        if self._pathway is not None:
            self.set_step(len(self._pathway.flyt) - 1)

    def show_details(self, service_id: str) -> None:
        m = self._map
        if m is None or self.stepper is not None:
            return  # during a case, clicks mark services instead
        self.details.show_service(m, m.service(service_id), self.workspace.pathways_for(m))
        self.details_dock.raise_()

    # -- keys ---------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.KeyPress or not self.isActiveWindow():
            return False
        if isinstance(QApplication.focusWidget(), TEXT_WIDGETS):
            return False  # typing in a field is never a clicker press
        key = event.key()
        if key in NEXT_KEYS:
            self.next_step()
        elif key in PREV_KEYS:
            self.previous_step()
        elif key == Qt.Key_Home:
            self.first_step()
        elif key == Qt.Key_End:
            self.last_step()
        elif key in (Qt.Key_B, Qt.Key_Period):
            self.presentation.black.toggle()
        elif key == Qt.Key_Escape and self.presentation.active:
            self.presentation.leave()
        elif key == Qt.Key_Question or key == Qt.Key_F1:
            window_actions.show_keys(self)
        else:
            return False
        return True

    def closeEvent(self, event) -> None:
        window_actions.save(self)
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
