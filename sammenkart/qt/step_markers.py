"""Markers at the map's edges for a step wider than the screen (``step_frame``).

A region's step that names a service in every municipality does not fit a
projector at the room's readable size; the view keeps the text readable and
shows part of the step. A marker at each edge beyond which step cards lie says
so, large enough for the room: the direction, how many, and their names
(«◀ 2 til i steget: Dalsbygd legekontor, Straumøy legekontor»). A click on it,
or Ctrl+Shift+the arrow key, moves the view there (``MapView.pan_step``); a marker then
points back. Shown in presentation too: the one presenting needs it most. The
markers cover only the edge of the map, over the cut card they point to.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton

from ..i18n import _
from .fonts import FAMILY

ARROWS = {"left": "◀", "right": "▶", "up": "▲", "down": "▼"}
NAMES_SHOWN = 3  # more than this: the first ones and "…" (the caption names them all)
MARGIN = 6
STYLE = ("QPushButton { background: rgba(31, 31, 31, 230); color: white; border: 2px solid #f2c200;"
         " border-radius: 8px; padding: 4px 10px; text-align: left; }"
         " QPushButton:hover { background: rgb(20, 20, 20); }")


def marker_text(side: str, names: list[str]) -> str:
    """What the marker for ``names`` (the step's services beyond ``side``) says: at
    the left and right edges a name a line (a narrow marker covers less of the map)."""
    shown = names[:NAMES_SHOWN] + (["…"] if len(names) > NAMES_SHOWN else [])
    head = _("{arrow} {n} til i steget").format(arrow=ARROWS[side], n=len(names))
    if side in ("left", "right"):
        return "\n".join([head, *shown])
    return f"{head}: {', '.join(shown)}"


class StepMarkers:
    """The four edge markers of one main window's map view (hidden while none is needed)."""

    def __init__(self, window):
        self.window = window
        view = window.map_view
        self.buttons: dict[str, QPushButton] = {}
        font = QFont(FAMILY)
        font.setPixelSize(15)  # above the room's floor (11 px) with a margin: read from the back
        font.setBold(True)
        for side in ARROWS:
            b = QPushButton("", view)
            b.setFont(font)
            b.setFocusPolicy(Qt.NoFocus)
            b.setCursor(Qt.PointingHandCursor)
            b.setStyleSheet(STYLE)
            b.clicked.connect(lambda _c=False, s=side: self.go(s))
            b.hide()
            self.buttons[side] = b
        view.view_changed.connect(self.update)
        window.language_changed.connect(lambda _lang: self.update())

    def go(self, side: str) -> bool:
        """Move the view to the step's cards beyond ``side``; False when there are none."""
        moved = self.window.map_view.pan_step(side)
        self.update()
        return moved

    def sides(self) -> dict[str, list[str]]:
        """The step's services off the view, by edge (what the markers show)."""
        return self.window.map_view.off_view_step()

    def update(self) -> None:
        view = self.window.map_view
        groups = self.sides()
        m = self.window.current_map()
        vp = view.viewport().geometry()  # the markers are children of the view, the map is in its viewport
        for side, b in self.buttons.items():
            ids = groups.get(side)
            if not ids or m is None:
                b.hide()
                continue
            names = [s.navn if (s := m.service(i)) is not None else i for i in ids]
            b.setText(marker_text(side, names))
            b.setToolTip(_("Klikk eller Ctrl+Shift+pil: vis resten av steget"))
            b.setMaximumWidth(max(120, int(vp.width() * (0.3 if side in ("left", "right") else 0.9))))
            b.adjustSize()
            b.resize(min(b.sizeHint().width(), b.maximumWidth()), b.sizeHint().height())
            self._place(b, side, ids, vp)
            b.show()
            b.raise_()

    def _place(self, b: QPushButton, side: str, ids: list[str], vp) -> None:
        """At ``side``'s edge, beside where the cards it points to are (along that edge)."""
        view = self.window.map_view
        cards = view.step_cards()
        centres = [view.mapFromScene(QRectF(*cards[i]).center()) for i in ids if i in cards]
        along = (sum((QPointF(p) for p in centres), QPointF()) / len(centres)) if centres else QPointF(vp.center())
        w, h = b.width(), b.height()
        # the step's cards in view (view coordinates): a marker never covers one
        seen = [r for r in (view.mapFromScene(QRectF(*c)).boundingRect().translated(vp.topLeft())
                            for c in cards.values()) if vp.intersects(r)]
        if side in ("left", "right"):
            x = vp.left() + MARGIN if side == "left" else vp.right() + 1 - w - MARGIN
            blocked = [(r.top(), r.bottom()) for r in seen if r.left() < x + w and r.right() >= x]
            y = _clear_of(vp.top() + along.y() - h / 2, vp.top() + MARGIN, vp.bottom() + 1 - h - MARGIN, h, blocked)
        else:
            y = vp.top() + MARGIN if side == "up" else vp.bottom() + 1 - h - MARGIN
            blocked = [(r.left(), r.right()) for r in seen if r.top() < y + h and r.bottom() >= y]
            x = _clear_of(vp.left() + along.x() - w / 2, vp.left() + MARGIN, vp.right() + 1 - w - MARGIN, w, blocked)
        b.move(int(x), int(y))


def _clear_of(want: float, lo: float, hi: float, size: float, blocked: list[tuple[int, int]]) -> float:
    """Where along its edge a marker ``size`` long goes (view px): the place nearest ``want``
    within [lo, hi] that overlaps none of the ``blocked`` (first, last) pixel spans of the step's
    cards beside that edge; ``want`` kept within bounds where no place is clear."""
    tries = [want] + [v for a, b in blocked for v in (a - size - MARGIN, b + 1 + MARGIN)]
    free = [t for t in (min(max(t, lo), hi) for t in tries)
            if not any(int(t) <= b and int(t) + size > a for a, b in blocked)]
    return min(free, key=lambda t: abs(t - want)) if free else min(max(want, lo), hi)
