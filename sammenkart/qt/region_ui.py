"""A region map in the window: the regional view by default, one municipality
through *Vis → Kommune*, or every service as written.

``install(window)`` adds the menu and gives the window a map-view provider
(``MainWindow.set_map_view``): the window keeps the region from the file as its
state and shows what ``regional.shown_map`` derives from it for the view
chosen here, so the pathway overlay, the details panel, search, posters and
the figures view all work on the map that is shown. Nothing else is stored:
the choice per region, and the derived maps of the region object now loaded
(made again when an edit or a reload brings a new one).
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup

from .. import i18n, regional
from ..i18n import N_, _
from ..model import Map
from . import live_text, plain


def view_label(view: str) -> str:
    if view == regional.REGIONAL:
        return _("Hele regionen samlet (ett kort per rolle)")
    if view == regional.ALL:
        return _("Alle tjenestene, kommune for kommune")
    return view  # a municipality's name, as written in the file


class RegionViews(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.choice: dict[str, str] = {}  # region id -> view
        self._made: tuple[Map | None, dict[str, Map]] = (None, {})
        self.menu = live_text.title(window.menu("vis").addMenu(""), N_("Kommune"))
        self.menu.setToolTipsVisible(True)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.menu.aboutToShow.connect(self._fill_menu)
        window.map_changed.connect(self._map_shown)
        # the regional view's labels are the program's words: English in an English window
        window.language_changed.connect(lambda _lang: self._relabel())
        if window.chosen_map() is None:
            window.map_view_provider = self.shown
        else:
            window.set_map_view(self.shown)

    # -- the provider -------------------------------------------------------------
    def view_for(self, m: Map) -> str:
        view = self.choice.get(m.id, regional.default_view(m))
        return view if view in regional.views(m) else regional.default_view(m)

    def shown(self, m: Map) -> Map:
        """What the window shows of ``m``: the derived map for the chosen view."""
        view = self.view_for(m)
        source, made = self._made
        if source is not m:
            made = {}
            self._made = (m, made)
        key = (view, i18n.output_language(m.malform))  # labels in the language asked for
        if key not in made:
            made[key] = regional.shown_map(m, view)
        return made[key]

    def _relabel(self) -> None:
        """After a language switch: the regional view made again when its labels
        would now read in another language (pathway and step are kept)."""
        shown, m = self.window.current_map(), self.window.chosen_map()
        if not isinstance(shown, regional.GroupedMap) or m is None or self.window.stepper is not None:
            return
        if self.shown(m) is not shown:
            self.window.set_map_view(self.shown)

    def show_as_written(self, map_id: str) -> bool:
        """Show the chosen map itself, every service as in its file (a case runs on
        that map); False when ``map_id`` is not the chosen map."""
        m = self.window.chosen_map()
        if m is None or m.id != map_id:
            return False
        if self.window.current_map() is not m:
            self.set_view(regional.ALL)
        return True

    def set_view(self, view: str) -> None:
        """Show the chosen region as ``view`` (``regional.REGIONAL``, ``ALL`` or a municipality)."""
        m = self.window.chosen_map()
        if m is None or view not in regional.views(m):
            return
        self.choice[m.id] = view
        self.window.set_map_view(self.shown)

    def current_view(self) -> str:
        shown = self.window.current_map()
        return regional.view_of(shown) if shown is not None else regional.ALL

    # -- menu ------------------------------------------------------------------------
    def _fill_menu(self) -> None:
        self.menu.clear()
        for a in self.group.actions():
            self.group.removeAction(a)
        m = self.window.chosen_map()
        if m is None or m.type != "region":
            a = self.menu.addAction(_("Bare for regionkart"))
            a.setEnabled(False)
            return
        current = self.current_view()
        running_case = self.window.stepper is not None  # a case owns its map until it ends
        if running_case:
            a = self.menu.addAction(_("Kan ikke byttes mens et kasus pågår"))
            a.setEnabled(False)
        for i, view in enumerate(regional.views(m)):
            if i == 2:
                self.menu.addSeparator()
            a = QAction(plain.action_text(view_label(view)), self.menu)
            a.setCheckable(True)
            a.setChecked(view == current)
            a.setData(view)
            a.setEnabled(not running_case)
            a.triggered.connect(lambda _c=False, v=view: self.set_view(v))
            self.group.addAction(a)
            self.menu.addAction(a)

    def _map_shown(self, _map_id: str) -> None:
        self._card_tips(self.window.current_map())

    def _card_tips(self, shown: Map | None) -> None:
        """A grouped card's tool tip names where the role is and is missing, and its services."""
        if not isinstance(shown, regional.GroupedMap):
            return
        cards = self.window.scene.cards
        for s in shown.tjenester:
            item = cards.get(s.id)
            grouped = shown.region is not None and shown.region.service(s.id) is not s
            if item is not None and grouped and s.beskrivelse:
                item.setToolTip(plain.tooltip(s.navn + "\n" + s.beskrivelse))


def install(window) -> RegionViews:
    return RegionViews(window)
