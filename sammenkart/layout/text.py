"""Measuring and wrapping text with the bundled fonts.

The same TrueType files are used by the screen (loaded into Qt) and the poster
(embedded by reportlab), so a label wrapped here fits in both.

Wrapping is linear in the length of the text: every word is measured once from
cached per-character widths (a TrueType string's width is the sum of its
glyphs' advances, which is how reportlab measures it too), and a word too long
for a line is cut with prefix sums instead of being re-measured letter by letter.
"""
from __future__ import annotations

from bisect import bisect_right
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

# The longest word shown whole. Longer "words" (a pasted block without spaces,
# a runaway address) are cut here and end in ELLIPSIS; `overlong_words` names
# them so the caller can warn. 200 characters holds any real web address.
MAX_WORD_CHARS = 200
ELLIPSIS = "…"

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
    """Width of ``text`` in points at ``size`` points (reportlab's own measure)."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


@lru_cache(maxsize=16)
def _advances(font: str):
    """(per-character advance lookup, default advance), in 1/1000 of the size."""
    register_fonts()
    face = pdfmetrics.getFont(font).face
    return face.charWidths.get, face.defaultWidth


@lru_cache(maxsize=65536)
def _units(text: str, font: str) -> float:
    """Advance of ``text`` in 1/1000 of the size (words recur: cached, size-independent)."""
    get, default = _advances(font)
    return sum(get(ord(ch), default) for ch in text)


def overlong_words(text: str, limit: int = MAX_WORD_CHARS) -> list[str]:
    """The words of ``text`` longer than ``limit`` characters (they are cut when drawn)."""
    return [w for w in text.split() if len(w) > limit]


def was_cut(text: str, lines) -> bool:
    """True when ``lines`` (from ``wrap``) leave out part of ``text``.

    Wrapping drops only white space and adds only hyphens and an ellipsis, so
    the lines lost something exactly when they hold fewer other characters.
    """
    def count(s: str) -> int:
        return sum(1 for ch in s if not ch.isspace() and ch not in "-" + ELLIPSIS)

    return sum(count(line) for line in lines) < count(text)


def wrap(text: str, width, size: float, font: str = CONDENSED_BOLD,
         max_lines: int | None = None, lang: str = "nb") -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (line breaks in
    the text count as spaces; see ``wrap_lines`` to keep them). ``width`` may
    be a sequence: the width of each line in turn, the last for any further
    (text set in a shape: a card's cut corners leave its first and last lines
    less room).

    Words are kept whole where they fit; a word longer than a line is split
    after a hyphen it has, else before a known last part of a compound
    ("Habiliterings-|tjenesten", "Støtte-|tilbod"), else at the last
    hyphenation point of ``lang`` ("nb" or "nn", pyphen's dictionaries) that
    fits and leaves ``MIN_PIECE`` letters on each side ("Ungdoms-|klubb"), and
    only failing all of these at the last letter that fits ("Støttetilb-|od"
    is what that gave), always with a hyphen added. A word over
    ``MAX_WORD_CHARS`` is cut there and ends in "…".
    With ``max_lines`` the text stops after that many lines, the last ending in
    "…" (``was_cut`` tells). Time is linear in the length of ``text``.
    """
    scale = 0.001 * size
    widths = [float(width)] if isinstance(width, (int, float)) else [float(w) for w in width] or [0.0]
    lines: list[str] = []

    def line_width() -> float:
        return widths[min(len(lines), len(widths) - 1)]

    def fits(units: float) -> bool:
        return scale * units <= line_width()  # the same product reportlab's stringWidth makes

    words = text.split()
    whole = " ".join(words)
    if len(whole) <= MAX_WORD_CHARS and fits(_units(whole, font)):
        return [whole]  # the common case: one line (no word in it can be over-long)
    space = _units(" ", font)
    parts: list[str] = []  # words of the line being filled
    used = 0.0  # its width in units
    limit = None if max_lines is None else max(1, max_lines)
    for word in words:
        if limit is not None and len(lines) > limit:
            break  # enough to know the text is cut
        if len(word) > MAX_WORD_CHARS:
            word = word[:MAX_WORD_CHARS] + ELLIPSIS
        w = _units(word, font)
        if parts and fits(used + space + w):
            parts.append(word)
            used += space + w
            continue
        if not parts and fits(w):
            parts, used = [word], w
            continue
        if parts:
            lines.append(" ".join(parts))
        if fits(w):
            parts, used = [word], w
            continue
        if limit is not None and len(lines) > limit:
            parts = []
            break
        pieces = _split_word(word, min(widths[min(len(lines), len(widths) - 1):]), scale, font, lang)
        lines.extend(pieces[:-1])
        parts, used = [pieces[-1]], _units(pieces[-1], font)
    if parts:
        lines.append(" ".join(parts))
    if not lines:
        return [""]
    if limit is not None and len(lines) > limit:
        lines = lines[:limit]
        lines[-1] = _with_ellipsis(lines[-1], widths[min(limit - 1, len(widths) - 1)], scale, font)
    return lines


def wrap_lines(text: str, width: float, size: float, font: str = CONDENSED_BOLD) -> list[str]:
    """Like ``wrap`` but a line break in ``text`` starts a new line (``|`` blocks in
    the files keep the lines their author wrote); an empty line stays as ""."""
    out: list[str] = []
    for line in text.strip("\n").split("\n"):
        out.extend(wrap(line, width, size, font) if line.strip() else [""])
    return out


