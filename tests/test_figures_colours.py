"""One municipality, one colour (tester: Sjøvik was orange in the figures table and blue in the
trend): its line in the trend and the mark before its name in the tables share the look of
``figures_view.series_looks``; the colour of its *value* on the map stands behind the number,
explained by the scale, never where the group's colour goes."""
import pytest
from PySide6.QtCore import QSettings, Qt

from sammenkart import figures_view as fv, paths, regional
from sammenkart.loader import load_workspace
from sammenkart.style import SERIES_COLOURS, SERIES_TOTAL

KOMMUNER = ["Sjøvik", "Lyngnes", "Fjellstad", "Straumøy", "Dalsbygd"]


@pytest.fixture(scope="module")
def ws():
    return load_workspace(paths.region_dir())


@pytest.fixture(scope="module")
def table(ws):
    return ws.figures["brattfjord"]


@pytest.mark.parametrize("view", [regional.ALL, regional.REGIONAL])
def test_a_municipality_has_one_look_in_the_tables_and_the_trend(ws, table, view):
    m = regional.shown_map(ws.maps["brattfjord"], view)
    per_k, per_m = fv.tables(m, table, 2024)
    _years, series = fv.trend_series(m, table, "henvisningsrate")
    in_trend = {name: look for name, _v, look in series}
    assert [line.look for line in per_k.lines] == [in_trend[line.name] for line in per_k.lines]
    assert in_trend["Sjøvik"] == per_k.lines[0].look == ("#0072b2", "circle")
    assert per_k.lines[-1].is_total and per_k.lines[-1].look == (SERIES_TOTAL, "circle")
    assert all(line.look is None for line in per_m.lines)  # the trend has no line per receiver here


def test_the_looks_are_told_apart_by_colour_blind_viewers_and_in_grey(ws, table):
    m = regional.shown_map(ws.maps["brattfjord"], regional.ALL)
    looks = [line.look for line in fv.tables(m, table, 2024)[0].lines if not line.is_total]
    assert len(looks) == len(KOMMUNER)
    assert all(colour in SERIES_COLOURS for colour, _mk in looks)  # Okabe–Ito (style.py)
    assert len({c for c, _m in looks}) == len({mk for _c, mk in looks}) == len(looks)


def test_a_year_before_a_group_first_has_figures_keeps_the_trends_looks(ws, table):
    m = regional.shown_map(ws.maps["brattfjord"], regional.ALL)
    early = {line.name: line.look for line in fv.tables(m, table, 2021)[0].lines}
    _years, series = fv.trend_series(m, table, "avslagsprosent")
    assert all(early[name] == look for name, _v, look in series if name in early)


@pytest.mark.parametrize("measure", fv.MEASURES)
def test_the_colour_behind_a_number_is_its_cards_colour_on_the_map(ws, table, measure):
    m = regional.shown_map(ws.maps["brattfjord"], regional.ALL)
    fills = fv.value_fills(m, table, 2024, measure)
    card = dict(fv.colouring(m, table, 2024, measure).fills)
    for k in KOMMUNER:
        assert {card[s.id] for s in m.tjenester if s.kommune == k} == {fills[k]}


# ---------------------------------------------------------------- the slide, as seen

@pytest.fixture
def window(qtbot, tmp_path, ws):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1024, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def _colours(img, box, step: int = 1) -> set[str]:
    return {img.pixelColor(x, y).name() for x in range(int(box.left()), min(img.width(), int(box.right())), step)
            for y in range(int(box.top()), min(img.height(), int(box.bottom())), step)}


def test_on_the_slide_the_table_marks_are_the_charts_colours_and_the_fills_are_explained(window, qtbot, table):
    from PySide6.QtCore import QRectF

    fig = window.figures_ui
    fig.action.trigger()  # the cards coloured by the figures (Ctrl+T)
    window.region_ui.set_view(regional.ALL)
    window.presentation.enter()
    window.next_step()  # no pathway: the figures at once
    slide = fig.slide
    assert slide.isVisible() and slide.fills and slide.scale
    m = window.current_map()
    measure = slide.measure
    assert slide.scale == fv.colouring(m, table, 2024, measure, window.scene.variant).legend
    qtbot.wait(50)  # full screen taken effect
    img = slide.grab().toImage()
    plan = slide.plan()
    fit, box = plan.fit, slide.boxes()[0]
    assert fit.legend_h > 0 and box.bottom() <= img.height()
    marks = _colours(img, QRectF(box.x(), box.y(), fit.swatch, box.height()))
    left = box.x() + fit.name_x + fit.name_w
    numbers = _colours(img, QRectF(left, box.y(), box.right() - left, box.height()), 2)
    drawn = {name: colour for name, _v, colour, _mk, _t in slide.chart.drawn_series()}
    assert drawn["Sjøvik"] == "#0072b2"
    assert {drawn[k] for k in KOMMUNER} <= marks  # each municipality's mark in its line's colour
    assert not set(slide.fills.values()) & marks  # no class colour where a municipality's colour goes
    assert set(slide.fills.values()) <= numbers  # the class colours stand behind the numbers
    window.presentation.leave()
