"""The mouse on the map in edit mode, and the sign that edit mode is on.

- Click a card: its form opens (``ctl.choose_service``).
- Drag a card: a ghost follows the pointer and a bar shows where it lands;
  dropped in another band it changes level, along its band it changes the
  order (``layout.drop.drop_target`` → ``Editor.move_service``); with
  *Fest kort der de slippes* on, the dropped place is kept (``plassering``).
- Shift+drag from a card to another (or, with *Tegn samarbeid* on, click
  one card and then the other) draws a collaboration link.
- A press on the map's background pans it as always.

Everything here is also on the keyboard (``edit_ui.py``: Alt+arrows move the
chosen card, the form adds and removes links).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsPathItem, QGraphicsRectItem, QLabel

from ..i18n import N_, _
from . import live_text
from ..layout.drop import drop_target
from .items import CardItem

EDIT_COLOUR = "#d35400"  # the edit mode's colour: banner, frame, drop marks


class EditBanner(QLabel):
    """"Redigering" over the map's top left corner while edit mode is on."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.setTextFormat(Qt.PlainText)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet(f"QLabel {{ background: {EDIT_COLOUR}; color: white; font-weight: bold;"
                           " border-radius: 6px; padding: 4px 10px; }")
        live_text.text(self, N_("✎ Redigering – Ctrl+E avslutter"))
        self.hide()

    on_top_edge = True  # the room's top_controls: a banner placed later keeps clear of it

    def place(self) -> None:
        """The top left of the map, below the room's chips if they are there; the
        room keeps the strip down to ``strip_bottom`` free of cards."""
        if self.isVisibleTo(self.view):
            from .room_layout import below

            room = self.view.parentWidget()
            self.adjustSize()
            taken = room.top_controls(exclude=self) if hasattr(room, "top_controls") else []
            self.move(8, below(taken, QRect(8, 8, self.width(), self.height())))
            self.raise_()

    def strip_bottom(self) -> int:
        return self.geometry().bottom() + 1 + 4 if self.isVisibleTo(self.view) else 0


