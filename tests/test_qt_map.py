"""The map window as a facilitator uses it: pathways, stepping, search, presentation."""
import pytest
from PySide6.QtCore import QSettings, Qt

from sammenkart.graph import pathway_services, resolve_steps
from sammenkart.layout.metrics import overlapping_cards
from sammenkart.loader import load_bundled
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path):
    make_app()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(load_bundled(), settings)
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1600, 1000)  # wide enough for the side column beside the map
    w.show()
    qtbot.waitExposed(w)
    w.select_map("eksempelkommune")
    return w


def _choose(w, pathway_id):
    assert w.select_pathway(pathway_id)
    return w.current_pathway()


def test_every_pathway_highlights_exactly_its_services_and_draws_its_steps(window):
    m = window.current_map()
    offered = window.workspace.pathways_for(m)
    assert len(offered) >= 7
    for p in offered:
        _choose(window, p.id)
        expected = pathway_services(m, p)
        assert window.scene.highlighted_ids() == expected, p.id
        dimmed = {sid for sid, item in window.scene.cards.items() if item.state == "dim"}
        assert dimmed == set(m.tjenester and {s.id for s in m.tjenester}) - expected
        numbers = [item.number for item in window.scene.arrow_items()]
        resolved = [rs.index + 1 for rs in resolve_steps(m, p) if rs.resolved]
        assert sorted(set(numbers)) == resolved, p.id
        assert numbers == sorted(numbers)


def test_ingen_forlop_restores_the_plain_map(window):
    _choose(window, "angst")
    assert window.scene.arrow_items()
    window.select_pathway(None)
    assert window.scene.arrow_items() == []
    assert {item.state for item in window.scene.cards.values()} == {"normal"}


def test_clicker_keys_step_through_the_flow(window, qtbot):
    p = _choose(window, "angst")
    m = window.current_map()
    steps = resolve_steps(m, p)
    window.map_view.setFocus()
    qtbot.keyClick(window.map_view, Qt.Key_PageDown)
    assert window.step == 0
    first = steps[0]
    assert window.scene.current_ids() == set(first.fra) | set(first.til)
    current = [it for it in window.scene.arrow_items() if it.current]
    assert current and all(it.number == 1 for it in current)
    qtbot.keyClick(window.map_view, Qt.Key_Right)
    qtbot.keyClick(window.map_view, Qt.Key_Space)
    assert window.step == 2
    qtbot.keyClick(window.map_view, Qt.Key_PageUp)
    qtbot.keyClick(window.map_view, Qt.Key_Left)
    assert window.step == 0
    qtbot.keyClick(window.map_view, Qt.Key_End)
    assert window.step == len(p.flyt) - 1
    later = [it for it in window.scene.arrow_items() if it.number < len(p.flyt)]
    assert all(it.opacity() == 1.0 for it in later)
    qtbot.keyClick(window.map_view, Qt.Key_Home)
    assert window.step == 0
    faded = [it for it in window.scene.arrow_items() if it.number > 1]
    assert faded and all(it.opacity() < 0.5 for it in faded)
    # the step's condition is shown large in the pathway panel
    assert steps[0].step.nar in window.pathway_panel.condition.text()


def test_search_finds_ppt_and_centres_it(window, qtbot):
    window.search.focus()
    qtbot.keyClicks(window.search.edit, "ppt")
    items = [window.search.results.item(i).text() for i in range(window.search.results.count())]
    assert any("PPT" in t for t in items), items
    window.map_view.zoom_by(4.0)
    qtbot.keyClick(window.search.edit, Qt.Key_Return)
    sid = window.search.results.item(0).data(Qt.UserRole)
    card = window.scene.cards[sid]
    centre = window.map_view.mapFromScene(card.sceneBoundingRect().center())
    vp = window.map_view.viewport().rect()
    assert abs(centre.x() - vp.center().x()) < 40 and abs(centre.y() - vp.center().y()) < 40
    assert "Pedagogisk" in window.details.browser.toPlainText()


def test_presentation_mode_hides_panels_and_esc_restores(window, qtbot):
    assert window.room.side.isVisible() and window.room.mode() == "column"
    window.present_action.trigger()
    assert window.presentation.active
    assert not window.room.side.isVisible() and not window.menuBar().isVisible()
    _choose(window, "angst")
    window.next_step()
    assert window.presentation.caption.isVisible()
    assert "Steg 1" in window.presentation.caption.text()
    qtbot.keyClick(window.map_view, Qt.Key_B)
    assert window.presentation.black.isVisible()
    qtbot.keyClick(window.map_view, Qt.Key_Period)
    assert not window.presentation.black.isVisible()
    qtbot.keyClick(window.map_view, Qt.Key_Escape)
    assert not window.presentation.active
    assert window.room.side.isVisible() and window.menuBar().isVisible()


def test_high_contrast_changes_the_palette(window):
    before = window.scene.cards["bup"].fill.name() if "bup" in window.scene.cards else None
    window.contrast_action.trigger()
    assert window.scene.variant == "hoykontrast"
    sid = next(iter(window.scene.cards))
    assert window.scene.backgroundBrush().color().name() == "#000000"
    window.contrast_action.trigger()
    assert window.scene.variant == "normal"
    if before:
        assert window.scene.cards["bup"].fill.name() == before
    assert sid


