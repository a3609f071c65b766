"""Which keys an edited object may have, in which order, of which type:
read from the JSON Schemas in ``resources/schema/`` (the one place these are
written), so a key added to the format is editable without a change here.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from .. import paths
from ..i18n import _
from .changes import EditError

SCHEMA_OF = {"map": "kart", "pathway": "forlop", "case": "kasus"}
_INTEGER = re.compile(r"^[-+]?[0-9]+$")
_NUMBER = re.compile(r"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$")


@lru_cache(maxsize=None)
def _schema(kind: str) -> dict:
    path = paths.resources_dir() / "schema" / f"{SCHEMA_OF[kind]}.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _deref(root: dict, node: dict) -> dict:
    """Follow a local ``$ref`` ("#/$defs/...")."""
    while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/"):
        target = root
        for step in node["$ref"][2:].split("/"):
            target = target[step]
        node = target
    return node


def sub_schema(kind: str, where: tuple) -> dict:
    """The schema of the object at ``where``: key names, ``"[]"`` for a list
    item, ``"*"`` for any key of a mapping (a pathway's ``roller``)."""
    root = _schema(kind)
    node = root
    for step in where:
        node = _deref(root, node)
        if step == "[]":
            node = node.get("items", {})
        elif step == "*":
            extra = node.get("additionalProperties")
            if not isinstance(extra, dict):
                extra = next(iter(node.get("patternProperties", {}).values()), {})
            node = extra
        else:
            node = node.get("properties", {}).get(step, {})
    return _deref(root, node)


def properties(kind: str, where: tuple) -> dict[str, dict]:
    """Key → schema for the object at ``where``, in the format's order."""
    root = _schema(kind)
    return {k: _deref(root, v) for k, v in sub_schema(kind, where).get("properties", {}).items()}


def key_order(kind: str, where: tuple) -> tuple[str, ...]:
    return tuple(properties(kind, where))


def required(kind: str, where: tuple, present=None) -> tuple[str, ...]:
    """Required keys at ``where``. A schema's ``if: {required: [k]}`` / ``else:
    {required: [...]}`` adds keys required unless ``k`` is among ``present``
    (the keys the object has; None: assume it is not)."""
    node = sub_schema(kind, where)
    out = list(node.get("required", ()))
    cond, other = node.get("if"), node.get("else")
    if isinstance(cond, dict) and isinstance(other, dict) and len(cond.get("required", ())) == 1:
        if present is None or cond["required"][0] not in present:
            out += [k for k in other.get("required", ()) if k not in out]
    return tuple(out)


def check_keys(kind: str, where: tuple, fields: dict, what: str) -> None:
    """Raise ``EditError`` for a key the format does not have at ``where``."""
    allowed = properties(kind, where)
    for key in fields:
        if key not in allowed:
            raise EditError(_("ukjent nøkkel «{key}» i {what}; tillatt er: {allowed}").format(
                key=key, what=what, allowed=", ".join(allowed)))


def coerce(schema: dict, value):
    """A value typed as the schema says, when a form gives it as text:
    ``"2"`` for an integer becomes 2, ``["6", "12"]`` for integers becomes
    [6, 12]. Text that is not a number stays text, so the validator says
    what is wrong with it in its own words."""
    kind = schema.get("type")
    if isinstance(value, str):
        text = value.strip()
        if kind == "integer" and _INTEGER.match(text):
            return int(text)
        if kind == "number" and _NUMBER.match(text):
            number = float(text)
            return int(number) if number.is_integer() else number
        if kind == "boolean" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        return value
    if isinstance(value, float) and kind == "integer" and value.is_integer():
        return int(value)
    if isinstance(value, dict) and kind == "object":
        props = schema.get("properties", {})
        return {k: coerce(props.get(k, {}), v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and kind == "array":
        items = schema.get("items", {})
        return [coerce(items, v) for v in value]
    return value
