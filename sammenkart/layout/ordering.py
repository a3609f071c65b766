"""The order of cards inside each band: short lines, few crossings.

Barycentre sweeps place each service near the services it works with (links
and pathway steps); a local search then swaps neighbouring cards while that
removes crossings. Cards stay grouped by sector (by municipality on a region
map), and every tie is broken by id so the same file gives the same picture.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable

from ..graph import resolve_steps, step_pairs
from ..model import Map, Pathway
from ..style import SECTOR_ORDER

SWEEPS = 4
REFINE_LIMIT = 250  # services; the local search is quadratic and regions do not need it


def neighbours(m: Map, pathways: Iterable[Pathway]) -> dict[str, set[str]]:
    """Services joined by a collaboration link or a pathway step (undirected).

    Steps are paired by ``graph.step_pairs``, the same rule the overlay draws
    (on a region map a step stays inside one municipality)."""
    nb: dict[str, set[str]] = defaultdict(set)

    def join(a: str, b: str) -> None:
        if a != b:
            nb[a].add(b)
            nb[b].add(a)

    for link in m.samarbeid:
        for a in m.resolve(link.mellom[0]):
            for b in m.resolve(link.mellom[1]):
                join(a.id, b.id)
    for p in pathways:
        for rs in resolve_steps(m, p):
            for a, b in step_pairs(m, rs):
                join(a, b)
    return nb


def group_key(m: Map, s) -> tuple:
    if m.type == "region":
        return (0 if s.kommune is None else 1, s.kommune or "")
    return (SECTOR_ORDER.index(s.sektor) if s.sektor in SECTOR_ORDER else 99, s.sektor)


def order(m: Map, bands: list[list], nb: dict[str, set[str]], cols: int) -> list[list]:
    """Barycentre ordering within groups; groups ordered by their mean barycentre."""
    pos: dict[str, float] = {}

    def place(level_services: list) -> None:
        for s, (c, _r) in zip(level_services, _cells(len(level_services), cols)):
            pos[s.id] = c - (cols - 1) / 2

    for services in bands:
        place(services)
    for sweep in range(SWEEPS):
        sequence = bands if sweep % 2 == 0 else list(reversed(bands))
        for services in sequence:
            def bary(s) -> float:
                ns = [pos[o] for o in nb.get(s.id, ()) if o in pos]
                return sum(ns) / len(ns) if ns else pos[s.id]

            groups: dict[tuple, list] = defaultdict(list)
            for s in services:
                groups[group_key(m, s)].append(s)
            bc = {s.id: bary(s) for s in services}
            ordered_groups = sorted(
                groups.items(), key=lambda kv: (sum(bc[s.id] for s in kv[1]) / len(kv[1]), kv[0])
            )
            services[:] = [s for _, g in ordered_groups for s in sorted(g, key=lambda s: (bc[s.id], s.id))]
            place(services)
    return bands


def row_sizes(n: int, cols: int) -> list[int]:
    """How many cards each row of a band of ``n`` holds: as even as possible, at most ``cols``."""
    if n <= 0:
        return []
    k = math.ceil(n / cols)
    base, extra = divmod(n, k)
    return [base + (1 if i < extra else 0) for i in range(k)]


def _cells(n: int, cols: int) -> list[tuple[int, int]]:
    """(column, row within the band) of the i-th card: rows centred on whole columns."""
    out = []
    for r, size in enumerate(row_sizes(n, cols)):
        off = (cols - size) // 2
        out.extend((off + k, r) for k in range(size))
    return out


def grid_cells(bands: list[list], cols: int) -> tuple[list[list[str | None]], list[int]]:
    """The card grid: rows of service ids (None = empty cell), and the band of each row."""
    cells, row_band = [], []
    for b, services in enumerate(bands):
        sizes = row_sizes(len(services), cols) or [0]
        it = iter(services)
        for size in sizes:
            off = (cols - size) // 2
            row: list[str | None] = [None] * cols
            for k in range(size):
                row[off + k] = next(it).id
            cells.append(row)
            row_band.append(b)
    return cells, row_band


def _slots(bands: list[list], cols: int) -> dict[str, tuple[float, float]]:
    """Card centres (column, row) on the grid, for counting crossings during ordering."""
    pos, y = {}, 0.0
    for services in bands:
        cells = _cells(len(services), cols)
        for s, (c, r) in zip(services, cells):
            pos[s.id] = (float(c), y + r * 0.6)
        y += max(1, len(row_sizes(len(services), cols))) * 0.6 + 0.4
    return pos


def _crossings_of(edges_idx: list[int], edges: list[tuple[str, str]], pos) -> int:
    """Crossings between the given edges and all others (each pair counted once)."""
    chosen = set(edges_idx)
    segs = [(pos[a], pos[b]) for a, b in edges]
    count = 0
    for i in edges_idx:
        a, b = edges[i]
        (ax, ay), (bx, by) = segs[i]
        lox, hix, loy, hiy = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        for j, ((cx, cy), (dx, dy)) in enumerate(segs):
            # cheap rejections first: disjoint boxes, shared end, already counted
            if max(cx, dx) <= lox or min(cx, dx) >= hix or max(cy, dy) <= loy or min(cy, dy) >= hiy:
                continue
            if j == i or (j < i and j in chosen):
                continue
            c, d = edges[j]
            if c == a or c == b or d == a or d == b:
                continue
            d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx)
            d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx)
            if d1 * d2 >= 0:
                continue
            d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
            d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax)
            if d3 * d4 < 0:
                count += 1
    return count


def refine(m: Map, bands: list[list], nb: dict[str, set[str]], cols: int) -> None:
    """Swap services inside a sector group while that removes line crossings.

    Barycentre sweeps see only columns; this pass sees the rows too, so the
    picture the room looks at has fewer lines across each other.
    """
    placed = {s.id for services in bands for s in services}  # pinned cards stay out of it
    edges = sorted({tuple(sorted((a, b))) for a, bs in nb.items() for b in bs if a in placed and b in placed})
    incident: dict[str, list[int]] = defaultdict(list)
    for i, (a, b) in enumerate(edges):
        incident[a].append(i)
        incident[b].append(i)
    for _ in range(4):
        improved = False
        pos = _slots(bands, cols)
        for services in bands:
            improved |= _swap_groups(m, services, edges, incident, pos)
            for i in range(len(services)):
                # neighbours only: the card beside it and the card below it
                for j in (i + 1, i + cols):
                    if j >= len(services):
                        continue
                    u, v = services[i], services[j]
                    if group_key(m, u) != group_key(m, v) or not (incident[u.id] or incident[v.id]):
                        continue
                    affected = sorted(set(incident[u.id]) | set(incident[v.id]))
                    before = _crossings_of(affected, edges, pos)
                    pos[u.id], pos[v.id] = pos[v.id], pos[u.id]
                    if _crossings_of(affected, edges, pos) < before:
                        services[i], services[j] = v, u
                        improved = True
                    else:
                        pos[u.id], pos[v.id] = pos[v.id], pos[u.id]
        if not improved:
            break


def _swap_groups(m: Map, services: list, edges, incident, pos) -> bool:
    """Try each pair of neighbouring sector groups in the other order."""
    improved = False
    keys = list(dict.fromkeys(group_key(m, s) for s in services))
    for k in range(len(keys) - 1):
        groups = [[s for s in services if group_key(m, s) == key] for key in keys]
        trial = [s for g in groups[:k] + [groups[k + 1], groups[k]] + groups[k + 2:] for s in g]
        moved = [s.id for s in groups[k] + groups[k + 1]]
        affected = sorted({i for sid in moved for i in incident[sid]})
        if not affected:
            continue
        before = _crossings_of(affected, edges, pos)
        old = {sid: pos[sid] for sid in moved}
        slots = [pos[s.id] for s in services]
        trial_pos = dict(pos)
        for s, slot in zip(trial, slots):
            trial_pos[s.id] = slot
        if _crossings_of(affected, edges, trial_pos) < before:
            services[:] = trial
            pos.update({s.id: slot for s, slot in zip(trial, slots)})
            keys[k], keys[k + 1] = keys[k + 1], keys[k]
            improved = True
        else:
            pos.update(old)
    return improved
