"""Which row and column each card takes: few arrow crossings, short arrows, low rows.

The grid's rows are treated as the layers of a layered drawing (Sugiyama's
method): an arrow between two rows crosses another between the same rows
when their ends come in opposite orders, and an arrow spanning several rows
is followed through the rows between by a placeholder ("dummy"). So:

1. each band's services are split over its rows: a service goes to the row
   where its arrows to the bands above and below pass fewest rows of its own
   band, and tall cards share a row (a row is as tall as its tallest card, so
   two five-line names in one row cost one tall row, not two);
2. rows are ordered by barycentre sweeps down and up the map, keeping the
   order with fewest crossings, then by swapping neighbours while that
   removes crossings ("transpose");
3. each row's cards get columns near the columns of the cards they are
   joined to (so many arrows run straight down), keeping their order.

**Order within a band.** Where the crossings leave a choice (cards with no
arrows, cards joined to the same services, two orders with as many
crossings), the order of the map file decides: earlier in the file is
further left. So moving a service within its band in the file (the editor's
``move_service``) moves its card where that costs no crossing.

**Fixed places** (``pins``: service -> (row within its band, column), from
``plassering``, see ``pins.py``) are kept exactly; the other cards of the
band are ordered around them.

Counting is by inversions between neighbouring rows, weighted by how many
arrows join the same two services. The same map gives the same picture.
"""
from __future__ import annotations

import math
import random
from collections import defaultdict

from .ordering import row_sizes

SWEEPS = 12
RESTARTS = 3
ROW_MODE = "block"  # a row's cards stand side by side (no holes), shifted towards their neighbours
FILE_ORDER = 0.5  # crossings a pair of cards in the file's order is worth (ties and near ties)
TILE_ROW_COST = 0.25  # a row of tiles more must show the region this much larger (tile_shape)
TILE_SWEEPS = 4  # barycentre sweeps inside municipal tiles (regions)
ROW_PASS = 3.0  # map units: what an arrow passing a row of its own band costs against a taller row


def place(bands: list[list[str]], weights: dict[tuple[str, str], float], cols: int,
          groups: dict[str, object] | None = None, heights: dict[str, float] | None = None,
          pins: dict[str, tuple[int, int]] | None = None,
          sizes: list[list[int] | None] | None = None) -> tuple[list[list[str | None]], list[int]]:
    """Cells (rows of service ids or None) and the band of each row.

    ``bands``: service ids per band, top band first, in the map file's order.
    ``weights``: arrows between two services (either order), how many.
    ``groups``: optional group of each service (a municipality); a group's
    cards stay together in each row. ``heights``: card heights (map units),
    to put tall cards in one row. ``pins``: fixed (row within the band,
    column) of some services; rows and columns must exist and differ.
    ``sizes``: per band, cards per row where they are kept from the layout
    before an edit (``engine.kept_places``); None or a None entry: ``row_sizes``.
    """
    pins = pins or {}
    adj: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), w in weights.items():
        if a != b:
            adj[a][b] = adj[a].get(b, 0.0) + w
            adj[b][a] = adj[b].get(a, 0.0) + w
    band_of = {sid: b for b, ids in enumerate(bands) for sid in ids}
    rank = {sid: k for ids in bands for k, sid in enumerate(ids)}

    # 1. rows
    layers: list[list[str]] = []
    row_band: list[int] = []
    fixed: dict[str, int] = {}  # pinned service -> column
    for b, ids in enumerate(bands):
        own = sizes[b] if sizes is not None and b < len(sizes) else None
        per_row = own if own and sum(own) == len(ids) else (row_sizes(len(ids), cols) or [0])
        rows = split_rows(ids, per_row, adj, band_of, b, heights or {}, {s: pins[s][0] for s in ids if s in pins})
        for row in rows:
            layers.append(row)
            row_band.append(b)
        for s in ids:
            if s in pins:
                fixed[s] = pins[s][1]
    best = None
    rng = random.Random(7)
    for attempt in range(RESTARTS):
        start = [list(ids) for ids in layers]
        if attempt:
            for ids in start:
                rng.shuffle(ids)
        order = _Layered(start, adj, groups, rank, fixed, cols)
        order.sweep()
        order.transpose()
        c = order.crossings()
        if best is None or c < best[0] - 1e-9:
            best = (c, order)
    best[1].lone_in_file_order()
    return best[1].cells(cols), row_band


