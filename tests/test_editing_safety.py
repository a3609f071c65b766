"""Nothing is lost: check-as-you-type uses the validator's words, a file
changed on disk is noticed, recovery copies come back after a crash, a new
map from the template is valid."""
from __future__ import annotations

import os
import time

import pytest
from editing_helpers import MAP, PPT, RASK, bundled_copy, disk_change

from sammenkart.editing import (EditError, Editor, FileChangedError, changed_on_disk, disk_state, find_copies,
                                keep_beside, new_map, save_copies)
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


def _crashed_with_an_unsaved_name(tmp_path):
    """A folder, an editor on it with PPT renamed and not saved, and its recovery copy
    written (as every 30 s); returns (root, the editor, the map file)."""
    root = bundled_copy(tmp_path)
    ed = Editor.open(root)
    ed.set_service(MAP, "ppt", navn="Ulagret navn")
    save_copies(ed.documents)
    return root, ed, ed.document("map", MAP).path





def test_reload_keeps_my_edits_on_top_and_undo_takes_back_only_mine(ed):
    # tester round 4, item 1: undo after «Les inn på nytt» took back the other program's change
    # too, and Ctrl+S then wrote it away without a word
    path = ed.document("map", MAP).path
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    theirs = disk_change(path, RASK, "navn: Rask hjelp")
    seen = []
    ed.subscribe(seen.append)
    change = ed.reload(path)
    assert change.kind == ch.FILE_RELOAD and seen == [change]
    assert ed.last_merge.clean
    m = ed.map(MAP)
    assert m.service("ppt").navn == "Mitt navn" and m.service("lavterskel-psykisk-helse").navn == "Rask hjelp"
    assert ed.dirty and ed.document("map", MAP).saved_text == theirs
    ed.undo()  # mine goes; theirs stays
    assert ed.document("map", MAP).text == theirs and not ed.dirty
    assert ed.save() == [] and path.read_text(encoding="utf-8") == theirs
    ed.redo()
    assert ed.map(MAP).service("ppt").navn == "Mitt navn"
    ed.save()
    saved = path.read_text(encoding="utf-8")
    assert "navn: Rask hjelp" in saved and "navn: Mitt navn" in saved and RASK not in saved


def test_reload_moves_the_whole_history_so_no_state_lacks_the_other_change(ed):
    path = ed.document("map", MAP).path
    ed.set_service(MAP, "ppt", navn="Først")
    ed.save()  # an edit already saved ...
    ed.set_service(MAP, "bup", beskrivelse="Mine ord")  # ... and one not
    disk_change(path, RASK, "navn: Rask hjelp")
    ed.reload(path)
    assert len(ed.history) == 2 and ed.history_index == 2
    while ed.can_undo():  # every state back to the start has their change
        ed.undo()
        assert ed.map(MAP).service("lavterskel-psykisk-helse").navn == "Rask hjelp"
    assert ed.map(MAP).service("ppt").navn == "Pedagogisk-psykologisk tjeneste (PPT)"
    ed.save()  # writing the oldest state keeps their change
    assert "navn: Rask hjelp" in path.read_text(encoding="utf-8")


def test_a_quiet_reload_is_not_undone_by_undoing_an_earlier_saved_edit(ed):
    path = ed.document("map", MAP).path
    ed.set_service(MAP, "ppt", navn="Først")
    ed.save()
    theirs = disk_change(path, RASK, "navn: Rask hjelp")
    ed.reload(path)
    assert ed.document("map", MAP).text == theirs and not ed.dirty and len(ed.history) == 1
    ed.undo()  # my saved rename goes; their change stays
    m = ed.map(MAP)
    assert m.service("ppt").navn.startswith("Pedagogisk") and m.service("lavterskel-psykisk-helse").navn == "Rask hjelp"


@pytest.mark.parametrize("keep, navn", [("disk", "PPT fra disken"), ("mine", "Mitt navn")])
def test_where_both_changed_the_same_line_keep_decides_and_undo_gives_the_disk_text(ed, keep, navn):
    path = ed.document("map", MAP).path
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    ed.set_service(MAP, "bup", beskrivelse="Mine ord")
    theirs = disk_change(path, PPT, "navn: PPT fra disken")
    preview = ed.merge_preview(path)
    assert preview.conflicts == (250,) and ed.document("map", MAP).text != theirs, "a preview changes nothing"
    ed.reload(path, keep=keep)
    assert ed.last_merge.conflicts == (250,)
    assert ed.map(MAP).service("ppt").navn == navn and ed.map(MAP).service("bup").beskrivelse == "Mine ord"
    while ed.can_undo():
        ed.undo()
    assert ed.document("map", MAP).text == theirs and not ed.dirty


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


def test_a_copy_of_a_file_changed_since_is_offered_and_merged_onto_the_new_text(tmp_path):
    # tester round 4, item 2: a comment line added after the crash hid the copy for good
    root, ed, path = _crashed_with_an_unsaved_name(tmp_path)
    theirs = path.read_text(encoding="utf-8") + "# lagt til av git pull\n"
    path.write_text(theirs, encoding="utf-8")
    os.utime(path, (time.time() + 60, time.time() + 60))
    found = find_copies()
    assert [(c.path, c.changed_since) for c in found] == [(path.resolve(), True)]
    fresh = Editor.open(root)
    fresh.recover(found[0].path, found[0].text, found[0].base)
    assert fresh.last_merge.clean
    text = fresh.document("map", MAP).text
    assert text.endswith("# lagt til av git pull\n") and fresh.map(MAP).service("ppt").navn == "Ulagret navn"
    fresh.undo()
    assert fresh.document("map", MAP).text == theirs and not fresh.dirty


