"""Turning on the traffic lights does not move cards under the pointer, and a note
typed in its bar never replaces a card's note unseen (tester round 4, item 6:
Ctrl+Shift+T moved the map, a click aimed at Fastlege hit PPT, and the note typed
replaced PPT's own note in the file at once)."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window, bundled_copy
from sammenkart.loader import load_workspace

OLD_NOTE = "Ny samarbeidsavtale med Nesøy frå 1. januar; skildringa må seie kven som tek imot tilvisingar."


@pytest.fixture
def folder(tmp_path):
    return bundled_copy(tmp_path)


@pytest.fixture
def window(qtbot, tmp_path, folder):
    w = active_window(qtbot, tmp_path, load_workspace(folder))
    assert w.select_map("fjordvik")
    w.revision.view_action.trigger()  # the revision colours on, as in the tester's s43
    qtbot.wait(20)
    return w


def centres(w) -> dict[str, QPoint]:
    """Each card's centre in window coordinates (where a click lands)."""
    vp = w.map_view.viewport()
    return {sid: vp.mapTo(w, w.map_view.mapFromScene(c.sceneBoundingRect().center())) for sid, c in w.scene.cards.items()}


def point_at(qtbot, w, where: QPoint) -> None:
    """The pointer over ``where`` (window coordinates), as Qt sees it."""
    vp = w.map_view.viewport()
    qtbot.mouseMove(vp, vp.mapFrom(w, where))
    QCursor.setPos(w.mapToGlobal(where))
    qtbot.wait(10)


def lights_on(qtbot, w) -> None:
    qtbot.keyClick(w.map_view, Qt.Key_T, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.wait(60)  # the bar's strip is taken and the view has had its chance to refit
    assert w.revision.lights.bar.isVisible()


def test_cards_stay_under_the_pointer_when_the_traffic_bar_opens(qtbot, window):
    w = window
    before = centres(w)
    point_at(qtbot, w, before["legekontoret"])
    lights_on(qtbot, w)
    assert centres(w) == before, "no card moved while the pointer is over the map"
    # the click aimed at the doctor's card chooses it (not PPT, which sat below it)
    qtbot.mouseClick(w.map_view.viewport(), Qt.LeftButton, Qt.NoModifier,
                     w.map_view.viewport().mapFrom(w, before["legekontoret"]))
    assert w.revision.lights.target == ("service", "fjordvik", "legekontoret")
    # the pointer goes to the bar: only now does the map take the room above it
    bar = w.revision.lights.bar
    point_at(qtbot, w, bar.mapTo(w, QPoint(10, 10)))
    QApplication.sendEvent(w.map_view.viewport(), QEvent(QEvent.Leave))
    qtbot.wait(30)
    vp = w.map_view.viewport()
    for sid, card in w.scene.cards.items():
        box = w.map_view.mapFromScene(card.sceneBoundingRect()).boundingRect().translated(vp.pos())
        assert box.bottom() < bar.geometry().top(), f"{sid} is not under the bar"


def test_without_the_pointer_on_the_map_it_moves_only_as_far_as_the_bar_needs(qtbot, window):
    w = window
    before = centres(w)
    QCursor.setPos(w.mapToGlobal(QPoint(w.width() - 5, w.height() - 5)))  # over the side panel
    QApplication.sendEvent(w.map_view.viewport(), QEvent(QEvent.Leave))
    lights_on(qtbot, w)
    after = centres(w)
    bar = w.revision.lights.bar
    shifts = {after[s].y() - before[s].y() for s in before}
    assert max(abs(d) for d in shifts) <= bar.height() + 8, shifts
    vp = w.map_view.viewport()
    assert all(w.map_view.mapFromScene(c.sceneBoundingRect()).boundingRect().translated(vp.pos()).bottom()
               < bar.geometry().top() for c in w.scene.cards.values())


def test_a_note_typed_after_a_status_adds_to_the_cards_note_and_a_replaced_note_is_said_and_undone(
        qtbot, window, folder):
    w = window
    path = folder / "kart" / "fjordvik.yaml"
    lights = w.revision.lights
    lights_on(qtbot, w)
    qtbot.mouseClick(w.map_view.viewport(), Qt.LeftButton, Qt.NoModifier,
                     w.map_view.viewport().mapFrom(w, centres(w)["ppt-fjordvik"]))
    name = w.current_map().service("ppt-fjordvik").navn
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Y)
    note = lights.bar.note
    assert QApplication.focusWidget() is note
    # which card the note is for stands beside the field; the old note is there, not selected
    assert lights.bar.note_label.toolTip() == f"Merknad til «{name}»:"
    assert note.text() == OLD_NOTE and not note.hasSelectedText() and note.cursorPosition() == len(OLD_NOTE)
    qtbot.keyClicks(note, " Sjekk tilvisingar")
    qtbot.keyClick(note, Qt.Key_Return)
    kept = load_workspace(folder).maps["fjordvik"].service("ppt-fjordvik").revisjon.merknad
    assert kept == OLD_NOTE + " Sjekk tilvisingar", "typing adds to the note; nothing is lost"

    # replacing it on purpose (select all, type) is said on the map, with the old words and Ctrl+Z
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Y)
    note.selectAll()
    qtbot.keyClicks(note, "Fastlegelista er utdatert")
    qtbot.keyClick(note, Qt.Key_Return)
    assert load_workspace(folder).maps["fjordvik"].service("ppt-fjordvik").revisjon.merknad == "Fastlegelista er utdatert"
    said = f"Merknaden til «{name}» er byttet ut (var: «{kept}») – Ctrl+Z angrer"
    assert lights.message == said and w.room.message.isVisible()
    assert w.room.message.text() == said
    w.map_view.setFocus()
    qtbot.keyClick(w.map_view, Qt.Key_Z, Qt.ControlModifier)  # one step back: the old note, in the file
    assert load_workspace(folder).maps["fjordvik"].service("ppt-fjordvik").revisjon.merknad == kept
    assert path.read_text(encoding="utf-8").count("Sjekk tilvisingar") == 1
