"""Ids made from names: the format's slug (``^[a-z0-9][a-z0-9-]*$``, docs/format.md).

One rule for every id the program makes (a new service, a new map, a
municipality's map in a region): letters lower-cased, æ → ae, ø → o, å → a,
accents taken off (é → e, á → a, č → c, š → s), the Sámi letters without a
decomposition written as their base letter (đ → d, ŋ → n, ŧ → t), and every
run of anything else one hyphen ("Familiens hus – Stord" → "familiens-hus-stord").
"""
from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not take apart into a base letter and a mark.
LETTERS = {"æ": "ae", "ø": "o", "å": "a", "đ": "d", "ŋ": "n", "ŧ": "t", "ß": "ss", "œ": "oe", "ł": "l", "þ": "th"}


def slug(text: str) -> str:
    """An id from a name ("" when the name has no letter or digit a–z, 0–9 can stand for)."""
    text = "".join(LETTERS.get(c, c) for c in str(text).lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
