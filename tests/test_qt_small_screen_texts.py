"""Texts that must fit a 1024×768 screen (the projector many meeting rooms
have), in every language: the key help with its OK button, and the side
panel's tabs (a count is never cut). Each language runs the real window in
a subprocess, since Qt's offscreen screen is fixed when QApplication starts.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r'''
import json, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTextBrowser
from sammenkart.qt.app import make_app
from sammenkart.qt.main_window import MainWindow
from sammenkart.qt import window_actions

lang, settings = sys.argv[1], sys.argv[2]
app = make_app()
# The bundled data opens clean; a copy lacking one service gives the Problems tab a count.
from editing_helpers import copy_lacking
from pathlib import Path
from sammenkart.loader import load_workspace
ws = load_workspace(copy_lacking(Path(settings).parent, "fjordvik", "ungdomspsykiatrisk-dogn"))
w = MainWindow(ws, QSettings(settings, QSettings.IniFormat))
screen = app.primaryScreen().availableGeometry()
w.setGeometry(screen)
w.show()
w.language.force(lang)
w.select_map("fjordvik")
w.select_pathway("angst")
w.room.show_side(w.pathway_panel)
for _ in range(5):
    app.processEvents()
side = w.room.side
tabs = [{**t, "left": t["x"]} for t in side.tab_rects()]
window_actions.show_keys(w)
for _ in range(5):
    app.processEvents()
box = w.keys_box
ok = box.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
ok_rect = ok.rect().translated(ok.mapToGlobal(ok.rect().topLeft()) - ok.rect().topLeft())
text = box.findChild(QTextBrowser)
bar_v = text.verticalScrollBar()
print(json.dumps({
    "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
    "box": [box.frameGeometry().x(), box.frameGeometry().y(), box.frameGeometry().width(), box.frameGeometry().height()],
    "ok": [ok_rect.x(), ok_rect.y(), ok_rect.width(), ok_rect.height()], "ok_visible": ok.isVisible(),
    "ok_text": ok.text(), "scroll_max": bar_v.maximum(), "scroll_page": bar_v.pageStep(),
    "help_text": text.toPlainText(), "tabs": tabs, "side_width": side.width(),
}))
'''


def run_at_1024x768(lang: str, tmp_path: Path) -> dict:
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [{"name": "p", "x": 0, "y": 0, "width": 1024, "height": 768,
                                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
               PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    env.pop("SAMMENKART_LANG", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT, lang, str(tmp_path / "s.ini")], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def inside(inner, outer) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_key_help_and_side_tabs_fit_1024x768(lang, tmp_path):
    got = run_at_1024x768(lang, tmp_path)
    # the key help: on the screen, OK on the screen and in the dialog, the whole list reachable
    assert inside(got["box"], got["screen"]), got
    assert got["ok_visible"] and inside(got["ok"], got["box"]) and inside(got["ok"], got["screen"]), got
    assert "F1" in got["help_text"] and "Ctrl+E" in got["help_text"] and "G / Y / R" in got["help_text"]
    # the side panel's tabs: every name whole (a count too), none out of sight
    tabs = got["tabs"]
    assert tabs[0]["left"] >= 0
    counted = [t for t in tabs if t["text"].rstrip().endswith(")")]
    assert counted, "the copy has problems: the Problems tab shows their count"
    for t in tabs:
        assert t["shown"] == t["text"] and t["width"] >= t["needs"] and t["right"] < t["bar"], tabs
    if lang == "en":
        assert [t["text"] for t in tabs][:3] == ["Maps", "Pathway", "Service"]


def test_tabs_wrap_onto_another_row_rather_than_shorten_a_name(qtbot):
    """Five tabs in a narrow column (a case on a 150 % laptop): every name is
    shown whole, a count too; the tabs take a second row where one is too
    short, the first tab stays in sight, and one row is enough again when the
    column is wide (tester 3, meeting room item 4: "Kart og f…", "Pro… (3)")."""
    from PySide6.QtWidgets import QLabel

    from sammenkart.qt.room_layout import SidePanel

    side = SidePanel()
    qtbot.addWidget(side)
    pages = []
    for name in ("Kart og forløp", "Forløp", "Tjeneste", "Problemer ({n})", "Kasus"):
        pages.append(side.add_panel(QLabel(name), name, **({"n": 12} if "{n}" in name else {})))
    side.resize(330, 300)
    side.show()
    qtbot.waitExposed(side)
    tabs = side.tab_rects()
    assert side.tabText(3) == "Problemer (12)"
    assert [t["shown"] for t in tabs] == ["Kart og forløp", "Forløp", "Tjeneste", "Problemer (12)", "Kasus"]
    assert all(t["width"] >= t["needs"] and t["x"] >= 0 and t["right"] < t["bar"] for t in tabs), tabs
    assert max(t["row"] for t in tabs) == 1  # two rows of tabs
    assert side.pages.geometry().top() >= side.chooser.geometry().bottom()  # the page starts below them
    # a click on a tab brings its page to the front; a hidden tab's page gives way
    side.chooser.buttons[3].click()
    assert side.currentWidget() is pages[3] and side.chooser.buttons[3].isChecked()
    side.set_tab_shown(pages[3], False)
    assert side.currentWidget() is pages[4] and "Problemer (12)" not in [t["text"] for t in side.tab_rects()]
    side.resize(900, 300)
    qtbot.wait(10)
    assert {t["row"] for t in side.tab_rects()} == {0}  # one row where there is room
