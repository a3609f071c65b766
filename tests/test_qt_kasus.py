"""Playing a case on the shared screen with keys and clicks (pytest-qt)."""
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow, QDockWidget
from test_session_fixtures import emma, fjordvik

from sammenkart.model import Workspace
from sammenkart.qt import kasus_ui
from sammenkart.session import store

CLICKER = {
    Qt.Key_PageDown: "next_step", Qt.Key_Right: "next_step", Qt.Key_Space: "next_step",
    Qt.Key_PageUp: "previous_step", Qt.Key_Left: "previous_step", Qt.Key_Backspace: "previous_step",
    Qt.Key_Home: "first_step", Qt.Key_End: "last_step",
}


class FakeScene(QGraphicsScene):
    service_clicked = Signal(str)

    def __init__(self, parent):
        super().__init__(parent)
        self.emphasis = None

    def set_emphasis(self, e):
        self.emphasis = e


class FakeMainWindow(QMainWindow):
    """The map window's public API as the brief describes it (used until the real one exists)."""

    def __init__(self, ws, m):
        super().__init__()
        self.workspace = ws
        self._map = m
        self._scene = FakeScene(self)  # the view does not own its scene
        self.map_view = QGraphicsView(self._scene)
        self.setCentralWidget(self.map_view)
        self._menus = {}
        self.stepper = None
        for key, name in CLICKER.items():
            QShortcut(QKeySequence(key), self).activated.connect(lambda n=name: self._clicker(n))

    def current_map(self):
        return self._map

    def menu(self, name):
        if name not in self._menus:
            self._menus[name] = self.menuBar().addMenu(name)
        return self._menus[name]

    def add_side_panel(self, widget, title):
        dock = QDockWidget(title, self)
        dock.setWidget(widget)
        self.addDockWidget(Qt.RightDockWidgetArea, dock)
        return dock

    def set_stepper(self, obj):
        self.stepper = obj

    def _clicker(self, name):
        if self.stepper is not None:
            getattr(self.stepper, name)()


def _window(qtbot):
    m, case = fjordvik(), emma()
    mw = FakeMainWindow(Workspace(maps={m.id: m}, cases={case.id: case}), m)
    qtbot.addWidget(mw)
    ctl = kasus_ui.install(mw)
    mw.show()
    qtbot.waitExposed(mw)
    mw.activateWindow()
    qtbot.waitUntil(lambda: mw.isActiveWindow())
    return mw, ctl


def _start(qtbot, mw, ctl):
    assert ctl.start_action.shortcut().toString() == "Ctrl+K"
    ctl.start_action.trigger()
    dlg = ctl.dialog
    assert dlg.cases.count() == 1
    assert "14 år" in dlg.cases.item(0).text() and "3 steg" in dlg.cases.item(0).text()
    assert "Fjordvik har ingen PPT i kartet" in dlg.gap_note.text()
    dlg.accept()
    assert ctl.session is not None
    return ctl.session


def _press(qtbot, mw, key):
    qtbot.keyClick(QApplication.focusWidget() or mw, key)


