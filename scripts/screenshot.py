"""Render the app window to a PNG, for the README and for looking at changes.

    python scripts/screenshot.py --out docs/img/sammenkart.png --forlop angst --steg 5
    python scripts/screenshot.py --out /tmp/present.png --forlop angst --steg 3 --presentasjon

Runs off screen (no display needed) at a fixed window size, so the picture is
the same on every machine.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--kart", default="eksempelkommune")
    ap.add_argument("--forlop", default=None)
    ap.add_argument("--steg", type=int, default=0, help="1-based step; 0 = the whole pathway")
    ap.add_argument("--presentasjon", action="store_true")
    ap.add_argument("--hoykontrast", action="store_true")
    ap.add_argument("--storrelse", default="1600x1000")
    args = ap.parse_args()

    from PySide6.QtCore import QSettings, QTimer

    from sammenkart.loader import load_bundled
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    app = make_app()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat)
    w = MainWindow(load_bundled(), settings)
    width, height = (int(v) for v in args.storrelse.split("x"))
    w.resize(width, height)
    w.show()
    w.select_map(args.kart)
    if args.forlop:
        w.select_pathway(args.forlop)
        if args.steg:
            w.set_step(args.steg - 1)
    if args.hoykontrast:
        w.contrast_action.trigger()
    if args.presentasjon:
        w.presentation.enter()
        # The off-screen platform's "full screen" is its 800x800 screen; show the
        # presentation (panels hidden, large type) at the asked size instead.
        w.showNormal()
        w.setGeometry(0, 0, width, height)

    def snap() -> None:
        w.map_view.fit()
        w.presentation.update_caption()
        app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        w.grab().save(str(args.out))
        print(args.out)
        app.quit()

    QTimer.singleShot(600, snap)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
