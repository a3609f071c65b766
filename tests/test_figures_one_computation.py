"""The figures a user reads are right, and the same in the window and from ``sammenkart tal``
(tester 5): a misspelt municipality never enters the totals, a municipality-year with a
left-out row is marked and left out of the sums, an emptied spreadsheet row is a blank
line, a year's file of its own says where its rows go, and English output writes English
numbers."""
import re
import shutil

import pytest
from PySide6.QtCore import QSettings, Qt

from sammenkart import i18n, paths
from sammenkart.cli import main
from sammenkart.loader import load_workspace

REGION_ROWS_2024 = """2025;Sjøvik;bup;148;22;5768
2025;Sjøvik;habilitering;26;2;5768
2025;Lyngnes;bup;50;8;1779
2025;Lyngnes;habilitering;7;1;1779
2025;Fjellstad;bup;23;3;1052
2025;Fjellstad;habilitering;5;1;1052
2025;Straumøy;bup;20;3;641
2025;Straumøy;habilitering;2;0;641
2025;Dalsbygd;bup;8;1;404
2025;Dalsbygd;habilitering;2;0;404
"""


def _region(tmp_path, extra: str = ""):
    """A copy of the bundled region with ``extra`` rows at the end of tal/brattfjord.csv."""
    root = tmp_path / "reg"
    shutil.copytree(paths.region_dir(), root)
    csv = root / "tal" / "brattfjord.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root, len(csv.read_text(encoding="utf-8").splitlines()) - extra.count("\n")


MISSPELT = REGION_ROWS_2024.replace("2025;Sjøvik;bup", "2025;Sjøvk;bup")
MISTAKES = MISSPELT.replace("2025;Lyngnes;bup;50;", "2025;Lyngnes;bup;50,5;").replace(
    "2025;Fjellstad;bup;23;3;1052", "2025;Fjellstad;bup;23;3") + ";;;;;\n"


@pytest.fixture
def english():
    i18n.set_language("en")
    i18n.set_output_language("en")  # conftest puts both back after the test


def _tables(out: str) -> dict[str, list[list[str]]]:
    """The terminal tables of ``sammenkart tal``: {title: [cells of each row]} (dashes dropped)."""
    tables, title = {}, None
    for block in out.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if len(lines) > 2 and set(lines[2].replace(" ", "")) == {"-"}:
            title = lines[0]
            tables[title] = [re.split(r"\s{2,}", ln.strip()) for ln in lines[1:]
                             if set(ln.replace(" ", "")) != {"-"}]
    return tables


def test_a_misspelt_municipality_is_never_counted(tmp_path, capsys):
    root, _n = _region(tmp_path, MISSPELT)
    main(["tal", str(root)])
    out, err = capsys.readouterr()
    # a warning, as the format contract has it, that says the row is not counted
    assert re.search(r"brattfjord\.csv:\d+:6: advarsel: .*«Sjøvk».*«Sjøvik».*(Raden er ikke med i tallene|Rada er ikkje med i tala)", err)
    per_k = _tables(out)["Per kommune, 2025"]
    assert [r[0] for r in per_k[1:]] == ["Sjøvik (ufullstendig)", "Lyngnes", "Fjellstad", "Straumøy", "Dalsbygd",
                                         "Heile regionen (utan Sjøvik)"]
    assert "Sjøvk" not in out
    assert per_k[1][1:] == ["–"] * 5  # Sjøvik's 2025 lacks its BUP row: no figure, not a made-up 4,5
    # the four complete municipalities: 1 779 + 1 052 + 641 + 404 children, 117 referrals
    assert per_k[-1][1:] == ["3\u00a0876", "117", "30,2", "17", "14,5\u00a0%"]


def test_a_row_with_an_error_makes_its_municipality_year_incomplete(tmp_path, capsys):
    root, _n = _region(tmp_path, MISTAKES)
    assert main(["tal", str(root)]) == 1
    out, err = capsys.readouterr()
    assert ":18: feil: «50,5»" in err
    assert "«» er ikkje" not in err and "«» er ikke" not in err and err.count("feil:") == 2  # ;;;;; is a blank line
    rate = {r[0]: r for r in _tables(out)["Tilvisingar per 1\u00a0000 barn, 2021–2025"][1:]}
    # Lyngnes 2025 has only its HABU row left: no "3,9 per 1 000, change −27,3"
    assert rate["Lyngnes (ufullstendig)"][-2:] == ["–", "–"]
    assert rate["Fjellstad (ufullstendig)"][-2:] == ["–", "–"]
    assert rate["Straumøy"][-2:] == ["34,3", "+2,6"]
    assert rate["Heile regionen (utan Sjøvik, Lyngnes, Fjellstad)"][-1] == "–"  # no change from an incomplete year
    assert "Ufullstendig 2025" in out


@pytest.mark.parametrize("extra", ["", MISTAKES], ids=["bundled", "with-mistakes"])
def test_the_window_and_the_cli_show_the_same_figures(qtbot, tmp_path, capsys, english, extra):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    root, _n = _region(tmp_path, extra)
    main(["--sprak", "en", "tal", str(root)])
    cli = _tables(capsys.readouterr().out)
    make_app()
    w = MainWindow(load_workspace(root), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.language.force("en")  # as --sprak en: an English window
    w.figures_ui.action.trigger()  # Ctrl+T
    panel = w.figures_ui.panel
    year = w.figures_ui.current_year()
    assert year == (2025 if extra else 2024)
    per_k = cli[f"By municipality, {year}"][1:]
    per_m = cli[f"By recipient, {year}"][1:]
    # window: name, per 1,000, rejected %; CLI per municipality: name, children, referrals,
    # per 1,000, rejections, %; per recipient: name, referrals, rejections, %, per 1,000
    assert panel.rows(0) == [[r[0], r[3], r[5]] for r in per_k]
    assert [row[:3] for row in panel.rows(1)] == [[r[0], r[4], r[3]] for r in per_m]
    whole = panel.rows(0)[-1]
    assert whole[0].startswith("Whole region") and "." in whole[1] and "," not in whole[1]  # English numbers
    if not extra:
        assert whole[1:] == ["30.2", "14.1%"]


def test_a_years_file_of_its_own_says_where_its_rows_go(tmp_path, capsys):
    root, _n = _region(tmp_path)
    (root / "tal" / "brattfjord-2025.csv").write_text("ar;kommune;mottaker;henvisninger;avslag;barn\n"
                                                      + REGION_ROWS_2024, encoding="utf-8")
    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "brattfjord-2025.csv:1:1: feil: tallene for kartet «brattfjord» skal stå i tal/brattfjord.csv" in out


def test_a_file_that_cannot_be_used_is_named_not_called_missing(tmp_path, capsys):
    root, _n = _region(tmp_path)
    csv = root / "tal" / "brattfjord.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(";barn", "", 1), encoding="utf-8")
    assert main(["tal", str(root)]) == 1
    err = capsys.readouterr().err
    assert "«barn» manglar" in err or "«barn» mangler" in err
    assert "tal/brattfjord.csv kunne ikke brukes" in err and "fant ingen tall" not in err


def test_english_csv_is_comma_separated_with_a_decimal_point(tmp_path, english):
    out = tmp_path / "tal.csv"
    assert main(["--sprak", "en", "tal", str(paths.region_dir()), "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "2024,Municipality,Sjøvik,5768,174,24,30.2,13.8," in lines
