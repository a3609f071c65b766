"""The clicker never dies: which widget has the keys, and what each key does.

Real mouse clicks put the focus where a facilitator's click would (a pathway
text, a service's details, a list, a notes field); then the keys a clicker or
a hand sends go through Qt's whole path (shortcut override, the key policy).
See ../shared/hunt/h12 for the scripts that showed the dead clicker.
"""
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from sammenkart.loader import load_bundled
from sammenkart.qt.app import make_app
from sammenkart.qt.keys import is_editable
from sammenkart.qt.main_window import MainWindow
from sammenkart.session.controller import Session


@pytest.fixture
def window(qtbot, tmp_path):
    return _opened(qtbot, tmp_path, load_bundled())


@pytest.fixture
def window_with_problems(qtbot, tmp_path):
    """The example with a service taken out of Fjordvik: the bundled data itself has no problems."""
    from editing_helpers import copy_lacking
    from sammenkart.loader import load_workspace

    return _opened(qtbot, tmp_path, load_workspace(copy_lacking(tmp_path, "fjordvik", "ungdomspsykiatrisk-dogn")))


def _opened(qtbot, tmp_path, ws):
    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.select_map("eksempelkommune")
    assert w.select_pathway("angst")
    return w


def _focus(qtbot, widget):
    return QApplication.focusWidget() or widget


def _press(qtbot, w, key, modifier=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w, key, modifier)


def _read_only_panels(w):
    """(name, tab to show, widget to click) for every read-only panel a click can land in."""
    w.details.show_service(w.current_map(), w.current_map().tjenester[0], [])
    return [
        ("pathway text", w.pathway_panel, w.pathway_panel.info.viewport()),
        ("step list", w.pathway_panel, w.pathway_panel.steps.viewport()),
        ("service details", w.details, w.details.browser.viewport()),
        ("map list", w.choose_panel, w.maps_list.viewport()),
        ("problems", w.problems_panel, w.problems_panel.list.viewport()),
    ]


def test_after_a_click_in_each_read_only_panel_the_clicker_steps(window_with_problems, qtbot):
    w = window_with_problems
    assert w.room.side.indexOf(w.problems_panel) >= 0  # the copy has a warning
    for name, tab, target in _read_only_panels(w):
        w.set_step(None)
        w.room.side.show_panel(tab)
        qtbot.waitUntil(target.isVisible)
        if name == "step list":  # click the current row: choosing nothing new
            point = w.pathway_panel.steps.visualItemRect(w.pathway_panel.steps.currentItem()).center()
        elif name == "map list":
            point = w.maps_list.visualItemRect(w.maps_list.currentItem()).center()
        else:
            point = QPoint(12, 12)
        qtbot.mouseClick(target, Qt.LeftButton, Qt.NoModifier, point)
        focus = QApplication.focusWidget()
        assert focus is not None and focus is not w.map_view and not is_editable(focus), name
        _press(qtbot, w, Qt.Key_PageDown)
        _press(qtbot, w, Qt.Key_PageDown)
        assert w.step == 1, name
        _press(qtbot, w, Qt.Key_PageUp)
        assert w.step == 0, name
        _press(qtbot, w, Qt.Key_Right)
        assert w.step == 1, name
        _press(qtbot, w, Qt.Key_B)
        assert w.presentation.black.isVisible(), name
        _press(qtbot, w, Qt.Key_Period)
        assert not w.presentation.black.isVisible(), name


def test_letters_type_into_a_focused_notes_field_and_change_nothing_else(window, qtbot):
    w = window
    ws = w.workspace
    w.kasus.start(Session(ws.cases["emma-14"], ws.maps["eksempelkommune"]))
    ctl, s = w.kasus, w.kasus.session
    ctl.panel.notes_button.setChecked(True)
    editor = ctl.panel.notes.editors["hindringer"]
    qtbot.waitUntil(editor.isVisible)
    before = dict(step=s.index, revealed=s.step.revealed, contrast=w.contrast_action.isChecked(),
                  legend=w.legend.folded, story=w.presentation.show_story, side=w.room.mode(),
                  zoom=w.map_view.zoom_factor())
    qtbot.mouseClick(editor.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(10, 10))
    assert QApplication.focusWidget() is editor
    assert w.room.typing_hint.isVisible() and "Esc" in w.room.typing_hint.text()
    typed = "hvb. 0 tl+"
    qtbot.keyClicks(editor, typed)
    assert editor.toPlainText() == typed
    assert s.step.notes["hindringer"] == typed
    after = dict(step=s.index, revealed=s.step.revealed, contrast=w.contrast_action.isChecked(),
                 legend=w.legend.folded, story=w.presentation.show_story, side=w.room.mode(),
                 zoom=w.map_view.zoom_factor())
    assert after == before
    assert not w.presentation.black.isVisible() and not w.presentation.active
    # Esc leaves the field: the map has the keys again, the hint goes, the clicker steps.
    _press(qtbot, w, Qt.Key_Escape)
    assert QApplication.focusWidget() is w.map_view
    assert not w.room.typing_hint.isVisible()
    _press(qtbot, w, Qt.Key_PageDown)
    assert s.index == before["step"] + 1
    _press(qtbot, w, Qt.Key_V)
    assert s.step.revealed  # single letters act again on the map
    ctl.end()


