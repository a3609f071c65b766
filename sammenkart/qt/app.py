"""Start the desktop app: load the data, show the window, report problems kindly."""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..loader import load_bundled, load_workspace
from ..paths import resources_dir
from .fonts import load_fonts, ui_font


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Sammenkart")
    app.setApplicationName("Sammenkart")
    app.setApplicationDisplayName("Sammenkart")
    load_fonts()
    app.setFont(ui_font(10.5))
    # Bokmål is the source language; other catalogues (nn, en) load when present.
    lang = os.environ.get("SAMMENKART_LANG") or QLocale.system().name().split("_")[0]
    translator = QTranslator(app)
    if lang not in ("nb", "no") and translator.load(f"sammenkart_{lang}", str(resources_dir() / "translations")):
        app.installTranslator(translator)
    return app


def run_app(path: str | None = None) -> int:
    started = time.perf_counter()
    app = make_app()
    ws = load_bundled() if path is None else load_workspace(path)
    if not ws.maps:
        shown = "\n".join(str(p) for p in ws.problems[:10])
        from .plain import message

        message(None, "Sammenkart", app.translate("App", "Fant ingen kart som kunne leses i «{path}».").format(
            path=path) + ("\n\n" + shown if shown else ""), QMessageBox.Critical, wait=True)
        return 1
    from .main_window import MainWindow

    window = MainWindow(ws)
    if os.environ.get("SAMMENKART_FIRST_PAINT"):
        # Benchmarks: report the time from process start to the first painted map, then quit.
        def first_paint():
            print(f"first_paint {time.perf_counter() - started:.3f} {time.time():.3f}", flush=True)
            app.quit()

        window.map_view.on_first_paint = first_paint
    window.show()
    return app.exec()
