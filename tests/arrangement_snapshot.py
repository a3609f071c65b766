"""The chosen poster arrangement of every bundled map × paper × orientation × pathway, as data.

    python tests/arrangement_snapshot.py > tests/data/poster_arrangements.json

Written from the code before a speed change (docs/performance-poster.md), so that
tests/test_poster_arrangement_same.py can tell that the change chose the same
arrangement everywhere: where the lists stand and in what type, the map's room
and scale, the layout drawn (its grid columns and the aspect it was made for),
the contact pages and the map's smallest text.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAPERS = ("A4", "A3", "A2", "A1", "A0")
MAPS = ("eksempelkommune", "fjordvik", "brattfjord")
PATHWAYS = (None, "angst")


def cases():
    """(map id, paper, landscape, pathway id) of every case, in a fixed order."""
    return [(mid, paper, landscape, pid) for mid in MAPS for paper in PAPERS
            for landscape in (False, True) for pid in PATHWAYS]


def _maps():
    from types import SimpleNamespace

    from sammenkart import paths
    from sammenkart.poster.command import _shown, find_map

    out = {}
    for mid in MAPS:
        ref = str(paths.region_dir() / "kart" / "brattfjord.yaml") if mid == "brattfjord" else mid
        m, ws, error = find_map(ref)
        assert error is None, error
        m, _error = _shown(m, SimpleNamespace(visning=None, kommune=None))  # a region: the regional view
        out[mid] = (m, ws)
    return out


def summary(plan) -> dict:
    """What a reader of the poster would see change: rounded so that float noise does not count."""
    from sammenkart.poster.measure import furniture_side

    def r(rect):
        return [round(rect.x, 2), round(rect.y, 2), round(rect.w, 2), round(rect.h, 2)]

    return {
        "side": furniture_side(plan),
        "map_rect": r(plan.map_rect),
        "scale": round(plan.scale, 5),
        "cols": plan.layout.grid.cols if plan.layout.grid is not None else None,
        "aspect": round(plan.layout.aspect, 4),
        "blocks": [r(p.rect) for p in plan.blocks],
        "extra_pages": [len(page) for page in plan.extra_pages],
        "min_font": round(plan.min_font, 3),
    }


def snapshot() -> dict:
    from sammenkart.poster.export import prepare

    maps = _maps()
    out = {}
    for mid, paper, landscape, pid in cases():
        m, ws = maps[mid]
        p = ws.pathway(pid, m.malform) if pid else None
        plan = prepare(m, paper, landscape, p, False, ws.pathways_for(m))[-1]
        out[f"{mid} {paper} {'landscape' if landscape else 'portrait'} {pid or '-'}"] = summary(plan)
    return out


if __name__ == "__main__":
    json.dump(snapshot(), sys.stdout, indent=1, ensure_ascii=False)
    print()
