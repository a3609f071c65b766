"""The figures as a slide over the whole room: presentation mode, after the map.

The slide is planned for the screen it is on (``FiguresSlide.plan``), so the
back of a room can read it (tester 3, meeting room item 3: at 1024×768 the
table was ~15 px over three quarters of the width, the chart small and the
source ~11 px):

- the tables' text as large as fits, up to the slide's body size, never
  made small to leave room for the chart: when the tables and the chart do
  not both fit with table text of at least ``TABLE_FLOOR_PX`` (a 4:3
  projector), they are two pages, *Next* going from the tables to the trend;
- the tables side by side with the chart where both fit (16:9), or the
  chart under the tables, whichever gives the larger type, then the larger
  chart; the tables take the width their columns need, the chart the rest;
- long names wrap onto a second line (never "BUP Brattfjord, Sjø…"), a long
  column heading onto two ("Avslag, endring / frå 2021 (p.p.)");
- the source note at ``NOTE_FLOOR_PX`` or more, wrapped whole;
- two kinds of colour that cannot be taken for each other
  (``figures_view``): before a name, the mark of its line in the trend (the
  municipality's colour and marker, as in the chart on the same or the next
  page); behind the number the map is coloured by, the class colour its cards
  have, explained by the scale under the tables (``LEGEND_SHARE`` of the text).

Logical pixels throughout (the screen's device pixel ratio is Qt's business).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from .. import figures_view as fv
from ..i18n import _
from ..style import palette, readable_on
from .fonts import FAMILY
from .trend_chart import TrendChart, draw_marker

TABLE_FLOOR_PX = 24  # table text the back of a room reads on a projector (below: the chart gets its own page)
NOTE_FLOOR_PX = 14  # the source note, read from the middle of the room
SMALLEST_PX = 12  # table text never below this (a table too long for the slide is cut there)
CHART_SIDE_SHARE = 0.38  # the least of the body's width a chart beside the tables keeps (more if its names need it)
CHART_UNDER_SHARE = 0.42  # the least of the body's height a chart under the tables keeps
NAME_LINES = 2  # a name wraps onto at most this many lines
LEGEND_SHARE = 0.6  # the scale under the tables, in this share of the tables' text size (the source note's size)


def headings(view: fv.FigureTableView, measure: str) -> list[str]:
    """Swatch, name, per 1,000, rejected %, the change in ``measure`` (the slide has room for
    the last; its heading names the measure, ``figures_view.change_heading``, and each of its
    cells the unit: ``figures_ui.change_text``)."""
    return ["", _("Kommune") if view.by == fv.BY_KOMMUNE else _("Mottaker"), _("Per 1\u00a0000"),
            _("Avslag"), fv.change_heading(measure, view.since, unit=False)]


def fonts(px: int) -> tuple[QFont, QFont]:
    font = QFont(FAMILY)
    font.setPixelSize(px)
    bold = QFont(font)
    bold.setBold(True)
    return font, bold


def wrapped_lines(fm: QFontMetricsF, text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped at spaces in ``width`` px (a word wider
    than ``width`` counts as more lines than any name may take)."""
    if not text:
        return 1
    if max(fm.horizontalAdvance(w) for w in text.split(" ")) > width + 0.5:  # NBSP ("1 000") holds
        return NAME_LINES + 1
    h = fm.boundingRect(QRectF(0, 0, width, 100_000), Qt.TextWordWrap, text).height()
    return max(1, round(h / fm.lineSpacing()))


def two_line_width(fm: QFontMetricsF, text: str) -> float:
    """The least width in which ``text`` takes at most two lines broken at one of its spaces
    ("Avslag, endring" / "frå 2021 (p.p.)": a column heading read as one, not four lines)."""
    words = text.split(" ")
    return min([fm.horizontalAdvance(text)] + [max(fm.horizontalAdvance(" ".join(words[:k])),
                                                   fm.horizontalAdvance(" ".join(words[k:])))
                                               for k in range(1, len(words))]) + 1  # Qt's wrap rounds


