"""Random damage to the example files never makes the loader raise."""
import random
from pathlib import Path

import pytest

from sammenkart.loader import load_case_file, load_map_file, load_pathway_file

ROOT = Path(__file__).parent.parent
FILES = sorted((ROOT / "kart").glob("*.yaml")) + sorted((ROOT / "kart" / "forlop").glob("*.yaml")) \
    + sorted((ROOT / "kasus").glob("*.yaml"))
JUNK = [" [1, 2]", " {a: 1}", " - x", " 7", " &a x", " *a", " null", " 2020-01-01", " !!binary aGk=", " true",
        " 1.5", ' "#zzz"', " [[1]]", " {}", " []"]


def _damage(lines: list[str], rnd: random.Random) -> list[str]:
    lines = list(lines)
    for _ in range(rnd.randint(1, 4)):
        k = rnd.randrange(len(lines))
        op = rnd.randrange(6)
        if op == 0:
            del lines[k]
        elif op == 1:
            lines[k] = lines[k].replace(":", "", 1)
        elif op == 2 and ":" in lines[k]:
            lines[k] = lines[k].split(":", 1)[0] + ":" + rnd.choice(JUNK)
        elif op == 3:
            lines.insert(k, lines[k])
        elif op == 4:
            lines[k] = "  " + lines[k]
        else:
            lines[k] = lines[k][: rnd.randrange(len(lines[k]) + 1)]
        if not lines:
            lines = [""]
    return lines


@pytest.mark.skipif(not FILES, reason="no example data yet")
@pytest.mark.parametrize("seed", range(4))
def test_damaged_examples_give_problems_not_exceptions(tmp_path, seed):
    rnd = random.Random(seed)
    for i in range(100):
        src = rnd.choice(FILES)
        kind = "forlop" if src.parent.name == "forlop" else src.parent.name
        out = tmp_path / f"{i}" / kind / src.name
        out.parent.mkdir(parents=True)
        out.write_text("\n".join(_damage(src.read_text(encoding="utf-8").splitlines(), rnd)), encoding="utf-8")
        load = {"forlop": load_pathway_file, "kasus": load_case_file}.get(kind, load_map_file)
        obj, problems = load(out)
        for p in problems:
            text = str(p)
            assert text.startswith(str(p.source.path)) and "intern feil" not in text, text
        assert obj is not None or any(p.is_error for p in problems)
