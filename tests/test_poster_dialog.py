"""Fil → Eksporter plakat…: the dialog previews the page and saves the PDF."""
from pypdf import PdfReader

from sammenkart.model import Workspace
from sammenkart.qt.poster_dialog import PosterDialog
from test_poster_data import sample_map, sample_pathway


class FakeWindow:
    def __init__(self):
        self.map = sample_map()
        self.workspace = Workspace(maps={self.map.id: self.map}, pathways={"angst": sample_pathway()})

    def current_map(self):
        return self.map


def test_preview_follows_orientation(qtbot):
    d = PosterDialog(FakeWindow())
    qtbot.addWidget(d)
    pm = d.preview.pixmap()
    assert pm.height() > pm.width()
    d.orientation.setCurrentIndex(1)
    pm = d.preview.pixmap()
    assert pm.width() > pm.height()


def test_handout_only_with_a_pathway(qtbot):
    d = PosterDialog(FakeWindow())
    qtbot.addWidget(d)
    assert not d.handout.isEnabled()
    d.pathway.setCurrentIndex(1)
    assert d.handout.isEnabled()


def test_save_writes_the_chosen_paper(qtbot, tmp_path):
    d = PosterDialog(FakeWindow())
    qtbot.addWidget(d)
    d.paper.setCurrentText("A3")
    d.orientation.setCurrentIndex(1)
    out = tmp_path / "plakat.pdf"
    assert d.save(str(out))
    page = PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 1191 and round(float(page.mediabox.height)) == 842


def test_save_handout_for_the_chosen_pathway(qtbot, tmp_path):
    d = PosterDialog(FakeWindow())
    qtbot.addWidget(d)
    d.pathway.setCurrentIndex(1)
    d.handout.setChecked(True)
    assert not d.paper.isEnabled()  # a handout is always A4
    out = tmp_path / "brosjyre.pdf"
    assert d.save(str(out))
    text = PdfReader(out).pages[0].extract_text()
    assert "Angst" in text and "Skolehelsetjenesten" in text


class WindowOnAPathway(FakeWindow):
    def current_pathway(self):
        return self.workspace.pathways["angst"]


def test_pathway_defaults_to_the_one_shown_in_the_window(qtbot):
    d = PosterDialog(WindowOnAPathway())
    qtbot.addWidget(d)
    assert d.pathway.currentData() == "angst"
    assert d.handout.isEnabled()


def test_preview_paints_the_cards_of_the_display_list(qtbot):
    from PySide6.QtGui import QColor

    d = PosterDialog(WindowOnAPathway())
    qtbot.addWidget(d)
    img = d.preview.pixmap().toImage()
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
    layout, pal, variant, em, plan = d._last
    fills = {QColor(c.fill).name() for c in plan.display.cards if c.state != "dim"}
    assert fills & colours  # the cards in their level colours, not grey boxes
    assert plan.display.arrows and plan.display.badges  # the pathway's numbered arrows are in what was painted


def test_saving_says_where_the_pdf_went(qtbot, tmp_path):
    d = PosterDialog(WindowOnAPathway())
    qtbot.addWidget(d)
    out = tmp_path / "plakat.pdf"
    assert d.save(str(out))
    assert d.confirmation is not None and str(out) in d.confirmation.text()
    assert "lagret" in d.confirmation.text()
    d.confirmation.close()


def test_the_handout_preview_is_its_first_page_as_it_prints(qtbot, tmp_path):
    from PySide6.QtGui import QColor

    d = PosterDialog(WindowOnAPathway())
    qtbot.addWidget(d)
    d.handout.setChecked(True)
    img = d.preview.pixmap().toImage()
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 2) for y in range(0, img.height(), 2)}
    from sammenkart.poster.handout import prepare_handout

    plan = prepare_handout(d.map, d.options()["pathway"])
    assert {QColor(c.fill).name() for c in plan.display.cards} & colours  # the small map, in its colours
    out = tmp_path / "b.pdf"
    assert d.save(str(out))
    pages = len(PdfReader(out).pages)
    assert (f"{pages} sider" if pages > 1 else "1 side") in d.warning.text()
    d.confirmation.close()


def test_the_greyed_choices_show_the_handouts_a4_portrait_and_come_back_after(qtbot):
    """Tester round 5 (e20.png): 'Paper: A0' greyed while the A4 handout was ticked."""
    d = PosterDialog(FakeWindow())
    qtbot.addWidget(d)
    d.paper.setCurrentText("A0")
    d.orientation.setCurrentIndex(1)
    d.pathway.setCurrentIndex(1)
    d.handout.setChecked(True)
    assert (d.paper.currentText(), d.orientation.currentIndex(), d.tile.currentIndex()) == ("A4", 0, 0)
    assert not d.paper.isEnabled() and d.public.isChecked()
    d.handout.setChecked(False)
    assert (d.paper.currentText(), d.orientation.currentIndex()) == ("A0", 1)
    assert d.paper.isEnabled()


def test_the_dialog_names_a_handout_service_without_a_contact(qtbot):
    w = FakeWindow()
    for s in w.map.tjenester:
        s.kontakt = type(s.kontakt)()
    d = PosterDialog(w)
    qtbot.addWidget(d)
    d.pathway.setCurrentIndex(1)
    d.handout.setChecked(True)
    from sammenkart.poster.handout import prepare_handout

    missing = prepare_handout(d.map, d.options()["pathway"]).no_contact
    assert missing
    for sid in missing:
        assert f"«{d.map.service(sid).navn}» " in d.warning.text()
