"""Text ready to print: every character checked against the bundled fonts.

Posters, handouts and session PDFs embed the bundled DejaVu fonts and nothing
else. A character none of them has (an emoji such as U+1F4DE in a phone field)
would print as an empty box, so ``printable`` gives a copy of a map, pathway or
case with such characters left out, and a warning for each text that lost one,
at the line of the object the text came from. It also brings text to NFC (text
pasted from macOS or a PDF may be decomposed; a base letter and a loose accent
do not always sit right in print), cuts a name longer than ``NAME_MAX_CHARS``
and names words longer than ``text.MAX_WORD_CHARS`` (those are cut when drawn).

Objects with nothing to change are returned as they are, so printing a clean
map costs one pass over its text.
"""
from __future__ import annotations

import copy
import re
import dataclasses
import unicodedata
from functools import lru_cache
from pathlib import PurePath
from typing import TypeVar

from reportlab.pdfbase import pdfmetrics

from .i18n import _
from .layout.text import ELLIPSIS, FONT_FILES, MAX_WORD_CHARS, overlong_words, register_fonts
from .model import Problem, Source

T = TypeVar("T")

# A name longer than this is cut (with "…") on paper: the longest real service
# names are under 100 characters, and a title must leave room for the map.
NAME_MAX_CHARS = 200
_NAME_FIELDS = ("navn", "tittel")
# Line breaks and tabs are not drawn as glyphs: wrapping turns them into lines and spaces.
_LAYOUT_CHARS = frozenset("\n\t\r")


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points every bundled font has (a text may be printed in any of them)."""
    register_fonts()
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in FONT_FILES]
    return frozenset(set.intersection(*sets))


def missing_chars(text: str) -> list[str]:
    """The distinct characters of ``text`` no bundled font has, in order of appearance."""
    if text.isascii():  # the fonts have every printable ASCII character
        return [ch for ch in dict.fromkeys(text) if not 32 <= ord(ch) < 127 and ch not in _LAYOUT_CHARS]
    have = _covered()
    return [ch for ch in dict.fromkeys(text) if ord(ch) not in have and ch not in _LAYOUT_CHARS]


def code_points(chars) -> str:
    """"U+1F4DE, U+1F600" for a list of characters."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in chars)


def clean_text(text: str) -> tuple[str, list[str]]:
    """(``text`` in NFC without the characters no font has, those characters)."""
    text = unicodedata.normalize("NFC", text)
    gone = missing_chars(text)
    if gone:
        drop = set(gone)
        text = "".join(ch for ch in text if ch not in drop)
        # "📞 22 33 44 55" → "22 33 44 55": no stray space where a character was
        text = "\n".join(re.sub(r"[ \t]{2,}", " ", line).strip(" \t") for line in text.split("\n"))
    return text, gone


def printable(obj: T, problems: list[Problem], source: Source | None = None, label: str = "") -> T:
    """A copy of ``obj`` (a model dataclass, list, dict or str) fit to print.

    Appends a warning to ``problems`` for every text that lost a character, was
    cut or holds a word too long to print whole; each at the ``source`` of the
    nearest object that has one. Returns ``obj`` itself when nothing changed.
    """
    return _walk(obj, problems, source, label)


def _warn(problems: list[Problem], source: Source | None, message: str) -> None:
    p = Problem(source or Source("<ukjent>"), message, "warning")
    if p not in problems:
        problems.append(p)


# ASCII text the fonts print as it is: no control characters but line breaks and tabs.
_ASCII_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: str, problems, source, label: str) -> str:
    if len(value) <= MAX_WORD_CHARS and value.isascii() and not _ASCII_BAD.search(value):
        return value  # the common case, checked cheaply: nothing to change or say
    field = label.rsplit(".", 1)[-1]
    new, gone = clean_text(value)
    if gone:
        _warn(problems, source, _("«{felt}»: {tegn} finnes ikke i skriftene som skriver ut, og er utelatt").format(
            felt=label, tegn=_("tegnet {koder}").format(koder=code_points(gone)) if len(gone) == 1
            else _("tegnene {koder}").format(koder=code_points(gone))))
    if field in _NAME_FIELDS and len(new) > NAME_MAX_CHARS:
        _warn(problems, source, _("«{felt}» har {n} tegn; bare de første {maks} skrives ut").format(
            felt=label, n=len(new), maks=NAME_MAX_CHARS))
        new = new[:NAME_MAX_CHARS - 1].rstrip() + ELLIPSIS  # at most NAME_MAX_CHARS: a second pass is quiet
    long = overlong_words(new)
    if long:
        _warn(problems, source, _("«{felt}» har et ord på {n} tegn uten mellomrom; det kuttes etter {maks} tegn").format(
            felt=label, n=max(len(w) for w in long), maks=MAX_WORD_CHARS))
    return new if new != value else value


@lru_cache(maxsize=64)
def _field_names(cls) -> tuple[str, ...]:
    """A dataclass's field names (but its ``source``), or () for any other type."""
    if not dataclasses.is_dataclass(cls):
        return ()
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "source")


def _walk(obj, problems, source, label):
    if isinstance(obj, str):
        return _text(obj, problems, source, label)
    if isinstance(obj, (list, tuple)):
        items = [_walk(x, problems, source, label) for x in obj]
        if all(a is b for a, b in zip(items, obj)):
            return obj
        return type(obj)(items)
    if isinstance(obj, dict):
        out = {k: _walk(v, problems, source, f"{label}.{k}" if label else str(k)) for k, v in obj.items()}
        return obj if all(out[k] is obj[k] for k in obj) else out
    names = _field_names(type(obj))
    if names:
        own = getattr(obj, "source", None)
        here = own if isinstance(own, Source) and own.path != "<ukjent>" else source
        changed = {}
        for name in names:
            value = getattr(obj, name)
            if value is None or isinstance(value, (int, float, Source, PurePath)):
                continue
            sub = f"{label}.{name}" if label and not isinstance(own, Source) else name
            new = _walk(value, problems, here, sub)
            if new is not value:
                changed[name] = new
        if not changed:
            return obj
        clone = copy.copy(obj)
        for name, value in changed.items():
            object.__setattr__(clone, name, value)  # works for frozen dataclasses too
        return clone
    return obj
