"""Data text on screen is plain text (never markup) and keeps the lines of | blocks.

A map, pathway and case full of markup (tests/data/markup) are driven through
the window — pathway, step, details, presentation caption, the problem list's
message box, case dialog, case panel with reveal, facilitator window, summary,
poster dialog, key help — and then every label, text view, list, message box,
tool tip and window title is read as the user sees it.
"""
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiNs  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import (
    QApplication, QComboBox, QLabel, QListWidget, QMenu, QTextEdit, QWidget,
)

from sammenkart.loader import load_workspace
from sammenkart.qt import plain, window_actions
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow
from sammenkart.qt.panels import PathwayPanel

DATA = Path(__file__).parent / "data"


def _doc_from_label(text: str, fmt) -> QTextDocument | None:
    """The document a label renders, or None when it shows its text as is."""
    if fmt == Qt.PlainText or (fmt == Qt.AutoText and not QtGuiNs.mightBeRichText(text)):
        return None
    doc = QTextDocument()
    if fmt == Qt.MarkdownText:
        doc.setMarkdown(text)
    else:
        doc.setHtml(text)
    return doc


def _rendered_markup(doc: QTextDocument) -> list[str]:
    """Images, and bold text that came from our data ("fet"), in a document."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isImageFormat():
                found.append(f"bilde {fmt.toImageFormat().name()!r}")
            elif fmt.fontWeight() >= 600 and _bare_fet(frag.text()):
                found.append(f"fet skrift {frag.text()!r}")  # <b>fet</b> rendered, not shown
            it += 1
        block = block.next()
    return found


def _bare_fet(text: str) -> bool:
    """True when the data word "fet" stands in ``text`` without its literal <b></b>."""
    return any(not text[:m.start()].endswith("<b>") or not text[m.end():].startswith("</b>")
               for m in re.finditer(r"\bfet\b", text))


def _tooltip_text(tip: str) -> tuple[str, list[str]]:
    doc = _doc_from_label(tip, Qt.AutoText)
    return (tip, []) if doc is None else (doc.toPlainText(), _rendered_markup(doc))


def shown_texts() -> list[tuple[str, str, list[str]]]:
    """(where, text as the user sees it, rendered markup) for every widget on screen."""
    out = []
    for w in QApplication.allWidgets():
        where = f"{type(w).__name__} {w.objectName()!r}"
        if isinstance(w, QLabel) and w.text():
            doc = _doc_from_label(w.text(), w.textFormat())
            out.append((where, w.text() if doc is None else doc.toPlainText(),
                        [] if doc is None else _rendered_markup(doc)))
        elif isinstance(w, QTextEdit):
            out.append((where, w.document().toPlainText(), _rendered_markup(w.document())))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                out.append((where + " item", item.text(), []))
                if item.toolTip():
                    out.append((where + " item tooltip", *_tooltip_text(item.toolTip())))
        elif isinstance(w, QComboBox):
            out += [(where + " item", w.itemText(i), []) for i in range(w.count())]
        elif isinstance(w, QMenu):
            out += [(where + " action", a.text(), []) for a in w.actions()]
        if w.toolTip():
            out.append((where + " tooltip", *_tooltip_text(w.toolTip())))
        if w.isWindow() and w.windowTitle():
            handle = w.windowHandle()
            out.append((where + " title", handle.title() if handle is not None else w.windowTitle(), []))
    return out


def scene_tooltips(window) -> list[tuple[str, str, list[str]]]:
    return [("kort tooltip", *_tooltip_text(item.toolTip())) for item in window.scene.items() if item.toolTip()]


def markup_problems(texts) -> list[str]:
    bad = []
    for where, text, rendered in texts:
        bad += [f"{where}: {r}" for r in rendered]
        if _bare_fet(text):
            bad.append(f"{where}: «fet» uten <b></b>: {text!r}")
        for m in re.finditer(r"bilde\.png", text):
            if not text[:m.start()].endswith('<img src="'):
                bad.append(f"{where}: bilde.png uten <img: {text!r}")
        if re.search(r"&(?!amp;)\s*(co|<img)", text):
            bad.append(f"{where}: &amp; vist som &: {text!r}")
    return bad


@pytest.fixture
def marked(qtbot, tmp_path):
    make_app()
    w = MainWindow(load_workspace(DATA / "markup"), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.select_map("k") and w.select_pathway("p")
    return w


def test_markup_in_data_is_shown_literally_everywhere(marked, qtbot):
    w = marked
    seen = []

    def look():
        QApplication.processEvents()
        texts = shown_texts() + scene_tooltips(w)
        seen.extend(texts)
        return markup_problems(texts)

    bad = look()  # the whole pathway
    w.set_step(0)
    bad += look()
    w.show_details("skole")
    bad += look()
    w.show_details("bup")
    bad += look()
    w.presentation.enter()
    w.set_step(0)
    bad += look()
    w.presentation.leave()
    # the problems panel: an entry opens the file at its line, the message beside it
    lst = w.problems_panel.list
    assert lst.count(), "the marked-up case names a missing ppt: one warning"
    viewer = w.problems_panel.open_item(lst.item(0))
    assert viewer is not None and viewer.message.textFormat() == Qt.PlainText
    bad += look()
    viewer.close()
    # key help, poster dialog
    window_actions.show_keys(w)
    window_actions.export_poster(w)
    bad += look()
    w.keys_box.close()
    w.poster_dialog.reject()
    # a case: dialog, panel, reveal, facilitator window, summary
    dlg = w.kasus.choose_and_start()
    dlg.select("c", "k")
    bad += look()
    dlg.accept()
    session = w.kasus.session
    assert session is not None
    session.toggle_mark("skole")
    session.reveal()
    w.kasus.confirm = lambda title, question: True  # one screen: say yes to showing it here
    assert w.kasus.show_facilitator()
    bad += look()
    w.presentation.enter()
    bad += look()
    w.presentation.leave()
    session.next_step()
    w.kasus._fill_recent()
    w.kasus.recent_menu.aboutToShow.emit()
    summary = w.kasus.show_summary()
    bad += look()
    summary.close()
    w.kasus.end()

    assert bad == [], "\n".join(dict.fromkeys(bad))
    # and the markup was actually on screen in each place that shows data
    places = {
        "pathway title": "Angst <img src=\"bilde.png\">",
        "pathway text": "Innledning <b>fet</b> &amp; <img src=\"bilde.png\">",
        "step condition": "Når <b>fet</b> &amp; <img src=\"bilde.png\">",
        "details": "Beskrivelse <b>fet</b> &amp; <img src=\"bilde.png\">",
        "service name": "BUP <img src=\"bilde.png\"> &amp; co",
        "case title": "Steg <b>fet</b> &amp; <img src=\"bilde.png\">",
        "case story": "Fortelling <b>fet</b> &amp; <img src=\"bilde.png\">",
        "facilitator": "Fasilitator <b>fet</b> &amp; <img src=\"bilde.png\">",
        "map name": "Markupvik <b>fet</b> &amp; <img src=\"bilde.png\">",
    }
    for what, literal in places.items():
        assert any(literal in text for _w, text, _r in seen), what


def test_plain_helpers():
    assert plain.window_title("Kart [*] 2") == "Kart [*][*] 2"
    assert plain.action_text("Barn & unge") == "Barn && unge"
    assert plain.tooltip("<b>x</b> & y") == "<qt>&lt;b&gt;x&lt;/b&gt; &amp; y</qt>"


def test_window_title_shows_brackets_and_star_as_written(qtbot, tmp_path):
    make_app()
    w = QWidget()
    qtbot.addWidget(w)
    w.setWindowTitle(plain.window_title("Kart [*] – Sammenkart"))
    w.show()
    qtbot.waitExposed(w)
    assert w.windowHandle().title() == "Kart [*] – Sammenkart"


@pytest.fixture
def lines_window(qtbot, tmp_path):
    make_app()
    w = MainWindow(load_workspace(DATA / "h7"), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.select_map("smaavik") and w.select_pathway("skolevegring")
    return w


def _has_lines(text: str, *lines: str) -> bool:
    shown = [line.strip() for line in text.splitlines()]
    return all(line in shown for line in lines)


def test_literal_blocks_keep_their_lines_on_screen(lines_window):
    w = lines_window
    pp = w.findChild(PathwayPanel)
    assert _has_lines(pp.info.toPlainText(), "Tre tegn å se etter:", "Eleven er ofte borte på mandager.",
                      "Eleven klager på vondt i magen.", "Eleven unngår gymtimene.")
    w.set_step(0)
    steps = ("1. Samtale med eleven alene.", "2. Samtale med foreldrene.", "3. Plan for gradvis oppmøte.")
    assert _has_lines(pp.info.toPlainText(), *steps), pp.info.toPlainText()
    w.show_details("skolehelsetjeneste")
    assert _has_lines(w.details.browser.toPlainText(), *steps)
    # a case: the story on the shared screen, the notes in the facilitator window
    dlg = w.kasus.choose_and_start()
    dlg.select("skolevegring", "smaavik")
    dlg.accept()
    panel = w.kasus.panel
    assert _has_lines(panel.story.text(), "Eleven er borte for tredje mandag på rad.",
                      "Mor ringer og sier at han har vondt i magen.")
    w.kasus.confirm = lambda title, question: True  # one screen: say yes to showing it here
    assert w.kasus.show_facilitator()
    assert _has_lines(w.kasus.facilitator.notes.toPlainText(), "Spør gruppen:", "Hvem ringer hjem?",
                      "Hvem snakker med eleven?")
    w.kasus.session.next_step()
    assert panel.story.text().strip() == "Fraværet fortsetter og eleven sier lite."  # > flows
    summary = w.kasus.show_summary()
    summary.close()
    w.kasus.end()


def test_step_condition_keeps_its_lines_in_the_panel_and_caption(lines_window):
    w = lines_window
    w.current_pathway().flyt[0].nar = "Når eleven:\ner borte tre mandager"
    w.pathway_panel.show_pathway(w.current_map(), w.current_pathway())
    w.set_step(0)
    for rich in (w.pathway_panel.condition.text(), w.caption_text()):
        doc = QTextDocument()
        doc.setHtml(rich)
        shown = doc.toPlainText().replace("\u2028", "\n").splitlines()
        assert shown[-2].endswith("Når eleven:") and shown[-1] == "er borte tre mandager", shown


def test_summary_view_renders_note_lines_as_lines(lines_window, tmp_path):
    w = lines_window
    dlg = w.kasus.choose_and_start()
    dlg.select("skolevegring", "smaavik")
    dlg.accept()
    w.kasus.session.set_note("muligheter", "Møte med mor\nMøte med eleven")
    summary = w.kasus.show_summary()
    text = summary.view.document().toPlainText().replace("\u2028", "\n")
    assert _has_lines(text, "Møte med mor", "Møte med eleven"), text
    w.kasus.session.set_note("fritekst", "Ring 📞 mor")
    assert summary.export_pdf(str(tmp_path / "referat.pdf")) is not None
    assert "U+1F4DE" in summary.message.text() and "skolevegring.yaml:7:5" in summary.message.text()
    summary.close()
    w.kasus.end()


def test_search_finds_decomposed_names(lines_window, qtbot):
    import unicodedata

    w = lines_window
    w.current_map().tjenester[0].navn = unicodedata.normalize("NFD", "Kárášjohka skole")
    w.search.focus()
    w.search.edit.setText("kárášjohka")  # typed text is NFC (QTest cannot type š)
    assert w.search.results.count() == 1 and w.search.results.item(0).data(Qt.UserRole) == "skole"


def test_poster_dialog_names_what_the_fonts_lack(qtbot):
    from sammenkart.model import Contact, Source
    from sammenkart.qt.poster_dialog import PosterDialog

    class Window:
        def __init__(self):
            ws = load_workspace(DATA / "h7")
            self.workspace, self.map = ws, ws.maps["smaavik"]
            self.map.tjenester[0].kontakt = Contact(telefon="📞 22 33 44 55")
            self.map.tjenester[0].source = Source("kart/smaavik.yaml", 5, 5)

        def current_map(self):
            return self.map

    d = PosterDialog(Window())
    qtbot.addWidget(d)
    assert d.warning.textFormat() == Qt.PlainText
    assert "kart/smaavik.yaml:5:5: advarsel:" in d.warning.text() and "U+1F4DE" in d.warning.text()
    d.pathway.setCurrentIndex(1)
    d.handout.setChecked(True)
    assert "U+1F4DE" in d.warning.text()
