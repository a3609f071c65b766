"""The folded legend ("Tegnforklaring ▸") covers no card where the map fills the view
(tester 3 item 7: the region at 1024×768 hid "Barnehage – i alle kommunane")."""
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings

from sammenkart.loader import load_workspace
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("step", [None, 4])
def test_the_folded_legend_covers_no_card_on_the_region(qtbot, tmp_path, size, step):
    make_app()
    ws = load_workspace(ROOT / "region")
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.select_map(next(iter(ws.maps)))
    assert w.select_pathway("angst")
    if step is not None:
        w.set_step(step)
    qtbot.wait(50)
    view, legend = w.map_view, w.legend
    assert legend.isVisible()
    button = QRect(legend.pos(), legend.size())
    at = view.viewport().geometry().topLeft()
    cards = {sid: view.mapFromScene(c.sceneBoundingRect()).boundingRect().translated(at)
             for sid, c in w.scene.cards.items()}
    assert cards
    covered = [sid for sid, r in cards.items() if r.intersects(button)]
    assert not covered, (legend.folded, button, covered)
