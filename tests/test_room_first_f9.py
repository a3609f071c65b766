"""Meeting room (room8) item 3: on a 1920×1080 laptop at 150 % the first F9 after
start was seen to do nothing (after a click on «☰ Panel» F9 worked).

Each case starts the window as ``sammenkart`` does (``app.open_window``) in a fresh
process on Qt's off-screen platform with the room's screen, presses F9 once on
the widget that has the keys right after ``show`` (before the window has settled
and again after its first paint), lets it settle, and compares what the room
sees with the same start without F9: the side panel must have toggled. Started
with the panel remembered as hidden too (the handle «☰ Panel» showing).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sammenkart.loader import load_workspace
from sammenkart.qt.app import make_app, open_window
from sammenkart.start_options import StartRequest, resolve

folder, when, hidden, ini = sys.argv[1:5]
app = make_app()
settings = QSettings(ini, QSettings.IniFormat)
if hidden == "1":
    from sammenkart.qt import window_state
    settings.beginGroup(window_state.screen_key(app.primaryScreen()))
    settings.setValue("side_column", False)
    settings.endGroup()
ws = load_workspace(folder)
w = open_window(ws, resolve(ws, StartRequest(forlop="angst", steg=5)), settings)

def press():
    target = QApplication.focusWidget() or w
    QTest.keyClick(target, Qt.Key_F9)

if when == "shown":
    press()
elif when == "painted":
    w.map_view.on_first_paint = press

def done():
    room = w.room
    print("SIDE", int(room.side.isVisible()), int(room.handle.isVisible()), room.mode(), flush=True)
    app.quit()

QTimer.singleShot(800, done)
app.exec()
"""


def _run(tmp_path, screen: tuple[int, int, float], when: str, hidden: bool) -> tuple[int, int, str]:
    w, h, dpr = screen
    config = tmp_path / f"screens-{when}.json"
    config.write_text(json.dumps({"screens": [{"name": "rom", "x": 0, "y": 0, "width": w, "height": h,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
               SAMMENKART_DATA_DIR=str(tmp_path / "data"))
    ini = tmp_path / f"settings-{when}.ini"
    proc = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "region"), when, "1" if hidden else "0", str(ini)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    line = [x for x in proc.stdout.splitlines() if x.startswith("SIDE ")]
    assert proc.returncode == 0 and line, proc.stderr[-2000:]
    _, side, handle, mode = line[-1].split()
    return int(side), int(handle), mode


@pytest.mark.parametrize("screen", [(1280, 720, 1.5), (1920, 1080, 1.0)], ids=["1280x720@1.5", "1920x1080"])
@pytest.mark.parametrize("hidden", [False, True], ids=["panel-shown", "panel-remembered-hidden"])
def test_the_first_f9_right_after_start_toggles_the_side_panel(tmp_path, screen, hidden):
    side0, handle0, mode0 = _run(tmp_path, screen, "never", hidden)
    assert side0 != handle0  # either the panel or the handle that opens it
    for when in ("shown", "painted"):
        side, handle, mode = _run(tmp_path, screen, when, hidden)
        assert side == 1 - side0 and handle == 1 - handle0, (when, mode0, mode)
