"""New values as YAML text, in the style of the file they go into.

Only what the user edits is written; this module turns one Python value
(text, number, date, list, mapping) into the text that goes at one place of
a file. Rules (issue 8):

- A text goes unquoted only when every reader takes it back as the same
  text: YAML 1.1 (PyYAML, which Sammenkart reads with, and many other tools)
  and YAML 1.2 (ruamel.yaml, editors). ``08:15`` is text, but ``11:40`` is the
  number 700 in YAML 1.1; ``no``, ``yes``, ``~``, ``0301``, ``+4722334455``,
  ``2026-11-01``, ``1e3`` are not text either: all of these are quoted.
- Quoting is double quotes (the style of the bundled files), or single quotes
  where the old value was written with single quotes.
- Text over several lines is a literal ``|`` block; a value that was a folded
  ``>`` block stays folded (wrapped at the old block's width).
- Every rendered scalar is read back with PyYAML before it is used; if it does
  not come back as the same value, it is written double-quoted instead.

ruamel.yaml's emitter decides where plain text is allowed and escapes quoted
text (a well-kept library for the YAML syntax rules); placing the text in the
file is ``yamltext``'s job.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode as RScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from ..i18n import _
from ..yamlfile import forbidden_characters
from .changes import EditError

_STR = "tag:yaml.org,2002:str"
_RESOLVER_11 = yaml.resolver.Resolver()
_RESOLVER_12 = VersionedResolver(version=(1, 2))
_EMITTER = YAML(typ="rt")
_EMITTER.width = 1_000_000  # never wrap a single-line value
_EMITTER.allow_unicode = True

_NOT_IN_BLOCKS = frozenset("\r\x7f\x85\u2028\u2029\ufeff")
FLOW_LIST_LIMIT = 60  # a new list of short texts up to this length is written [a, b]


@dataclass(frozen=True)
class Style:
    """How a file indents and ends its lines (detected by ``yamltext``).

    ``indent``: a nested mapping's keys, relative to their parent key;
    ``dash``: a block list's ``-``, relative to its parent key (0 or more);
    ``after_dash``: an item's content, relative to its ``-``;
    ``newline``: ``"\\n"`` or ``"\\r\\n"``."""

    indent: int = 2
    dash: int = 2
    after_dash: int = 2
    newline: str = "\n"


DEFAULT_STYLE = Style()


# Beyond what PyYAML and ruamel resolve: anything number- or time-like
# (08:15, 1_000, 12.5.2026) and the one-letter booleans of the YAML 1.1 spec,
# so no reader anywhere takes a text for a number, a time or a truth value.
_NUMBER_LIKE = re.compile(r"^[-+.]?[0-9][0-9_:.,eE+-]*$|^[yYnN]$")


def is_plain_text_safe(text: str) -> bool:
    """True when YAML 1.1 and 1.2 readers both read the plain ``text`` as text."""
    if text == "" or _NUMBER_LIKE.match(text):
        return False
    if _RESOLVER_11.resolve(yaml.ScalarNode, text, (True, False)) != _STR:
        return False
    return str(_RESOLVER_12.resolve(RScalarNode, text, (True, False))) == _STR


def _emit(value) -> str:
    out = io.StringIO()
    _EMITTER.dump({"k": value}, out)
    return out.getvalue()[3:].rstrip("\n")


def _single_line_text(text: str, quote: str | None) -> str:
    if quote == "'" and "\n" not in text:
        return _emit(SingleQuotedScalarString(text))
    if quote is None and is_plain_text_safe(text):
        plain = _emit(text)
        if plain == text:
            return plain
    return _emit(DoubleQuotedScalarString(text))


def _block(indicator: str, lines: list[str], content_col: int, newline: str) -> str:
    pad = " " * content_col
    return indicator + "".join(newline + (pad + line if line else "") for line in lines)


def _literal(text: str, content_col: int, newline: str) -> str | None:
    """``|`` block; None when the text needs what a plain block cannot say
    (a first line that starts with a space, control characters)."""
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else ("" if trailing == 1 else "+")
    if not body or body[0] in " \t" or any(c in _NOT_IN_BLOCKS or (ord(c) < 32 and c not in "\n\t") for c in body):
        return None
    return _block("|" + chomp, body.split("\n") + [""] * max(0, trailing - 1), content_col, newline)


def _folded(text: str, width: int, content_col: int, newline: str) -> str | None:
    """``>-`` wrapped at ``width`` columns; None when folding would change the text."""
    if not text or text != text.strip() or "\n" in text or "  " in text or "\t" in text:
        return None
    room = max(20, width - content_col)
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return _block(">-", lines, content_col, newline)


def _reads_back(rendered: str, col: int, value) -> bool:
    """Read ``key: rendered`` (at column ``col``) with PyYAML: is it ``value``?"""
    try:
        data = yaml.load(" " * col + "k: " + rendered + "\n", Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return False
    got = data.get("k") if isinstance(data, dict) else None
    return type(got) is type(value) and got == value


def scalar(value, *, col: int, content_col: int, style: Style = DEFAULT_STYLE, old_style: str | None = None,
           old_width: int = 0) -> str:
    """The text after ``key: `` (or ``- ``) for one scalar value.

    ``col``: column of the key (or dash); ``content_col``: column of the lines
    of a block scalar; ``old_style``: the old value's style (``'``, ``"``,
    ``|``, ``>`` or None for plain); ``old_width``: the longest line of an old
    folded block. Continuation lines carry their full indentation. Raises
    TypeError for a value that is not a scalar."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"not a scalar: {value!r}")
    bad = forbidden_characters(value)
    if bad:
        raise EditError(_("teksten inneholder {chars}, som ikke er tillatt i en tekst").format(chars=", ".join(bad)))
    value = unicodedata.normalize("NFC", value)  # as the reader gives it back
    # the ways to write it, best first; each made only when the one before does not read back
    candidates = []
    if "\n" in value:
        candidates.append(lambda: _literal(value, content_col, style.newline))
    elif old_style == ">":
        candidates.append(lambda: _folded(value, old_width or 80, content_col, style.newline))
    candidates.append(lambda: _single_line_text(value, old_style if old_style in ("'", '"') else None))
    candidates.append(lambda: _emit(DoubleQuotedScalarString(value)))
    for make in candidates:
        text = make()
        if text is not None and _reads_back(text.replace(style.newline, "\n"), col, value):
            return text
    raise EditError(_("teksten {text} kan ikke skrives i en YAML-fil").format(text=repr(value)))


