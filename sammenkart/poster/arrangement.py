"""Where a poster's lists go, and in what type: the one rule for every paper and orientation.

The lists are the legend, the step list and checklist of a pathway, the
figures table and the contacts. They take room from the map, and the map is
what the poster is for, so the rule is decided by the text size they leave
the map (its smallest text: card names, band labels, step numbers, marks):

1. Every arrangement is measured: the lists under the map (columns across the
   page) or beside it (one to four columns at the right, as narrow as holds
   them, at most ``BESIDE_SHARE`` of the width), in each type from the body
   size down to the paper's floor (``pages.MIN_FONT_PT``), with the contacts
   among them or on pages of their own. The map's smallest text in each is
   estimated from the room it is left (``estimate``: cheap, and coarse).
2. The contacts stay on the poster when an arrangement with them leaves the
   map legible (at least the floor), laid out for real (also where the
   estimate says not, when the map is legible without them: the estimate is
   coarse); else they go on pages of their own.
3. The map first: of those arrangements, the best for the map, and the
   largest type of the lists that may be as good (its estimate within
   ``ESTIMATE_ERROR`` of the best).
4. Then for real (``real``: laid out): the best room of all, and the best
   room under the map and beside it with the lists in that larger type (a
   room far behind on the estimate is not laid out). The map gets the one
   where its smallest text comes out largest; the larger type in the lists
   wins within ``SIZE_TIE``, and beside the map on a landscape sheet (under
   it on a portrait one) within ``TIE``.

The poster (``composition.plan_poster``) follows it, and so does the poster
dialog's preview, which draws that plan. Pure: page points, y down.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..layout.geometry import Rect
from .blocks import Block, Placed, balanced_flow, flow

BESIDE_SHARE = 0.55  # lists beside the map take at most this share of the width
SIZE_TIE = 0.03  # larger type in the lists may cost the map this share of its text size
ESTIMATE_ERROR = 0.1  # how far the cheap estimate is off for most rooms (docs/performance-poster.md)
TIE = 0.02  # real text sizes this close are a tie: the sheet's orientation decides
FACTORS = (1.0, 0.8, 0.65, 0.5)  # type of the lists as a share of the body size, never under the floor


@dataclass
class Arrangement:
    side: str  # "below" or "beside"
    size: float  # the lists' type, points
    contacts: bool  # the contacts are on the poster (else on pages of their own)
    col_w: float  # width of one column, points
    room: Rect  # the map's room
    placed: list[Placed]  # the lists, placed
    font: float  # the map's smallest text in ``room``, points (estimated, then real for the chosen)


def list_sizes(body: float, floor: float) -> list[float]:
    """The type sizes to try, largest first: ``FACTORS`` of ``body``, none under ``floor``."""
    out: list[float] = []
    for f in FACTORS:
        size = max(floor, body * f)
        if not out or size < out[-1] - 1e-9:
            out.append(size)
    return out


def below(area: Rect, blocks: list[Block], col_w: float, gap: float) -> tuple[Rect, list[Placed]] | None:
    """(map room, placed lists) with the lists in columns under the map, as low as they fit; None if not."""
    if not blocks:
        return area, []
    steps = 60  # the least height that holds the blocks, in small steps; the map gets the rest
    for i in range(1, steps + 1):
        h = area.h * 0.9 * i / steps
        region = Rect(area.x, area.bottom - h, area.w, h)
        if flow(region, blocks, col_w, gap) is None:
            continue
        placed = balanced_flow(region, blocks, col_w, gap)
        if placed is None:
            return None
        used = max(p.rect.bottom for p in placed) - region.y
        room = Rect(area.x, area.y, area.w, area.h - used - gap)
        shift = room.bottom + gap - region.y  # the lists stand right under the map's room
        return room, [Placed(p.block, Rect(p.rect.x, p.rect.y + shift, p.rect.w, p.rect.h)) for p in placed]
    return None


def beside(area: Rect, build: Callable[[float], list[Block]], narrowest: float, widest: float,
           gap: float) -> tuple[float, Rect, list[Placed]] | None:
    """(column width, map room, placed lists) with the lists in columns at the right, as narrow
    as holds them: of one to four columns, each between ``narrowest`` and ``widest`` wide
    (``build(width)`` gives the blocks for a width), the arrangement that takes least of the
    page's width; None if they need more than ``BESIDE_SHARE`` of it."""
    best = None
    for n in range(1, 5):
        top = min(widest, (area.w * BESIDE_SHARE - (n - 1) * gap) / n)
        if top < narrowest - 1e-6:
            break

        def placed(width: float) -> list[Placed] | None:
            w = n * width + (n - 1) * gap
            return balanced_flow(Rect(area.right - w, area.y, w, area.h), build(width), width, gap)

        if placed(top) is None:
            continue
        lo, hi = narrowest, top  # the narrowest column that holds them (fewer lines when wider)
        if placed(lo) is not None:
            hi = lo
        else:
            for _ in range(7):
                mid = (lo + hi) / 2
                lo, hi = (lo, mid) if placed(mid) is not None else (mid, hi)
        w = n * hi + (n - 1) * gap
        if best is None or w < best[0]:
            best = (w, hi, placed(hi))
    if best is None:
        return None
    w, width, got = best
    return width, Rect(area.x, area.y, area.w - w - gap, area.h), got


