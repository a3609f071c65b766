"""Figures on the map (Vis → Tall): the scale, which cards it colours, the legend, the
tables, the trend, and the figures slide in presentation mode."""
import pytest
from PySide6.QtCore import QSettings, Qt

from sammenkart import figures, figures_view as fv, paths, regional
from sammenkart.loader import load_workspace
from sammenkart.style import (
    FIGURE_RAMPS, SERIES_COLOURS, SERIES_TOTAL, figure_fills, figure_none, hex_to_rgb, luminance,
)

KOMMUNER = ["Sjøvik", "Lyngnes", "Fjellstad", "Straumøy", "Dalsbygd"]

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _seen_lightness(colour: str, kind: str) -> float:
    def lin(v):
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    rgb = [lin(v) for v in hex_to_rgb(colour)]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in CVD[kind])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.fixture(scope="module")
def ws():
    return load_workspace(paths.region_dir())


@pytest.fixture(scope="module")
def table(ws):
    return ws.figures["brattfjord"]


# ---------------------------------------------------------------- the scale (pure)

@pytest.mark.parametrize("variant", sorted(FIGURE_RAMPS))
def test_every_step_of_the_scale_is_darker_in_grey_and_for_colour_blind_eyes(variant):
    ramp = FIGURE_RAMPS[variant]
    grey = [luminance(c) for c in ramp]
    assert grey == sorted(grey, reverse=True) and len(set(grey)) == len(grey)
    for kind in CVD:
        seen = [_seen_lightness(c, kind) for c in ramp]
        assert all(a > b for a, b in zip(seen, seen[1:])), (variant, kind)
    # five classes (what the map uses) stay clearly apart: a contrast ratio of 1.3 or more
    five = figure_fills(5, variant)
    for a, b in zip(five, five[1:]):
        la, lb = luminance(a), luminance(b)
        assert (la + 0.05) / (lb + 0.05) >= 1.3, (variant, a, b)
    none = figure_none(variant)
    assert none not in ramp
    assert abs(luminance(none) - luminance(ramp[0])) > 0.15 or abs(luminance(none) - luminance(ramp[-1])) > 0.1


def test_class_edges_are_round_and_cover_the_values():
    assert fv.nice_edges([18.2, 31.7]) == (15, 20, 25, 30, 35)
    assert fv.nice_edges([3.6, 25.8]) == (0, 10, 20, 30)
    assert fv.nice_edges([12.0, 12.0]) == (12.0, 12.0)
    assert fv.class_of(20.0, (15, 20, 25)) == 1 and fv.class_of(25.0, (15, 20, 25)) == 1
    assert fv.class_of(14.0, (15, 20, 25)) == 0
    with pytest.raises(ValueError):
        fv.nice_edges([])


# ---------------------------------------------------------------- colouring (pure)

def test_in_the_regional_view_the_receivers_carry_the_regions_figures(ws, table):
    m = regional.shown_map(ws.maps["brattfjord"], regional.REGIONAL)
    col = fv.colouring(m, table, 2024, "avslagsprosent")
    fills = dict(col.fills)
    assert set(fills) == {"bup", "habu"}
    bup = figures.by_mottaker(table, 2024)["bup"].avslagsprosent
    scale = fv.scale_for(m, table, "avslagsprosent")
    assert fills["bup"] == scale.fill(bup)
    assert col.fill_for("helsestasjon") == figure_none()
    assert col.title == "Avslagsprosent 2024, for mottakerne"
    labels = [label for label, _f in col.legend]
    assert labels[-1] == "ingen tall" and labels[0].endswith("%")
    assert [f for _l, f in col.legend[:-1]] == list(scale.fills)


def test_with_every_service_shown_each_municipality_is_one_shade(ws, table):
    region = ws.maps["brattfjord"]
    col = fv.colouring(region, table, 2024, "henvisningsrate")
    fills = dict(col.fills)
    by_k = {}
    for s in region.tjenester:
        if s.kommune:
            by_k.setdefault(s.kommune, set()).add(fills[s.id])
    assert all(len(v) == 1 for v in by_k.values())
    rate = {k: f.henvisningsrate for k, f in figures.by_kommune(table, 2024).items()}
    low, high = min(rate, key=rate.get), max(rate, key=rate.get)
    assert luminance(by_k[low].pop()) > luminance(by_k[high].pop())  # more referrals, darker
    assert "bup" not in fills  # shared services belong to no municipality


