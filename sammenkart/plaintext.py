"""Data text into rich text, literally: escaped, with the line breaks it was written with.

Text from the files is plain text, never markup: a service named
"Barn & unge <13>" shows exactly so. Line breaks are those of a ``|`` block
(YAML has already folded ``>`` blocks and plain scalars into flowing text, so a
"\\n" that reaches us was meant); an empty line starts a new paragraph.
"""
from __future__ import annotations

from html import escape


def html_inline(text: str | None) -> str:
    """``text`` escaped for Qt rich text, each line break a ``<br>``."""
    if not text:
        return ""
    return "<br>".join(escape(line) for line in text.strip("\n").split("\n"))


def html_paragraphs(text: str | None) -> str:
    """``text`` as ``<p>`` paragraphs (split at empty lines), lines kept with ``<br>``."""
    if not text or not text.strip():
        return ""
    paras, current = [], []
    for line in text.strip("\n").split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            paras.append(current)
            current = []
    if current:
        paras.append(current)
    return "".join("<p>" + "<br>".join(escape(line) for line in p) + "</p>" for p in paras)
