"""The JSON Schemas, the format and the bundled data must agree.

Editors use resources/schema/*.schema.json to underline mistakes while a user
types. If a key is added to the format but not to a schema, the editor would
wrongly flag correct files; if the bundled examples use a key the schema does
not know, users copying them would see red. No jsonschema library is
installed, so a small checker for the keywords our schemas use lives here.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from sammenkart import paths

SCHEMA_DIR = paths.resources_dir() / "schema"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "format.md"

# Every key of format version 1, per place, as written in the format contract.
# A path is a list of steps: a key name, "[]" for list items, "*" for a free key.
FORMAT_KEYS = {
    "kart": {
        (): ["sammenkart", "id", "navn", "type", "malform", "oppdatert", "nettside", "nivaer", "tjenester", "samarbeid",
             "henvisningsrett"],
        ("nivaer", "[]"): ["id", "navn", "beskrivelse", "farge"],
        ("tjenester", "[]"): ["id", "navn", "type", "niva", "sektor", "beskrivelse", "alder", "kontakt",
                              "plassering", "kommune", "tilgang"],
        ("tjenester", "[]", "kontakt"): ["telefon", "epost", "nettside", "adresse", "intern"],
        ("samarbeid", "[]"): ["mellom", "merknad"],
    },
    "forlop": {
        (): ["sammenkart", "id", "navn", "malform", "beskrivelse", "roller", "flyt", "sjekkliste"],
        ("roller", "*"): ["rolle", "kartlegging", "tiltak", "evaluering", "samarbeid", "henvisning"],
        ("flyt", "[]"): ["fra", "til", "art", "nar"],
    },
    "kasus": {
        (): ["sammenkart", "id", "tittel", "malform", "forlop", "alder", "ingress", "steg"],
        ("steg", "[]"): ["tittel", "tekst", "sporsmal", "involverte", "forslag", "fasilitator"],
    },
}
REQUIRED = {
    "kart": {(): ["sammenkart", "id", "navn", "tjenester"], ("tjenester", "[]"): ["id", "navn", "niva", "sektor"],
             ("nivaer", "[]"): ["id", "navn"], ("samarbeid", "[]"): ["mellom"]},
    "forlop": {(): ["sammenkart", "id", "navn", "flyt"], ("flyt", "[]"): ["fra", "til"]},
    "kasus": {(): ["sammenkart", "id", "tittel", "steg"], ("steg", "[]"): ["tittel", "tekst"]},
}


def load_schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def sub_schema(schema: dict, path: tuple) -> dict:
    for step in path:
        if step == "[]":
            schema = schema["items"]
        elif step == "*":
            schema = schema["additionalProperties"]
        else:
            schema = schema["properties"][step]
    return schema


# ----------------------------------------------------------------- checker
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}


def plain(value):
    """YAML as an editor's language server sees it: dates are strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def violations(schema: dict, value, where: str = "") -> list[str]:
    """The keywords our schemas use, checked the way draft 2020-12 defines them."""
    out = []
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_TYPES[k](value) for k in kinds):
            return [f"{where}: expected {kinds}, got {value!r}"]
    if "const" in schema and value != schema["const"]:
        out.append(f"{where}: must be {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            out.append(f"{where}: empty text")
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        out.append(f"{where}: below {schema['minimum']}")
    if isinstance(value, list):
        if not schema.get("minItems", 0) <= len(value) <= schema.get("maxItems", len(value)):
            out.append(f"{where}: wrong number of items ({len(value)})")
        for i, item in enumerate(value):
            out += violations(schema.get("items", {}), item, f"{where}[{i}]")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{where}: missing required key {key!r}")
        for key, item in value.items():
            here = f"{where}.{key}"
            names = schema.get("propertyNames")
            if names and not re.search(names["pattern"], str(key)):
                out.append(f"{here}: key does not match {names['pattern']}")
            if key in props:
                out += violations(props[key], item, here)
            elif extra is False:
                out.append(f"{here}: key not allowed here")
            elif isinstance(extra, dict):
                out += violations(extra, item, here)
    return out


def bundled_files():
    kart = paths.kart_dir()
    found = [("kart", p) for p in sorted(kart.glob("*.yaml"))]
    found += [("forlop", p) for p in sorted((kart / "forlop").glob("*.yaml"))]
    found += [("kasus", p) for p in sorted(paths.kasus_dir().glob("*.yaml"))]
    return found


def doc_examples():
    """The YAML examples in docs/format.md, keyed by the file kind they show."""
    text = DOCS.read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        data = yaml.safe_load(block)
        if not isinstance(data, dict) or data.get("sammenkart") != 1:
            continue  # fragments (a VS Code snippet, a single key) are not whole files
        kind = "kart" if "tjenester" in data else "forlop" if "flyt" in data else "kasus"
        out.append((kind, data))
    return out


# ----------------------------------------------------------------- tests
@pytest.mark.parametrize("kind", sorted(FORMAT_KEYS))
def test_schema_is_json_with_id_title_and_draft(kind):
    schema = load_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{kind}.schema.json")
    assert schema["title"]
    assert schema["properties"]["sammenkart"] == {"const": 1, "description": schema["properties"]["sammenkart"]["description"]}


@pytest.mark.parametrize("kind", sorted(FORMAT_KEYS))
def test_every_format_key_is_in_the_schema_and_nothing_else(kind):
    schema = load_schema(kind)
    for path, keys in FORMAT_KEYS[kind].items():
        here = sub_schema(schema, path)
        assert sorted(here["properties"]) == sorted(keys), path
        assert here["additionalProperties"] is False, f"{path}: typos would not be flagged"
    for path, keys in REQUIRED[kind].items():
        assert sorted(sub_schema(schema, path).get("required", [])) == sorted(keys), path


@pytest.mark.parametrize("kind", sorted(FORMAT_KEYS))
def test_every_property_has_a_norwegian_description(kind):
    def walk(schema, where):
        for key, sub in schema.get("properties", {}).items():
            assert sub.get("description"), f"{where}.{key} has no description for the editor's hover help"
            walk(sub, f"{where}.{key}")
        for child in ("items", "additionalProperties"):
            if isinstance(schema.get(child), dict):
                walk(schema[child], where + child)
    walk(load_schema(kind), kind)


def test_format_reference_mentions_every_key():
    text = DOCS.read_text(encoding="utf-8")
    for kinds in FORMAT_KEYS.values():
        for keys in kinds.values():
            for key in keys:
                assert f"`{key}`" in text, f"docs/format.md does not describe `{key}`"


def test_bundled_data_exists_for_every_kind_we_ship():
    kinds = {k for k, _ in bundled_files()}
    assert "kart" in kinds
    assert {"eksempelkommune.yaml", "fjordvik.yaml"} <= {p.name for k, p in bundled_files() if k == "kart"}


@pytest.mark.parametrize("kind,path", bundled_files(), ids=lambda x: getattr(x, "name", x))
def test_bundled_file_is_valid_against_its_schema(kind, path):
    data = plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert violations(load_schema(kind), data, path.name) == []


def test_examples_in_the_format_reference_are_valid():
    examples = doc_examples()
    assert {k for k, _ in examples} == {"kart", "forlop", "kasus"}
    for kind, data in examples:
        assert violations(load_schema(kind), plain(data), f"docs/format.md ({kind})") == []


@pytest.mark.parametrize("mistake,expected", [
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune", "beskrivlse": "x"}]}, "not allowed"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "skole"}]}, "not in"),
    ({"tjenester": [{"id": "PPT", "navn": "PPT", "niva": 1, "sektor": "kommune"}]}, "does not match"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune", "alder": [6]}]}, "wrong number"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "sektor": "kommune"}]}, "missing required key 'niva'"),
    ({"nettside": "www.example.no"}, "does not match"),
    ({"nivaer": [{"id": 0, "navn": "Alle", "farge": "grønn"}]}, "does not match"),
    ({"sammenkart": 2}, "must be 1"),
])
def test_schema_flags_the_mistakes_users_make(mistake, expected):
    good = {"sammenkart": 1, "id": "x", "navn": "X",
            "tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune"}]}
    problems = violations(load_schema("kart"), {**good, **mistake})
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("kind,doc,expected", [
    ("forlop", {"roller": {"fastlege": {"rolle": "Vurderer", "tilak": "Samtale"}}}, "not allowed"),
    ("forlop", {"roller": {"Fastlege": {"rolle": "Vurderer"}}}, "key does not match"),
    ("forlop", {"flyt": [{"fra": "fastlege", "til": "bup", "art": "henvising"}]}, "not in"),
    ("forlop", {"flyt": []}, "wrong number"),
    ("kasus", {"steg": [{"tittel": "Start", "tekst": "Tekst", "forslag": ["PPT"]}]}, "does not match"),
    ("kasus", {"steg": [{"tittel": "Start"}]}, "missing required key 'tekst'"),
    ("kasus", {"alder": -3}, "below 0"),
])
def test_pathway_and_case_schemas_flag_mistakes(kind, doc, expected):
    good = {
        "forlop": {"sammenkart": 1, "id": "angst", "navn": "Angst", "flyt": [{"fra": "fastlege", "til": "bup"}]},
        "kasus": {"sammenkart": 1, "id": "emma", "tittel": "Emma", "steg": [{"tittel": "Start", "tekst": "Tekst"}]},
    }[kind]
    problems = violations(load_schema(kind), {**good, **doc})
    assert any(expected in p for p in problems), problems


# Keywords that mean the same in draft-07 and 2020-12: editors whose language
# server only understands draft-07 (some yaml-language-server versions) then
# still check the files correctly.
PORTABLE_KEYWORDS = {
    "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties",
    "items", "enum", "const", "pattern", "minItems", "maxItems", "minimum", "minLength", "propertyNames",
    "default", "format",
}


@pytest.mark.parametrize("kind", sorted(FORMAT_KEYS))
def test_schema_uses_only_keywords_older_editors_understand(kind):
    def walk(schema, where):
        assert set(schema) <= PORTABLE_KEYWORDS, f"{where}: {set(schema) - PORTABLE_KEYWORDS}"
        assert not isinstance(schema.get("items"), list), f"{where}: tuple items differ between drafts"
        for sub in schema.get("properties", {}).values():
            walk(sub, where + ".properties")
        for child in ("items", "additionalProperties", "propertyNames"):
            if isinstance(schema.get(child), dict):
                walk(schema[child], f"{where}.{child}")
    walk(load_schema(kind), kind)
