"""Referral rights (docs/roller.md, "Hvem kan henvise"): a formal referral to BUP,
habilitering or DPS from a service without the right is a warning at the step's
line, per map, naming who may refer; a map's ``henvisningsrett`` replaces the
built-in rule per receiver."""
import re
from pathlib import Path

from sammenkart import paths
from sammenkart.loader import load_workspace
from sammenkart.validation_run import validate_paths

SERVICES = {
    "skole": ("skole", 0, "kommune"),
    "ppt": ("ppt", 1, "kommune"),
    "torget": ("fastlege", 1, "fastlege"),
    "sorvag": ("fastlege", 1, "fastlege"),
    "legevakt": ("legevakt", 1, "kommune"),
    "psykisk-helse": ("psykisk-helse", 2, "kommune"),
    "kommunepsykolog": ("kommunepsykolog", 2, "kommune"),
    "barnevern": ("barnevern", 2, "kommune"),
    "bup-fonna": ("bup", 3, "spesialist"),
    "bup-akutteam": ("bup-akutt", 3, "spesialist"),
    "habu": ("habilitering", 3, "spesialist"),
    "dps": ("dps", 3, "spesialist"),
    "barneavdeling": ("barneavdeling", 3, "spesialist"),
}
WHO = "fastlege, legevakt, kommunepsykolog eller barnevern"


def map_text(map_id: str, rights: str = "", leave_out=()) -> str:
    out = [f"sammenkart: 1\nid: {map_id}\nnavn: {map_id.title()}\n"]
    if rights:
        out.append("henvisningsrett:\n" + "".join(f"  {line}\n" for line in rights.strip().splitlines()))
    out.append("tjenester:\n")
    for sid, (typ, niva, sektor) in SERVICES.items():
        if sid not in leave_out:
            out.append(f"  - id: {sid}\n    type: {typ}\n    navn: {sid}\n    niva: {niva}\n    sektor: {sektor}\n")
    return "".join(out)


def pathway_text(steps) -> str:
    """Steps as (fra, til) or (fra, til, art); one step per four lines, from line 5."""
    out = "sammenkart: 1\nid: forlop\nnavn: Forløpet\nflyt:\n"
    for st in steps:
        fra, til, art = (*st, "henvisning")[:3]
        out += f"  - fra: {fra}\n    til: {til}\n    art: {art}\n    nar: steg\n"
    return out


