"""Layout and routing: ours against Graphviz dot and ELK layered, side by side.

    python benchmarks/bench_layout.py                 # example map, regions of 627 and 2,472 services
    python benchmarks/bench_layout.py --regioner 15   # only the 627-service region
    python benchmarks/bench_layout.py --uten-elk-over 700

For each map: every collaboration link and every step of every pathway drawn
at once, one edge per pair of services (``graphviz_compare.graph_edges``).
Printed per tool: crossings (two drawn edge segments that cross), edges over
cards (an edge segment through a card that is not one of its ends), the
drawing's aspect (width : height) and the time. Ours is the layout the window
uses (its card placement), with those edges routed together in its channels
(``layout_map(..., together=True)``). ELK needs node and elkjs
(``cd benchmarks && npm install --no-save elkjs``); without them it is skipped
with a notice. ELK is also run with ``mergeEdges`` (edges at a node share
their first segments: fewer crossings counted, but one line then stands for
several arrows, which our map never draws). *Text* is how large a card's
13-unit text would be with the whole drawing fitted to a 1920x1080 screen
(every tool gets cards of the same size, so a wider drawing shows smaller
text). Also printed: our layout time for the map as the app uses it
(all pathways routed one picture each), which is the figure the targets in
docs/performance.md are about. Times are wall clock, and CPU time of this
process for ours (on a shared machine the CPU time is the steadier figure);
a first layout, not timed, loads fonts and dictionaries.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_region import generate_region  # noqa: E402
from graphviz_compare import dot_layout, elk_available, elk_layout, graph_edges, measure  # noqa: E402
from sammenkart.layout.engine import FONT_SIZE, layout_map  # noqa: E402
from sammenkart.loader import load_bundled  # noqa: E402


def ours(m, pathways) -> dict:
    edges = graph_edges(m, pathways)
    t0, c0 = time.perf_counter(), time.process_time()
    lay = layout_map(m, pathways, together=True)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    index = {e: k for k, e in enumerate(edges)}
    lines = {}
    for net in lay.scenes["*"].nets:
        _kind, a, b = net.key
        lines[index[(a, b)]] = list(net.strokes)
    boxes = {sid: c.rect for sid, c in lay.cards.items()}
    crossings, over = measure(m, edges, lines, boxes)
    t0, c0 = time.perf_counter(), time.process_time()
    layout_map(m, pathways)
    app, app_cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"crossings": crossings, "over": over, "aspect": lay.width / lay.height, "seconds": took,
            "size": (lay.width, lay.height),
            "cpu": cpu, "bands_kept": True, "app_seconds": app, "app_cpu": app_cpu}


def row(name: str, r: dict | None, note: str = "") -> str:
    if r is None:
        return f"  {name:<18} {note}"
    extra = (f"  CPU {r['cpu']:.2f} s  (layout as the app uses it: {r['app_seconds']:.2f} s, CPU {r['app_cpu']:.2f} s)"
             if "app_seconds" in r else "")
    bands = "" if r.get("bands_kept", True) else "  BANDS NOT KEPT"
    w, h = r["size"]
    text = FONT_SIZE * min(1920 / w, 1080 / h)
    return (f"  {name:<18} crossings {r['crossings']:>10,}   edges over cards {r['over']:>7,}   "
            f"aspect {r['aspect']:5.2f}:1   text {text:4.1f} px   {r['seconds']:8.2f} s{bands}{extra}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--regioner", default="15,60", help="municipalities per synthetic region, comma separated")
    ap.add_argument("--uten-elk-over", type=int, default=10_000, help="skip ELK above this many services")
    ap.add_argument("--uten-dot-over", type=int, default=10_000, help="skip dot above this many services")
    args = ap.parse_args()
    ws = load_bundled()
    base = ws.maps["eksempelkommune"]
    pathways = ws.pathways_for(base)
    maps = [(base, "eksempelkommune, all 7 pathways")]
    for k in (int(v) for v in args.regioner.split(",") if v.strip()):
        r = generate_region(k)
        maps.append((r, f"synthetic region gen_region({k})"))
    notice = elk_available()
    # Not timed: the first layout of a process loads the fonts' metrics and the
    # hyphenation dictionaries (about 0.15 s), which is start-up, not layout.
    layout_map(base, pathways)
    for m, label in maps:
        edges = graph_edges(m, pathways)
        print(f"{label}: {len(m.tjenester)} services, {len(edges)} edges (links and steps, each pair once)")
        print(row("ours", ours(m, pathways)), flush=True)
        if len(m.tjenester) > args.uten_dot_over:
            print(row("dot", None, "skipped (--uten-dot-over)"))
        else:
            r = dot_layout(m, edges)
            print(row("dot", r, "skipped: Graphviz dot is not installed"), flush=True)
        if notice:
            print(row("ELK", None, f"skipped: {notice}"))
        elif len(m.tjenester) > args.uten_elk_over:
            print(row("ELK", None, "skipped (--uten-elk-over)"))
        else:
            print(row("ELK", elk_layout(m, edges)), flush=True)
            print(row("ELK, edges merged", elk_layout(m, edges, merge=True)), flush=True)


if __name__ == "__main__":
    main()