def test_one_municipality_counts_only_its_own_rows(ws, table):
    m = regional.shown_map(ws.maps["brattfjord"], "Dalsbygd")
    rows = [r for r in table.rows if r.kommune == "Dalsbygd" and r.ar == 2023]
    views = fv.tables(m, table, 2023)
    assert [v.by for v in views] == [fv.BY_MOTTAKER]  # one municipality: no per-municipality table
    bup = next(line for line in views[0].lines if line.key == "bup")
    row = next(r for r in rows if r.mottaker == "bup")
    assert (bup.figure.henvisninger, bup.figure.avslag) == (row.henvisninger, row.avslag)
    assert views[0].lines[-1].name == "I alt"


def test_tables_and_trend_for_the_region(ws, table):
    m = regional.shown_map(ws.maps["brattfjord"], regional.REGIONAL)
    per_k, per_m = fv.tables(m, table, 2024)
    assert [line.name for line in per_k.lines] == KOMMUNER + ["Hele regionen"]
    expected = figures.by_kommune(table, 2024)
    for line in per_k.lines[:-1]:
        assert line.figure == expected[line.key]
    first = figures.by_kommune(table, 2021)["Sjøvik"].henvisningsrate
    assert per_k.lines[0].change_rate == pytest.approx(expected["Sjøvik"].henvisningsrate - first)
    assert per_k.since == 2021
    assert per_m.lines[0].name == "BUP Brattfjord, Sjøvik sjukehus"
    years, series = fv.trend_series(m, table, "avslagsprosent")
    assert years == [2021, 2022, 2023, 2024]
    assert [name for name, _v, _look in series] == KOMMUNER + ["Hele regionen"]
    assert all(sorted(v) == years for _n, v, _look in series)


# ---------------------------------------------------------------- the window

@pytest.fixture
def window(qtbot, tmp_path, ws):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    return w


def _fills(w):
    return {sid: card.item.fill for sid, card in w.scene.cards.items()}


def test_vis_tall_colours_the_map_and_the_legend_says_how(window, ws, table):
    before = _fills(window)
    fig = window.figures_ui
    from sammenkart.qt import colouring_menu

    assert fig.action.text().startswith("Tall") and fig.action in colouring_menu.of(window).menu.actions()
    fig.action.trigger()  # Vis → Farge etter → Tall
    m = window.current_map()
    expected = fv.colouring(m, table, 2024, "avslagsprosent")
    fills = _fills(window)
    assert fills["bup"] == expected.fill_for("bup") != before["bup"]
    assert fills["helsestasjon"] == figure_none()
    heading, rows = window.legend.columns[0]
    assert heading == expected.title
    assert [e.label for e in rows] == [label for label, _f in expected.legend]
    # the panel: per municipality and per receiver, the map's colour behind the coloured number
    panel = fig.panel
    assert window.room.side.currentWidget() is panel
    assert [r[0] for r in panel.rows(0)] == KOMMUNER + ["Hele regionen"]
    sjovik = figures.by_kommune(table, 2024)["Sjøvik"]
    assert panel.rows(0)[0][1:] == [fv.format_number(sjovik.henvisningsrate, "henvisningsrate"),
                                     fv.format_number(sjovik.avslagsprosent, "avslagsprosent")]
    bup_fill = panel.tables[1].item(0, 3).data(Qt.UserRole)  # rejected %: what the cards are coloured by
    assert bup_fill == fills["bup"] and panel.tables[1].item(0, 2).data(Qt.UserRole) is None
    assert panel.tables[1].item(0, 0).data(Qt.UserRole) is None  # receivers are no lines in this trend
    # the trend: one line per municipality and the region, the chosen year marked
    drawn = panel.chart.drawn_series()
    assert [name for name, *_r in drawn] == KOMMUNER + ["Hele regionen"]
    assert panel.chart.year == 2024 and drawn[-1][-1] is True
    assert len({(c, mk) for _n, _v, c, mk, total in drawn if not total}) == len(KOMMUNER)  # told apart
    colouring_menu.choose(window, colouring_menu.LEVEL)  # Vis → Farge etter → Nivå
    assert _fills(window) == before and window.legend.columns[0][0] == "Nivåer"
    assert window.room.side.indexOf(panel) < 0 and not fig.on