def warnings(tmp_path: Path, steps, maps: dict[str, str]) -> list[str]:
    """The referral-right warnings for a workspace of ``maps`` and one pathway."""
    (tmp_path / "kart" / "forlop").mkdir(parents=True)
    for map_id, text in maps.items():
        (tmp_path / "kart" / f"{map_id}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "kart" / "forlop" / "forlop.yaml").write_text(pathway_text(steps), encoding="utf-8")
    ws = load_workspace(tmp_path)
    assert not ws.errors, ws.errors
    found = [p for p in ws.problems if "er en henvisning fra" in p.message]
    assert all(p.source.path.endswith("forlop.yaml") for p in found)
    return [str(p)[len(str(tmp_path)) + 1:] for p in found]  # kart/forlop/forlop.yaml:LINE:COL: ...


def test_a_referral_from_a_service_without_the_right_is_warned_at_the_steps_line(tmp_path):
    found = warnings(tmp_path, [("torget", "bup-fonna"), ("ppt", "bup"), ("skole", "habilitering"), ("ppt", "dps")],
                     {"a": map_text("a")})
    assert len(found) == 3
    assert found[0].startswith(f"{Path('kart/forlop/forlop.yaml')}:9:5: advarsel: steg 2 i forløpet «Forløpet» "
                               "er en henvisning fra «ppt», men i A kan «bup» bare henvises av " + WHO)
    assert "standardretten for «bup», se docs/roller.md" in found[0]
    assert found[1].startswith(f"{Path('kart/forlop/forlop.yaml')}:13:5:") and "«habilitering» bare henvises av " + WHO in found[1]
    assert found[2].startswith(f"{Path('kart/forlop/forlop.yaml')}:17:5:") and "«dps» bare henvises av " + WHO in found[2]


def test_those_with_the_right_refer_without_a_warning(tmp_path):
    steps = [(sender, receiver) for sender in ("fastlege", "torget", "legevakt", "kommunepsykolog", "barnevern")
             for receiver in ("bup", "habilitering", "dps", "bup-akutt")]
    assert warnings(tmp_path, steps, {"a": map_text("a")}) == []


def test_only_formal_referrals_are_checked(tmp_path):
    steps = [("ppt", "bup", art) for art in ("samarbeid", "veiledning", "tilbakemelding", "bekymringsmelding", "kontakt")]
    assert warnings(tmp_path, steps, {"a": map_text("a")}) == []


def test_receivers_without_a_rule_take_referrals_from_anyone(tmp_path):
    steps = [("skole", "ppt"), ("ppt", "barneavdeling"), ("skole", "psykisk-helse")]
    assert warnings(tmp_path, steps, {"a": map_text("a")}) == []


def test_a_maps_entry_replaces_the_default_for_that_receiver_only(tmp_path):
    rights = "bup: [fastlege, psykisk-helse]"
    steps = [("psykisk-helse", "bup"), ("legevakt", "bup"), ("kommunepsykolog", "habilitering"), ("ppt", "habilitering")]
    found = warnings(tmp_path, steps, {"a": map_text("a", rights)})
    assert len(found) == 2
    assert "steg 2" in found[0] and "kan «bup» bare henvises av fastlege eller psykisk-helse" in found[0]
    assert "kartets «henvisningsrett» for «bup»" in found[0]
    assert "steg 4" in found[1] and "standardretten for «habilitering»" in found[1]


def test_rules_are_per_map(tmp_path):
    found = warnings(tmp_path, [("psykisk-helse", "bup")],
                     {"a": map_text("a"), "b": map_text("b", "bup: [fastlege, psykisk-helse]")})
    assert len(found) == 1 and "men i A kan" in found[0]


def test_receivers_are_references_and_an_id_goes_before_the_type(tmp_path):
    # The map names one service by id: that service's rule; the type's rule is the default.
    rights = "bup-fonna: [torget]\nbup: [fastlege, legevakt]"
    found = warnings(tmp_path, [("sorvag", "bup"), ("legevakt", "bup-fonna"), ("torget", "bup")],
                     {"a": map_text("a", rights)})
    assert len(found) == 2
    assert "steg 1" in found[0] and "kan «bup» bare henvises av torget" in found[0]
    assert "steg 2" in found[1] and "kan «bup-fonna» bare henvises av torget" in found[1]


def test_a_sender_reference_must_have_the_right_for_every_service_it_matches(tmp_path):
    # `fastlege` matches torget and sorvag; only torget may refer on this map.
    m = map_text("a", "bup: [torget]")
    assert len(warnings(tmp_path, [("fastlege", "bup")], {"a": m})) == 1


def test_a_sender_the_map_lacks_is_judged_by_name(tmp_path):
    steps = [("kommunepsykolog", "bup"), ("helsestasjon", "bup")]
    found = warnings(tmp_path, steps, {"a": map_text("a", leave_out={"kommunepsykolog"})})
    assert len(found) == 1 and "fra «helsestasjon»" in found[0]


def test_bup_akutt_follows_bups_rule_unless_the_map_writes_its_own(tmp_path):
    steps = [("ppt", "bup-akutt"), ("legevakt", "bup-akutt"), ("kommunepsykolog", "bup-akutt")]
    found = warnings(tmp_path, steps, {"a": map_text("a"), "b": map_text("b", "bup: [legevakt]"),
                                       "c": map_text("c", "bup: [legevakt]\nbup-akutt: [kommunepsykolog]")})
    by_map = {m: [f for f in found if f"men i {m.upper()} kan" in f] for m in "abc"}
    assert len(by_map["a"]) == 1 and "steg 1" in by_map["a"][0] and "standardretten for «bup»" in by_map["a"][0]
    assert "kan «bup-akutt» bare henvises av " + WHO in by_map["a"][0]
    assert [re.search(r"steg (\d)", f).group(1) for f in by_map["b"]] == ["1", "3"]
    assert "kartets «henvisningsrett» for «bup»" in by_map["b"][0]
    assert [re.search(r"steg (\d)", f).group(1) for f in by_map["c"]] == ["1", "2"]
    assert "kartets «henvisningsrett» for «bup-akutt»" in by_map["c"][0]


def test_an_empty_list_means_nobody_may_refer(tmp_path):
    found = warnings(tmp_path, [("torget", "dps")], {"a": map_text("a", "dps: []")})
    assert len(found) == 1 and "i A kan ingen henvise til «dps»" in found[0]


def test_the_bundled_data_gives_no_referral_right_warnings():
    root = paths.kart_dir().parent
    problems, counts = validate_paths([str(root / "kart"), str(root / "kasus"), str(paths.region_dir())])
    assert counts["maps"] == 3 and counts["pathways"] == 21  # 7 in bokmål, 7 local in nynorsk, 7 shared in region/
    assert [str(p) for p in problems if p.is_error] == []
    assert [str(p) for p in problems if "henvisning fra" in p.message] == []
