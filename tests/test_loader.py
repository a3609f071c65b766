"""Loading maps, pathways and cases: objects know their file and line."""
import datetime as dt
from pathlib import Path

import pytest

from sammenkart.loader import load_bundled, load_map_file, load_workspace
from sammenkart.model import Map

MAP = """sammenkart: 1
id: liten
navn: Liten
oppdatert: {date}
tjenester:
  - id: skolen
    type: skole
    navn: Skolen
    niva: 0
    sektor: kommune
  - id: ppt
    navn: PPT
    niva: 1
    sektor: kommune
samarbeid:
  - mellom: [skole, ppt]
"""
PATHWAY = "sammenkart: 1\nid: lese\nnavn: Lese\nflyt:\n  - fra: skole\n    til: ppt\n"
CASE = "sammenkart: 1\nid: ola\ntittel: Ola\nforlop: lese\nsteg:\n  - tittel: A\n    tekst: B\n    involverte: [skole]\n"


def _tree(root: Path, date="2026-11-01") -> Path:
    (root / "kart" / "forlop").mkdir(parents=True)
    (root / "kasus").mkdir()
    (root / "kart" / "liten.yaml").write_text(MAP.format(date=date), encoding="utf-8")
    (root / "kart" / "forlop" / "lese.yaml").write_text(PATHWAY, encoding="utf-8")
    (root / "kasus" / "ola.yaml").write_text(CASE, encoding="utf-8")
    return root


@pytest.mark.parametrize("where", ["root", "kart", "file"])
def test_every_way_to_point_at_a_workspace_finds_the_same_things(tmp_path, where):
    root = _tree(tmp_path)
    path = {"root": root, "kart": root / "kart", "file": root / "kart" / "liten.yaml"}[where]
    ws = load_workspace(path)
    assert not ws.problems, [str(p) for p in ws.problems]
    assert list(ws.maps) == ["liten"] and list(ws.pathways) == ["lese"] and list(ws.cases) == ["ola"]


def test_objects_remember_their_line_and_column(tmp_path):
    ws = load_workspace(_tree(tmp_path))
    m = ws.maps["liten"]
    assert m.service("skolen").source.line == 6 and m.service("skolen").source.column == 5
    assert m.service("ppt").source.line == 11
    assert m.samarbeid[0].source.line == 16
    assert m.samarbeid[0].source.path.endswith("liten.yaml")
    assert ws.pathways["lese"].flyt[0].source.line == 5
    assert ws.cases["ola"].steg[0].source.line == 6


@pytest.mark.parametrize("date", ["2026-11-01", '"2026-11-01"'])
def test_oppdatert_may_be_a_date_or_a_quoted_date(tmp_path, date):
    m, problems = load_map_file(_tree(tmp_path, date) / "kart" / "liten.yaml")
    assert not problems and m.oppdatert == dt.date(2026, 11, 1)


def test_a_broken_map_beside_a_good_one_does_not_hide_the_good_one(tmp_path):
    root = _tree(tmp_path)
    (root / "kart" / "brukket.yaml").write_text("sammenkart: 1\nid: brukket\n", encoding="utf-8")
    ws = load_workspace(root)
    assert "liten" in ws.maps and "brukket" not in ws.maps
    assert any("brukket.yaml:" in str(p) and "«navn»" in str(p) for p in ws.errors)


def test_missing_path_is_a_problem_not_an_exception(tmp_path):
    ws = load_workspace(tmp_path / "borte")
    assert ws.errors and not ws.maps


def test_bundled_workspace_loads_without_errors():
    ws = load_bundled()
    assert not ws.errors, [str(p) for p in ws.errors]
    assert len(ws.maps) >= 2 and len(ws.pathways) >= 7 and len(ws.cases) >= 7
    assert all(isinstance(m, Map) and m.source.line >= 1 for m in ws.maps.values())
    for m in ws.maps.values():
        assert all(s.source.path.endswith(f"{m.id}.yaml") and s.source.line > 1 for s in m.tjenester)
