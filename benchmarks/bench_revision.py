"""Speed of the local revision in the window: the revision view, its filter, and
one traffic light set with a key (through the editor, saved, shown).

    python benchmarks/bench_revision.py

Prints figures for the example map (Fjordvik) and for the synthetic region of
~60 municipalities (~2,500 services, a third of them given a status).
Targets (2-core machine): turning the revision view or its filter on or off
under 150 ms on the region (as a pathway overlay); a G/Y/R key on the example
map, file written and map redrawn, under 300 ms.
"""
from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SAMMENKART_DATA_DIR", tempfile.mkdtemp())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def window(ws, map_id: str):
    from PySide6.QtCore import QSettings

    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    app = make_app()
    w = MainWindow(ws, QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat), restore=False)
    w.resize(1024, 768)
    w.show()
    w.select_map(map_id)
    app.processEvents()
    return app, w


def view_switches(label: str, ws, map_id: str) -> None:
    app, w = window(ws, map_id)
    ui = w.revision

    def timed(fn) -> float:
        t0 = time.perf_counter()
        fn()
        w.map_view.viewport().repaint()
        return time.perf_counter() - t0

    on, off, filt = [], [], []
    for _ in range(5):
        on.append(timed(lambda: ui.show_view(True)))
        filt.append(timed(ui.filter_action.toggle))
        filt.append(timed(ui.filter_action.toggle))
        off.append(timed(lambda: ui.show_view(False)))
    m = w.current_map()
    print(f"{label}: {len(m.tjenester)} tjenester, {sum(1 for s in m.tjenester if s.revisjon)} med status")
    print(f"  revision view on         {ms(statistics.median(on))} median, {ms(max(on))} max  (incl. repaint)")
    print(f"  filter on/off            {ms(statistics.median(filt))} median, {ms(max(filt))} max")
    print(f"  back to levels           {ms(statistics.median(off))} median, {ms(max(off))} max")
    w.close()
    app.processEvents()


def key_timing() -> None:
    from sammenkart import paths
    from sammenkart.loader import load_workspace

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, src in (("kart", paths.kart_dir()), ("kasus", paths.kasus_dir()), ("region", paths.region_dir())):
            shutil.copytree(src, work / name)
        app, w = window(load_workspace(work), "fjordvik")
        lights = w.revision.lights
        lights.mode_action.setChecked(True)
        t0 = time.perf_counter()
        w.revision.edits.editor()
        t_open = time.perf_counter() - t0
        times = []
        for sid in ("kommunepsykologen", "idrettslaget", "fysio-ergo", "politiet", "barnehuset"):
            lights.choose(("service", "fjordvik", sid))
            for status in ("gul", "rod"):
                t0 = time.perf_counter()
                lights.key(status)
                w.map_view.viewport().repaint()
                times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        w.revision.edits.stack.undo()
        w.map_view.viewport().repaint()
        t_undo = time.perf_counter() - t0
        print("Fjordvik, G/Y/R through the editor (written to disk, window updated):")
        print(f"  editor opened on the folder {ms(t_open)}  (once, on the first key)")
        print(f"  one key                  {ms(statistics.median(times))} median, {ms(max(times))} max  "
              f"({len(times)} keys)")
        print(f"  one undo                 {ms(t_undo)}")
        w.close()
        app.processEvents()


def main() -> None:
    from gen_region import generate_region, to_yaml

    from sammenkart.loader import load_bundled, load_workspace
    from sammenkart.model import Revision

    view_switches("Fjordvik", load_bundled(), "fjordvik")
    with tempfile.TemporaryDirectory() as tmp:
        kart = Path(tmp) / "kart"
        kart.mkdir()
        (kart / "region.yaml").write_text(to_yaml(generate_region(60)), encoding="utf-8")
        (kart / "forlop").symlink_to(ROOT / "kart" / "forlop")
        ws = load_workspace(Path(tmp))
        m = ws.maps["region"]
        statuses = ("gronn", "gul", "rod")
        ws.maps["region"] = replace(m, tjenester=[
            replace(s, revisjon=Revision(statuses[i % 3])) if i % 3 == 0 else s for i, s in enumerate(m.tjenester)])
        view_switches("Syntetisk region", ws, "region")
    key_timing()


if __name__ == "__main__":
    main()
