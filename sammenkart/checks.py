"""The format's value rules, as small checks that collect problems.

A ``Checker`` walks one file's data (from ``yamlfile``: tables, lists and the
text written) and records every problem with its place, so a user sees all of
them in one pass. What a field may hold comes from the JSON Schema
(``schema.Node``): its keys, required keys, enum, pattern and type; ``get``
converts the text written to that type or reports it, quoting what was
written. Each check returns a usable value or ``None``; callers build the model
from what is good.
"""
from __future__ import annotations

import datetime as dt
import difflib

from . import schema
from .i18n import _, quote
from .model import Problem, Source
from .yamlfile import YList, YMap, visible

# The patterns are written once, in the schemas; messages are ours.
SLUG_PATTERN = schema.node("kart", "id").pattern
COLOUR_PATTERN = schema.node("kart", "nivaer", "[]", "farge").pattern
URL_PATTERN = schema.node("kart", "nettside").pattern
SLUG = schema.node("kart", "id").regex


def looks_like_phone(text: str) -> bool:
    """Whether ``text`` can be a phone number as printed: it has a digit, no
    letter, and a "+" only first ("55 00 12 00", "+47 22 33 44 55",
    "(+47) 22-33"). Other signs are left as written. A warning, not an error:
    the format (format.md) lets a phone be any text."""
    t = text.strip()
    return any(c.isdigit() for c in t) and not any(c.isalpha() for c in t) and "+" not in t.lstrip("(")[1:]


def looks_like_email(text: str) -> bool:
    """Whether ``text`` can be an e-mail address: one "@" with a name before it and a
    domain with a dot after it ("post@kommune.no"), no blanks, no dot at either end of
    the domain. A warning, not an error: the format (format.md) lets it be any text."""
    t = text.strip()
    name, at, domain = t.rpartition("@")
    return (bool(at) and bool(name) and "@" not in name and not any(c.isspace() for c in t)
            and "." in domain and not domain.startswith(".") and not domain.endswith(".") and ".." not in domain)


def type_name(value) -> str:
    if value is None:
        return _("ingenting")
    if isinstance(value, bool):
        return _("sann/usann")
    if isinstance(value, int):
        return _("et heltall")
    if isinstance(value, float):
        return _("et desimaltall")
    if isinstance(value, str):
        return _("teksten «{text}»").format(text=visible(value, 60))
    if isinstance(value, (dt.date, dt.datetime)):
        return _("en dato")
    if isinstance(value, list):
        return _("en liste")
    if isinstance(value, dict):
        return _("en tabell med nøkler")
    return type(value).__name__


