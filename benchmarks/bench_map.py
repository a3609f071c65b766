"""Speed of the map window, measured through Qt's event loop until the map is painted.

    python benchmarks/bench_map.py            # example map, bundled region, synthetic region
    python benchmarks/bench_map.py --stor     # also open a 10,000-service region (245 municipalities)

Every figure is wall time from the user's action (choosing a map, a view, a
pathway, Next) until the map view has painted the result: the action, the
queued scene changes Qt handles afterwards, and the paint, as they happen in
the running app (no forced repaint). Steps: every step of every pathway,
forwards from the overview to the last; the worst case is the largest of them.

Targets (2-core machine): example map painted within 1.0 s of process start;
a step change under 30 ms (example) and 150 ms worst case (the regional view
of the bundled region, and the 2,472-service synthetic region with every
service shown); the bundled region open within 3 s and a 10,000-service
region within 5 s of process start. Figures: docs/performance.md.

Benchmarks never read the user's own settings: every window and child process
gets a fresh settings file.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
_SCREEN_DIR = tempfile.mkdtemp(prefix="bench-screen-")
(Path(_SCREEN_DIR) / "screens.json").write_text(  # one 1920×1080 screen, as a meeting room's projector
    '{"screens": [{"name": "p", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, '
    '"logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN_DIR}/screens.json")
_SETTINGS_DIR = tempfile.mkdtemp(prefix="bench-settings-")
os.environ["SAMMENKART_SETTINGS"] = str(Path(_SETTINGS_DIR) / "settings.ini")  # never the user's own


def first_paint(path: str | None, args: list[str] = ()) -> float:
    """Seconds from launching a new process to its first painted map."""
    env = dict(os.environ, SAMMENKART_FIRST_PAINT="1", PYTHONPATH=str(ROOT),
               SAMMENKART_SETTINGS=str(Path(tempfile.mkdtemp()) / "settings.ini"))
    cmd = [sys.executable, "-m", "sammenkart"] + ([path] if path else []) + list(args)
    t0 = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("first_paint"):
            return float(line.split()[2]) - t0
    raise RuntimeError(proc.stderr[-2000:])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


class PaintWaiter:
    """Runs the event loop after an action until the map view has painted."""

    def __init__(self, view):
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

        self.QEventLoop, self.QTimer, self.paint = QEventLoop, QTimer, QEvent.Paint
        self.loop: QEventLoop | None = None
        waiter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == waiter.paint and waiter.loop is not None:
                    # quit once this paint has been handled (the timer fires after it)
                    QTimer.singleShot(0, waiter.loop.quit)
                return False

        self.filter = Filter()
        view.viewport().installEventFilter(self.filter)

    def time(self, action, timeout_ms: int = 20000) -> float:
        """Wall seconds from ``action`` until painted; the process's CPU seconds go to ``self.cpu``."""
        loop = self.QEventLoop()
        self.loop = loop
        c0 = time.process_time()
        t0 = time.perf_counter()
        action()
        guard = self.QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(timeout_ms)
        loop.exec()
        elapsed = time.perf_counter() - t0
        self.cpu = time.process_time() - c0
        guard.stop()
        self.loop = None
        return elapsed


