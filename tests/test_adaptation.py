"""Shared texts and local adaptations (format 1.1, «grunnlag»): the merge
rules, and a grunnlag that cannot be used reported at its line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sammenkart import loader
from sammenkart.loader import load_pathway_file, load_workspace
from sammenkart.validation_run import validate

SHARED = """sammenkart: 1
id: angst
navn: Angst
malform: nn
revidert: 2026-09-15
beskrivelse: Felles innleiing.
roller:
  skolehelsetjeneste:
    rolle: Felles rolle.
    tiltak: Felles tiltak.
    henvisning: Felles tilvising.
    revisjon: {status: gul, merknad: Regionen sin eigen merknad}
  fastlege:
    rolle: Vurderer og tilviser.
flyt:
  - fra: skolehelsetjeneste
    til: fastlege
    art: samarbeid
  - fra: fastlege
    til: bup
sjekkliste:
  - Felles punkt 1
  - Felles punkt 2
"""

MAP = """sammenkart: 1
id: vik
navn: Vik
malform: nn
tjenester:
  - {id: helse, navn: Skulehelsetenesta, type: skolehelsetjeneste, niva: 0, sektor: kommune}
  - {id: lege, navn: Legekontoret, type: fastlege, niva: 1, sektor: fastlege}
  - {id: bup, navn: BUP, niva: 3, sektor: spesialist}