def _distance(a: str, b: str) -> int:
    """Edit distance counting a swap of neighbours as one edit (typical typos)."""
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def suggestion(word: str, choices) -> str | None:
    """The nearest choice for a mistyped word, or None when nothing is close."""
    choices = [c for c in choices if isinstance(c, str)]
    if not choices or not isinstance(word, str) or len(word) > 100:
        return None
    best = min(choices, key=lambda c: (_distance(word.lower(), c), -difflib.SequenceMatcher(None, word, c).ratio(), c))
    limit = max(1, min(3, len(best) // 3 + 1))
    if _distance(word.lower(), best) <= limit:
        return best
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return close[0] if close else None


def reference_hint(ref: str, names) -> str:
    """" – mente du «bup»?" after a message about a reference that matches nothing,
    when one of ``names`` (the ids and types a map has) is near it; else ""."""
    near = suggestion(ref, names)
    return _(" – mente du «{near}»?").format(near=near) if near else ""


def _expected(n: schema.Node) -> str:
    """What a field should be, in words, for "«x» skal være …"."""
    if n.kind == "array" and n.items is not None and n.min_items == n.max_items == 2:
        return {"integer": _("to heltall, som [6, 12]"), "number": _("to tall, som [120, 40]")}.get(
            n.items.kind, _("en liste med to referanser, som [helsestasjon, barnehage]"))
    return {
        "object": _("en tabell med nøkler"), "array": _("en liste"), "integer": _("et heltall"), "number": _("et tall"),
        "boolean": _("true eller false"), "date": _("en dato som 2026-11-01"),
    }.get(n.kind, _("tekst"))


def _words(what) -> str:
    """A label given as text or, to spare the work on the good path, as a function giving it."""
    return what() if callable(what) else what


class Checker:
    """Collects the problems of one file. Labels (``what``) name the place in a
    message; they may be given as functions, called only when a message is made."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._counted = (0, 0)  # (problems looked at, errors among them): error_count stays linear

    # -- recording -------------------------------------------------------
    def error(self, where: Source, message: str) -> None:
        self.problems.append(Problem(where, message))

    def error_count(self) -> int:
        """How many errors so far; a reader compares it before and after one item
        to leave out just the item that has an error. Counts only the problems
        added since the last call (a region's thousands of services asked this
        per item made reading quadratic)."""
        seen, errors = self._counted
        problems = self.problems
        if len(problems) < seen:  # someone replaced or shortened the list: count again
            seen, errors = 0, 0
        errors += sum(1 for p in problems[seen:] if p.is_error)
        self._counted = (len(problems), errors)
        return errors

    def warning(self, where: Source, message: str) -> None:
        self.problems.append(Problem(where, message, "warning"))

    def phone(self, obj: YMap, key: str, value: str | None, what: str) -> None:
        """Warn at ``obj[key]`` when ``value`` does not look like a phone number
        (``looks_like_phone``); ``what`` names the owner ("tjenesten «ppt»")."""
        if value and not looks_like_phone(value):
            self.warning(self.at(obj, key), _(
                "«{key}» for {what} ser ikke ut som et telefonnummer: «{value}» – skriv sifrene, "
                "som «55 00 12 00» eller «+47 55 00 12 00»").format(key=key, what=what, value=visible(value)))

    def email(self, obj: YMap, key: str, value: str | None, what: str) -> None:
        """Warn at ``obj[key]`` when ``value`` does not look like an e-mail address
        (``looks_like_email``); ``what`` names the owner."""
        if value and not looks_like_email(value):
            self.warning(self.at(obj, key), _(
                "«{key}» for {what} ser ikke ut som en e-postadresse: «{value}» – skriv den som "
                "«post@kommune.no»").format(key=key, what=what, value=visible(value)))

    @staticmethod
    def at(container, key) -> Source:
        """Where a key's value (dict) or an item (list) was written."""
        if isinstance(container, YMap):
            return container.value_sources.get(key, container.source)
        if isinstance(container, YList) and isinstance(key, int) and key < len(container.item_sources):
            return container.item_sources[key]
        return getattr(container, "source", Source("?"))

    @staticmethod
    def key_at(container, key) -> Source:
        if isinstance(container, YMap):
            return container.key_sources.get(key, container.source)
        return getattr(container, "source", Source("?"))

    # -- structure -------------------------------------------------------
    def mapping(self, value, where: Source, what: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.error(where, _("{what} skal være en tabell med nøkler, ikke {found}").format(what=_words(what), found=type_name(value)))
        return None

    def keys(self, obj: YMap, node: schema.Node, what: str) -> None:
        """Unknown keys (with a suggestion) and missing required keys, by the schema."""
        allowed = node.keys
        if node.extra is None:
            for key in obj:
                if key in node.properties:
                    continue
                what = _words(what)
                near = suggestion(key, allowed)
                if near:
                    msg = _("ukjent nøkkel «{key}» i {what} – mente du «{near}»?").format(key=visible(key), what=what, near=near)
                else:
                    msg = _("ukjent nøkkel «{key}» i {what}; tillatt er: {allowed}").format(
                        key=visible(key), what=what, allowed=", ".join(allowed))
                self.error(self.key_at(obj, key), msg)
        for key in node.required_in(obj):
            if key not in obj:
                self.error(obj.source, _("{what} mangler den påkrevde nøkkelen «{key}»").format(what=_words(what), key=key))

    def items(self, obj: YMap, node: schema.Node, key: str) -> list[tuple[int, YMap]]:
        """(index, table) for a list of tables under ``key``."""
        if key not in obj:
            return []
        value, field = obj[key], node.prop(key)
        if not isinstance(value, list):
            self.error(self.at(obj, key), _("«{key}» skal være en liste, ikke {found}").format(key=key, found=type_name(value)))
            return []
        self._count(obj, key, value, field)
        out = []
        for i, item in enumerate(value):
            m = self.mapping(item, self.at(value, i), lambda i=i: _("punkt {n} i «{key}»").format(n=i + 1, key=key))
            if m is not None:
                out.append((i, m))
        return out

    def _count(self, obj, key: str, value: list, field: schema.Node) -> bool:
        if len(value) < field.min_items:
            if field.min_items == 1:
                self.error(self.at(obj, key), _("«{key}» må ha minst ett punkt").format(key=key))
            else:
                self._wrong_count(obj, key, field, len(value))
            return False
        if field.max_items is not None and len(value) > field.max_items:
            self._wrong_count(obj, key, field, len(value))
            return False
        return True

    def _wrong_count(self, obj, key, field: schema.Node, count: int) -> None:
        self.error(self.at(obj, key), _("«{key}» skal være {expected}, ikke en liste med {count}").format(
            key=key, expected=_expected(field), count=count))

    # -- values ----------------------------------------------------------
    def _wrong(self, obj, key, field: schema.Node) -> None:
        self.error(self.at(obj, key), _("«{key}» skal være {expected}, ikke {found}").format(
            key=key, expected=_expected(field), found=type_name(obj[key])))

    def get(self, obj: YMap, node: schema.Node, key: str, what: str | None = None):
        """The value of ``key`` as the schema types it, or None (absent, or wrong and reported).

        Text stays as written (outer blanks trimmed, line breaks of a ``|``
        block kept); integer, number, boolean and date fields are converted
        from their text; enums and patterns are checked. A list gives a list
        of its good items; ``what`` names the owner in an id's message."""
        if key not in obj:
            return None
        field = node.prop(key)
        value = obj[key]
        if field.kind == "array":
            return self._array(obj, key, value, field)
        if field.kind == "object":
            return self.mapping(value, self.at(obj, key), quote(key))
        if isinstance(value, (list, dict)) or (value is None and (field.kind != "string" or key in node.required)):
            self._wrong(obj, key, field)
            return None
        if value is None:
            return None  # an optional text left empty
        return self._scalar(value, field, self.at(obj, key), key, what)

    def _array(self, obj, key: str, value, field: schema.Node):
        if not isinstance(value, list):
            self._wrong(obj, key, field)
            return None
        if not self._count(obj, key, value, field):
            return None
        item_field = field.items
        out = []
        for i, item in enumerate(value):
            where = self.at(value, i)
            if isinstance(item, (list, dict)) or item is None:
                self.error(where, _("punkt {n} i «{key}» skal være {expected}, ikke {found}").format(
                    n=i + 1, key=key, expected=_expected(item_field), found=type_name(item)))
                continue
            good = self._scalar(item, item_field, where, key, None, n=i + 1)
            if good is not None:
                out.append(good)
        return out

    def _scalar(self, text: str, field: schema.Node, where: Source, key: str, what: str | None, n: int | None = None):
        """Check and convert one text by its schema; None when it is reported."""
        kind = field.kind
        if kind in schema.CONVERTERS:
            try:
                value = schema.CONVERTERS[kind](text)
            except schema.NotValid as exc:
                label = self._label(key, n)
                if exc.reason == "size":
                    self.error(where, _("{label}: tallet «{value}» er for stort").format(label=label, value=visible(text, 40)))
                elif not text.strip():  # "" quoted back reads as a riddle: say it is empty
                    self.error(where, _("{label} er tom; skriv {expected}").format(label=label, expected=_expected(field)))
                else:
                    self.error(where, _("{label} skal være {expected}, ikke teksten «{value}»").format(
                        label=label, expected=_expected(field), value=visible(text, 60)))
                return None
            if field.minimum is not None and value < field.minimum:
                label = self._label(key, n)
                if field.minimum == 0:
                    self.error(where, _("{label} kan ikke være negativ").format(label=label))
                else:
                    self.error(where, _("{label} kan ikke være mindre enn {min}").format(label=label, min=field.minimum))
                return None
            return value
        value = text.strip() if "\n" not in text.strip() else text.rstrip()
        if len(value) < max(field.min_length, 0) or (n and not value):
            self.error(where, _("{label} kan ikke være tom").format(label=self._label(key, n)))
            return None
        if field.enum is not None and value not in field.enum:
            label = self._label(key, n)
            near = suggestion(value, field.enum)
            hint = _(" – mente du «{near}»?").format(near=near) if near else ""
            self.error(where, _("{label} må være en av {choices}, ikke «{value}»{hint}").format(
                label=label, choices=", ".join(field.enum), value=visible(value), hint=hint))
            return None
        if field.regex is not None and not field.regex.search(value):
            self.error(where, self._pattern_message(field.pattern, self._label(key, n), key, value, what))
            return None
        return value

    @staticmethod
    def _label(key: str, n: int | None) -> str:
        return _("punkt {n} i «{key}»").format(n=n, key=key) if n else quote(key)

    @staticmethod
    def _pattern_message(pattern: str, label: str, key: str, value: str, what: str | None) -> str:
        shown = visible(value)
        if pattern == SLUG_PATTERN:
            rule = _("bruk bare små bokstaver a–z, tall og bindestrek, og begynn med bokstav eller tall")
            if what:
                return _("«{value}» er ikke en gyldig id for {what}: {rule}").format(value=shown, what=_words(what), rule=rule)
            return _("«{value}» i «{key}» er ikke en gyldig tjeneste-id eller type: {rule}").format(value=shown, key=key, rule=rule)
        if pattern == COLOUR_PATTERN:
            return _("{label} skal være en farge som \"#1b9e77\", ikke «{value}»").format(label=label, value=shown)
        if pattern == URL_PATTERN:
            return _("{label} må være en nettadresse som begynner med http:// eller https://, ikke «{value}»").format(
                label=label, value=shown)
        return _("{label} har feil form: «{value}»").format(label=label, value=shown)

    def name(self, obj: YMap, node: schema.Node, key: str, what: str) -> bool:
        """Whether a free key (a reference under «roller») has the form the schema asks."""
        if node.names_regex is None or node.names_regex.search(key):
            return True
        self.error(self.key_at(obj, key), _("«{ref}» under {what} er ikke en gyldig tjeneste-id eller type").format(
            ref=visible(key), what=what))
        return False

    def version(self, obj: YMap, node: schema.Node) -> bool:
        """Whether ``sammenkart:`` names the format version the schema gives."""
        if "sammenkart" not in obj:
            return False  # reported as a missing key
        known = node.prop("sammenkart").const
        value = obj["sammenkart"]
        try:
            ok = isinstance(value, str) and schema.to_integer(value) == known
        except schema.NotValid:
            ok = False
        if not ok:
            written = visible(value) if isinstance(value, str) else type_name(value)
            self.error(self.at(obj, "sammenkart"), _(
                "formatversjon «sammenkart: {value}» er ukjent; dette programmet leser versjon {known}").format(
                value=written, known=known))
        return ok

    def stem(self, obj: YMap, ident: str | None, stem: str) -> None:
        if ident is not None and ident != stem:
            self.error(
                self.at(obj, "id"),
                _("id «{ident}» må være lik filnavnet uten .yaml («{stem}»)").format(ident=ident, stem=visible(stem)),
            )
