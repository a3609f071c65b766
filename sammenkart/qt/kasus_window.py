"""Small adapters between the case UI and the map window's public API.

Kept apart so the controller reads as "what happens in a session" and the
details of docking, signals and map switching live in one place.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..session import store
from ..session.summary import format_time
from ..i18n import _


def disconnect(signal, slot) -> None:
    try:
        signal.disconnect(slot)
    except (RuntimeError, TypeError):
        pass  # already gone with its window


def click_source(mw):
    """The object with ``service_clicked(str)``: the map view or its scene."""
    view = getattr(mw, "map_view", None)
    scene = view.scene() if view is not None else None
    for obj in (view, scene):
        if obj is not None and hasattr(obj, "service_clicked"):
            return obj
    return None


def switch_map(mw, m) -> None:
    """Show ``m`` in the window if it is not the current map."""
    try:
        current = mw.current_map()
    except AttributeError:
        current = None
    if current is not None and current.id == m.id:
        return
    region_ui = getattr(mw, "region_ui", None)
    if region_ui is not None and region_ui.show_as_written(m.id):
        return  # a view of this region was shown: the case runs on the region as written
    for name in ("select_map", "set_current_map"):
        fn = getattr(mw, name, None)
        if callable(fn):
            fn(m.id)
            return


def give_room(mw, panel, dock) -> None:
    """Put the step view in front of the other side panels, with room to read.

    The map window keeps a case's column beside the map at any width (its
    room layout); a plain main window gets a wide dock.
    """
    show = getattr(mw, "show_panel", None)
    if callable(show):
        mw.set_case_running(True)
        show(panel)
        return
    if not isinstance(mw, QMainWindow) or dock is None:
        return
    area = mw.dockWidgetArea(dock)
    others = [d for d in mw.findChildren(QDockWidget)
              if d is not dock and d.isVisible() and mw.dockWidgetArea(d) == area and not d.isFloating()]
    if others:
        mw.tabifyDockWidget(others[0], dock)
    dock.show()
    dock.raise_()
    mw.resizeDocks([dock], [max(520, int(mw.width() * 0.33))], Qt.Horizontal)


def take_room_back(mw, panel, dock) -> None:
    """Undo ``give_room`` when the case ends."""
    remove = getattr(mw, "remove_side_panel", None)
    if callable(remove):
        remove(panel)
        mw.set_case_running(False)
    elif dock is not None and dock is not panel:
        dock.close()
        dock.deleteLater()


def recent_label(r: store.RecentSession) -> str:
    done = _(" (ferdig)") if r.finished else ""
    return _("{kasus} – {kart} – steg {n}/{total} – {tid}{ferdig}").format(
        kasus=r.case_title or r.case_id, kart=r.map_name, n=r.current + 1, total=r.n_steps,
        tid=format_time(r.updated), ferdig=done)
