"""A faster poster plan chooses what the slower one chose (docs/performance-poster.md, the
layouts the plan makes): for every bundled map × paper × orientation × with and without
the pathway «angst», the same arrangement as the snapshot taken from the code before
(tests/data/poster_arrangements.json, written by tests/arrangement_snapshot.py)."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import arrangement_snapshot as snap  # noqa: E402

BEFORE = json.loads((Path(__file__).parent / "data" / "poster_arrangements.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def now():
    return snap.snapshot()


def test_the_snapshot_covers_every_case():
    assert len(BEFORE) == len(snap.cases()) == 60


@pytest.mark.parametrize("key", sorted(BEFORE))
def test_the_same_arrangement_is_chosen(now, key):
    assert now[key] == BEFORE[key]


def test_a_change_that_keeps_the_rooms_lays_out_nothing_again(monkeypatch):
    """The dialog plans again on every change: colours or the public edition change no room,
    so no layout is made again (each about 0.2 s); another map content is laid out afresh."""
    from sammenkart.poster import export

    m, ws = snap._maps()["fjordvik"]
    made = []
    real = export.layout_map
    monkeypatch.setattr(export, "layout_map", lambda *a, **k: made.append(a[2]) or real(*a, **k))
    monkeypatch.setattr(export, "_layouts", type(export._layouts)())
    first = export.prepare(m, "A2", False, None, False, ws.pathways_for(m))[-1]
    assert made
    made.clear()
    again = export.prepare(m, "A2", False, None, True, ws.pathways_for(m))[-1]
    assert made == [] and again.map_rect == first.map_rect
    import dataclasses

    other = dataclasses.replace(m, navn=m.navn + " (ny)")
    export.prepare(other, "A2", False, None, False, ws.pathways_for(m))
    assert made
