"""Format 1.1 keys (arts bekymringsmelding/kontakt, tilgang, kontakt.intern,
henvisningsrett) and one pathway in two målformer (angst.yaml + angst.nn.yaml)."""
from pathlib import Path

import pytest

from sammenkart.loader import load_map_file, load_pathway_file, load_workspace
from sammenkart.malform import split_stem
from sammenkart.model import ARTS
from sammenkart.style import ART_DASH, art_label
from sammenkart.validation_run import validate_paths

MAP = """sammenkart: 1
id: {id}
navn: {navn}
malform: {malform}
henvisningsrett:
  bup: [fastlege, hfu]
tjenester:
  - id: skolen
    type: skole
    navn: Skolen
    niva: 0
    sektor: kommune
  - id: hfu
    navn: Helsestasjon for ungdom
    niva: 1
    sektor: kommune
    tilgang: direkte
    kontakt:
      telefon: "55 00 00 01"
  - id: fastlege
    navn: Legekontoret
    niva: 1
    sektor: fastlege
    kontakt:
      telefon: "55 00 00 02"
      intern: true
  - id: bup
    navn: BUP
    niva: 3
    sektor: spesialist
    tilgang: henvisning
"""


def pathway(navn: str, malform: str | None, art: str = "henvisning") -> str:
    head = f"sammenkart: 1\nid: angst\nnavn: {navn}\n" + (f"malform: {malform}\n" if malform else "")
    return head + f"flyt:\n  - fra: fastlege\n    til: bup\n    art: {art}\n"


def _errors(problems):
    return [str(p) for p in problems if p.is_error]


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        f = root / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return root


def test_the_new_map_keys_are_read_into_the_model(tmp_path):
    f = _tree(tmp_path, {"vik.yaml": MAP.format(id="vik", navn="Vik", malform="nb")}) / "vik.yaml"
    m, problems = load_map_file(f)
    assert _errors(problems) == [] and not problems
    assert m.henvisningsrett == {"bup": ["fastlege", "hfu"]}
    assert m.service("hfu").tilgang == "direkte" and m.service("bup").tilgang == "henvisning"
    assert m.service("skolen").tilgang is None
    assert m.service("fastlege").kontakt.intern is True and m.service("hfu").kontakt.intern is False


def test_mistakes_in_the_new_map_keys_are_reported_at_their_line(tmp_path):
    text = (MAP.format(id="vik", navn="Vik", malform="nb")
            .replace("tilgang: direkte", "tilgang: direkt")
            .replace("intern: true", "intern: ja")
            .replace("bup: [fastlege, hfu]", "bup: [fastlege, Kommunepsykolog, fastelge]"))
    f = _tree(tmp_path, {"vik.yaml": text}) / "vik.yaml"
    _m, problems = load_map_file(f)
    errors = _errors(problems)
    assert any("vik.yaml:17:14:" in e and "«tilgang»" in e and "mente du «direkte»" in e for e in errors), errors
    assert any("vik.yaml:26:15:" in e and "«intern»" in e and "true eller false" in e for e in errors), errors
    assert any("vik.yaml:6:19:" in e and "«Kommunepsykolog»" in e for e in errors), errors
    warnings = [str(p) for p in problems if not p.is_error]
    assert any("«fastelge»" in w and "mente du «fastlege»" in w for w in warnings), warnings


@pytest.mark.parametrize("art", ["bekymringsmelding", "kontakt"])
def test_the_new_arts_are_read_and_have_their_own_label_and_line(tmp_path, art):
    f = _tree(tmp_path, {"angst.yaml": pathway("Angst", "nb", art)}) / "angst.yaml"
    p, problems = load_pathway_file(f)
    assert not problems and p.flyt[0].art == art
    assert art in ARTS and art_label(art) == art  # the bokmål label is the word itself
    assert ART_DASH[art] not in [d for a, d in ART_DASH.items() if a != art]


def test_every_art_has_a_dash_and_a_label():
    assert set(ART_DASH) == set(ARTS)
    assert len({art_label(a) for a in ARTS}) == len(ARTS)


def test_an_unknown_art_is_still_an_error(tmp_path):
    f = _tree(tmp_path, {"angst.yaml": pathway("Angst", "nb", "bekymringsmeldig")}) / "angst.yaml"
    _p, problems = load_pathway_file(f)
    assert any("«art»" in e and "mente du «bekymringsmelding»" in e for e in _errors(problems))


