"""The regional view (one card per role) and the municipality filter, on the bundled region."""
import re

import pytest

from sammenkart import graph, paths, regional
from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.model import FlowStep, Link, Map, Pathway, Service
from sammenkart.overlay import pathway_emphasis
from sammenkart.roles import STANDARD_ROLES

KOMMUNER = ["Sjøvik", "Lyngnes", "Fjellstad", "Straumøy", "Dalsbygd"]


@pytest.fixture(scope="module")
def region() -> Map:
    return load_workspace(paths.region_dir()).maps["brattfjord"]


@pytest.fixture(scope="module")
def pathways() -> dict:
    return load_bundled().pathways


def test_bundled_region_is_a_nynorsk_region_of_five_municipalities_of_different_size(region):
    assert (region.type, region.malform) == ("region", "nn")
    assert regional.municipalities(region) == KOMMUNER
    sizes = [sum(1 for s in region.tjenester if s.kommune == k) for k in KOMMUNER]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > 2 * sizes[-1]
    assert [lv.navn for lv in region.levels_bottom_up()][-1] == "Spesialisthelsetenesta"
    shared = {s.role for s in region.tjenester if s.kommune is None}
    assert {"bup", "habilitering", "dps", "statens-barnehus", "familievern"} <= shared


def test_every_bundled_pathway_and_case_finds_its_services_in_the_region(region, pathways):
    ws = load_bundled()
    refs = {r for p in pathways.values() for r in p.references()}
    refs |= {r for c in ws.cases.values() for st in c.steg for r in (*st.involverte, *st.forslag)}
    assert [r for r in sorted(refs) if not region.resolve(r)] == []


def test_roles_of_every_municipality_collapse_to_one_card_with_all(region):
    view = regional.regional_view(region)
    hs = view.card("helsestasjon")
    assert hs.kommuner == tuple(KOMMUNER) and hs.mangler == ()
    assert hs.label == "Helsestasjon (0–5 år) – i alle kommunane"  # the region is nynorsk
    assert len(hs.members) == 5 and not hs.shared
    # two fastlegekontor in Sjøvik are one card and count Sjøvik once
    fl = view.card("fastlege")
    assert len(fl.members) == 6 and fl.coverage == "i alle kommunane"


def test_a_role_some_municipalities_lack_counts_those_that_have_it(region):
    view = regional.regional_view(region)
    kp = view.card("kommunepsykolog")
    assert kp.label == "Kommunepsykolog – i 4 av 5"
    assert kp.mangler == ("Dalsbygd",)
    assert kp.details == "Finst i Sjøvik, Lyngnes, Fjellstad og Straumøy. Manglar i Dalsbygd."
    assert view.card("lavterskel").coverage == "berre i Sjøvik"
    assert view.card("videregaende").coverage == "i 2 av 5"


def test_shared_services_stay_one_card_each_with_their_own_name(region):
    view = regional.regional_view(region)
    bup = view.card("bup")
    assert bup.shared and bup.members == ("bup",) and bup.label == "BUP Brattfjord, Sjøvik sjukehus"
    assert view.map.service("bup") is region.service("bup")
    # the municipalities' cards plus the shared ones, nothing lost
    assert sorted(sid for c in view.cards for sid in c.members) == sorted(s.id for s in region.tjenester)
    assert len(view.cards) < len(region.tjenester) / 2


def test_the_grouped_pyramid_keeps_levels_and_is_a_map_the_layout_draws(region):
    view = regional.regional_view(region)
    for c in view.cards:
        assert {region.service(sid).niva for sid in c.members} == {c.niva}
    assert all(re.match(r"^[a-z0-9][a-z0-9-]*$", c.id) for c in view.cards)
    lay = layout_map(view.map)
    assert set(lay.cards) == {c.id for c in view.cards}
    ids = {region.id, view.map.id, *(regional.municipality_map(region, k).id for k in KOMMUNER)}
    assert len(ids) == 2 + len(KOMMUNER)


def test_a_role_at_two_levels_is_two_cards_counted_apart():
    services = [Service(f"{k}-ph", "PH", 2 if k in "ABC" else 1, "kommune", type="psykisk-helse", kommune=k)
                for k in "ABCDE"]
    view = regional.regional_view(Map("r", "R", services, type="region"))
    cards = {c.niva: c for c in view.cards}
    assert (cards[2].coverage, cards[1].coverage) == ("i 3 av 5", "i 2 av 5")
    assert cards[2].id != cards[1].id