class MapEditing(QObject):
    """An event filter on the map view's viewport while edit mode is on."""

    def __init__(self, ctl):
        super().__init__(ctl)
        self.ctl = ctl
        self.view = ctl.window.map_view
        self.link_mode = False
        self.link_from: str | None = None  # two clicks: the first card
        self._press = None  # (service id, scene point, link?)
        self._drag: str | None = None  # "move" or "link"
        self._items: list = []
        self._offset = QPointF()

    def attach(self) -> None:
        self.view.viewport().installEventFilter(self)
        self.view.setStyleSheet(f"QGraphicsView {{ border: 3px solid {EDIT_COLOUR}; }}")

    def detach(self) -> None:
        self.view.viewport().removeEventFilter(self)
        self.view.setStyleSheet("")
        self.cancel()
        self.link_from = None

    # --- looking up -----------------------------------------------------------------------
    def card_at(self, pos) -> CardItem | None:
        for item in self.view.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def _scene(self):
        return self.view.scene()

    # --- events ---------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            self.view.mouse_used()  # the keyboard's focus ring goes (map_view)
            card = self.card_at(event.position().toPoint())
            if card is None:
                return False  # the background: pan as always
            link = bool(event.modifiers() & Qt.ShiftModifier) or self.link_mode
            self._press = (card.service_id, self.view.mapToScene(event.position().toPoint()), link, event.position())
            return True
        if kind == QEvent.MouseMove and self._press is not None:
            pos = event.position()
            if self._drag is None:
                if (pos - self._press[3]).manhattanLength() < QApplication.startDragDistance():
                    return True
                self._start()
            self._follow(self.view.mapToScene(pos.toPoint()))
            return True
        if kind == QEvent.MouseButtonRelease and self._press is not None and event.button() == Qt.LeftButton:
            point = self.view.mapToScene(event.position().toPoint())
            self._finish(point, event.position().toPoint())
            return True
        if kind == QEvent.MouseButtonDblClick and self.card_at(event.position().toPoint()) is not None:
            return True
        return False

    # --- dragging -------------------------------------------------------------------------
    def _start(self) -> None:
        sid, point, link, _pos = self._press
        scene = self._scene()
        card = scene.cards.get(sid)
        if card is None:
            self._press = None
            return
        self._drag = "link" if link else "move"
        pen = QPen(QColor(EDIT_COLOUR), 2.5)
        if self._drag == "link":
            c = card.card.rect.center
            line = QGraphicsLineItem(QLineF(QPointF(*c), point))
            pen.setStyle(Qt.DashLine)
            line.setPen(pen)
            self._add(line)
        else:
            r = card.card.rect
            self._offset = point - QPointF(r.x, r.y)
            ghost = QGraphicsPathItem(card.path)
            ghost.setPen(QPen(QColor(EDIT_COLOUR), 2, Qt.DashLine))
            ghost.setBrush(QBrush(QColor(255, 255, 255, 150)))
            ghost.setPos(0, 0)
            self._add(ghost)
            band = QGraphicsRectItem()
            band.setPen(QPen(QColor(EDIT_COLOUR), 2))
            band.setBrush(Qt.NoBrush)
            self._add(band)
            bar = QGraphicsLineItem()
            bar.setPen(QPen(QColor(EDIT_COLOUR), 5, Qt.SolidLine, Qt.RoundCap))
            self._add(bar)

    def _add(self, item) -> None:
        item.setZValue(100)
        self._scene().addItem(item)
        self._items.append(item)

    def _follow(self, point: QPointF) -> None:
        if not self._items:
            return
        if self._drag == "link":
            line = self._items[0]
            line.setLine(QLineF(line.line().p1(), point))
            return
        ghost, band_item, bar = self._items
        sid = self._press[0]
        card = self._scene().cards.get(sid)
        r = card.card.rect
        top_left = point - self._offset
        ghost.setPos(top_left.x() - r.x, top_left.y() - r.y)
        target = self._target(point)
        layout = self._scene().layout
        if target is None or layout is None:
            return
        band = next((b for b in layout.bands if b.level_id == target.niva), None)
        if band is not None:
            band_item.setRect(QRectF(band.rect.x, band.rect.y, band.rect.w, band.rect.h))
        if target.before is not None and target.before in layout.cards:
            b = layout.cards[target.before].rect
            bar.setLine(QLineF(b.x - 4, b.y, b.x - 4, b.bottom))
        else:
            row = [c.rect for c in layout.cards.values() if c.level == target.niva and c.service_id != sid]
            if row:
                last = max(row, key=lambda q: (round(q.y, 1), q.x))
                bar.setLine(QLineF(last.right + 4, last.y, last.right + 4, last.bottom))
            elif band is not None:
                y = band.rect.y + band.rect.h / 2
                bar.setLine(QLineF(band.rect.x + 30, y - 10, band.rect.x + 30, y + 10))

    def _target(self, point: QPointF):
        scene = self._scene()
        if scene.map is None or scene.layout is None:
            return None
        return drop_target(scene.map, scene.layout, self._press[0], point.x(), point.y())

    def cancel(self) -> None:
        scene = self._scene()
        for item in self._items:
            if item.scene() is scene and scene is not None:
                scene.removeItem(item)
        self._items = []
        self._drag = None
        self._press = None

    def _finish(self, point: QPointF, pos) -> None:
        sid, _start, link, _p = self._press
        drag = self._drag
        ghost_top_left = point - self._offset
        target = self._target(point) if drag == "move" else None
        self.cancel()  # before the edit: the scene may be built anew
        if drag == "move":
            if target is not None:
                self.ctl.move_service(sid, target.niva, target.position,
                                      (ghost_top_left.x(), ghost_top_left.y()))
            return
        if drag == "link":
            other = self.card_at(pos)
            if other is not None and other.service_id != sid:
                self.ctl.add_link(sid, other.service_id)
            return
        if link:
            self._link_click(sid)
            return
        self.click(sid)

    def click(self, sid: str) -> None:
        """A click on a card (or Enter on the card with the keyboard focus): with
        *Tegn samarbeid* on, one end of a link; otherwise the card's form."""
        if self.link_mode:
            self._link_click(sid)
            return
        self.link_from = None
        self.ctl.choose_service(sid)

    def _link_click(self, sid: str) -> None:
        if self.link_from is None or self.link_from == sid:
            self.link_from = sid
            self.ctl.say(_("Samarbeid fra «{navn}»: klikk det andre kortet.").format(navn=self.ctl.service_name(sid)))
            return
        first, self.link_from = self.link_from, None
        self.ctl.add_link(first, sid)
