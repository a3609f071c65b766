"""Cards moved within their band while that lowers what the router will draw.

``placement.py`` orders rows as the layers of a layered drawing: it counts
straight lines between neighbouring rows. The router draws something else:
an arrow between cards two rows or more apart runs down a vertical channel
(a *trunk*) and along the horizontal channels next to its ends, and most
crossings of the routed picture are a trunk passing through a horizontal
channel where another arrow runs along it (docs/performance.md, "Layout and
routing"); over random orders, the layered count and the routed count do
not go together. So, after the placement, every pair of joined services is
routed once by the router itself (``routing.Router``, one arrow per pair,
shortest first, no room cost), and each card is tried in the cells of its
band within ``reach`` steps (swapping with the card there, or moving to an
empty cell): the arrows of the cards moved are re-routed, each its cheapest
way with the others staying, and the move that lowers their cost most is
kept.

The map must not show smaller for it: a move that makes the band's rows
taller together (a row is as tall as its tallest card) is not made. (Also
refusing moves that need more tracks in this picture kept the example's
crossings at 263 but made its map 0.3 % smaller, under the 24 px its text
must have at 1920x1080 in the window: this picture's channels are not the
pathways'.)

A sketch of the routes (L and Z shapes, counted without the router) was
tried first: it lowered its own count by a third and the routed crossings
not at all.

Pinned cards and cards with no arrows keep their cells (a card with no
arrows stands where the file puts it, ``placement.lone_in_file_order``); a
move must lower the cost, so where it does not, the placement's choice (and
with it the file's order) stays. Deterministic.
"""
from __future__ import annotations

INIT_PASSES = 0  # rip-up passes of the first routing (more was no better, and slower)
ROOM = 0.0  # room weight of the routing that judges moves


def refine_routed(grid, pairs: dict[tuple[str, str], float], fixed: set[str] = frozenset(),
                  passes: int = 2, reach: int = 3, heights: dict[str, float] | None = None,
                  rank: dict[str, int] | None = None) -> int:
    """Move cards of ``grid`` (indexed) within their bands; returns how many moves were kept.

    ``pairs``: (a, b) -> weight for every pair of services joined by an arrow in some
    picture (each routed once here). ``fixed``: services that keep their cell.
    ``passes``: sweeps over the cards; ``reach``: how far a card may move, in rows plus
    columns (the example's routed crossings: 1 and 2 267, 2 and 3 270, 1 and 3 284, 2
    and 4 270; the routed count follows the cost only roughly).
    ``heights``: card heights; a move that makes the rows taller together is not tried
    (a row is as tall as its tallest card: the map would show smaller).
    ``rank``: each service's place in the map file; with it, a card with no arrows
    stays where the file's order puts it among its row's cards (no move passes it).
    ``grid.cells`` and ``grid.pos`` are changed in place."""
    from .routing import Router, make_net

    router = Router(grid, True, None, ROOM)
    nets = []
    for (a, b), _w in sorted(pairs.items()):
        if a != b and a in grid.pos and b in grid.pos:
            net = make_net(grid, ("par", a, b), [(a, b)], directed=False)
            if net is not None:
                nets.append(net)
    router.route(nets, passes=INIT_PASSES)
    terms: dict[str, list] = {}
    nets_of: dict[str, list] = {}
    for net in router.nets:
        for t in net.terms:
            terms.setdefault(t.sid, []).append(t)
            nets_of.setdefault(t.sid, []).append(net)
    band_cells: dict[int, list[tuple[int, int]]] = {}
    for r, b in enumerate(grid.row_band):
        band_cells.setdefault(b, []).extend((r, c) for c in range(grid.cols))
    movable = [sid for row in grid.cells for sid in row if sid and sid not in fixed and sid in nets_of]
    movable_set = set(movable)
    lone = {sid for row in grid.cells for sid in row if sid and sid not in nets_of}

    def put(sid, cell):
        grid.pos[sid] = cell
        for t in terms.get(sid, ()):
            t.r, t.c = cell

    def state(ks):
        return [(n, n.trunk, {k: t.mode for k, t in enumerate(n.terms)}, (n.hsegs, n.span)) for n in ks]

    def take_off(ks, cost: float = 0.0) -> float:
        # ``cost``: what the nets taken off just before cost (the sum goes on in the same order)
        for n in ks:
            modes = {k: t.mode for k, t in enumerate(n.terms)}
            shape = (n.hsegs, n.span)
            router._apply(n, n.trunk, modes, -1)
            cost += router._cost(n, n.trunk, modes, shape)
        return cost

    def put_on(ks) -> float:
        cost = 0.0
        for n in ks:
            best, trunk, modes, shape = router._best(n)
            router._apply(n, trunk, modes, shape=shape)
            cost += best
        return cost

    kept = 0
    for _ in range(passes):
        moved = 0
        for sid in movable:
            r0, c0 = grid.pos[sid]
            best = None
            # The card's own arrows are taken off once for all its trials (put back after the
            # last): each trial begins by taking them off from the same state, so their cost is
            # the same every time. Only the other card's arrows come off and go back per trial.
            mine = nets_of.get(sid, [])
            mine_ids = {id(n) for n in mine}
            off = None  # (state, cost) of ``mine`` while they are off
            for r, c in band_cells[grid.row_band[r0]]:
                if (r, c) == (r0, c0) or abs(r - r0) + abs(c - c0) > reach:
                    continue
                other = grid.cells[r][c]
                if other is not None and other not in movable_set:
                    continue
                if r != r0 and heights and _taller(grid.cells, heights, sid, other, r0, r):
                    continue
                if rank and not _lone_in_order(grid.cells, rank, lone, sid, other, (r0, c0), (r, c)):
                    continue
                theirs = [n for n in nets_of.get(other, []) if id(n) not in mine_ids]
                ks = mine + theirs  # as ``_union`` orders them
                if off is None:
                    off = (state(mine), take_off(mine))
                saved = state(theirs)
                old = take_off(theirs, off[1])
                put(sid, (r, c))
                if other is not None:
                    put(other, (r0, c0))
                new = put_on(ks)
                # back as it was (the card's own arrows stay off)
                for n in ks:
                    router._apply(n, n.trunk, {k: t.mode for k, t in enumerate(n.terms)}, -1)
                put(sid, (r0, c0))
                if other is not None:
                    put(other, (r, c))
                for n, trunk, modes, shape in saved:
                    router._apply(n, trunk, modes, shape=shape)
                if new < old - 1e-6 and (best is None or new - old < best[0] - 1e-9):
                    best = (new - old, r, c)
            if off is not None:
                for n, trunk, modes, shape in off[0]:
                    router._apply(n, trunk, modes, shape=shape)
            if best is not None:
                _d, r, c = best
                other = grid.cells[r][c]
                ks = _union(nets_of.get(sid, []), nets_of.get(other, []))
                take_off(ks)
                put(sid, (r, c))
                if other is not None:
                    put(other, (r0, c0))
                grid.cells[r0][c0], grid.cells[r][c] = other, sid
                put_on(ks)
                moved += 1
        kept += moved
        if not moved:
            break
    return kept


