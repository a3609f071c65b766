"""Shared set-up for the editor's tests: a private copy of the bundled data."""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from sammenkart import paths

MAP = "eksempelkommune"
PPT = "navn: Pedagogisk-psykologisk tjeneste (PPT)"  # lines of the example map, as written
RASK = "navn: Rask psykisk helsehjelp for barn og unge"


def disk_change(path: Path, old: str, new: str) -> str:
    """Another program (git, a sync) changes one line of the file on disk; returns the new text."""
    text = path.read_text(encoding="utf-8").replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def bundled_copy(tmp_path: Path) -> Path:
    """A folder with copies of the bundled kart/ (with forlop/), kasus/ and region/
    (the nynorsk pathways in kart/forlop/ adapt the region's shared texts)."""
    root = tmp_path / "data"
    shutil.copytree(paths.kart_dir(), root / "kart")
    shutil.copytree(paths.kart_dir().parent / "kasus", root / "kasus")
    shutil.copytree(paths.region_dir(), root / "region")
    return root


def copy_lacking(tmp_path: Path, map_id: str, *service_ids: str) -> Path:
    """A copy of the bundled data (``bundled_copy``) whose map ``map_id`` lacks
    these services: a municipality where a pathway finds no one, which the
    bundled example itself never shows (it opens with no problems)."""
    from sammenkart.editing import Editor

    root = bundled_copy(tmp_path)
    ed = Editor.open(root)
    for sid in service_ids:
        ed.remove_service(map_id, sid)
    ed.save()
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


def active_window(qtbot, tmp_path: Path, ws, size=(1280, 800), restore: bool = False):
    """The map window on ``ws`` with fresh settings, shown at ``size``, active (keys go to it)."""
    from PySide6.QtCore import QSettings

    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), restore=restore)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w
