"""A service's id: made from its name while the service is new and nothing names it,
changed in one undoable edit with every reference that names it (or refused, with
the reason), and never shown where a name belongs (the undo history, the report).
Tester round 4, item 5."""
from __future__ import annotations

from pathlib import Path

import pytest

from sammenkart.editing import EditError, Editor
from sammenkart.ids import slug
from sammenkart.loader import load_workspace

MAP = """\
sammenkart: 1
id: vik
navn: Vik
tjenester:
  # ---------- nivå 0
  - id: skole
    navn: Skolen
    niva: 0
    sektor: kommune

  # ---------- nivå 1
  - id: ungdomslos
    navn: Ungdomslosen
    type: los
    niva: 1
    sektor: kommune

  - id: bup
    navn: BUP Vik
    niva: 1
    sektor: spesialist

samarbeid:
  - mellom: [ungdomslos, skole]   # fast møte
henvisningsrett:
  bup: [ungdomslos]
"""
PATHWAY = """\
sammenkart: 1
id: angst
navn: Angst
roller:
  ungdomslos:
    rolle: Første stopp.
flyt:
  - fra: skole
    til: ungdomslos
  - fra: ungdomslos
    til: bup
"""
CASE = """\
sammenkart: 1
id: ola
tittel: Ola (14)
forlop: angst
steg:
  - tittel: Start
    tekst: Ola er lei seg.
    involverte: [skole, "ungdomslos"]
    forslag: [ungdomslos]
"""


