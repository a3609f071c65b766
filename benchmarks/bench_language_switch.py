"""A language switch (Vis → Språk) in the real window, with problems to say again.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_language_switch.py [--rounds N] [--region]

Problems are worded as files are read, so a switch reads them again in the
new language when there are any (``Workspace.worded_now``): without an editor
the folder is read from disk, with one (edit mode) the editor reads its
texts. Each sample is one switch (nb → en → nn → ...), from the menu action
until the window has said everything again (``retranslate``), timed in the
1280×800 window on Qt's off-screen platform:

- the example data (a private copy; Fjordvik shown, with its reference
  warnings), without an editor and in edit mode;
- ``--region``: the synthetic region of ``gen_region.py`` (60 municipalities,
  about 2,500 services), one service broken so there is an error to say,
  without an editor and in edit mode, beside what opening the folder again
  takes (``load_workspace`` and ``set_workspace``, as Fil → Åpne mappe).

Prints median and worst wall time in milliseconds. Target: no noticeable delay
on the example map (≤ 100 ms median); on the region a switch may take what a
reload takes.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sammenkart import i18n, paths  # noqa: E402
from sammenkart.loader import load_workspace  # noqa: E402
from sammenkart.qt.app import make_app  # noqa: E402

LANGS = ("en", "nn", "nb")


def example_folder(tmp: Path) -> Path:
    root = tmp / "eksempel"
    shutil.copytree(paths.kart_dir(), root / "kart")
    shutil.copytree(paths.kart_dir().parent / "kasus", root / "kasus")
    shutil.copytree(paths.region_dir(), root / "region")
    return root


def region_folder(tmp: Path) -> Path:
    from bench_open import write_workspace

    root = write_workspace(tmp / "region", 60)
    path = root / "kart" / "region.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("niva: 0", "niva: 9", 1), encoding="utf-8")  # one error to say
    return root


def window_on(root: Path, settings: Path, map_id: str):
    from sammenkart.qt.main_window import MainWindow

    w = MainWindow(load_workspace(root), QSettings(str(settings), QSettings.IniFormat))
    w.setWindowState(Qt.WindowNoState)
    w.resize(1280, 800)
    w.show()
    w.select_map(map_id)
    QApplication.processEvents()
    return w


def switches(w, rounds: int) -> list[float]:
    out = []
    for i in range(rounds):
        action = w.language.actions[LANGS[i % len(LANGS)]]
        t0 = time.perf_counter()
        action.trigger()
        out.append(time.perf_counter() - t0)
        QApplication.processEvents()
    return out


def report(label: str, times: list[float]) -> None:
    ms = [t * 1000 for t in times]
    print(f"{label:44s} median {statistics.median(ms):8.1f} ms   worst {max(ms):8.1f} ms   (n={len(ms)})")


def run(root: Path, map_id: str, rounds: int, tmp: Path, label: str, reload: bool) -> None:
    w = window_on(root, tmp / f"{label}.ini", map_id)
    print(f"{label}: {len(w.chosen_map().tjenester)} services, {len(w.workspace.problems)} problems")
    report(f"{label}, no editor", switches(w, rounds))
    assert w.edit.set_edit_mode(True)
    w.editor.set_service(map_id, w.chosen_map().tjenester[-1].id, navn="Ulagra namn")  # an unsaved edit
    report(f"{label}, edit mode (unsaved edit)", switches(w, rounds))
    assert w.editor.dirty
    w.edit.set_edit_mode(False)
    if reload:
        times = []
        for _ in range(max(2, rounds // 3)):
            t0 = time.perf_counter()
            w.set_workspace(load_workspace(root))
            w.select_map(map_id)
            times.append(time.perf_counter() - t0)
            QApplication.processEvents()
        report(f"{label}, opening the folder again", times)
    w.edit.ask = lambda *a, **k: 1  # "Ikke lagre", should anything still be unsaved
    w.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--region", action="store_true", help="also the 2,500-service synthetic region")
    args = ap.parse_args()
    os.environ.pop(i18n.ENV, None)
    make_app()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        run(example_folder(tmp), "fjordvik", args.rounds, tmp, "example data (Fjordvik)", reload=True)
        if args.region:
            run(region_folder(tmp), "region", max(3, args.rounds // 3), tmp, "synthetic region", reload=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