def test_year_and_measure_change_the_cards(window, table):
    fig = window.figures_ui
    fig.action.trigger()
    window.region_ui.set_view(regional.ALL)
    m = window.current_map()
    box = fig.panel.year_box
    assert [box.itemData(i) for i in range(box.count())] == [2021, 2022, 2023, 2024]
    fig.panel.measure_box.setCurrentIndex(fig.panel.measure_box.findData("henvisningsrate"))
    box.setCurrentIndex(box.findData(2021))
    expected = fv.colouring(m, table, 2021, "henvisningsrate")
    assert _fills(window) == {sid: expected.fill_for(sid) for sid in window.scene.cards}
    assert window.legend.columns[0][0] == "Henvisninger per 1\u00a0000 barn 2021, per kommune"
    assert fig.panel.chart.year == 2021


def test_the_colouring_follows_the_municipality_filter(window, table):
    fig = window.figures_ui
    fig.action.trigger()
    window.region_ui.set_view("Straumøy")
    m = window.current_map()
    own = [r for r in table.rows if r.kommune == "Straumøy" and r.ar == 2024 and r.mottaker == "bup"][0]
    scale = fv.scale_for(m, table, "avslagsprosent")
    assert _fills(window)["bup"] == scale.fill(100.0 * own.avslag / own.henvisninger)
    assert [r[0] for r in fig.panel.rows(0)][-1] == "I alt"


def test_the_figures_are_a_slide_after_the_last_step_in_presentation(window, qtbot):
    fig = window.figures_ui
    fig.action.trigger()
    window.select_pathway("angst")
    n = len(window.current_pathway().flyt)
    window.presentation.enter()
    qtbot.wait(50)
    for _ in range(n):  # from the overview through every step
        window.next_step()
        assert not fig.slide.isVisible()
    assert window.step == n - 1
    emphasis = window.scene.emphasis
    window.next_step()  # past the last step: the figures
    assert fig.slide.isVisible() and fig.slide.geometry() == window.room.rect()
    assert "2024" in fig.slide.title and fig.slide.views
    pages = fig.slide.pages()
    for page in range(1, pages):  # the trend on a page of its own where the screen is low
        window.next_step()
        assert fig.slide.isVisible() and fig.slide.page == page
    window.next_step()  # nothing after the figures
    assert fig.slide.isVisible() and window.step == n - 1 and fig.slide.page == pages - 1
    for page in range(pages - 2, -1, -1):
        window.previous_step()
        assert fig.slide.isVisible() and fig.slide.page == page
    window.previous_step()  # back to the map as it was
    assert not fig.slide.isVisible() and window.step == n - 1 and window.scene.emphasis == emphasis
    window.next_step()
    window.presentation.leave()
    assert not fig.slide.isVisible()


def test_the_slide_comes_for_a_map_with_figures_without_ctrl_t_but_not_outside_presentation(window, qtbot):
    """A facilitator starts `sammenkart region --forlop angst --steg 8 --presentasjon`
    and presses PageDown: the figures follow the last step, no Ctrl+T needed."""
    fig = window.figures_ui
    assert not fig.on  # the cards are coloured by level
    window.next_step()
    assert not fig.slide.isVisible()  # not in presentation
    window.presentation.enter()
    window.next_step()  # no pathway chosen: Next goes to the figures at once
    assert fig.slide.isVisible() and "2024" in fig.slide.title and fig.slide.views
    assert fig.slide.fills == {} and fig.slide.scale == ()  # the map is not coloured by them: nothing to explain
    window.first_step()
    assert not fig.slide.isVisible()
    window.select_pathway("angst")
    window.set_step(len(window.current_pathway().flyt) - 1)
    qtbot.keyClick(window.map_view, Qt.Key_PageDown)
    assert fig.slide.isVisible() and not fig.on
    qtbot.keyClick(window.map_view, Qt.Key_PageUp)
    assert not fig.slide.isVisible() and window.step == len(window.current_pathway().flyt) - 1
    window.presentation.leave()


