"""The editor's revision operations: traffic lights on cards and roles, and
marking a map or pathway revised (with the copy of the shared text)."""
from __future__ import annotations

import datetime as dt

import pytest
from editing_helpers import bundled_copy, changed_lines

from sammenkart import adaptation
from sammenkart.editing import EditError, Editor
from sammenkart.editing import changes as ch
from sammenkart.loader import load_pathway_file, load_workspace

D = dt.date(2026, 11, 30)


@pytest.fixture
def ed(tmp_path):
    return Editor.open(bundled_copy(tmp_path))


def test_set_a_cards_status_writes_only_its_revisjon_and_undo_gives_the_bytes_back(ed):
    doc = ed.document("map", "eksempelkommune")
    before = doc.text
    seen = []
    ed.subscribe(seen.append)
    change = ed.set_revision(("service", "eksempelkommune", "barnevern"), "gul", merknad="Ny leder fra mars", dato=D,
                             ansvar="Barnevernstjenesten")
    assert (change.kind, change.items, change.keys) == (ch.REVISION_SET, ("barnevern",), ("revisjon",))
    assert seen == [change]
    r = ed.map("eksempelkommune").service("barnevern").revisjon
    assert (r.status, r.merknad, r.dato, r.ansvar) == ("gul", "Ny leder fra mars", D, "Barnevernstjenesten")
    removed, added = changed_lines(before, doc.text)
    assert removed == [] and [a.strip() for a in added if a.strip()] == [  # (and a blank line between sections)
        "revisjon:", "status: gul", "merknad: Ny leder fra mars", "dato: 2026-11-30", "ansvar: Barnevernstjenesten"]
    ed.undo()
    assert doc.text == before and ed.map("eksempelkommune").service("barnevern").revisjon is None


def test_one_key_status_keeps_note_and_unit_and_dates_it_today(ed):
    target = ("service", "fjordvik", "legevakta")
    ed.set_revision(target, "gronn")
    r = ed.map("fjordvik").service("legevakta").revisjon
    assert r.status == "gronn" and r.dato == dt.date.today()
    assert r.ansvar == "Legevakta i Fjordvik og Nesøy" and r.merknad.startswith("Telefonnummeret")
    ed.set_revision(target, "gul", merknad=None, dato=None)
    r = ed.map("fjordvik").service("legevakta").revisjon
    assert (r.status, r.merknad, r.dato) == ("gul", None, None)
    assert ed.set_revision(target, "gul", dato=None) is None  # nothing changes: no history, no broadcast


def test_clear_a_cards_status(ed):
    doc = ed.document("map", "fjordvik")
    before = doc.text
    change = ed.clear_revision(("service", "fjordvik", "legevakta"))
    assert change.kind == ch.REVISION_REMOVE
    assert ed.map("fjordvik").service("legevakta").revisjon is None and ed.map("fjordvik").service("legevakta")
    assert "Telefonnummeret er endra" not in doc.text
    assert ed.clear_revision(("service", "fjordvik", "legevakta")) is None
    ed.undo()
    assert doc.text == before


def test_a_status_on_an_inherited_role_gets_an_entry_of_its_own_and_clearing_takes_it_away(ed):
    doc = ed.document("pathway", "spisevansker.nn")
    before = doc.text
    assert "roller:" not in before
    ed.set_revision(("role", "spisevansker.nn", "idrettslag"), "gul", merknad="Nytt lag", dato=D, ansvar="Kultur")
    p = ed.pathway("spisevansker.nn")
    assert p.roller["idrettslag"].revisjon.status == "gul"
    assert p.roller["idrettslag"].rolle == p.base.roller["idrettslag"].rolle  # the text still comes from the region
    assert not p.roller["idrettslag"].shared
    assert doc.text.startswith(before) and "roller:\n  idrettslag:\n    revisjon:\n      status: gul\n" in doc.text
    ed.clear_revision(("role", "spisevansker.nn", "idrettslag"))
    assert doc.text == before  # the entry held only the status: it goes, and «roller» with it


