"""Where the bundled data lives, installed or in a source checkout."""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # An installed wheel carries the folders inside the package; a source
    # checkout (or an editable install) has them at the repository's top.
    inside = _PKG / name
    return inside if inside.is_dir() else _PKG.parent / name


def kart_dir() -> Path:
    return _bundled("kart")


def kasus_dir() -> Path:
    return _bundled("kasus")


def region_dir() -> Path:
    """The bundled example region: a workspace folder with ``kart/`` and ``tal/``."""
    return _bundled("region")


def resources_dir() -> Path:
    return _bundled("resources")


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / name
