"""The bundled maps, pathways and cases say what the services really do.

A facilitator from a health trust reads them in front of a room: the seven
published pathways in both målformer, referrals only from those who may send
them, reports of concern and direct contact named for what they are, state
services not placed "in the municipality", and language a reader of each
målform accepts. Practice: /work/shared/domain.md ("Practice the data must
respect"); referral rights: docs/roller.md.
"""
import re
from pathlib import Path

import pytest

from sammenkart.loader import load_bundled, load_workspace
from sammenkart.model import ROLE_KEYS
from sammenkart import paths

SEVEN = {"angst", "tristhet-depresjon", "oppmerksomhet-uro", "autisme", "spisevansker", "vold-overgrep",
         "bekymring-0-3"}
# The titles as the health trusts publish them (bokmål; Helse Stavanger, Helse Førde).
PUBLISHED_NB = {"Angst", "Tristhet og depresjonsplager", "Oppmerksomhetsvansker og uro", "Autismespekterforstyrrelser",
                "Spisevansker", "Vold, overgrep og omsorgssvikt", "Bekymring for barn 0–3 år"}
# Built-in referral rights (docs/roller.md, "Hvem kan henvise"): receiver -> senders.
MAY_REFER = {"fastlege", "legevakt", "kommunepsykolog", "barnevern"}
RIGHTS_NEEDED = {"bup", "bup-akutt", "habilitering", "dps"}
# Nobody sends a formal referral to these: a family is advised to see the GP, the
# emergency services and the sexual-assault centre are reached directly, the
# barnevern gets a report of concern, the police a report of a crime.
NEVER_REFERRED_TO = {"fastlege", "legevakt", "overgrepsmottak", "barnevern", "politi", "statens-barnehus",
                     "helsestasjon-ungdom", "alarmtelefon"}
STATE_OR_REGIONAL = {"statens-barnehus", "familievern", "politi", "krisesenter", "alarmtelefon", "dps"}
MUNICIPAL_LEVEL = re.compile(r"\bi kommunen\b|\bkommunens\b|\bkommunen sine\b", re.I)


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _all_texts(data) -> list[str]:
    if isinstance(data, dict):
        return [t for v in data.values() for t in _all_texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _all_texts(v)]
    return [data] if isinstance(data, str) else []


def _pathway_texts(p) -> list[str]:
    out = [p.navn, p.beskrivelse or "", *p.sjekkliste, *(st.nar or "" for st in p.flyt)]
    return out + [text for role in p.roller.values() for _k, text in role.items()]


def _case_texts(c) -> list[str]:
    out = [c.tittel, c.ingress or ""]
    for st in c.steg:
        out += [st.tittel, st.tekst, st.fasilitator or "", *(st.sporsmal or [])]
    return out


def _map_texts(m) -> list[str]:
    out = [m.navn, *(lv.navn for lv in m.nivaer), *(lv.beskrivelse or "" for lv in m.nivaer)]
    for s in m.tjenester:
        out += [s.navn, s.beskrivelse or "", s.kontakt.adresse or ""]
    return out + [ln.merknad or "" for ln in m.samarbeid]


def _texts_by_malform(ws) -> dict[str, list[str]]:
    out = {"nb": [], "nn": []}
    for m in ws.maps.values():
        out[m.malform] += _map_texts(m)
    for p in ws.all_pathways():
        out[p.malform] += _pathway_texts(p)
    for c in ws.cases.values():
        out[c.malform] += _case_texts(c)
    return out


# ------------------------------------------------------------ the seven, nb and nn
def test_the_bundled_pathways_are_the_seven_published_in_both_malformer(ws):
    assert set(ws.pathway_ids()) == SEVEN
    for pid in SEVEN:
        assert sorted(ws.versions(pid)) == ["nb", "nn"], pid
    assert {ws.pathway(pid, "nb").navn for pid in SEVEN} == PUBLISHED_NB
    assert "selvskading" not in ws.pathway_ids()


def test_a_nynorsk_map_lists_only_nynorsk_pathways_and_a_bokmal_map_only_bokmal(ws):
    fj, ek = ws.maps["fjordvik"], ws.maps["eksempelkommune"]
    assert fj.malform == "nn" and ek.malform == "nb"
    for m in (fj, ek):
        offered = ws.pathways_for(m)
        assert {p.id for p in offered} == SEVEN, m.id
        assert {p.malform for p in offered} == {m.malform}, m.id
        assert sorted(p.navn for p in offered) == sorted(ws.pathway(pid, m.malform).navn for pid in SEVEN)
    nn_names = {p.navn for p in ws.pathways_for(fj)}
    assert {"Vanskar med merksemd og uro", "Tristleik og depresjonsplager", "Etevanskar"} <= nn_names
    assert not nn_names & (PUBLISHED_NB - {"Angst", "Bekymring for barn 0–3 år"})  # same words in both