@pytest.mark.parametrize("stem,expected", [
    ("angst", ("angst", None)), ("angst.nn", ("angst", "nn")), ("angst.nb", ("angst", "nb")),
    ("angst.en", ("angst.en", None)), (".nn", (".nn", None)),
])
def test_the_malform_suffix_of_a_file_name(stem, expected):
    assert split_stem(stem) == expected


def test_a_suffixed_file_keeps_the_id_without_the_suffix(tmp_path):
    f = _tree(tmp_path, {"angst.nn.yaml": pathway("Angst", "nn")}) / "angst.nn.yaml"
    p, problems = load_pathway_file(f)
    assert not problems and p.id == "angst" and p.malform == "nn"


@pytest.mark.parametrize("malform", ["nb", None])
def test_the_suffix_must_agree_with_malform(tmp_path, malform):
    f = _tree(tmp_path, {"angst.nn.yaml": pathway("Angst", malform)}) / "angst.nn.yaml"
    _p, problems = load_pathway_file(f)
    errors = _errors(problems)
    where = "angst.nn.yaml:4:10:" if malform else "angst.nn.yaml:1:1:"
    assert any(where in e and "«nn»" in e and "malform: nn" in e for e in errors), errors


def _two_malformer(root: Path) -> Path:
    return _tree(root, {
        "kart/vik.yaml": MAP.format(id="vik", navn="Vik", malform="nb"),
        "kart/nes.yaml": MAP.format(id="nes", navn="Nes", malform="nn"),
        "kart/forlop/angst.yaml": pathway("Angst og uro", "nb"),
        "kart/forlop/angst.nn.yaml": pathway("Angst og uro (nynorsk)", "nn"),
        "kart/forlop/spise.nn.yaml": pathway("Etevanskar", "nn").replace("id: angst", "id: spise"),
    })


def test_each_map_is_offered_the_version_in_its_own_malform(tmp_path):
    ws = load_workspace(_two_malformer(tmp_path))
    assert _errors(ws.problems) == []
    nb, nn = ws.pathways_for(ws.maps["vik"]), ws.pathways_for(ws.maps["nes"])
    assert [(p.id, p.navn) for p in nn] == [("angst", "Angst og uro (nynorsk)"), ("spise", "Etevanskar")]
    # a pathway written only in nynorsk is still offered to a bokmål map: it is the only version
    assert [(p.id, p.malform) for p in nb] == [("angst", "nb"), ("spise", "nn")]
    assert ws.pathway("angst", "nn").navn == "Angst og uro (nynorsk)"
    assert ws.pathway("angst", "nb").navn == ws.pathways["angst"].navn == "Angst og uro"
    assert ws.pathway("spise", "nb").malform == "nn" and ws.pathway("finst-ikkje", "nb") is None
    assert sorted(ws.versions("angst")) == ["nb", "nn"]


def test_two_files_for_the_same_pathway_and_malform_are_an_error(tmp_path):
    root = _two_malformer(tmp_path)
    _tree(root, {"kart/forlop/angst.nb.yaml": pathway("Angst igjen", "nb")})
    ws = load_workspace(root)
    errors = _errors(ws.problems)
    # files load in name order: angst.nb.yaml first, so angst.yaml is the second bokmål version
    assert any("angst.yaml:1:1:" in e and "«angst»" in e and "finnes allerede i" in e and "angst.nb.yaml" in e
               for e in errors), errors
    assert ws.pathway("angst", "nb").navn == "Angst igjen" and ws.pathway("angst", "nn").navn.endswith("(nynorsk)")


def test_validate_counts_and_checks_both_versions(tmp_path):
    root = _two_malformer(tmp_path)
    problems, counts = validate_paths([str(root)])
    assert counts == {"maps": 2, "pathways": 3, "cases": 0}
    assert not [p for p in problems if p.is_error]


def test_validate_of_a_folder_keeps_a_maps_own_warnings(tmp_path):
    root = _two_malformer(tmp_path)
    f = root / "kart" / "vik.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("bup: [fastlege, hfu]", "bup: [fastlege, fastelge]"),
                 encoding="utf-8")
    problems, _counts = validate_paths([str(root)])
    texts = [str(p) for p in problems]
    assert sum("«fastelge»" in t and "advarsel" in t for t in texts) == 1, texts
