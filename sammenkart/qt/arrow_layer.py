"""All flow arrows of the map as one graphics item, drawn in a few batches.

A region pathway has ~1,500 arrows; as separate items each cost a Python
``paint`` call and an add/remove on every pathway change. Here the arrows are
grouped by look (colour, width, fade, dash) into a handful of painter paths,
so a step change rebuilds some paths and Qt draws them in C++.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from ..layout.edges import arrow_head, badge_point
from ..layout.engine import BAND_FONT
from ..style import ART_DASH
from .fonts import scene_font

NORMAL_W, CURRENT_W = 2.6, 4.0
FADED_OPACITY = 0.22


@dataclass
class ArrowMark:
    """One drawn arrow, as the window and tests see it."""

    fra: str
    til: str
    points: tuple
    art: str
    number: int | None
    current: bool = False
    faded: bool = False

    def opacity(self) -> float:
        return FADED_OPACITY if self.faded and not self.current else 1.0


class ArrowLayer(QGraphicsItem):
    def __init__(self):
        super().__init__()
        self.setZValue(6)  # above cards, below the current card's badges
        self.marks: list[ArrowMark] = []
        self.colour, self.current_colour, self.badge_fill = QColor("#2b4c7e"), QColor("#b2182b"), QColor("#ffffff")
        self._batches: list[tuple] = []
        self._bounds = QRectF()

    def set_marks(self, marks: list[ArrowMark], colour: str, current_colour: str, badge_fill: str) -> None:
        self.prepareGeometryChange()
        self.marks = marks
        self.colour, self.current_colour, self.badge_fill = QColor(colour), QColor(current_colour), QColor(badge_fill)
        self._rebuild()
        self.update()

    def _rebuild(self) -> None:
        groups: dict[tuple, tuple[QPainterPath, QPainterPath, list]] = {}
        bounds = QRectF()
        # faded first, then normal, then the current step on top
        for m in sorted(self.marks, key=lambda m: (m.current, not m.faded)):
            width = CURRENT_W if m.current else NORMAL_W
            key = (m.current, m.opacity(), m.art, width)
            lines, heads, badges = groups.setdefault(key, (QPainterPath(), QPainterPath(), []))
            lines.moveTo(*m.points[0])
            for x, y in m.points[1:]:
                lines.lineTo(x, y)
            heads.addPolygon(QPolygonF([QPointF(x, y) for x, y in arrow_head(m.points, 8.0 + width * 1.5)]))
            heads.closeSubpath()
            if m.number is not None:
                badges.append((badge_point(m.points), m.number))
        self._batches = []
        for (current, opacity, art, width), (lines, heads, badges) in groups.items():
            self._batches.append((current, opacity, art, width, lines, heads, badges))
            bounds = bounds.united(lines.boundingRect())
        self._bounds = bounds.adjusted(-16, -16, 16, 16)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(painter.RenderHint.Antialiasing, lod > 0.25)
        for current, opacity, art, width, lines, heads, badges in self._batches:
            colour = self.current_colour if current else self.colour
            painter.setOpacity(opacity)
            pen = QPen(colour, width)
            dash = ART_DASH.get(art, ())
            if dash:
                pen.setDashPattern([d / width for d in dash])  # Qt dashes are in pen widths
            pen.setCapStyle(Qt.FlatCap)
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(lines)
            painter.setPen(Qt.NoPen)
            painter.setBrush(colour)
            painter.drawPath(heads)
            if lod <= 0.25:
                continue  # numbers a pixel or two high: the arrows say enough
            r = 11.0 if current else 9.0
            painter.setBrush(self.badge_fill)
            painter.setPen(QPen(colour, 2.0))
            painter.setFont(scene_font(BAND_FONT, 12 if current else 10))
            for (x, y), number in badges:
                painter.setPen(QPen(colour, 2.0))
                painter.drawEllipse(QPointF(x, y), r, r)
                painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignCenter, str(number))
        painter.setOpacity(1.0)
