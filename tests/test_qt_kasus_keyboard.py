"""Tester 5, items 1-2: a case played with the keyboard alone, at a projector's 1024×768.

While a case runs its panel (story, questions, the way on) is what the room reads:
a search and Esc never leave another panel in its place, F9 and the Case menu bring
it back, and a service is chosen for the answer with Ctrl+F, its name and Enter.
"""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window
from sammenkart.loader import load_bundled
from sammenkart.qt import window_actions
from sammenkart.session.controller import Session


@pytest.fixture
def case_window(qtbot, tmp_path):
    ws = load_bundled()
    w = active_window(qtbot, tmp_path, ws, (1024, 740), restore=True)
    case = ws.cases["emma-14"]
    m = ws.maps["eksempelkommune"]  # the map `sammenkart --kasus emma-14` opens
    w.kasus.start(Session(case, m))
    qtbot.waitUntil(lambda: w.kasus.panel.isVisible())
    return w


def _key(qtbot, w, key, modifier=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w, key, modifier)


def _case_shown(w) -> bool:
    panel = w.kasus.panel
    return w.room.side.currentWidget() is panel and panel.isVisible() and panel.story.isVisible()


def test_a_search_and_esc_never_leave_the_room_without_the_story(case_window, qtbot):
    w = case_window
    assert _case_shown(w)
    _key(qtbot, w, Qt.Key_F, Qt.ControlModifier)
    assert w.search.edit.hasFocus()
    _key(qtbot, w, Qt.Key_Escape)
    _key(qtbot, w, Qt.Key_Escape)
    assert _case_shown(w), w.room.side.currentWidget()
    assert w.map_view.hasFocus()  # the clicker keys work again


def test_f9_and_the_case_menu_bring_the_case_panel_back(case_window, qtbot):
    w = case_window
    w.show_panel(w.choose_panel)  # another panel in front (a click on ☰, say)
    assert not _case_shown(w)
    _key(qtbot, w, Qt.Key_F9)
    assert _case_shown(w)
    _key(qtbot, w, Qt.Key_F9)  # F9 on the case panel: the map gets the room
    assert not w.room.side_visible()
    _key(qtbot, w, Qt.Key_F9)
    assert _case_shown(w)
    w.show_panel(w.choose_panel)
    action = w.kasus.show_case_action
    assert action in w.menu("kasus").actions() and action.isEnabled()
    _key(qtbot, w, Qt.Key_K)  # its key
    assert _case_shown(w)
    w.kasus.end()
    assert not action.isEnabled()


def test_the_next_step_shows_its_story(case_window, qtbot):
    w = case_window
    w.show_panel(w.choose_panel)
    w.map_view.setFocus()
    _key(qtbot, w, Qt.Key_PageDown)
    assert w.kasus.session.index == 1
    assert _case_shown(w)
    assert w.kasus.session.case_step.tittel in w.kasus.panel.title.text()


def test_ctrl_f_a_name_and_enter_choose_the_service_for_the_answer(case_window, qtbot):
    w = case_window
    s = w.kasus.session
    service = next(x for x in s.map.tjenester if len(x.navn) > 6)
    _key(qtbot, w, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(w.search.edit, service.navn)
    _key(qtbot, w, Qt.Key_Return)
    assert s.step.marked == [service.id]
    assert service.navn in w.kasus.panel.marked_list.text()
    assert _case_shown(w) and w.map_view.hasFocus()  # the room sees the answer; keys back on the map
    # moving in the list of results only centres the map
    _key(qtbot, w, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(w.search.edit, service.navn[:3])
    w.search.results.setCurrentRow(min(1, w.search.results.count() - 1))
    assert s.step.marked == [service.id]
    # the same name again takes it out of the answer
    w.search.edit.setText(service.navn)
    w.search.edit.setFocus()
    _key(qtbot, w, Qt.Key_Return)
    assert s.step.marked == []


def test_the_key_help_says_how_to_choose_services_and_bring_the_case_back():
    html = window_actions.keys_html()
    assert "Ctrl+F" in html and "svaret" in html
    assert "Kasuspanelet" in html


def test_an_english_window_asks_the_standard_questions_in_english(case_window, qtbot, monkeypatch):
    """Tester 5, item 3: they are the program's words (not the case file's), so they
    follow the window's English, on the panel and on the presentation band."""
    from sammenkart import i18n

    w = case_window
    w.language.choose("en")
    assert i18n.current_language() == "en"
    assert "What can I do as a professional?" in w.kasus.panel.questions.text()
    w.presentation.enter()
    assert "Who can I work with?" in w.caption_text()
    w.presentation.leave()
    w.language.choose("nb")
    assert "Hva kan jeg som fagperson gjøre?" in w.kasus.panel.questions.text()
