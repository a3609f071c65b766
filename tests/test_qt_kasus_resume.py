"""Kasus → Fortsett økt…: a saved session comes back with its marks and step."""
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog

from sammenkart.loader import load_bundled
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow
from sammenkart.session.controller import Session


@pytest.fixture
def window(qtbot, tmp_path):
    make_app()
    w = MainWindow(load_bundled(), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.select_map("eksempelkommune")
    return w


def test_resume_picks_a_saved_session_and_restores_it(window, monkeypatch):
    ws = window.workspace
    case, m = ws.cases["emma-14"], ws.maps["eksempelkommune"]
    earlier = Session(case, m)
    earlier.next_step()
    sid = m.resolve("skolehelsetjeneste")[0].id
    earlier.toggle_mark(sid)
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    window.kasus.choose_and_resume()
    assert offered and any("Emma" in text for text in offered)
    resumed = window.kasus.session
    assert resumed is not None and resumed.case.id == "emma-14"
    assert resumed.state.current == 1
    assert window.scene.cards[sid].mark == 1  # the team's choice is back on the map
    window.kasus.end()


def test_resume_with_no_saved_sessions_says_so(window, monkeypatch):
    said = []
    monkeypatch.setattr(window.kasus, "warn", lambda text: said.append(text))
    window.kasus.choose_and_resume()
    assert said and "Ingen lagrede økter" in said[0]
    assert window.kasus.session is None
