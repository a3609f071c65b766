"""How much room the poster composition leaves the map, on every paper and orientation.

    python benchmarks/poster_room.py [--kart eksempelkommune fjordvik] [--forlop angst] [--tsv]

For each map, paper (A4–A0), orientation, with and without the pathway, as a
poster for professionals and for the public (``--publikum``), the poster is
planned as ``sammenkart export`` plans it (``poster.export.prepare``) and the
script prints: the map's smallest text in points (``plan.min_font``: card
names, band labels, step numbers, marks), whether it is under the paper's
floor (``pages.MIN_FONT_PT``), where the lists stand (beside/below the map),
the tallest blank band across the page as a share of the page height, the
number of contact pages, and whether any parts of the page overlap
(``poster.measure``). Figures: docs/performance-poster.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAPERS = ("A4", "A3", "A2", "A1", "A0")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kart", nargs="+", default=["eksempelkommune", "fjordvik", "brattfjord"],
                    help="bundled map ids, map files, or brattfjord (the bundled region, regional view)")
    ap.add_argument("--forlop", default="angst")
    ap.add_argument("--tsv", action="store_true", help="tab-separated, one row per case")
    args = ap.parse_args(argv)

    from types import SimpleNamespace

    from sammenkart import paths
    from sammenkart.poster.command import _shown, find_map
    from sammenkart.poster.export import prepare
    from sammenkart.poster.measure import furniture_side, largest_blank_band, overlapping
    from sammenkart.poster.pages import MIN_FONT_PT

    print("\t".join(["kart", "papir", "retning", "forløp", "publikum", "minste pt", "gulv", "lister",
                     "tomt bånd", "kontaktsider", "overlapp", "s"]))
    for mid in args.kart:
        ref = str(paths.region_dir() / "kart" / "brattfjord.yaml") if mid == "brattfjord" else mid
        m, ws, error = find_map(ref)
        if error:
            raise SystemExit(str(error))
        m, _error = _shown(m, SimpleNamespace(visning=None, kommune=None))  # a region: the regional view
        for paper in PAPERS:
            for landscape in (False, True):
                for pid in (None, args.forlop):
                    for public in (False, True):
                        p = ws.pathway(pid, m.malform) if pid else None
                        t0 = time.perf_counter()
                        plan = prepare(m, paper, landscape, p, False, ws.pathways_for(m), None, public)[-1]
                        dt = time.perf_counter() - t0
                        band = largest_blank_band(plan) / plan.pm.height
                        print("\t".join([mid, paper, "liggende" if landscape else "stående", pid or "–",
                                         "ja" if public else "nei", f"{plan.min_font:.1f}",
                                         f"{MIN_FONT_PT[paper]:.0f}" + ("" if plan.min_font >= MIN_FONT_PT[paper]
                                                                        - 1e-6 else " UNDER"),
                                         furniture_side(plan), f"{band:.0%}", str(len(plan.extra_pages)),
                                         str(len(overlapping(plan))), f"{dt:.2f}"]), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