def test_a_status_on_a_role_the_file_writes_keeps_its_texts(ed):
    doc = ed.document("pathway", "angst.nn")
    ed.set_revision(("role", "angst.nn", "skolehelsetjeneste"), "rod", merknad="Kurset er lagt ned", dato=D)
    role = ed.pathway("angst.nn").roller["skolehelsetjeneste"]
    assert role.revisjon.status == "rod" and role.revisjon.ansvar == "Skulehelsetenesta" and "Modig" in role.tiltak
    before = doc.text
    ed.clear_revision(("role", "angst.nn", "skolehelsetjeneste"))
    after = ed.pathway("angst.nn").roller["skolehelsetjeneste"]
    assert after.tiltak == role.tiltak and after.revisjon is None
    removed, added = changed_lines(before, doc.text)
    assert added == [] and [r.strip() for r in removed] == [
        "revisjon:", "status: rod", "merknad: Kurset er lagt ned", "dato: 2026-11-30", "ansvar: Skulehelsetenesta"]


def test_mistakes_are_refused_and_change_nothing(ed):
    before = {d.path: d.text for d in ed.documents}
    with pytest.raises(EditError, match="ukjent status «grønn»"):
        ed.set_revision(("service", "fjordvik", "legevakta"), "grønn")
    with pytest.raises(EditError, match="ingen tjeneste med id «nei»"):
        ed.set_revision(("service", "fjordvik", "nei"), "gul")
    with pytest.raises(EditError, match="ingen rolle for «nei»"):
        ed.set_revision(("role", "angst.nn", "nei"), "gul")
    with pytest.raises(EditError, match="ukjent mål"):
        ed.set_revision(("kart", "fjordvik"), "gul")
    assert {d.path: d.text for d in ed.documents} == before and not ed.history


def test_mark_a_map_revised(ed):
    change = ed.mark_revised(("map", "fjordvik"), D, neste_revisjon=dt.date(2027, 11, 1))
    assert change.kind == ch.MAP_SET and set(change.keys) == {"revidert", "neste_revisjon"}
    m = ed.map("fjordvik")
    assert (m.revidert, m.neste_revisjon) == (D, dt.date(2027, 11, 1)) and not m.revision_due(D)


def test_mark_an_adaptation_revised_keeps_the_shared_text_it_was_revised_against(ed, tmp_path):
    p = ed.pathway("tristhet-depresjon.nn")
    copy = adaptation.snapshot_path(p.path)
    assert not copy.exists()
    change = ed.mark_revised(("pathway", "tristhet-depresjon.nn"), D)
    assert change.keys == ("revidert", adaptation.SNAPSHOT_FOLDER)
    assert ed.pathway("tristhet-depresjon.nn").revidert == D and not copy.exists()  # written when saved
    ed.save()
    old, problems = load_pathway_file(copy)
    assert [x for x in problems if x.is_error] == []
    base = p.base
    assert old.navn == base.navn and old.revidert == base.revidert and old.sjekkliste == base.sjekkliste
    assert {r: x.items() for r, x in old.roller.items()} == {r: x.items() for r, x in base.roller.items()}
    assert [(s.fra, s.til, s.art, s.nar) for s in old.flyt] == [(s.fra, s.til, s.art, s.nar) for s in base.flyt]
    assert copy.read_text(encoding="utf-8").startswith("# Grunnlaget (../../../region/kart/forlop/tristhet-depresjon")
    # the copy is no pathway of the folder
    ws = load_workspace(ed.root)
    assert len(ws.all_pathways()) == 14 and not [x for x in ws.problems if x.is_error]
    # one undo takes back both; saving then leaves no copy behind
    ed.undo()
    ed.save()
    assert not copy.exists() and ed.pathway("tristhet-depresjon.nn").revidert == dt.date(2026, 10, 1)


def test_mark_revised_on_a_pathway_without_grunnlag_writes_no_copy(ed):
    ed.mark_revised(("pathway", "angst"), D)
    assert ed.pathway("angst").revidert == D
    assert [d.kind for d in ed.documents].count("snapshot") == 0
