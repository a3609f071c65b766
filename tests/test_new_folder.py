"""`sammenkart ny MAPPE --kommune NAVN [--malform nb|nn]`: a new municipality's
starter folder, and the warning for addresses left over from the examples."""
import re
import shutil
from pathlib import Path

import pytest

from sammenkart import cli, paths
from sammenkart.editing import EditError, new_folder
from sammenkart.editing.template import starter_types
from sammenkart.example_addresses import example_hosts
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.roles import STANDARD_ROLES
from sammenkart.validation_run import validate_paths

PHONE = re.compile(r"\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b")
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def bundled():
    return load_bundled()


def _texts(folder: Path) -> dict[str, str]:
    return {str(f.relative_to(folder)): f.read_text(encoding="utf-8") for f in sorted(folder.rglob("*.yaml"))}


@pytest.mark.parametrize("malform", ["nb", "nn"])
def test_ny_makes_a_folder_that_validates_clean_in_the_chosen_malform(tmp_path, capsys, bundled, malform):
    folder = tmp_path / "mitt-kart"
    assert cli.main(["ny", str(folder), "--kommune", "Nord-Fron", "--malform", malform]) == 0
    out = capsys.readouterr().out
    problems, counts = validate_paths([str(folder)])
    assert [str(p) for p in problems] == []  # no errors and no warnings
    cases = [c for c in bundled.cases.values() if c.malform == malform]
    assert counts == {"maps": 1, "pathways": 7, "cases": len(cases)}

    ws = load_workspace(folder)
    m = ws.maps["nord-fron"]
    assert m.navn == "Nord-Fron" and m.malform == malform and m.type == "kommune"
    # The målform's version of each bundled pathway, and the cases written in it, offered on the map.
    assert {p.id for p in ws.pathways_for(m)} == set(bundled.pathway_ids())
    assert {p.malform for p in ws.all_pathways()} == {malform}
    assert sorted(ws.cases) == sorted(c.id for c in cases)
    for pid in bundled.pathway_ids():
        version = bundled.pathway(pid, malform)
        shared = version
        while shared.base is not None:  # an adaptation brings the shared text it adapts
            shared = shared.base
        copied = next(p for p in ws.all_pathways() if p.path.name == version.path.name)
        # the shared wording, with nothing reviewed yet
        assert [(s.fra, s.til, s.art, s.nar) for s in copied.flyt] == [
            (s.fra, s.til, s.art, s.nar) for s in shared.flyt]
        assert {r: role.items() for r, role in copied.roller.items()} == {
            r: role.items() for r, role in shared.roller.items()}
        assert copied.revidert is None and all(role.revisjon is None for role in copied.roller.values())
    # The standard services, named in the målform, with the usual tilgang.
    assert [s.role for s in m.tjenester] == starter_types(ws.all_pathways(), ws.cases.values())
    for s in m.tjenester:
        role = STANDARD_ROLES[s.role]
        assert (s.navn, s.sektor, s.tilgang) == (role.navn(malform), role.sektor, role.tilgang)
    assert {"fastlege", "bup", "habilitering", "statens-barnehus", "overgrepsmottak"} <= {s.role for s in m.tjenester}
    assert m.samarbeid  # standing links between the standard services
    # It prints what it made and the next steps.
    assert str(folder / "kart" / "nord-fron.yaml") in out and "7 forløp" in out and f"{len(cases)} kasus" in out
    assert f"sammenkart validate {folder}" in out and f"sammenkart {folder}" in out and "«samarbeid»" in out


def test_the_starter_carries_nothing_example_specific(tmp_path):
    new_folder(tmp_path, "Stord", "nn")
    m = load_workspace(tmp_path).maps["stord"]
    assert m.nettside is None and m.oppdatert is None
    assert all(s.kontakt.is_empty() and not s.beskrivelse for s in m.tjenester)
    for name, text in _texts(tmp_path).items():
        assert not re.search(r"example|eksempel(kommune|by)|fjordvik|brattfjord", text, re.I), name
        assert "yaml-language-server" not in text, name  # the bundled schema line points nowhere here
        data = text if name.startswith("kasus") else "\n".join(
            line for line in text.splitlines() if not line.startswith("#"))
        assert not DATE.search(data), name
    map_text = _texts(tmp_path)[str(Path("kart/stord.yaml"))]
    assert not PHONE.search(map_text)
    # The template's guidance speaks the map's målform.
    assert "Tek du bort ei teneste, ta òg bort linjene her som nemner henne." in map_text
    assert "Skriv skildring, alder og kontakt for kvar teneste" in map_text


def test_ny_never_overwrites(tmp_path, capsys):
    folder = tmp_path / "k"
    assert cli.main(["ny", str(folder), "--kommune", "Stord"]) == 0
    before = _texts(folder)
    (folder / "kart" / "stord.yaml").write_text("# mitt arbeid\n" + before[str(Path("kart/stord.yaml"))], encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["ny", str(folder), "--kommune", "Stord"]) == 1
    err = capsys.readouterr().err
    assert "finnes allerede" in err and "ingenting er skrevet" in err and "Traceback" not in err
    assert (folder / "kart" / "stord.yaml").read_text(encoding="utf-8").startswith("# mitt arbeid\n")


