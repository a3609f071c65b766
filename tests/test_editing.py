"""The editor: operations change only what they say, undo and redo restore
exactly, saving keeps every comment, and what the views read is the new state."""
from __future__ import annotations

import pytest
from editing_helpers import MAP, bundled_copy, changed_lines, comments

from sammenkart.editing import Editor, EditError, changes as ch
from sammenkart.loader import load_map_file, load_workspace


@pytest.fixture
def ed(tmp_path):
    return Editor.open(bundled_copy(tmp_path))


def _text(ed, kind="map", file_id=MAP):
    return ed.document(kind, file_id).text


def test_edit_move_link_undo_redo_save_changes_only_the_edited_lines(ed):
    """Issue 8, done-when: edit a service, move a card to another band, add a
    link, undo all three, redo, save: the file differs from the original only
    in the edited lines, and every comment is still there."""
    path = ed.document("map", MAP).path
    original = path.read_text(encoding="utf-8")
    ed.set_service(MAP, "ppt", navn="PPT for Eksempelby og omegn", beskrivelse="Utreder og gir råd.\nRing oss.")
    ed.move_service(MAP, "helsestasjon-for-ungdom", niva=2)
    ed.add_link(MAP, "ppt", "helsestasjon-for-ungdom", merknad="Felles møte hver måned")
    edited = _text(ed)
    for _ in range(3):
        ed.undo()
    assert _text(ed) == original and not ed.dirty
    for _ in range(3):
        ed.redo()
    assert _text(ed) == edited
    assert ed.save() == [path]
    saved = path.read_text(encoding="utf-8")
    assert saved == edited
    removed, added = changed_lines(original, saved)
    # the edited values, the moved card's lines (in and out), the new link
    assert "    navn: Pedagogisk-psykologisk tjeneste (PPT)" in removed
    assert "    navn: PPT for Eksempelby og omegn" in added
    assert added[added.index("    beskrivelse: |-") + 1:][:2] == ["      Utreder og gir råd.", "      Ring oss."]
    assert "  - mellom: [ppt, helsestasjon-for-ungdom]" in added and "    merknad: Felles møte hver måned" in added
    moved = [line for line in removed if line not in added]
    assert moved and all(line.startswith(("    navn: Ped", "    beskrivelse", "      ", "    niva: 1")) for line in moved), moved
    assert sum(1 for line in added if line.strip()) <= 32  # the service's own lines, not the file
    assert comments(saved) == comments(original)
    m, problems = load_map_file(path)
    assert not [p for p in problems if p.is_error]
    assert m.service("helsestasjon-for-ungdom").niva == 2
    assert m.service("ppt").navn == "PPT for Eksempelby og omegn"
    assert m.service("ppt").beskrivelse == "Utreder og gir råd.\nRing oss."
    assert any(sorted(ln.mellom) == ["helsestasjon-for-ungdom", "ppt"] for ln in m.samarbeid)


def test_every_operation_broadcasts_one_change_and_views_read_new_objects(ed):
    seen = []
    ed.subscribe(seen.append)
    before = ed.map(MAP)
    change = ed.set_service(MAP, "bup", type="bup-fonna")
    assert seen == [change]
    assert change.kind == ch.SERVICE_SET and change.items == ("bup",) and change.keys == ("type",)
    assert change.file_kind == "map" and change.file_id == MAP and change.origin == ch.EDIT
    after = ed.map(MAP)
    assert after is not before, "a new snapshot per edit"
    assert before.service("bup").type == "bup", "the old snapshot is not mutated"
    assert [s.id for s in after.resolve("bup-fonna")] == ["bup"]
    undone = ed.undo()
    assert seen[-1] is undone and undone.origin == ch.UNDO and undone.kind == ch.SERVICE_SET
    assert [s.id for s in ed.map(MAP).resolve("bup")] == ["bup"]
    ed.unsubscribe(seen.append)
    ed.redo()
    assert len(seen) == 2


def test_nothing_changed_is_no_edit(ed):
    s = ed.map(MAP).service("skole-nord")
    assert ed.set_service(MAP, "skole-nord", navn=s.navn, niva=str(s.niva), beskrivelse=s.beskrivelse,
                          alder=list(s.alder), kontakt={"telefon": s.kontakt.telefon}) is None
    assert not ed.dirty and not ed.can_undo()


