"""Cards reached from the keyboard (tester round 5, item 1): Tab showed no focus on the
map, and in a case "click the services…" had no keyboard path but Ctrl+F, a name, Enter.

With the keys on the map, Ctrl+arrow keys move a focus ring to the nearest card that way
(``layout.nearest``) and Enter does what a click on that card does in the window's mode.
Plain arrows, Space and Backspace stay the clicker's step keys.
"""
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window, bundled_copy
from sammenkart.layout.engine import layout_map
from sammenkart.layout.nearest import first_card, nearest_card
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.qt import window_actions
from sammenkart.session.controller import Session
from sammenkart.style import look


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _key(qtbot, w, key, mod=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w, key, mod)


# --- the pure rule --------------------------------------------------------------------------------

@pytest.mark.parametrize("map_id", ["eksempelkommune", "fjordvik"])
def test_right_and_left_go_along_the_row_and_up_down_to_the_next_row(ws, map_id):
    m = ws.maps[map_id]
    lay = layout_map(m, ws.pathways_for(m))
    pos = lay.grid.pos
    assert pos[first_card(lay)] == min(pos.values())
    for sid, (r, c) in pos.items():
        right = [s for s, (r2, c2) in pos.items() if r2 == r and c2 > c]
        got = nearest_card(lay, sid, "right")
        if right:  # the next card in the same row
            assert got == min(right, key=lambda s: pos[s][1]), sid
        left = [s for s, (r2, c2) in pos.items() if r2 == r and c2 < c]
        if left:
            assert nearest_card(lay, sid, "left") == max(left, key=lambda s: pos[s][1]), sid
        down = nearest_card(lay, sid, "down")
        if down is not None:
            assert pos[down][0] > r and lay.cards[down].rect.y > lay.cards[sid].rect.y
        up = nearest_card(lay, sid, "up")
        if r == 0:
            assert up is None
        if up is not None:
            assert pos[up][0] < r
    # every card can be reached with the four keys from the first
    seen, todo = set(), [first_card(lay)]
    while todo:
        s = todo.pop()
        if s is None or s in seen:
            continue
        seen.add(s)
        todo.extend(nearest_card(lay, s, d) for d in ("left", "right", "up", "down"))
    assert seen == set(lay.cards)


# --- in the window --------------------------------------------------------------------------------

def _ring_pixel(w, sid) -> QColor:
    """The colour drawn on the focus ring's left side, half way down ``sid``'s card."""
    ring = w.scene.focus_ring_rect()
    assert ring is not None and ring.id == sid
    view = w.map_view
    point = view.mapFromScene(QPointF(ring.rect.x, ring.rect.y + ring.rect.h / 2))
    return view.viewport().grab().toImage().pixelColor(point)


def _near(a: QColor, b: QColor, within: int = 60) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < within


