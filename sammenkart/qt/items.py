"""Graphics items for the map: bands and service cards, drawn from the display list.

Items keep no look of their own: each gets its item of ``sammenkart.display``
and paints exactly that. A step change hands a card a new item only when its
look changed, so stepping restyles a few cards and never rebuilds the scene.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from .. import display as dl
from ..layout.geometry import CardGeom
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


def dashed_pen(colour: QColor, width: float, dash: tuple[float, ...]) -> QPen:
    pen = QPen(colour, width)
    if dash:
        pen.setDashPattern([d / width for d in dash])  # Qt dashes are in pen widths
    pen.setCapStyle(Qt.FlatCap)
    return pen


class BandItem(QGraphicsItem):
    def __init__(self, item: dl.BandItem):
        super().__init__()
        self.item = item
        self.setZValue(-10)

    def set_item(self, item: dl.BandItem) -> None:
        if item != self.item:
            self.item = item
            self.update()

    @property
    def band(self):  # the level this band shows (for callers that ask)
        return self.item

    def boundingRect(self) -> QRectF:
        return qrect(self.item.rect)

    def paint(self, painter, option, widget=None) -> None:
        it = self.item
        painter.fillRect(self.boundingRect(), QColor(it.fill))
        painter.setPen(QColor(it.colour))
        painter.setFont(scene_font(it.font, it.size))
        for text, x, y in it.runs:
            painter.save()
            painter.translate(x, y)
            if it.rotated:
                painter.rotate(-90)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()


class CardItem(QGraphicsObject):
    """One service, drawn as its display item says; clicking it tells the scene."""

    def __init__(self, card: CardGeom, item: dl.CardItem):
        super().__init__()
        self.card = card
        self.item = item
        self.path = outline_path(item.outline)
        self._bounds = self.path.boundingRect().adjusted(-4, -4, 4, 4)
        self.mark: int | None = None  # a team's numbered choice (from the display list's marks)
        self.verdict: str | None = None
        self.flash = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip(tooltip(" ".join(card.lines)))
        # Drawn once into a pixmap and copied from it until its look or the zoom changes:
        # a step on a region restyles a few cards, and the thousands of others then cost
        # Qt a copy each instead of a Python paint call.
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._apply_z()

    @property
    def service_id(self) -> str:
        return self.card.service_id

    @property
    def state(self) -> str:
        return self.item.state

    @property
    def fill(self) -> QColor:
        return QColor(self.item.fill)

    def set_item(self, item: dl.CardItem) -> None:
        if item is self.item or item == self.item:
            return
        self.item = item
        self._apply_z()
        self.update()

    def _apply_z(self) -> None:
        self.setZValue({"current": 3, "highlight": 2}.get(self.item.state, 1))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self.path

    def paint(self, painter, option, widget=None) -> None:
        it = self.item
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        width = max(it.stroke_width, 3.5) if self.flash else it.stroke_width
        painter.setOpacity(it.opacity)
        painter.setPen(dashed_pen(QColor(it.stroke), width, it.dash) if it.dash else QPen(QColor(it.stroke), width))
        painter.setBrush(QColor(it.fill))
        # Far out (a whole region on screen) shapes and text a few pixels high cannot
        # be read; a plain box keeps painting thousands of cards fast.
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod * it.font_size < TEXT_MIN_PX:
            painter.drawRect(qrect(it.rect))
            return
        painter.drawPath(self.path)
        painter.setOpacity(it.text_opacity)
        painter.setPen(QColor(it.text_colour))
        painter.setFont(scene_font(it.font, it.font_size))
        r = it.rect
        top = r.y + (r.h - len(it.lines) * it.line_height) / 2
        for i, line in enumerate(it.lines):
            dx = it.line_dx[i] if i < len(it.line_dx) else 0.0
            box = QRectF(r.x + dx, top + i * it.line_height, r.w, it.line_height)
            painter.drawText(box, Qt.AlignHCenter | Qt.AlignVCenter, line)
        painter.setOpacity(1.0)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            scene = self.scene()
            if scene is not None and hasattr(scene, "service_clicked"):
                scene.service_clicked.emit(self.service_id)
            event.accept()
            return
        super().mousePressEvent(event)


class FocusRingItem(QGraphicsItem):
    """The keyboard focus ring around one card, as ``display.focus_ring`` gives it;
    hidden (no item) when no card has the focus."""

    def __init__(self):
        super().__init__()
        self.setZValue(5)  # over every card, the current step's too
        self.ring = None
        self.setVisible(False)

    def set_ring(self, ring) -> None:
        if ring == self.ring:
            return
        self.prepareGeometryChange()
        self.ring = ring
        self.setVisible(ring is not None)
        self.update()

    def boundingRect(self) -> QRectF:
        if self.ring is None:
            return QRectF()
        pad = self.ring.width / 2 + self.ring.edge_width + 1
        return qrect(self.ring.rect).adjusted(-pad, -pad, pad, pad)

    def paint(self, painter, option, widget=None) -> None:
        ring = self.ring
        if ring is None:
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setBrush(Qt.NoBrush)
        outer, inner = qrect(ring.rect), qrect(ring.inner_rect)
        spread = ring.inner_rect.x - ring.rect.x  # the white between the two lines' middles
        gap_box = outer.adjusted(spread / 2, spread / 2, -spread / 2, -spread / 2)
        painter.setPen(QPen(QColor(ring.gap_colour), spread))
        painter.drawRoundedRect(gap_box, ring.radius, ring.radius)
        for box, width in ((outer, ring.width), (inner, ring.inner)):
            painter.setPen(QPen(QColor(ring.edge), width + 2 * ring.edge_width))
            painter.drawRoundedRect(box, ring.radius, ring.radius)
            painter.setPen(QPen(QColor(ring.colour), width))
            painter.drawRoundedRect(box, ring.radius, ring.radius)


# Card text smaller than this on screen (px) is not drawn: a plain box says as much.
TEXT_MIN_PX = 3.0


class CardBatch(QGraphicsItem):
    """Every card as a plain box, in a few calls: the map far out (a whole region
    on screen, card text a few pixels high). The scene then gives the cards
    themselves no contents, so Qt makes no Python call per card on a repaint;
    they still take clicks, hover and tool tips."""

    def __init__(self):
        super().__init__()
        self.setZValue(1)
        self._cards: tuple = ()
        self._background = "#ffffff"
        self._groups: list[tuple] | None = []
        self._rects: dict = {}  # id(layout Rect) -> (the Rect, its QRectF)
        self._bounds = QRectF()

    def set_cards(self, cards, background: str, bounds: QRectF) -> None:
        """The display list's cards (in paint order) and the background their opacity mixes with."""
        if cards is self._cards and background == self._background:
            return
        self._cards, self._background, self._groups = cards, background, None
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        if self.isVisible():
            self.update()

    def _build(self) -> list[tuple]:
        from ..style import faded

        groups: dict[tuple, list] = {}
        rects = self._rects  # a card's rectangle is its layout's: made once per map
        for c in self._cards:
            hit = rects.get(id(c.rect))
            if hit is None or hit[0] is not c.rect:
                hit = rects[id(c.rect)] = (c.rect, qrect(c.rect))
            groups.setdefault((c.fill, c.stroke, c.stroke_width, c.opacity), []).append(hit[1])
        out = []
        for (fill, stroke, width, opacity), boxes in groups.items():  # in the cards' paint order
            out.append((QPen(QColor(faded(stroke, self._background, opacity)), width),
                        QColor(faded(fill, self._background, opacity)), boxes))
        return out

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter, option, widget=None) -> None:
        if self._groups is None:
            self._groups = self._build()
        painter.setRenderHint(painter.RenderHint.Antialiasing, False)
        for pen, fill, boxes in self._groups:
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRects(boxes)


