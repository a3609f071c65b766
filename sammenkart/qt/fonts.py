"""The bundled DejaVu faces in Qt, matching the reportlab names the layout used.

The layout measured every label with these files; drawing with the same faces
at the same pixel size (1 map unit = 1 scene unit) makes the text fit exactly.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase

from ..layout.text import BOLD, CONDENSED, CONDENSED_BOLD, FONT_FILES, REGULAR
from ..paths import font_path

_FACES = {
    REGULAR: "Book",
    BOLD: "Bold",
    CONDENSED: "Condensed",
    CONDENSED_BOLD: "Condensed Bold",
}
FAMILY = "DejaVu Sans"
_loaded = False


def load_fonts() -> None:
    """Register the bundled fonts with Qt once (needs a QGuiApplication)."""
    global _loaded
    if _loaded:
        return
    for filename in FONT_FILES.values():
        QFontDatabase.addApplicationFont(str(font_path(filename)))
    _loaded = True


@lru_cache(maxsize=64)
def scene_font(name: str, size: float) -> QFont:
    """A font whose em is ``size`` scene units, for drawing layout text."""
    load_fonts()
    font = QFontDatabase.font(FAMILY, _FACES.get(name, "Book"), 12)
    font.setPixelSize(max(1, round(size)))
    font.setHintingPreference(QFont.PreferNoHinting)  # keep widths as measured, at any zoom
    return font


def ui_font(point_size: float, bold: bool = False) -> QFont:
    """A widget font in the bundled family, so panels and map look alike."""
    load_fonts()
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