def split_rows(ids: list[str], sizes: list[int], adj, band_of: dict[str, int], b: int,
               heights: dict[str, float], pinned_row: dict[str, int]) -> list[list[str]]:
    """A band's services over its rows (``sizes`` cards each, top row first).

    Cost of a split: the rows' heights (each its tallest card) plus ``ROW_PASS``
    for every row of its own band an arrow to another band passes. Pinned
    services stay in their row. Start from arrows-up-first, then swap pairs
    while that lowers the cost (bands are small; regions use tiles instead).
    """
    k = len(sizes)
    if k <= 1:
        return [list(ids)]
    sizes = list(sizes)
    for r in range(k):  # a row holds at least its pinned cards
        need = sum(1 for s in pinned_row.values() if s == r)
        while sizes[r] < need:
            donor = max((q for q in range(k) if sizes[q] > sum(1 for s in pinned_row.values() if s == q)),
                        key=lambda q: sizes[q])
            sizes[donor] -= 1
            sizes[r] += 1
    up = {s: sum(w for o, w in adj[s].items() if band_of.get(o, b) < b) for s in ids}
    down = {s: sum(w for o, w in adj[s].items() if band_of.get(o, b) > b) for s in ids}

    def lean(s: str) -> float:
        return (down[s] - up[s]) / (up[s] + down[s]) if up[s] + down[s] else 0.0

    free = sorted((s for s in ids if s not in pinned_row), key=lambda s: (lean(s), ids.index(s)))
    rows: list[list[str]] = [[s for s in ids if pinned_row.get(s) == r] for r in range(k)]
    it = iter(free)
    for r in range(k):
        while len(rows[r]) < sizes[r]:
            rows[r].append(next(it))
    h = heights or {}

    def pass_cost(s: str, r: int) -> float:
        return ROW_PASS * (up[s] * r + down[s] * (k - 1 - r))

    def row_height(row: list[str]) -> float:
        return max((h.get(s, 0.0) for s in row), default=0.0)

    where = {s: r for r, row in enumerate(rows) for s in row}
    movable = [s for s in ids if s not in pinned_row]
    for _ in range(4):
        improved = False
        for i, s in enumerate(movable):
            for t in movable[i + 1:]:
                rs, rt = where[s], where[t]
                if rs == rt:
                    continue
                before = row_height(rows[rs]) + row_height(rows[rt]) + pass_cost(s, rs) + pass_cost(t, rt)
                a = [t if x == s else x for x in rows[rs]]
                c = [s if x == t else x for x in rows[rt]]
                after = row_height(a) + row_height(c) + pass_cost(s, rt) + pass_cost(t, rs)
                if after < before - 1e-9:
                    rows[rs], rows[rt] = a, c
                    where[s], where[t] = rt, rs
                    improved = True
        if not improved:
            break
    # each row in the file's order to start with
    return [sorted(row, key=ids.index) for row in rows]


