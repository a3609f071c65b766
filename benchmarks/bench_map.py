"""Speed of the map: start-up, layout, overlay and stepping, memory, vs Graphviz.

    python benchmarks/bench_map.py

Prints figures for the bundled example map and for a synthetic region of
~60 municipalities (~2,500 services). Targets (2-core machine): example map
painted within 1.0 s of process start; overlay or step change under 30 ms
(example) and 150 ms (region); region open within 3 s.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def first_paint(path: str | None) -> float:
    """Seconds from launching a new process to its first painted map."""
    # A fresh settings file: the benchmark never reads (or writes) the user's own.
    env = dict(os.environ, SAMMENKART_FIRST_PAINT="1", PYTHONPATH=str(ROOT),
               SAMMENKART_SETTINGS=str(Path(tempfile.mkdtemp()) / "settings.ini"))
    args = [sys.executable, "-m", "sammenkart"] + ([path] if path else [])
    t0 = time.time()
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("first_paint"):
            return float(line.split()[2]) - t0
    raise RuntimeError(proc.stderr[-2000:])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_window(label: str, ws, map_id: str) -> None:
    from PySide6.QtWidgets import QApplication

    from sammenkart.layout.engine import layout_map
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    app = make_app()
    m = ws.maps[map_id]
    pathways = ws.pathways_for(m)
    t_layout = timed(lambda: layout_map(m, pathways), 3)
    t0 = time.perf_counter()
    from PySide6.QtCore import QSettings

    w = MainWindow(ws, QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.IniFormat))
    w.resize(1600, 1000)
    w.select_map(map_id)
    w.show()
    app.processEvents()
    t_open = time.perf_counter() - t0

    def paint():
        w.map_view.viewport().repaint()

    overlay, step = [], []
    for p in pathways:
        t0 = time.perf_counter()
        w.select_pathway(p.id)
        paint()
        overlay.append(time.perf_counter() - t0)
        for k in range(min(4, len(p.flyt))):
            t0 = time.perf_counter()
            w.set_step(k)
            paint()
            step.append(time.perf_counter() - t0)
    w.select_pathway(None)
    print(f"{label}: {len(m.tjenester)} tjenester, {len(pathways)} forløp")
    print(f"  layout (pure)            {ms(t_layout)}")
    print(f"  open in window           {ms(t_open)}   (build items, fit, first events)")
    print(f"  pathway overlay          {ms(statistics.median(overlay))} median, {ms(max(overlay))} max  (incl. repaint)")
    print(f"  step change              {ms(statistics.median(step))} median, {ms(max(step))} max  (incl. repaint)")
    print("  crossings against dot and ELK: python benchmarks/bench_layout.py")
    w.close()
    QApplication.processEvents()


def main() -> None:
    from sammenkart.loader import load_bundled, load_workspace
    from gen_region import generate_region, to_yaml

    print(f"process start to first painted map (example): {first_paint(None):.2f} s")
    bench_window("Eksempelkommune", load_bundled(), "eksempelkommune")

    with tempfile.TemporaryDirectory() as tmp:
        kart = Path(tmp) / "kart"
        kart.mkdir()
        (kart / "region.yaml").write_text(to_yaml(generate_region(60)), encoding="utf-8")
        # the bundled pathways apply to the region too
        (kart / "forlop").symlink_to(ROOT / "kart" / "forlop")
        t0 = time.perf_counter()
        ws = load_workspace(Path(tmp))
        t_load = time.perf_counter() - t0
        print(f"region file loaded and checked: {t_load:.2f} s")
        print(f"process start to first painted map (region): {first_paint(tmp):.2f} s")
        bench_window("Syntetisk region", ws, "region")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
