"""The same graph laid out by Graphviz ``dot`` and by ELK layered (elkjs), as drawn polylines.

Both tools get what Sammenkart draws when every collaboration link and every
pathway step is shown at once: one edge per pair of services joined by a link
or a step (``graph_edges``), each service a box of a card's size, each level
of the pyramid a band (dot: a rank; ELK: a partition), the top level first.
Their routed edges come back as polylines (dot's splines flattened), so the
counting is the same as for ours (``sammenkart.layout.metrics``): a crossing
is two edge segments that cross, an overlap an edge segment through a box
that is not one of its ends.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sammenkart.graph import resolve_steps, step_pairs  # noqa: E402
from sammenkart.layout.geometry import Rect  # noqa: E402
from sammenkart.layout.metrics import arrows_over_cards, count_drawn_crossings, drawn_segments  # noqa: E402
from sammenkart.model import Map  # noqa: E402

HERE = Path(__file__).resolve().parent
CARD_W, CARD_H = 146.0, 40.0  # points, as our cards (a typical height)


def graph_edges(m: Map, pathways=()) -> list[tuple[str, str]]:
    """Every pair of services joined by a collaboration link or a pathway step, once."""
    edges = set()
    for link in m.samarbeid:
        for a in m.resolve(link.mellom[0]):
            for b in m.resolve(link.mellom[1]):
                if a.id != b.id:
                    edges.add(tuple(sorted((a.id, b.id))))
    for p in pathways:
        for rs in resolve_steps(m, p):
            edges.update(tuple(sorted(pair)) for pair in step_pairs(m, rs))
    return sorted(edges)


def _band(m: Map) -> dict[str, int]:
    """Band of each service, 0 = the top of the pyramid."""
    order = [lv.id for lv in reversed(m.levels_bottom_up())]
    return {s.id: order.index(s.niva) for s in m.tjenester}


def _downwards(m: Map, edges) -> list[tuple[str, str]]:
    """Each edge written from the upper band to the lower (ties by id), so the bands stay in order."""
    band = _band(m)
    return [(a, b) if (band[a], a) <= (band[b], b) else (b, a) for a, b in edges]


def measure(m: Map, edges, polylines: dict[int, list], boxes: dict[str, Rect]) -> tuple[int, int]:
    """(crossings, edges over boxes) of drawn polylines, one owner per edge."""
    segs = drawn_segments([(k, pts) for k, lines in polylines.items() for pts in lines])
    ends = {k: {edges[k][0], edges[k][1]} for k in polylines}
    return count_drawn_crossings(segs), len(arrows_over_cards(segs, boxes, ends))


# -- dot ---------------------------------------------------------------------------

def dot_source(m: Map, edges) -> str:
    out = ["digraph G {", "  newrank=true; nodesep=0.15; ranksep=0.4;",
           f'  node [shape=box, fixedsize=true, width={CARD_W / 72:.3f}, height={CARD_H / 72:.3f}];',
           "  edge [arrowhead=none];"]
    band = _band(m)
    levels = sorted(set(band.values()))
    for lv in levels:
        ids = [s.id for s in m.tjenester if band[s.id] == lv]
        out.append("  { rank=same; " + " ".join(f'"{i}"' for i in ids) + " }")
    firsts = [next(s.id for s in m.tjenester if band[s.id] == lv) for lv in levels]
    for a, b in zip(firsts, firsts[1:]):  # keeps the bands stacked, top level first
        out.append(f'  "{a}" -> "{b}" [style=invis, weight=0];')
    for a, b in _downwards(m, edges):
        out.append(f'  "{a}" -> "{b}";')
    out.append("}")
    return "\n".join(out)


def _bezier(pts: list[tuple[float, float]], steps: int = 6) -> list[tuple[float, float]]:
    """A piecewise cubic B-spline as dot writes it (1 + 3n points), flattened."""
    out = [pts[0]]
    for i in range(0, len(pts) - 3, 3):
        p0, p1, p2, p3 = pts[i:i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            u = 1 - t
            out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                        u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def dot_layout(m: Map, edges) -> dict | None:
    """dot's drawing: crossings, overlaps, aspect, seconds, bands kept; None without Graphviz."""
    if not shutil.which("dot"):
        return None
    src = dot_source(m, edges)
    t0 = time.perf_counter()
    proc = subprocess.run(["dot", "-Tplain"], input=src, capture_output=True, text=True, timeout=3600)
    took = time.perf_counter() - t0
    boxes, lines, index = {}, {}, {e: k for k, e in enumerate(edges)}
    height = 0.0
    for line in proc.stdout.splitlines():
        parts = line.split()
        if parts[0] == "graph":
            height = float(parts[3]) * 72
            width = float(parts[2]) * 72
        elif parts[0] == "node":
            x, y, w, h = (float(v) * 72 for v in parts[2:6])
            boxes[parts[1].strip('"')] = Rect(x - w / 2, height - y - h / 2, w, h)
        elif parts[0] == "edge":
            a, b, n = parts[1].strip('"'), parts[2].strip('"'), int(parts[3])
            pts = [(float(parts[4 + 2 * i]) * 72, height - float(parts[5 + 2 * i]) * 72) for i in range(n)]
            key = tuple(sorted((a, b)))
            if key in index:
                lines[index[key]] = [_bezier(pts)]
    crossings, over = measure(m, edges, lines, boxes)
    return {"crossings": crossings, "over": over, "aspect": width / height, "seconds": took, "size": (width, height),
            "bands_kept": _bands_kept(m, boxes)}


