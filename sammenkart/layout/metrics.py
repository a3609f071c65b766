"""Measures of a layout's quality: overlaps, crossings, cards outside a frame."""
from __future__ import annotations

from typing import Iterable

from .geometry import MapLayout, Rect

Segment = tuple[tuple[float, float], tuple[float, float]]


def overlapping_cards(layout: MapLayout) -> list[tuple[str, str]]:
    """Pairs of cards that touch or overlap (sweep over x, so regions stay fast)."""
    cards = sorted(layout.cards.values(), key=lambda c: c.rect.x)
    out, active = [], []
    for c in cards:
        active = [a for a in active if a.rect.right > c.rect.x]
        out.extend((a.service_id, c.service_id) for a in active if a.rect.intersects(c.rect))
        active.append(c)
    return out


def cards_outside(layout: MapLayout, frame: Rect) -> list[str]:
    return [c.service_id for c in layout.cards.values() if not frame.contains(c.rect)]


def _cross(p: Segment, q: Segment) -> bool:
    """Proper crossing of two segments (touching at an end point does not count)."""
    (ax, ay), (bx, by) = p
    (cx, cy), (dx, dy) = q

    def orient(ox, oy, px, py, qx, qy):
        return (px - ox) * (qy - oy) - (py - oy) * (qx - ox)

    d1 = orient(cx, cy, dx, dy, ax, ay)
    d2 = orient(cx, cy, dx, dy, bx, by)
    d3 = orient(ax, ay, bx, by, cx, cy)
    d4 = orient(ax, ay, bx, by, dx, dy)
    return d1 * d2 < 0 and d3 * d4 < 0


def count_crossings(segments: Iterable[Segment]) -> int:
    """Number of crossing pairs among straight segments (centre to centre lines)."""
    segs = [s for s in segments if s[0] != s[1]]
    segs.sort(key=lambda s: min(s[0][0], s[1][0]))
    count = 0
    for i, s in enumerate(segs):
        right = max(s[0][0], s[1][0])
        for t in segs[i + 1:]:
            if min(t[0][0], t[1][0]) > right:
                break
            if _cross(s, t):
                count += 1
    return count


def layout_segments(layout: MapLayout, edges: Iterable[tuple[str, str]]) -> list[Segment]:
    """Centre-to-centre segments for (a, b) service pairs, to compare layouts fairly."""
    out = []
    for a, b in edges:
        if a in layout.cards and b in layout.cards:
            out.append((layout.cards[a].rect.center, layout.cards[b].rect.center))
    return out
