"""The folded legend ("Tegnforklaring ▸") never covers a card (tester 3 item 7: the
region at 1024×768 hid "Barnehage – i alle kommunane"; meeting room item 2: the same
in every view of a region, also where the map fills the view)."""
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication

from sammenkart import regional
from sammenkart.loader import load_workspace
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]


def _window(qtbot, tmp_path, size):
    make_app()
    ws = load_workspace(ROOT / "region")
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.select_map(next(iter(ws.maps)))
    return w


def _covered(w) -> list[str]:
    view, legend = w.map_view, w.legend
    button = QRect(legend.pos(), legend.size())
    vp = view.viewport().geometry()
    cards = {sid: view.mapFromScene(c.sceneBoundingRect()).boundingRect().translated(vp.topLeft())
             for sid, c in w.scene.cards.items()}
    assert cards
    # only the part of a card inside the viewport is drawn (a bar's strip is a margin of the view)
    return [sid for sid, r in cards.items() if r.intersected(vp).intersects(button)]


def _seen(w) -> bool:
    """Nothing of the window is drawn over the legend (the drawer, a banner, the caption)."""
    legend, room = w.legend, w.room
    box = QRect(legend.mapTo(room, legend.rect().topLeft()), legend.size())
    over = [room.side, room.caption] + [x for x in room.overlay_extra if x is not legend]
    return all(not (x.isVisible() and QRect(x.mapTo(room, x.rect().topLeft()), x.size()).intersects(box))
               for x in over)


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize("view", ["regional", "alle", "kommune"])
@pytest.mark.parametrize("step", [None, 4])
def test_the_folded_legend_covers_no_card_on_the_region(qtbot, tmp_path, size, view, step):
    w = _window(qtbot, tmp_path, size)
    m = w.chosen_map()
    w.region_ui.set_view({"regional": regional.REGIONAL, "alle": regional.ALL}.get(view, regional.views(m)[2]))
    assert w.select_pathway("angst")
    if step is not None:
        w.set_step(step)
    qtbot.wait(50)
    assert w.legend.isVisible()
    assert not _covered(w), (w.legend.folded, w.legend.geometry())
    assert _seen(w)


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_zoomed_in_the_folded_legend_stands_above_the_map(qtbot, tmp_path, size):
    """Zoomed in, the map fills the view: the button goes to the strip above the
    map (with the drawer handle, or one of its own beside a column) or, made
    small, to a corner where no card is; never over a card, whichever part of
    the map is shown."""
    w = _window(qtbot, tmp_path, size)
    w.map_view.zoom_by(2.0)
    for dx, dy in ((0, 0), (-400, -300), (400, 300)):
        w.map_view.horizontalScrollBar().setValue(w.map_view.horizontalScrollBar().value() + dx)
        w.map_view.verticalScrollBar().setValue(w.map_view.verticalScrollBar().value() + dy)
        QApplication.processEvents()
        assert w.legend.isVisible() and w.legend.folded
        assert not _covered(w) and _seen(w), (dx, dy, w.legend.geometry())
        if getattr(w.legend, "in_strip", False):  # above the map, else in a corner where no card is
            assert w.legend.geometry().bottom() < w.map_view.viewport().geometry().top()


def test_every_service_of_a_region_is_shown_readable_at_the_step_and_0_shows_it_whole(qtbot, tmp_path):
    """Tester 3 (meeting room) item 2: Vis → Kommune → Alle tjenestene at 1024×768
    drew the region's 97 services at ~7 px. At a step the view now shows the step's
    cards at 11 px (the room's floor) with its receiver in view; 0 shows the whole
    map until the next step."""
    w = _window(qtbot, tmp_path, (1024, 768))
    w.region_ui.set_view(regional.ALL)
    assert w.select_pathway("angst")
    view = w.map_view
    view.fit()
    whole = view.zoom_factor()
    assert whole * w.room.min_text < 11  # the whole map is not readable here
    w.set_step(4)
    qtbot.wait(20)
    assert view.framed and view.zoom_factor() * w.room.min_text >= 11 - 1e-6
    receivers = {a.til for a in w.scene.emphasis.arrows if a.current}
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert receivers and all(shown.contains(w.scene.cards[sid].sceneBoundingRect()) for sid in receivers)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_0)
    qtbot.wait(20)  # the scroll bars of the zoomed view go, and the view fits once more
    assert not view.framed and view.viewport().rect().contains(view.map_rect_in_view())  # all of it
    w.set_step(5)
    qtbot.wait(20)
    assert view.framed and view.zoom_factor() * w.room.min_text >= 11 - 1e-6
    w.set_step(None)
    qtbot.wait(20)
    assert not view.framed  # no step: the whole map
