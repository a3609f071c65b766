"""Lines between cards: collaboration links and numbered pathway arrows.

Shared by the screen and the poster, so an arrow ends at the same point of the
same card border in both. Arrows between the same two cards are spread into
lanes so they never lie on top of each other.
"""
from __future__ import annotations

import math

from .geometry import MapLayout, Rect

Point = tuple[float, float]
LANE_GAP = 7.0
HOP = 9.0  # how far above a row an arrow between two cards of that row runs


def border_point(r: Rect, tx: float, ty: float) -> Point:
    """Where the line from the centre of ``r`` towards (tx, ty) leaves ``r``."""
    cx, cy = r.center
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    t = min((r.w / 2) / abs(dx) if dx else math.inf, (r.h / 2) / abs(dy) if dy else math.inf)
    return (cx + dx * t, cy + dy * t)


def link_points(layout: MapLayout, a: str, b: str) -> tuple[Point, Point]:
    ra, rb = layout.cards[a].rect, layout.cards[b].rect
    return (border_point(ra, *rb.center), border_point(rb, *ra.center))


def arrow_points(layout: MapLayout, fra_id: str, til_id: str, lane: int = 0) -> tuple[Point, ...]:
    """Border-to-border path for a step; lane k bends it sideways (0 = straight).

    Bent arrows get a middle point pushed perpendicular to the line, which
    keeps a step and its feedback (the same two cards, both ways) apart.
    """
    ra, rb = layout.cards[fra_id].rect, layout.cards[til_id].rect
    (ax, ay), (bx, by) = ra.center, rb.center
    if ra.y == rb.y and _cards_between(layout, ra, rb):
        # Same row with cards in between: a straight line would strike through
        # their names, so hop over the row instead (lanes stack the hops).
        top = ra.y - HOP - lane * LANE_GAP
        return ((ax, ra.y), (ax, top), (bx, top), (bx, rb.y))
    if lane == 0:
        return (border_point(ra, bx, by), border_point(rb, ax, ay))
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    side = 1 if lane % 2 else -1
    off = side * LANE_GAP * 2 * ((lane + 1) // 2)
    mx, my = (ax + bx) / 2 + nx * off, (ay + by) / 2 + ny * off
    return (border_point(ra, mx, my), (mx, my), border_point(rb, mx, my))


def _cards_between(layout: MapLayout, ra: Rect, rb: Rect) -> bool:
    """Is any card of the same row between the two? (rows indexed once per layout)"""
    rows = layout.__dict__.get("_rows")
    if rows is None:
        rows = {}
        for c in layout.cards.values():
            rows.setdefault(c.rect.y, []).append(c.rect.x)
        layout.__dict__["_rows"] = rows
    lo, hi = min(ra.x, rb.x), max(ra.x, rb.x)
    return any(lo < x < hi for x in rows.get(ra.y, ()))


def badge_point(points: tuple[Point, ...]) -> Point:
    """Where a step's number goes: halfway along the path."""
    segs = list(zip(points, points[1:]))
    total = sum(math.dist(p, q) for p, q in segs)
    walked = 0.0
    for p, q in segs:
        d = math.dist(p, q)
        if walked + d >= total / 2 and d > 0:
            t = (total / 2 - walked) / d
            return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
        walked += d
    return points[0]


def arrow_head(points: tuple[Point, ...], size: float = 9.0) -> tuple[Point, Point, Point]:
    """The three corners of a filled arrow head at the end of ``points``."""
    (px, py), (qx, qy) = points[-2], points[-1]
    ang = math.atan2(qy - py, qx - px)
    spread = math.radians(24)
    left = (qx - size * math.cos(ang - spread), qy - size * math.sin(ang - spread))
    right = (qx - size * math.cos(ang + spread), qy - size * math.sin(ang + spread))
    return ((qx, qy), left, right)


def lanes(pairs: list[tuple[str, str]]) -> list[int]:
    """A lane for each (fra, til): 0 for the first between two cards, then 1, 2 …"""
    used: dict[frozenset, int] = {}
    out = []
    for a, b in pairs:
        key = frozenset((a, b))
        out.append(used.get(key, 0))
        used[key] = used.get(key, 0) + 1
    return out
