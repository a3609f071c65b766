"""Every kind of broken file gets a clear message at the right line, never a traceback."""
import subprocess
import sys
from pathlib import Path

import pytest

from sammenkart.cli import main
from sammenkart.loader import load_case_file, load_map_file, load_pathway_file

BROKEN = Path(__file__).parent / "data" / "broken"

# file, line, column (None: any), words the message must contain
CASES = [
    # at the «[» that is never closed, with where libyaml noticed it
    ("kart/syntaks.yaml", 6, 11, ["YAML-syntaksfeil", "«]»", "linje 7, kolonne 9"]),
    ("kart/liste.yaml", 1, 1, ["tabell med nøkler", "liste"]),
    ("kart/ukjent-nokkel.yaml", 8, 5, ["«sektro»", "mente du «sektor»"]),
    ("kart/mangler.yaml", 5, 5, ["mangler", "«navn»", "«skole»"]),
    ("kart/feil-type.yaml", 11, 11, ["«niva»", "heltall", "tekst"]),
    ("kart/dobbel-id.yaml", 9, 9, ["«skole»", "brukt før", "linje 5"]),
    ("kart/ikke-slug.yaml", 5, 9, ["«Skole_Nord»", "små bokstaver"]),
    ("kart/feil-stamme.yaml", 2, 5, ["«et-annet-navn»", "«feil-stamme»"]),
    ("kart/ukjent-niva.yaml", 7, 11, ["nivå 9", "0, 1, 2, 3"]),
    ("kart/ukjent-sektor.yaml", 8, 13, ["«privat»", "kommune, fastlege"]),
    ("kart/referanse.yaml", 10, None, ["«ppt»", "viser ikke til"]),
    ("kart/alder.yaml", 9, 12, ["«alder»", "[16, 6]"]),
    ("kart/nettside.yaml", 10, 17, ["«nettside»", "https://", "ftp://skolen.example.no"]),
    ("kart/ikke-utf8.yaml", 3, 10, ["ikke UTF-8"]),
    ("kart/versjon.yaml", 1, 13, ["sammenkart: 7", "versjon 1"]),
    ("kart/alias-bombe.yaml", 8, 8, ["alias", "*e"]),
    ("kart/tom.yaml", 1, 1, ["tom"]),
    ("kart/python-tag.yaml", 3, 7, ["python/object"]),
    ("kart/forlop/ukjent-art.yaml", 7, 10, ["«henvising»", "mente du «henvisning»"]),
    ("kart/forlop/uten-flyt.yaml", 1, 1, ["mangler", "«flyt»"]),
    ("kart/forlop/uten-flyt.yaml", 7, 5, ["«tiltakk»", "mente du «tiltak»"]),
    ("kasus/tomme-steg.yaml", 4, 7, ["«steg»", "minst ett"]),
]


def _load(rel: str):
    path = BROKEN / rel
    if "/forlop/" in rel:
        return load_pathway_file(path)
    if rel.startswith("kasus/"):
        return load_case_file(path)
    return load_map_file(path)


