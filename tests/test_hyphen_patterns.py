"""Hyphenation points with lazily parsed patterns are pyphen's own (sammenkart/layout/hyphen_patterns.py)."""
import re

import pyphen
from hypothesis import given, settings, strategies as st

from sammenkart import paths
from sammenkart.layout.hyphen_patterns import LazyPatterns

NB = pyphen.LANGUAGES[pyphen.language_fallback("nb_NO")]
WHOLE = pyphen.HyphDict(NB)  # pyphen's own parse of every pattern
LAZY = LazyPatterns(NB)


def _words() -> list[str]:
    """Every word of the bundled maps, pathways and cases."""
    text = " ".join(p.read_text(encoding="utf-8") for d in (paths.kart_dir(), paths.kasus_dir(), paths.region_dir())
                    for p in sorted(d.rglob("*.yaml")))
    return sorted(set(re.findall(r"[A-Za-zÆØÅæøåéü-]{2,}", text)))


def test_every_bundled_word_is_hyphenated_as_pyphen_does():
    words = _words()
    assert len(words) > 1000
    for w in words:
        assert LAZY.positions(w) == WHOLE.positions(w), w


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefghijklmnoprstuvyæøå", min_size=1, max_size=30))
def test_any_word_is_hyphenated_as_pyphen_does(word):
    assert LAZY.positions(word) == WHOLE.positions(word)


def test_only_the_patterns_looked_up_are_parsed():
    lazy = LazyPatterns(NB)
    lazy.positions("spesialisthelsetjenesten")
    assert 0 < len(lazy.patterns._parsed) < 2000
    # every pattern pyphen keeps is found, with the same values
    for letters, value in list(WHOLE.patterns.items())[::50]:
        assert lazy.patterns.get(letters) == value