def test_ctrl_arrows_move_a_visible_ring_and_plain_arrows_still_step(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    w.select_pathway("angst")
    w.map_view.setFocus()
    assert w.scene.focus_ring_rect() is None  # no ring until the keys ask for one
    _key(qtbot, w, Qt.Key_Right, Qt.ControlModifier)
    first = w.map_view.focused_card()  # from the middle of the view to the right
    view = w.map_view
    middle = view.mapToScene(view.viewport().rect().center())
    assert w.scene.layout.cards[first].rect.center[0] > middle.x()
    ring_colour = QColor(look().focus_ring_colour)
    drawn = _ring_pixel(w, first)
    assert _near(drawn, ring_colour), drawn.name()
    _key(qtbot, w, Qt.Key_Right, Qt.ControlModifier)
    second = nearest_card(w.scene.layout, first, "right")
    assert w.map_view.focused_card() == second
    _key(qtbot, w, Qt.Key_Down, Qt.ControlModifier)
    third = nearest_card(w.scene.layout, second, "down")
    assert w.map_view.focused_card() == third
    ring = w.scene.focus_ring_rect()
    card = w.scene.layout.cards[third].rect
    assert ring.rect.x < card.x and ring.rect.right > card.right and ring.rect.y < card.y
    zoom = w.map_view.zoom_factor()
    assert ring.width * zoom >= 6.0 and ring.inner * zoom >= 3.0  # px at the 11 px floor, at any zoom
    w.set_step(0)
    _key(qtbot, w, Qt.Key_Right)  # the clicker's key: the next step, the ring stays
    assert w.step == 1 and w.map_view.focused_card() == third
    _key(qtbot, w, Qt.Key_Space)
    assert w.step == 2 and w.map_view.focused_card() == third
    _key(qtbot, w, Qt.Key_Left)
    assert w.step == 1 and w.map_view.focused_card() == third


def test_enter_shows_the_service_and_the_mouse_takes_the_ring_away(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    w.map_view.setFocus()
    _key(qtbot, w, Qt.Key_Right, Qt.ControlModifier)
    sid = w.map_view.focused_card()
    _key(qtbot, w, Qt.Key_Return)
    name = w.current_map().service(sid).navn
    assert w.details.service is not None and w.details.service.id == sid
    assert name.split()[0] in w.details.browser.toPlainText()
    w.map_view.setFocus()
    qtbot.mouseClick(w.map_view.viewport(), Qt.LeftButton, pos=w.map_view.viewport().rect().bottomLeft())
    assert w.scene.focus_ring_rect() is None


def test_tab_to_the_map_shows_the_ring_and_keys_elsewhere_hide_it(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    w.search.edit.setFocus()
    assert w.scene.focus_ring_rect() is None
    for _ in range(12):  # Tab on through the panel's widgets until the map has the keys
        if w.map_view.hasFocus():
            break
        _key(qtbot, w, Qt.Key_Tab)
    assert w.map_view.hasFocus()
    assert w.scene.focus_ring_rect() is not None and w.map_view.focused_card() is not None
    w.search.focus()
    assert w.scene.focus_ring_rect() is None  # the keys are in the search field: no ring on the map
    _key(qtbot, w, Qt.Key_Escape)
    assert w.map_view.hasFocus() and w.scene.focus_ring_rect() is not None


def test_in_a_case_enter_puts_the_service_into_the_answer_and_out_again(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740), restore=True)
    w.kasus.start(Session(ws.cases["emma-14"], ws.maps["eksempelkommune"]))
    qtbot.waitUntil(lambda: w.kasus.panel.isVisible())
    assert w.map_view.hasFocus()
    s = w.kasus.session
    _key(qtbot, w, Qt.Key_Right, Qt.ControlModifier)
    _key(qtbot, w, Qt.Key_Right, Qt.ControlModifier)
    sid = w.map_view.focused_card()
    _key(qtbot, w, Qt.Key_Return)
    assert s.step.marked == [sid]
    assert w.scene.cards[sid].mark == 1  # its number on the card
    _key(qtbot, w, Qt.Key_Enter, Qt.KeypadModifier)
    assert s.step.marked == []
    assert s.index == 0  # Enter never steps on


def _in_edit_mode(qtbot, tmp_path, size):
    """The window on a copy of the example, in edit mode, keys on the map."""
    w = active_window(qtbot, tmp_path, load_workspace(bundled_copy(tmp_path)), size, restore=True)
    w.map_view.setFocus()
    _key(qtbot, w, Qt.Key_E, Qt.ControlModifier)
    assert w.edit.active
    return w


def test_in_edit_mode_enter_opens_the_form_of_the_card(qtbot, tmp_path):
    w = _in_edit_mode(qtbot, tmp_path, (1280, 800))
    w.map_view.setFocus()
    _key(qtbot, w, Qt.Key_Down, Qt.ControlModifier)
    sid = w.map_view.focused_card()
    _key(qtbot, w, Qt.Key_Return)
    assert w.edit.selected_service() == sid
    assert w.edit.form.isVisible()  # its form in front


def test_the_key_help_lists_the_card_keys():
    text = window_actions.keys_html()
    assert "Ctrl+piler" in text and "Enter" in text


# --- tester round 6 -------------------------------------------------------------------------------

def _case_window(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740), restore=True)
    w.kasus.start(Session(ws.cases["emma-14"], ws.maps["eksempelkommune"]))
    qtbot.waitUntil(lambda: w.kasus.panel.isVisible())
    return w


def test_in_a_case_tab_comes_back_to_the_map_and_shows_the_ring(qtbot, tmp_path, ws):
    w = _case_window(qtbot, tmp_path, ws)
    qtbot.wait(100)  # the notes come with the panel's first layout
    w.map_view.setFocus()
    seen = []
    for _ in range(12):  # through the case's panel (its note boxes too) and back to the map
        _key(qtbot, w, Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
        if w.map_view.hasFocus():
            break
    names = [type(f).__name__ for f in seen]
    assert w.map_view.hasFocus() and "QPlainTextEdit" in names and "QScrollArea" not in names, names
    assert w.scene.focus_ring_rect() is not None  # at once, before any Ctrl+arrow
    assert w.kasus.session.index == 0


def test_tab_on_the_only_stop_shows_the_ring(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    w.room.hide_side()
    w.map_view.setFocus()
    assert w.scene.focus_ring_rect() is None
    _key(qtbot, w, Qt.Key_Tab)
    assert w.map_view.hasFocus() and w.scene.focus_ring_rect() is not None


def test_the_first_ctrl_arrow_goes_on_from_the_card_searched_for(qtbot, tmp_path, ws):
    w = _case_window(qtbot, tmp_path, ws)
    w.search.focus()
    qtbot.keyClicks(w.search.edit, "PPT")
    _key(qtbot, w, Qt.Key_Return)
    assert w.kasus.session.step.marked == ["ppt"]
    _key(qtbot, w, Qt.Key_Escape)
    w.map_view.setFocus()
    _key(qtbot, w, Qt.Key_Up, Qt.ControlModifier)
    assert w.map_view.focused_card() == nearest_card(w.scene.layout, "ppt", "up")
    _key(qtbot, w, Qt.Key_Return)
    assert "dps" not in w.kasus.session.step.marked


def test_ctrl_arrows_in_the_drawer_move_the_ring_not_the_tab(qtbot, tmp_path):
    from PySide6.QtWidgets import QTabBar

    w = _in_edit_mode(qtbot, tmp_path, (1024, 740))
    bars = [b for b in w.room.side.findChildren(QTabBar) if b.isVisible() and b.focusPolicy() != Qt.NoFocus]
    assert bars
    bar = bars[0]
    bar.setFocus()
    index = bar.currentIndex()
    _key(qtbot, w, Qt.Key_Right, Qt.ControlModifier)
    assert bar.currentIndex() == index
    assert w.map_view.hasFocus() and w.map_view.focused_card() is not None
    bar.setFocus()
    _key(qtbot, w, Qt.Key_F6)  # one key back to the map, the ring at once
    assert w.map_view.hasFocus() and w.scene.focus_ring_rect() is not None


def test_the_ringed_card_stays_out_from_under_the_drawer_and_details_open_at_the_top(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    view = w.map_view
    view.setFocus()
    lay = w.scene.layout
    right = max(lay.cards, key=lambda s: (lay.cards[s].rect.right, s))  # a card on the right edge
    w.scene.set_focus_card(right, shown=True)
    view.keyboard_cards = True
    view._keep_in_view(right)
    _key(qtbot, w, Qt.Key_Return)
    assert w.room.mode() == "drawer" and w.details.service.id == right
    qtbot.wait(20)
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(w.scene.cards[right].sceneBoundingRect())  # not under the drawer
    assert w.details.browser.verticalScrollBar().value() == 0
    for _ in range(4):
        view.setFocus()
        _key(qtbot, w, Qt.Key_Left, Qt.ControlModifier)
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        assert seen.contains(w.scene.cards[view.focused_card()].sceneBoundingRect())


def test_the_ring_is_a_colour_no_look_uses_and_a_double_line():
    """Tester round 6: the ring (yellow, 3-4 px) was lost next to yellow pathway cards."""
    from sammenkart import style

    ring = QColor(look().focus_ring_colour)
    src = open(style.__file__, encoding="utf-8").read()
    import re
    others = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}", src)} - {look().focus_ring_colour.lower(),
                                                                          look().focus_ring_gap_colour.lower(),
                                                                          look().focus_ring_edge.lower()}
    assert all(not _near(ring, QColor(c), 120) for c in others), [c for c in others if _near(ring, QColor(c), 120)]
    for variant in ("normal", "hoykontrast", "gratone"):
        assert look(variant).focus_ring_colour == look().focus_ring_colour
    lay = layout_map(load_bundled().maps["eksempelkommune"], [])
    sid = first_card(lay)
    from sammenkart.display import focus_ring
    at_1 = focus_ring(lay, sid, zoom=1.0, floor_px=11)
    at_half = focus_ring(lay, sid, zoom=0.5, floor_px=11)
    assert at_1.width >= 6 and at_half.width == 2 * at_1.width  # px on screen, not map units
    card = lay.cards[sid].rect
    assert card.x > at_1.inner_rect.x + at_1.inner / 2 and at_1.inner_rect.x - at_1.inner / 2 > at_1.rect.x + at_1.width / 2
