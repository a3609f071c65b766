"""`sammenkart tal MAPPE`: the summary table in the terminal, Markdown, PDF and CSV."""
import csv
import io
import shutil

import pytest
from pypdf import PdfReader

from sammenkart import paths
from sammenkart.cli import main

REGION = str(paths.region_dir())


def _cells(line: str) -> list[str]:
    # Columns are set apart by spaces; inside a number a no-break space groups digits.
    return [c for c in line.split(" ") if c]


def test_terminal_table_in_the_maps_malform_for_the_latest_year(capsys):
    assert main(["tal", REGION]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tilvisingar og avslag – Brattfjord-regionen")
    assert "Per kommune, 2024" in out and "Eksempeltal" in out
    # Sjøvik 2024: 148 + 26 referrals, 22 + 2 rejected, 5,768 children
    sjovik = next(line for line in out.splitlines() if line.startswith("Sjøvik"))
    assert _cells(sjovik) == ["Sjøvik", "5\u00a0768", "174", "30,2", "24", "13,8\u00a0%"]
    assert "Heile regionen" in out and "Tilvisingar per 1\u00a0000 barn, 2021–2024" in out
    bup = next(line for line in out.splitlines() if line.startswith("BUP Brattfjord") and "28,5" in line)
    assert _cells(bup)[-1] == "−13,6"  # 28.5 % in 2021 to 14.9 % in 2024


def test_a_chosen_year_and_the_trend_up_to_it(capsys):
    assert main(["tal", REGION, "--ar", "2022"]) == 0
    out = capsys.readouterr().out
    assert "Per kommune, 2022" in out and "2021–2022" in out and "2023" not in out


def test_wrong_usage_exits_2(capsys, tmp_path):
    assert main(["tal", REGION, "--ar", "2019"]) == 2
    assert "2019" in capsys.readouterr().err
    assert main(["tal", REGION, "--out", str(tmp_path / "t.xlsx")]) == 2
    assert main(["tal", str(tmp_path / "finst-ikkje")]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["tal"])
    assert exc.value.code == 2


def test_markdown_file(tmp_path):
    out = tmp_path / "tal.md"
    assert main(["tal", REGION, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Tilvisingar og avslag – Brattfjord-regionen\n")
    assert "| Kommune | Barn 0–17 år | Tilvisingar |" in text
    assert "| **Heile regionen** |" in text


def test_csv_file_reads_back_as_one_table(tmp_path):
    out = tmp_path / "tal.csv"
    assert main(["tal", REGION, "--out", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert rows[0] == ["År", "Gruppe", "Namn", "Barn 0–17 år", "Tilvisingar", "Avslag", "Per 1\u00a0000 barn",
                       "Avslagsprosent", "Ufullstendig"]
    assert ["2024", "Kommune", "Sjøvik", "5768", "174", "24", "30,2", "13,8", ""] in rows
    assert {r[0] for r in rows[1:]} == {"2021", "2022", "2023", "2024"}


def test_pdf_file_holds_the_tables(tmp_path):
    out = tmp_path / "tal.pdf"
    assert main(["tal", REGION, "--out", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Tilvisingar og avslag" in text and "Sjøvik" in text and "13,8" in text and "Heile regionen" in text


@pytest.mark.parametrize("name", ["tal.md", "tal.csv", "tal.pdf"])
def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch, name):
    out = tmp_path / name
    out.write_text("gammal", encoding="utf-8")
    from sammenkart import atomic

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    assert main(["tal", REGION, "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "gammal"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no half-written left-over


def test_errors_in_the_folder_exit_1_but_the_usable_rows_are_shown(tmp_path, capsys):
    shutil.copytree(REGION, tmp_path / "r")
    csv_path = tmp_path / "r" / "tal" / "brattfjord.csv"
    csv_path.write_text(csv_path.read_text(encoding="utf-8") + "2024;Sjøvik;bup;ti;1;5768\n", encoding="utf-8")
    assert main(["tal", str(tmp_path / "r")]) == 1
    captured = capsys.readouterr()
    assert "brattfjord.csv:46:17: feil:" in captured.err
    assert "Per kommune, 2024" in captured.out


def test_a_bokmal_map_gets_a_bokmal_table(tmp_path, capsys):
    (tmp_path / "kart").mkdir()
    (tmp_path / "tal").mkdir()
    shutil.copy(paths.kart_dir() / "eksempelkommune.yaml", tmp_path / "kart")
    (tmp_path / "tal" / "eksempelkommune.csv").write_text(
        "ar,kommune,mottaker,henvisninger,avslag,barn\n2023,Eksempelkommune,bup,80,20,3000\n"
        "2024,Eksempelkommune,bup,90,9,3000\n", encoding="utf-8")
    assert main(["tal", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Henvisninger og avslag – Eksempelkommune")
    assert "I alt" not in out  # one municipality, one receiver: no sum rows
    line = next(line for line in out.splitlines() if line.startswith("Eksempelkommune") and "%" in line)
    assert _cells(line)[-1] == "10,0\u00a0%"


def test_no_figures_is_an_error(tmp_path, capsys):
    assert main(["tal", str(paths.kart_dir())]) == 1
    assert "fant ingen tall" in capsys.readouterr().err


@pytest.mark.parametrize("lang, rate, pct", [
    ("nn", ("Tilvisingar per 1\u00a0000 barn, 2021–2024", "Per 1\u00a0000, endring frå 2021"),
     ("Avslag i prosent av tilvisingar, 2021–2024", "Avslag, endring frå 2021 (p.p.)")),
    ("en", ("Referrals per 1,000 children, 2021–2024", "Per 1,000, change since 2021"),
     ("Rejections as % of referrals, 2021–2024", "Rejections, change since 2021 (pp)")),
])
def test_each_trend_and_its_change_column_name_their_measure(capsys, lang, rate, pct):
    """A tester could not tell which figure "Endring frå 2021" was the change of; the trend
    tables say what they show in the words the window's slide uses (figures_view)."""

    assert main(["--sprak", lang, "tal", REGION]) == 0  # conftest gives the next tests bokmål again
    lines = capsys.readouterr().out.splitlines()
    for title, change in (rate, pct):
        head = lines[lines.index(title) + 1]
        assert head.rstrip().endswith(change)
