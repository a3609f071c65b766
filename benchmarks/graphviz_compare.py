"""Lay out the same graph with Graphviz dot (ranks by level) and count crossings.

Both layouts are measured the same way: straight centre-to-centre segments for
every collaboration link and pathway step, counted with
``sammenkart.layout.metrics.count_crossings``.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sammenkart.graph import resolve_steps, step_pairs  # noqa: E402
from sammenkart.layout.metrics import count_crossings  # noqa: E402
from sammenkart.model import Map  # noqa: E402


def graph_edges(m: Map, pathways=()) -> list[tuple[str, str]]:
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


def dot_source(m: Map, edges) -> str:
    out = ["graph G {", "  newrank=true; nodesep=0.15; ranksep=0.4;",
           '  node [shape=box, fontname="DejaVu Sans Condensed", fontsize=12, width=2.0];']
    for lv in m.levels_bottom_up():
        ids = [s.id for s in m.tjenester if s.niva == lv.id]
        if ids:
            out.append("  { rank=same; " + " ".join(f'"{i}"' for i in ids) + " }")
    levels = [lv.id for lv in m.levels_bottom_up() if any(s.niva == lv.id for s in m.tjenester)]
    # invisible chain keeps the levels stacked in pyramid order (top level first)
    firsts = [next(s.id for s in m.tjenester if s.niva == lv) for lv in reversed(levels)]
    for a, b in zip(firsts, firsts[1:]):
        out.append(f'  "{a}" -- "{b}" [style=invis, weight=0];')
    for s in m.tjenester:
        label = s.navn.replace("\\", "\\\\").replace('"', '\\"')
        out.append(f'  "{s.id}" [label="{label}"];')
    for a, b in edges:
        out.append(f'  "{a}" -- "{b}";')
    out.append("}")
    return "\n".join(out)


def dot_layout_crossings(m: Map, pathways=()) -> tuple[int, float] | None:
    """(crossings, seconds) for dot's layout of the map; None without Graphviz."""
    if not shutil.which("dot"):
        return None
    edges = graph_edges(m, pathways)
    src = dot_source(m, edges)
    t0 = time.perf_counter()
    proc = subprocess.run(["dot", "-Tplain"], input=src, capture_output=True, text=True, timeout=900)
    took = time.perf_counter() - t0
    pos = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            name = parts[1].strip('"')
            pos[name] = (float(parts[2]), -float(parts[3]))
    segs = [(pos[a], pos[b]) for a, b in edges if a in pos and b in pos]
    return count_crossings(segs), took


def our_crossings(m: Map, layout, pathways=()) -> int:
    edges = graph_edges(m, pathways)
    return count_crossings([(layout.cards[a].rect.center, layout.cards[b].rect.center)
                            for a, b in edges if a in layout.cards and b in layout.cards])
