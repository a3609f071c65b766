"""Which row and column each card takes: few arrow crossings, short arrows.

The grid's rows are treated as the layers of a layered drawing (Sugiyama's
method): an arrow between two rows crosses another between the same rows
when their ends come in opposite orders, and an arrow spanning several rows
is followed through the rows between by a placeholder ("dummy"). So:

1. each band's services are split over its rows: services with more arrows
   to the bands above go to its upper rows;
2. rows are ordered by barycentre sweeps down and up the map, keeping the
   order with fewest crossings, then by swapping neighbours while that
   removes crossings ("transpose");
3. each row's cards get columns near the columns of the cards they are
   joined to (so many arrows run straight down), keeping their order.

Counting is by inversions between neighbouring rows, weighted by how many
arrows join the same two services. Ties are broken by service id, so the
same map gives the same picture.
"""
from __future__ import annotations

import random
import math
from collections import defaultdict

from .ordering import row_sizes

SWEEPS = 12
RESTARTS = 3


def place(bands: list[list[str]], weights: dict[tuple[str, str], float], cols: int,
          groups: dict[str, object] | None = None) -> tuple[list[list[str | None]], list[int]]:
    """Cells (rows of service ids or None) and the band of each row.

    ``bands``: service ids per band, top band first, in a stable start order.
    ``weights``: arrows between two services (either order), how many.
    ``groups``: optional group of each service (a municipality); a group's
    cards stay together in each row.
    """
    adj: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), w in weights.items():
        if a != b:
            adj[a][b] = adj[a].get(b, 0.0) + w
            adj[b][a] = adj[b].get(a, 0.0) + w
    band_of = {sid: b for b, ids in enumerate(bands) for sid in ids}

    # 1. rows: split each band by how much it talks upwards versus downwards
    layers: list[list[str]] = []
    row_band: list[int] = []
    for b, ids in enumerate(bands):
        sizes = row_sizes(len(ids), cols) or [0]
        if len(sizes) > 1:
            def lean(sid: str) -> float:
                up = sum(w for o, w in adj[sid].items() if band_of[o] < b)
                down = sum(w for o, w in adj[sid].items() if band_of[o] > b)
                return (down - up) / (up + down) if up + down else 0.0

            ids = sorted(ids, key=lambda s: (lean(s), ids.index(s)))
        it = 0
        for size in sizes:
            layers.append(list(ids[it:it + size]))
            row_band.append(b)
            it += size
    best = None
    rng = random.Random(7)
    for attempt in range(RESTARTS):
        start = [list(ids) for ids in layers]
        if attempt:
            for ids in start:
                rng.shuffle(ids)
        order = _Layered(start, adj, groups)
        order.sweep()
        order.transpose()
        c = order.crossings()
        if best is None or c < best[0] - 1e-9:
            best = (c, order)
    return best[1].cells(cols), row_band


class _Layered:
    def __init__(self, layers: list[list[str]], adj, groups):
        self.adj = adj
        self.groups = groups
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
        self._index()

    def _index(self) -> None:
        for nodes in self.layers:
            n = len(nodes)
            for i, node in enumerate(nodes):
                self.pos[node] = i - (n - 1) / 2

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
        nodes.sort(key=lambda n: (keyed[n], self.pos[n]))
        if self.groups:
            nodes[:] = _grouped(nodes, keyed, self.groups)
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
                    if self.groups and isinstance(u, str) and isinstance(v, str) \
                            and self.groups.get(u) != self.groups.get(v):
                        continue
                    before = self._local(r, u, v)
                    self.pos[u], self.pos[v] = self.pos[v], self.pos[u]
                    after = self._local(r, v, u)
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
    def cells(self, cols: int) -> list[list[str | None]]:
        """Cards to columns, in row order, near the columns of their neighbours."""
        rows = [[n for n in nodes if isinstance(n, str)] for nodes in self.layers]
        col: dict[str, float] = {}
        for ids in rows:
            off = (cols - len(ids)) // 2
            for i, sid in enumerate(ids):
                col[sid] = off + i
        for _ in range(3):
            for ids in rows:
                targets = []
                for i, sid in enumerate(ids):
                    nbs = [(o, w) for o, w in self.adj.get(sid, {}).items()
                           if o in col and abs(self.row.get(o, -9) - self.row[sid]) <= 2 and self.row.get(o) != self.row[sid]]
                    tw = sum(w for _o, w in nbs)
                    targets.append(sum(col[o] * w for o, w in nbs) / tw if tw else col[sid])
                for sid, c in zip(ids, _fit(targets, cols)):
                    col[sid] = c
        out = []
        for ids in rows:
            row: list[str | None] = [None] * cols
            for sid in ids:
                row[int(col[sid])] = sid
            out.append(row)
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
    width and count are chosen to fill ``aspect``. Returns cells, the band
    of each row, and the number of columns.
    """
    names = sorted({g for g in groups.values() if g is not None}, key=str)
    slot = {g: k for k, g in enumerate(names)}
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

    most = [max((len(v) for v in local[b].values()), default=0) for b in range(len(bands))]
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
            scale = min(aspect / width, 1.0 / height)
            if best is None or scale > best[0] * 1.0001:
                best = (scale, w, per_row, cols)
    _scale, w, per_row, cols = best
    tile_rows = math.ceil(n / per_row)
    cells: list[list[str | None]] = []
    row_band: list[int] = []
    for b, ids in enumerate(bands):
        if shared[b]:
            row: list[str | None] = [None] * cols
            ordered = sorted(shared[b], key=lambda s: (lean(s, b), s))
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
            mine = sorted(local[b][g], key=lambda s: (lean(s, b), s))
            # upper rows hold the cards that talk upwards; each row left to right
            for i, s in enumerate(mine):
                r, c = divmod(i, w)
                block[tr][r][tc * w + c] = s
        for tr in range(tile_rows):
            for r in range(h):
                cells.append(block[tr][r])
                row_band.append(b)
    return cells, row_band, cols
