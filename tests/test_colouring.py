"""Cards filled by something other than their level (the revision view, figures):
one Colouring in the emphasis, drawn by the display list on screen and paper."""
from PySide6.QtCore import QSettings

from sammenkart import display
from sammenkart.emphasis import Colouring
from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled
from sammenkart.stress import map_stress

GREEN, GREY = "#1a9641", "#d9d9d9"


def _colouring(m):
    first = m.tjenester[0].id
    return Colouring("Revisjon", ((first, GREEN),), GREY, (("Grønn", GREEN), ("Ikkje vurdert", GREY)))


def test_a_colouring_fills_the_cards_and_replaces_the_levels_in_the_legend():
    ws = load_bundled()
    m = ws.maps["fjordvik"]
    layout = layout_map(m, ws.pathways_for(m))
    plain = display.build(m, layout)
    col = _colouring(m)
    d = display.build(m, layout, map_stress(m, colouring=col))
    fills = {c.id: c.fill for c in d.cards}
    assert fills[m.tjenester[0].id] == GREEN
    assert {f for sid, f in fills.items() if sid != m.tjenester[0].id} == {GREY}
    assert {c.fill for c in plain.cards} != {GREY}  # by level without it
    heads = [e.label for e in d.legend if e.kind == "head"]
    assert heads[0] == "Revisjon" and "Nivåer" not in heads
    assert [e.label for e in d.legend if e.kind == "level"] == ["Grønn", "Ikkje vurdert"]


def test_the_colouring_stays_while_a_pathway_is_stepped():
    ws = load_bundled()
    m = ws.maps["fjordvik"]
    p = ws.pathway("angst", "nn")
    em = map_stress(m, p, 2, colouring=_colouring(m))
    assert em.colouring is not None and em.arrows and em.pathway == "angst"


def test_the_window_draws_a_colouring_and_its_legend(qtbot, tmp_path):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(load_bundled(), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.select_map("fjordvik")
    w.set_colouring(_colouring)
    first = w.current_map().tjenester[0].id
    assert w.scene.cards[first].item.fill == GREEN
    assert w.legend.columns[0][0] == "Revisjon"
    w.select_pathway("angst")
    w.set_step(1)
    assert w.scene.cards[first].item.fill == GREEN  # kept across steps
    w.set_colouring(None)
    assert w.scene.cards[first].item.fill != GREEN
    assert w.legend.columns[0][0] == "Nivåer"