def _union(a: list, b: list) -> list:
    seen = {id(n) for n in a}
    return a + [n for n in b if id(n) not in seen]


def _taller(cells, heights: dict[str, float], sid: str, other: str | None, r0: int, r: int) -> bool:
    """Would swapping ``sid`` (row ``r0``) and ``other`` (row ``r``, or an empty cell) make the
    two rows taller together?"""
    def tallest(row, out, into):
        return max((heights.get(s, 0.0) for s in row if s and s != out), default=0.0) if into is None else \
            max([heights.get(s, 0.0) for s in row if s and s != out] + [heights.get(into, 0.0)])
    before = tallest(cells[r0], None, None) + tallest(cells[r], None, None)
    after = tallest(cells[r0], sid, other) + tallest(cells[r], other, sid)
    return after > before + 1e-9


def _lone_in_order(cells, rank: dict[str, int], lone: set[str], sid: str, other: str | None,
                   a: tuple[int, int], b: tuple[int, int]) -> bool:
    """After swapping the cells ``a`` (``sid``) and ``b`` (``other`` or empty), does every card
    with no arrows in those rows still stand at its place in the file's order among its
    row's cards (``placement.lone_in_file_order``)?"""
    for r in {a[0], b[0]}:
        row = list(cells[r])
        if not any(s in lone for s in row if s):
            continue
        if a[0] == r:
            row[a[1]] = other
        if b[0] == r:
            row[b[1]] = sid
        cards = [s for s in row if s]
        others = [s for s in cards if s not in lone]
        for k, s in enumerate(cards):
            if s in lone and k != sum(1 for o in others if rank.get(o, 0) < rank.get(s, 0)) + \
                    sum(1 for o in cards if o in lone and rank.get(o, 0) < rank.get(s, 0)):
                return False
    return True