def test_esc_leaves_the_search_field_and_the_map_has_the_keys(window, qtbot):
    w = window
    w.search.focus()
    assert QApplication.focusWidget() is w.search.edit
    qtbot.keyClicks(w.search.edit, "h0")
    assert w.search.edit.text() == "h0" and not w.contrast_action.isChecked()
    _press(qtbot, w, Qt.Key_Escape)
    assert QApplication.focusWidget() is w.map_view
    _press(qtbot, w, Qt.Key_PageDown)
    assert w.step == 0


def test_shift_f5_starts_presentation_and_never_stops_it(window, qtbot):
    w = window
    qtbot.mouseClick(w.pathway_panel.info.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(12, 12))
    _press(qtbot, w, Qt.Key_F5, Qt.ShiftModifier)
    assert w.presentation.active
    _press(qtbot, w, Qt.Key_F5, Qt.ShiftModifier)
    assert w.presentation.active
    _press(qtbot, w, Qt.Key_PageDown)
    assert w.step == 0 and "Steg 1" in w.room.caption.text()
    _press(qtbot, w, Qt.Key_F5)
    assert not w.presentation.active


def test_esc_closes_black_screen_then_presentation(window, qtbot):
    w = window
    _press(qtbot, w, Qt.Key_F5)
    _press(qtbot, w, Qt.Key_B)
    assert w.presentation.black.isVisible()
    _press(qtbot, w, Qt.Key_Escape)
    assert not w.presentation.black.isVisible() and w.presentation.active
    _press(qtbot, w, Qt.Key_Escape)
    assert not w.presentation.active


def test_editable_fields_are_told_apart_from_read_only_text(window):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QTextBrowser

    assert not is_editable(window.pathway_panel.info) and not is_editable(window.details.browser)
    assert is_editable(window.search.edit) and is_editable(QSpinBox())
    ro = QLineEdit()
    ro.setReadOnly(True)
    assert not is_editable(ro) and not is_editable(QTextBrowser()) and not is_editable(QComboBox())


def _start_case(w, step=0):
    ws = w.workspace
    w.kasus.start(Session(ws.cases["emma-14"], ws.maps["eksempelkommune"]))
    s = w.kasus.session
    for _i in range(step):
        s.next_step()
    return w.kasus, s


def test_clicking_notes_puts_the_keys_in_the_note_and_no_letter_acts_on_the_map(window, qtbot):
    """Tester 3, item 1: "✎ Notater" clicked, then typing writes the note; B, H and
    the other letters never black the screen, turn on high contrast or step."""
    w = window
    ctl, s = _start_case(w)
    button = ctl.panel.notes_button
    if button.isChecked():  # opened by itself where there is room: the team closes it first
        qtbot.mouseClick(button, Qt.LeftButton)
        assert not ctl.panel.notes.isVisible()
    w.map_view.setFocus()
    qtbot.mouseClick(button, Qt.LeftButton)
    editor = ctl.panel.notes.currentWidget()
    qtbot.waitUntil(editor.isVisible)
    assert QApplication.focusWidget() is editor
    step = s.index
    for ch in "abc B h":
        qtbot.keyClicks(QApplication.focusWidget(), ch)
    assert "abc B h" in editor.toPlainText()
    assert "abc B h" in "".join(s.step.notes.values())
    assert not w.presentation.black.isVisible()
    assert not w.contrast_action.isChecked()
    assert s.index == step
    # closed again, the map has the keys: the clicker steps
    qtbot.mouseClick(button, Qt.LeftButton)
    assert QApplication.focusWidget() is w.map_view
    _press(qtbot, w, Qt.Key_PageDown)
    assert s.index == step + 1
    ctl.end()


def test_b_hides_the_summary_too_and_b_again_brings_it_back(window, qtbot):
    """Tester 3, item 2: the last step's "Oppsummering ▶" opens the summary over
    the presented map; B makes the whole screen black, the summary too."""
    w = window
    ctl, s = _start_case(w, step=3)
    _press(qtbot, w, Qt.Key_F5)
    assert w.presentation.active
    _press(qtbot, w, Qt.Key_PageDown)  # on the last step: the summary
    summary = ctl.summary
    assert summary is not None and summary.isVisible()
    summary.activateWindow()
    qtbot.waitUntil(summary.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or summary, Qt.Key_B)  # the keys are in the summary
    assert w.presentation.black.isVisible()
    visible = [x for x in QApplication.topLevelWidgets() if x.isVisible() and x is not w
               and x.windowType() not in (Qt.Popup, Qt.ToolTip)]
    assert visible == [], visible  # nothing of ours over the black screen
    qtbot.waitUntil(w.isActiveWindow)
    _press(qtbot, w, Qt.Key_B)
    assert not w.presentation.black.isVisible()
    assert summary.isVisible()  # back as it was
    # Esc also ends the black screen and brings it back
    _press(qtbot, w, Qt.Key_B)
    assert not summary.isVisible()
    _press(qtbot, w, Qt.Key_Escape)
    assert summary.isVisible() and not w.presentation.black.isVisible()
    summary.close()
    ctl.end()


