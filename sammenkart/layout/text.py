"""Measuring and wrapping text with the bundled fonts.

The same TrueType files are used by the screen (loaded into Qt) and the poster
(embedded by reportlab), so a label wrapped here fits in both.
"""
from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import font_path

# Family names as registered with reportlab; Qt registers the same files.
REGULAR = "SammenSans"
BOLD = "SammenSans-Bold"
CONDENSED = "SammenSansCondensed"
CONDENSED_BOLD = "SammenSansCondensed-Bold"

FONT_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}

_registered = False


def register_fonts() -> None:
    """Register the bundled fonts with reportlab once (measuring needs them too)."""
    global _registered
    if _registered:
        return
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
    _registered = True


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, font: str = CONDENSED_BOLD) -> float:
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def wrap(text: str, width: float, size: float, font: str = CONDENSED_BOLD) -> list[str]:
    """Break ``text`` into lines no wider than ``width``.

    Words are kept whole where they fit; a word longer than a line is split with
    a hyphen rather than cut, so nothing of a name is ever lost.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, font) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while text_width(word, size, font) > width:
            cut = _hyphen_cut(word, width, size, font)
            if cut:  # break after a hyphen the word already has
                lines.append(word[:cut])
            else:
                cut = _longest_prefix(word, width, size, font)
                lines.append(word[:cut] + "-")
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


# Common last parts of Norwegian compound names: a long word is split before
# one of these ("Habiliterings-|tjenesten") rather than at an arbitrary letter.
_COMPOUND_PARTS = (
    "tjenesten", "tjeneste", "tjenester", "kontoret", "kontor", "poliklinikk", "klinikken", "klinikk",
    "avdelingen", "avdeling", "seksjon", "senteret", "senter", "stasjon", "stasjonen", "koordinator",
    "psykiatrisk", "psykiatri", "terapeut", "terapi", "vakt", "vakten", "legen", "lege", "skolen", "skole",
    "hagen", "hage", "huset", "team", "teamet", "enhet", "enheten", "mottak", "mottaket", "telefon",
    "telefonen", "rekurs", "sirkelen", "psykologen", "psykolog", "helse", "tenesta", "teneste", "kontakt", "veiledning", "rettleiing",
)


def _hyphen_cut(word: str, width: float, size: float, font: str) -> int | None:
    cuts = [i + 1 for i, ch in enumerate(word[:-1]) if ch == "-" and i > 0]
    fitting = [c for c in cuts if text_width(word[:c], size, font) <= width]
    return max(fitting) if fitting else None


def _compound_cut(word: str, width: float, size: float, font: str) -> int | None:
    hyphen = text_width("-", size, font)
    low = word.lower()
    best = None
    for cut in range(3, len(word) - 2):
        if not any(low.startswith(part, cut) for part in _COMPOUND_PARTS):
            continue
        if text_width(word[:cut], size, font) + hyphen <= width:
            best = cut
    return best


def _longest_prefix(word: str, width: float, size: float, font: str) -> int:
    compound = _compound_cut(word, width, size, font)
    if compound:
        return compound
    hyphen = text_width("-", size, font)
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1], size, font) + hyphen <= width:
        cut += 1
    return cut
