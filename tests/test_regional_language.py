"""Tester 5, item 4: the regional view's labels ("– i alle kommunane", "i 4 av 5",
"berre i Sjøvik") are the program's words. They follow the rule for files (README,
"Språk / language"): the map's målform, English only when English is asked for, in
the window as on a poster, never Norwegian spliced into English."""
import dataclasses
import subprocess
import sys

import pytest

from sammenkart import i18n, paths, regional
from sammenkart.loader import load_workspace


@pytest.fixture(scope="module")
def region():
    return load_workspace(paths.region_dir()).maps["brattfjord"]


@pytest.fixture
def english():
    i18n.set_output_language("en")  # conftest puts it back after the test


def _labels(m):
    return [c.label for c in regional.regional_view(m).cards if not c.shared]


def test_a_nynorsk_region_is_labelled_in_nynorsk_and_a_bokmal_one_in_bokmal(region):
    assert any(label.endswith("– i alle kommunane") for label in _labels(region))
    bokmal = dataclasses.replace(region, malform="nb")
    labels = _labels(bokmal)
    assert any(label.endswith("– i alle kommunene") for label in labels)
    assert not any("kommunane" in label or "berre" in label for label in labels)


def test_english_asked_for_gives_english_labels_and_details(region, english):
    view = regional.regional_view(region)
    labels = [c.label for c in view.cards if not c.shared]
    assert any(label.endswith("– in all municipalities") for label in labels), labels
    assert any(" of 5" in label for label in labels) and any("only in " in label for label in labels), labels
    for c in view.cards:
        if not c.shared:
            assert not any(w in c.label + c.details for w in ("kommunane", "berre", " av ", "Finst", "Manglar")), c


def test_an_english_window_shows_english_labels_and_norwegian_again_after(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    monkeypatch.delenv(i18n.ENV, raising=False)
    make_app()
    w = MainWindow(load_workspace(paths.region_dir()), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.select_map("brattfjord")
    names = lambda: [s.navn for s in w.current_map().tjenester]  # noqa: E731
    assert any(n.endswith("– i alle kommunane") for n in names())
    w.language.choose("en")
    assert any(n.endswith("– in all municipalities") for n in names()), names()
    assert not any("kommunane" in n or "berre" in n for n in names())
    w.language.choose("nn")
    assert any(n.endswith("– i alle kommunane") for n in names())


def test_an_english_poster_of_the_region_has_english_labels(tmp_path):
    out = tmp_path / "r.pdf"
    r = subprocess.run([sys.executable, "-m", "sammenkart", "--sprak", "en", "export",
                        str(paths.region_dir() / "kart" / "brattfjord.yaml"), "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "all municipalities" in flat and "kommunane" not in flat, flat[:2000]
