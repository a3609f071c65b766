"""Show the workspace as it is now, after an edit, an undo or a file read again.

The editor broadcasts one ``Change`` per edit; the edit controller
(``edit_ui.py``) hands it here, and this brings everything the window shows
up to date from ``window.workspace`` (the editor's, new objects per change):
the lists of maps and pathways, the map (laid out again only when the layout
would change, ``layout.reuse``), the pathway and its step, the side panels,
the caption, a running case's session, an open poster dialog, and what the
map stresses (``window.refresh_stress``). Nothing here keeps a copy.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from ..i18n import _
from ..layout.reuse import NEW
from . import plain


def refresh(w, change=None) -> str | None:
    """Bring window ``w`` up to date; returns how the map's layout was got
    (``layout.reuse`` SAME, RELABELLED, NEW) or None when no map is shown."""
    ws = w.workspace
    _maps_list(w, ws)
    # the map chosen in the list is the state; the map shown may be derived from it
    # (a region's regional view, one municipality: ``window.set_map_view``)
    old = w.chosen_map()
    chosen = ws.maps.get(old.id) if old is not None else None
    provider = w.map_view_provider
    m = provider(chosen) if chosen is not None and provider is not None else chosen
    if m is None:
        # the map went (its file has an error now, or was removed): show another, or none,
        # and remember where the room was, to go back there when the file is mended
        where = (old.id, w._pathway.id if w._pathway is not None else None, w.step) if old is not None else None
        _problems(w, ws)
        if w.maps_list.count():
            w.maps_list.setCurrentRow(0)
            if w.current_map() is None or (old is not None and w.current_map().id == old.id):
                w._map_row_changed(0)
        else:
            w._show_map(None)
            w.room.set_empty(w._empty_state(ws))
        if where is not None:
            shown = w.chosen_map()
            w._lost = (*where, shown.id if shown is not None else None)
        update_title(w)
        _back_where_it_was(w, ws)
        return None
    if _back_where_it_was(w, ws):
        return NEW
    w.room.set_empty(None)
    offered = ws.pathways_for(m)
    layout, how = w.layouts.layout_for(m, offered)
    w._chosen, w._map = chosen, m
    _pathways_list(w, offered)
    pid = w._pathway.id if w._pathway is not None else None
    p = ws.pathway(pid, m.malform) if pid else None
    if pid and p is None:
        _select_pathway_row(w, None)
    w._pathway = p
    if p is None or w.step is not None and w.step >= len(p.flyt):
        w.step = None if p is None or not p.flyt else len(p.flyt) - 1
    if how == NEW or not w.scene.update_content(m, layout):
        w.scene.set_content(m, layout)
        w.room.min_text = min((c.font_size for c in layout.cards.values()), default=12.0)
        if w.map_view.auto_fit:
            w.map_view.fit()
    shown = (p, tuple(s.navn for s in m.tjenester), w.step) if p is not None else None
    if shown is None or shown != getattr(w.pathway_panel, "_shown", None):
        w.pathway_panel.show_pathway(m, p)  # step names and texts as they are now
        w.pathway_panel.show_step(w.step)
        w.pathway_panel._shown = shown
    shown = w.details.service
    if shown is not None:
        renamed = dict(change.renamed) if change is not None else {}
        s = m.service(renamed.get(shown.id, shown.id))  # a service given another id stays in view
        w.details.show_service(m if s else None, s, offered)
    _problems(w, ws)
    _session(w, ws, m, change)
    _poster_dialog(w)
    w.refresh_stress()
    update_title(w)
    w.workspace_updated.emit()
    return how


def _back_where_it_was(w, ws) -> bool:
    """A map that went because its file could not be read is back: show it again, at the
    pathway and step the room was at, unless the user has chosen another map since."""
    lost = w._lost
    if lost is None or lost[0] not in ws.maps:
        return False
    map_id, pathway_id, step, fallback = lost
    shown = w.chosen_map()
    shown_id = shown.id if shown is not None else None
    w._lost = None
    if shown_id not in (fallback, map_id):
        return False  # the user went on to another map
    if shown_id != map_id:
        w.select_map(map_id)
        if w.chosen_map() is None or w.chosen_map().id != map_id:
            w._map_row_changed(w.maps_list.currentRow())
    if pathway_id and w.select_pathway(pathway_id) and step is not None:
        w.set_step(step)
    return True


def update_title(w) -> None:
    """The map's name, with the unsaved-changes mark (``[*]``) shown while the editor has any."""
    m = w.current_map()
    w.setWindowTitle(_("{navn}[*] – Sammenkart").format(navn=plain.window_title(m.navn)) if m is not None
                     else "Sammenkart[*]")
    editor = getattr(w, "editor", None)
    w.setWindowModified(bool(editor is not None and editor.dirty))


