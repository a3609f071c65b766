"""The standard roles (service types) and how they are named to users.

One table, ``resources/roller.yaml`` (shipped in the package), read once:

    {type: Role(type, navn={"nb": ..., "nn": ..., "en": ...})}

The types are the ones docs/roller.md lists (a test keeps the two equal).
Pathways and cases name services by type; when a map lacks a service for a
step, screens name the role ("BUP (finnes ikke i kartet)"), never the id.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from .paths import resources_dir

LANGUAGES = ("nb", "nn", "en")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Role:
    type: str
    navn: dict  # language code ("nb", "nn", "en") -> label

    def label(self, lang: str = "nb") -> str:
        return self.navn.get(lang) or self.navn["nb"]


def roles_file():
    return resources_dir() / "roller.yaml"


@lru_cache(maxsize=1)
def standard_roles() -> dict[str, Role]:
    """Every standard role by type, in the file's order.

    Raises ValueError when the shipped table is malformed (a packaging bug,
    not a user's mistake; the test suite reads it).
    """
    data = yaml.load(roles_file().read_text(encoding="utf-8"), Loader=_LOADER) or {}
    out: dict[str, Role] = {}
    for key, entry in data.items():
        names = (entry or {}).get("navn") if isinstance(entry, dict) else None
        if not isinstance(key, str) or not isinstance(names, dict) or not isinstance(names.get("nb"), str):
            raise ValueError(f"{roles_file()}: «{key}» needs navn with at least nb")
        out[key] = Role(key, {k: str(v) for k, v in names.items()})
    return out


def role_label(reference: str, lang: str = "nb") -> str:
    """How a reference is named to users: the role's label in ``lang`` (a map's
    målform, or "en"), or for a non-standard reference the words of it
    ("mitt-team" → "mitt team")."""
    role = standard_roles().get(reference)
    if role is not None:
        return role.label(lang)
    return reference.replace("-", " ")


def in_sentence(label: str) -> str:
    """A label inside a sentence: "Fastlege" → "fastlege", but "BUP akutteam" stays."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label
