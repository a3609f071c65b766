"""The meeting room: a broken file never takes the map away, names not ids,
the caption after every resize, the window remembered per screen size."""
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from sammenkart.graph import resolve_steps
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.qt.app import make_app, open_window
from sammenkart.qt.main_window import MainWindow
from sammenkart.qt.room_layout import RoomLayout
from sammenkart.start_options import Start

ROOT = Path(__file__).resolve().parent.parent


def _settings(tmp_path, name="s.ini"):
    return QSettings(str(tmp_path / name), QSettings.IniFormat)


@pytest.fixture
def broken_folder(tmp_path):
    """fjordvik with one typo in one service (sektor: frivilig)."""
    (tmp_path / "kart").mkdir()
    text = (ROOT / "kart" / "fjordvik.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip() == "- id: barneskulen")
    sektor = next(i for i in range(first, len(lines)) if lines[i].strip().startswith("sektor:"))
    lines[sektor] = lines[sektor].replace("kommune", "frivilig")
    (tmp_path / "kart" / "fjordvik.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copytree(ROOT / "kart" / "forlop", tmp_path / "kart" / "forlop")
    # the nynorsk pathways adapt the region's shared texts (grunnlag: ../../region/…)
    shutil.copytree(ROOT / "region" / "kart" / "forlop", tmp_path / "region" / "kart" / "forlop")
    return tmp_path, sektor + 1


def test_a_map_with_one_bad_service_opens_with_the_others_drawn_and_the_problem_listed(qtbot, broken_folder, tmp_path):
    folder, line = broken_folder
    make_app()
    ws = load_workspace(folder)
    w = open_window(ws, Start(), _settings(tmp_path))
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    m = w.current_map()
    assert m is not None and m.id == "fjordvik"
    clean = load_bundled().maps["fjordvik"]
    drawn = set(w.scene.cards)
    assert "barneskulen" not in drawn
    assert drawn == {s.id for s in clean.tjenester} - {"barneskulen"}
    lines = w.problems_panel.lines()
    where = f"fjordvik.yaml:{line}:"
    assert any(where in text and "frivilig" in text and "feil" in text for text in lines), lines
    assert w.room.side.indexOf(w.problems_panel) >= 0
    # The notice says so on the map, and opens the list.
    assert "1 feil" in w.room.notice.text()
    # Double-click opens the place: the file, scrolled to the line, highlighted.
    item = next(w.problems_panel.list.item(i) for i in range(w.problems_panel.list.count())
                if where in w.problems_panel.list.item(i).text())
    w.show_panel(w.problems_panel)
    rect = w.problems_panel.list.visualItemRect(item)
    qtbot.mouseClick(w.problems_panel.list.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    qtbot.mouseDClick(w.problems_panel.list.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    viewer = w.problems_panel.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.addWidget(viewer)
    assert viewer.highlighted_line() == line
    assert viewer.text.textCursor().blockNumber() + 1 == line
    assert "frivilig" in viewer.text.textCursor().block().text()
    assert viewer.text.isReadOnly()


def test_no_readable_map_still_opens_the_window_with_the_problems(qtbot, tmp_path):
    (tmp_path / "kart").mkdir()
    (tmp_path / "kart" / "rot.yaml").write_text("id: rot\nnavn: [uavsluttet\n", encoding="utf-8")
    make_app()
    ws = load_workspace(tmp_path)
    assert not ws.maps and ws.errors
    w = open_window(ws, Start(), _settings(tmp_path))
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    assert w.isVisible() and w.room.empty is not None and w.room.empty.isVisible()
    assert any("rot.yaml:" in t for t in w.problems_panel.lines())
    labels = [b.text() for b in w.room.empty.buttons]
    assert any("Åpne mappe" in t for t in labels) and any("eksempeldata" in t for t in labels)
    next(b for b in w.room.empty.buttons if "eksempeldata" in b.text()).click()
    assert w.current_map() is not None and w.room.empty is None


def test_a_step_whose_service_the_map_lacks_is_named_by_its_role(qtbot, tmp_path):
    from editing_helpers import copy_lacking

    make_app()
    w = MainWindow(load_workspace(copy_lacking(tmp_path, "fjordvik", "ungdomspsykiatrisk-dogn")), _settings(tmp_path))
    qtbot.addWidget(w)
    w.select_map("fjordvik")
    assert w.select_pathway("tristhet-depresjon")
    m, p = w.current_map(), w.current_pathway()
    index = next(rs.index for rs in resolve_steps(m, p) if rs.step.til == "bup-dogn" and not rs.til)
    w.set_step(index)
    caption = w.caption_text()
    assert "Ungdomspsykiatrisk døgnavdeling (finnes ikke i kartet)" in caption
    assert "bup-dogn" not in caption and "bup-dogn" not in w.pathway_panel.steps.currentItem().text()
    assert "Ungdomspsykiatrisk døgnavdeling (finnes ikke i kartet)" in w.pathway_panel.info.toPlainText()


def test_caption_is_laid_out_for_the_final_size_and_every_resize(qtbot, tmp_path):
    make_app()
    w = MainWindow(load_bundled(), _settings(tmp_path))
    qtbot.addWidget(w)
    w.show()
    w.select_map("eksempelkommune")
    w.select_pathway("angst")
    w.set_step(3)
    w.presentation.enter()
    for width, height in ((1024, 768), (1920, 1080), (1280, 720)):
        w.showNormal()  # the off-screen test screen is 800×800; set the room's size by hand
        w.setGeometry(0, 0, width, height)
        QApplication.processEvents()
        room, cap = w.room, w.room.caption
        assert room.size().width() == width
        assert cap.isVisible() and cap.height() <= height / 5
        assert cap.geometry().bottom() <= height and cap.width() >= width * 0.95
        assert w.map_view.geometry().bottom() < cap.geometry().top()  # the map is never behind it
    # Long text shrinks before the band grows past a fifth of the height.
    short = cap.pixel_size
    cap.set_content("<b>" + "Et langt steg med mange ord " * 12 + "</b>")
    room.relayout()
    assert cap.height() <= 720 / 5 and cap.pixel_size < short


def test_story_is_in_the_band_during_a_case_and_t_toggles_it(qtbot, tmp_path):
    from sammenkart.session.controller import Session

    make_app()
    ws = load_bundled()
    w = MainWindow(ws, _settings(tmp_path))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.kasus.start(Session(ws.cases["emma-14"], ws.maps["eksempelkommune"]))
    w.presentation.enter()
    story_start = ws.cases["emma-14"].steg[0].tekst.split()[:4]
    assert " ".join(story_start) in w.room.caption.text()
    assert "Hva kan" in w.room.caption.text() or "Hva" in w.room.caption.text()
    qtbot.keyClick(w.map_view, Qt.Key_T)
    assert " ".join(story_start) not in w.room.caption.text()
    qtbot.keyClick(w.map_view, Qt.Key_T)
    assert " ".join(story_start) in w.room.caption.text()
    w.kasus.end()


def test_window_state_is_kept_per_screen_size_and_never_larger_than_the_screen(qtbot, tmp_path):
    make_app()
    settings = _settings(tmp_path)
    screen = QApplication.primaryScreen()
    avail = screen.availableGeometry()
    key = f"vindu/{screen.geometry().width()}x{screen.geometry().height()}"
    # Saved on a big desktop: a window larger than this screen must not come back as it was.
    big = MainWindow(load_bundled(), _settings(tmp_path, "big.ini"), restore=False)
    qtbot.addWidget(big)
    big.setGeometry(0, 0, avail.width() + 700, avail.height() + 300)
    settings.setValue(key + "/geometry", big.saveGeometry())
    settings.setValue("vindu/1920x1080/geometry", QByteArray(b"from another screen"))
    w = MainWindow(load_bundled(), settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.width() <= avail.width() and w.height() <= avail.height()
    # A window that fits is restored on the same screen size.
    w.setWindowState(Qt.WindowNoState)
    w.setGeometry(avail.x() + 20, avail.y() + 30, avail.width() // 2, avail.height() // 2)
    w.close()
    again = MainWindow(load_bundled(), settings)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (avail.width() // 2, avail.height() // 2)
    assert settings.value("vindu/1920x1080/geometry") == QByteArray(b"from another screen")


def test_quitting_in_presentation_saves_the_normal_window(qtbot, tmp_path):
    make_app()
    settings = _settings(tmp_path)
    w = MainWindow(load_bundled(), settings)
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    avail = QApplication.primaryScreen().availableGeometry()
    w.setGeometry(avail.x() + 10, avail.y() + 10, avail.width() // 2, avail.height() // 2)
    w.show()
    w.presentation.enter()
    assert w.isFullScreen() and not w.menuBar().isVisible()
    w.close()
    again = MainWindow(load_bundled(), settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.isFullScreen() and again.menuBar().isVisible() and not again.presentation.active
    assert again.width() == avail.width() // 2


def test_narrow_window_folds_the_side_panel_into_a_drawer_that_closes_on_a_map_click(qtbot, tmp_path):
    make_app()
    w = MainWindow(load_bundled(), _settings(tmp_path))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1024, 740)
    w.show()
    qtbot.waitExposed(w)
    w.select_map("eksempelkommune")
    room: RoomLayout = w.room
    assert room.mode() == "closed" and not room.side.isVisible() and room.handle.isVisible()
    assert w.map_view.width() == room.width()
    room.handle.click()
    assert room.mode() == "drawer" and room.side.isVisible()
    assert w.map_view.width() == room.width()  # over the map, the map does not move
    qtbot.mouseClick(w.map_view.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(5, 5))  # beside the map
    qtbot.waitUntil(lambda: room.mode() == "closed")  # once the click is handled
    assert not room.side.isVisible()
    # Wide again: the column comes back beside the map.
    w.resize(1700, 1000)
    QApplication.processEvents()
    assert room.mode() == "column" and w.map_view.width() < room.width()


@pytest.mark.parametrize("size", [(1020, 740), (1276, 690), (1916, 1050)])
def test_a_case_step_is_readable_without_scrolling_and_the_map_keeps_most(qtbot, tmp_path, size):
    """Story, questions, the team's answer (after the reveal too) and the
    buttons are on screen at once; the map keeps more room than the case."""
    from sammenkart.session.controller import Session

    make_app()
    ws = load_bundled()
    w = MainWindow(ws, _settings(tmp_path))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    m = ws.maps["eksempelkommune"]
    w.kasus.start(Session(ws.cases["emma-14"], m))
    s, panel = w.kasus.session, w.kasus.panel
    s.go_to(1)
    for sid in [x.id for x in m.tjenester][:4]:
        s.toggle_mark(sid)
    s.reveal()
    qtbot.wait(50)
    panel.fit()
    QApplication.processEvents()
    assert panel.body_fits(), (size, panel.orientation, panel.scale)
    assert not panel.scroll.verticalScrollBar().isVisible()
    for widget in (panel.story, panel.questions, panel.comparison, panel.reveal_button,
                   panel.next_button, panel.prev_button, panel.arrow_button):
        assert widget.isVisible(), widget
        top_left = widget.mapTo(w, widget.rect().topLeft())
        bottom = widget.mapTo(w, widget.rect().bottomRight())
        assert w.rect().contains(top_left) and w.rect().contains(bottom), widget
    assert s.case_step.tekst.split()[0] in panel.story.text()
    assert w.map_view.width() * w.map_view.height() > panel.width() * panel.height()
    w.kasus.end()


def test_a_folder_named_like_a_map_file_is_listed_as_a_problem(qtbot, tmp_path):
    # The loader is shared: what validate reports, the problems panel lists.
    (tmp_path / "kart").mkdir()
    shutil.copy(ROOT / "kart" / "eksempelkommune.yaml", tmp_path / "kart")
    (tmp_path / "kart" / "fjordvik.yaml").mkdir()
    make_app()
    w = open_window(load_workspace(tmp_path), Start(), _settings(tmp_path))
    qtbot.addWidget(w)
    assert w.current_map().id == "eksempelkommune"
    assert any("fjordvik.yaml:1:1:" in t and "er en mappe, ikke en fil" in t for t in w.problems_panel.lines()), \
        w.problems_panel.lines()
    assert "1 feil" in w.room.notice.text()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_step_shown_is_in_view_in_the_pathway_list_when_the_panel_opens(qtbot, tmp_path, size):
    """Tester 6: at step 10 the drawer's step list showed steps 1-3."""
    make_app()
    w = MainWindow(load_bundled(), _settings(tmp_path), restore=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.select_map("eksempelkommune")
    assert w.select_pathway("tristhet-depresjon")
    w.set_step(10)
    w.show_panel(w.pathway_panel)
    QApplication.processEvents()
    steps = w.pathway_panel.steps
    assert steps.isVisible() and steps.currentRow() == 11
    shown = steps.visualItemRect(steps.currentItem())
    assert steps.viewport().rect().contains(shown), (shown, steps.viewport().rect())
