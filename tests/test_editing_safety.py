"""Nothing is lost: check-as-you-type uses the validator's words, a file
changed on disk is noticed, recovery copies come back after a crash, a new
map from the template is valid."""
from __future__ import annotations

import os
import time

import pytest
from editing_helpers import MAP, bundled_copy

from sammenkart.editing import (EditError, Editor, FileChangedError, changed_on_disk, disk_state, find_copies,
                                new_map, save_copies)
from sammenkart.editing import changes as ch
from sammenkart.editing.recovery import recovery_dir
from sammenkart.loader import load_map_file, load_workspace
from sammenkart.roles import PLASS_NAMES, STANDARD_ROLES


@pytest.fixture
def ed(tmp_path):
    return Editor.open(bundled_copy(tmp_path))


def _validate_messages(path) -> list[str]:
    return [p.message for p in load_map_file(path)[1]]


# --- check as you type ---------------------------------------------------------------

@pytest.mark.parametrize("key, value, expected", [
    ("niva", "7", "nivå 7 finnes ikke; kjente nivåer er 0, 1, 2, 3"),
    ("niva", "to", "«niva» skal være et heltall, ikke tekst"),
    ("sektor", "komune", "«sektor» må være en av kommune, fastlege, spesialist, fylkeskommune, stat, frivillig, "
                         "ikke «komune» – mente du «kommune»?"),
    ("alder", ["12", "6"], "«alder» [12, 6]: fra-alderen må være 0 eller mer og ikke større enn til-alderen"),
    ("navn", "", "«navn» kan ikke være tom"),
    ("type", "Helse Stasjon", "«Helse Stasjon» er ikke en gyldig id for tjenestetypen"),
    ("kontakt", {"nettside": "www.ppt.no"}, "«nettside» må være en nettadresse som begynner med http:// eller https://"),
])
def test_check_field_gives_the_validators_message_and_changes_nothing(ed, tmp_path, key, value, expected):
    before = ed.document("map", MAP).text
    problems = ed.check_field(("service", MAP, "ppt"), key, value)
    assert [p.message for p in problems if expected in p.message], [p.message for p in problems]
    assert ed.document("map", MAP).text == before and not ed.can_undo()
    # the same message as `sammenkart validate` gives for the saved value
    ed.set_service(MAP, "ppt", **{key: value})
    ed.save()
    assert any(expected in m for m in _validate_messages(ed.document("map", MAP).path))


def test_check_field_of_a_good_value_is_empty_and_of_other_places_works(ed):
    assert ed.check_field(("service", MAP, "ppt"), "niva", 2) == []
    assert ed.check_field(("service", MAP, "ppt"), "alder", [0, 19]) == []
    assert ed.check_field(("map", MAP), "nettside", "https://x.no") == []
    assert "«art» må være en av" in ed.check_field(("step", "angst", 0), "art", "henvis")[0].message
    assert ed.check_field(("case_step", "emma-14", 0), "tittel", "")[0].message == "«tittel» kan ikke være tom"
    assert ed.check_field(("service", MAP, "ppt"), "sektor", None)[0].message == \
        "«sektor» må ha en verdi i tjenesten «Pedagogisk-psykologisk tjeneste (PPT)»"  # its name, not its id
    with pytest.raises(EditError):
        ed.check_field(("service", MAP, "finnes-ikke"), "navn", "x")


# --- the disk ----------------------------------------------------------------------------

def test_a_file_changed_on_disk_is_noticed_and_saving_over_it_asks(ed):
    path = ed.document("map", MAP).path
    assert ed.changed_on_disk() == []
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))  # touched, same content
    assert ed.changed_on_disk() == []
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    other = path.read_text(encoding="utf-8").replace("navn: Rask psykisk helsehjelp", "navn: Rask hjelp")
    path.write_text(other, encoding="utf-8")
    assert ed.changed_on_disk() == [path]
    with pytest.raises(FileChangedError) as info:
        ed.save()
    assert info.value.paths == [path] and path.read_text(encoding="utf-8") == other
    assert ed.save(overwrite=True) == [path]
    assert ed.changed_on_disk() == []


def test_reload_is_undoable_so_unsaved_edits_come_back(ed):
    path = ed.document("map", MAP).path
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    mine = ed.document("map", MAP).text
    theirs = path.read_text(encoding="utf-8").replace("navn: Rask psykisk helsehjelp", "navn: Rask hjelp")
    path.write_text(theirs, encoding="utf-8")
    seen = []
    ed.subscribe(seen.append)
    change = ed.reload(path)
    assert change.kind == ch.FILE_RELOAD and seen == [change]
    assert ed.document("map", MAP).text == theirs and not ed.dirty
    assert ed.map(MAP).service("lavterskel-psykisk-helse").navn.startswith("Rask hjelp")
    ed.undo()
    assert ed.document("map", MAP).text == mine and ed.dirty


