"""Figures (tal/<id>.csv): problems at line and column, derived figures, the bundled region's file."""
import pytest

from sammenkart import figures, paths
from sammenkart.cli import main
from sammenkart.loader import load_workspace
from sammenkart.model import Map, Service

HEADER = "ar;kommune;mottaker;henvisninger;avslag;barn\n"


def _parse(text: str):
    return figures.parse_figures(text, "tal/x.csv", "x")


def _where(problems, severity="error"):
    return [(p.source.line, p.source.column) for p in problems if p.severity == severity]


def test_a_good_file_gives_its_rows_and_no_problems():
    table, problems = _parse(HEADER + "2024;Stord;bup;120;18;4000\n2024;Stord;habilitering;10;1;4000\n")
    assert problems == []
    assert [(r.ar, r.kommune, r.mottaker, r.henvisninger, r.avslag, r.barn) for r in table.rows] == [
        (2024, "Stord", "bup", 120, 18, 4000), (2024, "Stord", "habilitering", 10, 1, 4000)]
    assert table.rows[1].source.line == 3


def test_missing_column_is_an_error_at_the_header_and_no_rows_are_read():
    table, problems = _parse("ar;kommune;mottaker;henvisninger;avslag\n2024;Stord;bup;1;0\n")
    assert table is None
    [p] = problems
    assert (p.source.line, p.is_error) == (1, True) and "«barn» mangler" in p.message


def test_a_mistyped_column_names_the_column_and_the_intended_name():
    _, problems = _parse("ar;kommune;mottaker;henvisning;avslag;barn\n")
    [p] = problems
    assert (p.source.line, p.source.column) == (1, 21)
    assert "henvisning" in p.message and "henvisninger" in p.message


def test_non_integer_counts_point_at_their_cell():
    text = HEADER + "2024;Stord;bup;12,5;1;4000\n2024;Fitjar;bup;7;;900\n2024;Bømlo;bup;7;1;2 400\n"
    table, problems = _parse(text)
    assert _where(problems) == [(2, 16), (3, 19), (4, 20)]
    assert table.rows == []  # rows with an error are left out (and reported)


def test_avslag_above_henvisninger_is_an_error_at_the_avslag_cell():
    _, problems = _parse(HEADER + "2024;Stord;bup;10;11;4000\n")
    [p] = problems
    assert (p.source.line, p.source.column, p.is_error) == (2, 19, True)
    assert "11" in p.message and "10" in p.message


def test_duplicate_row_is_an_error_naming_the_first_line():
    table, problems = _parse(HEADER + "2024;Stord;bup;10;1;4000\n2023;Stord;bup;9;1;4000\n2024;Stord;bup;12;2;4000\n")
    [p] = problems
    assert (p.source.line, p.source.column) == (4, 1) and "linje 2" in p.message
    assert [r.henvisninger for r in table.rows] == [10, 9]  # the first one counts


def test_comma_separator_quotes_bom_crlf_and_comments():
    text = "\ufeff# Eksempeltal\r\n# ikkje verkelege\r\n" + HEADER.replace(";", ",").replace("\n", "\r\n") + \
        '"2024","Stord",bup,10,1,4000\r\n# a comment between rows\r\n\r\n2023,Stord,bup,9,2,4000\r\n'
    table, problems = _parse(text)
    assert problems == []
    assert table.note == "Eksempeltal\nikkje verkelege"
    assert [r.ar for r in table.rows] == [2024, 2023]
    assert table.rows[1].source.line == 7


def test_wrong_number_of_cells_and_open_quote():
    _, problems = _parse(HEADER + "2024;Stord;bup;10;1\n2024;Stord;bup;10;1;4000;x\n2024;\"Stord;bup;10;1;4000\n")
    assert _where(problems) == [(2, 20), (3, 26), (4, 6)]


def test_an_unknown_municipality_is_a_warning_and_its_row_is_left_out_an_unknown_receiver_a_warning_too():
    m = Map("r", "Regionen", [Service("a", "A", 0, "kommune", kommune="Stord"),
                              Service("bup", "BUP", 3, "spesialist")], type="region")
    table, problems = _parse(HEADER + "2024;Stord;bup;10;1;4000\n2024;Stordd;bup;1;0;10\n2024;Stord;dps;1;0;4000\n")
    assert problems == []
    found = figures.map_problems(table, m)
    # warnings, as the format contract has it; the row is left out all the same, and the message says so
    assert [(p.source.line, p.source.column, p.severity) for p in found] == [(3, 6, "warning"), (4, 12, "warning")]
    assert "Stord" in found[0].message and "Raden er ikke med i tallene" in found[0].message
    assert [r.source.line for r in table.rows] == [2, 4]
    # the misspelt row is Stord's: Stord's 2024 is incomplete
    assert table.incomplete() == {(2024, "Stord"): [3]}


def test_the_map_name_is_a_municipality_too():
    m = Map("fjordvik", "Fjordvik kommune", [Service("bup", "BUP", 3, "spesialist")])
    table, _ = _parse(HEADER + "2024;Fjordvik kommune;bup;10;1;400\n")
    assert figures.map_problems(table, m) == []