def bench_window(label: str, ws, map_id: str, view: str | None = None) -> dict:
    """Open ``map_id`` (as ``view``: region_ui's choice) and step through every pathway."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()  # the application must exist before any window
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.IniFormat)
    t0 = time.perf_counter()
    w = MainWindow(ws, settings)  # a fresh settings file: the window opens maximized on the 1920×1080 screen
    waiter = PaintWaiter(w.map_view)

    def open_map():
        w.select_map(map_id)
        if view is not None:
            w.region_ui.set_view(view)
        w.show()

    t_build = time.perf_counter() - t0
    t_open = waiter.time(open_map) + t_build
    m = w.current_map()
    pathways = ws.pathways_for(m)
    overlay, step, step_cpu, worst = [], [], [], (0.0, "")
    for p in pathways:
        overlay.append(waiter.time(lambda: w.select_pathway(p.id)))
        for k in range(len(p.flyt)):
            t = waiter.time(lambda: w.next_step())
            step.append(t)
            step_cpu.append((waiter.cpu, f"{p.id} step {k + 1}"))
            if t > worst[0]:
                worst = (t, f"{p.id} step {k + 1}")
    back = []
    for _ in range(min(10, len(p.flyt))):
        back.append(waiter.time(lambda: w.previous_step()))
    fits = [waiter.time(lambda: w.map_view.zoom_by(1.25)) for _ in range(4)]
    p = pathways[-1]
    waiter.time(lambda: w.select_pathway(p.id))
    mid = [waiter.time(lambda: w.next_step()) for _ in range(min(10, len(p.flyt)))]
    w.map_view.fit()
    print(f"{label}: {len(m.tjenester)} cards, {len(pathways)} pathways, {len(step)} steps")
    print(f"  open in window (build, lay out, paint)  {ms(t_open)}")
    print(f"  pathway overlay change                  {ms(statistics.median(overlay))} median, {ms(max(overlay))} worst")
    print(f"  step change (Next), all steps           {ms(statistics.median(step))} median, {ms(max(step))} worst"
          f"  ({worst[1]})")
    cpu_worst = max(step_cpu)
    print(f"    the same, CPU time of this process    {ms(statistics.median(c for c, _s in step_cpu))} median, "
          f"{ms(cpu_worst[0])} worst  ({cpu_worst[1]})")
    print(f"  step back (Previous), 10 steps          {ms(statistics.median(back))} median, {ms(max(back))} worst")
    print(f"  zoom in, 4 times (mid zoom)             {ms(statistics.median(fits))} median, {ms(max(fits))} worst")
    print(f"  step change zoomed in (mid zoom)        {ms(statistics.median(mid))} median, {ms(max(mid))} worst")
    w.close()
    w.deleteLater()
    QApplication.processEvents()
    return {"open": t_open, "step_median": statistics.median(step), "step_worst": max(step)}


def region_workspace(folder: Path, municipalities: int) -> Path:
    from gen_region import generate_region, to_yaml

    kart = folder / "kart"
    kart.mkdir(parents=True)
    (kart / "region.yaml").write_text(to_yaml(generate_region(municipalities)), encoding="utf-8")
    shutil.copytree(ROOT / "kart" / "forlop", kart / "forlop")  # the bundled pathways apply to the region too
    shutil.copytree(ROOT / "region" / "kart" / "forlop", folder / "region" / "kart" / "forlop")
    return folder


def load_note() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stor", action="store_true", help="also open a 10,000-service region")
    args = ap.parse_args()
    from sammenkart import paths
    from sammenkart.loader import load_bundled, load_workspace

    print(load_note())
    print(f"process start to first painted map (example): {first_paint(None):.2f} s")
    bench_window("Eksempelkommune", load_bundled(), "eksempelkommune")

    region = str(paths.region_dir())
    print(f"process start to first painted map (bundled region, regional view): {first_paint(region):.2f} s")
    ws = load_workspace(region)
    bench_window("Brattfjord, regional view", ws, "brattfjord")
    bench_window("Brattfjord, every service", ws, "brattfjord", "alle")
    bench_window("Brattfjord, Sjøvik", ws, "brattfjord", "Sjøvik")

    with tempfile.TemporaryDirectory() as tmp:
        folder = region_workspace(Path(tmp) / "ws", 60)
        t0 = time.perf_counter()
        ws = load_workspace(folder)
        print(f"synthetic region loaded and checked: {time.perf_counter() - t0:.2f} s")
        print(f"process start to first painted map (synthetic region, regional view): {first_paint(str(folder)):.2f} s")
        bench_window("Synthetic region, every service", ws, "region", "alle")
        bench_window("Synthetic region, regional view", ws, "region")
    if args.stor:
        with tempfile.TemporaryDirectory() as tmp:
            folder = region_workspace(Path(tmp) / "ws", 245)
            print(f"process start to first painted map (10,000-service region, regional view): "
                  f"{first_paint(str(folder)):.2f} s")
    print(load_note())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