def test_add_service_goes_last_in_its_level_and_gets_a_unique_id(ed):
    first = ed.add_service(MAP, navn="Ungdomslos", niva=1, sektor="kommune", alder=["13", "19"])
    second = ed.add_service(MAP, navn="Ungdomslos", niva=1, sektor="kommune")
    assert (first, second) == ("ungdomslos", "ungdomslos-2")
    m = ed.map(MAP)
    ids = [s.id for s in m.tjenester]
    level1 = [s.id for s in m.tjenester if s.niva == 1]
    assert level1[-2:] == ["ungdomslos", "ungdomslos-2"]
    assert ids.index("ungdomslos-2") == ids.index(level1[-3]) + 2
    assert m.service("ungdomslos").alder == (13, 19)
    assert not [p for p in ed.problems() if p.is_error]


def test_add_service_checks_keys_and_ids(ed):
    with pytest.raises(EditError, match="ukjent nøkkel «nvn»"):
        ed.add_service(MAP, nvn="Skrivefeil")
    with pytest.raises(EditError, match="allerede"):
        ed.add_service(MAP, id="ppt", navn="PPT igjen")
    assert not ed.dirty


def test_duplicate_service_copies_every_line_with_a_new_id(ed):
    new = ed.duplicate_service(MAP, "ppt")
    m = ed.map(MAP)
    copy, orig = m.service(new), m.service("ppt")
    assert new == "ppt-2" and copy.navn == f"{orig.navn} (kopi)"
    assert (copy.type, copy.niva, copy.sektor, copy.beskrivelse, copy.alder, copy.kontakt) == \
        (orig.type, orig.niva, orig.sektor, orig.beskrivelse, orig.alder, orig.kontakt)
    assert [s.id for s in m.tjenester].index(new) == [s.id for s in m.tjenester].index("ppt") + 1
    ed.undo()
    assert ed.map(MAP).service(new) is None and not ed.dirty


def test_remove_service_takes_its_links_and_undo_brings_all_back(ed):
    original = _text(ed)
    change = ed.remove_service(MAP, "politiet")
    assert change.links == (("politiet", "statens-barnehus"),)
    m = ed.map(MAP)
    assert m.service("politiet") is None
    assert not any("politiet" in ln.mellom for ln in m.samarbeid)
    assert not [p for p in ed.problems() if p.is_error], "no link is left pointing at nothing"
    ed.undo()
    assert _text(ed) == original


def test_remove_service_keeps_links_to_a_type_another_service_still_has(ed):
    # two schools have type "skole"; links name the type
    ed.remove_service(MAP, "skole-sor")
    m = ed.map(MAP)
    assert any(ln.mellom == ("barnehage", "skole") for ln in m.samarbeid)
    assert not any("skole-sor" in ln.mellom for ln in m.samarbeid)


def test_move_service_orders_within_a_band_and_pins_only_when_asked(ed):
    m = ed.map(MAP)
    band = [s.id for s in m.tjenester if s.niva == 1]
    ed.move_service(MAP, band[-1], position=0)
    m = ed.map(MAP)
    assert [s.id for s in m.tjenester if s.niva == 1] == [band[-1], *band[:-1]]
    assert m.service(band[-1]).plassering is None
    ed.move_service(MAP, band[-1], position=2, plassering=(120.04, 40.26))
    m = ed.map(MAP)
    assert [s.id for s in m.tjenester if s.niva == 1].index(band[-1]) == 2
    assert m.service(band[-1]).plassering == (120, 40.3)
    ed.move_service(MAP, band[-1], plassering=None)
    assert ed.map(MAP).service(band[-1]).plassering is None


def test_move_to_another_band_lands_last_in_it_below_its_heading(ed):
    ed.move_service(MAP, "ppt", niva=3)
    m = ed.map(MAP)
    assert [s.id for s in m.tjenester if s.niva == 3][-1] == "ppt"
    text = _text(ed)
    assert text.index("- id: ppt") > text.index("nivå 3")


def test_links(ed):
    assert ed.add_link(MAP, "ppt", "barnehage") is None, "already linked (either order)"
    change = ed.add_link(MAP, "legevakt", "psykisk-helse")
    assert change.links == (("legevakt", "psykisk-helse"),)
    ed.set_link(MAP, "psykisk-helse", "legevakt", merknad="Ved akutt krise")
    link = next(ln for ln in ed.map(MAP).samarbeid if ln.mellom == ("legevakt", "psykisk-helse"))
    assert link.merknad == "Ved akutt krise"
    ed.remove_link(MAP, "psykisk-helse", "legevakt")
    assert not any(ln.mellom == ("legevakt", "psykisk-helse") for ln in ed.map(MAP).samarbeid)
    with pytest.raises(EditError):
        ed.remove_link(MAP, "psykisk-helse", "legevakt")