@pytest.mark.parametrize("pid", sorted(SEVEN))
def test_both_malformer_tell_the_same_pathway(ws, pid):
    # the nynorsk text is the region's shared one (region/kart/forlop/); Fjordvik's own
    # files adapt it (test_fjordvik_adapts_two_shared_texts_and_uses_five_as_they_are)
    nb, nn = ws.pathway(pid, "nb"), ws.pathway(pid, "nn")
    assert nn.is_adaptation and nn.base is not None, pid
    nn = nn.base
    assert [(s.fra, s.til, s.art) for s in nb.flyt] == [(s.fra, s.til, s.art) for s in nn.flyt]
    assert list(nb.roller) == list(nn.roller)
    assert len(nb.sjekkliste) == len(nn.sjekkliste) >= 5
    for ref in nb.roller:
        assert [k for k, _t in nb.roller[ref].items()] == [k for k, _t in nn.roller[ref].items()], ref


@pytest.mark.parametrize("pid", sorted(SEVEN))
def test_every_service_in_a_flow_has_its_role_under_all_six_headings(ws, pid):
    for p in ws.versions(pid).values():
        for st in p.flyt:
            assert st.fra in p.roller and st.til in p.roller, (p.path.name, st.fra, st.til)
        for ref, role in p.roller.items():
            assert [k for k, _t in role.items()] == list(ROLE_KEYS), (p.path.name, ref)


def test_fjordvik_adapts_two_shared_texts_and_uses_five_as_they_are(ws):
    """The yearly-revision practice in the bundled data: the region writes the
    nynorsk texts once; Fjordvik adapts two of them where it differs and takes
    the rest as they are (docs/format.md, Felles tekst og lokal tilpasning)."""
    region = paths.region_dir() / "kart" / "forlop"
    adapted = {}
    for pid in SEVEN:
        p = ws.pathway(pid, "nn")
        assert p.grunnlag == (region / f"{pid}.nn.yaml").resolve(), pid
        words = {(ref, k) for ref, role in p.roller.items() for k in role.shared}
        if words:
            adapted[pid] = words
        else:  # as it is: the same text as the region's, heading by heading
            assert {r: r2.items() for r, r2 in p.roller.items()} == {r: r2.items() for r, r2 in p.base.roller.items()}
    assert set(adapted) == {"angst", "tristhet-depresjon"}
    angst = ws.pathway("angst", "nn")
    assert angst.roller["foreldreveiledning"].added and "foreldreveiledning" not in angst.base.roller
    assert "Modig" in angst.roller["skolehelsetjeneste"].tiltak
    assert angst.roller["skolehelsetjeneste"].shared_text("tiltak") == angst.base.roller["skolehelsetjeneste"].tiltak
    assert "helsestasjon for ungdom" in ws.pathway("tristhet-depresjon", "nn").roller["skolehelsetjeneste"].rolle


def test_bundled_maps_and_texts_carry_a_revision(ws):
    fj = ws.maps["fjordvik"]
    assert fj.revidert and fj.neste_revisjon and fj.revidert < fj.neste_revisjon
    statuses = {s.revisjon.status for s in fj.tjenester if s.revisjon}
    assert statuses == {"gronn", "gul", "rod"}
    assert all(s.revisjon.ansvar and s.revisjon.dato for s in fj.tjenester if s.revisjon)
    assert all(s.revisjon.merknad for s in fj.tjenester if s.revisjon and s.revisjon.status != "gronn")
    roles = {r.revisjon.status for p in ws.pathways_for(fj) for r in p.roller.values() if r.revisjon}
    assert roles == {"gronn", "gul", "rod"}
    assert all(m.revidert and m.neste_revisjon for m in ws.maps.values())


# ------------------------------------------------------------ practice
def test_formal_referrals_come_only_from_those_who_may_send_them(ws):
    for p in ws.all_pathways():
        for st in p.flyt:
            if st.art != "henvisning":
                continue
            where = f"{p.path.name}: {st.fra} -> {st.til}"
            assert st.til not in NEVER_REFERRED_TO, where
            if st.til in RIGHTS_NEEDED:
                assert st.fra in MAY_REFER, where


