"""Done when: on the screens rooms have, the map is most of what the room sees.

One fresh process per screen and scenario (Qt's off-screen platform takes its
screen from a config file when the application starts), started with the
start options a facilitator's shortcut would use, defaults otherwise; the
probe samples a grid of points over the whole screen and counts those where
the map view is the topmost widget (benchmarks/screen_share.py, which also
prints the table in docs/performance.md).
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from screen_share import SCENARIOS, SCREENS, run_child  # noqa: E402


@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_map_fills_most_of_the_screen(screen, scenario):
    result = run_child(screen, scenario)
    width, height, dpr = SCREENS[screen]
    assert result["screen"] == [width, height, dpr]  # the process really had that screen
    least = SCENARIOS[scenario][1]
    assert result["share"] >= least, result
    # The scenario is what it says: a case runs, presentation is on, the story shows.
    assert result["case"] == scenario.startswith("case")
    assert result["presentation"] == scenario.endswith("presentation")
    assert result["story"] == (scenario == "case-presentation")
    if result["presentation"]:
        assert result["window"] == [0, 0, width, height]  # full screen on that screen
        assert 0 < result["caption"] <= height / 5
