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
