"""The format's structure, read from the JSON Schemas in ``resources/schema/``.

The schemas are the one written source of which keys a file may have, which
are required, which values an enum allows and what type each field is. The
readers ask this module instead of keeping their own lists, and values are
converted from the text written by the type the schema gives them:

- ``integer``: decimal digits with an optional sign (``0301`` is 301); no
  ``_``, no hex, octal or base-60; at most ``MAX_DIGITS`` digits.
- ``number``: a decimal number, optionally with an exponent (``1e3``);
  not ``.inf`` or ``.nan``.
- ``boolean``: ``true`` or ``false`` (also ``True``/``TRUE``/``False``/``FALSE``,
  as in YAML 1.2), nothing else: ``yes``, ``on`` and ``Off`` are not booleans.
- ``string`` with ``"format": "date"``: ``YYYY-MM-DD``, a real calendar date.
- every other field is text and stays exactly as written.

Pure Python; the JSON files are read once.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

from .paths import resources_dir

KINDS = ("kart", "forlop", "kasus")
MAX_DIGITS = 15  # no count or level in the format comes near; keeps int() cheap

_INTEGER = re.compile(r"[-+]?[0-9]+\Z")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class Node:
    """One place in a schema (the whole file, a table, a list, a field).

    ``kind`` is one of object, array, string, date, integer, number, boolean.
    """

    __slots__ = ("raw", "where", "kind", "keys", "required", "properties", "extra", "items", "enum", "pattern", "regex",
                 "min_length", "minimum", "min_items", "max_items", "const", "names_pattern", "names_regex",
                 "required_unless")

    def __init__(self, raw: dict, where: tuple = ()):
        self.raw = raw
        self.where = where
        self.kind = _kind(raw)
        props = raw.get("properties", {})
        self.keys: tuple[str, ...] = tuple(props)
        self.required: tuple[str, ...] = tuple(raw.get("required", ()))
        # {"if": {"required": [k]}, "else": {"required": [...]}}: keys required unless k is written
        # (a pathway with «grunnlag» takes «navn» and «flyt» from its shared text)
        self.required_unless: dict[str, tuple[str, ...]] = {}
        cond, other = raw.get("if"), raw.get("else")
        if isinstance(cond, dict) and isinstance(other, dict) and len(cond.get("required", ())) == 1:
            self.required_unless[cond["required"][0]] = tuple(other.get("required", ()))
        self.properties = {k: Node(v, (*where, k)) for k, v in props.items()}
        extra = raw.get("additionalProperties")
        self.extra = Node(extra, (*where, "*")) if isinstance(extra, dict) else None
        self.items = Node(raw["items"], (*where, "[]")) if isinstance(raw.get("items"), dict) else None
        self.enum: tuple | None = tuple(raw["enum"]) if "enum" in raw else None
        self.pattern: str | None = raw.get("pattern")
        self.regex = re.compile(self.pattern) if self.pattern else None
        self.min_length: int = raw.get("minLength", 0)
        self.minimum = raw.get("minimum")
        self.min_items: int = raw.get("minItems", 0)
        self.max_items: int | None = raw.get("maxItems")
        self.const = raw.get("const")
        names = raw.get("propertyNames", {})
        self.names_pattern: str | None = names.get("pattern")
        self.names_regex = re.compile(self.names_pattern) if self.names_pattern else None

    def required_in(self, keys) -> tuple[str, ...]:
        """The keys required of a table that has ``keys`` written (conditional ones included)."""
        out = list(self.required)
        for cond, needed in self.required_unless.items():
            if cond not in keys:
                out += [k for k in needed if k not in out]
        return tuple(out)

    def prop(self, key: str) -> Node | None:
        """The schema of ``key`` in this table (``additionalProperties`` for free keys)."""
        return self.properties.get(key, self.extra)

    def at(self, *path: str) -> Node:
        """A node further down: a key name, "[]" for list items, "*" for a free key."""
        node = self
        for step in path:
            node = node.items if step == "[]" else node.extra if step == "*" else node.properties[step]
        return node

    @property
    def is_text(self) -> bool:
        """Free text: kept exactly as written (no enum, pattern or format)."""
        return self.kind == "string" and self.enum is None and self.pattern is None

    def __repr__(self) -> str:
        return f"Node({'.'.join(self.where) or '<root>'}, {self.kind})"


def _kind(raw: dict) -> str:
    kinds = raw.get("type")
    if isinstance(kinds, list):  # a field that accepts several types is read as text
        kinds = "string" if "string" in kinds else kinds[0]
    if kinds is None:
        if "const" in raw:
            kinds = "integer" if isinstance(raw["const"], int) and not isinstance(raw["const"], bool) else "string"
        elif "enum" in raw:
            kinds = "string"
        elif "properties" in raw or "additionalProperties" in raw:
            kinds = "object"
        elif "items" in raw:
            kinds = "array"
        else:
            kinds = "string"
    if kinds == "string" and raw.get("format") == "date":
        return "date"
    return kinds


@cache
def load(kind: str) -> Node:
    """The schema of one file kind: "kart", "forlop" or "kasus"."""
    text = (resources_dir() / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    return Node(json.loads(text))


def node(kind: str, *path: str) -> Node:
    return load(kind).at(*path)


def walk(n: Node, path: tuple = ()):
    """(path, node) for every field below ``n``, depth first, in schema order."""
    for key, sub in n.properties.items():
        yield (*path, key), sub
        yield from walk(sub, (*path, key))
    if n.extra is not None:
        yield (*path, "*"), n.extra
        yield from walk(n.extra, (*path, "*"))
    if n.items is not None:
        yield (*path, "[]"), n.items
        yield from walk(n.items, (*path, "[]"))


# ----------------------------------------------------------------- conversion
class NotValid(ValueError):
    """The text is not a value of the type; ``reason`` is "type" or "size"."""

    def __init__(self, reason: str = "type"):
        super().__init__(reason)
        self.reason = reason


def to_integer(text: str) -> int:
    t = text.strip()
    if not _INTEGER.match(t):
        raise NotValid
    if len(t.lstrip("+-")) > MAX_DIGITS:
        raise NotValid("size")
    return int(t)


def to_number(text: str) -> int | float:
    t = text.strip()
    if len(t) > 40 or not _NUMBER.match(t):
        raise NotValid("size" if len(t) > 40 and _NUMBER.match(t) else "type")
    if _INTEGER.match(t):
        return to_integer(t)
    value = float(t)
    if value != value or value in (float("inf"), float("-inf")) or abs(value) > 1e15:
        raise NotValid("size")
    return value


def to_boolean(text: str) -> bool:
    try:
        return _BOOLEANS[text.strip()]
    except KeyError:
        raise NotValid from None


def to_date(text: str) -> dt.date:
    t = text.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", t):
        raise NotValid
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        raise NotValid from None


CONVERTERS = {"integer": to_integer, "number": to_number, "boolean": to_boolean, "date": to_date}
