"""The format's value rules, as small checks that collect problems.

A ``Checker`` walks one file's data (from ``yamlfile``) and records every
problem with its place, so a user sees all of them in one pass. Each check
returns a usable value or ``None``; callers build the model from what is good.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re

from .i18n import _
from .model import Problem, Source
from .yamlfile import YList, YMap

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


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
        return _("tekst")
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
    if not choices or not isinstance(word, str):
        return None
    best = min(choices, key=lambda c: (_distance(word.lower(), c), -difflib.SequenceMatcher(None, word, c).ratio(), c))
    limit = max(1, min(3, len(best) // 3 + 1))
    if _distance(word.lower(), best) <= limit:
        return best
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return close[0] if close else None


class Checker:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    # -- recording -------------------------------------------------------
    def error(self, where: Source, message: str) -> None:
        self.problems.append(Problem(where, message))

    def error_count(self) -> int:
        """How many errors so far; a reader compares it before and after one item
        to leave out just the item that has an error."""
        return sum(1 for p in self.problems if p.is_error)

    def warning(self, where: Source, message: str) -> None:
        self.problems.append(Problem(where, message, "warning"))

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
        self.error(where, _("{what} skal være en tabell med nøkler, ikke {found}").format(what=what, found=type_name(value)))
        return None

    def keys(self, obj: YMap, allowed: tuple[str, ...], required: tuple[str, ...], what: str) -> None:
        """Unknown keys (with a suggestion) and missing required keys."""
        for key in obj:
            if key in allowed:
                continue
            near = suggestion(key, allowed)
            if near:
                msg = _("ukjent nøkkel «{key}» i {what} – mente du «{near}»?").format(key=key, what=what, near=near)
            else:
                msg = _("ukjent nøkkel «{key}» i {what}; tillatt er: {allowed}").format(
                    key=key, what=what, allowed=", ".join(allowed)
                )
            self.error(self.key_at(obj, key), msg)
        for key in required:
            if key not in obj:
                self.error(obj.source, _("{what} mangler den påkrevde nøkkelen «{key}»").format(what=what, key=key))

    # -- values ----------------------------------------------------------
    def _wrong(self, obj, key, expected: str) -> None:
        self.error(
            self.at(obj, key),
            _("«{key}» skal være {expected}, ikke {found}").format(key=key, expected=expected, found=type_name(obj[key])),
        )

    def text(self, obj: YMap, key: str, required: bool = False) -> str | None:
        if key not in obj:
            return None
        value = obj[key]
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            if value is None and not required:
                return None
            self._wrong(obj, key, _("tekst"))
            return None
        if isinstance(value, (int, float, dt.date)):
            return str(value)  # "53 00 00 00" written without quotes stays usable
        if required and not value.strip():
            self.error(self.at(obj, key), _("«{key}» kan ikke være tom").format(key=key))
            return None
        return value.strip() if "\n" not in value.strip() else value.rstrip()

    def integer(self, obj: YMap, key: str) -> int | None:
        value = obj.get(key)
        if key not in obj:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(obj, key, _("et heltall"))
            return None
        return value

    def slug(self, obj: YMap, key: str, what: str) -> str | None:
        if key not in obj:
            return None
        value = obj[key]
        if not isinstance(value, str):
            self._wrong(obj, key, _("tekst (små bokstaver a–z, tall og bindestrek)"))
            return None
        if not SLUG.match(value):
            self.error(
                self.at(obj, key),
                _("«{value}» er ikke en gyldig id for {what}: bruk bare små bokstaver a–z, tall og bindestrek, og begynn med bokstav eller tall").format(
                    value=value, what=what
                ),
            )
            return None
        return value

    def choice(self, obj: YMap, key: str, choices: tuple[str, ...], default: str | None = None) -> str | None:
        if key not in obj:
            return default
        value = obj[key]
        if not isinstance(value, str) or value not in choices:
            near = suggestion(str(value), choices) if isinstance(value, str) else None
            hint = _(" – mente du «{near}»?").format(near=near) if near else ""
            self.error(
                self.at(obj, key),
                _("«{key}» må være en av {choices}, ikke «{value}»{hint}").format(
                    key=key, choices=", ".join(choices), value=value, hint=hint
                ),
            )
            return default
        return value

    def url(self, obj: YMap, key: str) -> str | None:
        value = self.text(obj, key)
        if value is None:
            return None
        if not URL.match(value):
            self.error(
                self.at(obj, key),
                _("«{key}» må være en nettadresse som begynner med http:// eller https://, ikke «{value}»").format(
                    key=key, value=value
                ),
            )
            return None
        return value

    def date(self, obj: YMap, key: str) -> dt.date | None:
        if key not in obj:
            return None
        value = obj[key]
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.error(self.at(obj, key), _("«{key}» skal være en dato som 2026-11-01").format(key=key))
        return None

    def text_list(self, obj: YMap, key: str) -> list[str]:
        """A list of texts (references, questions, checklist items)."""
        if key not in obj:
            return []
        value = obj[key]
        if not isinstance(value, list):
            self._wrong(obj, key, _("en liste"))
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            else:
                self.error(
                    self.at(value, i),
                    _("punkt {n} i «{key}» skal være tekst, ikke {found}").format(n=i + 1, key=key, found=type_name(item)),
                )
        return out

    def number_pair(self, obj: YMap, key: str, integers: bool) -> tuple | None:
        if key not in obj:
            return None
        value = obj[key]
        kinds = (int,) if integers else (int, float)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or any(isinstance(v, bool) or not isinstance(v, kinds) for v in value)
        ):
            expected = _("to heltall, som [6, 12]") if integers else _("to tall, som [120, 40]")
            self.error(self.at(obj, key), _("«{key}» skal være {expected}").format(key=key, expected=expected))
            return None
        return (value[0], value[1])

    def version(self, obj: YMap, known: int) -> bool:
        if "sammenkart" not in obj:
            return False  # reported as a missing key
        value = obj["sammenkart"]
        if value != known or isinstance(value, bool):
            self.error(
                self.at(obj, "sammenkart"),
                _("formatversjon «sammenkart: {value}» er ukjent; dette programmet leser versjon {known}").format(
                    value=value, known=known
                ),
            )
            return False
        return True

    def stem(self, obj: YMap, ident: str | None, stem: str) -> None:
        if ident is not None and ident != stem:
            self.error(
                self.at(obj, "id"),
                _("id «{ident}» må være lik filnavnet uten .yaml («{stem}»)").format(ident=ident, stem=stem),
            )

    def colour(self, obj: YMap, key: str) -> str | None:
        value = self.text(obj, key)
        if value is not None and not COLOUR.match(value):
            self.error(self.at(obj, key), _("«{key}» skal være en farge som \"#1b9e77\"").format(key=key))
            return None
        return value