class _Layered:
    def __init__(self, layers: list[list[str]], adj, groups, rank: dict[str, int] | None = None,
                 fixed: dict[str, int] | None = None, cols: int = 0):
        self.adj = adj
        self.groups = groups
        self.rank = rank or {}
        self.fixed = fixed or {}
        self.cols = cols
        self.row = {sid: r for r, ids in enumerate(layers) for sid in ids}
        # Long arrows get a placeholder in every row they pass.
        self.layers: list[list[object]] = [list(ids) for ids in layers]
        self.up: dict[object, list[tuple[object, float]]] = defaultdict(list)  # neighbours one row up
        self.down: dict[object, list[tuple[object, float]]] = defaultdict(list)
        self.same: dict[object, list[tuple[object, float]]] = defaultdict(list)
        done = set()
        for a, nbs in adj.items():
            for b, w in nbs.items():
                if (b, a) in done or a not in self.row or b not in self.row:
                    continue
                done.add((a, b))
                ra, rb = self.row[a], self.row[b]
                if ra == rb:
                    self.same[a].append((b, w))
                    self.same[b].append((a, w))
                    continue
                if ra > rb:
                    a, b, ra, rb = b, a, rb, ra
                prev = a
                for r in range(ra + 1, rb):
                    d = ("d", a, b, r)
                    self.layers[r].append(d)
                    self.down[prev].append((d, w))
                    self.up[d].append((prev, w))
                    prev = d
                self.down[prev].append((b, w))
                self.up[b].append((prev, w))
        self.pos: dict[object, float] = {}
        for r in range(len(self.layers)):
            self._legal(r)
        self._index()

    def _index(self) -> None:
        for nodes in self.layers:
            n = len(nodes)
            for i, node in enumerate(nodes):
                self.pos[node] = i - (n - 1) / 2

    def _legal(self, r: int) -> None:
        """Put a row's pinned cards where their columns allow, keeping the rest in order."""
        nodes = self.layers[r]
        pinned = sorted((n for n in nodes if n in self.fixed), key=lambda n: self.fixed[n])
        if not pinned:
            return
        cards = [n for n in nodes if isinstance(n, str)]
        free = [n for n in cards if n not in self.fixed]
        # free cards wanted before each pinned card, clamped to the columns there are
        before, seen = [], 0
        for n in cards:
            if n in self.fixed:
                before.append(seen)
            else:
                seen += 1
        by_pin = dict(zip([n for n in cards if n in self.fixed], before))
        legal, last = [], 0
        for i, p in enumerate(pinned):
            hi = self.fixed[p] - i
            lo = len(free) - ((self.cols - 1 - self.fixed[p]) - (len(pinned) - 1 - i))
            k = min(max(by_pin[p], lo, last), hi)
            legal.append(k)
            last = k
        order: list = []
        it = iter(free)
        taken = 0
        for p, k in zip(pinned, legal):
            while taken < k:
                order.append(next(it))
                taken += 1
            order.append(p)
        order.extend(it)
        # placeholders keep their place among the cards
        slots = [i for i, n in enumerate(nodes) if isinstance(n, str)]
        for i, n in zip(slots, order):
            nodes[i] = n

    # -- crossings ---------------------------------------------------------
    def crossings(self) -> float:
        total = 0.0
        for r in range(len(self.layers) - 1):
            total += self._between(r)
        for a, nbs in self.same.items():  # arrows inside a row jump the cards between their ends
            for b, w in nbs:
                if str(a) < str(b):
                    total += w * max(0.0, abs(self.pos[a] - self.pos[b]) - 1) * 0.5
        return total

    def _between(self, r: int) -> float:
        edges = []
        for node in self.layers[r]:
            pa = self.pos[node]
            for other, w in self.down.get(node, ()):
                edges.append((pa, self.pos[other], w))
        return _inversions(edges)

    # -- barycentre sweeps ---------------------------------------------------
    def sweep(self) -> None:
        best = self.crossings()
        best_layers = [list(ns) for ns in self.layers]
        for k in range(SWEEPS):
            down = k % 2 == 0
            rows = range(1, len(self.layers)) if down else range(len(self.layers) - 2, -1, -1)
            for r in rows:
                self._reorder(r, self.up if down else self.down)
            c = self.crossings()
            if c < best - 1e-9:
                best, best_layers = c, [list(ns) for ns in self.layers]
        self.layers = best_layers
        self._index()

    def _reorder(self, r: int, side) -> None:
        nodes = self.layers[r]

        def bary(node) -> float:
            nbs = side.get(node, ())
            same = self.same.get(node, ()) if isinstance(node, str) else ()
            tw = sum(w for _o, w in nbs) + 0.3 * sum(w for _o, w in same)
            if not tw:
                return self.pos[node]
            return (sum(self.pos[o] * w for o, w in nbs) + 0.3 * sum(self.pos[o] * w for o, w in same)) / tw

        keyed = {node: bary(node) for node in nodes}
        # ties: the file's order, then where the node stood
        nodes.sort(key=lambda n: (keyed[n], self.rank.get(n, math.inf), self.pos[n]))
        if self.groups:
            nodes[:] = _grouped(nodes, keyed, self.groups)
        self._legal(r)
        n = len(nodes)
        for i, node in enumerate(nodes):
            self.pos[node] = i - (n - 1) / 2

    # -- neighbour swaps -----------------------------------------------------
    def transpose(self, rounds: int = 6) -> None:
        for _ in range(rounds):
            improved = False
            for r, nodes in enumerate(self.layers):
                for i in range(len(nodes) - 1):
                    u, v = nodes[i], nodes[i + 1]
                    cards = isinstance(u, str) and isinstance(v, str)
                    if cards and (u in self.fixed or v in self.fixed):
                        continue  # a pinned card keeps its column
                    if self.groups and cards and self.groups.get(u) != self.groups.get(v):
                        continue
                    before = self._local(r, u, v)
                    self.pos[u], self.pos[v] = self.pos[v], self.pos[u]
                    after = self._local(r, v, u)
                    if cards:  # the file's order is worth a little: FILE_ORDER per pair out of it
                        after += FILE_ORDER * ((self.rank.get(u, 0) < self.rank.get(v, 0))
                                               - (self.rank.get(v, 0) < self.rank.get(u, 0)))
                    if after < before - 1e-9:
                        nodes[i], nodes[i + 1] = v, u
                        improved = True
                    else:
                        self.pos[u], self.pos[v] = self.pos[v], self.pos[u]
            if not improved:
                break

    def _local(self, r: int, u, v) -> float:
        """Crossings between the arrows of u and of v (u left of v), with both neighbouring rows."""
        total = 0.0
        for side in (self.up, self.down):
            for a, wa in side.get(u, ()):
                pa = self.pos[a]
                for b, wb in side.get(v, ()):
                    if self.pos[b] < pa:
                        total += wa * wb
        for a, wa in self.same.get(u, ()) if isinstance(u, str) else ():
            total += wa * max(0.0, abs(self.pos[a] - self.pos[u]) - 1) * 0.5
        for b, wb in self.same.get(v, ()) if isinstance(v, str) else ():
            total += wb * max(0.0, abs(self.pos[b] - self.pos[v]) - 1) * 0.5
        return total

    # -- columns -------------------------------------------------------------
    def lone_in_file_order(self) -> None:
        """A card with no arrows takes its place in the file's order among its row's cards:
        first in the file, leftmost (nothing decides it otherwise)."""
        for r, nodes in enumerate(self.layers):
            cards = [n for n in nodes if isinstance(n, str)]
            lone = [n for n in cards if not self.adj.get(n) and n not in self.fixed]
            if not lone:
                continue
            order = [n for n in cards if n not in lone]
            for n in sorted(lone, key=lambda n: self.rank.get(n, 0)):
                k = sum(1 for o in order if self.rank.get(o, 0) < self.rank.get(n, 0))
                order.insert(k, n)
            slots = [i for i, n in enumerate(nodes) if isinstance(n, str)]
            for i, n in zip(slots, order):
                nodes[i] = n
            self._legal(r)
        self._index()

    def cells(self, cols: int) -> list[list[str | None]]:
        """Cards to columns, in row order, near the columns of their neighbours; pinned cards at theirs."""
        rows = [[n for n in nodes if isinstance(n, str)] for nodes in self.layers]
        col: dict[str, float] = {}
        for ids in rows:
            for sid, c in zip(ids, self._fit_row(ids, [0.0] * len(ids), cols, centred=True)):
                col[sid] = c
        for _ in range(3):
            for ids in rows:
                targets = []
                for sid in ids:
                    nbs = [(o, w) for o, w in self.adj.get(sid, {}).items()
                           if o in col and abs(self.row.get(o, -9) - self.row[sid]) <= 2 and self.row.get(o) != self.row[sid]]
                    tw = sum(w for _o, w in nbs)
                    targets.append(sum(col[o] * w for o, w in nbs) / tw if tw else col[sid])
                for sid, c in zip(ids, self._fit_row(ids, targets, cols)):
                    col[sid] = c
        out = []
        for ids in rows:
            row: list[str | None] = [None] * cols
            for sid in ids:
                row[int(col[sid])] = sid
            out.append(row)
        return out

    def _fit_row(self, ids: list[str], targets: list[float], cols: int, centred: bool = False) -> list[int]:
        """Columns for a row's cards in order: pinned ones at theirs, the others fitted between."""
        if not any(s in self.fixed for s in ids):
            if centred or ROW_MODE == "centre":
                off = (cols - len(ids)) // 2
                return [off + i for i in range(len(ids))]
            if ROW_MODE == "block":
                n = len(ids)
                off = min(max(0, round(sum(t - i for i, t in enumerate(targets)) / max(1, n))), cols - n)
                return [off + i for i in range(n)]
        out: list[int] = [0] * len(ids)
        lo, start = 0, 0
        cuts = [i for i, s in enumerate(ids) if s in self.fixed] + [len(ids)]
        for cut in cuts:
            hi = self.fixed[ids[cut]] if cut < len(ids) else cols
            part = targets[start:cut] if not centred else [(lo + hi - 1) / 2] * (cut - start)
            for k, c in enumerate(_fit([t - lo for t in part], hi - lo)):
                out[start + k] = lo + c
            if cut < len(ids):
                out[cut] = hi
                lo, start = hi + 1, cut + 1
        return out