def test_one_existing_file_stops_everything_before_anything_is_written(tmp_path):
    (tmp_path / "kasus").mkdir()
    (tmp_path / "kasus" / "emma-14.yaml").write_text("# vårt eget kasus\n", encoding="utf-8")
    with pytest.raises(EditError, match="emma-14.yaml"):
        new_folder(tmp_path, "Stord", "nb")
    assert not (tmp_path / "kart").exists()
    assert (tmp_path / "kasus" / "emma-14.yaml").read_text(encoding="utf-8") == "# vårt eget kasus\n"


@pytest.mark.parametrize("argv", [["ny", "x"], ["ny", "x", "--kommune", "Stord", "--malform", "se"],
                                  ["ny", "x", "--kommune", "  "], ["ny", "x", "--kommune", "!!!"]])
def test_wrong_usage_exits_2_and_writes_nothing(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    assert not (tmp_path / "x").exists()
    assert "Traceback" not in capsys.readouterr().err


def test_a_folder_that_cannot_be_written_exits_1(tmp_path, capsys):
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe\n", encoding="utf-8")
    assert cli.main(["ny", str(blocker), "--kommune", "Stord"]) == 1
    assert "sammenkart ny:" in capsys.readouterr().err


def test_removing_a_service_means_removing_its_samarbeid_lines_as_the_readme_says(tmp_path):
    new_folder(tmp_path, "Stord", "nb")
    f = tmp_path / "kart" / "stord.yaml"
    text = f.read_text(encoding="utf-8")
    block = re.search(r"\n  - id: krisesenter\n(    .*\n)*\n", text).group(0)
    f.write_text(text.replace(block, "\n"), encoding="utf-8")
    problems, _counts = validate_paths([str(f)])
    errors = [p for p in problems if p.is_error]
    lines = f.read_text(encoding="utf-8").splitlines()
    assert errors and all("krisesenter" in lines[p.source.line - 1] and "mellom" in lines[p.source.line - 1]
                          for p in errors)
    f.write_text("\n".join(ln for ln in lines if "krisesenter]" not in ln) + "\n", encoding="utf-8")
    assert [p for p in validate_paths([str(f)])[0] if p.is_error] == []


# --------------------------------------------------------------- example addresses
def test_example_hosts_are_found_in_addresses():
    assert example_hosts("post@fjordvik.example.no") == ["fjordvik.example.no"]
    assert example_hosts("https://www.eksempelkommune.example.no/barn-og-unge") == ["www.eksempelkommune.example.no"]
    assert example_hosts("se https://example.com/x eller a.example") == ["example.com", "a.example"]
    assert example_hosts("https://www.stord.kommune.no/helsestasjon") == []
    assert example_hosts("post@exampleville.no, 55 00 10 10") == []


def test_a_copied_example_map_is_warned_at_each_example_address(tmp_path):
    src = paths.kart_dir() / "eksempelkommune.yaml"
    (tmp_path / "kart").mkdir()
    f = tmp_path / "kart" / "eksempelkommune.yaml"
    shutil.copy(src, f)
    problems, _counts = validate_paths([str(f)])
    found = [p for p in problems if "eksempeladresse" in p.message]
    lines = f.read_text(encoding="utf-8").splitlines()
    expected = [n for n, ln in enumerate(lines, start=1)
                if re.match(r"\s*(nettside|epost):", ln) and ".example" in ln]
    assert expected and sorted({p.source.line for p in found}) == expected
    assert all(p.severity == "warning" for p in found)
    first = min(found, key=lambda p: p.source.line)
    map_site = next(n for n, ln in enumerate(lines, start=1) if ln.startswith("nettside:"))
    assert first.source.line == map_site and "kartets «nettside»" in first.message  # the map's own web address
    assert any("«kontakt.epost» i tjenesten «barnehage-sentrum»" in p.message for p in found)
    # Once replaced, the warnings are gone.
    f.write_text(f.read_text(encoding="utf-8").replace(".example.no", ".kommune.no"), encoding="utf-8")
    assert [p for p in validate_paths([str(f)])[0] if "eksempeladresse" in p.message] == []


def test_the_bundled_examples_may_carry_their_example_addresses():
    root = paths.kart_dir().parent
    problems, _counts = validate_paths([str(root / "kart"), str(paths.region_dir())])
    assert [p for p in problems if "eksempeladresse" in p.message] == []
    # ...and every address they carry would be caught in a copy.
    ws = load_bundled()
    for m in [*ws.maps.values(), *load_workspace(paths.region_dir()).maps.values()]:
        for value in [m.nettside, *(v for s in m.tjenester for v in (s.kontakt.epost, s.kontakt.nettside))]:
            if value:
                assert example_hosts(value), (m.id, value)
