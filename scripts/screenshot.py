"""Pictures of the app on the screens rooms have, for the README and for looking.

    python scripts/screenshot.py --alle docs/img
        the pathway view, presentation mode and a case at 1024×768 and at
        1280×720 (a 1920×1080 laptop at 150 %), as docs/img/rom-*.png
    python scripts/screenshot.py --out /tmp/x.png --skjerm 1024x768 -- --forlop angst --steg 4 --presentasjon
        one picture; everything after -- is sammenkart's own start options

Each picture is taken in a fresh process on Qt's off-screen platform with one
screen of the given size (and device pixel ratio: ``1280x720@1.5``), started
with the start options exactly as a facilitator's shortcut would, with
settings in a temporary file (never the user's). No display is needed.
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
    # name: start options
    "forlop": ["--kart", "eksempelkommune", "--forlop", "angst", "--steg", "4"],
    "presentasjon": ["--kart", "eksempelkommune", "--forlop", "angst", "--steg", "4", "--presentasjon"],
    "kasus": ["--kart", "eksempelkommune", "--kasus", "emma-14", "--steg", "2"],
    "kasus-presentasjon": ["--kart", "eksempelkommune", "--kasus", "emma-14", "--steg", "2", "--presentasjon"],
}
SCREENS = ("1024x768", "1280x720@1.5")


def parse_screen(spec: str) -> tuple[int, int, float]:
    size, _, dpr = spec.partition("@")
    w, h = (int(v) for v in size.split("x"))
    return w, h, float(dpr or 1)


def shoot(out: Path, screen: str, options: list[str], wait_ms: int = 1500) -> None:
    """Take one picture in a child process."""
    w, h, dpr = parse_screen(screen)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screens.json"
        config.write_text(json.dumps({"screens": [{
            "name": "rom", "x": 0, "y": 0, "width": w, "height": h,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}]}), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
                   PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
                   SAMMENKART_SETTINGS=str(Path(tmp) / "settings.ini"),
                   SAMMENKART_DATA_DIR=str(Path(tmp) / "data"))
        env.pop("SAMMENKART_LANG", None)  # the language as the map and --sprak say, as for a user
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(out), str(wait_ms), "--", *options]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180, cwd=ROOT)
        if proc.returncode != 0 or not out.exists():
            raise SystemExit(f"screenshot failed: {' '.join(options)}\n{proc.stdout}\n{proc.stderr[-3000:]}")
    print(out)


def child(out: Path, wait_ms: int, options: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sammenkart import cli
    from sammenkart.qt.app import make_app

    app = make_app()

    def snap() -> None:
        from sammenkart.qt.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(300, snap)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        windows[0].grab().save(str(out))
        app.quit()

    QTimer.singleShot(wait_ms, snap)
    return cli.main(options)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        return child(Path(argv[1]), int(argv[2]), argv[argv.index("--") + 1:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--alle", type=Path, metavar="MAPPE", help="every picture for the README into MAPPE")
    ap.add_argument("--out", type=Path, help="one picture")
    ap.add_argument("--skjerm", default="1024x768", help="WxH or WxH@dpr (default 1024x768)")
    ap.add_argument("--vent", type=int, default=1500, help="ms to let the window settle")
    own, options = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    args = ap.parse_args(own)
    if args.alle:
        for screen in SCREENS:
            tag = screen.split("@")[0]
            for name, opts in SHOTS.items():
                shoot(args.alle / f"rom-{tag}-{name}.png", screen, opts, args.vent)
        return 0
    if not args.out:
        ap.error("--out or --alle")
    shoot(args.out, args.skjerm, options, args.vent)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
