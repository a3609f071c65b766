"""One card colouring at a time: *Vis → Farge etter* (nivå / revisjon / tal …).

Cards are filled by their level unless a colouring is chosen
(``MainWindow.set_colouring``). Every view that colours the cards (the
revision view, figures) adds one choice here; the choices are one exclusive
action group, so choosing one turns the other off and "Nivå" turns them all
off. Shared by the views; each calls ``add_choice`` from its own
``install(window)``::

    action = colouring_menu.add_choice(window, "revisjon", N_("Revisjon (trafikklys)"),
                                       lambda m: revision_colouring(m))
    colouring_menu.choose(window, "revisjon")   # as if the user chose it
    colouring_menu.current(window)              # "revisjon" (or "niva")
    colouring_menu.refresh(window)              # the provider's answer changed: draw again

The provider is called with the current map on every redraw (a step, a
case, an edit), so it always reads the data as it is now.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup

from ..i18n import N_
from . import live_text

LEVEL = "niva"  # the default: cards filled by their level

Provider = Callable[[object], object]  # map -> emphasis.Colouring | None


class ColouringMenu(QObject):
    """The *Farge etter* submenu of one window (``of(window)`` makes or finds it)."""

    changed = Signal(str)  # the key chosen

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.providers: dict[str, Provider | None] = {}
        self.actions: dict[str, QAction] = {}
        vis = window.menu("vis")
        vis.addSeparator()
        self.menu = live_text.title(vis.addMenu(""), N_("Farge etter"))
        self.key = LEVEL
        self._add(LEVEL, N_("Nivå"), None).setChecked(True)

    def _add(self, key: str, label: str, provider: Provider | None, shortcut: str | None = None) -> QAction:
        a = live_text.text(QAction(self.window), label)
        a.setCheckable(True)
        if shortcut:
            a.setShortcut(shortcut)
        a.triggered.connect(lambda _checked=False, k=key: self.choose(k))
        self.group.addAction(a)
        self.menu.addAction(a)
        self.window.addAction(a)  # the shortcut works with the menu bar hidden
        self.providers[key], self.actions[key] = provider, a
        return a

    def choose(self, key: str) -> None:
        if key not in self.providers:
            raise KeyError(key)
        self.actions[key].setChecked(True)
        self.key = key
        self.window.set_colouring(self.providers[key])
        self.changed.emit(key)


def of(window) -> ColouringMenu:
    menu = getattr(window, "colouring_menu", None)
    if menu is None:
        menu = window.colouring_menu = ColouringMenu(window)
    return menu


def add_choice(window, key: str, label: str, provider: Provider, shortcut: str | None = None) -> QAction:
    """Add a colouring to the window's *Farge etter* menu; returns its (checkable) action.
    ``label`` is a text for ``_()``, marked with ``N_``."""
    return of(window)._add(key, label, provider, shortcut)


def choose(window, key: str) -> None:
    """Colour the cards by ``key`` (``LEVEL``: by level again). Raises KeyError for an unknown key."""
    of(window).choose(key)


def current(window) -> str:
    return of(window).key


def refresh(window) -> None:
    """Draw again: the chosen colouring's answer changed (a filter, an edit)."""
    window.refresh_stress()