def _maps_list(w, ws) -> None:
    """Names as they are now; maps that appeared or went (the current row stays)."""
    lst = w.maps_list
    wanted = sorted(ws.maps.values(), key=lambda m: m.navn)
    have = [lst.item(i).data(Qt.UserRole) for i in range(lst.count())]
    current = w.chosen_map().id if w.chosen_map() is not None else None
    lst.blockSignals(True)
    if have != [m.id for m in wanted]:
        lst.clear()
        for m in wanted:
            item = QListWidgetItem(m.navn, lst)
            item.setData(Qt.UserRole, m.id)
    for i, m in enumerate(wanted):
        if lst.item(i).text() != m.navn:
            lst.item(i).setText(m.navn)
        if m.id == current and lst.currentRow() != i:
            lst.setCurrentRow(i)
    lst.blockSignals(False)


def _pathways_list(w, offered) -> None:
    lst = w.pathways_list
    wanted = sorted(offered, key=lambda p: p.navn)
    have = [lst.item(i).data(Qt.UserRole) for i in range(1, lst.count())]
    current = lst.currentItem().data(Qt.UserRole) if lst.currentItem() is not None else None
    lst.blockSignals(True)
    if have != [p.id for p in wanted]:
        while lst.count() > 1:
            lst.takeItem(1)
        for p in wanted:
            item = QListWidgetItem(p.navn, lst)
            item.setData(Qt.UserRole, p.id)
        _select_pathway_row(w, current)
    for i, p in enumerate(wanted, start=1):
        if lst.item(i).text() != p.navn:
            lst.item(i).setText(p.navn)
    lst.blockSignals(False)


def _select_pathway_row(w, pid) -> None:
    lst = w.pathways_list
    lst.blockSignals(True)
    for row in range(lst.count()):
        if lst.item(row).data(Qt.UserRole) == pid:
            lst.setCurrentRow(row)
            break
    else:
        lst.setCurrentRow(0)
    lst.blockSignals(False)


def _problems(w, ws) -> None:
    """The problems panel and notice, when the problems changed (most edits change none)."""
    if getattr(w.problems_panel, "_shown_problems", None) == ws.problems:
        return
    front = w.room.side.currentWidget()  # an edit does not take the user to another tab
    w.problems_panel.set_problems(ws.problems)
    w.problems_panel._shown_problems = list(ws.problems)
    w._problems_shown(ws)
    if front is not None and w.room.side.indexOf(front) >= 0:
        w.room.side.setCurrentWidget(front)


def _session(w, ws, m, change=None) -> None:
    """A running case works on the map and the case as they are now; the team's
    answers follow a service of its map given another id (and back on undo)."""
    session = w.current_session()
    if session is None:
        return
    sm = m if session.map.id == m.id else ws.maps.get(session.map.id)
    case = ws.cases.get(session.case.id)
    renamed = change.renamed if change is not None and change.file_kind == "map" and \
        change.file_id == session.map.id else ()
    if sm is not None and case is not None and case.steg and (sm is not session.map or case is not session.case):
        session.rebind(case, sm, renamed)


def _poster_dialog(w) -> None:
    dlg = getattr(w, "poster_dialog", None)
    try:
        visible = dlg is not None and dlg.isVisible()
    except RuntimeError:  # closed and deleted
        return
    if visible and hasattr(dlg, "reread"):
        dlg.reread()