@dataclass
class TableFit:
    """The tables laid out at one type size: column widths, row heights, the size."""

    px: int
    width: float
    height: float
    name_w: float
    num_w: list[float]  # per 1,000, rejected %, change
    gap: float  # between columns
    swatch: float
    line: float  # one line of text
    pad: float  # above and below a row's text
    head_lines: list[int]  # per view: the lines its column headings take
    name_lines: list[list[int]] = field(default_factory=list)  # per view, per row
    legend_h: float = 0.0  # the scale under the tables (0: none)

    @property
    def name_x(self) -> float:
        return self.swatch * 1.6


def fit_tables(views, measure: str, px: int, max_w: float, cells, scale=()) -> TableFit | None:
    """The tables at text size ``px`` in at most ``max_w`` px; None when they do not
    fit that width with every name in ``NAME_LINES`` lines. ``cells(line, measure)``
    gives a row's texts (name, rate, rejected %, change). Column headings stay on
    one line where the width allows, else they wrap at their spaces. ``scale``:
    (label, fill) of the map's classes, shown under the tables (``legend_items``)."""
    return (_fit(views, measure, px, max_w, cells, False, scale)
            or _fit(views, measure, px, max_w, cells, True, scale))


def legend_intro() -> str:
    return _("Bak tallet: fargen kortene har på kartet")


def legend_px(px: int) -> int:
    """The scale's text size under tables of ``px``: as the source note, never under its floor."""
    return max(NOTE_FLOOR_PX, round(px * LEGEND_SHARE))


def legend_items(px: int, width: float, scale) -> tuple[list[tuple[float, float, str, str | None]], float]:
    """([(x, y, label, fill)], height) of the scale under the tables at ``LEGEND_SHARE`` of
    ``px``, flowing into rows ``width`` wide: the intro (no fill), then a swatch and label per class."""
    if not scale:
        return [], 0.0
    fm = QFontMetricsF(fonts(legend_px(px))[0])
    h, sw = fm.height(), fm.height() * 1.3
    x, y, out = 0.0, h * 0.3, []
    for label, fill in [(legend_intro(), None), *scale]:
        w = (sw + h * 0.3 if fill else 0.0) + fm.horizontalAdvance(label) + h * 0.9
        if x > 0 and x + w > width:
            x, y = 0.0, y + h * 1.2
        out.append((x, y, label, fill))
        x += w
    return out, y + h


def _fit(views, measure: str, px: int, max_w: float, cells, wrap_heads: bool, scale=()) -> TableFit | None:
    font, bold = fonts(px)
    fm, fmb = QFontMetricsF(font), QFontMetricsF(bold)
    line = fm.lineSpacing()
    pad, gap, swatch = line * 0.2, line * 0.8, line * 0.9
    num_w = [0.0, 0.0, 0.0]
    names: list[tuple[str, bool]] = []
    for view in views:
        for row in view.lines:
            texts = cells(row, measure)
            metrics = fmb if row.is_total else fm
            names.append((texts[0], row.is_total))
            for i, text in enumerate(texts[1:4]):
                num_w[i] = max(num_w[i], metrics.horizontalAdvance(text))
    for view in views:  # a heading may wrap at its spaces onto two lines, never more
        for i, head in enumerate(headings(view, measure)[2:5]):
            num_w[i] = max(num_w[i], two_line_width(fm, head) if wrap_heads else fm.horizontalAdvance(head))
    room = max_w - swatch * 1.6 - sum(num_w) - 3 * gap
    longest = max((fmb if total else fm).horizontalAdvance(n) for n, total in names) if names else 0.0
    widest_head = max((fm.horizontalAdvance(headings(v, measure)[1]) for v in views), default=0.0)
    name_w = min(max(longest, widest_head), room)
    if name_w < line * 4:
        return None
    name_lines, head_lines, height = [], [], 0.0
    for k, view in enumerate(views):
        if k:
            height += line * 0.6
        heads = headings(view, measure)[2:5]
        hl = max([1] + [wrapped_lines(fm, h, w) for h, w in zip(heads, num_w)])
        head_lines.append(hl)
        rows = []
        for row in view.lines:
            n = wrapped_lines(fmb if row.is_total else fm, cells(row, measure)[0], name_w)
            if n > NAME_LINES:
                return None
            rows.append(n)
        name_lines.append(rows)
        height += (QFontMetricsF(bold).height() + 2 * pad) + (hl * line + 2 * pad) + sum(n * line + 2 * pad
                                                                                        for n in rows)
    width = swatch * 1.6 + name_w + sum(num_w) + 3 * gap
    legend_h = legend_items(px, width, scale)[1]
    return TableFit(px, width, height + legend_h, name_w, num_w, gap, swatch, line, pad, head_lines, name_lines,
                    legend_h)