def test_a_map_without_links_gets_a_samarbeid_list(tmp_path):
    root = bundled_copy(tmp_path)
    path = root / "kart" / f"{MAP}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nsamarbeid:")] + "\n", encoding="utf-8")
    ed = Editor.open(root)
    ed.add_link(MAP, "ppt", "skole")
    assert ed.map(MAP).samarbeid[0].mellom == ("ppt", "skole")
    assert ed.document("map", MAP).text.endswith("samarbeid:\n  - mellom: [ppt, skole]\n")


def test_pathway_roles_steps_and_checklist(ed):
    p0 = ed.pathway("angst")
    ed.set_role("angst", "fastlege", tiltak="Samtaler og råd.\nHenvis ved behov.", evaluering=None)
    role = ed.pathway("angst").roller["fastlege"]
    assert role.tiltak == "Samtaler og råd.\nHenvis ved behov." and role.evaluering is None
    assert role.rolle == p0.roller["fastlege"].rolle
    ed.set_role("angst", "tannhelse", rolle="Ser barna jevnlig")
    assert list(ed.pathway("angst").roller)[-1] == "tannhelse"
    ed.remove_role("angst", "tannhelse")
    assert "tannhelse" not in ed.pathway("angst").roller

    i = ed.add_step("angst", "fastlege", "kommunepsykolog", art="samarbeid", nar="Ved 08:15-møtet", index=1)
    steps = ed.pathway("angst").flyt
    assert i == 1 and (steps[1].fra, steps[1].til, steps[1].art, steps[1].nar) == \
        ("fastlege", "kommunepsykolog", "samarbeid", "Ved 08:15-møtet")
    ed.set_step("angst", 1, art="veiledning", nar=None)
    assert (ed.pathway("angst").flyt[1].art, ed.pathway("angst").flyt[1].nar) == ("veiledning", None)
    ed.move_step("angst", 1, 3)
    assert ed.pathway("angst").flyt[3].til == "kommunepsykolog"
    ed.remove_step("angst", 3)
    assert [(s.fra, s.til) for s in ed.pathway("angst").flyt] == [(s.fra, s.til) for s in p0.flyt]

    n = len(p0.sjekkliste)
    j = ed.add_checklist_item("angst", "Hva er prøvd: no, yes")
    assert j == n and ed.pathway("angst").sjekkliste[-1] == "Hva er prøvd: no, yes"
    ed.set_checklist_item("angst", 0, "Symptomer og funksjon")
    ed.move_checklist_item("angst", 0, n)
    assert ed.pathway("angst").sjekkliste[-1] == "Symptomer og funksjon"
    ed.remove_checklist_item("angst", n - 1)
    assert len(ed.pathway("angst").sjekkliste) == n
    while ed.can_undo():
        ed.undo()
    assert not ed.dirty


def test_case_steps(ed):
    c0 = ed.case("emma-14")
    i = ed.add_case_step("emma-14", "11:40", "Emma ringer mor fra skolen.\n\nHun vil hjem.",
                         involverte=["skole"], forslag=["skolehelsetjeneste", "fastlege"])
    c = ed.case("emma-14")
    assert i == len(c0.steg) and c.steg[i].tittel == "11:40"
    assert c.steg[i].tekst == "Emma ringer mor fra skolen.\n\nHun vil hjem."
    assert c.steg[i].forslag == ["skolehelsetjeneste", "fastlege"]
    ed.set_case_step("emma-14", 0, involverte=["skole", "skolehelsetjeneste"], fasilitator=None)
    assert ed.case("emma-14").steg[0].involverte == ["skole", "skolehelsetjeneste"]
    assert ed.case("emma-14").steg[0].fasilitator is None
    ed.move_case_step("emma-14", i, 0)
    assert ed.case("emma-14").steg[0].tittel == "11:40"
    ed.remove_case_step("emma-14", 0)
    ed.set_case("emma-14", tittel="Emma vil ikke")
    assert ed.case("emma-14").tittel == "Emma vil ikke"
    assert not [p for p in ed.problems() if p.is_error]


