"""A service given another id keeps the team's saved answers (marks, arrows,
flags on cards): a running session follows the rename and its undo, and a
session saved before the rename finds the service again by its name when it
is opened, saying so. Nothing is dropped, nothing silently."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editing_helpers import bundled_copy
from sammenkart.editing import Editor
from sammenkart.loader import load_workspace
from sammenkart.qt.edit_ui import EditController
from sammenkart.qt.kasus_ui import KasusController
from sammenkart.session import store
from sammenkart.session.controller import Session, resume
from test_qt_editing import MAP, Answers, edit_mode_on, key, open_window

CASE = "emma-14"
OLD, NEW = "skole-sor", "skole-sorvag"  # Sørvåg skole in the example map: it has «type: skole»


def _played(ws, path) -> Session:
    s = Session(ws.cases[CASE], ws.maps[MAP], path=path)
    s.toggle_mark(OLD)
    s.add_arrow(OLD, "fastlege-sorvag")
    s.raise_flag("service", OLD, "Rektor er ny")  # kept in the session only (no editor)
    s.save()
    return s


def _ids(state) -> tuple:
    st = state.steps[0]
    return st.marked, st.arrows, [f.ref for f in state.flags]


def test_a_saved_session_follows_a_service_renamed_while_it_lay_saved(tmp_path):
    root = bundled_copy(tmp_path)
    _played(load_workspace(root), tmp_path / "okt.json")
    ed = Editor.open(root)
    ed.rename_service(MAP, OLD, NEW)
    ed.save()
    ws = load_workspace(root)
    name = ws.maps[MAP].service(NEW).navn
    back = resume(tmp_path / "okt.json", ws.cases, ws.maps)
    assert _ids(back.state) == ([NEW], [(NEW, "fastlege-sorvag")], [NEW])
    assert NEW in back.emphasis().marked  # the team's mark is on the card again
    assert back.notices == [f"«{name}» har fått ny id i kartet («{OLD}» → «{NEW}»); svarene i økten er flyttet dit"]
    saved = json.loads((tmp_path / "okt.json").read_text(encoding="utf-8"))
    assert saved["steps"][0]["marked"] == [NEW] and saved["names"] == {NEW: name, "fastlege-sorvag": ws.maps[MAP].service(
        "fastlege-sorvag").navn}


def test_a_service_that_is_gone_is_named_and_kept_in_the_session(tmp_path):
    root = bundled_copy(tmp_path)
    name = _played(load_workspace(root), tmp_path / "okt.json").map.service(OLD).navn
    ed = Editor.open(root)
    ed.remove_service(MAP, OLD)
    ed.save()
    ws = load_workspace(root)
    back = resume(tmp_path / "okt.json", ws.cases, ws.maps)
    assert back.notices == [f"Økten nevner «{name}», som kartet «{ws.maps[MAP].navn}» ikke har lenger; svaret er "
                            "tatt vare på i økten, men vises ikke på kartet"]
    assert _ids(back.state)[0] == [OLD]  # kept: back again if the service is
    assert OLD not in back.emphasis().marked
    assert store.load(tmp_path / "okt.json").names[OLD] == name


def test_a_session_file_without_names_still_opens():
    d = {"schema": 2, "case_id": "c", "map_id": "m", "created": "2026-01-01T00:00:00+01:00",
         "steps": [{"marked": ["a"]}]}
    assert store.from_dict(d).names == {}


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    answers = Answers()
    monkeypatch.setattr(EditController, "ask", lambda self, *args, **kw: answers(*args, **kw))
    monkeypatch.setattr(EditController, "warn", lambda self, text: answers.asked.append(("warn", text, [])))
    return open_window(qtbot, bundled_copy(tmp_path), tmp_path / "s.ini")


def test_renaming_in_the_form_during_a_case_keeps_the_teams_mark_and_undo_takes_both_back(qtbot, window, tmp_path):
    w = window
    w.kasus.start(_played(w.workspace, tmp_path / "okt.json"))
    session = w.current_session()
    edit_mode_on(qtbot, w)
    w.edit.choose_service(OLD)
    form = w.edit.form
    qtbot.mouseClick(form.ident, Qt.LeftButton)
    form.ident.selectAll()
    qtbot.keyClicks(form.ident, NEW)
    qtbot.keyClick(form.ident, Qt.Key_Return)
    assert w.current_map().service(NEW) is not None
    assert _ids(session.state) == ([NEW], [(NEW, "fastlege-sorvag")], [NEW])
    assert NEW in session.emphasis().marked and NEW in w.scene.cards
    assert store.load(tmp_path / "okt.json").steps[0].marked == [NEW]  # saved as it is now
    w.map_view.setFocus()
    key(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert w.current_map().service(OLD) is not None
    assert _ids(session.state) == ([OLD], [(OLD, "fastlege-sorvag")], [OLD])
    assert store.load(tmp_path / "okt.json").steps[0].marked == [OLD]


def test_the_window_says_what_a_resumed_session_followed(qtbot, window, tmp_path, monkeypatch):
    w = window
    said = []
    monkeypatch.setattr(KasusController, "warn", lambda self, text: said.append(text))
    _played(w.workspace, tmp_path / "okt.json")
    edit_mode_on(qtbot, w)
    w.editor.rename_service(MAP, OLD, NEW)
    QApplication.processEvents()
    assert w.kasus.resume_path(tmp_path / "okt.json")
    assert len(said) == 1 and f"(«{OLD}» → «{NEW}»)" in said[0]
    assert w.current_session().state.steps[0].marked == [NEW]


# --- a service given both another id and another name (its role the same) ----------------------

PPT_OLD, PPT_NEW, PPT_NAME = "ppt", "ppt-eksempelby", "PPT Eksempelby og Sørvåg"  # «type: ppt» in the example


def _ppt_session(ws, path) -> Session:
    s = Session(ws.cases[CASE], ws.maps[MAP], path=path)
    s.toggle_mark(PPT_OLD)
    s.save()
    return s


def _rename_ppt(ed) -> None:
    ed.rename_service(MAP, PPT_OLD, PPT_NEW)
    ed.set_service(MAP, PPT_NEW, navn=PPT_NAME)


def test_ids_changed_in_a_row_come_to_their_net():
    from sammenkart.editing.core import net_renames

    assert net_renames([("a", "b"), ("b", "c")]) == (("a", "c"),)
    assert net_renames([("a", "b"), ("b", "a")]) == ()  # an edit and its undo
    assert net_renames([("a", "b"), ("c", "a")]) == (("a", "b"), ("c", "a"))  # a's old id taken by another


def test_a_save_tells_the_files_net_renames_and_an_undo_before_it_tells_none(tmp_path):
    ed = Editor.open(bundled_copy(tmp_path))
    saves = []
    ed.subscribe(lambda c: saves.append(c.renamed) if c.kind == "file.save" else None)
    _rename_ppt(ed)
    ed.undo()
    ed.undo()
    ed.set_service(MAP, PPT_OLD, alder=[0, 18])  # something to save
    ed.save()
    _rename_ppt(ed)
    ed.save()
    ed.undo()
    ed.undo()
    ed.save()
    assert saves == [(), ((PPT_OLD, PPT_NEW),), ((PPT_NEW, PPT_OLD),)]


def test_saving_the_map_in_the_window_rewrites_its_saved_sessions_and_saving_an_undo_writes_them_back(qtbot, window):
    w = window
    path = store.sessions_dir() / "okt.json"
    _ppt_session(w.workspace, path)
    other = store.sessions_dir() / "annet-kart.json"  # a session of another map is not touched
    other.write_text(path.read_text(encoding="utf-8").replace(f'"map_id": "{MAP}"', '"map_id": "fjordvik"'),
                     encoding="utf-8")
    edit_mode_on(qtbot, w)
    _rename_ppt(w.editor)
    assert store.load(path).steps[0].marked == [PPT_OLD]  # not before the map is saved
    w.map_view.setFocus()
    key(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    saved = store.load(path)
    assert saved.steps[0].marked == [PPT_NEW] and saved.names == {PPT_NEW: PPT_NAME} and saved.roles == {PPT_NEW: "ppt"}
    assert store.load(other).steps[0].marked == [PPT_OLD]
    assert "1 lagret økt" in w.statusBar().currentMessage()
    key(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    key(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert store.load(path).steps[0].marked == [PPT_NEW]  # the map on disk still says so
    key(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    assert store.load(path).steps[0].marked == [PPT_OLD]


def test_the_testers_steps_the_session_reopens_with_its_answer(qtbot, window, monkeypatch):
    w = window
    said = []
    monkeypatch.setattr(KasusController, "warn", lambda self, text: said.append(text))
    path = store.sessions_dir() / "okt.json"
    _ppt_session(w.workspace, path)
    edit_mode_on(qtbot, w)
    _rename_ppt(w.editor)
    w.map_view.setFocus()
    key(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    assert w.kasus.resume_path(path)
    assert said == []  # nothing to guess: the file already names the new id
    assert w.current_session().emphasis().marked == (PPT_NEW,)
    assert f"1. {PPT_NAME}" in w.kasus.panel.marked_list.text()


def test_a_session_finds_a_service_by_its_role_when_id_and_name_both_changed_while_it_lay_saved(tmp_path):
    root = bundled_copy(tmp_path)
    old_name = _ppt_session(load_workspace(root), tmp_path / "okt.json").map.service(PPT_OLD).navn
    ed = Editor.open(root)
    _rename_ppt(ed)
    ed.save()
    ws = load_workspace(root)
    back = resume(tmp_path / "okt.json", ws.cases, ws.maps)
    assert back.state.steps[0].marked == [PPT_NEW] and back.emphasis().marked == (PPT_NEW,)
    assert back.notices == [f"«{old_name}» heter nå «{PPT_NAME}» i kartet («{PPT_OLD}» → «{PPT_NEW}»), den eneste "
                            "tjenesten der som er PPT; svarene i økten er flyttet dit"]


def test_a_session_saved_before_roles_were_kept_uses_the_old_id_as_the_role(tmp_path):
    root = bundled_copy(tmp_path)
    _ppt_session(load_workspace(root), tmp_path / "okt.json")
    d = json.loads((tmp_path / "okt.json").read_text(encoding="utf-8"))
    del d["roles"]
    (tmp_path / "okt.json").write_text(json.dumps(d), encoding="utf-8")
    ed = Editor.open(root)
    _rename_ppt(ed)
    ed.save()
    ws = load_workspace(root)
    assert resume(tmp_path / "okt.json", ws.cases, ws.maps).state.steps[0].marked == [PPT_NEW]


def test_a_role_two_services_have_is_no_guess_and_the_answer_shows_its_saved_name(tmp_path):
    root = bundled_copy(tmp_path)
    ws = load_workspace(root)
    role = ws.maps[MAP].service(OLD).role
    assert len(ws.maps[MAP].resolve(role)) > 1  # two schools
    old_name = _played(ws, tmp_path / "okt.json").map.service(OLD).navn
    ed = Editor.open(root)
    ed.rename_service(MAP, OLD, NEW)
    ed.set_service(MAP, NEW, navn="Sørvåg oppvekstsenter")
    ed.save()
    ws = load_workspace(root)
    back = resume(tmp_path / "okt.json", ws.cases, ws.maps)
    assert back.state.steps[0].marked == [OLD] and "ikke har lenger" in back.notices[0]
    assert back.service_name(OLD) == old_name  # never the raw id
    from sammenkart.session.summary import summarize

    step = summarize(back.case, back.map, back.state).steps[0]
    assert step.chosen == (old_name,) and step.arrows[0][0] == old_name
