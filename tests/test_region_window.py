"""A region in the window: the regional view by default, Vis → Kommune, every service,
and the pathway overlay following what is shown (the bundled Brattfjord region)."""
import pytest
from PySide6.QtCore import QSettings, Qt

from editing_helpers import active_window
from sammenkart import paths, regional
from sammenkart.graph import resolve_steps
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow

KOMMUNER = ["Sjøvik", "Lyngnes", "Fjellstad", "Straumøy", "Dalsbygd"]


@pytest.fixture(scope="module")
def ws():
    return load_workspace(paths.region_dir())


@pytest.fixture
def window(qtbot, tmp_path, ws):
    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    return w


def _menu_views(w):
    """The entries of Vis → Kommune as the user sees them: (text, checked, enabled)."""
    w.region_ui._fill_menu()
    return [(a.text(), a.isChecked(), a.isEnabled()) for a in w.region_ui.menu.actions() if not a.isSeparator()]


def test_a_region_opens_in_the_regional_view_one_card_per_role(window, ws):
    region = ws.maps["brattfjord"]
    shown = window.current_map()
    assert window.chosen_map() is region
    assert isinstance(shown, regional.GroupedMap) and shown.region is region
    view = regional.regional_view(region)
    assert set(window.scene.cards) == {c.id for c in view.cards}
    assert len(window.scene.cards) < len(region.tjenester) / 2
    lines = " ".join(window.scene.cards["helsestasjon"].item.lines)
    assert "i alle kommunane" in lines
    assert "i 4 av 5" in " ".join(window.scene.cards["kommunepsykolog"].item.lines)
    # shared specialist services once, with their own names
    assert [sid for sid in window.scene.cards if region.service(sid) is not None and region.service(sid).role == "bup"] \
        == ["bup"]
    assert window.scene.cards["bup"].item.lines == tuple(window.current_layout().cards["bup"].lines)


def test_where_a_role_is_missing_shows_on_hover_and_in_the_details(window, qtbot):
    tip = window.scene.cards["kommunepsykolog"].toolTip()
    assert "Manglar i Dalsbygd" in tip and "Sjøvik" in tip
    window.scene.service_clicked.emit("fastlege")
    text = window.details.browser.toPlainText()
    assert "Finst i Sjøvik, Lyngnes, Fjellstad, Straumøy og Dalsbygd." in text
    assert "Sjøvik: Torget legesenter, Nordbyen legekontor" in text  # two offices, one municipality
    assert "Dalsbygd: Dalsbygd legekontor" in text


def test_vis_kommune_lists_the_views_and_shows_one_municipalitys_own_map(window, ws):
    entries = _menu_views(window)
    assert [t for t, _c, _e in entries][2:] == KOMMUNER
    assert [c for _t, c, _e in entries] == [True] + [False] * (len(entries) - 1)
    lyngnes = next(a for a in window.region_ui.menu.actions() if a.data() == "Lyngnes")
    lyngnes.trigger()
    shown = window.current_map()
    assert isinstance(shown, regional.MunicipalityMap) and shown.kommune == "Lyngnes"
    region = ws.maps["brattfjord"]
    assert {region.service(sid).kommune for sid in window.scene.cards} == {"Lyngnes", None}
    assert window.chosen_map() is region  # the region stays the state
    assert [c for t, c, _e in _menu_views(window) if t == "Lyngnes"] == [True]


def test_the_pathway_overlay_follows_the_filter_and_keeps_its_step(window, ws):
    region = ws.maps["brattfjord"]
    assert window.select_pathway("angst")
    window.set_step(4)  # fastlege → BUP
    assert window.scene.current_ids() == {"fastlege", "bup"}  # the grouped cards
    window.region_ui.set_view("Dalsbygd")
    assert window.current_pathway().id == "angst" and window.step == 4
    current = window.scene.current_ids()
    assert current == {"dalsbygd-legekontor", "bup"}
    for mark in window.scene.arrow_items():
        for sid in (mark.fra, mark.til):
            assert region.service(sid).kommune in ("Dalsbygd", None)
    # Dalsbygd has no kommunepsykolog: a step naming it is not drawn there
    m = window.current_map()
    assert not any(rs.resolved for rs in resolve_steps(m, window.current_pathway()) if rs.step.til == "kommunepsykolog")