def test_a_copy_whose_lines_were_changed_on_disk_too_wins_there_and_undo_gives_the_disk(tmp_path):
    root, ed, path = _crashed_with_an_unsaved_name(tmp_path)
    theirs = disk_change(path, PPT, "navn: PPT fra git")
    found = find_copies()
    fresh = Editor.open(root)
    fresh.recover(found[0].path, found[0].text, found[0].base)
    assert fresh.last_merge.conflicts == (250,) and fresh.map(MAP).service("ppt").navn == "Ulagret navn"
    fresh.undo()
    assert fresh.document("map", MAP).text == theirs


def test_an_old_copy_without_its_base_is_still_offered_when_the_file_is_newer(tmp_path):
    import json

    root = bundled_copy(tmp_path)
    ed = Editor.open(root)
    ed.set_service(MAP, "ppt", navn="Ulagret navn")
    [copy] = save_copies(ed.documents)
    record = json.loads(copy.read_text(encoding="utf-8"))
    del record["base"]  # as copies were written before the base was kept
    copy.write_text(json.dumps(record), encoding="utf-8")
    path = ed.document("map", MAP).path
    assert find_copies()[0].changed_since is False
    path.write_text(path.read_text(encoding="utf-8") + "# ny\n", encoding="utf-8")
    os.utime(path, (time.time() + 60, time.time() + 60))
    [found] = find_copies()
    assert found.changed_since and found.base is None and "Ulagret navn" in found.text


def test_a_copy_equal_to_the_file_is_not_offered(tmp_path):
    root, ed, path = _crashed_with_an_unsaved_name(tmp_path)
    path.write_text(ed.document("map", MAP).text, encoding="utf-8")  # saved by hand the same way
    assert find_copies() == []


def test_a_version_kept_beside_is_never_read_as_a_map_and_never_overwrites(tmp_path):
    import datetime as dt

    root = bundled_copy(tmp_path)
    path = root / "kart" / f"{MAP}.yaml"
    when = dt.datetime(2026, 12, 1, 1, 12, 5)
    a = keep_beside(path, "a: 1\n", when=when)
    b = keep_beside(path, "b: 2\n", bom=True, when=when)
    assert a == root / "kart" / "gjenoppretting" / f"{MAP}-2026-12-01-011205.yaml"
    assert b.name == f"{MAP}-2026-12-01-011205-2.yaml" and b.read_bytes() == "\ufeffb: 2\n".encode()
    assert a.read_text(encoding="utf-8") == "a: 1\n"
    assert not load_workspace(root).errors


def test_the_copy_time_is_said_in_the_users_language_and_local_time(tmp_path):
    import datetime as dt

    from sammenkart import i18n
    from sammenkart.editing import RecoveryCopy

    moment = dt.datetime(2026, 12, 1, 0, 51, 11)  # local time
    rc = RecoveryCopy(tmp_path / "x.yaml", "", moment.timestamp(), tmp_path / "c.json")
    with i18n.language("nb"):
        assert rc.when == "1. desember 2026, 00:51"
    with i18n.language("nn"):
        assert rc.when == "1. desember 2026 kl. 00:51"
    with i18n.language("en"):
        assert rc.when == "1 December 2026, 00:51"


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


@pytest.mark.parametrize("lang, one, two", [
    ("nb", "siden den ble lest; lagre likevel, eller les den inn", "siden de ble lest; lagre likevel, eller les dem inn"),
    ("nn", "sidan ho vart lesen; lagre likevel, eller les ho inn", "sidan dei vart lesne; lagre likevel, eller les dei"),
    ("en", "was changed by another program after it was read; save anyway, or reload it",
     "were changed by another program after they were read; save anyway, or reload them"),
])
def test_a_save_over_a_change_on_disk_says_one_file_or_several_right(ed, lang, one, two):
    # tester round 4, item 13: one file was called «de/dem»
    from sammenkart import i18n

    ed.set_service(MAP, "ppt", navn="Mitt navn")
    ed.set_step("angst", 0, nar="Nytt vilkår")
    paths = [ed.document("map", MAP).path, ed.document("pathway", "angst").path]
    for p in paths:
        p.write_text(p.read_text(encoding="utf-8") + "# endret\n", encoding="utf-8")
    with i18n.language(lang):
        with pytest.raises(FileChangedError) as single:
            ed.save([paths[0]])
        with pytest.raises(FileChangedError) as both:
            ed.save()
    assert one in str(single.value) and two in str(both.value)


def test_a_file_that_goes_and_comes_back_keeps_my_edits_merged(ed):
    # a checkout of another branch and back: the file is gone for a while
    path = ed.document("map", MAP).path
    original = path.read_text(encoding="utf-8")
    ed.set_service(MAP, "ppt", navn="Mitt navn")
    path.unlink()
    ed.reload(path)
    assert ed.dirty
    path.write_text(original.replace(RASK, "navn: Rask hjelp"), encoding="utf-8")
    ed.reload(path)
    m = ed.map(MAP)
    assert m.service("ppt").navn == "Mitt navn" and m.service("lavterskel-psykisk-helse").navn == "Rask hjelp"
