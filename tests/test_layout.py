"""Layout of a large region, arrows between cards, and the layout metrics."""
import sys
from pathlib import Path

import pytest

from sammenkart.layout.edges import arrow_points, badge_point, lanes
from sammenkart.layout.engine import layout_map
from sammenkart.layout.geometry import Rect
from sammenkart.layout.metrics import cards_outside, count_crossings, overlapping_cards

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from gen_region import generate_region  # noqa: E402


@pytest.fixture(scope="module")
def region():
    m = generate_region(60)
    return m, layout_map(m)


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
        rows.setdefault(round(c.rect.y), []).append(c)
    for row in rows.values():
        ks = [m.service(c.service_id).kommune for c in sorted(row, key=lambda c: c.rect.x)]
        runs = [k for i, k in enumerate(ks) if i == 0 or ks[i - 1] != k]
        assert len(runs) == len(set(runs))


def test_arrows_run_border_to_border_and_parallel_ones_get_lanes(region):
    _, lay = region
    a, b = sorted(lay.cards)[:2]
    ra, rb = lay.cards[a].rect, lay.cards[b].rect
    pts = arrow_points(lay, a, b)
    assert len(pts) >= 2
    near = lambda r, p: r.x - 1e-6 <= p[0] <= r.right + 1e-6 and r.y - 1e-6 <= p[1] <= r.bottom + 1e-6
    assert near(ra, pts[0]) and near(rb, pts[-1])
    assert pts != arrow_points(lay, a, b, lane=1)
    bx, by = badge_point(pts)
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    assert min(xs) - 1e-6 <= bx <= max(xs) + 1e-6 and min(ys) - 1e-6 <= by <= max(ys) + 1e-6
    assert lanes([(a, b), (a, b), (b, a)])[0] != lanes([(a, b), (a, b), (b, a)])[1]


def test_count_crossings_counts_proper_intersections_only():
    x = [((0, 0), (10, 10)), ((0, 10), (10, 0))]
    assert count_crossings(x) == 1
    assert count_crossings([((0, 0), (10, 0)), ((0, 5), (10, 5))]) == 0
    # segments meeting at a shared card are not a crossing
    assert count_crossings([((0, 0), (10, 10)), ((0, 0), (10, 0))]) == 0