def test_details_show_roles_for_pathways_the_service_is_in(window):
    m = window.current_map()
    p = window.workspace.pathways["angst"]
    sid = sorted(pathway_services(m, p))[0]
    s = m.service(sid)
    role = next(r for ref, r in p.roller.items() if s.matches(ref))
    window.scene.service_clicked.emit(sid)
    text = window.details.browser.toPlainText()
    assert s.navn in text
    assert "Angst" in text
    first_text = role.items()[0][1].split()[0]
    assert first_text in text


def test_user_text_is_shown_literally_not_as_markup(window):
    m = window.current_map()
    s = m.tjenester[0]
    original = s.navn
    try:
        s.navn = "Barn & unge <13>"
        window.details.show_service(m, s, [])
        assert "Barn & unge <13>" in window.details.browser.toPlainText()
    finally:
        s.navn = original


@pytest.mark.parametrize("map_id", ["eksempelkommune", "fjordvik"])
def test_no_cards_overlap_in_the_scene(window, map_id):
    assert window.select_map(map_id)
    assert overlapping_cards(window.current_layout()) == []
    items = list(window.scene.cards.values())
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            assert not a.path.intersects(b.path), (a.service_id, b.service_id)


def test_settings_remember_map_and_pathway(qtbot, tmp_path):
    make_app()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    w = MainWindow(load_bundled(), settings)
    qtbot.addWidget(w)
    w.select_map("fjordvik")
    offered = w.workspace.pathways_for(w.current_map())
    w.select_pathway(offered[0].id)
    w.close()
    w2 = MainWindow(load_bundled(), settings)
    qtbot.addWidget(w2)
    assert w2.current_map().id == "fjordvik"
    assert w2.current_pathway().id == offered[0].id


def test_synthetic_region_scene_has_no_overlapping_cards(qtbot):
    """~2,500 services: every card's outline is clear of every other card."""
    import sys
    from pathlib import Path

    from sammenkart.layout.engine import layout_map
    from sammenkart.qt.items import CardItem
    from sammenkart.qt.map_scene import MapScene

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from gen_region import generate_region

    make_app()
    m = generate_region()
    layout = layout_map(m)
    scene = MapScene()
    scene.setItemIndexMethod(scene.ItemIndexMethod.BspTreeIndex)  # fast neighbour queries for the check
    scene.set_content(m, layout)
    assert len(scene.cards) == len(m.tjenester) > 2000
    for item in scene.cards.values():
        # The scene's spatial index finds the neighbours; compare real outlines.
        for other in scene.items(item.sceneBoundingRect()):
            if other is not item and isinstance(other, CardItem):
                assert not item.mapToScene(item.path).intersects(other.mapToScene(other.path)), (
                    item.service_id, other.service_id)


def test_presentation_on_a_1920x1080_screen_shows_card_text_at_least_24_px(window):
    window.presentation.enter()
    window.showNormal()  # the off-screen platform has no 1920×1080 screen to fill
    window.setGeometry(0, 0, 1920, 1080)
    window.map_view.fit()
    scale = window.map_view.zoom_factor()
    sizes = {c.card.font_size for c in window.scene.cards.values()}
    assert min(sizes) * scale >= 24, (min(sizes), scale)


def _card_colours(window, sid):
    """(fill, text) as painted on screen inside card ``sid``: the commonest colour
    is its fill, the pixel that differs most from it is the core of a letter."""
    from collections import Counter

    from sammenkart.style import contrast

    view = window.map_view
    rect = view.mapFromScene(window.scene.cards[sid].sceneBoundingRect()).boundingRect().adjusted(6, 6, -6, -6)
    assert view.viewport().rect().contains(rect), (sid, rect, view.viewport().rect())
    img = view.viewport().grab(rect).toImage()
    pixels = [img.pixelColor(x, y).name() for x in range(img.width()) for y in range(img.height())]
    fill = Counter(pixels).most_common(1)[0][0]
    return fill, max(set(pixels), key=lambda c: contrast(c, fill))


def test_high_contrast_in_presentation_keeps_dimmed_names_readable(window, qtbot):
    """F5 and H on a pathway: the cards outside it are dimmed, and their names
    stay readable (text against fill ≥ 4.5:1, as painted) on every level."""
    from sammenkart.style import contrast

    path = _choose(window, "angst")
    window.present_action.trigger()
    qtbot.keyClick(window.map_view, Qt.Key_H)
    assert window.scene.variant == "hoykontrast"
    qtbot.wait(50)
    window.map_view.fit()  # as after the full-screen resize
    qtbot.wait(20)
    inside = pathway_services(window.current_map(), path)
    m = window.current_map()
    dimmed = {}
    for s in m.tjenester:  # one dimmed card per level
        if s.id not in inside and s.niva not in dimmed:
            dimmed[s.niva] = s.id
    assert len(dimmed) == len(m.nivaer)
    for level, sid in dimmed.items():
        fill, text = _card_colours(window, sid)
        assert contrast(fill, text) >= 4.5, (level, sid, fill, text)
    window.presentation.leave()
