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


# -- drawn arrows: crossings and arrows over cards ---------------------------------

def drawn_segments(polylines: Iterable[tuple[object, tuple]]) -> list[tuple[object, tuple, tuple]]:
    """(owner, p, q) for every segment of every (owner, polyline)."""
    out = []
    for owner, pts in polylines:
        for p, q in zip(pts, pts[1:]):
            if p != q:
                out.append((owner, tuple(p), tuple(q)))
    return out


def count_drawn_crossings(segments: list[tuple[object, tuple, tuple]]) -> int:
    """Pairs of segments of different owners that cross (touching does not count).

    Horizontal against vertical segments are counted with a sweep; any other
    (slanted, spline pieces of other tools) through a grid of buckets.
    """
    hs, vs, other = [], [], []
    for owner, p, q in segments:
        if p[1] == q[1]:
            hs.append((min(p[0], q[0]), max(p[0], q[0]), p[1], owner))
        elif p[0] == q[0]:
            vs.append((p[0], min(p[1], q[1]), max(p[1], q[1]), owner))
        else:
            other.append((owner, p, q))
    total = _sweep(hs, vs)
    # same-owner horizontal/vertical crossings were counted too: take them out
    by_owner: dict = {}
    for h in hs:
        by_owner.setdefault(h[3], ([], []))[0].append(h)
    for v in vs:
        by_owner.setdefault(v[3], ([], []))[1].append(v)
    for own_h, own_v in by_owner.values():
        for x0, x1, y, _o in own_h:
            for x, y0, y1, _o2 in own_v:
                if x0 < x < x1 and y0 < y < y1:
                    total -= 1
    if other:
        rest = other + [(o, (x0, y), (x1, y)) for x0, x1, y, o in hs] + [(o, (x, y0), (x, y1)) for x, y0, y1, o in vs]
        total += _bucket_crossings(rest, len(other))
    return total


def _sweep(hs, vs) -> int:
    import bisect

    ys = sorted({h[2] for h in hs})
    if not ys or not vs:
        return 0
    tree = [0] * (len(ys) + 1)

    def add(i: int, d: int) -> None:
        i += 1
        while i <= len(ys):
            tree[i] += d
            i += i & -i

    def prefix(i: int) -> int:  # sum of [0, i)
        s = 0
        while i > 0:
            s += tree[i]
            i -= i & -i
        return s

    events = []
    for x0, x1, y, _o in hs:
        if x1 > x0:
            events.append((x0, 2, y))  # add after the queries at x0
            events.append((x1, 0, y))  # remove before the queries at x1
    for x, y0, y1, _o in vs:
        events.append((x, 1, (y0, y1)))
    events.sort(key=lambda e: (e[0], e[1]))
    total = 0
    for _x, kind, val in events:
        if kind == 0:
            add(bisect.bisect_left(ys, val), -1)
        elif kind == 2:
            add(bisect.bisect_left(ys, val), 1)
        else:
            y0, y1 = val
            lo, hi = bisect.bisect_right(ys, y0), bisect.bisect_left(ys, y1)
            if hi > lo:
                total += prefix(hi) - prefix(lo)
    return total


def _bucket_crossings(segs, n_first: int) -> int:
    """Crossings involving at least one of the first ``n_first`` segments (the slanted ones)."""
    if not segs:
        return 0
    xs = [c for _o, p, q in segs for c in (p[0], q[0])]
    ys = [c for _o, p, q in segs for c in (p[1], q[1])]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    cell = span / max(8, int(len(segs) ** 0.5))
    buckets: dict = {}
    for k, (_o, p, q) in enumerate(segs):
        for key in _cells_of(p, q, cell):
            buckets.setdefault(key, []).append(k)
    seen = set()
    total = 0
    for ks in buckets.values():
        for a_i, a in enumerate(ks):
            for b in ks[a_i + 1:]:
                i, j = (a, b) if a < b else (b, a)
                if i >= n_first or (i, j) in seen:
                    continue
                seen.add((i, j))
                if segs[i][0] != segs[j][0] and _cross((segs[i][1], segs[i][2]), (segs[j][1], segs[j][2])):
                    total += 1
    return total


def _cells_of(p, q, cell):
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    for i in range(int(x0 // cell), int(x1 // cell) + 1):
        for j in range(int(y0 // cell), int(y1 // cell) + 1):
            yield (i, j)


def arrows_over_cards(segments: list[tuple[object, tuple, tuple]], boxes: dict[str, Rect],
                      ends: dict[object, set[str]]) -> list[tuple[object, str]]:
    """(owner, card) for each segment that runs through the inside of a card not among its ends."""
    if not boxes:
        return []
    cell = max(r.w for r in boxes.values())
    buckets: dict = {}
    for sid, r in boxes.items():
        for key in _cells_of((r.x, r.y), (r.right, r.bottom), cell):
            buckets.setdefault(key, []).append(sid)
    out = set()
    for owner, p, q in segments:
        mine = ends.get(owner, set())
        for key in _cells_of(p, q, cell):
            for sid in buckets.get(key, ()):
                if sid in mine or (owner, sid) in out:
                    continue
                if _segment_in_box(p, q, boxes[sid]):
                    out.add((owner, sid))
    return sorted(out, key=str)


def _segment_in_box(p, q, r: Rect, inset: float = 0.5) -> bool:
    """Does the segment pass through the box's inside (a little in from its border)?"""
    x0, y0, x1, y1 = r.x + inset, r.y + inset, r.right - inset, r.bottom - inset
    if x1 <= x0 or y1 <= y0:
        return False
    # Liang–Barsky clipping against the inner box
    (px, py), (qx, qy) = p, q
    dx, dy = qx - px, qy - py
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        if pk == 0:
            if qk <= 0:
                return False
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 >= t1:
                return False
    return True


def badge_overlaps(badges: list[tuple[float, float, float]], boxes: Iterable[Rect]) -> tuple[int, int]:
    """(badges over a card, pairs of badges over each other) for circles (x, y, r)."""
    over_card = 0
    boxes = list(boxes)
    for x, y, r in badges:
        for b in boxes:
            nx, ny = min(max(x, b.x), b.right), min(max(y, b.y), b.bottom)
            if (nx - x) ** 2 + (ny - y) ** 2 < (r - 0.01) ** 2:
                over_card += 1
                break
    pairs = 0
    for i, (x, y, r) in enumerate(badges):
        for x2, y2, r2 in badges[i + 1:]:
            if (x - x2) ** 2 + (y - y2) ** 2 < (r + r2 - 0.01) ** 2:
                pairs += 1
    return over_card, pairs