def test_reports_of_concern_and_direct_contact_are_named_for_what_they_are(ws):
    arts = {(p.id, st.fra, st.til): st.art for p in ws.all_pathways() for st in p.flyt}
    assert arts[("vold-overgrep", "barnehage", "barnevern")] == "bekymringsmelding"
    assert arts[("vold-overgrep", "skole", "barnevern")] == "bekymringsmelding"
    assert arts[("bekymring-0-3", "helsestasjon", "barnevern")] == "bekymringsmelding"
    assert arts[("vold-overgrep", "skolehelsetjeneste", "overgrepsmottak")] == "kontakt"
    assert arts[("vold-overgrep", "barnevern", "politi")] == "kontakt"
    assert arts[("vold-overgrep", "politi", "statens-barnehus")] == "kontakt"
    assert ("vold-overgrep", "statens-barnehus", "bup") not in arts
    assert ("bekymring-0-3", "ppt", "habilitering") not in arts


def test_dps_is_only_help_for_parents_of_the_youngest(ws):
    for p in ws.all_pathways():
        if p.id != "bekymring-0-3":
            assert "dps" not in p.references(), p.path.name
            continue
        steps = [st for st in p.flyt if "dps" in (st.fra, st.til)]
        assert [(st.fra, st.til) for st in steps] == [("fastlege", "dps")]
        assert re.search(r"\bmor eller far\b", steps[0].nar, re.I) and re.search(r"\bforelderen\b", steps[0].nar)
    for c in ws.cases.values():
        assert all("dps" not in [*st.involverte, *st.forslag] for st in c.steg), c.id


def test_the_autism_pathway_refers_to_bup_for_assessment_and_habilitering_after(ws):
    for p in ws.versions("autisme").values():
        steps = [(st.fra, st.til, st.art) for st in p.flyt]
        assert ("fastlege", "bup", "henvisning") in steps and ("fastlege", "habilitering", "henvisning") in steps
        assert steps.index(("fastlege", "bup", "henvisning")) < steps.index(("fastlege", "habilitering", "henvisning"))
        assert {"helsestasjon", "barnehage", "ppt", "koordinerende-enhet"} <= set(p.roller)
        checklist = " ".join(p.sjekkliste).lower()
        for word in ({"hørsel", "syn", "språk", "motorikk", "fritid", "utviklingshistorie", "ppt"} if p.malform == "nb"
                     else {"høyrsel", "syn", "språk", "motorikk", "fritida", "utviklingshistorie", "ppt"}):
            assert word in checklist, (p.malform, word)
        assert "ansvarsgruppe" in p.beskrivelse and "koordinator" in p.beskrivelse
    cases = [c for c in ws.cases.values() if c.forlop == "autisme"]
    assert cases and any("habilitering" in st.forslag for c in cases for st in c.steg)


def test_self_harm_is_screened_inside_the_depression_pathway_and_its_case_stays(ws):
    for p in ws.versions("tristhet-depresjon").values():
        nurse = p.roller["skolehelsetjeneste"].kartlegging.lower()
        assert ("selvskading" in nurse and "selvmord" in nurse) or ("sjølvskading" in nurse and "sjølvmord" in nurse)
        assert ("legevakt", "barneavdeling", "henvisning") in [(s.fra, s.til, s.art) for s in p.flyt]
    assert ws.cases["sara-15"].forlop == "tristhet-depresjon"


def test_an_overdose_goes_to_somatic_emergency_care_first(ws):
    found = 0
    for c in ws.cases.values():
        for st in c.steg:
            if re.search(r"tablett|overdose", st.tekst, re.I):
                found += 1
                assert {"legevakt", "barneavdeling"} <= set(st.forslag), (c.id, st.tittel)
                assert "113" in (st.fasilitator or ""), (c.id, st.tittel)
    assert found


def test_state_and_regional_services_are_not_on_a_level_in_the_municipality(ws):
    from sammenkart import paths
    from sammenkart.loader import load_workspace

    region = load_workspace(paths.region_dir())
    assert region.maps
    for m in [*ws.maps.values(), *region.maps.values()]:
        for s in m.tjenester:
            lv = m.level(s.niva)
            if s.role in STATE_OR_REGIONAL or s.sektor in ("stat", "spesialist"):
                text = f"{lv.navn} {lv.beskrivelse or ''}"
                assert not MUNICIPAL_LEVEL.search(text), (m.id, s.id, lv.navn)


