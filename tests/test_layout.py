"""Layout of a large region, arrows between cards, and the layout metrics."""
import sys
from pathlib import Path

import pytest

from sammenkart.layout.engine import layout_map
from sammenkart.layout.geometry import Rect
from sammenkart.layout.metrics import (arrows_over_cards, badge_overlaps, cards_outside, count_crossings,
                                       count_drawn_crossings, drawn_segments, overlapping_cards)
from sammenkart.loader import load_bundled

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from gen_region import generate_region  # noqa: E402


@pytest.fixture(scope="module")
def region():
    m = generate_region(60)
    ws = load_bundled()
    return m, layout_map(m, ws.pathways_for(ws.maps["eksempelkommune"]))


def test_region_cards_never_overlap_and_stay_inside_the_map(region):
    m, lay = region
    assert len(lay.cards) == len(m.tjenester) > 2000
    assert overlapping_cards(lay) == []
    assert cards_outside(lay, Rect(0, 0, lay.width, lay.height)) == []


def test_region_groups_each_municipality_together_within_a_band(region):
    m, lay = region
    # in every row, the cards of one municipality form one run
    rows = {}
    for c in lay.cards.values():
        rows.setdefault(round(c.rect.center[1]), []).append(c)
    for row in rows.values():
        ks = [m.service(c.service_id).kommune for c in sorted(row, key=lambda c: c.rect.x)]
        runs = [k for i, k in enumerate(ks) if i == 0 or ks[i - 1] != k]
        assert len(runs) == len(set(runs))


def test_region_arrows_stay_off_cards_and_their_numbers_apart(region):
    _m, lay = region
    boxes = {sid: c.rect for sid, c in lay.cards.items()}
    scene = lay.scenes["angst"]
    assert len(scene.nets) > 400  # eight steps in each of 60 municipalities
    polys, ends = [], {}
    for k, net in enumerate(scene.nets):
        ends[k] = {f for f, _t, _p in net.arrows} | {t for _f, t, _p in net.arrows}
        polys += [(k, pts) for pts in net.strokes]
        for fra, til, pts in net.arrows:
            r0, r1 = lay.cards[fra].rect, lay.cards[til].rect
            assert r0.x - 0.01 <= pts[0][0] <= r0.right + 0.01 and r0.y - 0.01 <= pts[0][1] <= r0.bottom + 0.01
            assert r1.x - 0.01 <= pts[-1][0] <= r1.right + 0.01 and r1.y - 0.01 <= pts[-1][1] <= r1.bottom + 0.01
    assert arrows_over_cards(drawn_segments(polys), boxes, ends) == []
    assert scene.badge_misses == 0
    circles = [(n.badge[0], n.badge[1], 7.0) for n in scene.nets if n.badge]
    assert badge_overlaps(circles, []) == (0, 0)


def test_count_drawn_crossings_counts_segments_of_different_arrows():
    plus = [("a", (0, 5), (10, 5)), ("b", (5, 0), (5, 10))]
    assert count_drawn_crossings(plus) == 1
    assert count_drawn_crossings([("a", (0, 5), (10, 5)), ("a", (5, 0), (5, 10))]) == 0  # one arrow's own bend
    assert count_drawn_crossings([("a", (0, 0), (10, 10)), ("b", (0, 10), (10, 0))]) == 1  # slanted pieces too
    assert count_drawn_crossings([("a", (0, 5), (10, 5)), ("b", (10, 0), (10, 10))]) == 0  # touching


def test_count_crossings_counts_proper_intersections_only():
    x = [((0, 0), (10, 10)), ((0, 10), (10, 0))]
    assert count_crossings(x) == 1
    assert count_crossings([((0, 0), (10, 0)), ((0, 5), (10, 5))]) == 0
    # segments meeting at a shared card are not a crossing
    assert count_crossings([((0, 0), (10, 10)), ((0, 0), (10, 0))]) == 0
