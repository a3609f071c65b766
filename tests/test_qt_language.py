"""The window's language (issue 17): the map's målform by default, Vis → Språk,
--sprak, Qt's own texts, and a switch that keeps everything the user has.

Two kinds of test. Those that read real words use the catalogues in
resources/translations (they show what a user sees on a nynorsk or English
map). Those that prove a switch reaches every text use a pseudo-catalogue for
"en" that writes every text as ⟦text⟧: after the switch, an interface text
without the brackets was not said again.
"""
from __future__ import annotations

import datetime as dt
import gettext
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QMenu, QTabWidget, QWidget,
)

from sammenkart import i18n
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.qt import language as qt_language
from sammenkart.qt.app import apply_start, make_app
from sammenkart.qt.main_window import MainWindow
from sammenkart.start_options import StartRequest, resolve

from editing_helpers import bundled_copy
from language_words import BOKMAL_ONLY, NORWEGIAN, words

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def lang_env(monkeypatch):
    """No SAMMENKART_LANG (the window follows the map); conftest puts the language
    and Qt's translators back afterwards."""
    monkeypatch.delenv(i18n.ENV, raising=False)


def open_window(qtbot, ws, settings_path: Path, size=(1280, 800)) -> MainWindow:
    make_app()
    w = MainWindow(ws, QSettings(str(settings_path), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def menu_texts(w: MainWindow) -> list[str]:
    """The titles and entries of the menu bar, submenus included."""
    out = []

    def walk(menu: QMenu):
        out.append(menu.title())
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu())
            elif a.text():
                out.append(a.text())

    for a in w.menuBar().actions():
        if a.menu() is not None:
            walk(a.menu())
    return out


def legend_texts(w: MainWindow) -> list[str]:
    """The legend's headings and rows, but the levels' names (the map's own text)."""
    return [t for head, rows in w.legend.columns for t in (head, *(e.label for e in rows if e.kind != "level"))]


def interface_texts(w: MainWindow) -> list[str]:
    """What the window says itself (not the map's data): menus, tabs, buttons, legend."""
    side = w.room.side
    buttons = [b.text() for b in w.findChildren(QAbstractButton) if b.text()]
    return [*menu_texts(w), *(side.tabText(i) for i in range(side.count())), *buttons, *legend_texts(w)]


def catalogue(lang: str, text: str) -> str:
    """``text`` in the real catalogue ``lang`` (the test fails while it is untranslated)."""
    got = i18n.translated(lang, None, text)
    assert got, f"«{text}» has no {lang} translation in resources/translations"
    return got


# -- Qt's own texts ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang, cancel", [("nb", "Avbryt"), ("nn", "Avbryt"), ("en", "Cancel")])
def test_qt_standard_buttons_speak_the_language(qtbot, lang_env, lang, cancel):
    make_app()
    qt_language.install_qt_translations(lang)
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.Cancel).text() == cancel
    assert box.button(QDialogButtonBox.Ok).text() == "OK"


def test_the_nynorsk_translator_is_the_one_pyside_ships():
    path = Path(qt_language.qt_translations_dir()) / "qtbase_nn.qm"
    assert path.is_file(), "PySide6 ships qtbase_nn.qm"


# -- the map's målform by default ------------------------------------------------------------------
def test_a_nynorsk_map_gets_nynorsk_menus_panels_and_legend(qtbot, lang_env, tmp_path):
    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    w.select_map("eksempelkommune")
    assert i18n.current_language() == "nb"
    bokmal_menus = menu_texts(w)
    assert "Åpne mappe…" in bokmal_menus and "Tjeneste" in [w.room.side.tabText(i) for i in range(3)]

    w.select_map("fjordvik")  # a nynorsk map: the interface follows it
    assert w.current_map().malform == "nn" and i18n.current_language() == "nn"
    menus = menu_texts(w)
    assert catalogue("nn", "Åpne mappe…") in menus and "Åpne mappe…" not in menus
    assert catalogue("nn", "Tilpass til vinduet") in menus
    tabs = [w.room.side.tabText(i) for i in range(w.room.side.count())]
    assert catalogue("nn", "Tjeneste") in tabs
    assert catalogue("nn", "Sektorer") in legend_texts(w)
    assert not words(interface_texts(w)) & BOKMAL_ONLY

    w.select_map("eksempelkommune")  # and back to bokmål with a bokmål map
    assert i18n.current_language() == "nb" and menu_texts(w) == bokmal_menus


