"""The service form's id and level in the window (tester round 4, item 5): what the
user sees in the form and the undo menu, and what is in the file."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editing_helpers import bundled_copy
from sammenkart.qt.edit_ui import EditController
from test_qt_editing import MAP, Answers, edit_mode_on, key, open_window


@pytest.fixture
def root(tmp_path):
    return bundled_copy(tmp_path)


@pytest.fixture
def window(qtbot, tmp_path, root, monkeypatch):
    answers = Answers()
    monkeypatch.setattr(EditController, "ask", lambda self, *args, **kw: answers(*args, **kw))
    monkeypatch.setattr(EditController, "warn", lambda self, text: answers.asked.append(("warn", text, [])))
    return open_window(qtbot, root, tmp_path / "s.ini")


def _type_into(qtbot, box, text: str) -> None:
    qtbot.mouseClick(box, Qt.LeftButton)
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key_Return)


def test_a_new_service_named_in_the_form_gets_its_id_from_the_name(qtbot, window, root):
    w = window
    edit_mode_on(qtbot, w)
    w.edit.choose_service("helsestasjon")
    key(qtbot, w, Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    form = w.edit.form
    assert form.ident.text() == "ny-tjeneste", "the id is in view, under the name"
    assert QApplication.focusWidget() is form.navn
    qtbot.keyClicks(form.navn, "Familiens hus ")
    form.navn.insert("–")  # QTest types ASCII only
    qtbot.keyClicks(form.navn, " Stord")
    qtbot.keyClick(form.navn, Qt.Key_Return)
    assert form.service_id == "familiens-hus-stord" and form.ident.text() == "familiens-hus-stord"
    assert form.navn.text() == "Familiens hus – Stord"
    assert "familiens-hus-stord" in w.scene.cards and w.scene.cards["familiens-hus-stord"].isVisible()
    # a link drawn now names the new id, and the undo menu names services, not ids
    form.link_to.setCurrentIndex(form.link_to.findData("helsestasjon"))
    qtbot.mouseClick(form.add_link_button, Qt.LeftButton)
    helsestasjon = w.current_map().service("helsestasjon").navn
    assert w.edit.undo_action.text() == f"Angre Legg til samarbeid «Familiens hus – Stord» – «{helsestasjon}»"
    w.edit.undo.stack.undo()
    assert w.edit.undo_action.text() == "Angre Endre navn, id for «Ny tjeneste»"
    w.edit.undo.stack.redo()
    key(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    text = (root / "kart" / f"{MAP}.yaml").read_text(encoding="utf-8")
    assert "  - id: familiens-hus-stord\n    navn: Familiens hus – Stord\n" in text
    assert "mellom: [familiens-hus-stord, helsestasjon]" in text and "ny-tjeneste" not in text


def test_the_id_field_renames_with_what_names_it_and_one_undo_takes_it_back(qtbot, window, root):
    w = window
    edit_mode_on(qtbot, w)
    w.edit.choose_service("skole-sor")
    form = w.edit.form
    before = w.editor.document("map", MAP).text
    _type_into(qtbot, form.ident, "skole-sorvag")
    assert form.service_id == "skole-sorvag" and w.current_map().service("skole-sorvag").navn == form.navn.text()
    after = w.editor.document("map", MAP).text
    assert "mellom: [skole-sorvag, fastlege-sorvag]" in after and "skole-sor," not in after
    assert "skole-sorvag" in w.scene.cards
    assert w.edit.undo_action.text() == f"Angre Endre id for «{form.navn.text()}» til skole-sorvag"
    w.map_view.setFocus()
    key(qtbot, w, Qt.Key_Z, Qt.ControlModifier)
    assert w.editor.document("map", MAP).text == before
    assert form.service_id == "skole-sor" and form.ident.text() == "skole-sor"


def _form_field(qtbot, w, service_id: str, widget: str):
    """Edit mode on, ``service_id``'s form open: the form and its field for ``widget``."""
    edit_mode_on(qtbot, w)
    w.edit.choose_service(service_id)
    form = w.edit.form
    return form, next(f for f in form.fields if f.widget is getattr(form, widget))


def test_a_bad_id_in_the_form_is_explained_and_not_written(qtbot, window):
    w = window
    form, field = _form_field(qtbot, w, "kommunepsykolog", "ident")
    history = len(w.editor.history)
    qtbot.mouseClick(form.ident, Qt.LeftButton)
    form.ident.selectAll()
    qtbot.keyClicks(form.ident, "bup")
    qtbot.waitUntil(lambda: field.message.isVisible(), timeout=3000)
    assert "allerede en tjeneste med id «bup»" in field.message.text()
    qtbot.keyClick(form.ident, Qt.Key_Return)
    assert len(w.editor.history) == history and w.current_map().service("kommunepsykolog") is not None


