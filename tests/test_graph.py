"""Graph and overlay on the shipped example data (small hand-made maps are in test_core_geometry)."""
import pytest

from sammenkart.graph import dead_ends, pathway_services, resolve_steps, unresolved_references
from sammenkart.loader import load_bundled
from sammenkart.overlay import pathway_emphasis


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _pathway(ws, m, pid):
    return next(p for p in ws.pathways_for(m) if p.id == pid)


def _matches(m, ref):
    return {s.id for s in m.tjenester if s.id == ref or s.type == ref}


def test_angst_services_are_exactly_those_referenced(ws):
    m = ws.maps["eksempelkommune"]
    p = _pathway(ws, m, "angst")
    refs = set(p.roller) | {r for st in p.flyt for r in (st.fra, st.til)}
    expected = set().union(*(_matches(m, r) for r in refs))
    assert expected and pathway_services(m, p) == expected


def test_resolved_steps_follow_the_file_order(ws):
    m = ws.maps["eksempelkommune"]
    p = _pathway(ws, m, "angst")
    steps = resolve_steps(m, p)
    assert [rs.index for rs in steps] == list(range(len(p.flyt)))
    for rs, st in zip(steps, p.flyt):
        assert set(rs.fra) == _matches(m, st.fra) and set(rs.til) == _matches(m, st.til)
    # the top level never counts as a dead end
    top = max(lv.id for lv in m.nivaer)
    assert all(m.service(s).nivaa != top for s in dead_ends(m, p))


def test_fjordvik_reports_services_it_does_not_have(tmp_path):
    # The bundled Fjordvik has every service its pathways name; a copy lacks three.
    from editing_helpers import copy_lacking
    from sammenkart.loader import load_workspace

    ws = load_workspace(copy_lacking(tmp_path, "fjordvik", "helsestasjon-for-ungdom", "ungdomspsykiatrisk-dogn", "eteforstyrringar"))
    m = ws.maps["fjordvik"]
    missing = {p.id: unresolved_references(m, p) for p in ws.pathways_for(ws.maps["eksempelkommune"])}
    assert any(missing.values())
    for pid, refs in missing.items():
        for ref in refs:
            assert not _matches(m, ref), (pid, ref)


def test_stepping_the_angst_pathway_on_the_example_map(ws):
    m = ws.maps["eksempelkommune"]
    p = _pathway(ws, m, "angst")
    em = pathway_emphasis(m, p, 1)
    cur = [a for a in em.arrows if a.current]
    assert cur and em.current == {a.fra for a in cur} | {a.til for a in cur}
    assert all(a.faded for a in em.arrows if a.number > 2)
    assert not any(a.faded for a in em.arrows if a.number <= 2)
