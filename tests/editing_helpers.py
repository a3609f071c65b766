"""Shared set-up for the editor's tests: a private copy of the bundled data."""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from sammenkart import paths

MAP = "eksempelkommune"


def bundled_copy(tmp_path: Path) -> Path:
    """A folder with copies of the bundled kart/ (with forlop/), kasus/ and region/
    (the nynorsk pathways in kart/forlop/ adapt the region's shared texts)."""
    root = tmp_path / "data"
    shutil.copytree(paths.kart_dir(), root / "kart")
    shutil.copytree(paths.kart_dir().parent / "kasus", root / "kasus")
    shutil.copytree(paths.region_dir(), root / "region")
    return root


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines only in before, lines only in after): a minimal line diff (no
    "junk" heuristic, so a moved block shows as its own lines only)."""
    a, b = before.splitlines(), after.splitlines()
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
