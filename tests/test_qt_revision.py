"""The local revision in the app (issue 9), in a real window at 1024×768:
the revision view and its filter, G/Y/R through the editor with undo, the
locally adapted headings, a flag from a case, the overdue banner, the report."""
import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window, bundled_copy
from sammenkart import paths, style
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.qt import colouring_menu
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow
from sammenkart.qt.role_text import role_url
from sammenkart.session.controller import Session


@pytest.fixture
def folder(tmp_path):
    """A private copy of the example data (edits write into it)."""
    return bundled_copy(tmp_path)


def _window(qtbot, tmp_path, ws, map_id="fjordvik"):
    w = active_window(qtbot, tmp_path, ws, (1024, 768))
    assert w.select_map(map_id)
    w.map_view.setFocus()
    return w


@pytest.fixture
def window(qtbot, tmp_path, folder):
    return _window(qtbot, tmp_path, load_workspace(folder))


def _statuses(m):
    return {s.id: (s.revisjon.status if s.revisjon else None) for s in m.tjenester}


def _click_card(qtbot, w, sid):
    card = w.scene.cards[sid]
    pos = w.map_view.mapFromScene(card.sceneBoundingRect().center())
    qtbot.mouseClick(w.map_view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)


def _key(qtbot, w, key, modifier=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or w, key, modifier)


# -- the revision view ------------------------------------------------------------------
def test_the_revision_view_colours_the_cards_by_status_with_a_legend(window):
    w = window
    status = _statuses(w.current_map())
    level_fills = {sid: c.item.fill for sid, c in w.scene.cards.items()}
    assert not w.revision.filter_action.isEnabled()
    w.revision.view_action.trigger()  # Vis → Farge etter → Revisjon
    assert colouring_menu.current(w) == "revisjon"
    assert {sid: c.item.fill for sid, c in w.scene.cards.items()} == {
        sid: style.revision_fill(st) for sid, st in status.items()}
    signs = {b.owner: b.text for b in w.scene.display.marks if b.kind == "status"}
    assert signs["legevakta"] == "✗" and signs["ppt-fjordvik"] == "!" and "idrettslaget" not in signs
    head, rows = w.legend.columns[0]
    assert head == "Revisjon"
    assert [e.label for e in rows][0].startswith("✗ Rød (") and rows[-1].label.startswith("Ikke vurdert (")
    assert [e.fill for e in rows] == [style.revision_fill(s) for s in ("rod", "gul", "gronn", None)]
    # kept while a pathway is stepped; high contrast takes that palette's fills
    w.select_pathway("angst")
    w.set_step(2)
    assert w.scene.cards["legevakta"].item.fill == style.revision_fill("rod")
    w.contrast_action.trigger()
    assert w.scene.cards["legevakta"].item.fill == style.revision_fill("rod", "hoykontrast")
    w.contrast_action.trigger()
    # one colouring at a time: "Nivå" is the other choice of the same group
    levels = colouring_menu.of(w).actions[colouring_menu.LEVEL]
    levels.trigger()
    assert not w.revision.view_action.isChecked() and colouring_menu.current(w) == "niva"
    w.select_pathway(None)
    assert {sid: c.item.fill for sid, c in w.scene.cards.items()} == level_fills
    assert w.legend.columns[0][0] == "Nivåer"
    assert not [b for b in w.scene.display.marks if b.kind == "status"]


def test_the_filter_dims_everything_but_yellow_and_red(window):
    w = window
    status = _statuses(w.current_map())
    w.revision.show_view(True)
    assert w.revision.filter_action.isEnabled()
    w.revision.filter_action.trigger()  # Vis → Bare gule og røde
    states = {sid: c.item.state for sid, c in w.scene.cards.items()}
    assert {sid for sid, s in states.items() if s != "dim"} == {sid for sid, st in status.items() if st in ("gul", "rod")}
    assert w.legend.columns[0][0] == "Revisjon: bare gule og røde"
    w.revision.filter_action.trigger()
    assert all(c.item.state == "normal" for c in w.scene.cards.values())
    w.revision.filter_action.trigger()
    w.revision.show_view(False)  # the filter belongs to the revision view
    assert not w.revision.filter_action.isEnabled()
    assert all(c.item.state == "normal" for c in w.scene.cards.values())