def _may_fit(area: Rect, blocks: list[Block], col_w: float, gap: float) -> bool:
    # cheap first test: blocks whose total area exceeds the page's fit in no arrangement
    return sum(b.height + gap * 0.5 for b in blocks) * min(col_w, area.w) <= area.w * area.h


def choose(area: Rect, gap: float, sizes: list[float], floor: float, landscape: bool,
           furniture: Callable[[float, float, bool], list[Block]],
           below_width: Callable[[float], float], beside_width: Callable[[float], float],
           estimate: Callable[[Rect], float], real: Callable[[Rect], float],
           with_contacts: bool = True) -> Arrangement | None:
    """The arrangement of the rule above (module docstring); None when not even the legend fits.

    ``sizes``: type sizes, largest (the body size) first (``list_sizes``).
    ``furniture(size, width, contacts)``: the blocks in that type and column width, the contacts
    among them when ``contacts``. ``below_width(size)``: the column width under the map;
    ``beside_width(size)``: (narrowest, widest) column beside it. ``estimate(room)`` / ``real(room)``: the
    map's smallest text in points in that room, estimated (cheap) or laid out for real.
    ``with_contacts``: False when there are none to place."""
    found: list[Arrangement] = []
    for size in sizes:
        for contacts in ((True, False) if with_contacts else (False,)):
            width = below_width(size)
            blocks = furniture(size, width, contacts)
            if not _may_fit(area, blocks, width, gap):
                continue
            got = below(area, blocks, width, gap)
            if got is not None and (font := estimate(got[0])) > 0:
                found.append(Arrangement("below", size, contacts, width, got[0], got[1], font))
            narrow, wide = beside_width(size)
            got = beside(area, lambda w: furniture(size, w, contacts), narrow, wide, gap)
            if got is not None and (font := estimate(got[1])) > 0:
                found.append(Arrangement("beside", size, contacts, got[0], got[1], got[2], font))
    if not found:
        return None
    on = [a for a in found if a.contacts]
    off = [a for a in found if not a.contacts]
    if on and max(a.font for a in on) >= floor:
        pick = _pick(on, landscape, real)
        if pick.font >= floor or not off:  # legible laid out for real too
            return pick
    pick = _pick(off or on, landscape, real)
    if on and off and pick.font >= floor:
        # The estimate can be far off (tester round 4: four contacts on a page of their own that
        # fitted on the poster with the map above the floor): the real layout decides.
        with_them = _pick(on, landscape, real)
        if with_them.font >= floor:
            return with_them
    return pick


def _pick(group: list[Arrangement], landscape: bool, real: Callable[[Rect], float]) -> Arrangement:
    """Steps 3 and 4 of the rule (module docstring) among ``group``; the result's ``font`` is real."""
    best = max(group, key=_rank)
    size = max(a.size for a in group if a.font >= best.font * (1 - ESTIMATE_ERROR))
    checked = [best]
    for side in ("below", "beside"):
        same = [a for a in group if a.side == side and a.size == size]
        # (a room whose estimate is far behind the best is not worth laying out)
        if same and (a := max(same, key=_rank)) is not best and a.font >= best.font * (1 - 2 * ESTIMATE_ERROR):
            checked.append(a)
    for a in checked:
        a.font = real(a.room)
    preferred = "beside" if landscape else "below"

    def worth(a: Arrangement) -> float:
        return a.font * (1 + (SIZE_TIE if a.size >= size else 0.0) + (TIE if a.side == preferred else 0.0))

    return max(checked, key=worth)


def _rank(a: Arrangement) -> tuple[float, float]:
    # the estimate is coarse (it steps with the map's column count): on a tie the larger room
    return (round(a.font, 1), a.room.w * a.room.h)