@dataclass
class SlidePlan:
    """Where everything goes on the slide (logical px, the slide's own coordinates)."""

    arrangement: str  # "side" (chart beside the tables), "under" (chart below), "pages" (one each)
    pages: int
    title: QRectF
    tables: QRectF
    chart: QRectF  # on page 1 when ``pages`` is 2
    fit: TableFit | None
    note_px: int
    chart_px: int


class FiguresSlide(QWidget):
    """The figures, large, over the whole room: a slide (of one or two pages)
    after the map in presentation mode."""

    def __init__(self, window, cells):
        super().__init__(window.room)
        self.window = window
        self.cells = cells  # figures_ui.line_cells: a row's texts
        self.title = ""
        self.trend_title = ""  # the chart's page's title, when the chart has a page of its own
        self.chart_title = ""  # what the chart plots, over it where it shares the page with the tables
        self.views: list[fv.FigureTableView] = []
        self.measure = "henvisningsrate"
        self.fills: dict[str, str] = {}  # group key -> the class colour its cards have (figures_view.value_fills)
        self.scale: tuple = ()  # (label, fill) of the classes, explained under the tables
        self.coloured_by = ""
        self.note = ""
        self.page = 0
        self._plan: tuple | None = None  # (key, SlidePlan): planned again when the size or content changes
        self.chart = TrendChart(self)
        self.setAttribute(Qt.WA_StyledBackground)
        self.hide()

    def set_content(self, title: str, views, measure: str, fills: dict[str, str], coloured_by: str,
                    chart_data: tuple, note: str, scale: tuple = (), trend_title: str = "") -> None:
        """``title``: the slide's (the tables'); ``trend_title``: the title of the chart's own
        page where the chart has one (what it plots, ``figures_view.trend_title``, and the
        map); the chart's title (``chart_data``'s last) stands over the chart where it shares
        the page. ``fills``: the class colour of each group's value while the map is coloured
        by the figures (else empty), ``scale`` its classes (label, fill)."""
        self.trend_title = trend_title or title
        self.chart_title = chart_data[5] if len(chart_data) > 5 else ""
        self.title, self.views, self.measure, self.fills, self.coloured_by = title, views, measure, fills, \
            coloured_by
        self.scale = tuple(scale) if fills else ()
        self.note = note
        self._plan = None
        self.chart.set_data(*chart_data)
        self.page = min(self.page, self.plan().pages - 1)
        self._layout_chart()
        self.update()

    def place(self) -> None:
        if not self.window.presentation.active:
            self.hide()
        if self.isVisible():
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self._layout_chart()

    # -- pages ------------------------------------------------------------------------
    def pages(self) -> int:
        return self.plan().pages

    def go_to(self, page: int) -> None:
        self.page = max(0, min(self.pages() - 1, page))
        self._layout_chart()
        self.update()

    # -- the plan ----------------------------------------------------------------------
    def body_px(self) -> float:
        """The slide's body text size: a thirtieth of the height, narrower screens less."""
        return max(14.0, min(self.height() / 30, self.width() / 40))

    def plan(self) -> SlidePlan:
        key = (self.width(), self.height())  # new content clears the plan (set_content)
        if self._plan is None or self._plan[0] != key:
            self._plan = (key, self._make_plan())
        return self._plan[1]

    def _make_plan(self) -> SlidePlan:
        W = float(self.width())
        base = self.body_px()
        margin = base * 1.2
        note_px = max(NOTE_FLOOR_PX, round(base * 0.58))
        title_px = self._title_px(base, W - 2 * margin)
        title = QRectF(margin, margin * 0.5, W - 2 * margin, title_px * 1.4)
        note = self.footer(note_px, margin)[1]
        body = QRectF(margin, title.bottom() + base * 0.6, W - 2 * margin,
                      max(0.0, note.top() - base * 0.6 - (title.bottom() + base * 0.6)))
        chart_px = max(NOTE_FLOOR_PX, int(base * 0.85))
        top = int(base)
        self.chart.text_px = chart_px
        beside = max(body.width() * CHART_SIDE_SHARE, self.chart.needed_width())  # the chart's least width
        side = self._largest(top, body.width() - beside - base, body.height())
        under = self._largest(top, body.width(), body.height() * (1 - CHART_UNDER_SHARE) - base)
        alone = self._largest(int(base * 1.25), body.width(), body.height())

        def area(fit, how) -> float:
            if fit is None:
                return 0.0
            return ((body.width() - fit.width - base) * body.height() if how == "side"
                    else body.width() * (body.height() - fit.height - base))

        together = [(fit.px, area(fit, how), how, fit) for how, fit in (("side", side), ("under", under))
                    if fit is not None]
        best = max(together, key=lambda t: (t[0], t[1]), default=None)
        # Together where the tables keep TABLE_FLOOR_PX; where even alone they cannot
        # reach it (a low screen), sharing the page may cost them two pixels at most.
        floor = TABLE_FLOOR_PX if alone is None or alone.px >= TABLE_FLOOR_PX else alone.px - 2
        if best is not None and (best[0] >= floor or alone is None):
            _px, _area, how, fit = best
            tables = QRectF(body.left(), body.top(), fit.width, min(fit.height, body.height()))
            if how == "side":
                chart = QRectF(tables.right() + base, body.top(), body.right() - tables.right() - base, body.height())
            else:
                chart = QRectF(body.left(), tables.bottom() + base, body.width(),
                               body.bottom() - tables.bottom() - base)
            return SlidePlan(how, 1, title, tables, chart, fit, note_px, chart_px)
        fit = alone or self._largest(SMALLEST_PX, body.width(), 1e9) or None
        height = min(fit.height, body.height()) if fit is not None else 0.0
        tables = QRectF(body.left(), body.top(), fit.width if fit is not None else 0.0, height)
        return SlidePlan("pages", 2, title, tables, QRectF(body), fit, note_px, chart_px)

    def _largest(self, top: int, width: float, height: float) -> TableFit | None:
        """The tables at the largest size from ``top`` down to ``SMALLEST_PX`` that fits."""
        for px in range(top, SMALLEST_PX - 1, -1):
            fit = fit_tables(self.views, self.measure, px, width, self.cells, self.scale)
            if fit is not None and fit.height <= height:
                return fit
        return None

    def _title_px(self, base: float, width: float) -> int:
        size = base * 1.6
        while size > base:
            f = fonts(int(size))[1]
            if max(QFontMetricsF(f).horizontalAdvance(t) for t in (self.title, self.trend_title)) <= width:
                break
            size *= 0.92
        return int(max(size, base))

    def footer(self, px: int | None = None, margin: float | None = None) -> tuple[QFont, QRectF, QRectF]:
        """(font, note, hint): the figures' source note wrapped in as many lines as it
        needs (never cut), and the way on beside its first line."""
        base = self.body_px()
        px = px if px is not None else max(NOTE_FLOOR_PX, round(base * 0.58))
        margin = margin if margin is not None else base * 1.2
        small = fonts(px)[0]
        fm = QFontMetricsF(small)
        # as wide as the widest way on, so the note's lines do not depend on the page shown
        hint_w = max(fm.horizontalAdvance(t) for t in self.hints()) + 2
        width = max(40.0, self.width() - 2 * margin - hint_w - base)
        needed = fm.boundingRect(QRectF(0, 0, width, 10_000), Qt.TextWordWrap, self.note).height() if self.note else 0
        line = fm.height()
        height = max(line, needed)
        bottom = self.height() - base * 0.5
        note = QRectF(margin, bottom - height, width, height)
        hint = QRectF(self.width() - margin - hint_w, bottom - height, hint_w, line)
        return small, note, hint

    @staticmethod
    def hints() -> tuple[str, str, str]:
        """The ways on: one page; the tables of two; the trend of two."""
        return (_("◀ Forrige: tilbake til kartet"), _("◀ Forrige: kartet · Neste ▶: utviklingen"),
                _("◀ Forrige: tabellene"))

    def page_title(self) -> str:
        """The title over the page shown: the chart's own page says what it plots."""
        if self._plan is not None and self._plan[1].pages == 2 and self.page == 1:
            return self.trend_title
        return self.title

    def hint_text(self) -> str:
        one, tables, trend = self.hints()
        if self._plan is not None and self._plan[1].pages == 2:
            return tables if self.page == 0 else trend
        return one

    def boxes(self) -> tuple[QRectF, QRectF]:
        """(tables, chart) on the page shown (an empty box for what is on the other page)."""
        plan = self.plan()
        if plan.pages == 2:
            return (QRectF(plan.tables), QRectF()) if self.page == 0 else (QRectF(), QRectF(plan.chart))
        return QRectF(plan.tables), QRectF(plan.chart)

    def _layout_chart(self) -> None:
        plan = self.plan()
        self.chart.text_px = plan.chart_px
        self.chart.dark = palette(self.window.scene.variant).background.lower() == "#000000"
        self.chart.title = "" if plan.pages == 2 else self.chart_title  # on its own page the page's title says it
        chart = self.boxes()[1]
        self.chart.setVisible(not chart.isEmpty())
        self.chart.setGeometry(chart.toRect())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._layout_chart()

    # -- drawing -----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        pal = palette(self.window.scene.variant)
        ink, muted = QColor(pal.text), QColor(pal.muted_text)
        plan = self.plan()
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(pal.background))
        title_f = fonts(int(plan.title.height() / 1.4))[1]
        p.setFont(title_f)
        p.setPen(ink)
        p.drawText(plan.title, Qt.AlignLeft | Qt.AlignVCenter,
                   QFontMetricsF(title_f).elidedText(self.page_title(), Qt.ElideRight, plan.title.width()))
        tables = self.boxes()[0]
        if not tables.isEmpty() and plan.fit is not None:
            self._paint_tables(p, tables, plan.fit, ink, muted, pal.card_border)
        small, note, hint = self.footer(plan.note_px)
        p.setFont(small)
        p.setPen(muted)
        p.drawText(hint, Qt.AlignRight | Qt.AlignTop, self.hint_text())
        p.drawText(note, Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, self.note)
        p.end()

    def _paint_tables(self, p: QPainter, box: QRectF, fit: TableFit, ink: QColor, muted: QColor,
                      border: str) -> None:
        font, bold = fonts(fit.px)
        line, pad = fit.line, fit.pad
        x_name = box.x() + fit.name_x
        rights, x = [], x_name + fit.name_w
        for w in fit.num_w:
            x += fit.gap + w
            rights.append(x)
        y = box.y()
        for k, view in enumerate(self.views):
            if k:
                y += line * 0.6
            p.setFont(bold)
            p.setPen(ink)
            head_h = QFontMetricsF(bold).height() + 2 * pad
            p.drawText(QRectF(box.x(), y, box.width(), head_h), Qt.AlignLeft | Qt.AlignVCenter, view.title)
            y += head_h
            heads = headings(view, self.measure)
            p.setFont(font)
            p.setPen(muted)
            hh = fit.head_lines[k] * line + 2 * pad
            p.drawText(QRectF(x_name, y, fit.name_w, hh), Qt.AlignLeft | Qt.AlignBottom, heads[1])
            for right, w, text in zip(rights, fit.num_w, heads[2:]):
                p.drawText(QRectF(right - w, y, w, hh), Qt.AlignRight | Qt.AlignBottom | Qt.TextWordWrap, text)
            y += hh
            for row, n in zip(view.lines, fit.name_lines[k]):
                cells = self.cells(row, self.measure)
                rh = n * line + 2 * pad
                if row.look is not None:  # the mark of its line in the trend: the group's own colour
                    colour = QColor(row.look[0])  # the look's own (fv.tables(variant=...))
                    mid = QPointF(box.x() + fit.swatch / 2, y + pad + line / 2)
                    p.setPen(QPen(colour, max(1.5, line * (0.1 if row.is_total else 0.065))))
                    p.drawLine(QPointF(box.x(), mid.y()), QPointF(box.x() + fit.swatch, mid.y()))
                    p.setBrush(colour)
                    p.setPen(QPen(colour, 1.2))
                    draw_marker(p, row.look[1], mid, fit.swatch * 0.26)
                fill = self.fills.get(row.key) if view.by == self.coloured_by and not row.is_total else None
                value_col = 0 if self.measure == "henvisningsrate" else 1  # the number the map is coloured by
                p.setFont(bold if row.is_total else font)
                p.setPen(ink)
                p.drawText(QRectF(x_name, y + pad, fit.name_w + 1, n * line), Qt.AlignLeft | Qt.AlignTop
                           | Qt.TextWordWrap, cells[0])
                for i, (right, w, text) in enumerate(zip(rights, fit.num_w, cells[1:])):  # on the name's first line
                    cell = QRectF(right - w - 1, y + pad, w + 2, line)
                    if fill and i == value_col:  # its class colour on the map, behind the number
                        p.setPen(QColor(border))
                        p.setBrush(QColor(fill))
                        p.drawRoundedRect(cell.adjusted(-pad * 2, -pad * 0.6, pad * 1.2, pad * 0.6), pad, pad)
                        p.setPen(QColor(readable_on(fill)))
                    else:
                        p.setPen(ink)
                    p.drawText(cell, Qt.AlignRight | Qt.AlignVCenter, text)
                y += rh
        if fit.legend_h:
            self._paint_legend(p, QRectF(box.x(), y, fit.width, fit.legend_h), fit.px, ink, muted, border)

    def _paint_legend(self, p: QPainter, box: QRectF, px: int, ink: QColor, muted: QColor, border: str) -> None:
        """The map's classes under the tables: what the colour behind a number means."""
        small = fonts(legend_px(px))[0]
        fm = QFontMetricsF(small)
        h, sw = fm.height(), fm.height() * 1.3
        p.setFont(small)
        for x, y, label, fill in legend_items(px, box.width(), self.scale)[0]:
            x += box.x()
            if fill:
                p.setPen(QColor(border))
                p.setBrush(QColor(fill))
                p.drawRoundedRect(QRectF(x, box.y() + y + h * 0.1, sw, h * 0.8), h * 0.15, h * 0.15)
                x += sw + h * 0.3
            p.setPen(ink if fill else muted)
            p.drawText(QRectF(x, box.y() + y, box.width(), h), Qt.AlignLeft | Qt.AlignVCenter, label)