def _fit(targets: list[float], cols: int) -> list[int]:
    """Whole, increasing columns in [0, cols) as close as possible to ``targets`` (in order)."""
    n = len(targets)
    if n == 0:
        return []
    # c_i = d_i + i with d non-decreasing in [0, cols - n]: isotonic regression on t_i - i
    vals = [t - i for i, t in enumerate(targets)]
    blocks: list[list[float]] = []  # [mean, weight]
    for v in vals:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2 = blocks.pop()
            m1, w1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2])
    d = []
    for m, w in blocks:
        d.extend([m] * int(w))
    hi = cols - n
    out, last = [], -1
    for i, v in enumerate(d):
        c = min(max(0, round(v)), hi) + i
        c = max(c, last + 1)
        out.append(c)
        last = c
    # pushed past the end: pull back from the right
    for i in range(n - 1, -1, -1):
        limit = cols - (n - i)
        if out[i] > limit:
            out[i] = limit
        if i + 1 < n and out[i] >= out[i + 1]:
            out[i] = out[i + 1] - 1
    return out


def _inversions(edges: list[tuple[float, float, float]]) -> float:
    """Weighted crossings of straight edges between two rows: pairs in opposite order."""
    if len(edges) < 2:
        return 0.0
    edges.sort()
    total = 0.0
    if len(edges) <= 64:
        for i, (a1, b1, w1) in enumerate(edges):
            for a2, b2, w2 in edges[i + 1:]:
                if a2 > a1 and b2 < b1:
                    total += w1 * w2
        return total
    # merge-sort style count for larger rows (weights multiply)
    bs = sorted({b for _a, b, _w in edges})
    rank = {b: i for i, b in enumerate(bs)}
    tree = [0.0] * (len(bs) + 1)
    i = 0
    while i < len(edges):
        j = i
        while j < len(edges) and edges[j][0] == edges[i][0]:
            j += 1
        for _a, b, w in edges[i:j]:  # edges from the same point never cross each other
            k = rank[b] + 2  # strictly greater b among earlier edges
            s = 0.0
            q = len(bs)
            while q > 0:
                s += tree[q]
                q -= q & -q
            q = k - 1
            while q > 0:
                s -= tree[q]
                q -= q & -q
            total += s * w
        for _a, b, w in edges[i:j]:
            q = rank[b] + 1
            while q <= len(bs):
                tree[q] += w
                q += q & -q
        i = j
    return total


