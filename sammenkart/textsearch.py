"""Finding services by what people type: the same letters match however they were stored.

Text pasted from macOS or a PDF is often decomposed (NFD: "a" + a combining
accent), while a keyboard types composed letters (NFC). Both sides are brought
to NFC and case-folded before comparing, so "Kárášjohka" typed finds a service
written either way, and "BUP" finds "bup".
"""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` in NFC, case-folded (folding can decompose, e.g. "İ", so NFC again)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def matches(m, text: str) -> list:
    """Services of ``m`` whose name, id or type contains every word typed (any case,
    any Unicode normal form); those whose name starts with the first word first."""
    words = fold(text).split()
    if not words or m is None:
        return []
    found = []
    for s in m.tjenester:
        name = fold(s.navn)
        hay = f"{name} {fold(s.id)} {fold(s.role)}"
        if all(w in hay for w in words):
            found.append((not name.startswith(words[0]), name, s))
    found.sort(key=lambda t: (t[0], t[1]))
    return [s for _first, _name, s in found]