def _bands_kept(m: Map, boxes: dict[str, Rect]) -> bool:
    band = _band(m)
    tops = {}
    for sid, r in boxes.items():
        lo, hi = tops.get(band[sid], (r.y, r.bottom))
        tops[band[sid]] = (min(lo, r.y), max(hi, r.bottom))
    order = [tops[b] for b in sorted(tops)]
    return all(upper[1] <= lower[0] + 1e-6 for upper, lower in zip(order, order[1:]))


# -- ELK layered (elkjs under node) ----------------------------------------------

ELK_SCRIPT = r"""
const ELK = require('elkjs');
const fs = require('fs');
const graph = JSON.parse(fs.readFileSync(0, 'utf8'));
const t0 = Date.now();
new ELK().layout(graph).then(g => {
  const out = {seconds: (Date.now() - t0) / 1000, width: g.width, height: g.height, nodes: {}, edges: {}};
  for (const n of g.children) out.nodes[n.id] = [n.x, n.y, n.width, n.height];
  for (const e of g.edges) {
    out.edges[e.id] = (e.sections || []).map(s => [[s.startPoint.x, s.startPoint.y]]
      .concat((s.bendPoints || []).map(p => [p.x, p.y]), [[s.endPoint.x, s.endPoint.y]]));
  }
  process.stdout.write(JSON.stringify(out));
}).catch(err => { console.error(String(err)); process.exit(1); });
"""


def elk_available() -> str | None:
    """Why ELK cannot run here (a notice), or None when node and elkjs are there."""
    if not shutil.which("node"):
        return "node is not installed"
    probe = subprocess.run(["node", "-e", "require('elkjs')"], cwd=HERE, capture_output=True, text=True)
    if probe.returncode:
        return "elkjs is not installed (cd benchmarks && npm install --no-save elkjs)"
    return None


def elk_layout(m: Map, edges, aspect: float = 16 / 9, thoroughness: int = 20, timeout: int = 3600,
               merge: bool = False) -> dict | None:
    """ELK layered with the bands as partitions and orthogonal edges; None when it cannot run.

    ``merge``: ELK's ``mergeEdges``: edges at one node share a port and their first
    segments, so one line stands for several arrows (fewer crossings counted, but the
    reader cannot follow a single arrow; our map draws every arrow apart)."""
    if elk_available():
        return None
    band = _band(m)
    graph = {
        "id": "root",
        "layoutOptions": {
            "elk.algorithm": "layered", "elk.direction": "DOWN", "elk.edgeRouting": "ORTHOGONAL",
            "elk.partitioning.activate": "true", "elk.aspectRatio": str(aspect),
            "elk.separateConnectedComponents": "false",
            "elk.layered.crossingMinimization.thoroughness": str(thoroughness),
            "elk.spacing.nodeNode": "10", "elk.layered.spacing.nodeNodeBetweenLayers": "20",
            "elk.spacing.edgeEdge": "4", "elk.spacing.edgeNode": "7",
            "elk.layered.mergeEdges": "true" if merge else "false",
        },
        "children": [{"id": s.id, "width": CARD_W, "height": CARD_H,
                      "layoutOptions": {"elk.partitioning.partition": str(band[s.id])}} for s in m.tjenester],
        "edges": [{"id": f"e{k}", "sources": [a], "targets": [b]} for k, (a, b) in enumerate(_downwards(m, edges))],
    }
    proc = subprocess.run(["node", "-e", ELK_SCRIPT], cwd=HERE, input=json.dumps(graph), capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    out = json.loads(proc.stdout)
    boxes = {sid: Rect(*v) for sid, v in out["nodes"].items()}
    lines = {int(eid[1:]): [tuple(map(tuple, sec)) for sec in secs] for eid, secs in out["edges"].items()}
    crossings, over = measure(m, edges, lines, boxes)
    return {"crossings": crossings, "over": over, "aspect": out["width"] / out["height"],
            "size": (out["width"], out["height"]),
            "seconds": out["seconds"], "bands_kept": _bands_kept(m, boxes)}
