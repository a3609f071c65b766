"""Layout speed and line crossings, ours against Graphviz dot.

    python benchmarks/bench_layout.py

Edges compared: samarbeid links plus every pathway flow step, drawn as straight
lines between card centres (the same counting for dot's node positions).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gen_region import generate_region  # noqa: E402
from graphviz_compare import dot_layout_crossings, our_crossings  # noqa: E402
from sammenkart.layout.engine import layout_map  # noqa: E402
from sammenkart.loader import load_bundled  # noqa: E402


def timed_layout(m, pathways=()):
    t0 = time.perf_counter()
    lay = layout_map(m, pathways)
    return lay, time.perf_counter() - t0


def main() -> None:
    ws = load_bundled()
    for name in ("eksempelkommune", "fjordvik"):
        m = ws.maps[name]
        ps = ws.pathways_for(m)
        lay, took = timed_layout(m, ps)
        dot = dot_layout_crossings(m, ps)
        dot_text = f"dot {dot[0]} crossings in {dot[1] * 1000:.0f} ms" if dot else "dot not installed"
        print(f"{name}: {len(m.tjenester)} services, layout {took * 1000:.1f} ms, "
              f"{lay.width:.0f}x{lay.height:.0f}, ours {our_crossings(m, lay, ps)} crossings; {dot_text}")
    region = generate_region(60)
    lay, took = timed_layout(region)
    print(f"region: {len(region.tjenester)} services, layout {took * 1000:.1f} ms, "
          f"{lay.width:.0f}x{lay.height:.0f}, ours {our_crossings(region, lay)} crossings")


if __name__ == "__main__":
    main()
