"""The main window: the map first; lists and panels give way to it.

State that matters (map, pathway, step) lives here and flows one way: a
change computes an Emphasis in pure code and hands it to the scene. Where
the panels go (a column, a drawer over the map, nothing in presentation) is
the room layout's business (``room_layout.py``); which key does what is the
key policy's (``keys.py``).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QListWidget, QListWidgetItem, QMainWindow, QMenu, QToolBar, QVBoxLayout, QWidget,
)

from .. import i18n, loader
from ..graph import resolve_steps
from ..layout.reuse import LayoutCache
from ..model import Map, Pathway, Workspace
from ..problem_groups import grouped
from ..stress import map_stress
from . import window_actions, window_state, window_sync
from .keys import NEXT_KEYS, PREV_KEYS, KeyPolicy
from ..plaintext import html_inline
from .legend import LegendWidget
from .map_scene import MapScene
from .map_view import MapView
from .panels import DetailsPanel, PathwayPanel, service_names
from .present_search import PresentSearch
from .presentation import Presentation
from .problems_panel import ProblemsPanel
from .room_layout import READABLE_PX, EmptyState, RoomLayout
from .search import SearchBox
from ..i18n import N_, _


class MainWindow(QMainWindow):
    map_changed = Signal(str)
    pathway_changed = Signal()
    workspace_set = Signal()  # another folder was opened (set_workspace)
    workspace_updated = Signal()  # update_workspace: the same folder, edited
    language_changed = Signal(str)  # retranslate: panels say their own texts again ("nb", "nn", "en")

    def __init__(self, workspace: Workspace, settings: QSettings | None = None, restore: bool = True):
        super().__init__()
        # The one Editor of the open folder once anything is edited or read again
        # (qt/edit_ui.py); what the window shows is then read from it (``workspace``).
        self.editor = None
        self.workspace = workspace
        self.settings = settings if settings is not None else window_state.app_settings()
        self.setWindowTitle("Sammenkart")
        self.layouts = LayoutCache()  # one layout per map, laid out again only when it would change
        self.service_chooser = None  # edit mode: a click or search picks a service for its form
        self._map: Map | None = None
        self._pathway: Pathway | None = None
        self.step: int | None = None
        self.stepper = None
        self.colouring_provider = None  # see set_colouring
        self.map_view_provider = None  # see set_map_view
        self._chosen: Map | None = None  # the workspace's map; _map is what is shown of it
        # a map whose file could not be read any more: (its id, pathway id, step, the map shown
        # instead), to go back there when the file is mended (window_sync)
        self._lost: tuple | None = None
        self.slides = None  # see next_step: a slide after the map (figures) takes the clicker first
        self._menus: dict[str, QMenu] = {}

        self.scene = MapScene(self)
        self.map_view = MapView(self.scene)
        self.room = RoomLayout(self.map_view)
        self.setCentralWidget(self.room)
        self.scene.service_clicked.connect(self.show_details)
        self.map_view.card_activated.connect(self.activate_card)
        self.legend = LegendWidget(self.map_view)
        self.room.overlay_extra.append(self.legend)
        self.map_view.view_changed.connect(self.legend.place)
        from .step_markers import StepMarkers

        self.step_markers = StepMarkers(self)  # where the rest of a step wider than the screen is
        self.scene.emphasis_changed.connect(self._legend_from_scene)

        self._build_side()
        window_actions.build(self)
        self.presentation = Presentation(self)
        self.present_search = PresentSearch(self)  # Ctrl+F while presenting (present_search.py)
        self.keys = KeyPolicy(self)
        from . import figures_ui, idle_gc, region_ui  # a region's views, figures on the map (before the first map)

        self.region_ui = region_ui.install(self)
        self.figures_ui = figures_ui.install(self)
        self.idle_gc = idle_gc.install(self)  # full garbage collections in pauses, not on a step
        self.set_workspace(workspace)
        if restore:
            window_state.restore(self)
        try:
            from . import kasus_ui
        except ImportError:
            kasus_ui = None
        if kasus_ui is not None:
            self.kasus = kasus_ui.install(self)
        from . import edit_ui

        self.edit = edit_ui.install(self)
        from . import revision_ui

        self.revision = revision_ui.install(self)
        from . import language

        self.language = language.install(self)  # last: a switch retranslates everything above
        self.language.update()
        self.map_view.setFocus()

    # -- building ---------------------------------------------------------
    def _build_side(self) -> None:
        self.search = SearchBox(self)
        self.maps_list = QListWidget()
        self.maps_list.currentRowChanged.connect(self._map_row_changed)
        self.pathways_list = QListWidget()
        self.pathways_list.currentRowChanged.connect(self._pathway_row_changed)
        self.choose_panel = QWidget()
        lay = QVBoxLayout(self.choose_panel)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.search)
        lay.addWidget(self.maps_list, 1)
        lay.addWidget(self.pathways_list, 3)
        self.pathway_panel = PathwayPanel()
        self.pathway_panel.step_chosen.connect(lambda s: self.set_step(None if s < 0 else s))
        self.pathway_panel.first_btn.clicked.connect(self.first_step)
        self.pathway_panel.prev_btn.clicked.connect(self.previous_step)
        self.pathway_panel.next_btn.clicked.connect(self.next_step)
        self.pathway_panel.last_btn.clicked.connect(self.last_step)
        self.details = DetailsPanel()
        self.problems_panel = ProblemsPanel(self)
        self.room.notice.clicked.connect(lambda: self.show_panel(self.problems_panel))
        self.add_side_panel(self.choose_panel, N_("Kart og forløp"))
        self.add_side_panel(self.pathway_panel, N_("Forløp"))
        self.add_side_panel(self.details, N_("Tjeneste"))

    # -- public API (used by the kasus UI, the poster dialog and tests) -----
    @property
    def workspace(self) -> Workspace:
        """What the window shows: the editor's workspace (new objects after every
        edit) while the folder is open in the editor, else the one loaded."""
        return self.editor.workspace if self.editor is not None else self._workspace

    @workspace.setter
    def workspace(self, ws: Workspace) -> None:
        self._workspace = ws

    def show_changes(self, change=None):
        """Show the workspace as it is after an edit (``window_sync.refresh``;
        returns how the map's layout was got)."""
        return window_sync.refresh(self, change)

    def retranslate(self) -> None:
        """Say everything again in the current language (``qt/language.py`` switched
        it): the kept texts (menus, buttons, tabs, tool tips), then what is made
        from the state — lists, panels, legend, caption, status, title — and
        ``language_changed`` for the parts installed from other modules. The
        map, pathway, step, zoom and everything edited stay as they are."""
        from . import live_text

        live_text.retranslate()
        self.room.side.retranslate()
        self._reword_problems()
        ws = self.workspace
        self.problems_panel.set_problems(ws.problems)  # "feil" and "advarsel"
        self._problems_shown(ws)
        if self.room.empty is not None and not ws.maps:
            self.room.set_empty(self._empty_state(ws))
        none = self.pathways_list.item(0)
        if none is not None and none.data(Qt.UserRole) is None:
            none.setText(_("Ingen forløp"))
        if self._map is not None:
            self._apply()  # a colouring's legend rows are made in the language
            self.scene.set_emphasis(self.scene.emphasis, force=True)  # the legend's headings and arrow kinds
        self.pathway_panel.show_pathway(self._map, self._pathway)
        self.pathway_panel.show_step(self.step)
        shown = self.details.service
        self.details.show_service(self._map if shown is not None else None, shown,
                                  self.workspace.pathways_for(self._map) if self._map is not None else [])
        self.language_changed.emit(i18n.current_language())
        window_sync.update_title(self)
        self.presentation.update_caption()
        self._status()

    def _reword_problems(self) -> None:
        """Problems are worded as the files are read (``_()`` in pure code): after a
        switch, read them in the language spoken now (``Workspace.worded_now``) and
        show that state as after an edit (``show_changes``: map, pathway, step,
        zoom, a running case kept). The editor reads its texts again, unsaved
        edits and all (its history stays); without one the folder is read again.
        Nothing is read when the problems read right already (or there are none)."""
        if self.editor is None:
            ws = loader.in_words_now(self._workspace)
            if ws is self._workspace:
                return
            self._workspace = ws
        elif self._chosen is not None and self.workspace.maps.get(self._chosen.id) is self._chosen:
            return  # the editor kept its workspace: its problems read right as they are
        self.show_changes()

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def add_side_panel(self, widget: QWidget, title: str, area=None, **fmt) -> QWidget:
        """Add a tab to the side panel; returns ``widget`` (the handle for the calls below).
        ``title`` is a text for ``_()`` (marked with ``N_``; ``fmt`` fills its
        placeholders): the tab says it again when the language changes."""
        return self.room.side.add_panel(widget, title, **fmt)

    def remove_side_panel(self, widget: QWidget) -> None:
        self.room.side.remove_panel(widget)

    def show_panel(self, widget: QWidget, open_drawer: bool = True) -> None:
        """Bring a panel to the front; in a narrow window open the drawer for it."""
        if open_drawer and not self.presentation.active:
            self.room.show_side(widget)
        else:
            self.room.side.show_panel(widget)

    def set_case_running(self, on: bool) -> None:
        self.room.set_case_running(on)
        self.presentation.update_caption()

    def chrome_widgets(self) -> list[QWidget]:
        """Everything presentation mode hides (the side panel goes with the room layout)."""
        return [self.menuBar(), self.statusBar(), *self.findChildren(QToolBar)]

    def current_map(self) -> Map | None:
        """The map shown (for a region perhaps its regional view or one municipality)."""
        return self._map

    def chosen_map(self) -> Map | None:
        """The workspace's map chosen in the list: the state a shown map is derived from."""
        return self._chosen

    def set_map_view(self, provider) -> None:
        """Show a map derived from the chosen one: ``provider(map) -> Map`` (a region's
        regional view, one municipality's map); None: the map itself. The derived map
        is made again whenever the chosen map changes; pathway and step are kept."""
        self.map_view_provider = provider
        step = self.step
        self._show_map(self._chosen)
        if step is not None:
            self.set_step(step)

    def current_layout(self):
        return self.layouts.get(self._map.id) if self._map else None

    def current_pathway(self) -> Pathway | None:
        return self._pathway

    def set_stepper(self, obj) -> None:
        """While a case runs, clicker keys step the case instead of the pathway."""
        self.stepper = obj
        self.presentation.update_caption()

    def set_workspace(self, ws: Workspace) -> None:
        self.editor = None  # another folder: the edit controller lets the old one go (workspace_set)
        self.workspace = ws
        self.layouts.clear()
        self.maps_list.blockSignals(True)
        self.maps_list.clear()
        for m in sorted(ws.maps.values(), key=lambda m: m.navn):
            item = QListWidgetItem(m.navn, self.maps_list)
            item.setData(Qt.UserRole, m.id)
        self.maps_list.blockSignals(False)
        self.problems_panel.set_problems(ws.problems)
        self._problems_shown(ws, to_front=True)
        # The map list is short; give the pathways the room.
        rows = max(2, min(6, self.maps_list.count()))
        self.maps_list.setMaximumHeight(rows * max(18, self.maps_list.sizeHintForRow(0)) + 8)
        if ws.maps:
            self.room.set_empty(None)
            self.maps_list.setCurrentRow(0)
        else:
            self._show_map(None)
            self.room.set_empty(self._empty_state(ws))
        self.workspace_set.emit()

    def update_workspace(self, ws: Workspace | None = None) -> None:
        """The same folder after an edit: show it (``show_changes``; the map,
        pathway, step and zoom stay). ``ws`` is used only while no editor holds
        the folder."""
        if ws is not None and self.editor is None:
            self.workspace = ws
        self.show_changes()

    def _problems_shown(self, ws: Workspace, to_front: bool = False) -> None:
        """The problems tab and the notice for ``ws``; ``to_front``: a folder just
        opened with errors shows them (an edit or a language switch leaves the
        tab in front, and the keys where they are, as it is)."""
        side = self.room.side
        if ws.problems:
            if side.indexOf(self.problems_panel) < 0:
                self.add_side_panel(self.problems_panel, "")
            side.set_title(self.problems_panel, N_("Problemer ({n})"), n=len(grouped(ws.problems)))
        else:
            self.remove_side_panel(self.problems_panel)
        # Warnings (a pathway naming a service this map lacks) are expected and
        # shown where they matter; errors are announced on the map as well.
        n = len(ws.errors)
        self.room.set_notice(_("⚠ {n} feil i filene – vis").format(n=n) if n else "")
        if n and to_front:
            side.show_panel(self.problems_panel)

    def _empty_state(self, ws: Workspace) -> QWidget:
        where = str(ws.root) if ws.root else ""
        text = _("Fant ingen kart som kunne leses i «{path}».").format(path=where)
        if ws.problems:
            text += "\n" + _("Problemene står i panelet «Problemer»; dobbeltklikk for å se stedet i filen.")
        return EmptyState(text, [
            (_("Åpne mappe…"), lambda: window_actions.open_folder(self)),
            (_("Åpne eksempeldata"), lambda: window_actions.open_path(self, None)),
            (_("Vis problemene"), lambda: self.show_panel(self.problems_panel)),
        ])

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
        self._chosen = m
        if m is not None and self.map_view_provider is not None:
            m = self.map_view_provider(m)
        self._map = m
        self.pathways_list.blockSignals(True)
        self.pathways_list.clear()
        none = QListWidgetItem(_("Ingen forløp"), self.pathways_list)
        none.setData(Qt.UserRole, None)
        offered = self.workspace.pathways_for(m) if m else []
        for p in sorted(offered, key=lambda p: p.navn):
            item = QListWidgetItem(p.navn, self.pathways_list)
            item.setData(Qt.UserRole, p.id)
        self.pathways_list.blockSignals(False)
        if m is None:
            self.scene.clear()
            self.legend.set_map(None, self.scene.pal)
            self._pathway, self.step = None, None
            self.pathway_panel.show_pathway(None, None)
            self._status()
            return
        self.room.set_empty(None)  # a map is shown: no "no map could be read" over it
        layout, _how = self.layouts.layout_for(m, offered)
        self.scene.set_content(m, layout)
        self.room.min_text = min((c.font_size for c in layout.cards.values()), default=12.0)
        self.room.relayout()  # whether a side column fits depends on the map's shape
        self._legend_from_scene()
        self.details.show_service(None, None, [])
        self.map_view.fit()
        self._pathway, self.step = None, None
        if not (previous and self.select_pathway(previous)):
            self.pathways_list.setCurrentRow(0)
        window_sync.update_title(self)  # "{navn} – Sammenkart", * with unsaved edits
        self.map_changed.emit(m.id)

    def _pathway_row_changed(self, row: int) -> None:
        item = self.pathways_list.item(row) if row >= 0 else None
        pid = item.data(Qt.UserRole) if item else None
        malform = self._map.malform if self._map else None
        self._pathway = self.workspace.pathway(pid, malform) if pid else None  # the map's målform
        self.step = None
        self.pathway_panel.show_pathway(self._map, self._pathway)
        if self._pathway is not None:
            self.room.side.show_panel(self.pathway_panel)
        self._apply()
        self.pathway_changed.emit()

    def set_step(self, step: int | None) -> None:
        if self._pathway is None:
            return
        n = len(self._pathway.flyt)
        self.step = None if step is None else max(0, min(n - 1, step))
        self.pathway_panel.show_step(self.step)
        self._apply()

    def current_session(self):
        """The running case session, or None (the case UI is the stepper while it runs)."""
        return getattr(self.stepper, "session", None)

    def _legend_from_scene(self) -> None:
        d = self.scene.display
        self.legend.set_map(self._map, self.scene.pal, d.legend if d is not None and self._map is not None else ())

    def set_colouring(self, provider) -> None:
        """Fill the cards by something other than level: ``provider(map) ->
        emphasis.Colouring | None`` (the revision view, figures); None: by level
        again. Kept across steps, pathways and cases until changed."""
        self.colouring_provider = provider
        self._apply()

    def refresh_stress(self) -> None:
        """Draw what the map stresses now (``stress.map_stress``): the one place
        that sets the scene's emphasis. Call it after any change that matters."""
        self._apply()

    def _apply(self) -> None:
        if self._map is None:
            return
        provider = self.colouring_provider
        colouring = provider(self._map) if provider is not None else None
        edit = getattr(self, "edit", None)
        selected = edit.selected_service() if edit is not None else None
        self.scene.set_emphasis(map_stress(self._map, self._pathway, self.step, self.current_session(), colouring,
                                           selected))
        self.presentation.update_caption()
        self._focus_step()
        self._status()

    def _focus_step(self) -> None:
        """Tell the view the step's cards: a map too large to read whole (a region's
        every service on a projector) shows the step readable (``step_frame``)."""
        em, layout = self.scene.emphasis, self.scene.layout
        if layout is None or em is None:
            return

        def rects(ids) -> list[tuple]:
            cards = layout.cards
            return sorted((c.rect.x, c.rect.y, c.rect.w, c.rect.h) for c in (cards.get(i) for i in ids) if c)

        step = rects(em.current) if self.step is not None else []
        receivers = rects({a.til for a in em.arrows if a.current}) if step else []
        cards = layout.cards
        named = {i: (c.rect.x, c.rect.y, c.rect.w, c.rect.h) for i in (em.current if step else ())
                 if (c := cards.get(i)) is not None}
        self.map_view.set_step_focus(step, receivers, self.room.min_text, READABLE_PX, named)
        self.step_markers.update()

    def _status(self) -> None:
        m = self._map
        if m is None:
            self.statusBar().showMessage(_("Ingen kart lastet"))
            return
        text = _("{navn} · {n} tjenester").format(navn=m.navn, n=len(m.tjenester))
        if self._pathway:
            text += " · " + self._pathway.navn
            if self.step is not None:
                text += " · " + _("steg {n} av {total}").format(n=self.step + 1, total=len(self._pathway.flyt))
        self.statusBar().showMessage(text)

    def caption_text(self) -> str:
        """What the caption band shows large: the current step and its condition
        (or, while a case runs, the case's step and questions). Outside
        presentation mode only a chosen step is shown."""
        if self.stepper is not None and hasattr(self.stepper, "caption_text"):
            return self.stepper.caption_text()
        p, m = self._pathway, self._map
        if p is None or m is None or self.step is None:
            return f"<b>{escape(p.navn)}</b>" if p and self.presentation.active else ""
        rs = resolve_steps(m, p)[self.step]
        head = _("Steg {n} av {total}: {fra} → {til}").format(
            n=self.step + 1, total=len(p.flyt),
            fra=service_names(m, rs.fra, rs.step.fra), til=service_names(m, rs.til, rs.step.til))
        return f"<b>{escape(head)}</b>" + (f"<br>{html_inline(rs.step.nar)}" if rs.step.nar else "")

    # -- stepping (clicker keys) ------------------------------------------
    def _unblack(self) -> bool:
        """Next or Previous on a black screen brings the picture back without
        stepping, as presentation programs do (tester, room 9: step 1→2 went by
        unseen); True when it did."""
        black = self.presentation.black
        if not black.isVisible():
            return False
        black.hide()
        return True

    def next_step(self) -> None:
        if self._unblack():
            return
        if self.stepper is not None:
            return self.stepper.next_step()
        if self.slides is not None and self.slides.next_step():
            return
        if self._pathway is not None:
            self.set_step(0 if self.step is None else self.step + 1)

    def previous_step(self) -> None:
        if self._unblack():
            return
        if self.stepper is not None:
            return self.stepper.previous_step()
        if self.slides is not None and self.slides.previous_step():
            return
        if self._pathway is not None and self.step is not None:
            self.set_step(None if self.step == 0 else self.step - 1)

    def first_step(self) -> None:
        if self.stepper is not None:
            return self.stepper.first_step()
        if self.slides is not None:
            self.slides.leave()
        self.set_step(0)

    def last_step(self) -> None:
        if self.stepper is not None:
            return self.stepper.last_step()
        if self.slides is not None:
            self.slides.leave()
        if self._pathway is not None:
            self.set_step(len(self._pathway.flyt) - 1)

    def show_details(self, service_id: str) -> None:
        m = self._map
        if self.service_chooser is not None:
            return self.service_chooser(service_id)  # edit mode: the service's form
        if m is None or self.stepper is not None:
            return  # during a case, clicks mark services instead
        self.details.show_service(m, m.service(service_id), self.workspace.pathways_for(m))
        self.show_panel(self.details)
        self.details.to_top()  # a drawer opening re-wraps the text and kept it scrolled down

    def activate_card(self, service_id: str) -> None:
        """Enter on the card with the keyboard focus: what a click on it does here. In
        edit mode the edit mode's mouse decides (the form, or a link's second card);
        otherwise the scene tells everyone who listens to clicks (details, a case's
        answer or arrow, a revision's status)."""
        edit = getattr(self, "edit", None)
        if edit is not None and getattr(edit, "active", False):
            edit.map_editing.click(service_id)
        else:
            self.scene.service_clicked.emit(service_id)

    # -- keys (the policy is in keys.py) ---------------------------------------
    def clicker_key(self, key) -> bool:
        """Do what a clicker key means here; False for any other key."""
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
        elif key == Qt.Key_Escape:
            if self.presentation.black.isVisible():
                self.presentation.black.hide()
            elif self.present_search.close_search():
                pass
            elif self.room.close_drawer():
                pass
            elif self.presentation.active:
                self.presentation.leave()
            else:
                self.give_keys_to_map()
        elif key in (Qt.Key_Question, Qt.Key_F1):
            window_actions.show_keys(self)
        else:
            return False
        return True

    def keys_to_map_with_ring(self) -> None:
        """F6: the keys to the map from anywhere, the focus ring shown at once."""
        self.give_keys_to_map()
        self.map_view.show_ring_now()

    def give_keys_to_map(self) -> None:
        """The keys back to the map (Esc); while a case runs its panel comes back to
        the front too: a search or another panel never leaves the room without the story."""
        self.map_view.setFocus(Qt.ShortcutFocusReason)
        self.show_home_panel(open_side=False)

    def home_panel(self) -> QWidget | None:
        """The panel the room comes back to: a running case's (story, questions, the way on)."""
        return getattr(self.stepper, "panel", None)

    def show_home_panel(self, open_side: bool = True) -> bool:
        """Bring the running case's panel to the front (``open_side``: show the side
        panel if it was hidden); False when no case runs."""
        home = self.home_panel()
        if home is None:
            return False
        if open_side and not self.presentation.active:
            self.room.show_side(home)
        else:
            self.room.side.show_panel(home)
        return True

    def toggle_side(self) -> None:
        """F9: the side panel on and off; while a case runs and another panel is in
        front, F9 brings the case's panel back first."""
        home = self.home_panel()
        if home is not None and self.room.side_visible() and self.room.side.currentWidget() is not home:
            self.show_home_panel()
        else:
            self.room.toggle_side()

    def show_typing_hint(self, widget: QWidget | None) -> None:
        if self.present_search.owns(widget):
            widget = None  # the box over the presented map says itself where the keys go
        text = _("Tastene skriver i tekstfeltet – Esc gir dem tilbake til kartet") if widget is not None else ""
        self.room.set_typing_hint(text)

    def keyPressEvent(self, event) -> None:
        """A key no widget took that is one of the window's shortcuts: its action.
        Qt fires a window's shortcuts only once the window is active; a key pressed
        right after start, before the window manager's activation has arrived,
        reached the map and did nothing (meeting room item 3: the first F9 after
        start). An active window's shortcuts never come here (Qt fired them)."""
        if not self.isActiveWindow():
            pressed = QKeySequence(event.keyCombination())
            for action in self.actions():
                if action.isEnabled() and any(k.matches(pressed) == QKeySequence.ExactMatch for k in action.shortcuts()):
                    action.trigger()
                    event.accept()
                    return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        edit = getattr(self, "edit", None)
        if edit is not None and not edit.may_close():
            event.ignore()  # unsaved edits and the user chose Avbryt
            return
        window_state.save(self)
        self.keys.detach()
        super().closeEvent(event)
