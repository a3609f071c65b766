"""A small line chart of figures over the years, drawn with QPainter.

One line per municipality (or receiving service) and the total, thicker and
in the look's ink; colours (those of the look drawn in) and markers from ``figures_view.series_looks`` (the same as
the rows' marks in the tables) so lines part for colour-blind viewers and in grey. Names stand at the lines' right ends
(spread so they never overlap), the chosen year is a shaded column. The
panel and the presentation slide use the same widget at different sizes.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..figures_view import format_number
from ..i18n import _
from .fonts import FAMILY

MAX_LINES = 8  # more groups than this: only the total is drawn (the table has them all)


def nice_top(value: float) -> float:
    """A round upper end for the value axis (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or
    above ``value``: four grid steps of round numbers."""
    if value <= 0:
        return 1.0
    exp = math.floor(math.log10(value))
    for mult in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        top = mult * 10 ** exp
        if top >= value - 1e-9:
            return top
    return 10 ** (exp + 1)


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None, text_px: int = 11):
        super().__init__(parent)
        self.years: list[int] = []
        self.series: list[tuple[str, dict[int, float], tuple[str, str]]] = []  # (name, values, look); the total last
        self.has_total = False
        self.measure = "henvisningsrate"
        self.year: int | None = None
        self.title = ""
        self.text_px = text_px
        self.dark = False
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumHeight(140)

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def set_data(self, years, series, measure: str, year: int | None, has_total: bool, title: str = "") -> None:
        self.years, self.series, self.measure, self.year = list(years), list(series), measure, year
        self.has_total, self.title = has_total, title
        self.setAccessibleName(title)
        self.update()

    def needed_width(self) -> float:
        """The least width (px) at ``text_px`` for the value axis, the names at the
        lines' ends and a plot where the year labels stand apart (three letters' room
        between two): a slide gives the chart at least this much beside its tables."""
        font = QFont(FAMILY)
        font.setPixelSize(self.text_px)
        bold = QFont(font)
        bold.setBold(True)
        fm, fmb = QFontMetricsF(font), QFontMetricsF(bold)
        lines = self.drawn_series()
        label_w = max(((fmb if tot else fm).horizontalAdvance(n) for n, _v, _c, _m, tot in lines), default=0.0)
        label_w += fm.height() * 1.7
        values = [v for _n, vals, *_r in lines for v in vals.values()]
        axis_w = fm.horizontalAdvance(format_number(nice_top(max(values) if values else 1.0), self.measure))
        year_w = fmb.horizontalAdvance("0000") + fm.averageCharWidth() * 3
        return axis_w + fm.height() * 0.5 + label_w + max(1, len(self.years)) * year_w

    def drawn_series(self) -> list[tuple[str, dict[int, float], str, str, bool]]:
        """(name, values, colour, marker, is_total) of each line drawn, in drawing order; each in
        the look its group has in the tables too (``figures_view.series_looks``)."""
        groups = self.series[:-1] if self.has_total else self.series
        out = []
        if len(groups) <= MAX_LINES:
            out = [(name, vals, colour, marker, False)
                   for name, vals, (colour, marker) in groups]
        if self.has_total:
            name, vals, (colour, marker) = self.series[-1]
            out.append((name, vals, colour, marker, True))
        return out

    # -- painting -------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        self.paint_on(p, QRectF(self.rect()))
        p.end()

    def paint_on(self, p: QPainter, box: QRectF) -> None:
        ink = QColor("#ffffff" if self.dark else "#1a1a1a")
        faint = QColor("#555555" if self.dark else "#d0d0d0")
        font = QFont(FAMILY)
        font.setPixelSize(self.text_px)
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetricsF(font)
        fmb = QFontMetricsF(bold)
        lines = self.drawn_series()
        y0 = box.top()
        if self.title:  # wrapped whole: it says what is plotted and in which unit
            p.setFont(bold)
            p.setPen(ink)
            head = fmb.boundingRect(QRectF(0, 0, box.width(), 10_000), Qt.TextWordWrap, self.title).height()
            p.drawText(QRectF(box.left(), y0, box.width(), head + fm.height() * 0.3),
                       Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap, self.title)
            y0 += head + fm.height() * 0.5
        if not self.years or not lines:
            p.setFont(font)
            p.setPen(ink)
            p.drawText(QRectF(box.left(), y0, box.width(), box.bottom() - y0), Qt.AlignCenter | Qt.TextWordWrap,
                       _("Ingen tall å vise"))
            return
        values = [v for _n, vals, *_r in lines for v in vals.values()]
        top = nice_top(max(values) if values else 1.0)
        key = fm.height() * 1.1  # the line's marker before its name
        label_w = max(((fmb if tot else fm).horizontalAdvance(n) for n, _v, _c, _m, tot in lines), default=0.0)
        label_w = min(label_w + key + fm.height() * 0.6, box.width() * 0.45)
        axis_w = fm.horizontalAdvance(format_number(top, self.measure)) + fm.height() * 0.5
        plot = QRectF(box.left() + axis_w, y0 + fm.height() * 0.6, box.width() - axis_w - label_w,
                      box.bottom() - y0 - fm.height() * 2.2)
        if plot.width() < 20 or plot.height() < 20:
            return
        n = len(self.years)

        def x_of(year: int) -> float:
            i = self.years.index(year)
            return plot.left() + (plot.width() * (i + 0.5) / n)

        def y_of(v: float) -> float:
            return plot.bottom() - plot.height() * v / top

        if self.year in self.years:  # the chosen year, shaded
            w = plot.width() / n
            p.fillRect(QRectF(x_of(self.year) - w / 2, plot.top(), w, plot.height()),
                       QColor(255, 255, 255, 40) if self.dark else QColor("#eef2f7"))
        p.setFont(font)
        for k in range(5):  # grid and value axis
            v = top * k / 4
            y = y_of(v)
            p.setPen(QPen(faint, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(ink)
            p.drawText(QRectF(box.left(), y - fm.height() / 2, axis_w - fm.height() * 0.3, fm.height()),
                       Qt.AlignRight | Qt.AlignVCenter, format_number(v, self.measure))
        for year in self.years:  # year axis
            p.setFont(bold if year == self.year else font)
            p.drawText(QRectF(x_of(year) - 40, plot.bottom() + fm.height() * 0.3, 80, fm.height() * 1.2),
                       Qt.AlignHCenter | Qt.AlignTop, str(year))
        p.setFont(font)
        ends = []
        r = max(2.5, self.text_px * 0.32)
        for name, vals, colour, marker, is_total in lines:
            pts = [QPointF(x_of(y), y_of(v)) for y, v in sorted(vals.items())]
            if not pts:
                continue
            pen = QPen(QColor(colour), (2.6 if is_total else 1.6) * max(1.0, self.text_px / 11))
            p.setPen(pen)
            p.setBrush(Qt.NoBrush)
            path = QPainterPath(pts[0])
            for pt in pts[1:]:
                path.lineTo(pt)
            p.drawPath(path)
            p.setBrush(QColor(colour))
            p.setPen(QPen(QColor(colour), 1.2))
            for pt in pts:
                draw_marker(p, marker, pt, r * (1.2 if is_total else 1.0))
            ends.append([pts[-1].y(), name, colour, is_total, marker])
        # names at the right ends, moved apart so none overlaps the next
        ends.sort(key=lambda e: e[0])
        h = fm.height()
        for i in range(1, len(ends)):
            ends[i][0] = max(ends[i][0], ends[i - 1][0] + h)
        overflow = (ends[-1][0] + h / 2) - (plot.bottom() + h) if ends else 0
        if overflow > 0:
            for e in ends:
                e[0] -= overflow
        for y, name, colour, is_total, marker in ends:
            x = plot.right() + h * 0.4
            p.setBrush(QColor(colour))
            p.setPen(QPen(QColor(colour), 1.2))
            draw_marker(p, marker, QPointF(x + key / 2, y), r)
            p.setFont(bold if is_total else font)
            p.setPen(ink)
            room = label_w - key - h * 0.4
            text = (fmb if is_total else fm).elidedText(name, Qt.ElideRight, room)
            p.drawText(QRectF(x + key, y - h / 2, room, h), Qt.AlignLeft | Qt.AlignVCenter, text)


def draw_marker(p: QPainter, kind: str, c: QPointF, r: float) -> None:
    x, y = c.x(), c.y()
    if kind == "square":
        p.drawRect(QRectF(x - r, y - r, 2 * r, 2 * r))
    elif kind in ("triangle", "triangle-down"):
        s = 1 if kind == "triangle" else -1
        p.drawPolygon(QPolygonF([QPointF(x, y - s * r * 1.2), QPointF(x + r * 1.1, y + s * r * 0.8),
                                 QPointF(x - r * 1.1, y + s * r * 0.8)]))
    elif kind == "diamond":
        p.drawPolygon(QPolygonF([QPointF(x, y - r * 1.3), QPointF(x + r * 1.3, y), QPointF(x, y + r * 1.3),
                                 QPointF(x - r * 1.3, y)]))
    elif kind in ("cross", "plus"):
        pen = p.pen()
        pen.setWidthF(max(1.5, r * 0.6))
        p.setPen(pen)
        if kind == "cross":
            p.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
            p.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
        else:
            p.drawLine(QPointF(x - r * 1.2, y), QPointF(x + r * 1.2, y))
            p.drawLine(QPointF(x, y - r * 1.2), QPointF(x, y + r * 1.2))
    else:
        p.drawEllipse(c, r, r)


def series_icon(colour: str, marker: str, size: int = 16):
    """A series' mark as an icon (a line through its marker): a table row's key to its line."""
    from PySide6.QtGui import QIcon, QPixmap

    pix = QPixmap(size, size)
    pix.fill(Qt.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.Antialiasing)
    c = QColor(colour)
    p.setPen(QPen(c, 1.6))
    p.drawLine(QPointF(0, size / 2), QPointF(size, size / 2))
    p.setBrush(c)
    p.setPen(QPen(c, 1.2))
    draw_marker(p, marker, QPointF(size / 2, size / 2), size * 0.22)
    p.end()
    return QIcon(pix)