# -- traffic lights -----------------------------------------------------------------------
def test_g_y_r_set_a_status_through_the_editor_with_a_note_and_undo(qtbot, window, folder):
    w = window
    path = folder / "kart" / "fjordvik.yaml"
    original = path.read_text(encoding="utf-8")
    lights = w.revision.lights
    _click_card(qtbot, w, "kommunepsykologen")
    _key(qtbot, w, Qt.Key_Y)  # not in the traffic-light mode: nothing happens
    assert path.read_text(encoding="utf-8") == original
    assert not lights.bar.isVisible()

    lights.mode_action.trigger()  # Rediger → Trafikklys
    assert lights.bar.isVisible() and w.revision.view_on  # the mode shows the statuses
    _click_card(qtbot, w, "kommunepsykologen")
    assert lights.target == ("service", "fjordvik", "kommunepsykologen")
    _key(qtbot, w, Qt.Key_Y)
    s = load_workspace(folder).maps["fjordvik"].service("kommunepsykologen")
    assert (s.revisjon.status, s.revisjon.dato) == ("gul", dt.date.today())  # in the file at once
    assert w.scene.cards["kommunepsykologen"].item.fill == style.revision_fill("gul")
    assert "Kommunepsykologen" in lights.bar.title.text() and "gul" in lights.bar.title.text()

    # the optional note: the field has the keys now, so letters type
    assert QApplication.focusWidget() is lights.bar.note
    qtbot.keyClicks(lights.bar.note, "Ny psykolog frå januar")
    assert load_workspace(folder).maps["fjordvik"].service("kommunepsykologen").revisjon.status == "gul"
    qtbot.keyClick(lights.bar.note, Qt.Key_Return)
    s = load_workspace(folder).maps["fjordvik"].service("kommunepsykologen")
    assert s.revisjon.merknad == "Ny psykolog frå januar"
    assert QApplication.focusWidget() is w.map_view  # Enter gives the keys back

    _key(qtbot, w, Qt.Key_R)
    assert load_workspace(folder).maps["fjordvik"].service("kommunepsykologen").revisjon.status == "rod"
    w.map_view.setFocus()
    for _ in range(3):  # red, the note, yellow: three steps back
        _key(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert path.read_text(encoding="utf-8") == original  # byte for byte
    assert w.scene.cards["kommunepsykologen"].item.fill == style.revision_fill(None)
    _key(qtbot, w, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # redo
    assert load_workspace(folder).maps["fjordvik"].service("kommunepsykologen").revisjon.status == "gul"


def test_g_in_a_text_field_types_a_g(qtbot, window, folder):
    w = window
    original = (folder / "kart" / "fjordvik.yaml").read_text(encoding="utf-8")
    w.revision.lights.mode_action.trigger()
    _click_card(qtbot, w, "kommunepsykologen")
    w.search.focus()
    field = QApplication.focusWidget()
    qtbot.keyClicks(field, "g")
    assert field.text() == "g"
    assert (folder / "kart" / "fjordvik.yaml").read_text(encoding="utf-8") == original


def test_a_role_heading_is_chosen_in_the_pathway_panel_and_given_a_status(qtbot, window, folder):
    w = window
    w.revision.lights.mode_action.trigger()
    w.select_pathway("angst")
    w.set_step(1)
    panel = w.pathway_panel
    assert role_url("skolehelsetjeneste") in panel.info.toHtml()  # the role's heading is a link now
    panel.info.anchorClicked.emit(QUrl(role_url("skolehelsetjeneste")))
    assert w.revision.lights.target == ("role", "angst.nn", "skolehelsetjeneste")
    assert "▶" in panel.info.toPlainText()
    _key(qtbot, w, Qt.Key_R)
    p = load_workspace(folder).pathway("angst", "nn")
    assert p.roller["skolehelsetjeneste"].revisjon.status == "rod"
    assert p.roller["skolehelsetjeneste"].revisjon.merknad is None  # the file had no note; none was given
    assert "rød" in panel.info.toPlainText()


def test_the_example_data_is_not_edited(qtbot, tmp_path):
    w = _window(qtbot, tmp_path, load_bundled())
    before = (paths.kart_dir() / "fjordvik.yaml").read_bytes()
    w.revision.lights.mode_action.trigger()
    _click_card(qtbot, w, "kommunepsykologen")
    _key(qtbot, w, Qt.Key_G)
    assert "eksempeldataene" in w.revision.lights.message
    assert (paths.kart_dir() / "fjordvik.yaml").read_bytes() == before


# -- local adaptations --------------------------------------------------------------------
def test_adapted_headings_are_marked_and_show_the_shared_wording_beside_them(window):
    w = window
    w.select_pathway("angst")
    w.set_step(1)  # Skulehelsetenesta → psykisk helseteneste: both adapted one heading
    panel = w.pathway_panel
    w.show_panel(panel)  # the drawer at 1024 px
    p = w.current_pathway()
    text = panel.info.toPlainText()
    assert text.count("lokalt tilpassa") == 2  # the nynorsk map's own word
    assert panel.shared_button.isVisible()
    shared = p.roller["skolehelsetjeneste"].shared_text("tiltak")
    assert "Felles tekst" not in text and " ".join(shared.split()[:8]) not in " ".join(text.split())
    panel.shared_button.click()
    text = panel.info.toPlainText()
    assert "Felles tekst" in text and "Lokal tekst" in text
    assert " ".join(shared.split()[:8]) in " ".join(text.split())
    assert " ".join(p.roller["skolehelsetjeneste"].tiltak.split()[:8]) in " ".join(text.split())
    # the whole pathway lists every adapted heading
    w.set_step(None)
    text = panel.info.toPlainText()
    assert "Lokalt tilpasset i dette forløpet" in text
    assert text.count("lokalt tilpassa") >= 3
    # a map with no adaptation: no mark, no button
    w.select_map("eksempelkommune")
    w.select_pathway("angst")
    w.set_step(1)
    w.show_panel(panel)
    assert "lokalt tilpass" not in panel.info.toPlainText() and not panel.shared_button.isVisible()


# -- a flag from a case -------------------------------------------------------------------
def test_a_flag_from_a_case_ends_in_the_file_and_the_summary(qtbot, tmp_path, folder):
    (folder / "kart" / "uferdig.yaml").write_text("sammenkart: 1\nid: uferdig\n", encoding="utf-8")  # an error
    w = _window(qtbot, tmp_path, load_workspace(folder))
    assert w.workspace.errors
    w.kasus.confirm = lambda *a: False  # one screen: no facilitator window
    assert not w.revision.flag_action.isEnabled() or w.revision._session() is None
    w.kasus.start(Session(w.workspace.cases["aksel-9"], w.current_map()))
    w.revision._update_flag_action()
    assert w.revision.flag_action.isEnabled()
    assert [a.text() for a in w.revision.context_menu("ppt-fjordvik").actions()] == ["Dette stemmer ikke hos oss…"]
    w.revision.flag_action.trigger()  # Kasus → Dette stemmer ikke hos oss…
    dlg = w.revision.flag_dialog
    dlg.service.setCurrentIndex(dlg.service.findData("ppt-fjordvik"))
    dlg.role.click()
    assert dlg.role.isChecked() and dlg.heading.count() > 1
    qtbot.keyClicks(dlg.note, "PPT har eigen kontaktperson for skulane no")
    dlg.accept()
    path = folder / "kart" / "forlop" / "oppmerksomhet-uro.nn.yaml"
    role = load_workspace(folder).pathway("oppmerksomhet-uro", "nn").roller["ppt"]
    assert role.revisjon.status == "gul"
    assert "PPT har eigen kontaktperson for skulane no" in role.revisjon.merknad
    assert "Frå kasus «Aksel (9)" in role.revisjon.merknad  # the note in the file's målform
    # a card, from its context menu
    w.revision.context_menu("legekontoret").actions()[0].trigger()
    dlg = w.revision.flag_dialog
    assert dlg.service.currentData() == "legekontoret" and dlg.card.isChecked()
    dlg.note.setText("Ny telefontid")
    dlg.accept()
    assert load_workspace(folder).maps["fjordvik"].service("legekontoret").revisjon.status == "gul"
    assert w.room.side.currentWidget() is w.kasus.panel  # the edits did not take the table to "Problemer"
    summary = w.kasus.show_summary()
    text = summary.view.toPlainText()
    assert "PPT har eigen kontaktperson for skulane no" in text and "Ny telefontid" in text
    assert "Fjordvik legekontor" in text
    summary.close()
    # undo takes the card's flag out of the file; the session keeps it, not applied
    w.map_view.setFocus()
    before_flag = path.read_text(encoding="utf-8")
    _key(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert load_workspace(folder).maps["fjordvik"].service("legekontoret").revisjon is None
    assert path.read_text(encoding="utf-8") == before_flag
    assert [f.applied for f in w.kasus.session.state.flags] == [True, False]
    w.kasus.end()


# -- the banner ------------------------------------------------------------------------------
def test_a_quiet_banner_when_the_revision_is_overdue_not_in_presentation(qtbot, window):
    w = window
    banner = w.revision.banner
    banner.today = lambda: dt.date(2026, 12, 1)  # Fjordvik: neste_revisjon 2026-11-01; eksempelkommune: 2027-03-01
    w.select_map("eksempelkommune")
    assert not banner.isVisible()
    w.select_map("fjordvik")
    assert banner.isVisible() and "1. november 2026" in banner.text()
    assert w.map_view.viewportMargins().top() >= banner.height()  # the map sits below it, not under it
    w.revision.lights.mode_action.trigger()  # the traffic lights' bar is not for the room either
    assert w.revision.lights.bar.isVisible()
    w.presentation.enter()
    assert not banner.isVisible() and not w.revision.lights.bar.isVisible()
    assert w.map_view.viewportMargins().top() == 0 and w.map_view.viewportMargins().bottom() == 0
    w.presentation.leave()
    assert banner.isVisible() and w.revision.lights.bar.isVisible()
    w.revision.lights.mode_action.trigger()
    assert not w.revision.lights.bar.isVisible() and w.map_view.viewportMargins().bottom() == 0
    strip = w.map_view.viewportMargins().top()
    banner.close_button.click()
    # only the drawer handle's strip is left above the map
    assert not banner.isVisible() and w.map_view.viewportMargins().top() == w.room.top_strip <= strip
    assert w.room.top_strip == w.room.handle.geometry().bottom() + 5
    banner.today = lambda: dt.date(2026, 10, 1)
    banner.closed_for.clear()
    banner.place()
    assert not banner.isVisible()


# -- the report ----------------------------------------------------------------------------
def test_the_report_action_previews_and_writes_the_report(qtbot, window, tmp_path):
    w = window
    w.revision.report_action.trigger()  # Fil → Revisjonsrapport…
    dlg = w.revision.report_dialog
    assert dlg.isVisible()
    preview = dlg.view.toPlainText()
    assert "Revisjonsrapport – Fjordvik" in preview and "Tenestekort" in preview  # the map's målform
    dlg.ask_path = lambda suffix: str(tmp_path / f"rapport{suffix}")
    dlg.pdf_button.click()
    pdf = tmp_path / "rapport.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in dlg.message.text()
    out = dlg.save(tmp_path / "rapport", suffix=".md")
    assert out == tmp_path / "rapport.md"
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Revisjonsrapport – Fjordvik") and "Legevakta i Fjordvik og Nesøy" in md
    dlg.close()


def _on_top(w, widget) -> bool:
    """Every point of ``widget`` shows ``widget`` (nothing drawn over any of it)."""
    r = widget.rect()
    for x in range(r.left() + 1, r.right(), 6):
        for y in range(r.top() + 1, r.bottom(), 4):
            hit = w.childAt(widget.mapTo(w, r.topLeft().__class__(x, y)))
            if hit is not widget and not widget.isAncestorOf(hit):
                return False
    return True


@pytest.mark.parametrize("width, notice", [(1024, False), (1024, True), (760, True)])
def test_the_banner_covers_no_control_and_no_card(qtbot, tmp_path, folder, width, notice):
    """At 1024×768 the side panel folds into a drawer behind "☰ Paneler"; the
    overdue banner stands beside it or, where the row is too short, below it."""
    if notice:  # one error in a file: the problems notice joins the top row
        path = folder / "kart" / "fjordvik.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("sektor: kommune", "sektor: kommunen", 1),
                        encoding="utf-8")
    make_app()
    w = MainWindow(load_workspace(folder), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.revision.banner.today = lambda: dt.date(2026, 12, 1)
    w.setGeometry(0, 0, width, 768)  # as the app starts: the size first, then show
    w.select_map("fjordvik")
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    room, banner = w.room, w.revision.banner
    assert room.mode() == "closed" and banner.isVisible()
    controls = [room.handle] + ([room.notice] if notice else [])
    for c in controls:
        assert c.isVisible() and _on_top(w, c), c.text()
        assert not c.geometry().intersects(banner.geometry()), (c.text(), c.geometry(), banner.geometry())
    assert _on_top(w, banner)
    # the map starts below the banner and the chips: no card under them
    top = w.map_view.viewportMargins().top()
    assert all(top > c.geometry().bottom() for c in [banner, *controls])
    view = w.map_view
    for card in w.scene.cards.values():
        assert view.mapFromScene(card.sceneBoundingRect().topLeft()).y() >= 0
    room.handle.click()
    assert room.mode() == "drawer"


def test_the_report_in_the_app_shows_places_relative_to_the_opened_folder_as_the_cli(qtbot, window, folder, capsys,
                                                                                   monkeypatch):
    """Tester 3 item 12: the app showed "/work/main/kart/forlop/angst.nn.yaml:35:5"."""
    from sammenkart.cli import main

    window.revision.report_action.trigger()
    dlg = window.revision.report_dialog
    preview = dlg.view.toPlainText()
    dlg.close()
    assert "kart/fjordvik.yaml:" in preview and "kart/forlop/angst.nn.yaml" in preview
    assert str(folder) not in preview
    monkeypatch.chdir(folder)
    assert main(["revisjon", ".", "--kart", "fjordvik"]) == 0
    cli = capsys.readouterr().out
    places = {w for w in cli.split() if ".yaml:" in w}
    assert places and all(p in preview for p in places)
