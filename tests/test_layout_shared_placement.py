"""Layouts for rooms of other shapes but as many columns share the placement of the cards
(``engine._placed_grid``): the poster plan lays a map out for 3-4 rooms, and the placement
is most of a layout's time. Sharing must change no layout."""
import pytest

from sammenkart.layout import engine
from sammenkart.loader import load_bundled
from test_layout_deterministic import picture


@pytest.fixture()
def example():
    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    return m, ws.pathways_for(m)


def _placements(monkeypatch) -> list:
    made = []
    real = engine.place
    monkeypatch.setattr(engine, "place", lambda *a, **k: made.append(a[2]) or real(*a, **k))
    monkeypatch.setattr(engine, "_placements", type(engine._placements)())
    return made


def test_rooms_with_as_many_columns_place_the_cards_once(monkeypatch, example):
    m, pathways = example
    made = _placements(monkeypatch)
    wide = engine.layout_map(m, pathways, 16 / 9)
    wider = engine.layout_map(m, pathways, 1.9)
    assert wide.grid.cols == wider.grid.cols
    assert made == [wide.grid.cols]  # the second room took the first's placement
    assert wider.aspect == 1.9 and (wide.width, wide.height) != (wider.width, wider.height)
    tall = engine.layout_map(m, pathways, 0.5)
    assert tall.grid.cols != wide.grid.cols and made == [wide.grid.cols, tall.grid.cols]


def test_a_shared_placement_gives_the_layout_made_afresh(monkeypatch, example):
    m, pathways = example
    engine.layout_map(m, pathways, 16 / 9)
    shared = engine.layout_map(m, pathways, 1.9)
    engine.layout_map(m, pathways, 16 / 9)  # the shared grid comes back unchanged by a layout that used it
    monkeypatch.setattr(engine, "_placements", type(engine._placements)())
    fresh = engine.layout_map(m, pathways, 1.9)
    assert picture(shared) == picture(fresh)
    assert shared.grid.cells == fresh.grid.cells and shared.grid.cells is not fresh.grid.cells


def test_another_map_content_is_placed_afresh(monkeypatch, example):
    import copy
    import dataclasses

    m, pathways = example
    made = _placements(monkeypatch)
    engine.layout_map(m, pathways, 16 / 9)
    other = copy.copy(m)
    other.tjenester = [dataclasses.replace(s, navn=s.navn + " og mer tekst som gjør kortet høyere")
                       if i == 0 else s for i, s in enumerate(m.tjenester)]
    engine.layout_map(other, pathways, 16 / 9)
    assert len(made) == 2
