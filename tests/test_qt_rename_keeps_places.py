"""Tester round 5, item 3: renaming the GP office to «Torget legesenter AS» in the edit
form laid the map out again and other cards moved. The window keeps every other card
in its cell (row and column of the grid) and, here, where it was drawn."""
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window, bundled_copy
from sammenkart.loader import load_workspace


def test_renaming_a_card_in_the_form_moves_no_other_card(qtbot, tmp_path, monkeypatch):
    from sammenkart.qt.edit_ui import EditController

    # closing asks about the unsaved rename: "Ikke lagre" lets the test's window close
    monkeypatch.setattr(EditController, "ask", lambda self, title, text, buttons, *a, **k:
                        buttons.index("Ikke lagre") if "Ikke lagre" in buttons else 0)

    w = active_window(qtbot, tmp_path, load_workspace(bundled_copy(tmp_path)), (1024, 740), restore=True)
    assert w.current_map().id == "eksempelkommune"
    w.map_view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_E, Qt.ControlModifier)
    assert w.edit.active
    before = w.scene.layout
    cells = dict(before.grid.pos)
    lines = before.cards["fastlege-torget"].lines
    c = before.cards["fastlege-torget"].rect.center
    qtbot.mouseClick(w.map_view.viewport(), Qt.LeftButton, pos=w.map_view.mapFromScene(QPointF(*c)))
    form = w.edit.form
    assert form.service_id == "fastlege-torget"
    form.navn.selectAll()
    qtbot.keyClicks(form.navn, "Torget legesenter AS")
    qtbot.keyClick(form.navn, Qt.Key_Return)
    assert w.current_map().service("fastlege-torget").navn == "Torget legesenter AS"
    after = w.scene.layout
    assert after.cards["fastlege-torget"].lines != lines  # the card's label was wrapped anew
    assert len(after.cards["fastlege-torget"].lines) > len(lines)  # and it is taller
    moved = {sid: (cells[sid], after.grid.pos.get(sid)) for sid in cells if after.grid.pos.get(sid) != cells[sid]}
    assert moved == {}
    # what is drawn: every other card where it was (its row had a taller card already)
    assert [sid for sid, item in w.scene.cards.items()
            if sid != "fastlege-torget" and item.card.rect != before.cards[sid].rect] == []
