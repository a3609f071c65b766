"""Cost of pairing pathway steps on a large region (pure Python, no Qt).

    python benchmarks/bench_step_pairs.py [--kommuner 60] [--repeat 5]

On a region map a step stays inside one municipality (``graph.step_pairs``).
Prints, for the synthetic region of ``benchmarks/gen_region.py`` and the
bundled pathways:

- candidate pairs (from x to services of every step) and pairs kept;
- time to pair every step of every pathway once (cold) and again (warm);
- ``overlay.pathway_emphasis`` per step change (what the window computes on
  every Next/Previous), median and worst over all steps of all pathways.

Times are the median of ``--repeat`` runs; figures in docs/performance.md.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_region import generate_region  # noqa: E402
from sammenkart import graph  # noqa: E402
from sammenkart.loader import load_bundled  # noqa: E402
from sammenkart.overlay import pathway_emphasis  # noqa: E402


def _clear_cache() -> None:
    clear = getattr(graph, "clear_pair_cache", None)
    if clear:
        clear()


def pair_all(m, pathways) -> int:
    kept = 0
    for p in pathways:
        for rs in graph.resolve_steps(m, p):
            kept += len(graph.step_pairs(m, rs))
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kommuner", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    m = generate_region(args.kommuner)
    pathways = list(load_bundled().pathways.values())
    candidates = sum(len(rs.fra) * len(rs.til) for p in pathways for rs in graph.resolve_steps(m, p))
    kept = pair_all(m, pathways)
    print(f"region: {len(m.tjenester)} services, {len(pathways)} pathways, "
          f"{sum(len(p.flyt) for p in pathways)} steps")
    print(f"candidate pairs (from x to): {candidates:,}; pairs kept: {kept:,}")

    cold, warm = [], []
    for _ in range(args.repeat):
        _clear_cache()
        t0 = time.perf_counter()
        pair_all(m, pathways)
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        pair_all(m, pathways)
        warm.append(time.perf_counter() - t0)
    print(f"pair every step of every pathway: cold {statistics.median(cold) * 1000:.1f} ms, "
          f"warm {statistics.median(warm) * 1000:.1f} ms")

    per_step = []
    for _ in range(args.repeat):
        _clear_cache()
        for p in pathways:
            pathway_emphasis(m, p, None)  # choosing the pathway draws the whole flow first
            for k in range(len(p.flyt)):
                t0 = time.perf_counter()
                pathway_emphasis(m, p, k)
                per_step.append(time.perf_counter() - t0)
    print(f"pathway_emphasis per step change: median {statistics.median(per_step) * 1000:.1f} ms, "
          f"worst {max(per_step) * 1000:.1f} ms ({len(per_step)} step changes)")


if __name__ == "__main__":
    main()