def test_a_level_chosen_in_the_form_moves_the_entry_as_a_drag_does(qtbot, window, root):
    w = window
    edit_mode_on(qtbot, w)
    w.edit.choose_service("ppt")
    form = w.edit.form
    i = form.niva.findData(2)
    form.niva.setCurrentIndex(i)
    form.niva.activated.emit(i)
    m = w.current_map()
    assert m.service("ppt").niva == 2
    band = [s.id for s in m.tjenester if s.niva == 2]
    assert band[-1] == "ppt", "last in its new band, as Alt+↑ or a drag to the band's end puts it"
    assert w.scene.layout.cards["ppt"].level == 2
    key(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    text = (root / "kart" / f"{MAP}.yaml").read_text(encoding="utf-8")
    assert text.index("  - id: ppt\n") > text.index("nivå 2") and text.index("  - id: ppt\n") < text.index("nivå 3")


def test_an_age_with_one_box_empty_says_which_is_empty_and_writes_nothing(qtbot, window):
    """Tester round 4, item 11: not «punkt 2 i «alder» skal vere eit heiltal, ikkje teksten «»»."""
    w = window
    form, field = _form_field(qtbot, w, "ppt", "alder")
    before = w.current_map().service("ppt").alder
    history = len(w.editor.history)
    qtbot.mouseClick(form.alder.low, Qt.LeftButton)
    form.alder.low.selectAll()
    qtbot.keyClicks(form.alder.low, "6")
    form.alder.high.clear()
    qtbot.waitUntil(lambda: field.message.isVisible(), timeout=3000)
    assert field.message.text().splitlines()[0] == "«til» er tom: skriv begge aldrene, eller la begge stå tomme"
    assert "teksten «»" not in field.message.text()
    field.commit()
    assert len(w.editor.history) == history and w.current_map().service("ppt").alder == before


def test_a_new_service_named_then_tab_keeps_the_id_from_the_name(qtbot, window, root):
    """Tester 6: Ny, the name typed, Tab: the Id field (where Tab lands) showed the old
    "ny-tjeneste" and, left, renamed the service back to it."""
    w = window
    edit_mode_on(qtbot, w)
    form = w.edit.form
    qtbot.mouseClick(form.new_button, Qt.LeftButton)
    form.navn.selectAll()
    qtbot.keyClicks(form.navn, "Familiesenteret")
    qtbot.keyClick(form.navn, Qt.Key_Tab)
    assert QApplication.focusWidget() is form.ident
    assert form.service_id == "familiesenteret" and form.ident.text() == "familiesenteret"
    qtbot.keyClick(form.ident, Qt.Key_Tab)  # leaving the Id field changes nothing
    assert form.service_id == "familiesenteret"
    key(qtbot, w, Qt.Key_S, Qt.ControlModifier)
    text = (root / "kart" / f"{MAP}.yaml").read_text(encoding="utf-8")
    assert "  - id: familiesenteret\n    navn: Familiesenteret\n" in text and "ny-tjeneste" not in text


def test_ctrl_z_in_a_field_with_nothing_typed_undoes_the_last_edit(qtbot, window, root):
    """Tester 6: with the keys in a form field, Ctrl+Z "did nothing" (the field took it for
    its own undo, which had nothing). A field with no typing of its own to undo leaves
    Ctrl+Z (and Ctrl+Shift+Z) to the window: the last edit is undone and redone."""
    w = window
    edit_mode_on(qtbot, w)
    w.edit.choose_service("ppt")
    form = w.edit.form
    before = w.current_map().service("ppt").navn
    _type_into(qtbot, form.navn, "PPT i Eksempelby")
    assert w.current_map().service("ppt").navn == "PPT i Eksempelby"
    qtbot.keyClick(form.navn, Qt.Key_Tab)  # the keys are in the next field, which holds no typing
    assert QApplication.focusWidget() is form.ident
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Z, Qt.ControlModifier)
    assert w.current_map().service("ppt").navn == before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert w.current_map().service("ppt").navn == "PPT i Eksempelby"
    # typing in a field and Ctrl+Z there takes back the typing, as in any text field
    qtbot.keyClicks(form.ident, "x")
    qtbot.keyClick(form.ident, Qt.Key_Z, Qt.ControlModifier)
    assert form.ident.text() == "ppt" and w.current_map().service("ppt").navn == "PPT i Eksempelby"
