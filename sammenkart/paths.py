"""Where the bundled data lives, installed or in a source checkout."""
from __future__ import annotations

import functools
import os
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


def resolved(path) -> Path:
    """``Path(path).resolve()``, remembered for the life of the process.

    Every edit puts the workspace together again, and resolving the same
    thirty-odd paths each time (one ``lstat`` per part) took about 1 ms of an
    edit on the example map (docs/performance.md). A symbolic link pointed
    elsewhere while the program runs is therefore not followed; a relative
    path is remembered per working folder. Raises what ``resolve`` raises
    (nothing is remembered then)."""
    p = Path(path)
    return _resolved("" if p.is_absolute() else os.getcwd(), p)


@functools.lru_cache(maxsize=4096)
def _resolved(cwd: str, path: Path) -> Path:
    return path.resolve()