def test_sprak_on_the_command_line_wins_over_the_map(qtbot, lang_env, tmp_path):
    ws = load_bundled()
    w = open_window(qtbot, ws, tmp_path / "s.ini")
    apply_start(w, resolve(ws, StartRequest(kart="fjordvik", sprak="en")))
    assert w.current_map().id == "fjordvik" and i18n.current_language() == "en"
    menus = menu_texts(w)
    assert catalogue("en", "&Fil") in menus and catalogue("en", "Åpne mappe…") in menus
    assert not words(interface_texts(w)) & NORWEGIAN
    assert w.language.actions["en"].isChecked()


def test_sammenkart_lang_wins_over_the_map(qtbot, lang_env, monkeypatch, tmp_path):
    monkeypatch.setenv(i18n.ENV, "nb")
    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    w.select_map("fjordvik")
    assert i18n.current_language() == "nb" and "Åpne mappe…" in menu_texts(w)


# -- Vis → Språk -----------------------------------------------------------------------------------
def test_the_choice_in_vis_sprak_is_kept_in_the_settings(qtbot, lang_env, tmp_path):
    settings = tmp_path / "s.ini"
    w = open_window(qtbot, load_bundled(), settings)
    assert w.language.actions[qt_language.FOLLOW_MAP].isChecked()
    w.select_map("fjordvik")
    w.language.actions["nb"].trigger()  # bokmål on a nynorsk map
    assert i18n.current_language() == "nb" and "Åpne mappe…" in menu_texts(w)
    assert QSettings(str(settings), QSettings.IniFormat).value("sprak") == "nb"
    w.close()

    w2 = open_window(qtbot, load_bundled(), settings)
    w2.select_map("fjordvik")
    assert w2.language.actions["nb"].isChecked() and i18n.current_language() == "nb"
    w2.language.actions[qt_language.FOLLOW_MAP].trigger()
    assert i18n.current_language() == "nn"
    assert QSettings(str(settings), QSettings.IniFormat).value("sprak") == qt_language.FOLLOW_MAP


@pytest.fixture
def pseudo_english(monkeypatch):
    """"en" as ⟦text⟧ for every text, so a text not said again shows."""

    class Pseudo(gettext.NullTranslations):
        def gettext(self, message):
            return f"⟦{message}⟧" if message else message

        def ngettext(self, singular, plural, n):
            return self.gettext(singular if n == 1 else plural)

        def pgettext(self, context, message):
            return self.gettext(message)

    real = i18n._catalogue
    monkeypatch.setattr(i18n, "_catalogue", lambda lang: Pseudo() if lang == "en" else real(lang))