def test_after_the_reveal_the_band_says_what_the_question_marks_mean(window, qtbot):
    """Tester 3, item 14: V in presentation adds red "?" cards; the band says
    in one line what they mean."""
    w = window
    ctl, s = _start_case(w, step=1)
    _press(qtbot, w, Qt.Key_F5)
    assert "= ikke valgt" not in w.room.caption.text()  # nothing to explain before the reveal
    _press(qtbot, w, Qt.Key_V)
    assert s.step.revealed and s.comparison().missed  # the reveal put "?" on cards
    assert w.room.caption.isVisible() and w.room.caption.story.isVisible()
    assert w.room.caption.story.text().endswith("? = ikke valgt av gruppa")  # under the story, which has room
    _press(qtbot, w, Qt.Key_T)  # the story off: the line goes with the questions
    assert not w.room.caption.story.isVisibleTo(w.room.caption)
    assert "? = ikke valgt av gruppa" in w.room.caption.main.text()
    ctl.end()


@pytest.mark.parametrize("next_key, prev_key", [(Qt.Key_PageDown, Qt.Key_PageUp), (Qt.Key_Right, Qt.Key_Left),
                                                (Qt.Key_Space, Qt.Key_Backspace)],
                         ids=["PageDown-PageUp", "arrows", "Space-Backspace"])
def test_next_or_previous_on_a_black_screen_brings_the_picture_back_without_stepping(window, qtbot, next_key,
                                                                                     prev_key):
    """Room 9 item 2: F5, Next, B, Next left the screen black and moved to step 2 unseen.
    As in presentation programs, Next or Previous on black first shows the picture again."""
    w = window
    _press(qtbot, w, Qt.Key_F5)
    _press(qtbot, w, next_key)
    assert w.step == 0
    _press(qtbot, w, Qt.Key_B)
    assert w.presentation.black.isVisible()
    _press(qtbot, w, next_key)
    assert not w.presentation.black.isVisible() and w.step == 0 and "Steg 1" in w.room.caption.text()
    _press(qtbot, w, next_key)
    assert w.step == 1
    _press(qtbot, w, Qt.Key_Period)
    _press(qtbot, w, prev_key)
    assert not w.presentation.black.isVisible() and w.step == 1
    _press(qtbot, w, prev_key)
    assert w.step == 0
    _press(qtbot, w, Qt.Key_B)
    _press(qtbot, w, Qt.Key_B)  # B toggles as before
    assert not w.presentation.black.isVisible() and w.step == 0 and w.presentation.active


def test_the_facilitator_windows_next_and_previous_on_a_black_screen_bring_the_picture_back(window, qtbot):
    """Room 10 item 1: with the projector black (B), the facilitator window's own
    Next/Previous (buttons and keys) stepped the case unseen; now, as the clicker
    keys on the map window, they first bring the picture back."""
    w = window
    ctl, s = _start_case(w, step=1)
    _press(qtbot, w, Qt.Key_F5)
    ctl.confirm = lambda *_a: True  # one screen here: open it anyway
    assert ctl.show_facilitator()
    f = ctl.facilitator
    qtbot.waitExposed(f)
    _press(qtbot, w, Qt.Key_B)
    assert w.presentation.black.isVisible()
    qtbot.mouseClick(f.next_button, Qt.LeftButton)
    assert not w.presentation.black.isVisible() and s.index == 1
    qtbot.mouseClick(f.next_button, Qt.LeftButton)
    assert s.index == 2
    _press(qtbot, w, Qt.Key_B)
    qtbot.mouseClick(f.prev_button, Qt.LeftButton)
    assert not w.presentation.black.isVisible() and s.index == 2
    qtbot.mouseClick(f.prev_button, Qt.LeftButton)
    assert s.index == 1
    # the same with the keys typed in the facilitator's window
    f.activateWindow()
    qtbot.waitUntil(f.isActiveWindow)
    for next_key, prev_key in ((Qt.Key_PageDown, Qt.Key_PageUp), (Qt.Key_Right, Qt.Key_Left)):
        w.presentation.black.show()
        qtbot.keyClick(f, next_key)
        assert not w.presentation.black.isVisible() and s.index == 1
        w.presentation.black.show()
        qtbot.keyClick(f, prev_key)
        assert not w.presentation.black.isVisible() and s.index == 1
    qtbot.keyClick(f, Qt.Key_PageDown)
    assert s.index == 2
    ctl.end()
