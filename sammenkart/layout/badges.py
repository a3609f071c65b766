"""Where each step's number goes: on its own arrow, clear of cards and other numbers.

Numbers sit only on the parts of an arrow that run in a channel (never on
the short stubs into a card). Every point of a channel track lies at least
``grid.EDGE`` from the nearest card, so a badge of radius up to ``EDGE``
there covers no card; what is left is keeping badges off each other, which
a coarse spatial hash checks. Candidates run from the middle of the longest
piece outwards, so a number sits near the middle of its arrow when it can.
"""
from __future__ import annotations

import math

from .grid import EDGE

STEP = 2.0  # spacing of the candidate points along a piece (map units)


class BadgeSpace:
    """Badges placed so far, hashed by cell, for overlap tests."""

    def __init__(self, radius: float):
        self.r = radius
        self.cell = 2 * radius
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def free(self, x: float, y: float) -> bool:
        cx, cy = int(x // self.cell), int(y // self.cell)
        lim = (2 * self.r + 0.5) ** 2
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for px, py in self.cells.get((i, j), ()):
                    if (px - x) ** 2 + (py - y) ** 2 < lim:
                        return False
        return True

    def add(self, x: float, y: float) -> None:
        self.cells.setdefault((int(x // self.cell), int(y // self.cell)), []).append((x, y))


def candidates(pieces: list[tuple[tuple[float, float], tuple[float, float]]]):
    """Points along the pieces: longest piece first, each from its middle outwards."""
    for (ax, ay), (bx, by) in sorted(pieces, key=lambda p: -math.dist(*p)):
        length = math.dist((ax, ay), (bx, by))
        mx, my = (ax + bx) / 2, (ay + by) / 2
        if length == 0:
            yield (mx, my)
            continue
        ux, uy = (bx - ax) / length, (by - ay) / length
        yield (mx, my)
        k = 1
        while k * STEP <= length / 2:
            d = k * STEP
            yield (mx + ux * d, my + uy * d)
            yield (mx - ux * d, my - uy * d)
            k += 1


def place(space: BadgeSpace, pieces) -> tuple[tuple[float, float], bool]:
    """The first free candidate (and True), else the least crowded one (and False)."""
    assert space.r <= EDGE + 1e-9, "a badge wider than the channel margin would cover cards"
    best, best_d = None, -1.0
    for x, y in candidates(pieces):
        if space.free(x, y):
            space.add(x, y)
            return (x, y), True
        d = _nearest(space, x, y)
        if d > best_d:
            best, best_d = (x, y), d
    if best is None:
        return (0.0, 0.0), False
    space.add(*best)
    return best, False


def _nearest(space: BadgeSpace, x: float, y: float) -> float:
    d = math.inf
    cx, cy = int(x // space.cell), int(y // space.cell)
    for i in (cx - 1, cx, cx + 1):
        for j in (cy - 1, cy, cy + 1):
            for px, py in space.cells.get((i, j), ()):
                d = min(d, math.hypot(px - x, py - y))
    return d
