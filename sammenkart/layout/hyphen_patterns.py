"""pyphen's hyphenation patterns, each parsed when a word first needs it.

pyphen parses every pattern of a dictionary when it is opened: about 27,000
for Norwegian, 0.1 s, a tenth of a poster export of the example map, which
hyphenates a few dozen words (docs/performance-poster.md). ``LazyPatterns``
reads the file the same way but keeps each pattern's text by its letters and
parses it (with pyphen's own expressions) the first time ``positions`` looks
it up, so the answers are pyphen's own (tests/test_hyphen_patterns.py compares
them with pyphen's whole parse). What this relies on of pyphen: ``HyphDict``
looks patterns up with ``self.patterns.get(letters)`` and no further than
``self.maxlen`` letters, and the pattern syntax of ``HyphDict.__init__``.
"""
from __future__ import annotations

import pyphen

_DIGITS = str.maketrans("", "", "0123456789")


class _Lazy:
    """``letters -> (start, values)`` as pyphen's ``HyphDict.patterns``, parsed on first use."""

    def __init__(self, raw: dict[str, list[str]]):
        self._raw = raw  # letters -> the pattern lines with those letters, in file order
        self._parsed: dict[str, tuple | None] = {}

    def get(self, letters: str, default=None):
        if letters in self._parsed:
            got = self._parsed[letters]
        else:
            lines = self._raw.get(letters)
            got = None
            if lines:
                for line in lines:  # pyphen keeps the last line that has a non-zero value
                    parsed = _parse(line)
                    if parsed is not None:
                        got = parsed
            self._parsed[letters] = got
        return default if got is None else got


def _parse(pattern: str) -> tuple | None:
    """(start, values) of one pattern line as ``pyphen.HyphDict.__init__`` makes them; None
    when all its values are zero (pyphen leaves such a pattern out)."""
    if "/" in pattern and "=" in pattern:
        pattern, alternative = pattern.split("/", 1)
        factory = pyphen.AlternativeParser(pattern, alternative)
    else:
        factory = int
    tags, values = zip(*[(string, factory(i or "0")) for i, string in pyphen.parse(pattern)])
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, values[start:end]


class LazyPatterns(pyphen.HyphDict):
    """A ``pyphen.HyphDict`` whose patterns are parsed when first looked up."""

    def __init__(self, path):  # noqa: D107  (pyphen's reading of the file, without the parsing)
        with path.open("rb") as fd:
            encoding = fd.readline().decode()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        raw: dict[str, list[str]] = {}
        for pattern in path.read_text(encoding).split("\n")[1:]:
            pattern = pattern.strip()
            if not pattern or pattern.startswith(pyphen.ignored):
                continue
            if "^^" in pattern:
                pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)
            letters = (pattern.split("/", 1)[0] if "/" in pattern and "=" in pattern else pattern).translate(_DIGITS)
            raw.setdefault(letters, []).append(pattern)
        self.patterns = _Lazy(raw)
        self.cache = {}
        # at least pyphen's own (it leaves all-zero patterns out): a longer look finds nothing more
        self.maxlen = max(len(key) for key in raw)


def hyphenator(lang: str) -> pyphen.Pyphen:
    """pyphen's hyphenator for Norwegian ``lang`` ("nb" or "nn"), its patterns parsed lazily."""
    path = pyphen.LANGUAGES[pyphen.language_fallback("nn_NO" if lang == "nn" else "nb_NO")]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = LazyPatterns(path)
    return pyphen.Pyphen(filename=path)