def test_play_the_whole_case_with_keys_and_clicks(qtbot, tmp_path):
    mw, ctl = _window(qtbot)
    s = _start(qtbot, mw, ctl)
    assert mw.stepper is ctl
    panel = ctl.panel
    assert panel.title.text() == "Mandag morgen"
    assert mw.map_view.scene().emphasis.highlighted == {"nordvik-skole", "sorvik-skole"}

    scene = mw.map_view.scene()
    scene.service_clicked.emit("fastlege")
    scene.service_clicked.emit("bup")
    scene.service_clicked.emit("nordvik-skole")
    scene.service_clicked.emit("nordvik-skole")  # second click takes it away again
    assert scene.emphasis.marked == ("fastlege", "bup")
    assert "1. Fastlegene i Fjordvik" in panel.marked_list.text()
    assert not panel.comparison.isVisibleTo(panel)

    _press(qtbot, mw, Qt.Key_V)
    assert s.step.revealed
    items = panel.comparison_lines()
    assert items[0] == "✓ Fastlegene i Fjordvik – funnet"
    assert "? Skolehelsetjenesten – ikke valgt" in items
    assert "+ BUP Vestkyst – lagt til" in items
    assert any("ikke feil – et poeng for diskusjonen" in t for t in items)
    assert scene.emphasis.revealed == {"fastlege", "skolehelsetjeneste"}

    panel.notes.editors["hindringer"].setPlainText("Lang ventetid")
    _press(qtbot, mw, Qt.Key_PageDown)
    assert panel.title.text() == "Tre uker senere"
    assert "Fjordvik har ingen PPT i kartet" in panel.gap_note.text()
    assert "Hvem tar ansvar?" in panel.questions.text()
    panel.arrow_button.setChecked(True)  # "Tegn henvisning": from, then to
    scene.service_clicked.emit("skolehelsetjeneste")
    assert "Henvisning fra Skolehelsetjenesten" in panel.hint.text()
    scene.service_clicked.emit("kommunepsykolog")
    panel.arrow_button.setChecked(False)
    scene.service_clicked.emit("kommunepsykolog")
    assert s.step.arrows == [("skolehelsetjeneste", "kommunepsykolog")]
    assert s.step.marked == ["kommunepsykolog"]
    assert [(a.fra, a.til) for a in scene.emphasis.arrows] == [("skolehelsetjeneste", "kommunepsykolog")]

    _press(qtbot, mw, Qt.Key_PageDown)
    _press(qtbot, mw, Qt.Key_PageUp)
    _press(qtbot, mw, Qt.Key_End)
    assert panel.title.text() == "Henvisning"
    assert ctl.facilitator.next_title.text().startswith("Siste steg")
    _press(qtbot, mw, Qt.Key_PageDown)  # past the end: the summary
    summary = ctl.summary
    assert summary is not None and summary.isVisible()
    qtbot.addWidget(summary)
    shown = summary.view.toPlainText()
    assert "Mandag morgen" in shown and "Fastlegene i Fjordvik" in shown
    assert "HEMMELIG-FASILITATOR" not in shown
    out = summary.export_markdown(str(tmp_path / "referat.md"))
    md = out.read_text(encoding="utf-8")
    assert "## 1. Mandag morgen" in md and "Funnet ✓:** Fastlegene i Fjordvik" in md
    assert "Lagt til** (ikke feil – et poeng for diskusjonen): BUP Vestkyst" in md
    assert "> Lang ventetid" in md
    assert "Skolehelsetjenesten → Kommunepsykologen" in md
    assert "HEMMELIG-FASILITATOR" not in md
    pdf = summary.export_pdf(str(tmp_path / "referat.pdf"))
    assert pdf.stat().st_size > 1000

    # Everything was saved as it happened: the recent list offers it again.
    assert [r.path for r in store.recent()] == [s.path]
    ctl.end()
    assert mw.stepper is None and ctl.session is None
    assert ctl.resume_path(s.path)
    assert ctl.session.state.steps[0].marked == ["fastlege", "bup"]
    assert ctl.panel.title.text() == "Henvisning"
    ctl.end()


def test_shared_panel_never_shows_facilitator_notes(qtbot):
    mw, ctl = _window(qtbot)
    s = _start(qtbot, mw, ctl)
    for _ in range(s.n_steps):
        s.reveal()
        shared = ctl.panel.all_text()
        assert "HEMMELIG-FASILITATOR" not in shared
        assert s.case_step.tittel in shared
        ctl.next_step()
    s.first_step()
    assert "HEMMELIG-FASILITATOR-1" in ctl.facilitator.notes.toPlainText()
    assert ctl.facilitator.next_title.text() == "Neste steg: Tre uker senere"
    assert ctl.facilitator.isWindow()
    ctl.end()


def test_timer_counts_pauses_and_resets(qtbot):
    mw, ctl = _window(qtbot)
    s = _start(qtbot, mw, ctl)
    timer = ctl.panel.timer
    assert timer.display.text() == "5:00"
    timer.minutes.setValue(2)
    assert s.step.timer_seconds == 120 and ctl.facilitator.timer.display.text() == "2:00"
    timer.start_pause.click()
    assert ctl.clock.running and timer.start_pause.text() == "Pause"
    ctl.clock._tick()  # one second, without waiting for the clock
    assert timer.display.text() == "1:59"
    timer.start_pause.click()
    assert not ctl.clock.running
    assert store.load(s.path).steps[0].elapsed == 1  # pausing saves the time used
    s.add_elapsed(150)
    assert timer.display.text() == "+0:31"
    timer.reset_button.click()
    assert timer.display.text() == "2:00"
    ctl.end()


def test_damaged_session_file_is_reported_not_raised(qtbot, tmp_path):
    mw, ctl = _window(qtbot)
    bad = tmp_path / "okt.json"
    bad.write_text('{"schema": 1, "case_id": "emma-te', encoding="utf-8")
    messages = []
    ctl.warn = messages.append
    assert not ctl.resume_path(bad)
    assert "ufullstendig eller skadet" in messages[0]
    assert list(tmp_path.glob("okt.damaged-*.json"))
    assert ctl.session is None


def test_no_session_no_stepper_and_menu_is_ready(qtbot):
    mw, ctl = _window(qtbot)
    assert mw.stepper is None
    assert not ctl.end_action.isEnabled()
    texts = [a.text() for a in mw.menu("kasus").actions()]
    assert "Start kasus…" in texts and "Fortsett økt…" in texts


def test_notes_typed_in_the_facilitator_window_reach_the_shared_panel(qtbot):
    mw, ctl = _window(qtbot)
    s = _start(qtbot, mw, ctl)
    ctl.facilitator.team_notes.editors["muligheter"].setPlainText("Felles møte")
    assert ctl.panel.notes.editors["muligheter"].toPlainText() == "Felles møte"
    assert store.load(s.path).steps[0].notes["muligheter"] == "Felles møte"
    ctl.next_step()
    assert ctl.panel.notes.editors["muligheter"].toPlainText() == ""
    ctl.previous_step()
    assert ctl.facilitator.team_notes.editors["muligheter"].toPlainText() == "Felles møte"
    ctl.end()


