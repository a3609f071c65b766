"""Problems in the window's language: the problems panel, the notice and the
edit forms' field checks speak the language the window speaks (a nynorsk
map's window: nynorsk), also after Vis → Språk, with nothing the user had lost.

Problems are worded as files are read, so the window reads them again in its
language (``Workspace.worded_now``); these tests read the real catalogues and
compare with what ``sammenkart --sprak LANG validate`` would say.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from sammenkart import i18n, paths
from sammenkart.editing import Editor
from sammenkart.loader import load_workspace
from sammenkart.problem_groups import grouped
from sammenkart.qt import language as qt_language
from sammenkart.qt.app import make_app
from sammenkart.qt.edit_ui import EditController
from sammenkart.qt.main_window import MainWindow

BROKEN_LINE = 43  # the first service's «niva», made 9 (no such level)


@pytest.fixture
def lang_env(monkeypatch):
    """No SAMMENKART_LANG (the window follows the map); bokmål again afterwards."""
    monkeypatch.delenv(i18n.ENV, raising=False)
    monkeypatch.setattr(EditController, "ask", lambda self, *args, **kw: 1)  # "Ikke lagre" if asked on close
    # conftest puts the language and Qt's translators back afterwards


@pytest.fixture
def nynorsk_folder(tmp_path) -> Path:
    """A folder with the nynorsk Fjordvik map and its pathways, one service
    in the map broken (a level that does not exist)."""
    root = tmp_path / "data"
    shutil.copytree(paths.kart_dir(), root / "kart")
    shutil.copytree(paths.region_dir(), root / "region")  # the shared texts the nynorsk pathways adapt
    (root / "kart" / "eksempelkommune.yaml").unlink()
    for p in (root / "kart" / "forlop").glob("*.yaml"):
        if not p.name.endswith(".nn.yaml"):
            p.unlink()
    path = root / "kart" / "fjordvik.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[BROKEN_LINE - 1] == "    niva: 0"
    lines[BROKEN_LINE - 1] = "    niva: 9"
    path.write_text("\n".join(lines), encoding="utf-8")
    return root


def open_window(qtbot, root: Path, settings: Path) -> MainWindow:
    make_app()
    w = MainWindow(load_workspace(root), QSettings(str(settings), QSettings.IniFormat))  # read in bokmål
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def validate_says(root, lang: str, editor: Editor | None = None) -> list[str]:
    """The problems as ``sammenkart --sprak LANG validate`` words them (of the
    editor's unsaved texts when given), errors first as the panel lists them
    (one cause repeated is one entry, which says how to unfold it)."""
    with i18n.language(lang):
        problems = editor.problems() if editor is not None else load_workspace(root).problems
        return [str(p) + ("\n▸ " + i18n._("Dobbeltklikk for å se alle {n}").format(n=len(p.members)) if p.members
                          else "") for p in sorted(grouped(problems), key=lambda p: not p.is_error)]


def broken(lines: list[str]) -> str:
    return next(t for t in lines if f"fjordvik.yaml:{BROKEN_LINE}:" in t)


def test_a_nynorsk_maps_window_shows_its_problems_in_nynorsk(qtbot, lang_env, nynorsk_folder, tmp_path):
    w = open_window(qtbot, nynorsk_folder, tmp_path / "s.ini")
    assert w.current_map().id == "fjordvik" and i18n.current_language() == "nn"
    nynorsk, bokmal = validate_says(nynorsk_folder, "nn"), validate_says(nynorsk_folder, "nb")
    assert broken(nynorsk) != broken(bokmal), "the catalogue words it differently"
    assert "finst ikkje" in broken(nynorsk)
    assert w.problems_panel.lines() == nynorsk
    assert w.workspace.problems_language == "nn"
    assert w.room.notice.text() == i18n.translated("nn", None, "⚠ {n} feil i filene – vis").format(n=1)


def test_switching_to_english_says_the_problems_again_and_keeps_an_unsaved_edit(
        qtbot, lang_env, nynorsk_folder, tmp_path):
    w = open_window(qtbot, nynorsk_folder, tmp_path / "s.ini")
    w.select_pathway("angst")
    w.set_step(1)
    assert w.edit.set_edit_mode(True)
    w.editor.set_service("fjordvik", "barneskulen", navn="Skulen ulagra")  # an unsaved edit
    w.map_view.zoom_by(1.25)
    zoom = w.map_view.transform().m11()
    stack = w.edit.undo.stack
    before = (stack.count(), stack.index())
    assert w.problems_panel.lines() == validate_says(nynorsk_folder, "nn", w.editor)

    w.language.actions["en"].trigger()

    assert i18n.current_language() == "en"
    english = validate_says(nynorsk_folder, "en", w.editor)
    assert "does not exist" in broken(english)
    assert w.problems_panel.lines() == english
    assert w.room.notice.text() == i18n.translated("en", None, "⚠ {n} feil i filene – vis").format(n=1)
    # nothing the user had is lost
    assert w.current_map().id == "fjordvik" and w.current_pathway().id == "angst" and w.step == 1
    assert w.map_view.transform().m11() == pytest.approx(zoom)
    assert w.edit.active and w.editor.dirty
    assert w.current_map().service("barneskulen").navn == "Skulen ulagra"
    assert (stack.count(), stack.index()) == before
    stack.undo()
    assert w.current_map().service("barneskulen").navn != "Skulen ulagra" and not w.editor.dirty
    assert w.problems_panel.lines() == english

    w.language.actions[qt_language.FOLLOW_MAP].trigger()  # and back to the map's nynorsk
    assert w.problems_panel.lines() == validate_says(nynorsk_folder, "nn", w.editor)


def test_a_folder_read_without_an_editor_is_read_again_in_the_new_language(
        qtbot, lang_env, nynorsk_folder, tmp_path):
    w = open_window(qtbot, nynorsk_folder, tmp_path / "s.ini")
    assert w.editor is None
    w.select_pathway("angst")
    w.set_step(2)
    w.language.actions["en"].trigger()
    assert w.editor is None and w.workspace.problems_language == "en"
    assert w.problems_panel.lines() == validate_says(nynorsk_folder, "en")
    assert w.current_pathway().id == "angst" and w.step == 2
    assert w.room.side.tabText(w.room.side.indexOf(w.problems_panel)).startswith("Problems")


def test_an_open_file_view_says_its_problem_in_the_new_language(qtbot, lang_env, nynorsk_folder, tmp_path):
    w = open_window(qtbot, nynorsk_folder, tmp_path / "s.ini")
    panel = w.problems_panel
    viewer = panel.open_item(panel.list.item(0))  # the error
    assert viewer.message.text() in broken(validate_says(nynorsk_folder, "nn"))
    w.language.actions["en"].trigger()
    assert viewer.message.text() in broken(validate_says(nynorsk_folder, "en"))
    assert "does not exist" in viewer.message.text()
    viewer.close()


def test_a_field_check_speaks_the_windows_language_and_follows_a_switch(qtbot, lang_env, nynorsk_folder, tmp_path):
    w = open_window(qtbot, nynorsk_folder, tmp_path / "s.ini")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert w.edit.set_edit_mode(True)
    w.edit.choose_service("barneskulen")
    form = w.edit.form
    box = form.nettside
    qtbot.mouseClick(box, Qt.LeftButton)
    box.selectAll()
    qtbot.keyClicks(box, "www.skulen.no")  # no https://: the validator says so
    field = next(f for f in form.fields if f.widget is box)
    qtbot.waitUntil(lambda: field.message.isVisible(), timeout=3000)

    def says(lang: str) -> str:
        with i18n.language(lang):
            problems = w.editor.check_field(("service", "fjordvik", "barneskulen"), "kontakt",
                                            {"nettside": "www.skulen.no"})
            about = [p.message for p in problems if i18n.mentions(p.message, "nettside")
                     or i18n.mentions(p.message, "kontakt.nettside")]  # as the field picks them
            return "\n".join(about + [i18n._("Ikke lagt inn: rett feilen først.")])

    assert says("nn") != says("nb")
    assert field.message.text() == says("nn")
    assert QApplication.focusWidget() is box, "still typing: the value is not applied"

    w.language.actions["en"].trigger()
    assert field.message.text() == says("en") and field.message.isVisible()
    assert box.text() == "www.skulen.no", "what was typed stays"

    # English quotes a key “so”: the field still finds what is said of it
    box.selectAll()
    qtbot.keyClicks(box, "https://www.fjordvik.example.no/skulen")
    field.check()
    assert "“kontakt.nettside”" in field.message.text() and "example address" in field.message.text()
