"""Measured blocks of poster furniture (legend, contacts) and column flow.

A block is a list of drawing operations relative to its own top-left corner
(y down), measured once. The planner places blocks; the renderer replays the
operations, so what was measured is exactly what is drawn.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..layout.geometry import Rect
from ..layout.text import text_width, wrap


@dataclass
class Block:
    width: float
    height: float = 0.0
    ops: list[tuple] = field(default_factory=list)
    kind: str = ""

    def text(self, x: float, size: float, text: str, font: str, colour: str, leading: float = 1.25) -> None:
        """Add one line of text below what is there; grows the block."""
        baseline = self.height + size * 0.95
        self.ops.append(("text", x, baseline, text, font, size, colour))
        self.height += size * leading

    def wrapped(self, x: float, size: float, text: str, font: str, colour: str) -> None:
        for line in wrap(text, self.width - x, size, font):
            self.text(x, size, line, font, colour)

    def space(self, h: float) -> None:
        self.height += h

    def used_width(self) -> float:
        """How far right anything of the block is drawn (text, swatches)."""
        right = 0.0
        for op in self.ops:
            if op[0] == "text":
                right = max(right, op[1] + text_width(op[3], op[5], op[4]))
            elif op[0] in ("swatch", "shape"):
                r = op[1] if op[0] == "swatch" else op[2]
                right = max(right, r.right)
            elif op[0] == "dash":
                right = max(right, op[1] + op[3])
            elif op[0] == "badge":
                right = max(right, op[1] + op[3])
        return min(right, self.width) if right else self.width


@dataclass(frozen=True)
class Placed:
    block: Block
    rect: Rect  # page coordinates, y down from the top of the page


def flow(region: Rect, blocks: list[Block], col_w: float, gap: float,
         partial: bool = False) -> list[Placed] | None:
    """Place blocks top to bottom in columns left to right; None when they do not fit.

    With ``partial`` the blocks that fit are returned instead (for paging).
    """
    placed: list[Placed] = []
    x, y = region.x, region.y
    if col_w > region.w + 1e-6:
        return None if blocks else []
    for b in blocks:
        if b.height > region.h + 1e-6:
            return placed if partial else None
        if y + b.height > region.bottom + 1e-6:
            x, y = x + col_w + gap, region.y
            if x + col_w > region.right + 1e-6:
                return placed if partial else None
        placed.append(Placed(b, Rect(x, y, col_w, b.height)))
        y += b.height + gap * 0.5
    return placed


def balanced_flow(region: Rect, blocks: list[Block], col_w: float, gap: float) -> list[Placed] | None:
    """Like ``flow`` but as short as possible, so the columns come out even."""
    if flow(region, blocks, col_w, gap) is None:
        return None
    lo, hi = max((b.height for b in blocks), default=0.0), region.h
    for _ in range(24):
        mid = (lo + hi) / 2
        if flow(Rect(region.x, region.y, region.w, mid), blocks, col_w, gap) is None:
            lo = mid
        else:
            hi = mid
    return flow(Rect(region.x, region.y, region.w, hi), blocks, col_w, gap)


def widest(lines: list[tuple[str, str, float]]) -> float:
    """Width of the widest (text, font, size) line."""
    return max((text_width(t, s, f) for t, f, s in lines), default=0.0)