def paint_display(painter, d: dl.DisplayList) -> None:
    """Paint a whole display list with a QPainter (the poster dialog's preview).

    The same items, in the same order, as the scene's items and the poster draw.
    """
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    for band in d.bands:
        painter.fillRect(qrect(band.rect), QColor(band.fill))
        painter.setPen(QColor(band.colour))
        painter.setFont(scene_font(band.font, band.size))
        for text, x, y in band.runs:
            painter.save()
            painter.translate(x, y)
            if band.rotated:
                painter.rotate(-90)
            painter.drawText(QPointF(0, 0), text)
            painter.restore()
    for line in d.links:
        _paint_line(painter, line)
    for card in d.cards:
        painter.setOpacity(card.opacity)
        pen = dashed_pen(QColor(card.stroke), card.stroke_width, card.dash) if card.dash else \
            QPen(QColor(card.stroke), card.stroke_width)
        painter.setPen(pen)
        painter.setBrush(QColor(card.fill))
        painter.drawPath(outline_path(card.outline))
        painter.setOpacity(card.text_opacity)
        painter.setPen(QColor(card.text_colour))
        painter.setFont(scene_font(card.font, card.font_size))
        r = card.rect
        top = r.y + (r.h - len(card.lines) * card.line_height) / 2
        for i, text in enumerate(card.lines):
            dx = card.line_dx[i] if i < len(card.line_dx) else 0.0
            box = QRectF(r.x + dx, top + i * card.line_height, r.w, card.line_height)
            painter.drawText(box, Qt.AlignHCenter | Qt.AlignVCenter, text)
    for line in d.arrows:
        _paint_line(painter, line)
    for b in d.badges + d.marks:
        painter.setOpacity(b.opacity)
        painter.setPen(QPen(QColor(b.ring), b.ring_width))
        painter.setBrush(QColor(b.fill))
        painter.drawEllipse(QPointF(b.x, b.y), b.r - b.ring_width / 2, b.r - b.ring_width / 2)
        painter.setPen(QColor(b.text_colour))
        painter.setFont(scene_font(b.font, b.size))
        painter.drawText(QRectF(b.x - b.r, b.y - b.r, 2 * b.r, 2 * b.r), Qt.AlignCenter, b.text)
    painter.setOpacity(1.0)


def paint_symbol(painter, x: float, y: float, r: float, symbol: str, fill: str, ring: str, text: str,
                 size: float) -> None:
    """A round badge with a symbol centred on (x, y): a legend's tilgang row, as on the cards."""
    from ..layout.text import REGULAR

    painter.save()
    painter.setPen(QPen(QColor(ring), max(0.4, r / 8)))
    painter.setBrush(QColor(fill))
    painter.drawEllipse(QPointF(x, y), r, r)
    painter.setPen(QColor(text))
    painter.setFont(scene_font(REGULAR, size))
    painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignCenter, symbol)
    painter.restore()


def _paint_line(painter, line: dl.LineItem) -> None:
    from PySide6.QtGui import QPolygonF

    painter.setOpacity(line.opacity)
    colour = QColor(line.colour)
    painter.setPen(dashed_pen(colour, line.width, line.dash))
    painter.setBrush(Qt.NoBrush)
    for pts in line.strokes:
        path = QPainterPath(QPointF(*pts[0]))
        for x, y in pts[1:]:
            path.lineTo(x, y)
        painter.drawPath(path)
    painter.setPen(Qt.NoPen)
    painter.setBrush(colour)
    for tri in line.heads:
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in tri]))
    painter.setOpacity(1.0)