def test_differing_child_counts_for_one_municipality_and_year_warn():
    table, problems = _parse(HEADER + "2024;Stord;bup;10;1;4000\n2024;Stord;habilitering;2;0;4100\n")
    assert [(p.source.line, p.source.column, p.severity) for p in problems] == [(3, 29, "warning")]
    assert figures.by_kommune(table, 2024)["Stord"].barn == 4000


def test_a_file_too_big_is_refused_like_a_yaml_file(tmp_path, monkeypatch):
    from sammenkart import yamlfile

    f = tmp_path / "x.csv"
    f.write_text(HEADER + "2024;Stord;bup;10;1;4000\n" * 10, encoding="utf-8")
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    table, problems = figures.read_figures(f)
    assert table is None and "MB" in problems[0].message


def test_not_utf8_is_an_error_at_the_byte(tmp_path):
    f = tmp_path / "x.csv"
    f.write_bytes(HEADER.encode() + "2024;Bømlo;bup;1;0;10\n".encode("latin-1"))
    table, [p] = figures.read_figures(f)
    assert table is None and (p.source.line, p.source.column) == (2, 7)


# ---------------------------------------------------------------- derived figures

def _table():
    text = HEADER + "".join([
        "2023;A;bup;40;10;2000\n", "2023;A;habilitering;10;0;2000\n", "2023;B;bup;10;5;500\n",
        "2024;A;bup;50;5;2000\n", "2024;A;habilitering;10;1;2000\n", "2024;B;bup;12;3;480\n",
    ])
    table, problems = _parse(text)
    assert problems == []
    return table


def test_per_municipality_sums_receivers_and_counts_children_once():
    per = figures.by_kommune(_table(), 2024)
    assert per["A"] == figures.Figure(60, 6, 2000)
    assert per["A"].henvisningsrate == pytest.approx(30.0)  # 60 per 2,000 children = 30 per 1,000
    assert per["A"].avslagsprosent == pytest.approx(10.0)
    assert per["B"].henvisningsrate == pytest.approx(25.0)


def test_per_receiver_and_region_total():
    t = _table()
    per = figures.by_mottaker(t, 2024)
    assert per["bup"] == figures.Figure(62, 8, 2480)
    assert per["habilitering"] == figures.Figure(10, 1, 2000)
    assert figures.total(t, 2024) == figures.Figure(72, 9, 2480)
    assert figures.total(t, 2024).avslagsprosent == pytest.approx(12.5)


def test_trend_over_years_and_change():
    t = _table()
    tr = figures.trend(t, lambda r: r.mottaker)
    assert list(tr["bup"]) == [2023, 2024]
    assert tr["bup"][2023].avslagsprosent == pytest.approx(30.0)
    assert figures.change(tr["bup"], "avslagsprosent") == pytest.approx(100 * 8 / 62 - 30.0)
    assert figures.change({2024: tr["bup"][2024]}, "avslagsprosent") is None


def test_no_referrals_gives_no_percentage():
    assert figures.Figure(0, 0, 100).avslagsprosent is None
    assert figures.Figure(0, 0, 100).henvisningsrate == 0.0


# ---------------------------------------------------------------- the bundled region

def test_bundled_region_figures_load_without_problems_and_show_a_trend():
    ws = load_workspace(paths.region_dir())
    assert ws.problems == []
    table = ws.figures["brattfjord"]
    assert "Eksempeltal" in table.note
    assert len(table.years()) >= 3
    m = ws.maps["brattfjord"]
    assert set(table.kommuner()) == {s.kommune for s in m.tjenester if s.kommune}
    bup = figures.trend(table, lambda r: r.mottaker)["bup"]
    assert figures.change(bup, "avslagsprosent") < -5  # the example shows rejections falling


def test_validate_covers_tal_and_fails_on_a_bad_row(tmp_path, capsys):
    (tmp_path / "kart").mkdir()
    (tmp_path / "tal").mkdir()
    (tmp_path / "kart" / "brattfjord.yaml").write_bytes((paths.region_dir() / "kart" / "brattfjord.yaml").read_bytes())
    (tmp_path / "tal" / "brattfjord.csv").write_text(HEADER + "2024;Sjøvik;bup;10;12;5800\n2024;Sjovik;bup;1;0;5800\n",
                                                     encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "brattfjord.csv:2:20: feil: avslag (12)" in out
    assert "brattfjord.csv:3:6: advarsel:" in out and "Sjøvik" in out
    # one CSV file on its own is checked against ../kart/<id>.yaml
    assert main(["validate", str(tmp_path / "tal" / "brattfjord.csv")]) == 1
    assert "brattfjord.csv:3:6: advarsel:" in capsys.readouterr().out


def test_validate_bundled_region_exits_0(capsys):
    assert main(["validate", str(paths.region_dir())]) == 0
    assert "0 feil" in capsys.readouterr().err
