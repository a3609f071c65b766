"""Pictures of the bundled region in the window: the regional view, the municipality
filter and the figures view (for the README, and for looking at them).

    python scripts/screenshot_region.py --alle docs/img        # every README picture
    python scripts/screenshot_region.py --out /tmp/x.png --skjerm 1920x1080 --visning Sjøvik --tal \\
        --forlop angst --steg 3 [--presentasjon] [--neste N]

Like ``scripts/screenshot.py``: a fresh process per picture on Qt's off-screen
platform with one screen of the given size, settings in a temporary file. The
window is driven through its public API (``region_ui.set_view``, the figures
view's action, ``select_pathway``/``set_step``, Next in presentation mode), as a
user would with the menus and the clicker.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHOTS = {
    # name: (screen, options)
    "region-samla": ("1280x800", ["--forlop", "angst", "--steg", "5"]),
    "region-kommune": ("1280x800", ["--visning", "Lyngnes", "--forlop", "angst", "--steg", "5"]),
    "region-tal": ("1280x800", ["--tal", "--maal", "avslagsprosent"]),
    "region-tal-alle": ("1280x800", ["--visning", "alle", "--tal", "--maal", "henvisningsrate"]),
    "region-tal-lysbilde": ("1024x768", ["--tal", "--presentasjon", "--neste", "1"]),
}


def shoot(out: Path, screen: str, options: list[str], wait_ms: int = 1800) -> None:
    w, h = (int(v) for v in screen.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screens.json"
        config.write_text(json.dumps({"screens": [{
            "name": "rom", "x": 0, "y": 0, "width": w, "height": h,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT),
                   SAMMENKART_SETTINGS=str(Path(tmp) / "settings.ini"),
                   SAMMENKART_DATA_DIR=str(Path(tmp) / "data"))
        env.pop("SAMMENKART_LANG", None)  # the window speaks the region's målform, as for a user
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(out), str(wait_ms), *options]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)
        if proc.returncode != 0 or not out.exists():
            raise SystemExit(f"screenshot failed: {' '.join(options)}\n{proc.stdout}\n{proc.stderr[-3000:]}")
    print(out)


def child(out: Path, wait_ms: int, argv: list[str]) -> int:
    from PySide6.QtCore import QTimer

    from sammenkart import paths
    from sammenkart.loader import load_workspace
    from sammenkart.qt.app import make_app, open_window

    ap = argparse.ArgumentParser()
    ap.add_argument("--visning")
    ap.add_argument("--tal", action="store_true")
    ap.add_argument("--maal")
    ap.add_argument("--ar", type=int)
    ap.add_argument("--forlop")
    ap.add_argument("--steg", type=int)
    ap.add_argument("--presentasjon", action="store_true")
    ap.add_argument("--neste", type=int, default=0)
    a = ap.parse_args(argv)
    app = make_app()
    w = open_window(load_workspace(paths.region_dir()))
    if a.visning:
        w.region_ui.set_view(a.visning)
    if a.forlop:
        w.select_pathway(a.forlop)
        if a.steg:
            w.set_step(a.steg - 1)
    if a.tal:
        fig = w.figures_ui
        if a.maal:
            fig.measure = a.maal
        if a.ar:
            fig.year = a.ar
        fig.set_on(True)  # Vis → Farge etter → Tall
    if a.presentasjon:
        QTimer.singleShot(0, w.presentation.enter)

    def clicks() -> None:
        for _ in range(a.neste):
            w.next_step()

    def snap() -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        w.grab().save(str(out))
        app.quit()

    QTimer.singleShot(wait_ms // 2, clicks)
    QTimer.singleShot(wait_ms, snap)
    return app.exec()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return child(Path(argv[1]), int(argv[2]), argv[3:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--alle", type=Path, metavar="MAPPE", help="every README picture into MAPPE")
    ap.add_argument("--out", type=Path, help="one picture")
    ap.add_argument("--skjerm", default="1280x800", help="WxH (default 1280x800)")
    ap.add_argument("--vent", type=int, default=1800, help="ms to let the window settle")
    args, options = ap.parse_known_args(argv)
    if args.alle:
        for name, (screen, opts) in SHOTS.items():
            shoot(args.alle / f"{name}.png", screen, opts, args.vent)
        return 0
    if not args.out:
        ap.error("--out or --alle")
    shoot(args.out, args.skjerm, options, args.vent)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
