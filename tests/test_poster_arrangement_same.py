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
