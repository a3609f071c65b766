"""How much of a room's screen shows the map: pathway, presentation, case.

    python benchmarks/screen_share.py            # the table for docs/performance.md
    python benchmarks/screen_share.py --child pathway -- [sammenkart start options]

For each screen a room has (1024×768; 1920×1080 at 150 % = 1280×720 logical,
dpr 1.5; 1920×1080) and each scenario, a fresh process is started on Qt's
off-screen platform with that one screen (``QT_QPA_PLATFORM=offscreen:configfile=…``),
the app is started with the start options a facilitator's shortcut would use
(``sammenkart --kart … --forlop … --steg 4 --presentasjon``), and once the
window has settled a grid of points over the whole screen is sampled: a point
counts when the topmost widget there is the map view's viewport (not the
caption, a panel, a legend or anything else drawn over it). Settings go to a
fresh temporary file, never the user's.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name: (logical width, logical height, device pixel ratio)
SCREENS = {
    "1024x768": (1024, 768, 1.0),
    "1280x720@1.5": (1280, 720, 1.5),
    "1920x1080": (1920, 1080, 1.0),
}

# name: (start options, the least share the issue asks for)
SCENARIOS = {
    "pathway": (["--kart", "eksempelkommune", "--forlop", "angst", "--steg", "4"], 0.60),
    "presentation": (["--kart", "eksempelkommune", "--forlop", "angst", "--steg", "4", "--presentasjon"], 0.80),
    "case": (["--kart", "eksempelkommune", "--kasus", "emma-14"], 0.55),
    "case-presentation": (["--kart", "eksempelkommune", "--kasus", "emma-14", "--presentasjon"], 0.60),
    # the region's figures on its cards (Ctrl+T) at a pathway's step (tester 3, g14b)
    "figures": (["region", "--forlop", "angst", "--steg", "5"], 0.60),
}

GRID = 8  # logical pixels between sample points


def screen_config(name: str, folder: Path) -> Path:
    width, height, dpr = SCREENS[name]
    path = folder / f"screens-{name}.json"
    path.write_text(json.dumps({"screens": [{
        "name": name, "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr,
    }]}), encoding="utf-8")
    return path


def run_child(screen: str, scenario: str, extra: list[str] | None = None, timeout: float = 120) -> dict:
    """Start the app on one screen in its own process; return what the probe measured."""
    return run_app_on(None, SCENARIOS[scenario][0] + list(extra or []), scenario, screen, timeout)


def run_app_on(screens: list[dict] | None, args: list[str], scenario: str = "custom", screen: str | None = None,
               timeout: float = 120) -> dict:
    """Start ``sammenkart ARGS`` on the given screens (offscreen config entries,
    or the named ``screen``); the probe's measurement with the exit code and error
    output, or only {"exit": code, "stderr": …} when the app ended without showing a window."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if screens is None:
            config = screen_config(screen, folder)
        else:
            config = folder / "screens.json"
            config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={config}",
            PYTHONPATH=str(ROOT),
            HOME=str(folder),
            XDG_CONFIG_HOME=str(folder / "config"),
            SAMMENKART_SETTINGS=str(folder / "settings.ini"),
            SAMMENKART_DATA_DIR=str(folder / "data"),
            SAMMENKART_LANG="nb",
        )
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", scenario, "--", *args]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
        for line in proc.stdout.splitlines():
            if line.startswith("{"):
                return {**json.loads(line), "exit": proc.returncode, "stderr": proc.stderr}
        if proc.returncode != 0 and "Traceback" not in proc.stderr:
            return {"exit": proc.returncode, "stderr": proc.stderr}
        raise RuntimeError(f"no measurement from {cmd}:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


# --- in the child process ----------------------------------------------------

def topmost_widget(point):
    """The widget drawn on top at a global point, including widgets that let
    mouse clicks through (the caption does): what the room sees there."""
    from PySide6.QtWidgets import QApplication

    top = QApplication.topLevelAt(point)
    if top is None:
        return None
    widget = top
    while True:
        local = widget.mapFromGlobal(point)
        hit = None
        for child in reversed(widget.children()):  # last child is drawn on top
            if (getattr(child, "isWidgetType", lambda: False)() and child.isVisible()
                    and not child.isWindow() and child.geometry().contains(local)):
                hit = child
                break
        if hit is None:
            return widget
        widget = hit


def map_share(window, grid: int = GRID) -> float:
    """Share (0–1) of the window's screen where the map view's viewport is on top."""
    from PySide6.QtCore import QPoint

    viewport = window.map_view.viewport()
    geo = window.screen().geometry()
    seen = total = 0
    for y in range(geo.top() + grid // 2, geo.bottom(), grid):
        for x in range(geo.left() + grid // 2, geo.right(), grid):
            total += 1
            if topmost_widget(QPoint(x, y)) is viewport:
                seen += 1
    return seen / total if total else 0.0


def _facilitator(w) -> str | None:
    """The screen the facilitator's window is shown on, or None when it is not shown."""
    kasus = getattr(w, "kasus", None)
    f = kasus.facilitator if kasus is not None else None
    if f is None or not f.isVisible():
        return None
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.screenAt(f.geometry().center())
    return screen.name() if screen is not None else "?"


def _tabs(tabs) -> list[dict] | None:
    """What a tab widget's bar shows, tab by tab (None while its bar is hidden):
    the full name, the text shown, the place and width it got, and the width it
    would need (the side panel's tabs: ``SidePanel.tab_rects``, with their row)."""
    if hasattr(tabs, "tab_rects"):
        return tabs.tab_rects() if tabs.chooser.isVisible() else None
    bar = tabs.tabBar()
    if not bar.isVisible():
        return None
    return [{"text": tabs.tabText(i), "x": bar.tabRect(i).x(), "right": bar.tabRect(i).right(),
             "width": bar.tabRect(i).width(), "needs": bar.tabSizeHint(i).width(), "bar": bar.width()}
            for i in range(tabs.count()) if tabs.isTabVisible(i)]


def _case(w) -> dict | None:
    """A running case's panel: whether the step shows whole, its notes' tabs, the
    way-on buttons' labels (width needed, px) and the story's text size (px)."""
    from PySide6.QtWidgets import QApplication

    panel = getattr(getattr(w, "kasus", None), "panel", None)
    if panel is None or w.stepper is None:
        return None
    panel.fit()
    buttons = [{"text": b.text(), "text_px": b.fontMetrics().horizontalAdvance(b.text()), "width": b.width(),
                "needs": b.sizeHint().width()} for b in (panel.prev_button, panel.notes_button, panel.next_button)]
    return {"fits": panel.body_fits(), "scrolls": panel.scroll.verticalScrollBar().isVisible(),
            "nav": buttons, "story_px": panel.story.fontInfo().pixelSize(),
            "notes_open": panel.notes.isVisible(), "revealed": w.kasus.session.step.revealed,
            "keys_in_notes": panel.notes.isAncestorOf(QApplication.focusWidget()),
            "comparison": panel.comparison.isVisible() and panel.comparison.geometry().bottom() < panel.body.height(),
            "orientation": panel.orientation, "notes_tabs": _tabs(panel.notes) if panel.notes.isVisible() else None,
            "band": [panel.x(), panel.y(), panel.width(), panel.height()]}


def seen_share(window, widget, rect=None, grid: int = 6) -> float:
    """Share (0–1) of ``rect`` (``widget``'s own pixels; default its whole rect) where
    ``widget`` or one of its children is on top: how much of it the room sees."""
    from PySide6.QtCore import QPoint

    r = rect if rect is not None else widget.rect()
    seen = total = 0
    for y in range(r.top() + 1, r.bottom(), grid):
        for x in range(r.left() + 1, r.right(), grid):
            total += 1
            hit = topmost_widget(widget.mapToGlobal(QPoint(x, y)))
            if hit is not None and (hit is widget or widget.isAncestorOf(hit)):
                seen += 1
    return seen / total if total else 0.0


def _coloured(w) -> dict | None:
    """The cards a colouring fills (figures: by municipality or receiver), and how
    many of them the room sees whole (the map's viewport on top all over them)."""
    em = w.scene.emphasis
    if em is None or em.colouring is None:
        return None
    view, viewport = w.map_view, w.map_view.viewport()
    ids = [sid for sid, _fill in em.colouring.fills if sid in w.scene.cards]
    whole = 0
    for sid in ids:
        box = view.mapFromScene(w.scene.cards[sid].sceneBoundingRect()).boundingRect()
        if viewport.rect().contains(box) and seen_share(w, viewport, box, grid=4) >= 0.999:
            whole += 1
    return {"cards": len(ids), "seen_whole": whole}


def _slide(w) -> dict | None:
    """The figures slide as shown: how it is arranged, its page, the tables' text size,
    where the tables, the chart and the source note are (px), the note's size."""
    slide = w.figures_ui.slide
    if not slide.isVisible():
        return None
    plan = slide.plan()
    tables, chart = slide.boxes()
    font, note, hint = slide.footer(plan.note_px)

    def box(r):
        return [round(r.x()), round(r.y()), round(r.width()), round(r.height())] if not r.isEmpty() else None

    return {"arrangement": plan.arrangement, "pages": plan.pages, "page": slide.page,
            "table_px": plan.fit.px if plan.fit is not None else None, "tables": box(tables), "chart": box(chart),
            "chart_needs": round(slide.chart.needed_width()), "chart_shown": slide.chart.isVisible(),
            "note": box(note), "hint": box(hint), "note_px": font.pixelSize(), "slide": box(slide.rect()),
            "step": w.step}


def _legend(w) -> dict | None:
    """The legend as shown: folded or not, whether the room sees it whole, and how
    many cards it covers (the cards' boxes it overlaps, in the view's pixels)."""
    legend, view = w.legend, w.map_view
    if not legend.isVisible():
        return None
    at = view.viewport().geometry().topLeft()
    box = legend.geometry()
    covered = [sid for sid, c in w.scene.cards.items()
               if view.mapFromScene(c.sceneBoundingRect()).boundingRect().translated(at).intersects(box)
               and view.viewport().geometry().intersects(view.mapFromScene(c.sceneBoundingRect()).boundingRect()
                                                         .translated(at))]
    return {"folded": legend.folded, "seen": seen_share(w, legend), "covers": covered,
            "in_strip": getattr(legend, "in_strip", False)}


def _step_cards(w) -> dict | None:
    """The current step's cards and the cards it goes to: how many the room sees whole
    (the map's viewport on top all over them), and whether the view shows the step
    rather than the whole map (a map too large to read whole)."""
    em = w.scene.emphasis
    if em is None or w.step is None:
        return None
    view, viewport = w.map_view, w.map_view.viewport()

    def whole(ids) -> int:
        n = 0
        for sid in ids:
            item = w.scene.cards.get(sid)
            box = view.mapFromScene(item.sceneBoundingRect()).boundingRect() if item is not None else None
            if box is not None and viewport.rect().contains(box) and seen_share(w, viewport, box, grid=4) >= 0.999:
                n += 1
        return n

    receivers = {a.til for a in em.arrows if a.current}
    return {"cards": len(em.current), "seen_whole": whole(em.current), "receivers": len(receivers),
            "receivers_seen_whole": whole(receivers), "framed": getattr(view, "framed", None)}


def _edit(w) -> dict:
    """Edit mode: whether it is on, the service the form shows, and where the form is."""
    form = w.edit.form
    return {"active": w.edit.active, "service": form.service_id if form is not None else None,
            "form_visible": form is not None and form.isVisible(),
            "side": [w.room.side.x(), w.room.side.width()], "map_width": w.map_view.width()}


def child(scenario: str, argv: list[str]) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from sammenkart import cli
    from sammenkart.qt.app import make_app

    app = make_app()
    waited = {"ms": 0, "settled": 0}

    def probe() -> None:
        from sammenkart.qt.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        waited["ms"] += 200
        ready = bool(windows) and windows[0].map_view.first_paint_done
        if ready:
            waited["settled"] += 1
        if waited["settled"] < 4 and waited["ms"] < 30000:  # give deferred layouts time to finish
            QTimer.singleShot(200, probe)
            return
        if not windows:
            print(json.dumps({"error": "no window"}), flush=True)
            app.exit(3)
            return
        w = windows[0]
        if scenario.startswith("edit") and not waited.get("edit"):
            # edit mode as Ctrl+E turns it on, then a click on the first card
            waited["edit"], waited["settled"] = True, 0
            w.edit.set_edit_mode(True)
            w.edit.choose_service(w.current_map().tjenester[0].id)
            QTimer.singleShot(200, probe)
            return
        if scenario == "figures-slide" and waited.get("slide", 0) < 3:
            # in presentation: End, then PageDown (the figures slide), PageDown again
            from PySide6.QtTest import QTest

            waited["slide"] = waited.get("slide", 0) + 1
            waited["settled"] = 0
            key = {1: Qt.Key_End, 2: Qt.Key_PageDown, 3: Qt.Key_PageDown}[waited["slide"]]
            if waited["slide"] == 3:
                waited["slide_pages"] = [_slide(w)]
            QTest.keyClick(w.map_view, key)
            QTimer.singleShot(200, probe)
            return
        if scenario.startswith("region-") and not waited.get("view"):
            # Vis → Kommune → Alle tjenestene ("region-alle") or the first municipality
            from sammenkart import regional

            waited["view"], waited["settled"] = True, 0
            views = regional.views(w.chosen_map())
            w.region_ui.set_view(regional.ALL if scenario == "region-alle" else views[2])
            QTimer.singleShot(200, probe)
            return
        if scenario.startswith("figures") and not waited.get("figures"):
            # Vis → Farge etter → Tall, as Ctrl+T does; "figures-panel": then ☰ Paneler (F9)
            waited["figures"], waited["settled"] = True, 0
            w.figures_ui.action.trigger()
            if scenario == "figures-panel":
                w.room.show_side()
            QTimer.singleShot(200, probe)
            return
        if scenario == "case-notes" and not waited.get("notes"):
            # V, then "✎ Notater" clicked, as the team would (tester 3, item 3)
            panel = w.kasus.panel
            if not waited.get("revealed"):
                waited["revealed"], waited["settled"] = True, 0
                w.kasus.reveal()
                if panel.notes_button.isChecked():  # open by itself: the team closes it first
                    panel.notes_button.click()
            else:
                waited["notes"], waited["settled"] = True, 0
                waited["story_px_before"] = panel.story.fontInfo().pixelSize()
                panel.notes_button.click()
            QTimer.singleShot(200, probe)
            return
        scr = w.screen()
        print(json.dumps({
            "scenario": scenario,
            "share": map_share(w),
            "screen": [scr.geometry().width(), scr.geometry().height(), scr.devicePixelRatio()],
            "window": [w.geometry().x(), w.geometry().y(), w.width(), w.height()],
            "map_view": [w.map_view.viewport().width(), w.map_view.viewport().height()],
            "zoom": w.map_view.zoom_factor(),
            "case": w.stepper is not None,
            "presentation": w.presentation.active,
            "story": w.room.caption.story.isVisible(),
            "side": w.room.mode(),
            "caption": w.room.caption.height() if w.room.caption.isVisible() else 0,
            "window_screen": scr.name(),
            "facilitator": _facilitator(w),
            "message": w.room.message.text() if w.room.message.isVisible() else "",
            # the smallest card text on screen, px (READABLE_PX is what the room needs)
            "card_px": w.room.min_text * w.map_view.zoom_factor(),
            "side_tabs": _tabs(w.room.side) if w.room.side.isVisible() else None,
            "side_front": w.room.side.tabText(w.room.side.currentIndex()),
            "case_panel": _case(w),
            "story_px_before_notes": waited.get("story_px_before"),
            "edit": _edit(w) if scenario.startswith("edit") else None,
            "coloured": _coloured(w),
            "step_cards": _step_cards(w),
            "legend": _legend(w),
            "slides": (waited.get("slide_pages", []) + [_slide(w)]) if scenario == "figures-slide" else None,
            # how much of the step's band and of the banners on the map's top edge the room sees
            "caption_seen": seen_share(w, w.room.caption) if w.room.caption.isVisible() else None,
            "banners_seen": [seen_share(w, b) for b in w.room.overlay_extra
                             if getattr(b, "on_top_edge", False) and b.isVisible()],
        }), flush=True)
        app.quit()

    QTimer.singleShot(200, probe)
    return cli.main(argv)


def table(results: dict[tuple[str, str], float]) -> str:
    names = {"pathway": "pathway chosen, step 4", "presentation": "same, presentation mode (F5)",
             "case": "case exercise running", "case-presentation": "case exercise, presentation mode, story shown",
             "figures": "region, step 5, figures on the cards (Ctrl+T)"}
    lines = ["| share of the screen where the map is seen | " + " | ".join(SCREENS) + " | at least |",
             "|---|" + "---|" * (len(SCREENS) + 1)]
    for scenario, (_args, least) in SCENARIOS.items():
        cells = [f"{results[(screen, scenario)] * 100:.0f} %" for screen in SCREENS]
        lines.append(f"| {names[scenario]} | " + " | ".join(cells) + f" | {least * 100:.0f} % |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        scenario = argv[1]
        rest = argv[argv.index("--") + 1:] if "--" in argv else []
        return child(scenario, rest)
    results = {}
    for screen in SCREENS:
        for scenario in SCENARIOS:
            r = run_child(screen, scenario)
            results[(screen, scenario)] = r["share"]
            print(f"{screen:14s} {scenario:18s} {r['share'] * 100:5.1f} %  window {r['window']}  "
                  f"map {r['map_view']}  zoom {r['zoom']:.3f}  side {r['side']}  caption {r['caption']}",
                  flush=True)
    print()
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
