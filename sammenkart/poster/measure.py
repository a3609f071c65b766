"""What a reader of a planned poster page would notice, measured on the plan.

Pure functions of a ``composition.PosterPlan`` (page points, y down), shared
by the tests and ``benchmarks/poster_room.py`` so both count the same way.
"""
from __future__ import annotations

from ..layout.geometry import Rect
from .tiling import ink_rects


def largest_blank_band(plan) -> float:
    """The tallest strip across the page, within the margins, with nothing drawn in it (points)."""
    spans = sorted((r.y, r.bottom) for r in ink_rects(plan))
    gaps, reach = [], plan.content.y
    for y0, y1 in spans:
        if y0 > reach:
            gaps.append(y0 - reach)
        reach = max(reach, y1)
    gaps.append(plan.content.bottom - reach)
    return max(gaps)


def furniture_side(plan) -> str:
    """Where the lists stand relative to the map: "beside", "below" or "none" (no blocks)."""
    if not plan.blocks:
        return "none"
    if all(p.rect.x >= plan.map_rect.right - 1e-6 for p in plan.blocks):
        return "beside"
    return "below"


def overlapping(plan) -> list[tuple[Rect, Rect]]:
    """Pairs of the page's parts (header, map, each block, footer) that overlap; [] on a sound page.
    A part outside the margins is paired with the content rectangle."""
    parts = [plan.header, plan.map_rect, plan.footer] + [p.rect for p in plan.blocks]
    out = [(plan.content, r) for r in parts if not plan.content.contains(r)]
    for i, a in enumerate(parts):
        out += [(a, b) for b in parts[i + 1:] if a.intersects(b)]
    return out