def folder(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "vik"
    for name, text in {"kart/vik.yaml": MAP, "kart/forlop/angst.yaml": PATHWAY, "kasus/ola.yaml": CASE,
                       **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def texts(ed) -> dict[str, str]:
    return {d.path.name: d.text for d in ed.documents}


def test_slug_writes_norwegian_and_sami_letters_as_the_format_says():
    assert slug("Familiens hus – Stord") == "familiens-hus-stord"
    assert slug("Ærlig Åse på Øya") == "aerlig-ase-pa-oya"
    assert slug("Čáhcesuolu ŋ đ ŧ") == "cahcesuolu-n-d-t"
    assert slug("–") == ""


def test_a_new_service_gets_its_id_from_its_name_and_its_own_links_follow(tmp_path):
    ed = Editor.open(folder(tmp_path, {}))
    sid = ed.add_service("vik", navn="Ny tjeneste", niva=1)
    assert sid == "ny-tjeneste"
    ed.add_link("vik", sid, "skole")  # drawn before it was named: in its own map, so it follows
    change = ed.set_service("vik", sid, navn="Familiens hus – Stord")
    assert change.renamed == (("ny-tjeneste", "familiens-hus-stord"),)
    assert change.items == ("familiens-hus-stord",)
    text = ed.document("map", "vik").text
    assert "  - id: familiens-hus-stord\n    navn: Familiens hus – Stord\n" in text
    assert "  - mellom: [familiens-hus-stord, skole]" in text and "ny-tjeneste" not in text
    assert change.text == "Endre navn, id for «Ny tjeneste»"
    assert not [p for p in ed.problems() if p.is_error]
    undone = ed.undo()  # one undo: the name and the id, and the link with it
    assert undone.renamed == (("familiens-hus-stord", "ny-tjeneste"),)
    assert "  - mellom: [ny-tjeneste, skole]" in ed.document("map", "vik").text
    ed.save()
    on_disk = (tmp_path / "vik/kart/vik.yaml").read_text(encoding="utf-8")
    assert "id: ny-tjeneste" in on_disk


def test_a_saved_service_keeps_its_id_when_it_is_renamed(tmp_path):
    ed = Editor.open(folder(tmp_path, {}))
    sid = ed.add_service("vik", navn="Ny tjeneste", niva=1)
    ed.save()  # in the file now: others may name it from here on
    change = ed.set_service("vik", sid, navn="Familiens hus")
    assert change.renamed == () and ed.map("vik").service("ny-tjeneste").navn == "Familiens hus"
    change = ed.set_service("vik", "skole", navn="Skolane")  # a service read from the file
    assert change.renamed == () and ed.map("vik").service("skole").navn == "Skolane"


def test_a_new_service_a_pathway_names_keeps_its_id(tmp_path):
    named = PATHWAY.replace("flyt:\n", "  ny-tjeneste:\n    rolle: Ny.\nflyt:\n")
    ed = Editor.open(folder(tmp_path, {"kart/forlop/angst.yaml": named}))
    sid = ed.add_service("vik", navn="Ny tjeneste", niva=1)
    change = ed.set_service("vik", sid, navn="Familiens hus")
    assert change.renamed == () and ed.map("vik").service("ny-tjeneste").navn == "Familiens hus"


def test_a_copy_takes_the_role_of_its_original_and_its_id_follows_its_new_name(tmp_path):
    ed = Editor.open(folder(tmp_path, {}))
    copy = ed.duplicate_service("vik", "skole")
    assert copy == "skole-2"
    assert ed.map("vik").service(copy).role == "skole", "a second school fills the role «skole»"
    change = ed.set_service("vik", copy, navn="Skole nord")
    assert change.renamed == (("skole-2", "skole-nord"),)
    assert [s.id for s in ed.map("vik").resolve("skole")] == ["skole", "skole-nord"]


def test_renaming_an_id_rewrites_every_reference_in_one_undoable_edit(tmp_path):
    root = folder(tmp_path, {})
    ed = Editor.open(root)
    before = texts(ed)
    change = ed.rename_service("vik", "ungdomslos", "ungdomslosen")
    assert change.renamed == (("ungdomslos", "ungdomslosen"),)
    assert change.text == "Endre id for «Ungdomslosen» til ungdomslosen"
    after = texts(ed)
    assert "  - mellom: [ungdomslosen, skole]   # fast møte" in after["vik.yaml"]  # the comment stays
    assert "  bup: [ungdomslosen]" in after["vik.yaml"]
    assert "  ungdomslosen:\n    rolle: Første stopp." in after["angst.yaml"]
    assert after["angst.yaml"].count("ungdomslosen") == 3
    assert '    involverte: [skole, ungdomslosen]\n    forslag: [ungdomslosen]\n' in after["ola.yaml"]
    assert not any("ungdomslos\n" in t or "ungdomslos]" in t or "ungdomslos," in t for t in after.values())
    assert [str(p) for p in ed.problems()] == [str(p) for p in load_workspace(root).problems]
    ed.save()
    ws = load_workspace(root)
    assert ws.maps["vik"].service("ungdomslosen") is not None and not ws.problems
    ed.undo()  # one undo: every file as it was
    assert texts(ed) == before


def test_renaming_a_standard_roles_id_keeps_the_role(tmp_path):
    ed = Editor.open(folder(tmp_path, {}))
    change = ed.rename_service("vik", "bup", "bup-vik")
    assert change.keys == ("id", "type")
    m = ed.map("vik")
    assert m.service("bup-vik").role == "bup" and [s.id for s in m.resolve("bup")] == ["bup-vik"]
    assert "  bup: [ungdomslos]" in ed.document("map", "vik").text, "references to the role stay"
    assert "til: bup" in ed.document("pathway", "angst").text


@pytest.mark.parametrize("new, words", [
    ("Ungdomslos", "ikke en gyldig id"),
    ("skole", "allerede en tjeneste med id «skole»"),
    ("los", "er typen til «Ungdomslosen»"),
    ("", "må ha en verdi"),
])
def test_a_bad_new_id_is_refused_with_the_reason_and_changes_nothing(tmp_path, new, words):
    ed = Editor.open(folder(tmp_path, {}))
    before = texts(ed)
    with pytest.raises(EditError, match=words):
        ed.rename_service("vik", "bup", new)
    assert texts(ed) == before and not ed.can_undo()
    # the form's check as you type says the same, at the id's line
    problems = ed.check_field(("service", "vik", "bup"), "id", new)
    assert any(words.replace("«", "").split("»")[0] in p.message.replace("«", "") for p in problems), problems
    assert texts(ed) == before


def test_a_rename_the_figures_name_is_refused_naming_the_place(tmp_path):
    tal = "ar;kommune;mottaker;henvisninger;avslag;barn\n2025;Vik;ungdomslos;10;1;500\n"
    ed = Editor.open(folder(tmp_path, {"tal/vik.csv": tal}))
    with pytest.raises(EditError, match=r"nevnt i \S*tal/vik\.csv:2:\d+.*ikke kan endres herfra"):
        ed.rename_service("vik", "ungdomslos", "ungdomslosen")
    assert not ed.dirty


def test_undo_texts_name_services_not_ids(tmp_path):
    ed = Editor.open(folder(tmp_path, {}))
    assert ed.add_link("vik", "bup", "skole").text == "Legg til samarbeid «BUP Vik» – «Skolen»"
    assert ed.set_link("vik", "bup", "skole", merknad="x").text == "Endre samarbeid «BUP Vik» – «Skolen»"
    assert ed.remove_link("vik", "bup", "skole").text == "Slett samarbeid «BUP Vik» – «Skolen»"
    assert ed.set_role("angst", "ungdomslos", tiltak="Samtaler.").text == "Endre rollen til «Ungdomslosen» i «Angst»"
    assert ed.set_revision(("service", "vik", "skole"), "gronn").text == "Sett status grønn på «Skolen»"
    assert ed.set_case_step("ola", 0, tittel="Første").text == "Endre steg 1 i kasuset «Ola (14)»"


# --- a level changed in the form moves the entry as a drag does (tester round 4, item 5) -------------

def test_a_level_set_in_the_form_moves_the_entry_to_its_band_as_a_drag_does(tmp_path):
    by_form, by_drag = Editor.open(folder(tmp_path / "a", {})), Editor.open(folder(tmp_path / "b", {}))
    change = by_form.set_service("vik", "skole", niva="1")  # the form gives text; typed by the schema
    by_drag.move_service("vik", "skole", niva=1)
    text = by_form.document("map", "vik").text
    assert text == by_drag.document("map", "vik").text, "one operation, one result in the file"
    assert text.index("  - id: skole") > text.index("# ---------- nivå 1") > text.index("# ---------- nivå 0")
    assert [s.id for s in by_form.map("vik").tjenester if s.niva == 1] == ["ungdomslos", "bup", "skole"]
    assert change.keys == ("niva", "rekkefølge") and change.text == "Endre niva, rekkefølge for «Skolen»"
    by_form.undo()
    assert by_form.document("map", "vik").text == MAP


def test_a_level_and_a_name_set_together_are_one_edit(tmp_path):
    ed = Editor.open(folder(tmp_path, {}))
    ed.set_service("vik", "skole", niva=1, navn="Skolane")
    assert ed.map("vik").service("skole").navn == "Skolane"
    assert [s.id for s in ed.map("vik").tjenester][-1] == "skole"
    ed.undo()
    assert ed.document("map", "vik").text == MAP