def test_a_file_deleted_on_disk_keeps_what_is_open_and_save_writes_it_back(ed):
    path = ed.document("map", MAP).path
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    path.unlink()
    assert ed.changed_on_disk() == [path]
    ed.reload(path)
    assert ed.dirty and ed.map(MAP).service("ppt").navn == "Mitt navn"
    assert ed.changed_on_disk() == []
    assert ed.save() == [path]
    assert load_map_file(path)[0].service("ppt").navn == "Mitt navn"


def test_a_file_that_becomes_unreadable_on_disk_is_reloaded_with_its_problem(ed):
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    ed.set_step("angst", 0, nar="Nytt vilkår")
    path = ed.document("map", MAP).path
    path.write_bytes(b"sammenkart: 1\nnavn: \xff\n")
    ed.reload(path)
    assert any("UTF-8" in p.message for p in ed.problems())
    assert len(ed.history) == 1 and ed.history_index == 1, "the other file's edit stays undoable"
    ed.undo()
    assert not ed.document("pathway", "angst").dirty


def test_disk_state_compares_content_not_just_time(tmp_path):
    p = tmp_path / "a.yaml"
    p.write_text("a: 1\n")
    known = disk_state(p)
    assert not changed_on_disk(p, known)
    p.write_text("a: 2\n")
    assert changed_on_disk(p, known)
    p.unlink()
    assert changed_on_disk(p, known)


# --- recovery ------------------------------------------------------------------------------

def test_recovery_copies_of_unsaved_edits_are_found_and_restored(tmp_path):
    root = bundled_copy(tmp_path)
    ed = Editor.open(root)
    ed.set_service(MAP, "ppt", navn="Ulagret navn")
    written = save_copies(ed.documents)
    assert len(written) == 1 and written[0].parent == recovery_dir()
    # "the crash": a new editor on the same folder
    fresh = Editor.open(root)
    found = find_copies(d.path for d in fresh.documents)
    assert [rc.path for rc in found] == [fresh.document("map", MAP).path.resolve()]
    fresh.restore(found[0].path, found[0].text)
    assert fresh.map(MAP).service("ppt").navn == "Ulagret navn" and fresh.dirty
    fresh.undo()
    assert not fresh.dirty
    # saving removes the copy
    fresh.redo()
    fresh.save()
    assert find_copies() == [] and not list(recovery_dir().glob("*.json"))


def test_a_recovery_copy_older_than_the_file_is_not_offered(tmp_path):
    root = bundled_copy(tmp_path)
    ed = Editor.open(root)
    ed.set_service(MAP, "ppt", navn="Ulagret navn")
    save_copies(ed.documents)
    path = ed.document("map", MAP).path
    path.write_text(path.read_text(encoding="utf-8") + "# endret etterpå\n", encoding="utf-8")
    os.utime(path, (time.time() + 60, time.time() + 60))
    assert find_copies() == []


# --- a new map -------------------------------------------------------------------------------

@pytest.mark.parametrize("malform", ["nb", "nn"])
def test_new_map_from_the_template_is_valid_and_never_overwrites(tmp_path, malform):
    path = new_map(tmp_path, "Nord-Fron: kommune", malform, services=["skole", "helsestasjon", "ppt", "bup"])
    assert path == tmp_path / "kart" / "nord-fron-kommune.yaml"
    ws = load_workspace(tmp_path)
    assert not ws.errors, ws.errors
    m = ws.maps["nord-fron-kommune"]
    assert m.navn == "Nord-Fron: kommune" and m.malform == malform
    assert [s.id for s in m.tjenester] == ["skole", "helsestasjon", "ppt", "bup"]
    assert m.service("skole").navn == STANDARD_ROLES["skole"].navn(malform)
    assert [s.niva for s in m.tjenester] == [0, 0, 1, 4]  # the template's five levels: spesialist is 4
    assert m.level(4).navn == PLASS_NAMES[malform][4]
    with pytest.raises(EditError, match="finnes allerede"):
        new_map(tmp_path, "Nord-Fron: kommune", malform)
    ed = Editor.open(path)
    ed.add_service("nord-fron-kommune", navn="Barnevern", niva=2, sektor="kommune", type="barnevern")
    assert not [p for p in ed.problems() if p.is_error]


def test_new_map_refuses_what_it_cannot_write(tmp_path):
    with pytest.raises(EditError):
        new_map(tmp_path, "  ", "nb")
    with pytest.raises(EditError):
        new_map(tmp_path, "Ås", "se")
    with pytest.raises(EditError, match="ukjente"):
        new_map(tmp_path, "Ås", "nb", services=["skole", "bibliotek"])
    assert not (tmp_path / "kart").exists()