def _with_ellipsis(line: str, width: float, scale: float, font: str) -> str:
    line = line.rstrip("-" + ELLIPSIS + " ")
    dots = _units(ELLIPSIS, font)
    while line and scale * (_units(line, font) + dots) > width:
        line = line[:-1]
    return line.rstrip("- ") + ELLIPSIS


def _split_word(word: str, width: float, scale: float, font: str, lang: str = "nb") -> list[str]:
    """``word`` in pieces that fit ``width``; every piece but the last fits (or is
    one letter, when not even that fits)."""
    get, default = _advances(font)
    prefix = [0.0]
    for ch in word:
        prefix.append(prefix[-1] + get(ord(ch), default))
    hyphen = _units("-", font)
    room = width / scale if scale else float("inf")
    low = word.lower()
    if len(low) != len(word):  # a letter whose lower case is longer ("İ"): keep positions
        low = "".join(ch.lower()[:1] for ch in word)
    pieces: list[str] = []
    start, n = 0, len(word)
    while scale * (prefix[n] - prefix[start]) > width:
        # Longest end (exclusive) such that word[start:end] fits, without and with a hyphen.
        bare = bisect_right(prefix, prefix[start] + room, start, n + 1) - 1
        hyph = bisect_right(prefix, prefix[start] + room - hyphen, start, n + 1) - 1
        cut = _hyphen_cut(word, start, bare)
        if cut:
            pieces.append(word[start:cut])
        else:
            cut = _compound_cut(low, start, hyph, n) or _syllable_cut(word, start, hyph, lang) or max(start + 1, hyph)
            pieces.append(word[start:cut] + "-")
        start = cut
    pieces.append(word[start:])
    return pieces


def _hyphen_cut(word: str, start: int, end: int) -> int | None:
    """Just after the last hyphen of word[start:end] (not its first letter)."""
    i = word.rfind("-", start + 1, end)
    return i + 1 if i >= 0 and i + 1 < len(word) else None


# Common last parts of Norwegian compound names: a long word is split before
# one of these ("Habiliterings-|tjenesten") rather than at an arbitrary letter.
_COMPOUND_PARTS = (
    "tjenesten", "tjeneste", "tjenester", "kontoret", "kontor", "poliklinikk", "klinikken", "klinikk",
    "avdelingen", "avdeling", "seksjon", "senteret", "senter", "stasjon", "stasjonen", "koordinator",
    "psykiatrisk", "psykiatri", "terapeut", "terapi", "vakt", "vakten", "legen", "lege", "skolen", "skole",
    "hagen", "hage", "huset", "team", "teamet", "enhet", "enheten", "mottak", "mottaket", "telefon",
    "telefonen", "rekurs", "sirkelen", "psykologen", "psykolog", "helse", "tenesta", "teneste", "kontakt", "veiledning", "rettleiing",
    "tilbud", "tilbudet", "tilbod", "tilbodet",
)
MIN_PIECE = 3  # letters a hyphenation point leaves on each side of a break


def _compound_cut(low: str, start: int, end: int, n: int) -> int | None:
    """The last place in (start+3 .. end] before a known compound part, leaving
    at least three letters after it; only a line's worth of places is looked at."""
    for cut in range(min(end, n - 3), start + 2, -1):
        if low.startswith(_COMPOUND_PARTS, cut):
            return cut
    return None


@lru_cache(maxsize=8)
def _hyphenator(lang: str):
    import pyphen  # its dictionaries are read when first needed, not at start-up

    return pyphen.Pyphen(lang="nn_NO" if lang == "nn" else "nb_NO")


@lru_cache(maxsize=4096)
def hyphenation_points(word: str, lang: str = "nb") -> tuple[int, ...]:
    """Where ``word`` may be hyphenated in Norwegian (``lang`` "nb" or "nn"), by
    pyphen's dictionaries (which know compound boundaries: "Støtte-til-bod")."""
    return tuple(_hyphenator(lang).positions(word))


def _syllable_cut(word: str, start: int, end: int, lang: str) -> int | None:
    """The last hyphenation point in (start+MIN_PIECE .. end] leaving at least
    ``MIN_PIECE`` letters after it."""
    for cut in reversed(hyphenation_points(word, lang)):
        if cut <= end and start + MIN_PIECE <= cut <= len(word) - MIN_PIECE:
            return cut
    return None


SOFT_HYPHEN = "\u00ad"


def soft_hyphenated(text: str, lang: str = "nb", longer_than: int = 9) -> str:
    """``text`` with a soft hyphen (U+00AD) at the hyphenation points of each word
    longer than ``longer_than`` letters, for text a toolkit wraps itself (a table
    cell): it may then break "Habiliterings-|tenesta" instead of cutting it off.
    The soft hyphens are invisible unless a line breaks there."""
    def word(w: str) -> str:
        if len(w) <= longer_than:
            return w
        points = [p for p in hyphenation_points(w, lang) if MIN_PIECE <= p <= len(w) - MIN_PIECE]
        return "".join(w[a:b] + (SOFT_HYPHEN if b < len(w) else "") for a, b in zip([0, *points], [*points, len(w)]))

    return " ".join(word(w) for w in text.split(" "))