def test_deleting_the_last_step_leaves_an_empty_list_the_validator_reports(ed):
    n = len(ed.pathway("angst").flyt)
    for _ in range(n):
        ed.remove_step("angst", 0)
    assert ed.pathway("angst") is None
    assert any("«flyt» må ha minst ett punkt" in p.message for p in ed.problems())
    for _ in range(n):
        ed.undo()
    assert len(ed.pathway("angst").flyt) == n and not ed.dirty


def test_problems_are_the_validators_for_the_saved_state(ed, tmp_path):
    ed.set_service(MAP, "ppt", niva=9, sektor="komune")
    ed.add_link(MAP, "ppt", "finnes-ikke")
    ed.set_step("angst", 0, til="ingen-slik")
    ed.save()
    assert ed.problems() == load_workspace(ed.root).problems
    messages = [p.message for p in ed.problems()]
    assert any("nivå 9 finnes ikke" in m for m in messages)
    assert any("mente du «kommune»" in m for m in messages)


def test_undo_after_save_makes_the_file_dirty_again(ed):
    ed.set_service(MAP, "bup", navn="BUP Eksempelby")
    ed.save()
    assert not ed.dirty
    ed.undo()
    assert ed.dirty and ed.dirty_paths() == [ed.document("map", MAP).path]
    ed.redo()
    assert not ed.dirty, "back at the saved text"


def test_a_new_edit_after_undo_drops_the_redo_branch(ed):
    ed.set_service(MAP, "bup", navn="A")
    ed.undo()
    ed.set_service(MAP, "bup", navn="B")
    assert not ed.can_redo() and len(ed.history) == 1
    assert ed.map(MAP).service("bup").navn == "B"


def test_a_failing_operation_changes_nothing(ed):
    before = _text(ed)
    with pytest.raises(EditError):
        ed.set_service(MAP, "ppt", navn="Ny", sektor=None)  # sektor is required
    with pytest.raises(EditError):
        ed.set_service(MAP, "finnes-ikke", navn="x")
    with pytest.raises(EditError):
        ed.set_service(MAP, "ppt", id="nytt-id")
    assert _text(ed) == before and not ed.can_undo()


def test_a_file_with_a_syntax_error_is_open_but_refuses_edits(tmp_path):
    root = bundled_copy(tmp_path)
    (root / "kart" / "fjordvik.yaml").write_text("sammenkart: 1\nid: fjordvik\nnavn: 'Fjordvik\n", encoding="utf-8")
    ed = Editor.open(root)
    assert any("YAML" in p.message for p in ed.problems())
    with pytest.raises(EditError, match="YAML"):
        ed.set_map("fjordvik", navn="Fjordvik")
    ed.set_service(MAP, "ppt", navn="PPT")  # the other files are editable


def test_a_new_key_after_a_section_goes_directly_under_the_services_last_key(tmp_path):
    """Tester round 2, item 2: adding «kommune» to a service whose last key is
    the «kontakt» block adds exactly one line, under that block, and leaves the
    blank line between services (and every comment) where it was."""
    ed = Editor.open(bundled_copy(tmp_path))
    path = ed.document("map", "fjordvik").path
    original = path.read_text(encoding="utf-8")
    ed.set_service("fjordvik", "kommunepsykologen", kommune="Fjordvik")
    ed.save()
    saved = path.read_text(encoding="utf-8")
    removed, added = changed_lines(original, saved)
    assert removed == [] and added == ["    kommune: Fjordvik"]
    lines = saved.splitlines()
    i = lines.index("    kommune: Fjordvik")
    assert lines[i - 1].startswith("      adresse: Helsesenteret")
    assert lines[i + 1] == "" and lines[i + 2] == "  - id: barnevernet"
    assert comments(saved) == comments(original)
    assert load_map_file(path)[0].service("kommunepsykologen").kommune == "Fjordvik"


def test_a_new_section_between_sections_keeps_the_blank_line_between_them(tmp_path):
    """The blank line that separates top-level sections stays a separator when
    a key goes after a section that is not the mapping's last."""
    from sammenkart.editing.yamltext import Tree
    text = "a:\n  x: 1\n\nc:\n  y: 2\n"
    sp = Tree(text).set_value((), "b", {"z": 3}, order=("a", "b", "c"))
    assert sp.apply(text) == "a:\n  x: 1\n\nb:\n  z: 3\n\nc:\n  y: 2\n"