def test_services_families_reach_directly_say_so_and_referral_only_ones_too(ws):
    for m in ws.maps.values():
        for s in m.tjenester:
            if s.role in ("helsestasjon-ungdom", "overgrepsmottak", "alarmtelefon", "helsestasjon", "legevakt"):
                assert s.tilgang == "direkte", (m.id, s.id)
            if s.role in ("bup", "habilitering", "dps", "bup-akutt"):
                assert s.tilgang == "henvisning", (m.id, s.id)
        assert any(s.kontakt.intern for s in m.tjenester), m.id  # a professionals-only number


# ------------------------------------------------------------ language
def test_nynorsk_texts_write_barn_and_hoyrsel_and_nobody_has_a_lensmann(ws):
    texts = _texts_by_malform(ws)
    nn, nb = " ".join(texts["nn"]), " ".join(texts["nb"])
    assert len(texts["nn"]) > 100 and len(texts["nb"]) > 100
    assert not re.search(r"\bborn(a|s)?\b", nn), "nynorsk: barn, consistently"
    assert re.search(r"\bbarn\b", nn)
    assert not re.search(r"\bhørsel", nn) and re.search(r"\bhøyrsel", nn)
    assert not re.search(r"\bhøyrsel", nb)
    assert not re.search(r"lensmann", nn + nb, re.I)


def test_cases_name_no_map(ws):
    """A case is shared between municipalities; it must not say what one map lacks."""
    names = {w for m in ws.maps.values() for w in (m.id, m.navn.split()[0])}
    for c in ws.cases.values():
        text = " ".join(_case_texts(c)).lower()
        assert not [n for n in names if n.lower() in text], c.id


# ------------------------------------------------------------ references
def test_every_case_resolves_on_every_bundled_map_of_its_malform(ws):
    """Cases name no map: a case is written for the maps of its own målform
    (docs/format.md, Kasus), so there every reference must find a service:
    on the example municipalities and on the example region (region/)."""
    region = load_workspace(paths.region_dir())
    assert not region.errors and set(region.maps) == {"brattfjord"}
    all_maps = [*ws.maps.values(), *region.maps.values()]
    for malform in ("nb", "nn"):
        maps = [m for m in all_maps if m.malform == malform]
        cases = [c for c in ws.cases.values() if c.malform == malform]
        assert maps and cases, malform
        for c in cases:
            p = ws.pathway(c.forlop, c.malform)
            assert p is not None and p.malform == c.malform, c.id
            for m in maps:
                for st in c.steg:
                    missing = [r for r in [*st.involverte, *st.forslag] if not m.resolve(r)]
                    assert not missing, (c.id, m.id, st.tittel, missing)
    assert {m.id for m in all_maps if m.malform == "nn"} == {"fjordvik", "brattfjord"}


def test_every_case_reference_resolves_in_the_eyes_of_validate(ws):
    """The same through what users run: no case reference is warned about on any bundled map."""
    from sammenkart.validation_run import validate_paths

    root = paths.kart_dir().parent
    problems, _counts = validate_paths([str(root / "kart"), str(root / "kasus"), str(paths.region_dir())])
    assert [str(p) for p in problems if "(kasuset" in p.message or Path(p.source.path).parent.name == "kasus"] == []


def test_the_bundled_example_opens_clean(ws):
    """0 errors and 0 warnings, as `sammenkart validate` and the window's
    Problems panel see the example a new user opens first: a warning there
    would greet them with «Problemer (3)» about our own files. A small
    municipality's map shows its health trust's shared specialist services
    (BUP døgn, eteforstyrringar), as Fjordvik does."""
    from sammenkart.validation_run import validate_paths

    root = paths.kart_dir().parent
    problems, counts = validate_paths([str(root / "kart"), str(root / "kasus")])
    assert counts == {"maps": 2, "pathways": 14, "cases": len(ws.cases)}
    assert [str(p) for p in problems] == []
    problems, _counts = validate_paths([str(root / "kart"), str(root / "kasus"), str(paths.region_dir())])
    assert [str(p) for p in problems] == []
    assert [str(p) for p in ws.problems] == []  # what the window's Problems panel lists


def test_bundled_texts_are_plain_text(ws):
    for t in [*_texts_by_malform(ws)["nb"], *_texts_by_malform(ws)["nn"]]:
        assert not re.search(r"<[a-zA-Z/][^>]*>|\*\*|\]\(", t), t
