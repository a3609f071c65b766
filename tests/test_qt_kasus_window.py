"""A case played in the real map window: real mouse clicks on cards, real keys."""
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from sammenkart.loader import load_bundled
from sammenkart.model import Case, CaseStep
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow


def _case(ws):
    """emma-14 when the example data has it, else a small case on the same roles."""
    if "emma-14" in ws.cases:
        return ws.cases["emma-14"]
    return Case("emma-test", "Emma (14) holder seg hjemme", [
        CaseStep("Mandag morgen", "Emma vil ikke gå på skolen.", involverte=["skole"],
                 forslag=["skolehelsetjeneste", "fastlege"], fasilitator="La gruppa snakke før dere viser forslaget. Spør: hvem ringer foreldrene?"),
        CaseStep("Senere", "Fraværet øker.", involverte=["skolehelsetjeneste"],
                 forslag=["lavterskel", "kommunepsykolog"]),
    ], alder=14)


@pytest.fixture
def window(qtbot, tmp_path):
    make_app()
    ws = load_bundled()
    case = _case(ws)
    ws.cases[case.id] = case
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.select_map("fjordvik")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w, case


def _click_card(qtbot, w, service_id, modifier=Qt.NoModifier):
    view = w.map_view
    item = view.scene().cards[service_id]
    view.centerOn(item)
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, modifier, pos)


def _key(qtbot, w, key):
    qtbot.keyClick(QApplication.focusWidget() or w, key)


def test_case_in_the_real_window(window, qtbot, tmp_path):
    w, case = window
    ctl = w.kasus
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_K, Qt.ControlModifier)  # "Start kasus…"
    assert ctl.dialog is not None and ctl.dialog.isVisible()
    ctl.dialog.select(case.id, "fjordvik")
    assert ctl.dialog.maps.currentData() == "fjordvik"  # the current map by default
    ctl.dialog.accept()
    s = ctl.session
    assert w.stepper is ctl
    m = w.current_map()
    assert m.id == "fjordvik"
    first = case.steg[0]
    involved = {x.id for r in first.involverte for x in m.resolve(r)}
    assert w.map_view.scene().emphasis.highlighted == involved

    suggested = [x.id for r in first.forslag for x in m.resolve(r)]
    other = next(x.id for x in m.tjenester if x.id not in suggested and x.id not in involved)
    _click_card(qtbot, w, suggested[0])
    _click_card(qtbot, w, other)
    assert s.step.marked == [suggested[0], other]
    assert w.map_view.scene().emphasis.marked == (suggested[0], other)
    _click_card(qtbot, w, other, Qt.ShiftModifier)
    _click_card(qtbot, w, suggested[0], Qt.ShiftModifier)
    assert s.step.arrows == [(other, suggested[0])]

    _key(qtbot, w, Qt.Key_V)
    assert s.step.revealed
    lines = ctl.panel.comparison_lines()
    assert any(line.startswith("✓ " + m.service(suggested[0]).navn) for line in lines)
    assert any(m.service(other).navn in line and "lagt til" in line for line in lines)
    secret = first.fasilitator.strip()
    assert secret and secret not in ctl.panel.all_text()
    assert secret in ctl.facilitator.notes.toPlainText()

    for _ in range(len(case.steg) - 1):
        _key(qtbot, w, Qt.Key_PageDown)
    assert ctl.panel.title.text() == case.steg[-1].tittel
    _key(qtbot, w, Qt.Key_PageDown)
    out = ctl.summary.export_markdown(str(tmp_path / "referat.md"))
    qtbot.addWidget(ctl.summary)
    md = out.read_text(encoding="utf-8")
    for st in case.steg:
        assert st.tittel in md
    assert m.service(suggested[0]).navn in md and m.service(other).navn in md
    ctl.end()
    assert w.stepper is None


def test_choosing_a_pathway_step_while_a_case_runs_never_wipes_the_teams_marks(window, qtbot):
    """One owner of what the map stresses (sammenkart.stress): the case decides on its map."""
    w, case = window
    ctl = w.kasus
    ctl.choose_and_start()
    ctl.dialog.select(case.id, "fjordvik")
    ctl.dialog.accept()
    marked = next(sid for sid in w.scene.cards)
    _click_card(qtbot, w, marked)
    assert ctl.session.step.marked == [marked]
    assert w.scene.emphasis.marked == (marked,)
    # the facilitator clicks around in the pathway list and its steps
    assert w.select_pathway("angst")
    w.set_step(2)
    w.pathway_panel.step_chosen.emit(3)
    assert w.scene.emphasis.marked == (marked,) and w.scene.emphasis == ctl.session.emphasis()
    # when the case ends, the pathway the window shows is drawn again
    ctl.end()
    assert w.scene.emphasis.marked == () and w.scene.emphasis.pathway == "angst"
