"""The window lays a map out again only when the layout would change (layout/reuse.py).

The reuse rule must not hide a change: for every field it leaves out of
``layout_input``, changing it leaves ``layout_map``'s result as it was; for
the fields it keeps, a change gives a new layout.
"""
import copy
from dataclasses import replace

import pytest

from sammenkart.layout.engine import layout_map
from sammenkart.layout.reuse import NEW, RELABELLED, SAME, LayoutCache, layout_input
from sammenkart.loader import load_bundled
from sammenkart.model import Contact, FlowStep, Link, Map


def picture(lay) -> tuple:
    """What a layout places: size, cards, bands, and every arrow of every picture, point by point."""
    return (lay.width, lay.height, dict(lay.cards), list(lay.bands), lay.link_marks,
            sorted((link.a, link.b) for link in lay.links),
            {k: sorted((n.key, n.arrows, n.badge) for n in s.nets) for k, s in lay.scenes.items()})


@pytest.fixture(scope="module")
def example():
    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    return m, ws.pathways_for(m), layout_map(m, ws.pathways_for(m))


def with_service(m: Map, sid: str, **values) -> Map:
    services = [replace(s, **values) if s.id == sid else s for s in m.tjenester]
    return replace(m, tjenester=services)


LEFT_OUT = [
    ("beskrivelse", "Helt ny tekst om hva tjenesten gjør, over flere ord."),
    ("alder", (3, 9)),
    ("kontakt", Contact(telefon="+4799999999", epost="a@b.no")),
]


@pytest.mark.parametrize("key,value", LEFT_OUT)
def test_fields_left_out_do_not_change_the_layout(example, key, value):
    m, pathways, before = example
    edited = with_service(m, "ppt", **{key: value})
    assert layout_input(edited, pathways) == layout_input(m, pathways)
    assert picture(layout_map(edited, pathways)) == picture(before)


def test_step_condition_and_kind_and_link_notes_do_not_change_the_layout(example):
    m, pathways, before = example
    p = copy.deepcopy(pathways[0])
    p.flyt = [replace(st, nar="en helt annen betingelse", art="kontakt") for st in p.flyt]
    ps = [p] + list(pathways[1:])
    links = [replace(link, merknad="ny merknad") for link in m.samarbeid]
    edited = replace(m, samarbeid=links)
    assert layout_input(edited, ps) == layout_input(m, pathways)
    assert picture(layout_map(edited, ps)) == picture(before)


def test_a_new_name_of_as_many_lines_reuses_the_places_with_the_new_label(example):
    m, pathways, before = example
    calls = []
    cache = LayoutCache(lambda *a: calls.append(1) or layout_map(*a))
    first, how = cache.layout_for(m, pathways)
    assert how == NEW and len(calls) == 1
    again, how = cache.layout_for(m, pathways)
    assert how == SAME and again is first and len(calls) == 1
    old = first.cards["ppt"].lines
    edited = with_service(m, "ppt", navn="Pedagogisk-psykologisk tjeneste i byen")  # three lines, as before
    relabelled, how = cache.layout_for(edited, pathways)
    assert len(old) == 3 and how == RELABELLED and len(calls) == 1
    assert relabelled.cards["ppt"].lines != old and len(relabelled.cards["ppt"].lines) == 3
    assert relabelled.cards["ppt"].rect == first.cards["ppt"].rect
    # what a full layout gives for the renamed map, lines and all
    assert picture(relabelled) == picture(layout_map(edited, pathways))


@pytest.mark.parametrize("change", [
    lambda m: with_service(m, "ppt", niva=2),
    lambda m: with_service(m, "ppt", sektor="stat"),
    lambda m: with_service(m, "ppt", navn="Pedagogisk-psykologisk tjeneste for barn, unge og voksne i kommunen"),
    lambda m: replace(m, samarbeid=list(m.samarbeid) + [Link(("ppt", "bup"))]),
    lambda m: replace(m, tjenester=list(reversed(m.tjenester))),
    lambda m: with_service(m, "ppt", plassering=(10.0, 20.0)),
    lambda m: with_service(m, "ppt", tilgang=None),  # step numbers keep off its symbol (ppt has one)
])
def test_what_the_layout_reads_gives_a_new_layout(example, change):
    m, pathways, _before = example
    cache = LayoutCache()
    cache.layout_for(m, pathways)
    _lay, how = cache.layout_for(change(m), pathways)
    assert how == NEW