@pytest.mark.parametrize("rel,line,col,words", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_broken_file_is_reported_at_its_line(rel, line, col, words):
    obj, problems = _load(rel)
    texts = [str(p) for p in problems if p.is_error]
    name = Path(rel).name
    hits = [
        t for t in texts
        if name in t and f":{line}:" in t and (col is None or f":{line}:{col}:" in t) and all(w in t for w in words)
    ]
    assert hits, f"expected {name}:{line}:{col} with {words}; got:\n" + "\n".join(texts)


def test_a_service_with_an_error_is_left_out_and_the_rest_still_loads(tmp_path):
    f = tmp_path / "delvis.yaml"
    f.write_text(
        "sammenkart: 1\nid: delvis\nnavn: Delvis\ntjenester:\n"
        "  - id: a\n    navn: A\n    niva: 0\n    sektor: kommune\n"
        "  - id: b\n    navn: B\n    niva: 0\n    sektor: frivilig\n"
        "  - id: a\n    navn: Kopi av A\n    niva: 1\n    sektor: kommune\n",
        encoding="utf-8",
    )
    m, problems = load_map_file(f)
    assert [s.id for s in m.tjenester] == ["a"] and m.service("a").navn == "A"
    assert sorted(p.source.line for p in problems if p.is_error) == [12, 13]


@pytest.mark.parametrize("rel", ["kart/versjon.yaml", "kart/tom.yaml", "kart/syntaks.yaml", "kart/liste.yaml"])
def test_a_file_that_cannot_be_understood_gives_no_object(rel):
    obj, problems = _load(rel)
    assert obj is None and any(p.is_error for p in problems)


def test_all_problems_of_a_file_come_in_one_pass(tmp_path):
    f = tmp_path / "mange.yaml"
    f.write_text(
        "sammenkart: 1\nid: mange\nnavn: Mange\ntjenester:\n"
        "  - id: a\n    navn: A\n    niva: 8\n    sektor: kommune\n"
        "  - id: b\n    navn: B\n    niva: 0\n    sektor: privat\n"
        "    alder: [9, 2]\n",
        encoding="utf-8",
    )
    _, problems = load_map_file(f)
    lines = sorted(p.source.line for p in problems if p.is_error)
    assert lines == [7, 12, 13]


def test_file_over_five_megabytes_is_refused(tmp_path):
    big = tmp_path / "stor.yaml"
    big.write_text("sammenkart: 1\n# " + "x" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    obj, problems = load_map_file(big)
    assert obj is None
    assert any("stor.yaml:1:1:" in str(p) and "5 MB" in str(p) for p in problems)


def test_validate_command_exits_1_on_errors_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "sammenkart", "validate", str(BROKEN / "kart"), str(BROKEN / "kasus")],
        capture_output=True, text=True, cwd=Path(__file__).parent.parent, timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    # every broken map file is named at least once
    for f in (BROKEN / "kart").glob("*.yaml"):
        assert f.name in proc.stdout, f.name


def test_validate_usage_errors_exit_2(capsys):
    assert main(["validate", "finnes-ikke.yaml"]) == 2
    assert "finner ikke" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--ukjent-flagg"])
    assert exc.value.code == 2


def test_bundled_data_validates_cleanly(capsys):
    assert main(["validate"]) == 0


def test_pathway_references_missing_from_a_map_are_warnings_not_errors(tmp_path):
    kart = tmp_path / "kart"
    (kart / "forlop").mkdir(parents=True)
    (kart / "liten.yaml").write_text(
        "sammenkart: 1\nid: liten\nnavn: Liten\ntjenester:\n  - id: skolen\n    type: skole\n    navn: Skolen\n"
        "    niva: 0\n    sektor: kommune\n", encoding="utf-8")
    (kart / "forlop" / "test.yaml").write_text(
        "sammenkart: 1\nid: test\nnavn: Test\nflyt:\n  - fra: skole\n    til: ppt\n", encoding="utf-8")
    from sammenkart.loader import load_workspace

    ws = load_workspace(tmp_path)
    assert "test" in ws.pathways and "liten" in ws.maps
    warnings = [str(p) for p in ws.problems if not p.is_error]
    assert any("Liten har ingen «ppt»" in w and "test.yaml:6:10:" in w for w in warnings), warnings
    assert not ws.errors


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["latin1", "bom+latin1"])
def test_a_latin1_byte_is_named_at_its_own_place_with_or_without_a_byte_order_mark(tmp_path, capsys, bom):
    # A byte-order mark is three bytes before line 1: the bad byte, its line and
    # its column must be the same as in the file without it.
    kart = tmp_path / "kart"
    kart.mkdir()
    f = kart / "blanda.yaml"
    f.write_bytes(bom + b"sammenkart: 1\nid: blanda\n# Niv\xe5ene\nnavn: Blanda\n")
    assert main(["validate", str(f)]) == 1
    out = capsys.readouterr().out
    assert "blanda.yaml:3:6: feil: filen er ikke UTF-8: den ser ut til å være lagret som Latin-1/Windows-1252 " \
        "(byte 0xe5 er «å» der)" in out, out


def test_a_latin1_byte_on_the_first_line_after_a_byte_order_mark_is_at_its_column(tmp_path):
    f = tmp_path / "forste.yaml"
    f.write_bytes(b"\xef\xbb\xbf# Niv\xe5\nsammenkart: 1\n")
    _, problems = load_map_file(f)
    assert [(p.source.line, p.source.column) for p in problems] == [(1, 6)]
    assert "0xe5" in problems[0].message


SMALL_MAP = ("sammenkart: 1\nid: liten\nnavn: Liten\ntjenester:\n  - id: skolen\n    type: skole\n"
             "    navn: Skolen\n    niva: 0\n    sektor: kommune\n")


@pytest.mark.parametrize("place", ["kart/borte.yaml", "kart/forlop/angst.yaml", "kasus/emma.yaml"])
def test_a_folder_where_a_data_file_should_be_is_an_error_not_skipped(tmp_path, capsys, place):
    (tmp_path / "kart" / "forlop").mkdir(parents=True)
    (tmp_path / "kasus").mkdir()
    (tmp_path / "kart" / "liten.yaml").write_text(SMALL_MAP, encoding="utf-8")
    (tmp_path / place).mkdir()
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / place}:1:1: feil: er en mappe, ikke en fil" in out, out
    # given by itself, too
    assert main(["validate", str(tmp_path / place)]) == 1
    assert "er en mappe, ikke en fil" in capsys.readouterr().out


@pytest.mark.parametrize("content", [{}, {"notater.txt": "hei"}, {"kart/les-meg.md": "# hei"}],
                         ids=["empty", "text-file", "kart-without-yaml"])
def test_a_folder_with_nothing_to_check_is_an_error(tmp_path, capsys, content):
    for rel, text in content.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path}:1:1: feil: fant ingen kart, forløp eller kasus" in out, out
    from sammenkart.loader import load_workspace

    assert any("fant ingen kart, forløp eller kasus" in p.message for p in load_workspace(tmp_path).errors)