def _grouped(nodes: list, keyed: dict, groups: dict) -> list:
    """Keep each group's cards in one run, groups ordered by their mean position."""
    by_group: dict = defaultdict(list)
    for n in nodes:
        by_group[groups.get(n) if isinstance(n, str) else ("dummy", n)].append(n)
    runs = sorted(by_group.values(), key=lambda g: (sum(keyed[n] for n in g) / len(g), str(g[0])))
    return [n for g in runs for n in g]


def place_tiles(bands: list[list[str]], weights: dict[tuple[str, str], float], groups: dict[str, object],
                aspect: float, card_w: float, row_h: float) -> tuple[list[list[str | None]], list[int], int]:
    """Region maps: each municipality a tile, at the same columns in every band.

    Municipalities are tiles of ``w`` columns, ``per_row`` side by side; in
    each band a municipality's cards fill its tile's block, so its arrows
    between bands run straight up and down inside its own columns, and the
    arrows to shared services (no municipality) leave from its own part of
    the map. Shared services stand centred at the top of their band. Tile
    width and count are chosen to fill ``aspect`` (``tile_shape``). Within a tile, cards that
    talk upwards come first, then the map file's order. Returns cells, the
    band of each row, and the number of columns.
    """
    names = sorted({g for g in groups.values() if g is not None}, key=str)
    slot = {g: k for k, g in enumerate(names)}
    rank = {s: k for ids in bands for k, s in enumerate(ids)}
    shared = [[s for s in ids if groups.get(s) is None] for ids in bands]
    local = [{g: [] for g in names} for _ in bands]
    for b, ids in enumerate(bands):
        for s in ids:
            if groups.get(s) is not None:
                local[b][groups[s]].append(s)
    adj: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b2), w in weights.items():
        adj[a][b2] = adj[a].get(b2, 0.0) + w
        adj[b2][a] = adj[b2].get(a, 0.0) + w
    band_of = {sid: b for b, ids in enumerate(bands) for sid in ids}

    def lean(sid: str, b: int) -> float:
        up = sum(w for o, w in adj[sid].items() if band_of.get(o, b) < b)
        down = sum(w for o, w in adj[sid].items() if band_of.get(o, b) > b)
        return (down - up) / (up + down) if up + down else 0.0

    w, per_row, cols = tile_shape(bands, groups, aspect, card_w, row_h)
    n = max(1, len(names))
    tile_rows = math.ceil(n / per_row)
    most = [max((len(v) for v in local[b].values()), default=0) for b in range(len(bands))]
    cells: list[list[str | None]] = []
    row_band: list[int] = []
    for b, ids in enumerate(bands):
        if shared[b]:
            row: list[str | None] = [None] * cols
            ordered = sorted(shared[b], key=lambda s: (lean(s, b), rank[s]))
            off = (cols - len(ordered)) // 2
            for i, s in enumerate(ordered):
                row[off + i] = s
            cells.append(row)
            row_band.append(b)
        h = math.ceil(most[b] / w) if most[b] else 0
        if h == 0 and not shared[b]:
            cells.append([None] * cols)
            row_band.append(b)
            continue
        block = [[[None] * cols for _ in range(h)] for _ in range(tile_rows)]
        for g in names:
            k = slot[g]
            tr, tc = divmod(k, per_row)
            mine = sorted(local[b][g], key=lambda s: (lean(s, b), rank[s]))
            # upper rows hold the cards that talk upwards; each row left to right
            for i, s in enumerate(mine):
                r, c = divmod(i, w)
                block[tr][r][tc * w + c] = s
        for tr in range(tile_rows):
            for r in range(h):
                cells.append(block[tr][r])
                row_band.append(b)
    _order_tiles(cells, adj, w, rank)
    return cells, row_band, cols