def _msgids() -> set[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return {translations.key(m)[1] for m in translations.read_template() if m.id}


def stale_texts(w: MainWindow, ids: set[str]) -> list[str]:
    """Texts the window shows that are still a bokmål text of the catalogue."""
    seen = []
    for o in [w, *w.findChildren(QWidget)]:
        for attr in ("text", "title", "windowTitle", "toolTip", "placeholderText", "accessibleName"):
            fn = getattr(o, attr, None)
            if callable(fn):
                try:
                    value = fn()
                except TypeError:
                    continue
                if isinstance(value, str):
                    seen.append(value)
        if isinstance(o, QTabWidget):
            seen += [o.tabText(i) for i in range(o.count())]
        if isinstance(o, QListWidget):
            seen += [o.item(i).text() for i in range(o.count())]
        if isinstance(o, QComboBox):
            seen += [o.itemText(i) for i in range(o.count())]
    for a in w.findChildren(QAction):
        seen += [a.text(), a.toolTip()]
    seen += [w.statusBar().currentMessage(), *legend_texts(w)]
    return sorted({t for t in seen if t and "⟦" not in t and (t in ids or t.replace("&&", "&") in ids)} - {"–"})


def test_switching_the_language_says_every_text_again_and_keeps_the_map_pathway_step_and_unsaved_edit(
        qtbot, lang_env, pseudo_english, tmp_path):
    root = bundled_copy(tmp_path)
    w = open_window(qtbot, load_workspace(root), tmp_path / "s.ini")
    w.select_map("eksempelkommune")
    w.select_pathway("angst")
    w.set_step(2)
    assert w.edit.set_edit_mode(True)
    w.editor.set_service("eksempelkommune", "ppt", navn="PPT ulagret")  # an unsaved edit
    w.show_details("bup")
    w.map_view.zoom_by(1.25)
    zoom = w.map_view.transform().m11()
    stack = w.edit.undo.stack
    before = (stack.count(), stack.index(), stack.undoText())
    ids = _msgids()
    assert stale_texts(w, ids), "the bokmål window shows the catalogue's texts"

    w.language.actions["en"].trigger()

    assert i18n.current_language() == "en"
    assert stale_texts(w, ids) == []
    assert "⟦&Fil⟧" in menu_texts(w) and w.language.actions["en"].isChecked()
    # everything the user had is there
    assert w.current_map().id == "eksempelkommune" and w.current_pathway().id == "angst" and w.step == 2
    assert w.map_view.transform().m11() == pytest.approx(zoom)
    assert w.edit.active and w.room.side.isAncestorOf(w.edit.form)
    assert w.editor.dirty and w.current_map().service("ppt").navn == "PPT ulagret"
    assert (stack.count(), stack.index(), stack.undoText()) == before
    assert w.edit.undo_action.text().startswith("⟦Angre⟧")
    stack.undo()
    assert w.current_map().service("ppt").navn != "PPT ulagret" and not w.editor.dirty


def test_a_running_case_is_said_again_and_goes_on(qtbot, lang_env, pseudo_english, tmp_path):
    from sammenkart.session.controller import Session

    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    ws = w.workspace
    case = next(c for c in ws.cases.values() if c.malform == "nb")
    w.select_map("eksempelkommune")
    w.kasus.start(Session(case, w.current_map()))
    session = w.kasus.session
    session.next_step()
    session.toggle_mark(w.current_map().tjenester[0].id)
    w.language.actions["en"].trigger()
    assert w.kasus.session is session and session.index == 1 and session.step.marked
    assert stale_texts(w, _msgids()) == []
    assert "⟦" in w.kasus.panel.progress.text()


def test_texts_for_widgets_stay_out_of_the_users_data(qtbot, lang_env, pseudo_english, tmp_path):
    """Data text is never translated: the maps' and pathways' names stay as written."""
    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    w.select_map("eksempelkommune")
    names = [w.maps_list.item(i).text() for i in range(w.maps_list.count())]
    w.language.actions["en"].trigger()
    assert [w.maps_list.item(i).text() for i in range(w.maps_list.count())] == names
    assert all("⟦" not in w.pathways_list.item(i).text() for i in range(1, w.pathways_list.count()))


def test_labels_and_inputs_are_found_by_the_stale_check(qtbot, lang_env, pseudo_english, tmp_path):
    """The check above would see a text left in bokmål (it is not a test that cannot fail)."""
    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    left = QLabel("Åpne mappe…", w)  # made without live_text: not said again
    field = QLineEdit(w)
    field.setPlaceholderText("Søk etter tjeneste (Ctrl+F)")
    w.language.actions["en"].trigger()
    assert stale_texts(w, _msgids()) == ["Søk etter tjeneste (Ctrl+F)", "Åpne mappe…"]
    left.deleteLater()
    field.deleteLater()



# -- Qt's file dialog, the new map, files from the window (tester round 2) -----------------------------
def file_dialog_texts() -> dict[str, str]:
    """The labels and buttons of Qt's own directory dialog (the one Ctrl+O shows
    where the desktop has none), by what they are."""
    from PySide6.QtWidgets import QFileDialog, QPushButton

    d = QFileDialog(None, "t", str(Path.home()))
    d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    d.setFileMode(QFileDialog.FileMode.Directory)
    try:
        labels = {lab.objectName(): lab.text() for lab in d.findChildren(QLabel) if lab.objectName()}
        buttons = [b.text() for b in d.findChildren(QPushButton)]
        return {"look_in": labels["lookInLabel"], "name": labels["fileNameLabel"],
                "type": labels["fileTypeLabel"], "buttons": " ".join(buttons)}
    finally:
        d.deleteLater()


@pytest.mark.parametrize("map_id, expected", [
    ("fjordvik", {"look_in": "&Leit i:", "name": "Mappe:", "type": "Fil&typar:", "buttons": "&Vel Avbryt"}),
    ("eksempelkommune", {"look_in": "&Søk i:", "name": "Mappe:", "type": "Fil&typer:", "buttons": "&Velg Avbryt"}),
])
def test_qts_file_dialog_speaks_the_windows_norwegian(qtbot, lang_env, tmp_path, map_id, expected):
    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    w.select_map(map_id)
    assert file_dialog_texts() == expected
    w.language.choose("en")
    assert file_dialog_texts()["look_in"] == "&Look in:"


@pytest.mark.parametrize("map_id, malform", [("fjordvik", "nn"), ("eksempelkommune", "nb")])
def test_a_new_map_starts_in_the_windows_malform(qtbot, lang_env, tmp_path, map_id, malform):
    from sammenkart.qt.new_map_dialog import NewMapDialog

    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    w.select_map(map_id)
    dlg = NewMapDialog(w)
    qtbot.addWidget(dlg)
    assert dlg.malform.currentData() == malform
    assert dlg.malform.currentText() == catalogue("nn", "nynorsk") if malform == "nn" else "bokmål"
    # an English window: the shown map's målform
    w.language.choose("en")
    english = NewMapDialog(w)
    qtbot.addWidget(english)
    assert english.malform.currentData() == malform


def test_an_english_window_gives_english_labels_in_its_files_and_the_maps_malform_again_after(
        qtbot, lang_env, tmp_path):
    from sammenkart.qt.revision_report_dialog import RevisionReportDialog

    w = open_window(qtbot, load_bundled(), tmp_path / "s.ini")
    w.revision.banner.today = lambda: dt.date(2026, 12, 1)
    w.select_map("fjordvik")
    assert "1. november 2026" in w.revision.banner.text()
    report = RevisionReportDialog(w)
    qtbot.addWidget(report)
    assert report.report.title == "Revisjonsrapport – Fjordvik kommune"  # nynorsk window, nynorsk map
    w.language.choose("en")
    report = RevisionReportDialog(w)
    qtbot.addWidget(report)
    assert report.report.title == "Review report – Fjordvik kommune"
    text = report.view.toPlainText()
    # the map's notes stand quoted, as written; dates the English way
    assert "“Telefonnummeret er endra" in text and ": Telefonnummeret" not in text
    assert " November 2026" in text and "november" not in text.replace("November", "")
    banner = w.revision.banner  # the banner's date as the report writes it
    banner.today = lambda: dt.date(2026, 12, 1)
    w.select_map("fjordvik")
    assert banner.isVisible() and "1 November 2026" in banner.text()
    w.language.choose(qt_language.FOLLOW_MAP)
    report = RevisionReportDialog(w)
    qtbot.addWidget(report)
    assert report.report.title == "Revisjonsrapport – Fjordvik kommune"
