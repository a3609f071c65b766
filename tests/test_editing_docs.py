"""The example in docs/editing.md runs as written."""
import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "editing.md"


def test_the_documented_example_runs():
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks, "docs/editing.md has a Python example"
    namespace: dict = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)
    assert namespace["ed"].history_index == 2
