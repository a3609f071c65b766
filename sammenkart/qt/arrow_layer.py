"""Links, step arrows, step numbers and card marks as one graphics item.

A region pathway has ~1,500 arrows; as separate items each would cost a
Python ``paint`` call and an add/remove on every pathway change. Here they
are one item that draws the display list's lines and nothing else, cheaply:

- **Paths are made once.** A line's strokes and heads come from the layout's
  routed nets (the same tuples on every step), so their painter paths are
  kept and a step change only picks pens for them.
- **Faded lines are opaque.** A faded step is drawn in its colour mixed with
  the background (``style.faded``, as on paper) instead of with painter
  opacity, which made Qt blend every pixel (several times slower).
- **Only what is exposed is drawn.** Each line is its own path; one outside
  the part of the map being repainted is skipped. (One path for all lines
  of a look had to be stroked whole even when a few arrows showed, which
  was slowest at mid zoom.) When most of the map is exposed (the whole map
  on screen), neighbouring lines of one look are drawn as one path instead:
  fewer calls, and nothing to skip.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from .. import display as dl
from ..style import faded
from .fonts import scene_font
from .items import TEXT_MIN_PX, dashed_pen

_PATH_CACHE_LIMIT = 20000  # paths kept across steps (a region's pathways and links have a few thousand)


@dataclass
class ArrowMark:
    """One drawn arrow (a pair of services of a step), as the window and tests see it."""

    fra: str
    til: str
    points: tuple
    art: str
    number: int | None
    current: bool = False
    faded: bool = False
    alpha: float = 1.0

    def opacity(self) -> float:
        return self.alpha


class ArrowLayer(QGraphicsItem):
    def __init__(self):
        super().__init__()
        self.setZValue(6)  # above the cards: arrows never run over a card, only end at one
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)  # paint() learns the exposed rect
        self.lines: tuple[dl.LineItem, ...] = ()
        self.badges: tuple[dl.BadgeItem, ...] = ()
        self.background = "#ffffff"
        self._arrows: tuple[dl.LineItem, ...] = ()
        self._marks: list[ArrowMark] | None = None
        self._draw: list[tuple] = []  # (pen, head colour, strokes, heads, bounds) in paint order
        self._runs: list[tuple] | None = None  # the same, neighbours of one look joined (made when needed)
        self._badges: list[tuple] = []  # (ring pen, fill, text colour, font, box, badge)
        self._paths: dict[int, tuple] = {}  # id(points tuple) -> (the tuple, path, bounds)
        self._pens: dict[tuple, QPen] = {}
        self._colours: dict[str, QColor] = {}
        self._entries: dict[tuple, tuple] = {}  # (id(line), background) -> (line, what to draw)
        self._badge_entries: dict[tuple, tuple] = {}  # (id(badge), background) -> (badge, what to draw)
        self._bounds = QRectF()

    def set_items(self, links, arrows, badges, marks=(), background: str = "#ffffff") -> None:
        lines = tuple(links) + tuple(arrows)
        badges = tuple(badges) + tuple(marks)
        if lines == self.lines and badges == self.badges and background == self.background:
            return
        self.prepareGeometryChange()
        self.lines, self.badges, self.background = lines, badges, background
        self._arrows = tuple(arrows)
        self._marks = None
        self._rebuild()
        self.update()

    @property
    def marks(self) -> list[ArrowMark]:
        """Every arrow drawn, pair by pair (made when asked: a region has thousands)."""
        if self._marks is None:
            self._marks = [ArrowMark(f, t, pts, a.art, a.number, a.current, a.faded, a.opacity)
                           for a in self._arrows for f, t, pts in a.arrows]
        return self._marks

    # -- paths and pens, kept across steps ------------------------------------------
    def _path(self, items, heads: bool) -> tuple[QPainterPath, QRectF]:
        key = id(items)
        hit = self._paths.get(key)
        if hit is not None and hit[0] is items:
            return hit[1], hit[2]
        path = QPainterPath()
        if heads:
            for tri in items:
                path.addPolygon(QPolygonF([QPointF(x, y) for x, y in tri]))
                path.closeSubpath()
        else:
            for pts in items:
                path.moveTo(*pts[0])
                for x, y in pts[1:]:
                    path.lineTo(x, y)
        bounds = path.boundingRect()
        if len(self._paths) > _PATH_CACHE_LIMIT:
            self._paths.clear()
        self._paths[key] = (items, path, bounds)  # the tuple is kept too, so its id stays its own
        return path, bounds

    def _colour(self, colour: str) -> QColor:
        hit = self._colours.get(colour)
        if hit is None:
            hit = self._colours[colour] = QColor(colour)
        return hit

    def _pen(self, colour: str, width: float, dash: tuple) -> QPen:
        key = (colour, width, dash)
        pen = self._pens.get(key)
        if pen is None:
            pen = self._pens[key] = dashed_pen(self._colour(colour), width, dash)
        return pen

    def _rebuild(self) -> None:
        self._draw = []
        self._runs = None
        bounds = QRectF()
        entries = self._entries
        if len(entries) > _PATH_CACHE_LIMIT:
            entries.clear()
        for ln in self.lines:  # already in paint order (faded, normal, current)
            key = (id(ln), self.background)
            hit = entries.get(key)
            if hit is None or hit[0] is not ln:
                colour = faded(ln.colour, self.background, ln.opacity)
                strokes, r = self._path(ln.strokes, False)
                head_path, hr = self._path(ln.heads, True) if ln.heads else (None, QRectF())
                box = r.united(hr).adjusted(-ln.width, -ln.width, ln.width, ln.width)
                hit = entries[key] = (ln, (self._pen(colour, ln.width, ln.dash), self._colour(colour), strokes,
                                           head_path, box))
            self._draw.append(hit[1])
            bounds = bounds.united(hit[1][4])
        bg = self.background
        self._badges = []
        made = self._badge_entries
        if len(made) > _PATH_CACHE_LIMIT:
            made.clear()
        for b in self.badges:  # pens, brushes and fonts once per badge, not per step or paint
            key = (id(b), bg)
            hit = made.get(key)
            if hit is None or hit[0] is not b:
                box = QRectF(b.x - b.r, b.y - b.r, 2 * b.r, 2 * b.r)
                hit = made[key] = (b, (self._pen(faded(b.ring, bg, b.opacity), b.ring_width, ()),
                                       self._colour(faded(b.fill, bg, b.opacity)),
                                       self._colour(faded(b.text_colour, bg, b.opacity)), scene_font(b.font, b.size),
                                       box, b))
            self._badges.append(hit[1])
            bounds = bounds.united(hit[1][4])
        self._bounds = bounds.adjusted(-4, -4, 4, 4)

    def _joined(self) -> list[tuple]:
        if self._runs is None:
            runs: list[list] = []
            for pen, fill, strokes, heads, box in self._draw:
                if runs and runs[-1][0] is pen and runs[-1][1] is fill:
                    run = runs[-1]
                    run[2].addPath(strokes)
                    if heads is not None:
                        run[3].addPath(heads)
                    run[4] = run[4].united(box)
                else:
                    joined, joined_heads = QPainterPath(strokes), QPainterPath()
                    if heads is not None:
                        joined_heads.addPath(heads)
                    runs.append([pen, fill, joined, joined_heads, QRectF(box)])
            self._runs = [(pen, fill, st, hd if not hd.isEmpty() else None, box) for pen, fill, st, hd, box in runs]
        return self._runs

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(painter.RenderHint.Antialiasing, lod > 0.25)
        exposed = option.exposedRect
        seen = exposed.intersected(self._bounds)
        whole = self._bounds.width() * self._bounds.height()
        if whole > 0 and seen.width() * seen.height() > 0.6 * whole:
            draw, exposed = self._joined(), self._bounds
        else:
            draw = self._draw
        for pen, fill, strokes, heads, box in draw:
            if not box.intersects(exposed):
                continue
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(strokes)
            if heads is not None:
                painter.setPen(Qt.NoPen)
                painter.setBrush(fill)
                painter.drawPath(heads)
        if lod > 0.25:  # numbers a pixel or two high: the arrows say enough
            for ring, fill, ink, font, box, b in self._badges:
                if not box.intersects(exposed):
                    continue
                painter.setPen(ring)
                painter.setBrush(fill)
                half = b.ring_width / 2  # the ring lies inside the badge's radius (display.BadgeItem)
                painter.drawEllipse(box.adjusted(half, half, -half, -half))
                if lod * b.size >= TEXT_MIN_PX:  # as on cards: type a few pixels high is not drawn
                    painter.setPen(ink)
                    painter.setFont(font)
                    painter.drawText(box, Qt.AlignCenter, b.text)
