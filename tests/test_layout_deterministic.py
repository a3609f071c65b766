"""One map, one picture: the layout never depends on the run.

The screen, the poster and ``sammenkart layout --json`` each lay a map out on
their own; they agree only if the layout is a function of the map. Python
orders sets of strings by a hash that changes from run to run
(PYTHONHASHSEED), and object identities change from layout to layout, so
neither may break a tie.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled

ROOT = Path(__file__).resolve().parent.parent


def picture(lay) -> tuple:
    return (lay.width, lay.height, dict(lay.cards), list(lay.bands),
            {k: [(n.key, n.arrows, n.strokes, n.badge) for n in s.nets] for k, s in lay.scenes.items()})


def test_two_layouts_in_one_run_are_the_same_to_the_point():
    ws = load_bundled()
    for m in ws.maps.values():
        pathways = ws.pathways_for(m)
        assert picture(layout_map(m, pathways)) == picture(layout_map(m, pathways)), m.id


@pytest.mark.parametrize("args", [
    ["kart/eksempelkommune.yaml"],
    ["kart/fjordvik.yaml", "--forlop", "angst", "--steg", "3"],
    ["region/kart/brattfjord.yaml", "--forlop", "angst"],
])
def test_layout_json_is_the_same_whatever_the_hash_seed(args):
    outs = []
    for seed in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "sammenkart", "layout", *args, "--json"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert len(outs[0]) > 1000
    assert outs[0] == outs[1]
