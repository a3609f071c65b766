"""Fixed places (``plassering``): which grid slot a pinned card takes.

``plassering: [x, y]`` is the top-left corner of the card in map units, in
the map's picture on a 16:9 screen: the same numbers ``sammenkart layout
KART --json`` prints as a card's ``x`` and ``y``. The layout keeps every
card in a slot of the grid (arrows run between the cards, never over them),
so a pinned card takes the slot of **its own band** whose top-left corner is
nearest that point, measured in the grid as it stands before the arrows
widen its channels (every channel at a typical width, the map stretched to
16:9). Cards pinned to the same slot: the first in the file gets it, the
next the nearest free slot of its band. The other cards are ordered around
the pinned ones.

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

REFERENCE_ASPECT = 16 / 9


@dataclass
class PinResult:
    slots: dict[str, tuple[int, int]] = field(default_factory=dict)  # service -> (row within band, column)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class NominalGrid:
    """Slot corners of a map's grid before routing: columns, and row tops per band."""

    cols: int
    col_x: list[float]
    row_y: list[list[float]]  # per band (top first), the top of each of its rows
    band_y: list[tuple[float, float]]  # per band, its top and bottom
    width: float
    height: float


def nominal_grid(m: Map, aspect: float = REFERENCE_ASPECT) -> NominalGrid:
    """The grid ``layout_map`` would make at ``aspect``, with channels at the widths it estimates."""
    from .engine import (EST_H_CHANNEL, EST_STRIP, EST_V_CHANNEL, MARGIN, CARD_W, band_ids, card_height,
                         card_lines, grid_shape)
    from .grid import GAP

    bands = band_ids(m)
    by_id = {s.id: s for s in m.tjenester}
    heights = [[card_height(card_lines(by_id[sid])) for sid in ids] for ids in bands]
    cols, rows = grid_shape(m, heights, aspect, bands)
    tall = [max(hs, default=0.0) for hs in heights]
    n_rows = sum(rows)
    w = EST_STRIP + cols * CARD_W + (cols - 1) * EST_V_CHANNEL + 2 * GAP + 2 * MARGIN
    h = sum(t * k for t, k in zip(tall, rows)) + (n_rows - 1) * EST_H_CHANNEL + 2 * GAP + 2 * MARGIN
    v_add = h_add = 0.0
    if w / h < aspect:
        v_add = (aspect * h - w) / (cols + 1)
    else:
        h_add = (w / aspect - h) / (n_rows + 1)
    x = MARGIN + EST_STRIP + GAP + v_add
    col_x = []
    for _c in range(cols):
        col_x.append(x)
        x += CARD_W + EST_V_CHANNEL + v_add
    y = MARGIN + GAP + h_add
    row_y, band_y = [], []
    for t, k in zip(tall, rows):
        tops = []
        top = y - (EST_H_CHANNEL + h_add) / 2
        for _r in range(k):
            tops.append(y)
            y += t + EST_H_CHANNEL + h_add
        row_y.append(tops)
        band_y.append((top, y - (EST_H_CHANNEL + h_add) / 2))
    return NominalGrid(cols, col_x, row_y, band_y, w + (cols + 1) * v_add, h + (n_rows + 1) * h_add)


def resolve(m: Map, cols: int | None = None, rows: list[int] | None = None) -> PinResult:
    """Slots of the pinned services of ``m`` in a grid of ``cols`` columns and ``rows`` rows per band.

    Without ``cols``/``rows``: in the reference grid (16:9). Never raises;
    what cannot be honoured exactly is in ``problems`` (warnings).
    """
    pinned = [s for s in m.tjenester if s.plassering is not None]
    out = PinResult()
    if not pinned:
        return out
    from .engine import levels_top_down

    levels = levels_top_down(m)
    band_of_level = {lv.id: b for b, lv in enumerate(levels)}
    ref = nominal_grid(m)
    taken: dict[tuple[int, int, int], str] = {}  # (band, row, col) -> service
    ref_slots: dict[str, tuple[int, int, int]] = {}
    for s in pinned:
        b = band_of_level.get(s.niva)
        if b is None:
            continue
        px, py = s.plassering
        where = s.plassering_source or s.source
        shown = f"[{_num(px)}, {_num(py)}]"
        top, bottom = ref.band_y[b]
        if py < top - 0.5 or py > bottom + 0.5:
            level = levels[b]
            out.problems.append(Problem(where, _(
                "«plassering» {xy} for «{name}» ligger utenfor båndet «{level}» (y fra {top} til {bottom} i "
                "kartbildet på en 16:9-skjerm); kortet står i båndet sitt, på plassen nærmest punktet").format(
                xy=shown, name=s.navn, level=level.navn, top=_num(top), bottom=_num(bottom)), "warning"))
        elif px < 0 or px > ref.width:
            out.problems.append(Problem(where, _(
                "«plassering» {xy} for «{name}» ligger utenfor kartet (x fra 0 til {w} i kartbildet på en "
                "16:9-skjerm); kortet står på plassen nærmest punktet").format(
                xy=shown, name=s.navn, w=_num(ref.width)), "warning"))
        ranked = sorted(((px - x) ** 2 + (py - y) ** 2, r, c)
                        for r, y in enumerate(ref.row_y[b]) for c, x in enumerate(ref.col_x))
        first = (b, ranked[0][1], ranked[0][2])
        if first in taken:
            other = taken[first]
            out.problems.append(Problem(where, _(
                "«plassering» {xy} for «{name}» er samme plass som «{other}» har fått; kortet står på nærmeste "
                "ledige plass i båndet").format(xy=shown, name=s.navn, other=m.service(other).navn), "warning"))
        for _d, r, c in ranked:
            if (b, r, c) not in taken:
                taken[(b, r, c)] = s.id
                ref_slots[s.id] = (b, r, c)
                break
    if cols is None or rows is None:
        out.slots = {sid: (r, c) for sid, (_b, r, c) in ref_slots.items()}
        return out
    # the same relative place in the grid asked for
    used: set[tuple[int, int, int]] = set()
    for s in pinned:
        if s.id not in ref_slots:
            continue
        b, r, c = ref_slots[s.id]
        k_ref, k = len(ref.row_y[b]), rows[b]
        tr = round(r * (k - 1) / (k_ref - 1)) if k_ref > 1 else 0
        tc = round(c * (cols - 1) / (ref.cols - 1)) if ref.cols > 1 else 0
        spots = sorted(((rr - tr) ** 2 * 4 + (cc - tc) ** 2, rr, cc) for rr in range(k) for cc in range(cols))
        for _d, rr, cc in spots:
            if (b, rr, cc) not in used:
                used.add((b, rr, cc))
                out.slots[s.id] = (rr, cc)
                break
    return out


def pin_problems(m: Map) -> list[Problem]:
    """Warnings for ``plassering`` values the layout cannot honour exactly (none without any)."""
    if not any(s.plassering is not None for s in m.tjenester):
        return []
    return resolve(m).problems


def _num(v: float) -> str:
    return str(int(round(v))) if abs(v - round(v)) < 0.05 else f"{v:.1f}"
