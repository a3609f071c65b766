"""The window's remembered state, per screen size.

A laptop's 1920 desktop and a 1024 projector each keep their own window
geometry and side-panel choice (group ``vindu/<width>x<height>``), and a
geometry is never restored larger than the screen the window opens on: first
start on a screen, or a saved window too big for it, opens maximized.
Presentation mode is never saved: quitting while presenting saves the window
as it was before. The map, pathway and contrast are remembered across screens.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication


def app_settings() -> QSettings:
    """The user's settings; ``SAMMENKART_SETTINGS`` (an .ini path) replaces them
    (tests, benchmarks and screenshots never touch the user's own)."""
    path = os.environ.get("SAMMENKART_SETTINGS")
    return QSettings(path, QSettings.IniFormat) if path else QSettings()


def screen_key(screen) -> str:
    size = screen.geometry().size() if screen is not None else None
    return f"vindu/{size.width()}x{size.height()}" if size is not None else "vindu/ukjent"


def _true(value) -> bool:
    return str(value).lower() == "true"


def save(w) -> None:
    s = w.settings
    presenting = w.presentation.active
    geometry = w.presentation.normal_geometry if presenting else w.saveGeometry()
    s.beginGroup(screen_key(w.screen()))
    s.setValue("geometry", geometry)
    s.setValue("side_column", w.room.column_wanted)
    s.endGroup()
    m, p = w.chosen_map(), w.current_pathway()  # the workspace's map, not a view of it
    s.setValue("map", m.id if m else "")
    s.setValue("pathway", p.id if p else "")
    s.setValue("contrast", w.contrast_action.isChecked())
    s.sync()


def restore(w, screen=None) -> None:
    """Geometry and choices for the screen the window opens on (``screen`` or primary)."""
    s = w.settings
    screen = screen or w.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else None
    s.beginGroup(screen_key(screen))
    geometry = s.value("geometry")
    column = s.value("side_column")
    s.endGroup()
    restored = False
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        restored = w.restoreGeometry(geometry)
    if not restored or (avail is not None and not avail.contains(w.frameGeometry()) and not w.isMaximized()):
        if avail is not None and (not restored or w.width() > avail.width() or w.height() > avail.height()):
            # First start here, or saved on a larger screen: the whole of this one.
            w.setGeometry(avail)
            w.setWindowState(w.windowState() | Qt.WindowMaximized)
        elif avail is not None:
            w.move(avail.topLeft())
    if column is not None:
        w.room.column_wanted = _true(column)
    if s.value("map"):
        w.select_map(str(s.value("map")))
    if s.value("pathway"):
        w.select_pathway(str(s.value("pathway")))
    if _true(s.value("contrast", "false")):
        w.contrast_action.setChecked(True)
        from .window_actions import set_contrast

        set_contrast(w, True)
