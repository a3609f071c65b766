"""Graphics items for the map: bands, service cards and collaboration links.

Items only draw what the pure layout and style computed; their look changes
through small state setters so a pathway step restyles, never rebuilds.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from ..layout.engine import BAND_FONT, LABEL_FONT, band_label_runs
from ..layout.geometry import BandGeom, CardGeom
from ..style import ART_DASH, SECTOR_SHAPES, card_inset, card_outline
from .fonts import scene_font
from .plain import tooltip


def outline_path(commands) -> QPainterPath:
    path = QPainterPath()
    for cmd in commands:
        if cmd[0] == "M":
            path.moveTo(cmd[1], cmd[2])
        elif cmd[0] == "L":
            path.lineTo(cmd[1], cmd[2])
        elif cmd[0] == "C":
            path.cubicTo(cmd[1], cmd[2], cmd[3], cmd[4], cmd[5], cmd[6])
        elif cmd[0] == "Z":
            path.closeSubpath()
    return path


def qrect(r) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


class BandItem(QGraphicsItem):
    def __init__(self, band: BandGeom, fill: str, text: str):
        super().__init__()
        self.band, self.fill, self.text = band, QColor(fill), QColor(text)
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:
        return qrect(self.band.rect)

    def paint(self, painter, option, widget=None) -> None:
        painter.fillRect(self.boundingRect(), self.fill)
        painter.setPen(self.text)
        painter.setFont(scene_font(BAND_FONT, self.band.label_font_size))
        for text, x, y in band_label_runs(self.band):
            painter.save()
            painter.translate(x, y)
            if self.band.label_rotated:
                painter.rotate(-90)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()


class CardItem(QGraphicsObject):
    """One service. States: normal, dim, highlight, current; plus marks and reveal."""

    def __init__(self, card: CardGeom, fill: str, text: str, border: str):
        super().__init__()
        self.card = card
        self.path = outline_path(card_outline(SECTOR_SHAPES.get(card.sector, "rect"), card.rect))
        self.inset = card_inset(SECTOR_SHAPES.get(card.sector, "rect"), card.rect)
        self._bounds = self.path.boundingRect().adjusted(-14, -14, 14, 14)  # room for badges
        self.fill, self.text, self.border = QColor(fill), QColor(text), QColor(border)
        self.state = "normal"
        self.accent = QColor(border)
        self.mark: int | None = None
        self.mark_colour = QColor("#6a3d9a")
        self.verdict: str | None = None  # found | missed | added, after a reveal
        self.verdict_colour = QColor("#000000")
        self.dim_opacity = 0.25
        self.flash = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(tooltip(" ".join(card.lines)))

    @property
    def service_id(self) -> str:
        return self.card.service_id

    def set_colours(self, fill: str, text: str, border: str) -> None:
        self.fill, self.text, self.border = QColor(fill), QColor(text), QColor(border)
        self.update()

    def set_state(self, state: str, accent: str | None = None, dim_opacity: float = 0.25) -> None:
        if state == self.state and (accent is None or QColor(accent) == self.accent):
            return
        self.state = state
        self.dim_opacity = dim_opacity
        if accent:
            self.accent = QColor(accent)
        self.setOpacity(dim_opacity if state == "dim" else 1.0)
        self.setZValue({"current": 3, "highlight": 2}.get(state, 1))
        self.update()

    def set_mark(self, number: int | None, colour: str | None = None) -> None:
        if number == self.mark and (colour is None or QColor(colour) == self.mark_colour):
            return
        self.mark = number
        if colour:
            self.mark_colour = QColor(colour)
        self.update()

    def set_verdict(self, verdict: str | None, colour: str | None = None) -> None:
        if verdict == self.verdict and (colour is None or QColor(colour) == self.verdict_colour):
            return
        self.verdict = verdict
        if colour:
            self.verdict_colour = QColor(colour)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self.path

    def paint(self, painter, option, widget=None) -> None:
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        emphasised = self.state in ("highlight", "current") or self.mark is not None or self.flash
        width = {"current": 4.0, "highlight": 2.5}.get(self.state, 1.0)
        if self.mark is not None or self.flash:
            width = max(width, 3.5)
        colour = self.mark_colour if self.mark is not None else (self.accent if emphasised else self.border)
        if self.verdict == "missed":
            painter.setPen(QPen(self.verdict_colour, 3.0, Qt.DashLine))
        else:
            painter.setPen(QPen(colour, width))
        painter.setBrush(self.fill)
        # Far out (a whole region on screen) shapes and text a few pixels high cannot
        # be read; a plain box keeps painting thousands of cards fast.
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod * self.card.font_size < 3.0:
            painter.drawRect(qrect(self.card.rect))
            return
        painter.drawPath(self.path)
        self._paint_label(painter)
        if self.mark is not None:
            self._badge(painter, str(self.mark), self.mark_colour, self.card.rect.x, self.card.rect.y)
        if self.verdict:
            sign = {"found": "✓", "missed": "?", "added": "+"}.get(self.verdict, "")
            self._badge(painter, sign, self.verdict_colour, self.card.rect.right, self.card.rect.y)

    def _paint_label(self, painter) -> None:
        c = self.card
        painter.setPen(self.text)
        painter.setFont(scene_font(LABEL_FONT, c.font_size))
        top = c.rect.y + (c.rect.h - len(c.lines) * c.line_height) / 2
        for i, line in enumerate(c.lines):
            box = QRectF(c.rect.x + self.inset, top + i * c.line_height, c.rect.w - 2 * self.inset, c.line_height)
            painter.drawText(box, Qt.AlignHCenter | Qt.AlignVCenter, line)

    @staticmethod
    def _badge(painter, text: str, colour: QColor, cx: float, cy: float) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(cx, cy), 10, 10)
        painter.setFont(scene_font(BAND_FONT, 12))
        painter.drawText(QRectF(cx - 10, cy - 10, 20, 20), Qt.AlignCenter, text)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            scene = self.scene()
            if scene is not None and hasattr(scene, "service_clicked"):
                scene.service_clicked.emit(self.service_id)
            event.accept()
            return
        super().mousePressEvent(event)


class LineItem(QGraphicsItem):
    """A standing collaboration link: a dashed line between two cards."""

    def __init__(self, points, colour: str, art: str = "samarbeid"):
        super().__init__()
        self.colour = QColor(colour)
        self.art = art
        self.width = 1.2
        self.setZValue(0)
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        self.path = path
        self._bounds = path.boundingRect().adjusted(-4, -4, 4, 4)

    def set_look(self, colour: str, width: float, opacity: float, current: bool = False) -> None:
        if (QColor(colour), width, opacity) == (self.colour, self.width, self.opacity()):
            return
        self.colour, self.width = QColor(colour), width
        self.setOpacity(opacity)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(painter.RenderHint.Antialiasing, lod > 0.25)
        pen = QPen(self.colour, self.width)
        dash = ART_DASH.get(self.art, ())
        if dash:
            pen.setDashPattern([d / self.width for d in dash])  # Qt dashes are in pen widths
        pen.setCapStyle(Qt.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(self.path)