def test_no_slide_for_a_map_without_figures(qtbot, tmp_path):
    from sammenkart.loader import load_bundled
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(load_bundled(), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.select_pathway("angst")
    w.presentation.enter()
    w.last_step()
    w.next_step()
    assert not w.figures_ui.slide.isVisible() and w.step == len(w.current_pathway().flyt) - 1
    w.presentation.leave()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_the_slides_footnote_is_shown_whole(window, qtbot, size):
    """The source note under the figures was cut with "…" at 1024×768; it wraps now,
    below the tables and the chart, beside the way back to the map."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    fig = window.figures_ui
    window.presentation.enter()
    window.next_step()
    slide = fig.slide
    assert slide.isVisible()
    slide.setGeometry(0, 0, *size)  # the room of a projector or a 150 % laptop
    font, note, hint = slide.footer()
    assert "0–17" in slide.note and len(slide.note) > 150
    fm = QFontMetricsF(font)
    needed = fm.boundingRect(QRectF(0, 0, note.width(), 10_000), Qt.TextWordWrap, slide.note)
    assert needed.height() <= note.height() + 0.5 and needed.width() <= note.width() + 0.5
    room = QRectF(slide.rect())
    assert room.contains(note) and room.contains(hint) and not note.intersects(hint)
    tables, chart = slide.boxes()
    assert tables.bottom() <= note.top() and chart.bottom() <= note.top()
    assert font.pixelSize() >= 11
    window.presentation.leave()


@pytest.mark.parametrize("measure, chart, change", [
    ("avslagsprosent", "Avslag i prosent av henvisninger, 2021–2024", "Avslag, endring fra 2021"),
    ("henvisningsrate", "Henvisninger per 1\u00a0000 barn, 2021–2024", "Per 1\u00a0000, endring fra 2021"),
])
def test_the_slide_says_what_its_chart_and_change_column_show(window, qtbot, measure, chart, change):
    """A tester read a chart of the rejection percentage under "Tilvisingar og avslag", and
    a column "Endring frå 2021" without knowing of which figure. At 1024×768 (the chart on a
    page of its own) the chart's page is titled by what it plots, the change column by its
    measure, and neither title nor heading is cut."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from sammenkart.qt.figures_slide import fonts, headings

    fig = window.figures_ui
    fig.action.trigger()
    fig.panel.measure_box.setCurrentIndex(fig.panel.measure_box.findData(measure))
    assert fig.panel.chart.title == chart  # the panel's chart says it too
    window.presentation.enter()
    window.next_step()
    slide = fig.slide
    slide.setGeometry(0, 0, 1024, 768)
    plan = slide.plan()
    assert plan.pages == 2 and slide.page == 0
    assert slide.page_title().startswith("Henvisninger og avslag 2024")  # the tables show both
    assert all(headings(view, measure)[-1] == change for view in slide.views)
    if measure == "avslagsprosent":  # the unit in every cell of the change column
        assert all(slide.cells(row, measure)[3].endswith(" p.p.") for view in slide.views for row in view.lines)
    fit = plan.fit
    font = fonts(fit.px)[0]
    fm = QFontMetricsF(font)
    room = QRectF(slide.rect())
    assert room.contains(slide.boxes()[0])
    for view, lines in zip(slide.views, fit.head_lines):  # each heading whole in its column
        for head, w in zip(headings(view, measure)[2:], fit.num_w):
            needed = fm.boundingRect(QRectF(0, 0, w, 10_000), Qt.TextWordWrap, head)
            assert needed.width() <= w + 0.5 and needed.height() <= lines * fit.line + 0.5
    title_font = fonts(int(plan.title.height() / 1.4))[1]
    for page, title in ((0, slide.title), (1, f"{chart} – {window.current_map().navn}")):
        window.next_step() if page else None
        assert slide.page == page and slide.page_title() == title
        assert QFontMetricsF(title_font).horizontalAdvance(title) <= plan.title.width()  # not elided
    assert slide.chart.title == ""  # on its own page the page's title says what it plots
    slide.setGeometry(0, 0, 1920, 1080)  # tables and chart on one page: the chart says it
    assert slide.pages() == 1 and slide.page_title() == slide.title
    slide.go_to(0)
    assert slide.chart.title == chart and QRectF(slide.rect()).contains(slide.boxes()[0])
    window.presentation.leave()


def test_one_card_colouring_at_a_time(window):
    from sammenkart.qt import colouring_menu

    fig = window.figures_ui
    fig.set_on(True)
    assert colouring_menu.current(window) == "tal" and fig.on
    colouring_menu.choose(window, "revisjon")  # the revision view takes the cards
    assert not fig.on and window.room.side.indexOf(fig.panel) < 0
    assert window.legend.columns[0][0] != fig.colouring_for(window.current_map()).title
    fig.set_on(True)
    assert colouring_menu.current(window) == "tal"


@pytest.mark.parametrize("size", [(1276, 690), (1020, 740)])
def test_the_panel_shows_every_name_whole(qtbot, tmp_path, ws, size):
    """At 1280×720 the receivers' table read "BUP Brattfjord, Sjø…": names now wrap
    in their column (long words at hyphenation points), rows grow to them, the
    page scrolls rather than cut a column, and the tip has the whole name."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.setWindowState(Qt.WindowNoState)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    fig = w.figures_ui
    fig.set_on(True)
    w.show_panel(fig.panel)
    qtbot.wait(50)
    panel = fig.panel
    assert panel.isVisible()
    assert panel.page.width() <= panel.scroll.viewport().width()  # no column cut at the right
    names = [line.name for view in fv.tables(w.current_map(), ws.figures["brattfjord"], 2024) for line in view.lines]
    assert "BUP Brattfjord, Sjøvik sjukehus" in names
    shown = []
    for k, t in enumerate(panel.tables):
        QApplication.processEvents()
        assert t.geometry().right() <= panel.page.width()
        for r in range(t.rowCount()):
            item = t.item(r, 1)
            fm = QFontMetrics(item.font())
            inner = t.columnWidth(1) - 8  # the cell's text margins
            lines = fm.boundingRect(QRect(0, 0, inner, 10_000), Qt.TextWordWrap, item.text())
            assert t.rowHeight(r) >= lines.height(), (item.text(), t.rowHeight(r), lines.height())
            assert t.item(r, 1).toolTip().startswith(panel.rows(k)[r][0])
        assert t.height() >= sum(t.rowHeight(r) for r in range(t.rowCount())) + t.horizontalHeader().height()
        shown += [row[0] for row in panel.rows(k)]
    assert shown == names

# ---------------------------------------------------------------- one municipality, one colour
# One municipality, one colour (tester: Sjøvik was orange in the figures table and blue in the
# trend): its line in the trend and the mark before its name in the tables share the look of
# ``figures_view.series_looks``; the colour of its *value* on the map stands behind the number,
# explained by the scale, never where the group's colour goes.


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
    assert all(colour in SERIES_COLOURS for colour, _mk in looks)  # the normal look's (style.py)
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


def test_in_high_contrast_the_slide_draws_each_municipality_in_the_looks_light_colours(window, qtbot):
    """Tester: Sjøvik's blue (#0072b2) was dark on the high contrast look's black, in the chart
    and the tables' marks; the look's own series colours (``Palette.series``) are drawn instead,
    and a switch of look while the slide is up redraws it in the new one."""
    from PySide6.QtCore import QRectF

    from sammenkart.style import contrast, palette, series_look

    fig = window.figures_ui
    window.region_ui.set_view(regional.ALL)
    window.presentation.enter()
    window.next_step()  # no pathway: the figures at once
    slide = fig.slide
    assert slide.isVisible()
    assert slide.chart.drawn_series()[0][:1] == ("Sjøvik",) and slide.chart.drawn_series()[0][2] == "#0072b2"
    window.contrast_action.trigger()  # H: the high contrast look, the slide still up
    assert window.scene.variant == "hoykontrast"
    qtbot.wait(50)
    hc = palette("hoykontrast")
    drawn = {name: colour for name, _v, colour, _mk, _t in slide.chart.drawn_series()}
    assert drawn["Sjøvik"] == series_look(0, "hoykontrast")[0] != "#0072b2"
    assert all(contrast(c, hc.background) >= 3 for c in drawn.values())
    img = slide.grab().toImage()
    fit, box = slide.plan().fit, slide.boxes()[0]
    marks = _colours(img, QRectF(box.x(), box.y(), fit.swatch, box.height()))
    assert {drawn[k] for k in KOMMUNER} <= marks and "#0072b2" not in marks
    assert hc.series_total in marks  # the total's mark: white on black
    window.presentation.leave()