def test_choosing_municipalities_changes_what_is_counted(region):
    view = regional.regional_view(region, ["Fjellstad", "Dalsbygd"])
    assert view.kommuner == ("Fjellstad", "Dalsbygd")
    assert view.card("kommunepsykolog").coverage == "berre i Fjellstad"
    assert view.card("lavterskel") is None  # only Sjøvik has it
    with pytest.raises(ValueError):
        regional.regional_view(region, ["Atlantis"])


def test_links_fall_on_cards_once(region):
    view = regional.regional_view(region)
    pairs = [tuple(link.mellom) for link in view.map.samarbeid]
    assert len(pairs) == len(set(pairs))
    assert ("barnehage", "helsestasjon") in pairs or ("helsestasjon", "barnehage") in pairs
    assert all(a != b for a, b in pairs)  # school to school is inside one card


def test_pathway_steps_map_onto_grouped_cards(region, pathways):
    view = regional.regional_view(region)
    angst = pathways["angst"]
    steps = graph.resolve_steps(view.map, angst)
    to_bup = next(rs for rs in steps if rs.step.til == "bup")
    assert (to_bup.fra, to_bup.til) == (("fastlege",), ("bup",))
    em = pathway_emphasis(view.map, angst, to_bup.index)
    assert em.current == {"fastlege", "bup"}
    # one arrow per step between cards, not one per municipality
    assert sum(1 for a in em.arrows if a.number == to_bup.index + 1) == 1


def test_a_step_naming_one_municipalitys_service_lands_on_its_card(region):
    view = regional.regional_view(region)
    p = Pathway("lokal", "Lokal", [FlowStep("sjovik-rask-psykisk-helsehjelp", "sjovik-legesenter")])
    [rs] = graph.resolve_steps(view.map, p)
    assert (rs.fra, rs.til) == (("lavterskel",), ("fastlege",))
    assert view.card_for("sjovik-legesenter").id == "fastlege"


def test_municipality_filter_gives_that_municipalitys_own_map(region, pathways):
    m = regional.municipality_map(region, "Dalsbygd")
    assert (m.type, m.navn, m.malform, m.path) == ("kommune", "Dalsbygd", "nn", None)
    assert {s.kommune for s in m.tjenester} == {"Dalsbygd", None}
    assert m.service("bup") is region.service("bup")  # the region's objects, not copies
    assert "kommunepsykolog" in graph.unresolved_references(m, pathways["angst"])
    for link in m.samarbeid:
        assert m.resolve(link.mellom[0]) and m.resolve(link.mellom[1])
    assert Link(("dalsbygd-helsestasjon", "dalsbygd-barnehage")) in m.samarbeid or any(
        link.mellom == ("dalsbygd-helsestasjon", "dalsbygd-barnehage") for link in m.samarbeid)


def test_pathway_overlay_follows_the_filter(region, pathways):
    m = regional.municipality_map(region, "Lyngnes")
    angst = pathways["angst"]
    ids = {sid for rs in graph.resolve_steps(m, angst) for pair in graph.step_pairs(m, rs) for sid in pair}
    assert ids and all(m.service(sid).kommune in ("Lyngnes", None) for sid in ids)
    with pytest.raises(ValueError):
        regional.municipality_map(region, "Sjovik")


def test_every_standard_role_in_the_docs_has_a_name():
    table = (paths.kart_dir().parent / "docs" / "roller.md").read_text(encoding="utf-8")
    # the role table: from its header row "| type | …" to the first line that is not a row
    roles_table = table[table.index("\n| type |"):].split("\n\n", 1)[0]
    documented = [t for t in re.findall(r"^\| ([a-z0-9-]+) \|", roles_table, flags=re.M) if t != "type"]
    assert documented and set(documented) == set(STANDARD_ROLES)


def test_a_derived_regional_map_without_some_cards_resolves_to_the_cards_it_has():
    # The handout's small map keeps only a pathway's cards; a reference to a
    # region service whose card is not there gives nothing, never None.
    import dataclasses

    from sammenkart import paths
    from sammenkart.loader import load_workspace
    from sammenkart.regional import regional_view

    region = load_workspace(paths.region_dir()).maps["brattfjord"]
    grouped = regional_view(region).map
    some = grouped.tjenester[:3]
    smaller = dataclasses.replace(grouped, tjenester=some)
    for s in region.tjenester:
        assert all(x is not None for x in smaller.resolve(s.id))
    assert {x.id for s in region.tjenester for x in smaller.resolve(s.id)} <= {s.id for s in some}
