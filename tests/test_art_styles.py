"""Every kind of step (``art``) has its own line and legend entry on screen and paper,
and the lines tell the kinds apart in grey-scale print, where every arrow is black."""
import itertools

import pytest
from PySide6.QtCore import QSettings

from sammenkart import display
from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled
from sammenkart.model import ARTS
from sammenkart.overlay import pathway_emphasis
from sammenkart.poster.export import prepare
from sammenkart.style import ART_DASH, art_label, palette
from test_poster_data import pdf_text

NEW = ("bekymringsmelding", "kontakt")  # format 1.1


def signature(dash: tuple[float, ...]) -> tuple[int, float, float]:
    """What the eye tells apart in a black line: dashes per repeat, the share of ink,
    and the longest dash against the repeat (0 dashes: a solid line)."""
    if not dash:
        return (0, 1.0, 1.0)
    marks = dash[0::2]
    period = sum(dash)
    return (len(marks), sum(marks) / period, max(marks) / period)


def apart(a, b) -> bool:
    """Two lines look different: another number of dashes per repeat, or, with as
    many, clearly another share of ink or another longest dash."""
    if a[0] != b[0]:
        return True
    return abs(a[1] - b[1]) >= 0.15 or abs(a[2] - b[2]) >= 0.15


def test_every_art_has_a_line_of_its_own_that_reads_in_grey():
    assert set(ART_DASH) == set(ARTS) and set(NEW) <= set(ARTS)
    for a, b in itertools.combinations(ARTS, 2):
        assert apart(signature(ART_DASH[a]), signature(ART_DASH[b])), (a, b, ART_DASH[a], ART_DASH[b])
    # grey-scale draws every arrow in one colour: only the dash can tell them apart
    grey = palette("gratone")
    assert grey.arrow == grey.arrow_current


def test_the_check_itself_bites():
    assert not apart(signature((7.0, 4.0)), signature((7.5, 4.0)))  # a slightly longer dash is no new line
    assert apart(signature((7.0, 4.0)), signature((3.0, 2.0, 3.0, 6.0)))


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def test_the_display_list_draws_each_art_with_its_dash_and_lists_it_in_the_legend(ws):
    m = ws.maps["eksempelkommune"]
    p = ws.pathway("vold-overgrep", "nb")
    assert set(NEW) <= {st.art for st in p.flyt}
    d = display.build(m, layout_map(m, ws.pathways_for(m)), pathway_emphasis(m, p), "gratone")
    for line in d.arrows:
        assert line.dash == ART_DASH[line.art]
    assert set(NEW) <= {line.art for line in d.arrows}
    legend = {e.key: e for e in d.legend if e.kind == "art"}
    for art in NEW:
        assert legend[art].dash == ART_DASH[art] and legend[art].label == art_label(art)


def test_the_grey_poster_shows_both_new_arts_in_its_legend(ws, tmp_path):
    from sammenkart.poster import export_poster

    m = ws.maps["fjordvik"]
    p = ws.pathway("vold-overgrep", "nn")
    _l, _p, _v, _e, plan = prepare(m, "A2", pathway=p, greyscale=True, pathways=ws.pathways_for(m))
    dashes = [op[4] for pl in plan.blocks if pl.block.kind == "legend" for op in pl.block.ops if op[0] == "dash"]
    assert len(dashes) == len(set(dashes)) and {ART_DASH[a] for a in NEW} <= set(dashes)
    out = tmp_path / "g.pdf"
    export_poster(m, out, "A2", pathway=p, greyscale=True, workspace=ws)
    assert "bekymringsmelding" in pdf_text(out)


def test_the_window_legend_lists_both_new_arts(qtbot, tmp_path, ws):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.select_map("eksempelkommune")
    w.select_pathway("vold-overgrep")
    rows = {e.key: e for e in dict(w.legend.columns)["Forløpet"]}
    assert set(NEW) <= set(rows)
    assert {rows[a].dash for a in NEW} == {ART_DASH[a] for a in NEW}
