"""Where each step's number goes: on its own arrow, clear of cards and other numbers.

Numbers sit only on the parts of an arrow that run in a channel (never on
the short stubs into a card). A number is a disc of ``BADGE_RADIUS`` where
there is room for it: its centre at least that far from every card (the
grid tells which cards are near a point) and from the other discs. Channels
are narrower than a disc where few arrows run, so the room is found where
channels cross, in channels the map's shape widened, or beside an empty
cell; the layout widens a channel when a number finds no room at all
(``engine``). Candidates run from the middle of the longest piece outwards,
so a number sits near the middle of its arrow when it can.

A number routed after the layout is fixed (a case's referrals), or on a
large map (a region, where channels are not widened for numbers), that
finds no room at full size is drawn smaller, as large as the room allows,
never smaller than ``SMALLEST``.
"""
from __future__ import annotations

import math
from bisect import bisect_right

from .grid import BADGE_RADIUS, Grid

STEP = 2.0  # spacing of the candidate points along a piece (map units)
CLEAR = 0.15  # between a number and a card or another number
SMALLEST = 4.0  # a number drawn smaller for lack of room is never smaller than this (its digits then shrink)


class BadgeSpace:
    """Cards of the grid and badges placed so far, for room tests."""

    def __init__(self, radius: float = BADGE_RADIUS, grid: Grid | None = None, obstacles=()):
        """``obstacles``: (x, y, r) discs drawn on the cards (the tilgang symbols) to keep clear of."""
        self.r = radius
        self.cell = 2 * radius + 2 * CLEAR
        self.cells: dict[tuple[int, int], list[tuple[float, float, float]]] = {}
        self.grid = grid
        for x, y, r in obstacles:
            self.add(x, y, r)

    # -- cards -----------------------------------------------------------------
    def clearance(self, x: float, y: float) -> float:
        """Distance from (x, y) to the nearest card box (inf without a grid)."""
        g = self.grid
        if g is None or not g.col_x:
            return math.inf
        c = bisect_right(g.col_x, x) - 1
        r = bisect_right(g.row_y, y) - 1
        best = math.inf
        for rr in (r - 1, r, r + 1):
            if not 0 <= rr < g.rows:
                continue
            if max(g.row_y[rr] - y, 0.0, y - g.row_y[rr] - g.row_h[rr]) >= best:
                continue
            row = g.cells[rr]
            for cc in (c - 1, c, c + 1):
                if not 0 <= cc < g.cols or row[cc] is None:
                    continue
                x0, y0, w, h = g.card_box(row[cc])
                dx = max(x0 - x, 0.0, x - (x0 + w))
                dy = max(y0 - y, 0.0, y - (y0 + h))
                best = min(best, math.hypot(dx, dy))
        return best

    # -- other badges --------------------------------------------------------------
    def nearest(self, x: float, y: float, r: float) -> float:
        """Room between a disc of radius ``r`` at (x, y) and the nearest placed disc."""
        d = math.inf
        cx, cy = int(x // self.cell), int(y // self.cell)
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for px, py, pr in self.cells.get((i, j), ()):
                    d = min(d, math.hypot(px - x, py - y) - pr - r)
        return d

    def free(self, x: float, y: float, r: float | None = None) -> bool:
        r = self.r if r is None else r
        return self.clearance(x, y) >= r + CLEAR and self.nearest(x, y, r) >= CLEAR

    def add(self, x: float, y: float, r: float | None = None) -> None:
        r = self.r if r is None else r
        self.cells.setdefault((int(x // self.cell), int(y // self.cell)), []).append((x, y, r))


def candidates(pieces: list[tuple[tuple[float, float], tuple[float, float]]], grid: Grid | None = None):
    """Points along the pieces, longest piece first: its middle, then where it passes a
    crossing of channels (most room) from the middle outwards, then every ``STEP``."""
    for (ax, ay), (bx, by) in sorted(pieces, key=lambda p: -math.dist(*p)):
        length = math.dist((ax, ay), (bx, by))
        mx, my = (ax + bx) / 2, (ay + by) / 2
        yield (mx, my)
        if length == 0:
            continue
        if grid is not None and grid.vch:
            if ay == by:  # horizontal: where vertical channels cross it
                xs = [(x0 + x1) / 2 for x0, x1 in grid.vch if min(ax, bx) <= (x0 + x1) / 2 <= max(ax, bx)]
                for x in sorted(xs, key=lambda x: abs(x - mx)):
                    yield (x, ay)
            elif ax == bx:
                ys = [(y0 + y1) / 2 for y0, y1 in grid.hch if min(ay, by) <= (y0 + y1) / 2 <= max(ay, by)]
                for y in sorted(ys, key=lambda y: abs(y - my)):
                    yield (ax, y)
        ux, uy = (bx - ax) / length, (by - ay) / length
        k = 1
        while k * STEP <= length / 2:
            d = k * STEP
            yield (mx + ux * d, my + uy * d)
            yield (mx - ux * d, my - uy * d)
            k += 1


def place(space: BadgeSpace, pieces, shrink: bool = True) -> tuple[tuple[float, float, float], str]:
    """((x, y, r), "full") at the first candidate with room for a full disc.

    Else, with ``shrink``: the candidate with the most room and the disc as
    large as that room, "smaller" (or "miss" when not even ``SMALLEST`` fits
    and the disc is drawn at that size anyway). Without ``shrink``: (the middle of
    the longest piece, full radius), "miss", not added; the layout then
    makes room.
    """
    full = space.r
    best, best_room = None, -math.inf
    for x, y in candidates(pieces, space.grid):
        card = min(space.clearance(x, y) - CLEAR, full)
        if card <= best_room and card < full:
            continue  # no better than a place already seen
        if card >= full and space.nearest(x, y, full) >= CLEAR:
            space.add(x, y, full)
            return (x, y, full), "full"
        # the largest disc that fits here: clear of cards and of the other discs
        room = card
        other = space.nearest(x, y, room)
        if other < CLEAR:
            room = max(0.0, room - (CLEAR - other))
        if room > best_room + 1e-9:
            best, best_room = (x, y), room
    if best is None:
        return (0.0, 0.0, full), "miss"
    if not shrink:
        return (best[0], best[1], full), "miss"
    r = max(SMALLEST, min(full, best_room))
    space.add(best[0], best[1], r)
    return (best[0], best[1], r), "smaller" if best_room >= SMALLEST - 1e-9 else "miss"
