"""What a layered drawing would give the example: crossings against text size.

    python benchmarks/layered_sketch.py                 # example map, 30 restarts, 2 insertion passes
    python benchmarks/layered_sketch.py --passes 4 --uten-elk

Issue 16 asks for fewer crossings than ELK layered on the example while the
map stays readable on a 16:9 screen. ELK gets its count from a layered
drawing: a long arrow becomes a chain of placeholders, one in every row it
passes, each free to stand anywhere in its row. Our map keeps cards in
columns that line up from top to bottom (``layout/grid.py``), which is what
keeps it dense. This sketch (not used by the app) takes the app's own rows
and draws the same graph the layered way, to measure what that costs:

1. rows: the app's rows (each band keeps its rows); every arrow passing a
   row gets a placeholder there;
2. order: barycentre sweeps and adjacent swaps on the straight-line count,
   from the app's column order and ``--restarts`` random orders; then
   ``--passes`` rounds where every card and placeholder is tried at every
   place in its row, judged by the drawn (routed) count;
3. x: each row pulled toward its neighbours' centres, order and minimum gaps
   kept (an isotonic fit per row);
4. arrows: straight down through placeholders, one horizontal jog in each
   channel between rows; jogs ordered in the channel where they cross
   least, and stacked on as few tracks as that order allows; an arrow
   between two cards of one row runs below that row (a U).

Printed side by side in one run: crossings (``sammenkart.layout.metrics``,
counted as ``bench_layout.py`` counts them), arrows over cards, aspect,
and *text*: a card's 13-unit text in px with the whole drawing fitted to
1920x1080, for ours (as the app lays it out, every pair routed together),
this sketch, and ELK (skipped with a notice without node/elkjs).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_layout import ours, row as print_row  # noqa: E402
from graphviz_compare import elk_available, elk_layout, graph_edges  # noqa: E402
from sammenkart.layout.engine import layout_map  # noqa: E402
from sammenkart.layout.geometry import Rect  # noqa: E402
from sammenkart.layout.grid import EDGE, GAP, TRACK  # noqa: E402
from sammenkart.layout.metrics import arrows_over_cards, count_drawn_crossings, drawn_segments  # noqa: E402
from sammenkart.loader import load_bundled  # noqa: E402

MARGIN = 10.0  # around the drawing, as the app's map has


def is_card(e) -> bool:
    return not isinstance(e, tuple)  # placeholders are ("p", edge, row)


def gap(a, b) -> float:
    """Least room between two neighbours in a row (map units, the app's own gaps)."""
    if is_card(a) and is_card(b):
        return GAP
    if is_card(a) or is_card(b):
        return EDGE
    return TRACK


class Sketch:
    def __init__(self, lay, edges):
        g = lay.grid
        self.card_w = g.card_w
        self.card_h = {sid: c.rect.h for sid, c in lay.cards.items()}
        self.strip = g.vch[0][0]  # the band labels' strip left of the cards, as in the app
        self.row = {s: g.pos[s][0] for s in g.pos}
        self.nrows = g.rows
        self.rows = [[] for _ in range(self.nrows)]
        for s in sorted(self.row, key=lambda s: g.pos[s][1]):
            self.rows[self.row[s]].append(s)
        self.chains, self.same = {}, []
        for k, (a, b) in enumerate(edges):
            if self.row[a] > self.row[b]:
                a, b = b, a
            if self.row[a] == self.row[b]:
                self.same.append((k, a, b))
                continue
            chain = [a]
            for r in range(self.row[a] + 1, self.row[b]):
                p = ("p", k, r)
                self.rows[r].append(p)
                chain.append(p)
            self.chains[k] = chain + [b]
        self.pairs = [[] for _ in range(self.nrows)]  # (upper, lower) between row r and r + 1
        self.nbrs: dict = {}
        for chain in self.chains.values():
            for u, v in zip(chain, chain[1:]):
                self.pairs[self.row_of(u)].append((u, v))
                self.nbrs.setdefault(u, []).append(v)
                self.nbrs.setdefault(v, []).append(u)

    def row_of(self, e) -> int:
        return self.row[e] if is_card(e) else e[2]

    # --- order -------------------------------------------------------------
    def straight_count(self, order) -> int:
        """Crossings of straight lines between rows, and what each same-row arrow passes."""
        p = {e: i for r in order for i, e in enumerate(r)}
        total = 0
        for pairs in self.pairs:
            ends = [(p[u], p[v]) for u, v in pairs]
            for i, (a0, a1) in enumerate(ends):
                for b0, b1 in ends[i + 1:]:
                    total += (a0 - b0) * (a1 - b1) < 0
        for _k, a, b in self.same:
            total += abs(p[a] - p[b]) - 1
        return total

    def sweep(self, order, rounds: int = 10):
        best, best_c = [list(r) for r in order], self.straight_count(order)
        for _ in range(rounds):
            for rows, off in ((range(1, self.nrows), -1), (range(self.nrows - 2, -1, -1), 1)):
                for r in rows:
                    there = {e: i for i, e in enumerate(order[r + off])}
                    here = {e: i for i, e in enumerate(order[r])}

                    def key(e):
                        ns = [there[n] for n in self.nbrs.get(e, ()) if n in there]
                        return (sum(ns) / len(ns) if ns else here[e], here[e])
                    order[r].sort(key=key)
                c = self.straight_count(order)
                if c < best_c:
                    best, best_c = [list(r) for r in order], c
        order = best
        better = True
        while better:
            better = False
            for r in order:
                for i in range(len(r) - 1):
                    r[i], r[i + 1] = r[i + 1], r[i]
                    c = self.straight_count(order)
                    if c < best_c:
                        best_c, better = c, True
                    else:
                        r[i], r[i + 1] = r[i + 1], r[i]
        return best_c, order

    def order(self, restarts: int, seed: int = 1):
        best_c, best = self.sweep([list(r) for r in self.rows])
        rnd = random.Random(seed)
        for _ in range(restarts):
            c, o = self.sweep([rnd.sample(r, len(r)) for r in self.rows])
            if c < best_c:
                best_c, best = c, o
        return best

    def improve(self, order, passes: int):
        """Every element tried at every place of its row, judged by the drawn count."""
        best = self.crossings(order)
        for _ in range(passes):
            moved = False
            for r in range(self.nrows):
                for e in list(order[r]):
                    keep = order[r]
                    for j in range(len(keep)):
                        i = keep.index(e)
                        if j == i:
                            continue
                        trial = keep[:i] + keep[i + 1:]
                        trial.insert(j, e)
                        order[r] = trial
                        c = self.crossings(order)
                        if c < best:
                            best, keep, moved = c, trial, True
                    order[r] = keep
            if not moved:
                break
        return order

    # --- drawing -------------------------------------------------------------
    def width_of(self, e) -> float:
        return self.card_w if is_card(e) else 0.0

    def place_x(self, order, rounds: int = 12) -> dict:
        xs = {}
        for r in order:
            x = 0.0
            for i, e in enumerate(r):
                x += gap(r[i - 1], e) if i else 0.0
                xs[e] = x
                x += self.width_of(e)
        centre = lambda e: xs[e] + self.width_of(e) / 2  # noqa: E731
        for k in range(rounds):
            for r in (order if k % 2 == 0 else order[::-1]):
                if not r:
                    continue
                offsets = [0.0]
                for a, b in zip(r, r[1:]):
                    offsets.append(offsets[-1] + self.width_of(a) + gap(a, b))
                want = []
                for e, off in zip(r, offsets):
                    ns = self.nbrs.get(e, ())
                    c = sum(centre(n) for n in ns) / len(ns) if ns else centre(e)
                    want.append(c - self.width_of(e) / 2 - off)
                for e, y, off in zip(r, isotonic(want), offsets):
                    xs[e] = y + off
        low = min(xs.values())
        return {e: x - low for e, x in xs.items()}

    def draw(self, order):
        """(polylines per edge, card boxes, width, height) in map units."""
        xs = self.place_x(order)
        cx = lambda e: xs[e] + self.width_of(e) / 2  # noqa: E731
        down, up = {}, {}
        for k, chain in self.chains.items():
            for u, v in zip(chain, chain[1:]):
                if is_card(u):
                    down.setdefault(u, []).append((k, v))
                if is_card(v):
                    up.setdefault(v, []).append((k, u))
        for k, a, b in self.same:
            down.setdefault(a, []).append((k, b))
            down.setdefault(b, []).append((k, a))
        port = {}
        for side, ends in (("b", down), ("t", up)):
            for card, lst in ends.items():
                lst.sort(key=lambda kv: cx(kv[1]))
                for i, (k, _other) in enumerate(lst):
                    port[(k, card, side)] = xs[card] + self.card_w * (i + 1) / (len(lst) + 1)
        # the jogs of each channel (below row r): span and the verticals that meet them
        jogs = [[] for _ in range(self.nrows)]
        for k, chain in self.chains.items():
            for u, v in zip(chain, chain[1:]):
                a = port[(k, u, "b")] if is_card(u) else xs[u]
                b = port[(k, v, "t")] if is_card(v) else xs[v]
                jogs[self.row_of(u)].append(((k, self.row_of(u)), min(a, b), max(a, b), ((a, "up"), (b, "down"))))
        for k, a, b in self.same:
            pa, pb = port[(k, a, "b")], port[(k, b, "b")]
            jogs[self.row[a]].append(((k, self.row[a]), min(pa, pb), max(pa, pb), ((pa, "up"), (pb, "up"))))
        track, ntracks = {}, []
        for items in jogs:
            t_max = stack(items, track)
            ntracks.append(t_max + 1)
        row_h = [max((self.card_h[e] for e in r if is_card(e)), default=20.0) for r in order]
        y, row_y, chan_y = MARGIN, [], []
        for r in range(self.nrows):
            row_y.append(y)
            y += row_h[r]
            chan_y.append(y + EDGE)
            y += 2 * EDGE + max(0, ntracks[r] - 1) * TRACK if ntracks[r] else GAP
        boxes = {}
        for r, elems in enumerate(order):
            for e in elems:
                if is_card(e):
                    h = self.card_h[e]
                    boxes[e] = Rect(self.strip + xs[e], row_y[r] + (row_h[r] - h) / 2, self.card_w, h)
        sx = lambda x: self.strip + x  # noqa: E731
        lines = {}
        for k, chain in self.chains.items():
            pts = []
            for u, v in zip(chain, chain[1:]):
                r = self.row_of(u)
                a = port[(k, u, "b")] if is_card(u) else xs[u]
                b = port[(k, v, "t")] if is_card(v) else xs[v]
                if not pts:
                    pts.append((sx(a), boxes[u].y + boxes[u].h))
                t = track.get((k, r))
                if t is not None:
                    pts += [(sx(a), chan_y[r] + t * TRACK), (sx(b), chan_y[r] + t * TRACK)]
                pts.append((sx(b), boxes[v].y if is_card(v) else row_y[r + 1] + row_h[r + 1]))
            lines[k] = [dedupe(pts)]
        for k, a, b in self.same:
            r = self.row[a]
            pa, pb = sx(port[(k, a, "b")]), sx(port[(k, b, "b")])
            yy = chan_y[r] + track[(k, r)] * TRACK
            lines[k] = [((pa, boxes[a].y + boxes[a].h), (pa, yy), (pb, yy), (pb, boxes[b].y + boxes[b].h))]
        width = self.strip + max(xs[e] + self.width_of(e) for e in xs) + MARGIN
        return lines, boxes, width, y + MARGIN

    def crossings(self, order) -> int:
        lines, _boxes, _w, _h = self.draw(order)
        return count_drawn_crossings(drawn_segments([(k, pts) for k, ls in lines.items() for pts in ls]))


def isotonic(values: list[float]) -> list[float]:
    """The non-decreasing sequence nearest ``values`` in least squares (pool adjacent violators)."""
    blocks: list[list[float]] = []
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, n = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
    out: list[float] = []
    for s, n in blocks:
        out += [s / n] * int(n)
    return out


def stack(items, track: dict) -> int:
    """Order one channel's jogs where they cross least, then give each its track; the highest track.

    ``items``: (key, low x, high x, ((x, "up"|"down"), ...)): an "up" vertical runs from the
    channel's top down to the jog, a "down" one from the jog to the channel's bottom."""
    n = len(items)

    def cost(i, j) -> int:  # crossings between i and j when i lies above j
        c = 0
        for a, b, above in ((i, j, True), (j, i, False)):
            _k, lo, hi, _verts = items[a]
            for x, d in items[b][3]:
                if lo < x < hi:
                    # b's vertical crosses a's jog: an "up" one when b lies below a, a "down" one when above
                    c += (d == "up") == above
        return c

    above = [[cost(i, j) if i != j else 0 for j in range(n)] for i in range(n)]
    seq: list[int] = []
    for i in sorted(range(n), key=lambda i: sum(above[i][j] - above[j][i] for j in range(n))):
        best, at = None, 0
        for p in range(len(seq) + 1):
            c = sum(above[s][i] for s in seq[:p]) + sum(above[i][s] for s in seq[p:])
            if best is None or c < best:
                best, at = c, p
        seq.insert(at, i)
    placed, top = [], -1
    for i in seq:
        key, lo, hi, verts = items[i]
        if hi - lo < 1e-6 and verts[0][1] != verts[1][1]:
            continue  # a straight drop needs no track
        t = max((tr + 1 for plo, phi, tr in placed if not (lo > phi + TRACK or hi < plo - TRACK)), default=0)
        placed.append((lo, hi, t))
        track[key] = t
        top = max(top, t)
    return top


def dedupe(pts: list) -> tuple:
    out = [pts[0]]
    for p in pts[1:]:
        if p != out[-1]:
            out.append(p)
    return tuple(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kart", default="eksempelkommune")
    ap.add_argument("--restarts", type=int, default=30)
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1, help="of the random orders")
    ap.add_argument("--uten-elk", action="store_true")
    args = ap.parse_args()
    ws = load_bundled()
    m = ws.maps[args.kart]
    pathways = ws.pathways_for(m)
    edges = graph_edges(m, pathways)
    print(f"{args.kart}: {len(m.tjenester)} services, {len(edges)} edges (links and steps, each pair once)")
    layout_map(m, pathways)  # fonts and dictionaries, not timed (as bench_layout.py)
    print(print_row("ours", ours(m, pathways)), flush=True)
    t0, c0 = time.perf_counter(), time.process_time()
    sketch = Sketch(layout_map(m, pathways), edges)
    order = sketch.improve(sketch.order(args.restarts, args.seed), args.passes)
    lines, boxes, w, h = sketch.draw(order)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    segs = drawn_segments([(k, pts) for k, ls in lines.items() for pts in ls])
    over = arrows_over_cards(segs, boxes, {k: set(edges[k]) for k in lines})
    print(print_row("layered sketch", {"crossings": count_drawn_crossings(segs), "over": len(over),
                                       "aspect": w / h, "seconds": took, "size": (w, h)}),
          f"  CPU {cpu:.1f} s", flush=True)
    if args.uten_elk:
        return
    notice = elk_available()
    print(print_row("ELK", None if notice else elk_layout(m, edges), f"skipped: {notice}"))


if __name__ == "__main__":
    main()