def is_scalar(value) -> bool:
    return isinstance(value, (str, int, float, dt.date)) or value is None


def flow_list(values: list, *, col: int) -> str:
    """``[a, b]`` with each item written as above (quoted where needed), read
    back with PyYAML before it is used. Raises EditError when it cannot be."""
    parts = []
    for v in values:
        text = scalar(v, col=col, content_col=col)
        if "\n" in text or (isinstance(v, str) and text == v and re.search(r"[,\[\]{}#]", v)):
            text = _emit(DoubleQuotedScalarString(v)) if isinstance(v, str) else text
        parts.append(text)
    out = "[" + ", ".join(parts) + "]"
    if not _reads_back(out, col, list(values)):
        raise EditError(_("lista {text} kan ikke skrives i en YAML-fil").format(text=repr(values)))
    return out


def wants_flow(values: list) -> bool:
    """A new list of short scalars (references, ages) goes on one line."""
    return all(is_scalar(v) and v is not None and "\n" not in str(v) for v in values) and \
        len(", ".join(str(v) for v in values)) <= FLOW_LIST_LIMIT


def entry(key: str, value, *, col: int, style: Style = DEFAULT_STYLE, flow: bool | None = None) -> str:
    """``key: value`` at column ``col``; the first line without its indentation,
    continuation lines with theirs, no final newline."""
    nl = style.newline
    if isinstance(value, dict):
        if not value:
            return f"{key}: {{}}"
        return f"{key}:" + "".join(nl + " " * (col + style.indent) + entry(k, v, col=col + style.indent, style=style)
                                  for k, v in value.items())
    if isinstance(value, (list, tuple)):
        value = list(value)
        if not value:
            return f"{key}: []"
        if flow if flow is not None else wants_flow(value):
            return f"{key}: " + flow_list(value, col=col)
        dash_col = col + style.dash
        return f"{key}:" + "".join(nl + " " * dash_col + item(v, dash_col=dash_col, style=style) for v in value)
    return f"{key}: " + scalar(value, col=col, content_col=col + style.indent, style=style)


def item(value, *, dash_col: int, style: Style = DEFAULT_STYLE) -> str:
    """``- value`` for a block list item whose dash is at ``dash_col``; the
    first line without its indentation, no final newline."""
    content = dash_col + style.after_dash
    lead = "-" + " " * (style.after_dash - 1)
    if isinstance(value, dict):
        if not value:
            return lead + "{}"
        parts = [entry(k, v, col=content, style=style) for k, v in value.items()]
        return lead + (style.newline + " " * content).join(parts)
    if isinstance(value, (list, tuple)):
        return lead + flow_list(list(value), col=content)
    return lead + scalar(value, col=content, content_col=content, style=style)
