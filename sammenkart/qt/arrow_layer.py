"""Links, step arrows, step numbers and card marks as one graphics item.

A region pathway has ~1,500 arrows; as separate items each would cost a
Python ``paint`` call and an add/remove on every pathway change. Here the
display list's lines are grouped by look (colour, width, opacity, dash) into
a handful of painter paths, so a step change rebuilds some paths and Qt
draws them in C++. What is drawn is the display list, nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from .. import display as dl
from .fonts import scene_font
from .items import dashed_pen


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
        self.lines: tuple[dl.LineItem, ...] = ()
        self.badges: tuple[dl.BadgeItem, ...] = ()
        self.marks: list[ArrowMark] = []
        self._batches: list[tuple] = []
        self._bounds = QRectF()

    def set_items(self, links, arrows, badges, marks=()) -> None:
        lines = tuple(links) + tuple(arrows)
        badges = tuple(badges) + tuple(marks)
        if lines == self.lines and badges == self.badges:
            return
        self.prepareGeometryChange()
        self.lines, self.badges = lines, badges
        self.marks = [ArrowMark(f, t, pts, a.art, a.number, a.current, a.faded, a.opacity)
                      for a in arrows for f, t, pts in a.arrows]
        self._rebuild()
        self.update()

    def _rebuild(self) -> None:
        groups: dict[tuple, tuple[QPainterPath, QPainterPath]] = {}
        bounds = QRectF()
        for ln in self.lines:  # already in paint order (faded, normal, current)
            key = (ln.colour, ln.width, ln.opacity, ln.dash)
            strokes, heads = groups.setdefault(key, (QPainterPath(), QPainterPath()))
            for pts in ln.strokes:
                strokes.moveTo(*pts[0])
                for x, y in pts[1:]:
                    strokes.lineTo(x, y)
            for tri in ln.heads:
                heads.addPolygon(QPolygonF([QPointF(x, y) for x, y in tri]))
                heads.closeSubpath()
        self._batches = []
        for (colour, width, opacity, dash), (strokes, heads) in groups.items():
            self._batches.append((QColor(colour), width, opacity, dash, strokes, heads))
            bounds = bounds.united(strokes.boundingRect()).united(heads.boundingRect())
        for b in self.badges:
            bounds = bounds.united(QRectF(b.x - b.r, b.y - b.r, 2 * b.r, 2 * b.r))
        self._bounds = bounds.adjusted(-4, -4, 4, 4)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(painter.RenderHint.Antialiasing, lod > 0.25)
        for colour, width, opacity, dash, strokes, heads in self._batches:
            painter.setOpacity(opacity)
            painter.setPen(dashed_pen(colour, width, dash))
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(strokes)
            painter.setPen(Qt.NoPen)
            painter.setBrush(colour)
            painter.drawPath(heads)
        if lod > 0.25:  # numbers a pixel or two high: the arrows say enough
            for b in self.badges:
                painter.setOpacity(b.opacity)
                painter.setPen(QPen(QColor(b.ring), b.ring_width))
                painter.setBrush(QColor(b.fill))
                painter.drawEllipse(QPointF(b.x, b.y), b.r - b.ring_width / 2, b.r - b.ring_width / 2)
                painter.setPen(QColor(b.text_colour))
                painter.setFont(scene_font(b.font, b.size))
                painter.drawText(QRectF(b.x - b.r, b.y - b.r, 2 * b.r, 2 * b.r), Qt.AlignCenter, b.text)
        painter.setOpacity(1.0)
