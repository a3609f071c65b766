"""Which card the keyboard focus goes to: the nearest card in a direction.

The map window moves its focus ring with Ctrl+arrow keys (``qt/map_view.py``);
what is "the next card to the right" is decided here, from the layout's own
geometry, so it is the same for any map and testable without a screen.
"""
from __future__ import annotations

from .geometry import MapLayout, Rect

DIRECTIONS = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "up": (0.0, -1.0), "down": (0.0, 1.0)}
# Where no card lies straight that way (level with it: the same row, or column), a card
# off to the side counts this many times its distance across.
ACROSS_WEIGHT = 3.0


def first_card(layout: MapLayout | None) -> str | None:
    """The card read first: the top row's first (the grid's order; cards of a row
    are centred on it, so their y differ); top left by y and x without a grid; None
    on an empty map."""
    if layout is None or not layout.cards:
        return None
    pos = layout.grid.pos if layout.grid is not None else {}
    if pos and all(sid in pos for sid in layout.cards):
        return min(layout.cards, key=lambda sid: (pos[sid], sid))
    return min(layout.cards.values(), key=lambda c: (round(c.rect.y, 3), c.rect.x, c.service_id)).service_id


def _gap(a0: float, a1: float, b0: float, b1: float) -> float:
    """How far apart two spans are along one axis (0 where they overlap)."""
    return max(0.0, b0 - a1, a0 - b1)


def nearest_card(layout: MapLayout | None, from_id: str | None, direction: str) -> str | None:
    """The card the focus moves to from ``from_id`` in ``direction`` ("left", "right",
    "up", "down"): of the cards whose centre lies that way, the nearest one level with
    it (the same row for left and right, overlapping columns for up and down, as a
    spreadsheet's arrows go: Habilitering's right is BUP four columns on, not the
    nearer card a row up); with none level, the least distance along plus
    ``ACROSS_WEIGHT`` × the gap across. None when no card lies that way; ``first_card`` when ``from_id`` is no card
    of the layout. Raises KeyError for another direction."""
    DIRECTIONS[direction]
    if layout is None or not layout.cards:
        return None
    here = layout.cards.get(from_id) if from_id is not None else None
    if here is None:
        return first_card(layout)
    return nearest_from(layout, here.rect, direction, skip=from_id)


def nearest_from(layout: MapLayout | None, r: Rect, direction: str, skip: str | None = None) -> str | None:
    """The card nearest ``r`` (map units; a card's rect or a point as an empty rect, such
    as the middle of what the view shows) in ``direction``, by ``nearest_card``'s rule;
    ``skip``: a card left out (the one the focus is on). None when no card lies that way.
    Raises KeyError for another direction."""
    dx, dy = DIRECTIONS[direction]
    if layout is None:
        return None
    cx, cy = r.center
    best: tuple | None = None
    for sid, card in layout.cards.items():
        if sid == skip:
            continue
        o = card.rect
        ox, oy = o.center
        along = (ox - cx) * dx + (oy - cy) * dy
        if along <= 1e-6:
            continue
        if dx:
            across = _gap(r.y, r.bottom, o.y, o.bottom)
            off = abs(oy - cy)
        else:
            across = _gap(r.x, r.right, o.x, o.right)
            off = abs(ox - cx)
        key = (across > 0, along + ACROSS_WEIGHT * across, off, sid)
        if best is None or key < best:
            best = key
    return best[3] if best else None


def card_nearest(layout: MapLayout | None, x: float, y: float) -> str | None:
    """The card nearest the point (x, y) in map units (0 inside a card; ties by the
    distance to its centre, then id): where the keyboard focus starts when no card was
    chosen yet (the middle of the view). None on an empty map."""
    if layout is None or not layout.cards:
        return None

    def key(sid):
        r = layout.cards[sid].rect
        cx, cy = r.center
        return (_gap(r.x, r.right, x, x) ** 2 + _gap(r.y, r.bottom, y, y) ** 2, (cx - x) ** 2 + (cy - y) ** 2, sid)

    return min(layout.cards, key=key)
