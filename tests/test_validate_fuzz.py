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


# ----------------------------------------------------------------- hostile mutations through the command
import contextlib  # noqa: E402
import io  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sammenkart import cli  # noqa: E402

# Tokens from YAML libraries' bug reports: tags, anchors, escapes, brackets,
# quotes, tabs, directives, huge numbers, decomposed and invisible characters.
HOSTILE = [
    "!!bool kanskje", "!!int", "!!float", "!!timestamp", "!!str x", "!x y", "!<tag:a> b", "&a", "*a", "*nope", "&a [*a]",
    '"\\uD800"', '"\\uDFFF x"', '"a\\x07b"', '"\\e[31m"', '"\\0"', '"\\N"', '"\\r"', '"\\U0001F4DE"', '"\\x', "'", '"',
    "[", "]", "{", "}", "[[[[[[[[", "{a: [1, {b: ", "- ", "? ", ": ", "\t", " \t# c", "#", "%YAML 1.1", "%TAG ! x",
    "---", "...", "<<: {a: 1}", "<<", "|", ">-", "|0", "0x" + "f" * 3600, "9" * 3600, "1e999", ".inf", ".nan",
    "08:15", "0301", "+47", "no", "Off", "~", "null", "Ka\u0301ra\u0301s\u030cjohka", "\u202e", "\ufeff", "\u2028",
    "\u00a0", "\x85", "📞", "x" * 5000, "@", "`", "%", "\\", "=",
]
_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (feil|advarsel): \S")


@st.composite
def damaged(draw):
    src = draw(st.sampled_from(FILES))
    lines = src.read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        k = draw(st.integers(0, max(len(lines) - 1, 0)))
        line = lines[k] if lines else ""
        token = draw(st.sampled_from(HOSTILE))
        op = draw(st.integers(0, 5))
        if op == 0:  # replace a value
            line = (line.split(":", 1)[0] + ": " + token) if ":" in line else token
        elif op == 1:  # insert at a random place in the line
            at = draw(st.integers(0, len(line)))
            line = line[:at] + token + line[at:]
        elif op == 2:
            lines.insert(k, token)
        elif op == 3:
            line = line[: draw(st.integers(0, len(line)))]
        elif op == 4:
            line = "  " + line if draw(st.booleans()) else line.lstrip()
        else:
            lines.insert(k, line)
        if op not in (2, 5) and lines:
            lines[k] = line
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return src, newline.join(lines) + newline


@settings(max_examples=150, deadline=None)
@given(case=damaged())
def test_validate_on_hostile_damage_exits_0_or_1_with_every_problem_at_file_line_col(case):
    src, text = case
    kind = "forlop" if src.parent.name == "forlop" else src.parent.name
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        target = folder / ("kart/forlop" if kind == "forlop" else kind) / src.name
        target.parent.mkdir(parents=True)
        target.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["validate", str(folder)])
        n_lines = text.count("\n") + 1
        assert code in (0, 1)
        assert "Traceback" not in out.getvalue() + err.getvalue()
        for line in out.getvalue().splitlines():
            m = _LINE.match(line)
            assert m, line
            assert Path(m["path"]).name == src.name and 1 <= int(m["line"]) <= n_lines and int(m["col"]) >= 1, line
            assert "intern feil" not in line and not re.search("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", line), line
        assert ("1 kart" if kind == "kart" else "1 forløp" if kind == "forlop" else "1 kasus") in err.getvalue()
