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
