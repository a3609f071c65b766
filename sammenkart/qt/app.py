"""Start the desktop app: show the window in the state asked for, never refuse
(a screen that is not there: the first one, and a message in the window).

A folder whose files have errors still opens: whatever could be read is
shown and the problems are listed in the window, even when no map at all
could be read (the window then offers to open another folder).
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from .. import i18n
from ..i18n import _
from ..start_options import SCREEN_MISSING, screen_to_use
from .fonts import load_fonts, ui_font
from .language import install_qt_translations


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("Sammenkart")
    app.setApplicationName("Sammenkart")
    app.setApplicationDisplayName("Sammenkart")
    load_fonts()
    app.setFont(ui_font(10.5))
    # Qt's own texts (standard buttons, file dialogs) in the language our texts are in;
    # the window switches both when its language changes (qt/language.py).
    install_qt_translations(i18n.current_language(), app)
    return app


def open_window(ws, start=None, settings: QSettings | None = None):
    """Create, place and show the window in ``start``'s state (a ``start_options.Start``)."""
    from .main_window import MainWindow

    app = QApplication.instance()
    screens = app.screens()
    screen = screens[start.screen] if start is not None and start.screen is not None else app.primaryScreen()
    window = MainWindow(ws, settings, restore=False)
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    from . import window_state

    window_state.restore(window, screen)
    if start is not None:
        apply_start(window, start)
    window.show()
    # Ask for the keys at once (a window manager may leave them with the terminal
    # that started us); keys pressed before activation arrives: MainWindow.keyPressEvent.
    window.raise_()
    window.activateWindow()
    if start is not None and start.presentation:
        # Full screen only once the window exists on its screen; the caption is
        # laid out again when the full-screen size arrives.
        QTimer.singleShot(0, window.presentation.enter)
    return window


def apply_start(window, start) -> None:
    ws = window.workspace
    if start.language:  # --sprak: this run's language, whatever the map or the settings say
        window.language.force(start.language)
    if start.map_id:
        window.select_map(start.map_id)
    if start.pathway_id:
        window.select_pathway(start.pathway_id)
        if start.step is not None:
            window.set_step(start.step)
    if start.case_id and getattr(window, "kasus", None) is not None:
        from ..session.controller import Session

        case, m = ws.cases[start.case_id], window.current_map() or ws.maps.get(start.map_id)
        if m is not None:
            session = Session(case, m)
            window.kasus.start(session)
            if start.case_step:
                session.go_to(start.case_step)


def run_app(ws, start=None, path: str | None = None) -> int:
    """Show ``ws`` (a loaded Workspace) as ``start`` says; the event loop's exit code."""
    started = time.perf_counter()
    app = make_app()
    note: dict = {}
    if start is not None and start.screen is not None:
        # The projector a shortcut names may not be plugged in: open on the first
        # screen and say so in the window (and in the log), never refuse to start.
        screen, note = screen_to_use(start.screen, len(app.screens()))
        start = replace(start, screen=screen)
        if note:
            print("sammenkart: " + _(SCREEN_MISSING).format(**note), file=sys.stderr)
    window = open_window(ws, start)
    if note:  # in the window's language (the map's målform, say), said again if it changes
        window.room.set_message(SCREEN_MISSING, **note)
    if os.environ.get("SAMMENKART_FIRST_PAINT"):
        # Benchmarks: report the time from process start to the first painted map, then quit.
        def first_paint():
            print(f"first_paint {time.perf_counter() - started:.3f} {time.time():.3f}", flush=True)
            app.quit()

        window.map_view.on_first_paint = first_paint
    return app.exec()