"""


def local(body: str = "", grunnlag: str = "../../region/kart/forlop/angst.nn.yaml", pid: str = "angst") -> str:
    return f"sammenkart: 1\nid: {pid}\nmalform: nn\ngrunnlag: {grunnlag}\n" + body


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        f = root / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return root


def setup(tmp_path: Path, body: str = "", shared: str = SHARED) -> Path:
    return tree(tmp_path, {"region/kart/forlop/angst.nn.yaml": shared, "kart/vik.yaml": MAP,
                           "kart/forlop/angst.nn.yaml": local(body)})


def merged(tmp_path: Path, body: str = "", shared: str = SHARED):
    root = setup(tmp_path, body, shared)
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert [str(x) for x in problems if x.is_error] == []
    return p


def errors(problems) -> list[str]:
    return [str(p) for p in problems if p.is_error]


# ----------------------------------------------------------------- merge rules
def test_nothing_written_takes_everything_from_the_shared_text(tmp_path):
    p = merged(tmp_path)
    assert (p.id, p.navn, p.beskrivelse, p.malform) == ("angst", "Angst", "Felles innleiing.", "nn")
    assert [(s.fra, s.til, s.art) for s in p.flyt] == [("skolehelsetjeneste", "fastlege", "samarbeid"),
                                                       ("fastlege", "bup", "henvisning")]
    assert p.sjekkliste == ["Felles punkt 1", "Felles punkt 2"]
    assert p.roller["skolehelsetjeneste"].items() == [("rolle", "Felles rolle."), ("tiltak", "Felles tiltak."),
                                                      ("henvisning", "Felles tilvising.")]
    assert p.is_adaptation and p.base.navn == "Angst" and p.adapted == frozenset()
    assert not any(r.shared for r in p.roller.values())


def test_a_heading_written_locally_replaces_only_that_heading(tmp_path):
    p = merged(tmp_path, "roller:\n  skolehelsetjeneste:\n    tiltak: Lokalt kurs «Modig».\n")
    role = p.roller["skolehelsetjeneste"]
    assert role.tiltak == "Lokalt kurs «Modig»." and role.rolle == "Felles rolle." and role.henvisning == "Felles tilvising."
    assert role.is_adapted("tiltak") and not role.is_adapted("rolle")
    assert role.shared_text("tiltak") == "Felles tiltak." and role.shared_text("rolle") == "Felles rolle."
    assert role.source.path.endswith("kart/forlop/angst.nn.yaml") and role.source.line == 7
    assert p.roller["fastlege"].source.path.endswith("region/kart/forlop/angst.nn.yaml")  # inherited: its own place


def test_an_empty_heading_removes_the_shared_one(tmp_path):
    p = merged(tmp_path, 'roller:\n  skolehelsetjeneste:\n    henvisning: ""\n    tiltak:\n')
    role = p.roller["skolehelsetjeneste"]
    assert [k for k, _t in role.items()] == ["rolle"]
    assert role.is_adapted("henvisning") and role.shared_text("henvisning") == "Felles tilvising."


def test_a_role_the_shared_text_lacks_is_added_after_the_shared_ones(tmp_path):
    p = merged(tmp_path, "roller:\n  foreldreveiledning:\n    rolle: Foreldrekurs.\n    tiltak: Fire kveldar.\n")
    assert list(p.roller) == ["skolehelsetjeneste", "fastlege", "foreldreveiledning"]
    added = p.roller["foreldreveiledning"]
    assert added.added and added.rolle == "Foreldrekurs." and added.shared == {"rolle": None, "tiltak": None}
    assert "foreldreveiledning" not in p.base.roller


def test_flow_written_locally_replaces_the_whole_flow(tmp_path):
    p = merged(tmp_path, "flyt:\n  - fra: skolehelsetjeneste\n    til: bup\n    nar: Lokal avtale\n")
    assert [(s.fra, s.til, s.nar) for s in p.flyt] == [("skolehelsetjeneste", "bup", "Lokal avtale")]
    assert "flyt" in p.adapted and len(p.base.flyt) == 2
    assert p.flyt[0].source.path.endswith("kart/forlop/angst.nn.yaml")


def test_checklist_name_and_introduction_replace_and_empty_ones_remove(tmp_path):
    p = merged(tmp_path, 'navn: Angst hos oss\nbeskrivelse: ""\nsjekkliste:\n  - Lokalt punkt\n')
    assert (p.navn, p.beskrivelse, p.sjekkliste) == ("Angst hos oss", None, ["Lokalt punkt"])
    assert p.adapted == {"navn", "beskrivelse", "sjekkliste"}
    assert merged(tmp_path / "b", "sjekkliste: []\n").sjekkliste == []


def test_the_traffic_light_is_the_local_files_own_never_inherited(tmp_path):
    p = merged(tmp_path, "roller:\n  fastlege:\n    revisjon: {status: gronn, dato: 2026-11-20}\n")
    assert p.base.roller["skolehelsetjeneste"].revisjon.status == "gul"  # the region's own verdict
    assert p.roller["skolehelsetjeneste"].revisjon is None
    assert p.roller["fastlege"].revisjon.status == "gronn"
    assert not p.roller["fastlege"].shared  # a status alone adapts no text


def test_a_shared_text_may_itself_adapt_another(tmp_path):
    root = tree(tmp_path, {
        "land/angst.nn.yaml": SHARED,
        "region/kart/forlop/angst.nn.yaml": local("roller:\n  fastlege:\n    tiltak: Regionalt tiltak.\n",
                                                  grunnlag="../../../land/angst.nn.yaml"),
        "kart/forlop/angst.nn.yaml": local("roller:\n  fastlege:\n    rolle: Lokal rolle.\n"),
    })
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert errors(problems) == []
    assert (p.roller["fastlege"].rolle, p.roller["fastlege"].tiltak) == ("Lokal rolle.", "Regionalt tiltak.")
    assert p.base.base.navn == "Angst"


def test_the_merged_pathway_is_what_a_workspace_offers_the_map(tmp_path):
    root = setup(tmp_path, "roller:\n  skolehelsetjeneste:\n    tiltak: Lokalt.\n")
    ws = load_workspace(root)
    assert errors(ws.problems) == []
    p = ws.pathways_for(ws.maps["vik"])[0]
    assert p.roller["skolehelsetjeneste"].tiltak == "Lokalt." and p.navn == "Angst"


# ----------------------------------------------------------------- a grunnlag that cannot be used
def test_missing_shared_text_is_an_error_at_the_grunnlag_line(tmp_path):
    root = tree(tmp_path, {"kart/forlop/angst.nn.yaml": local(grunnlag="../../region/angst.nn.yaml")})
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert p is None
    assert len(errors(problems)) == 1
    e = [x for x in problems if x.is_error][0]
    assert (e.source.line, e.source.column) == (4, 11)
    assert e.message.startswith("finner ikke grunnlaget «") and "region/angst.nn.yaml», den felles" in e.message
    assert e.message.endswith("legg den felles fila der, eller rett stien i «grunnlag» (den er relativ til denne fila)")


def test_a_grunnlag_name_the_system_refuses_is_not_found_at_its_line(tmp_path):
    # a name longer than the system allows (found by the fuzz test): OSError from
    # Path.exists must become the usual problem, not a traceback
    root = tree(tmp_path, {"kart/forlop/angst.nn.yaml": local(grunnlag="a" * 5000 + ".yaml")})
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert p is None
    (e,) = [x for x in problems if x.is_error]
    assert (e.source.line, e.source.column) == (4, 11)
    assert e.message.startswith("finner ikke grunnlaget «")


def test_a_cycle_is_an_error_at_each_files_grunnlag_line(tmp_path):
    root = tree(tmp_path, {
        "kart/forlop/angst.nn.yaml": local(grunnlag="../../region/kart/forlop/angst.nn.yaml"),
        "region/kart/forlop/angst.nn.yaml": local(grunnlag="../../../kart/forlop/angst.nn.yaml"),
    })
    for f in ("kart/forlop/angst.nn.yaml", "region/kart/forlop/angst.nn.yaml"):
        p, problems = load_pathway_file(root / f)
        assert p is None
        (e,) = [x for x in problems if x.is_error]
        assert e.source.line == 4 and "grunnlaget går i ring: " in e.message, e
        assert e.message.count("angst.nn.yaml") == 3  # this file → the other → this file


def test_a_file_naming_itself_is_a_cycle(tmp_path):
    root = tree(tmp_path, {"kart/forlop/angst.nn.yaml": local(grunnlag="angst.nn.yaml")})
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert p is None and "grunnlaget går i ring" in errors(problems)[0]


def test_another_pathway_id_or_malform_is_an_error(tmp_path):
    root = tree(tmp_path, {"region/kart/forlop/angst.nn.yaml": SHARED,
                           "kart/forlop/uro.nn.yaml": local(pid="uro"),
                           "kart/forlop/angst.yaml": local().replace("malform: nn", "malform: nb")})
    p, problems = load_pathway_file(root / "kart/forlop/uro.nn.yaml")
    assert p is None
    assert "er forløpet «angst», ikke «uro»" in errors(problems)[0] and ":4:11:" in errors(problems)[0]
    p, problems = load_pathway_file(root / "kart/forlop/angst.yaml")
    assert p is None and "er skrevet på «nn», men dette forløpet på «nb»" in errors(problems)[0]


def test_a_broken_shared_text_is_named_with_its_own_first_error(tmp_path):
    root = setup(tmp_path, shared=SHARED.replace("navn: Angst", "navn: [Angst"))
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert p is None
    (e,) = errors(problems)
    assert "kan ikke brukes: " in e and "region/kart/forlop/angst.nn.yaml:" in e


def test_without_grunnlag_name_and_flow_are_still_required(tmp_path):
    root = tree(tmp_path, {"kart/forlop/angst.yaml": "sammenkart: 1\nid: angst\n"})
    _p, problems = load_pathway_file(root / "kart/forlop/angst.yaml")
    messages = errors(problems)
    assert any("mangler den påkrevde nøkkelen «navn»" in m for m in messages)
    assert any("mangler den påkrevde nøkkelen «flyt»" in m for m in messages)


def test_the_workspace_leaves_out_an_adaptation_it_cannot_merge_and_says_where(tmp_path):
    root = tree(tmp_path, {"kart/vik.yaml": MAP, "kart/forlop/angst.nn.yaml": local()})
    ws = load_workspace(root)
    assert "angst" not in ws.pathway_ids()
    assert [p.source.line for p in ws.errors] == [4]


# ----------------------------------------------------------------- read once
def test_a_shared_text_is_read_once_per_load(tmp_path, monkeypatch):
    files = {"region/kart/forlop/angst.nn.yaml": SHARED, "kart/vik.yaml": MAP}
    for i in range(4):  # four municipalities' folders naming the same shared text
        files[f"k{i}/kart/forlop/angst.nn.yaml"] = local(grunnlag="../../../region/kart/forlop/angst.nn.yaml")
    root = tree(tmp_path, files)
    reads: list[Path] = []
    real = loader._raw_pathway
    monkeypatch.setattr(loader, "_raw_pathway", lambda path: reads.append(Path(path).resolve()) or real(path))
    result = validate([str(root / f"k{i}" / "kart") for i in range(4)])
    assert [str(p) for p in result.problems if p.is_error] == []
    assert reads.count((root / "region/kart/forlop/angst.nn.yaml").resolve()) == 1


def test_validate_takes_the_region_and_its_municipality_together_without_a_clash(tmp_path):
    root = setup(tmp_path)
    result = validate([str(root / "kart"), str(root / "region")])
    assert [str(p) for p in result.problems if p.is_error] == []
    assert result.counts["pathways"] == 2


def test_an_inherited_steps_warning_says_which_local_file_it_is_for(tmp_path):
    shared = SHARED.replace("    til: bup\n", "    til: habilitering\n")
    root = setup(tmp_path, shared=shared)
    ws = load_workspace(root)
    (w,) = [p for p in ws.problems if "habilitering" in p.message]
    assert w.source.path.endswith("region/kart/forlop/angst.nn.yaml") and w.source.line == 20  # «til: habilitering»
    assert re.search(r"\(fra grunnlaget til \S*kart/forlop/angst\.nn\.yaml\)$", w.message), w.message


@pytest.mark.parametrize("layout", ["checkout", "installed"])
def test_relative_grunnlag_follows_the_files_wherever_the_folders_are(tmp_path, layout):
    base = tmp_path / ("site/sammenkart" if layout == "installed" else "repo")
    root = setup(base)
    p, problems = load_pathway_file(root / "kart/forlop/angst.nn.yaml")
    assert errors(problems) == [] and p.grunnlag == (root / "region/kart/forlop/angst.nn.yaml").resolve()


def test_a_long_lived_cache_sees_a_shared_text_changed_on_disk_also_down_a_chain(tmp_path):
    import os

    root = tree(tmp_path, {
        "land/angst.nn.yaml": SHARED,
        "region/kart/forlop/angst.nn.yaml": local(grunnlag="../../../land/angst.nn.yaml"),
        "kart/forlop/angst.nn.yaml": local(),
    })
    shared = loader.shared_files()
    p, _ = load_pathway_file(root / "kart/forlop/angst.nn.yaml", shared)
    assert p.roller["fastlege"].rolle == "Vurderer og tilviser."
    reads = shared.reads
    p, _ = load_pathway_file(root / "kart/forlop/angst.nn.yaml", shared)
    assert shared.reads == reads  # nothing read again
    land = root / "land/angst.nn.yaml"
    land.write_text(SHARED.replace("Vurderer og tilviser.", "Ny tekst frå landet."), encoding="utf-8")
    os.utime(land, ns=(1, 1))  # another time, whatever the file system's clock resolution
    p, _ = load_pathway_file(root / "kart/forlop/angst.nn.yaml", shared)
    assert p.roller["fastlege"].rolle == "Ny tekst frå landet."


# ----------------------------------------------------------------- a version that cannot be used is not replaced
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def kart_copied_alone(tmp_path):
    """The bundled kart/ and kasus/ without region/: Fjordvik's nynorsk pathways
    adapt texts (grunnlag: ../../region/…) that are not there."""
    import shutil

    for name in ("kart", "kasus"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def test_a_nynorsk_map_is_not_given_the_bokmal_text_when_its_own_grunnlag_is_missing(kart_copied_alone):
    ws = load_workspace(kart_copied_alone)
    fjordvik, eksempel = ws.maps["fjordvik"], ws.maps["eksempelkommune"]
    assert fjordvik.malform == "nn"
    assert ws.pathways_for(fjordvik) == []  # before: the seven bokmål pathways, unmarked
    assert ws.pathway("angst", "nn") is None
    assert {p.malform for p in ws.pathways_for(eksempel)} == {"nb"} and len(ws.pathways_for(eksempel)) == 7
    held = ws.unusable("angst", "nn")
    assert held.source.path.endswith("kart/forlop/angst.nn.yaml") and (held.source.line, held.source.column) == (12, 11)
    assert held.message.startswith("finner ikke grunnlaget") and held in ws.errors
    # no warnings from bokmål texts checked against the nynorsk map
    assert not [p for p in ws.problems if "Fjordvik" in p.message and p.source.path.endswith("forlop/angst.yaml")]


def test_starting_or_exporting_such_a_pathway_says_why_it_cannot_be_used(kart_copied_alone, capsys):
    from sammenkart.cli import main

    from sammenkart.start_options import StartError, StartRequest, resolve

    root = kart_copied_alone
    # what `sammenkart MAPPE --kart fjordvik --forlop angst` prints before it exits with 2
    with pytest.raises(StartError) as exc:
        resolve(load_workspace(root), StartRequest(kart="fjordvik", forlop="angst", steg=2))
    assert "forløpet «angst» på nynorsk kan ikke brukes: " in str(exc.value)
    assert "angst.nn.yaml:12:11: feil: finner ikke grunnlaget" in str(exc.value)
    out = root / "f.pdf"
    assert main(["export", str(root / "kart" / "fjordvik.yaml"), "--out", str(out), "--forlop", "angst"]) == 1
    err = capsys.readouterr().err
    assert "forløpet «angst» på nynorsk kan ikke brukes: " in err and not out.exists()
    assert main(["validate", str(root)]) == 1
    assert capsys.readouterr().out.count("finner ikke grunnlaget") == 7


def test_an_unreadable_version_is_not_replaced_either_and_the_editor_agrees(tmp_path):
    from sammenkart.editing import Editor

    nb = SHARED.replace("malform: nn", "malform: nb")
    root = tree(tmp_path, {"kart/vik.yaml": MAP, "kart/by.yaml": MAP.replace("id: vik", "id: by").replace(
        "navn: Vik", "navn: By").replace("malform: nn", "malform: nb"),
        "kart/forlop/angst.yaml": nb, "kart/forlop/angst.nn.yaml": "sammenkart: 1\nid: angst\nnavn: [Angst\n"})
    for ws in (load_workspace(root), Editor.open(root).workspace):
        assert ws.pathways_for(ws.maps["vik"]) == []
        assert [p.malform for p in ws.pathways_for(ws.maps["by"])] == ["nb"]
        assert ws.unusable("angst", "nn").source.path.endswith("angst.nn.yaml")
    # only when no version was written in the map's målform is the other one used
    (root / "kart/forlop/angst.nn.yaml").unlink()
    ws = load_workspace(root)
    assert [p.malform for p in ws.pathways_for(ws.maps["vik"])] == ["nb"]