def test_dialog_defaults_to_current_map_and_notes_gaps_per_map(qtbot):
    from sammenkart.model import Service
    m, case = fjordvik(), emma()
    havby = fjordvik()
    havby.id, havby.navn = "havby", "Havby"
    havby.tjenester.append(Service("ppt", "PPT Havby", 1, "kommune"))
    mw = FakeMainWindow(Workspace(maps={m.id: m, havby.id: havby}, cases={case.id: case}), havby)
    switched = []
    mw.select_map = switched.append
    qtbot.addWidget(mw)
    ctl = kasus_ui.install(mw)
    dlg = ctl.choose_and_start()
    assert dlg.maps.currentData() == "havby"
    assert not dlg.gap_note.isVisibleTo(dlg)
    dlg.select("emma-test", "fjordvik")
    assert "Fjordvik har ingen PPT i kartet" in dlg.gap_note.text()
    dlg.accept()
    assert ctl.session.map.id == "fjordvik"
    assert switched == ["fjordvik"]
    ctl.end()


def test_recent_sessions_menu_resumes_where_the_team_left(qtbot):
    mw, ctl = _window(qtbot)
    s = _start(qtbot, mw, ctl)
    s.toggle_mark("bup")
    ctl.next_step()
    ctl.end()
    ctl._fill_recent()  # what the menu does as it opens
    actions = ctl.recent_menu.actions()
    assert len(actions) == 1 and "Emma (14) holder seg hjemme" in actions[0].text()
    assert "steg 2/3" in actions[0].text()
    actions[0].trigger()
    assert ctl.session.index == 1 and ctl.panel.title.text() == "Tre uker senere"
    assert ctl.session.state.steps[0].marked == ["bup"]
    ctl.end()


def test_caption_for_presentation_mode_is_the_step_and_its_questions(qtbot):
    mw, ctl = _window(qtbot)
    s = _start(qtbot, mw, ctl)
    s.case.steg[0].tittel = "Mandag <morgen>"
    text = ctl.caption_text()
    assert "1/3 · Mandag &lt;morgen&gt;" in text and "Hva kan de gjøre?" in text
    assert "HEMMELIG" not in text
    ctl.end()
    assert ctl.caption_text() == ""


def test_facilitator_window_waits_for_the_menu_on_a_single_screen(qtbot):
    mw, ctl = _window(qtbot)
    _start(qtbot, mw, ctl)
    assert len(QApplication.screens()) == 1
    assert not ctl.facilitator.isVisible()  # one screen may be the projector
    asked = []
    ctl.confirm = lambda title, question: asked.append(question) or False
    ctl.facilitator_action.trigger()
    assert not ctl.facilitator.isVisible()  # "no": the answers stay off the shared screen
    assert asked and "fasiten" in asked[0] and "ser dem" in asked[0]
    ctl.confirm = lambda title, question: asked.append(question) or True
    ctl.facilitator_action.trigger()
    assert ctl.facilitator.isVisible() and ctl.facilitator.isWindow()
    assert ctl.facilitator.parent() is mw  # goes away with the map window, never left behind
    ctl.end()


def test_the_case_list_offers_the_maps_malform_first_and_marks_the_others(qtbot):
    # Kasus say their målform (malform: nn); the bokmål Eksempelkommune lists its
    # bokmål cases, and Aksel and Eirik (nynorsk) only under a heading that says so.
    from sammenkart.loader import load_bundled
    from sammenkart.qt.kasus_dialog import KasusDialog

    ws = load_bundled()
    dlg = KasusDialog(ws, ws.maps["eksempelkommune"])
    qtbot.addWidget(dlg)

    def rows():
        return [(dlg.cases.item(i).data(Qt.UserRole), dlg.cases.item(i).text().split("\n")[:2])
                for i in range(dlg.cases.count())]

    listed = rows()
    head = next(i for i, (cid, _t) in enumerate(listed) if cid is None)
    assert {cid for cid, _t in listed[:head]} == {c.id for c in ws.cases.values() if c.malform == "nb"}
    assert listed[head][1] == ["Andre kasus, skrevet for kart på nynorsk:"]
    assert [cid for cid, _t in listed[head + 1:]] == ["aksel-9", "eirik-3"]
    assert all(t[1].startswith("på nynorsk · ") for _c, t in listed[head + 1:])
    assert not dlg.cases.item(head).flags() & Qt.ItemIsSelectable
    assert dlg.selected()[0].malform == "nb"  # the first of the map's own cases is chosen
    # another map: its own målform first; a chosen case stays chosen
    dlg.select("emma-14", "fjordvik")
    listed = rows()
    assert [cid for cid, _t in listed[:2]] == ["aksel-9", "eirik-3"] and listed[2][0] is None
    assert "på bokmål · 14 år" in dict(listed)["emma-14"][1]
    assert dlg.selected()[0].id == "emma-14" and dlg.selected()[1].id == "fjordvik"
