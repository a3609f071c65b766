"""The shortcuts that make a region step fast draw what the display list says:
far out the cards are one batch of boxes in their own colours, faded arrows are
their colour mixed with the background, full garbage collections wait for a
pause, and the caption's type size is the one a size-by-size search finds."""
import gc

import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from sammenkart import paths
from sammenkart.loader import load_workspace
from sammenkart.style import faded


@pytest.fixture
def window(qtbot, tmp_path):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(load_workspace(paths.region_dir()), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.region_ui.set_view("alle")
    return w


def _render(scene, rect: QRectF, scale: float) -> QImage:
    img = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format_RGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    scene.render(p, QRectF(0, 0, img.width(), img.height()), rect)
    p.end()
    return img


def test_far_out_the_cards_are_one_batch_in_their_own_colours(window):
    scene = window.scene
    window.select_pathway("angst")
    window.set_step(2)
    scene.set_zoom(0.1)  # a whole big region on a projector: text a pixel high
    assert scene.far and scene.card_batch.isVisible()
    assert all(card.flags() & card.GraphicsItemFlag.ItemHasNoContents for card in scene.cards.values())
    rect = scene.sceneRect()
    img = _render(scene, rect, 0.1)
    bg = scene.display.background
    sx, sy = img.width() / rect.width(), img.height() / rect.height()  # the image's size is whole pixels
    checked = 0
    for item in scene.display.cards:
        r = item.rect
        # a pixel the card covers whole (a card two pixels high at the picture's edge may cover none)
        x, y = int((r.x + r.w / 2) * sx), min(int((r.y + r.h / 2) * sy), int(r.bottom * sy) - 1)
        if y < r.y * sy:
            continue
        checked += 1
        want = QColor(faded(item.fill, bg, item.opacity))
        got = img.pixelColor(x, y)
        assert abs(got.red() - want.red()) + abs(got.green() - want.green()) + abs(got.blue() - want.blue()) <= 6, item.id
    assert checked > 0.8 * len(scene.display.cards)
    scene.set_zoom(1.0)  # close up: each card draws itself again, text and all
    assert not scene.far and not scene.card_batch.isVisible()
    assert not any(card.flags() & card.GraphicsItemFlag.ItemHasNoContents for card in scene.cards.values())


def test_faded_arrows_are_opaque_mixes_of_their_colour(window):
    window.select_pathway("angst")
    window.set_step(1)
    layer = window.scene.arrow_layer
    bg = window.scene.display.background
    faded_lines = [ln for ln in window.scene.display.arrows if ln.faded and not ln.current]
    assert faded_lines
    pens = {entry[0].color().name() for entry in layer._draw}
    for ln in faded_lines:
        assert faded(ln.colour, bg, ln.opacity) in pens
        assert QColor(faded(ln.colour, bg, ln.opacity)).alpha() == 255
    assert len(layer.marks) == sum(len(ln.arrows) for ln in window.scene.display.arrows)


def test_a_step_hands_the_scene_the_same_items_for_what_did_not_change(window):
    window.select_pathway("angst")
    window.set_step(2)
    before = window.scene.display
    window.set_step(3)
    after = window.scene.display
    same = {id(x) for x in before.arrows} & {id(x) for x in after.arrows}
    assert len(same) >= len(after.arrows) - 2 * max(1, sum(1 for a in after.arrows if a.number in (3, 4)))
    window.set_step(2)
    assert [id(x) for x in window.scene.display.arrows] == [id(x) for x in before.arrows]


def test_full_garbage_collections_wait_for_a_pause(window, qtbot, monkeypatch):
    collector = window.idle_gc
    assert gc.get_threshold()[2] >= 10 ** 8  # none on a step
    calls = []
    monkeypatch.setattr(gc, "collect", lambda *a: calls.append(a) or 0)
    collector.timer.setInterval(30)
    window.select_pathway("angst")
    window.set_step(1)
    assert calls == []
    qtbot.waitUntil(lambda: bool(calls), timeout=2000)


def test_the_caption_size_found_by_halving_is_the_largest_that_fits(qtbot):
    from PySide6.QtWidgets import QWidget

    from sammenkart.qt.room_layout import Caption

    host = QWidget()
    qtbot.addWidget(host)
    cap = Caption(host)
    texts = ["<b>Steg 3 av 8: Fastlegen → BUP</b><br>" + "Plagene varer over fire uker og hindrer skolegang. " * k
             for k in (0, 1, 3, 8)]
    for text in texts:
        for width, height in ((1000, 740), (1900, 1060), (600, 400)):
            cap.set_content(text)
            h = cap.fit(width, height, 40, 14)
            px = cap.pixel_size
            # the size-by-size rule: the largest size whose band fits an eighth (down to 3/4 of
            # the largest), else the largest that fits the share, else the smallest
            small, limit, mid = int(height / 8), int(height * 0.2), max(14, int(40 * 0.75))
            expected = next((p for p in range(40, mid - 1, -1) if cap._height_at(p, width) <= small), None)
            if expected is None:
                expected = next((p for p in range(mid, 13, -1) if cap._height_at(p, width) <= limit), 14)
            assert px == expected, (len(text), width, height)
            assert h <= max(limit, cap._height_at(px, width))
