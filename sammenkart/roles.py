"""The standard roles (service types) and how they are named to users.

One table, ``resources/roller.yaml`` (shipped in the package), read once:

    {type: Role(type, navn={"nb", "nn", "en"}, kort={"nb", "nn", "en"})}

``navn`` is the role's usual name, shown where a card or a line stands for a
role rather than for one office (the regional view; a step whose service the
map lacks: "Ungdomspsykiatrisk døgnavdeling (finnes ikke i kartet)" — users
see names, never ids). ``kort`` is the short form inside a sentence ("Fjordvik
har ingen PPT i kartet"). docs/roller.md lists the same types in the same
order (a test keeps them equal).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from .i18n import current_language
from .paths import resources_dir

LANGUAGES = ("nb", "nn", "en")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Role:
    type: str
    navn: dict  # language ("nb", "nn", "en") -> usual name
    kort: dict  # language -> short form for a sentence

    def name(self, lang: str | None = None) -> str:
        return self.navn.get(lang or "nb") or self.navn["nb"]

    def short(self, lang: str | None = None) -> str:
        return self.kort.get(lang or "nb") or self.kort["nb"]


def roles_file():
    return resources_dir() / "roller.yaml"


@lru_cache(maxsize=1)
def standard_roles() -> dict[str, Role]:
    """Every standard role by type, in the table's order.

    Raises ValueError when the shipped table lacks a column (a packaging bug,
    not a user's mistake; the test suite reads every entry).
    """
    data = yaml.load(roles_file().read_text(encoding="utf-8"), Loader=_LOADER) or {}
    out: dict[str, Role] = {}
    for key, entry in data.items():
        cols = {}
        for col in ("navn", "kort"):
            value = entry.get(col) if isinstance(entry, dict) else None
            if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in LANGUAGES):
                raise ValueError(f"{roles_file()}: «{key}» needs {col} with {', '.join(LANGUAGES)}")
            cols[col] = {lang: value[lang] for lang in LANGUAGES}
        out[str(key)] = Role(str(key), **cols)
    return out


def role_name(role: str, lang: str | None = None) -> str | None:
    """The standard role's usual name in ``lang`` (default: the language the
    texts speak now), or None for a role we do not know."""
    known = standard_roles().get(role)
    return known.name(lang or current_language()) if known else None


def role_label(reference: str, lang: str | None = None) -> str:
    """How a step's or case's reference is named to users: the role's usual
    name, or for a reference that is no standard role its words
    ("mitt-team" → "mitt team"), never the bare id."""
    return role_name(reference, lang) or reference.replace("-", " ")


def role_in_sentence(reference: str, lang: str | None = None) -> str:
    """The short form for a sentence ("PPT", "helsestasjon for ungdom")."""
    known = standard_roles().get(reference)
    return known.short(lang or current_language()) if known else reference.replace("-", " ")


# The usual names in bokmål by type (the source text other code and tests read).
ROLE_NAMES: dict[str, str] = {t: r.name("nb") for t, r in standard_roles().items()}
