"""The text catalogue for pure code (command line, validation, poster).

Source strings are bokmål. Other languages (nynorsk, English) come as gettext
catalogues in ``resources/translations/<lang>/LC_MESSAGES/sammenkart.mo``; with
none installed, ``_`` returns the bokmål text. Qt code uses ``tr()`` instead.
"""
from __future__ import annotations

import gettext
import os
from contextlib import contextmanager
from functools import wraps

from .paths import resources_dir

_translation: gettext.NullTranslations = gettext.NullTranslations()
_current = "nb"


def set_language(lang: str | None) -> None:
    """Switch the catalogue; ``None`` or "nb" means bokmål (the source text)."""
    global _translation, _current
    _current = lang if lang in ("nn", "en") else "nb"
    if not lang or lang == "nb":
        _translation = gettext.NullTranslations()
        return
    _translation = gettext.translation(
        "sammenkart", localedir=str(resources_dir() / "translations"), languages=[lang], fallback=True
    )


def current_language() -> str:
    """The language texts are given in now: "nb", "nn" or "en"."""
    return _current


def _(text: str) -> str:
    return _translation.gettext(text)


set_language(os.environ.get("SAMMENKART_LANG"))


@contextmanager
def language(lang: str | None):
    """Use another catalogue for a while: a poster of a nynorsk map speaks nynorsk."""
    global _translation, _current
    saved = _translation, _current
    set_language(lang)
    try:
        yield
    finally:
        _translation, _current = saved


def in_map_language(fn):
    """Run ``fn(map, ...)`` in the map's own målform (its ``malform``)."""

    @wraps(fn)
    def wrapper(m, *args, **kwargs):
        with language(getattr(m, "malform", None)):
            return fn(m, *args, **kwargs)

    return wrapper
