"""Meeting room (room8) item 1: at 1024×768, Vis → Kommune → Alle tenestene, angst
step 5 names six legekontor and two (Dalsbygd, Straumøy) were cut off at the
edges with nothing to say so; step 8 too. The text stays at the room's floor
(11 px); each step service not wholly in view is named by a marker at the edge
it is beyond, and a click on it or Ctrl+Shift+arrow brings it in at the same size."""
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window

from sammenkart import regional
from sammenkart.loader import load_workspace
from sammenkart.qt import step_frame
from sammenkart.qt.step_markers import ARROWS

ROOT = Path(__file__).resolve().parents[1]


# -- the rule, in pure geometry ----------------------------------------------------------------
def test_off_view_names_each_cut_card_by_the_edge_it_is_further_beyond():
    seen = (0.0, 0.0, 100.0, 50.0)
    cards = {"in": (10, 10, 20, 10), "cut-left": (-5, 10, 20, 10), "far-right": (150, 10, 20, 10),
             "right-2": (120, 30, 20, 10), "below": (40, 45, 20, 10), "corner": (95, 100, 20, 10)}
    assert step_frame.off_view(cards, seen) == {
        "left": ["cut-left"], "right": ["far-right", "right-2"], "down": ["below", "corner"]}
    assert step_frame.off_view({"in": (10, 10, 20, 10)}, seen) == {}


def test_pan_brings_the_whole_group_in_when_it_fits_else_the_nearest_first():
    seen = (0.0, 0.0, 100.0, 50.0)
    # fits: the least move that shows both (right edge at the far card, with the pad)
    cx, cy = step_frame.pan(seen, [(110, 10, 20, 10), (150, 10, 20, 10)], "right", 5)
    assert (cx + 50, cy) == (175, 25)
    # wider than the view: starts at the nearest
    cx, _ = step_frame.pan(seen, [(110, 10, 20, 10), (300, 10, 20, 10)], "right", 5)
    assert cx - 50 == 105
    cx, _ = step_frame.pan(seen, [(-60, 10, 20, 10)], "left", 5)
    assert cx - 50 == -65
    _, cy = step_frame.pan(seen, [(10, 80, 20, 10)], "down", 5)
    assert cy + 25 == 95


# -- in the window -----------------------------------------------------------------------------
def _window(qtbot, tmp_path, size=(1024, 768)):
    w = active_window(qtbot, tmp_path, load_workspace(ROOT / "region"), size)
    assert w.select_map(next(iter(w.workspace.maps)))
    w.region_ui.set_view(regional.ALL)
    assert w.select_pathway("angst")
    return w


def _card(w, sid) -> QRect:
    view = w.map_view
    return view.mapFromScene(w.scene.cards[sid].sceneBoundingRect()).boundingRect().translated(
        view.viewport().geometry().topLeft())  # view coordinates, as the markers'


def _whole(w, sid) -> bool:
    return w.map_view.viewport().geometry().contains(_card(w, sid))


def _markers(w) -> dict[str, object]:
    return {side: b for side, b in w.step_markers.buttons.items() if b.isVisible()}


def _check_frame(w) -> set[str]:
    """Readable; every step service in view or named at its edge; no marker over a
    step card in view. Returns the services wholly in view."""
    view, current = w.map_view, sorted(w.scene.emphasis.current)
    assert view.framed and view.zoom_factor() * w.room.min_text >= 11 - 1e-6
    m = w.current_map()
    seen = {sid for sid in current if _whole(w, sid)}
    markers = _markers(w)
    for side, ids in view.off_view_step().items():
        text = markers[side].text()
        assert text.startswith(ARROWS[side]) and f"{len(ids)} til i steget" in text
        for sid in ids[:3]:
            assert m.service(sid).navn in text
    named = {sid for ids in view.off_view_step().values() for sid in ids}
    assert seen | named == set(current)
    vp = view.viewport().geometry()
    for b in markers.values():
        assert vp.contains(b.geometry()) and b.font().pixelSize() >= 11
        assert not any(b.geometry().intersects(_card(w, sid)) for sid in seen), b.text()
    return seen


@pytest.mark.parametrize("step", [4, 7])  # --steg 5 and 8
def test_a_step_wider_than_the_projector_says_where_the_rest_is_and_goes_there(qtbot, tmp_path, step):
    w = _window(qtbot, tmp_path)
    w.set_step(step)
    qtbot.wait(30)
    view = w.map_view
    seen_ever = _check_frame(w)
    assert _markers(w), "the step does not fit: the room is told where the rest is"
    zoom = view.zoom_factor()
    for _ in range(6):  # click the markers until every one of the step's services has been in view
        markers = _markers(w)
        todo = [side for side, ids in view.off_view_step().items() if not set(ids) <= seen_ever]
        if not todo:
            break
        qtbot.mouseClick(markers[todo[0]], Qt.LeftButton)
        QApplication.processEvents()
        assert view.zoom_factor() == pytest.approx(zoom)  # the same size: only moved
        seen_ever |= _check_frame(w)
    assert seen_ever == set(w.scene.emphasis.current)


def test_ctrl_arrows_go_to_the_rest_of_the_step_and_back_and_the_next_step_starts_anew(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    w.set_step(4)
    qtbot.wait(30)
    view = w.map_view
    sides = view.off_view_step()
    assert "right" in sides and "left" in sides  # Dalsbygd and Straumøy legekontor, at both edges
    right = sides["right"]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    assert all(_whole(w, sid) for sid in right) and w.step == 4  # moved; still the same step
    assert "left" in view.off_view_step() and _check_frame(w)
    back = view.off_view_step()["left"]
    qtbot.keyClick(view, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier)
    assert all(_whole(w, sid) for sid in back[-1:])
    qtbot.keyClick(view, Qt.Key_Right)  # the clicker: next step, framed anew
    assert w.step == 5 and view._pan is None


def test_the_markers_show_in_presentation_on_the_projector(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    w.set_step(4)
    w.presentation.enter()
    qtbot.waitUntil(lambda: w.presentation.active)
    qtbot.wait(50)
    _check_frame(w)
    assert _markers(w)
    assert not any(b.geometry().intersects(QRect(w.room.caption.geometry())) for b in _markers(w).values())
    w.presentation.leave()


def test_a_step_that_fits_has_no_markers(qtbot, tmp_path):
    w = _window(qtbot, tmp_path)
    w.region_ui.set_view(regional.REGIONAL)
    w.set_step(4)
    qtbot.wait(30)
    assert not _markers(w)
    assert QRectF(w.map_view.viewport().rect()).isValid()
