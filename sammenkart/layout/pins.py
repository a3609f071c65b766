"""Fixed places (``plassering``): which grid slot a pinned card takes.

``plassering: [x, y]`` is the top-left corner of the card in map units, in
the map's picture on a 16:9 screen: the numbers ``sammenkart layout KART
--json`` prints as a card's ``x`` and ``y``. The layout keeps every card in
a slot of its grid (arrows run between the cards, never over them), so a
pinned card takes the slot of **its own band** nearest that point: the
row of the band whose top is nearest ``y`` and the column whose left edge is
nearest ``x``, in the map's automatic picture (the layout as it is without
any ``plassering``, on a 16:9 screen). Two cards pinned to the same slot:
the first in the file gets it, the next the nearest free slot of its band.
The other cards are ordered around the pinned ones.

On a page of another shape (a poster) the grid has other columns; a pinned
card keeps its band and the same relative place in it: its column and its
row within the band are scaled to the columns and rows there are.

Warnings, at the ``plassering`` line: a point outside the card's band (the
card stays in its band: the level decides the band), outside the map, or on
a slot an earlier card took.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import _
from ..model import Map, Problem
from .geometry import MapLayout


@dataclass
class PinResult:
    slots: dict[str, tuple[int, int]] = field(default_factory=dict)  # service -> (row within band, column)
    problems: list[Problem] = field(default_factory=list)


def pinned(m: Map) -> list:
    """The services of ``m`` with a ``plassering``, in file order."""
    return [s for s in m.tjenester if s.plassering is not None]


def resolve(m: Map, reference: MapLayout, cols: int | None = None, rows: list[int] | None = None) -> PinResult:
    """Slots of the pinned services of ``m``.

    ``reference``: the map's automatic layout on a 16:9 screen (no pins).
    ``cols``/``rows``: the grid the slots are for (columns, rows of each
    band); left out, the reference's own. Never raises; what cannot be
    honoured exactly is in ``problems`` (warnings).
    """
    out = PinResult()
    wanted = pinned(m)
    grid = reference.grid
    if not wanted or grid is None:
        return out
    band_rows: dict[int, list[int]] = {}
    for r, b in enumerate(grid.row_band):
        band_rows.setdefault(b, []).append(r)
    levels = {band.level_id: (b, band) for b, band in enumerate(reference.bands)}
    taken: dict[tuple[int, int, int], str] = {}  # (band, row in band, column) -> service
    ref_slots: dict[str, tuple[int, int, int]] = {}
    for s in wanted:
        if s.niva not in levels:
            continue
        b, band = levels[s.niva]
        px, py = s.plassering
        where = s.plassering_source or s.source
        shown = f"[{_num(px)}, {_num(py)}]"
        if not band.rect.y - 0.5 <= py <= band.rect.bottom + 0.5:
            out.problems.append(Problem(where, _(
                "«plassering» {xy} for «{name}» ligger utenfor båndet «{level}» (y fra {top} til {bottom} i "
                "kartbildet på en 16:9-skjerm); kortet står i båndet sitt, på plassen nærmest punktet").format(
                xy=shown, name=s.navn, level=m.level(s.niva).navn, top=_num(band.rect.y),
                bottom=_num(band.rect.bottom)), "warning"))
        elif not 0 <= px <= reference.width:
            out.problems.append(Problem(where, _(
                "«plassering» {xy} for «{name}» ligger utenfor kartet (x fra 0 til {w} i kartbildet på en "
                "16:9-skjerm); kortet står på plassen nærmest punktet").format(
                xy=shown, name=s.navn, w=_num(reference.width)), "warning"))
        rows_b = band_rows.get(b, [])
        ranked = sorted(((px - x) ** 2 + (py - grid.row_y[r]) ** 2, k, c)
                        for k, r in enumerate(rows_b) for c, x in enumerate(grid.col_x))
        if not ranked:
            continue
        first = (b, ranked[0][1], ranked[0][2])
        if first in taken:
            out.problems.append(Problem(where, _(
                "«plassering» {xy} for «{name}» er samme plass som «{other}» har fått; kortet står på nærmeste "
                "ledige plass i båndet").format(xy=shown, name=s.navn, other=m.service(taken[first]).navn),
                "warning"))
        for _d, k, c in ranked:
            if (b, k, c) not in taken:
                taken[(b, k, c)] = s.id
                ref_slots[s.id] = (b, k, c)
                break
    if cols is None or rows is None:
        out.slots = {sid: (k, c) for sid, (_b, k, c) in ref_slots.items()}
        return out
    # the same relative place in the grid asked for
    used: set[tuple[int, int, int]] = set()
    for s in wanted:
        if s.id not in ref_slots:
            continue
        b, k, c = ref_slots[s.id]
        k_ref, k_new = len(band_rows.get(b, [])), rows[b]
        tr = round(k * (k_new - 1) / (k_ref - 1)) if k_ref > 1 else 0
        tc = round(c * (cols - 1) / (grid.cols - 1)) if grid.cols > 1 else 0
        spots = sorted(((rr - tr) ** 2 * 4 + (cc - tc) ** 2, rr, cc) for rr in range(k_new) for cc in range(cols))
        for _d, rr, cc in spots:
            if (b, rr, cc) not in used:
                used.add((b, rr, cc))
                out.slots[s.id] = (rr, cc)
                break
    return out


def pin_problems(m: Map, pathways=()) -> list[Problem]:
    """Warnings for ``plassering`` values the layout cannot honour exactly (none without any).

    ``pathways``: those the map offers (they size the channels, so the grid
    the points are read against)."""
    if not pinned(m):
        return []
    from .engine import reference_layout

    return resolve(m, reference_layout(m, pathways)).problems


def _num(v: float) -> str:
    return str(int(round(v))) if abs(v - round(v)) < 0.05 else f"{v:.1f}"
