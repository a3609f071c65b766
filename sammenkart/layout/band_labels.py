"""Band labels (the level names at the side of the map), wrapped without ugly breaks.

A label runs up the band's side, so it may be no longer than the band is
tall. Words are kept whole where they fit; a long word is broken only at a
hyphenation point of the map's language (pyphen's nb/nn dictionaries, which
know compound boundaries such as "Spesialist-helse-tjenesten") and never so
that a piece has fewer than ``MIN_PIECE`` letters; a short word ("i", "og") is
never left alone on a line ("Oppfølging / i / kommunen"). When that is not enough
the type shrinks, down to ``MIN_SIZE``; what still does not fit tells the
layout how tall the band must be (``needed_height``).
"""
from __future__ import annotations

from functools import lru_cache

from .text import BOLD, hyphenation_points, text_width

MIN_PIECE = 4
MIN_SIZE = 7.0
MAX_LINES = 3
SHORT_WORD = 3  # letters: a word this short never stands alone on a line of a label with more
FONT = BOLD


@lru_cache(maxsize=4096)
def cut_points(word: str, lang: str = "nb") -> tuple[int, ...]:
    """Where ``word`` may be broken: hyphenation points leaving ≥ MIN_PIECE letters each side."""
    points = set(hyphenation_points(word, lang))
    points |= {i + 1 for i, ch in enumerate(word[:-1]) if ch == "-"}
    return tuple(sorted(p for p in points if p >= MIN_PIECE and len(word) - p >= MIN_PIECE))


def _starts_part(word: str, p: int) -> bool:
    from .text import _COMPOUND_PARTS

    low = word.lower()
    return any(low.startswith(part, p) for part in _COMPOUND_PARTS)


def _pieces(word: str, room: float, size: float, lang: str) -> list[str] | None:
    """``word`` in pieces that each fit ``room``; None when it cannot be done at this size."""
    out, start = [], 0
    points = cut_points(word, lang)
    while text_width(word[start:], size, FONT) > room:
        fitting = [p for p in points if p - start >= MIN_PIECE
                   and text_width(word[start:p] + ("" if word[p - 1] == "-" else "-"), size, FONT) <= room]
        if not fitting:
            return None
        # a compound boundary ("Spesialist-helse-tjenesten") reads better than a syllable
        compound = [p for p in fitting if _starts_part(word, p)]
        p = compound[-1] if compound and compound[-1] >= fitting[-1] - 6 else fitting[-1]
        out.append(word[start:p] + ("" if word[p - 1] == "-" else "-"))
        start = p
    out.append(word[start:])
    return out


def _wrap(text: str, room: float, size: float, lang: str) -> list[str] | None:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, FONT) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        pieces = _pieces(word, room, size, lang)
        if pieces is None:
            return None
        lines.extend(pieces[:-1])
        current = pieces[-1]
    if current:
        lines.append(current)
    return _no_lone_short_word(lines, room, size) if lines else [""]


def _no_lone_short_word(lines: list[str], room: float, size: float) -> list[str] | None:
    """``lines`` with no short word ("i", "og", "for") alone on a line between others: it joins
    the line before ("Oppfølging i / kommunen"), else the line after; None when neither fits at
    this size (the caller then tries a smaller one)."""
    out = list(lines)
    i = 0
    while len(out) > 1 and i < len(out):
        if " " in out[i] or len(out[i]) > SHORT_WORD:
            i += 1
            continue
        if i > 0 and text_width(f"{out[i - 1]} {out[i]}", size, FONT) <= room:
            out[i - 1:i + 1] = [f"{out[i - 1]} {out[i]}"]
        elif i + 1 < len(out) and text_width(f"{out[i]} {out[i + 1]}", size, FONT) <= room:
            out[i:i + 2] = [f"{out[i]} {out[i + 1]}"]
        else:
            return None
    return out


def fit_label(text: str, room: float, size: float, lang: str = "nb") -> tuple[tuple[str, ...], float]:
    """(lines, font size) for a label no longer than ``room``, at most ``size`` points.

    Falls back to the smallest size with the finest allowed breaks; the
    caller makes the band at least ``needed_height`` tall so that fits.
    """
    s = size
    while s >= MIN_SIZE - 1e-9:
        lines = _wrap(text, room, s, lang)
        if lines is not None and len(lines) <= MAX_LINES:
            return tuple(lines), s
        s -= 0.5
    lines = _wrap(text, needed_height(text, lang), MIN_SIZE, lang) or [text]
    return tuple(lines), MIN_SIZE


def needed_height(text: str, lang: str = "nb") -> float:
    """The shortest band that holds the label in at most ``MAX_LINES`` lines at a readable size."""
    room = _finest(text, lang)
    while room < 2000:
        lines = _wrap(text, room, MIN_SIZE + 1.0, lang)
        if lines is not None and len(lines) <= MAX_LINES:
            return room
        room += 4.0
    return room


def _finest(text: str, lang: str) -> float:
    """The longest piece when every word is broken as finely as allowed (at the smallest size)."""
    longest = 0.0
    for word in text.split():
        points = (0,) + cut_points(word, lang) + (len(word),)
        # the finest split keeps pieces of MIN_PIECE letters or more
        start, best = 0, 0.0
        for p in points[1:]:
            if p - start >= MIN_PIECE or p == len(word):
                piece = word[start:p] + ("-" if p < len(word) and word[p - 1] != "-" else "")
                best = max(best, text_width(piece, MIN_SIZE, FONT))
                start = p
        longest = max(longest, best)
    return longest + 1.0