def _order_tiles(cells: list[list[str | None]], adj, w: int, rank: dict[str, int]) -> None:
    """Within each tile's part of a row, cards ordered by the columns of the cards they
    are joined to (barycentres, down and up the map a few times), so a municipality's
    arrows cross less; the file's order breaks ties. Shared rows stay as they are."""
    col = {sid: c for row in cells for c, sid in enumerate(row) if sid}
    order = list(range(len(cells)))
    for k in range(TILE_SWEEPS):
        for r in (order if k % 2 == 0 else reversed(order)):
            row = cells[r]
            for start in range(0, len(row), w):
                part = [sid for sid in row[start:start + w] if sid]
                if len(part) < 2:
                    continue
                def key(sid: str) -> tuple:
                    nbs = [(col[o], wt) for o, wt in adj.get(sid, {}).items() if o in col]
                    tw = sum(wt for _c, wt in nbs)
                    return (sum(c * wt for c, wt in nbs) / tw if tw else col[sid], rank.get(sid, 0))
                part.sort(key=key)
                slots = [start + i for i, sid in enumerate(row[start:start + w]) if sid]
                for c, sid in zip(slots, part):
                    row[c] = sid
                    col[sid] = c


def tile_shape(bands: list[list[str]], groups: dict[str, object], aspect: float, card_w: float,
               row_h: float) -> tuple[int, int, int]:
    """(tile width in columns, tiles side by side, columns) that show a region largest at ``aspect``,
    a shape with more rows of tiles counted ``TILE_ROW_COST`` smaller per row.

    Every row of tiles a band has more makes each municipality's arrows between
    bands pass the other municipalities' rows of that band. On the 628-service
    region (gen_region 15, all arrows at once): 5 tiles a row in 3 rows
    (the largest by this estimate, no row cost) 111,877 crossings at 0.320
    px per map unit on a 1920x1080 screen; 8 in 2 rows (row cost 0.05) 94,895 at
    0.378; 15 in one row (row cost 0.25) 79,454 at 0.343. The 2,473-service
    region keeps its shape (40 columns) at either cost. (The estimate's
    channels are thinner than a region's, which is why the row cost can
    give a larger map too.)"""
    names = sorted({g for g in groups.values() if g is not None}, key=str)
    shared = [[s for s in ids if groups.get(s) is None] for ids in bands]
    most = []
    for ids in bands:
        count: dict = defaultdict(int)
        for s in ids:
            if groups.get(s) is not None:
                count[groups[s]] += 1
        most.append(max(count.values(), default=0))
    n = max(1, len(names))
    best = None
    for w in range(2, max(3, max(most, default=2)) + 1):
        for per_row in range(1, n + 1):
            tile_rows = math.ceil(n / per_row)
            cols = max(w * per_row, max((len(s) for s in shared), default=0))
            rows = 0
            for b in range(len(bands)):
                rows += (1 if shared[b] else 0) + tile_rows * math.ceil(most[b] / w)
            width = cols * (card_w + 20)
            height = rows * (row_h + 20)
            scale = min(aspect / width, 1.0 / height) * (1 + TILE_ROW_COST) ** -tile_rows
            if best is None or scale > best[0] * 1.0001:
                best = (scale, w, per_row, cols)
    _scale, w, per_row, cols = best
    return w, per_row, cols


def tile_rows_per_band(bands: list[list[str]], groups: dict[str, object], w: int, per_row: int) -> list[int]:
    """How many grid rows each band takes in ``place_tiles`` (for pinned places)."""
    names = {g for g in groups.values() if g is not None}
    tile_rows = math.ceil(max(1, len(names)) / per_row)
    out = []
    for ids in bands:
        count: dict = defaultdict(int)
        for s in ids:
            if groups.get(s) is not None:
                count[groups[s]] += 1
        most = max(count.values(), default=0)
        shared = any(groups.get(s) is None for s in ids)
        h = math.ceil(most / w) if most else 0
        out.append(1 if h == 0 and not shared else (1 if shared else 0) + tile_rows * h)
    return out
