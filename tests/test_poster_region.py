"""Posters of a region: the regional view by default, one municipality, every service,
and the figures table (--tal); on A0 no type under 14 pt."""
import math
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sammenkart import paths

ROOT = Path(__file__).resolve().parent.parent
REGION = str(paths.region_dir() / "kart" / "brattfjord.yaml")


def export(tmp_path, *args):
    out = tmp_path / "p.pdf"
    proc = subprocess.run([sys.executable, "-m", "sammenkart", "export", REGION, "--out", str(out), *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=240)
    return proc, out


def text_sizes(pdf: Path) -> list[tuple[float, str]]:
    """(size in points as printed, text) of every piece of text on every page."""
    found = []
    for page in PdfReader(pdf).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
                found.append((size * scale, text.strip()))
        page.extract_text(visitor_text=visit)
    return found


def page_text(pdf: Path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(pdf).pages)


@pytest.mark.parametrize("forlop", [None, "angst", "tristhet-depresjon"])
def test_an_a0_poster_of_the_region_prints_nothing_under_14_pt(tmp_path, forlop):
    args = ["--papir", "A0", "--tal", "2024"] + (["--forlop", forlop] if forlop else [])
    proc, out = export(tmp_path, *args)
    assert proc.returncode == 0, proc.stderr
    assert "advarsel" not in proc.stderr
    sizes = text_sizes(out)
    smallest = min(sizes)
    assert smallest[0] >= 14.0 - 0.05, smallest
    text = page_text(out)
    assert "i alle kommunane" in text  # the regional view
    assert "Tilvisingar og avslag 2024" in text  # in the region's nynorsk
    for name in ("Sjøvik", "Dalsbygd", "Heile regionen"):
        assert name in text


def test_the_figures_table_holds_the_years_figures(tmp_path):
    from sammenkart import figures
    from sammenkart.figures_view import format_number
    from sammenkart.loader import load_workspace

    table = load_workspace(paths.region_dir()).figures["brattfjord"]
    proc, out = export(tmp_path, "--papir", "A1", "--tal", "2023")
    assert proc.returncode == 0, proc.stderr
    text = page_text(out)
    for k, f in figures.by_kommune(table, 2023).items():
        assert format_number(f.henvisningsrate, "henvisningsrate") in text, k
        assert format_number(f.avslagsprosent, "avslagsprosent").replace("\u00a0", " ") in text.replace("\u00a0", " ")
    assert "oppdikta" in text  # the file says they are example figures, and so does the poster


def test_one_municipality_and_every_service(tmp_path):
    proc, out = export(tmp_path, "--papir", "A2", "--kommune", "Lyngnes")
    assert proc.returncode == 0, proc.stderr
    text = page_text(out)
    assert "Lyngnes legekontor" in text and "Dalsbygd legekontor" not in text
    proc, out = export(tmp_path, "--papir", "A0", "--visning", "alle")
    assert proc.returncode == 0, proc.stderr
    text = " ".join(page_text(out).split())  # a card's name may wrap
    assert "Dalsbygd legekontor" in text and "i alle kommunane" not in text


def test_wrong_choices_are_told_plainly(tmp_path):
    proc, _ = export(tmp_path, "--tal", "1999")
    assert proc.returncode == 2
    assert "1999" in proc.stderr and "2021, 2022, 2023, 2024" in proc.stderr
    proc, _ = export(tmp_path, "--kommune", "Atlantis")
    assert proc.returncode == 2 and "Sjøvik, Lyngnes" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "sammenkart", "export", "fjordvik", "--out", str(tmp_path / "x.pdf"),
                           "--kommune", "Sjøvik"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and "regionkart" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "sammenkart", "export", "fjordvik", "--out", str(tmp_path / "x.pdf"),
                           "--tal", "2024"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 2 and "tal/fjordvik.csv" in proc.stderr


def test_the_smallest_type_counts_the_step_numbers():
    from sammenkart.loader import load_workspace
    from sammenkart.poster.export import prepare

    ws = load_workspace(paths.region_dir())
    region = ws.maps["brattfjord"]
    pathway = ws.pathway("angst", "nn")
    *_rest, plan = prepare(region, "A0", pathway=pathway, pathways=ws.pathways_for(region))
    numbers = min(b.size for b in plan.display.badges) * plan.scale
    assert plan.min_font == pytest.approx(min(numbers, plan.min_font)) and plan.min_font <= numbers + 1e-6
    assert plan.warnings  # every service of the region with a pathway: too small on A0, and said so


def test_the_poster_dialog_offers_the_figures(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from sammenkart.loader import load_workspace
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow
    from sammenkart.qt.poster_dialog import PosterDialog

    make_app()
    w = MainWindow(load_workspace(paths.region_dir()), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    dlg = PosterDialog(w)
    qtbot.addWidget(dlg)
    assert [dlg.figures.itemData(i) for i in range(dlg.figures.count())] == [None, 2024, 2023, 2022, 2021]
    assert not any(p.block.kind == "figures" for p in dlg._last[4].blocks)
    dlg.figures.setCurrentIndex(dlg.figures.findData(2023))
    plan = dlg._last[4]
    assert any(p.block.kind == "figures" for p in plan.blocks + [q for page in plan.extra_pages for q in page])
    assert dlg.save(str(tmp_path / "plakat.pdf"))
    assert "Per kommune, 2023" in page_text(tmp_path / "plakat.pdf")


@pytest.mark.parametrize("view", [[], ["--visning", "alle"]], ids=["regional", "alle"])
def test_a_family_handout_of_a_whole_region_asks_for_one_municipality(tmp_path, view):
    # A handout tells a parent whom to contact where they live; the whole region
    # has one card per municipal role, without contacts (it used to crash here).
    proc, out = export(tmp_path, "--forlop", "angst", "--brosjyre", *view)
    assert proc.returncode == 2, proc.stderr
    assert "intern feil" not in proc.stderr and "Traceback" not in proc.stderr
    assert "en brosjyre for familier gjelder én kommune" in proc.stderr and "--kommune" in proc.stderr
    assert "Sjøvik, Lyngnes, Fjellstad, Straumøy, Dalsbygd" in proc.stderr
    assert not out.exists()
    proc, out = export(tmp_path, "--forlop", "tristhet-depresjon", "--brosjyre", "--kommune", "Lyngnes")
    assert proc.returncode == 0, proc.stderr
    text = " ".join(page_text(out).split())
    assert "Lyngnes" in text and "Dalsbygd" not in text


def test_the_poster_dialog_offers_the_handout_on_one_municipality_only(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from sammenkart.loader import load_workspace
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow
    from sammenkart.qt.poster_dialog import PosterDialog

    make_app()
    w = MainWindow(load_workspace(paths.region_dir()), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    assert w.select_pathway("angst")
    dlg = PosterDialog(w)
    qtbot.addWidget(dlg)
    assert dlg.pathway.currentData() == "angst"
    assert not dlg.handout.isEnabled() and "Vis → Kommune" in dlg.handout.toolTip()
    dlg.handout.setChecked(True)  # ticked before: still a poster
    assert dlg.save(str(tmp_path / "regionen.pdf"))
    assert round(float(PdfReader(tmp_path / "regionen.pdf").pages[0].mediabox.width)) > 595  # the poster, not A4
    w.region_ui.set_view("Lyngnes")
    dlg = PosterDialog(w)
    qtbot.addWidget(dlg)
    assert dlg.handout.isEnabled() and dlg.handout.toolTip() == ""
    dlg.handout.setChecked(True)
    assert dlg.save(str(tmp_path / "lyngnes.pdf"))
    assert round(float(PdfReader(tmp_path / "lyngnes.pdf").pages[0].mediabox.width)) == 595  # the A4 handout
    assert "Lyngnes" in page_text(tmp_path / "lyngnes.pdf")