def test_a_new_flow_step_gives_a_new_layout(example):
    m, pathways, _before = example
    cache = LayoutCache()
    cache.layout_for(m, pathways)
    p = copy.deepcopy(pathways[0])
    p.flyt = list(p.flyt) + [FlowStep("ppt", "bup")]
    _lay, how = cache.layout_for(m, [p] + list(pathways[1:]))
    assert how == NEW


def test_a_card_moved_to_another_level_leaves_most_others_in_their_slots():
    """``layout_map(keep=…)`` (what the window's cache passes after an edit):
    Kommunepsykologen one level down on fjordvik; laid out afresh nearly every
    card changes row or column, kept most stay."""
    from dataclasses import replace as _replace

    from sammenkart.layout.engine import layout_map as _lay
    from sammenkart.loader import load_bundled as _bundled

    ws = _bundled()
    m = ws.maps["fjordvik"]
    ps = ws.pathways_for(m)
    before = _lay(m, ps)
    moved = _replace(m, tjenester=[_replace(s, niva=s.niva - 1) if s.id == "kommunepsykologen" else s
                                   for s in m.tjenester])
    others = [sid for sid in before.grid.pos if sid != "kommunepsykologen"]

    def same(after):
        return sum(after.grid.pos.get(sid) == before.grid.pos[sid] for sid in others)

    kept = _lay(moved, ps, keep=before)
    assert same(kept) >= 0.6 * len(others) > same(_lay(moved, ps))
    assert set(kept.cards) == set(before.cards)
    assert _lay(m, ps, keep=before).grid.pos == before.grid.pos  # nothing moved: nothing moves


def _renamed_cells(m, pathways, sid: str, navn: str):
    """(cells before, cells after, how, layout after) when the window's cache lays out ``m``
    and then ``m`` with ``sid`` renamed ``navn`` (what the edit form's name field does)."""
    cache = LayoutCache()
    before, _how = cache.layout_for(m, pathways)
    after, how = cache.layout_for(with_service(m, sid, navn=navn), pathways)
    return dict(before.grid.pos), dict(after.grid.pos), how, after


def test_a_rename_to_a_taller_card_keeps_every_other_card_in_its_cell(example):
    """Tester round 5: "Torget legesenter AS" made the GP's card taller, the map was laid
    out again and Røde Kors leksehjelp went to another row (the kept rows had to be as
    even as ``row_sizes``, the laid-out ones were 6 and 5 the other way round)."""
    from sammenkart.layout.metrics import overlapping_cards

    m, pathways, _before = example
    old_lines = len(LayoutCache()._label(m.service("fastlege-torget")))
    cells, after_cells, how, after = _renamed_cells(m, pathways, "fastlege-torget", "Torget legesenter AS")
    assert how == NEW  # the card is taller: a new layout, not a relabelled copy
    assert len(after.cards["fastlege-torget"].lines) != old_lines
    moved = {sid: (cells[sid], after_cells.get(sid)) for sid in cells if after_cells.get(sid) != cells[sid]}
    assert moved == {}
    assert overlapping_cards(after) == []


@pytest.mark.parametrize("map_id", ["eksempelkommune", "fjordvik"])
def test_any_rename_keeps_the_other_cards_cells(map_id):
    """Every fourth service of each example map renamed to a name two or three lines
    longer: no other card changes its row or column."""
    ws = load_bundled()
    m = ws.maps[map_id]
    pathways = ws.pathways_for(m)
    for s in m.tjenester[::4]:
        cells, after, _how, _lay = _renamed_cells(m, pathways, s.id, s.navn + " – for barn, unge og familier i hele kommunen")
        assert [sid for sid in cells if sid != s.id and after.get(sid) != cells[sid]] == [], s.id