def test_every_service_stays_available(window, ws):
    window.region_ui.set_view(regional.ALL)
    assert window.current_map() is ws.maps["brattfjord"]
    assert len(window.scene.cards) == len(ws.maps["brattfjord"].tjenester)
    window.region_ui.set_view(regional.REGIONAL)
    assert isinstance(window.current_map(), regional.GroupedMap)


def test_the_window_remembers_the_region_not_a_view_of_it(window, tmp_path):
    window.region_ui.set_view("Sjøvik")
    window.close()
    s = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert s.value("map") == "brattfjord"


def test_a_municipal_map_has_no_views(qtbot, tmp_path):
    make_app()
    w = MainWindow(load_bundled(), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.select_map("fjordvik")
    assert w.current_map() is w.chosen_map()
    assert [(t, e) for t, _c, e in _menu_views(w)] == [("Bare for regionkart", False)]


def test_a_case_runs_on_the_region_as_written(window, ws):
    from sammenkart.session.controller import Session

    case = load_bundled().cases["emma-14"]
    region = ws.maps["brattfjord"]
    window.kasus.start(Session(case, region))
    try:
        assert window.current_map() is region  # the case's services are the file's, every one shown
        assert window.scene.highlighted_ids()  # the case's emphasis reaches the map
        assert all(not e for _t, _c, e in _menu_views(window))  # no switching while it runs
    finally:
        window.kasus.end()


def test_traffic_lights_on_a_view_of_the_region_write_the_region_file(qtbot, tmp_path):
    """A municipality's card is the region's own service: its status goes into the
    region file; a regional card standing for several services takes none."""
    import shutil

    from PySide6.QtWidgets import QApplication

    work = tmp_path / "region"
    shutil.copytree(paths.region_dir(), work)
    w = active_window(qtbot, tmp_path, load_workspace(work))
    lights = w.revision.lights
    lights.mode_action.trigger()
    w.scene.service_clicked.emit("helsestasjon")  # "Helsestasjon – i alle kommunane"
    assert lights.target is None
    w.scene.service_clicked.emit("bup")  # shared: the region's own card
    assert lights.target == ("service", "brattfjord", "bup")
    w.region_ui.set_view("Lyngnes")
    w.scene.service_clicked.emit("lyngnes-legekontor")
    assert lights.target == ("service", "brattfjord", "lyngnes-legekontor")
    w.map_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_Y)
    s = load_workspace(work).maps["brattfjord"].service("lyngnes-legekontor")
    assert s.revisjon is not None and s.revisjon.status == "gul"
    assert isinstance(w.current_map(), regional.MunicipalityMap)  # the view stays after the edit
    assert w.current_map().kommune == "Lyngnes"


def test_names_break_at_sensible_places_on_the_regional_map(qtbot, tmp_path, ws):
    """At 1024×768 the voluntary services' card read "Støttetilb-" / "od frå …"."""
    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    card = next(c for c in w.scene.cards.values() if "".join(c.item.lines).startswith("Støtte"))
    lines = card.item.lines
    assert lines[:2] == ("Støtte-", "tilbod frå") or lines[0].startswith("Støttetilbod"), lines
    assert not any(line.endswith("tilb-") for line in lines)


def test_edit_mode_on_the_regional_view_shows_the_services_as_written(qtbot, tmp_path):
    """The regional view's cards are roles gathered from many services; editing
    is of the services themselves, so edit mode shows the region as written."""
    import shutil

    work = tmp_path / "region"
    shutil.copytree(paths.region_dir(), work)
    make_app()
    w = MainWindow(load_workspace(work), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    assert isinstance(w.current_map(), regional.GroupedMap)  # opens in the regional view
    assert w.edit.set_edit_mode(True)
    assert w.current_map() is w.chosen_map()
    w.edit.choose_service("lyngnes-legekontor")
    assert w.edit.form.service_id == "lyngnes-legekontor"
    assert w.edit.form.navn.text() == w.chosen_map().service("lyngnes-legekontor").navn
    assert "lyngnes-legekontor" in w.scene.cards
