"""The JSON Schemas, the format and the bundled data must agree.

Editors use resources/schema/*.schema.json to underline mistakes while a user
types, and ``sammenkart`` reads its keys, enums and types from the same files.
If a key is added to the format but not to a schema, the editor would wrongly
flag correct files; if the bundled examples use a key the schema does not
know, users copying them would see red. The files are checked here with the
``jsonschema`` library, reading YAML the way an editor's language server does
(YAML 1.2 core schema), not with our own reader.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from sammenkart import paths

SCHEMA_DIR = paths.resources_dir() / "schema"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "format.md"

# Every key of format version 1, per place, as written in the format contract.
# A path is a list of steps: a key name, "[]" for list items, "*" for a free key.
FORMAT_KEYS = {
    "kart": {
        (): ["sammenkart", "id", "navn", "type", "malform", "oppdatert", "revidert", "neste_revisjon", "nettside",
             "nivaer", "tjenester", "samarbeid", "henvisningsrett"],
        ("nivaer", "[]"): ["id", "navn", "beskrivelse", "farge"],
        ("tjenester", "[]"): ["id", "navn", "type", "niva", "sektor", "beskrivelse", "alder", "kontakt",
                              "plassering", "kommune", "tilgang", "revisjon"],
        ("tjenester", "[]", "revisjon"): ["status", "merknad", "dato", "ansvar"],
        ("tjenester", "[]", "kontakt"): ["telefon", "epost", "nettside", "adresse", "intern"],
        ("samarbeid", "[]"): ["mellom", "merknad"],
    },
    "forlop": {
        (): ["sammenkart", "id", "navn", "malform", "grunnlag", "revidert", "beskrivelse", "roller", "flyt",
             "sjekkliste"],
        ("roller", "*"): ["rolle", "kartlegging", "tiltak", "evaluering", "samarbeid", "henvisning", "revisjon"],
        ("roller", "*", "revisjon"): ["status", "merknad", "dato", "ansvar"],
        ("flyt", "[]"): ["fra", "til", "art", "nar"],
    },
    "kasus": {
        (): ["sammenkart", "id", "tittel", "malform", "forlop", "alder", "ingress", "steg"],
        ("steg", "[]"): ["tittel", "tekst", "sporsmal", "involverte", "forslag", "fasilitator"],
    },
}
REQUIRED = {
    "kart": {(): ["sammenkart", "id", "navn", "tjenester"], ("tjenester", "[]"): ["id", "navn", "niva", "sektor"],
             ("nivaer", "[]"): ["id", "navn"], ("samarbeid", "[]"): ["mellom"],
             ("tjenester", "[]", "revisjon"): ["status"]},
    # navn and flyt are required unless the pathway adapts a shared text («grunnlag», 1.1): see
    # test_a_local_adaptation_needs_neither_name_nor_flow
    "forlop": {(): ["sammenkart", "id"], ("flyt", "[]"): ["fra", "til"], ("roller", "*", "revisjon"): ["status"]},
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


# ----------------------------------------------------------------- YAML as an editor reads it
class Yaml12Loader(yaml.SafeLoader):
    """The YAML 1.2 core schema (what yaml-language-server uses): only true/false,
    null/~, decimal/0o/0x integers and decimal floats are guessed; 08:15, no,
    0301-as-octal and dates are not."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _regex, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
]:
    Yaml12Loader.add_implicit_resolver(_tag, re.compile(_regex), list(_first))


def _int12(loader, node):
    text = loader.construct_scalar(node)
    return int(text[2:], 8) if text.startswith("0o") else int(text, 16) if text.startswith("0x") else int(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)
Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: loader.construct_scalar(node) in ("true", "True", "TRUE"))


def plain(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


def violations(schema: dict, value, where: str = "") -> list[str]:
    """Every way ``value`` breaks ``schema``, by the jsonschema library (draft 2020-12)."""
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{where}/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(value)]


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
        data = plain(block)
        if not isinstance(data, dict) or data.get("sammenkart") != 1:
            continue  # fragments (a VS Code snippet, a single key) are not whole files
        kind = "kart" if "tjenester" in data else "forlop" if "flyt" in data or "grunnlag" in data else "kasus"
        out.append((kind, data))
    return out


# ----------------------------------------------------------------- tests
@pytest.mark.parametrize("kind", sorted(FORMAT_KEYS))
def test_schema_is_json_with_id_title_and_draft(kind):
    schema = load_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{kind}.schema.json")
    assert schema["title"]
    jsonschema.Draft202012Validator.check_schema(schema)  # a valid schema by the metaschema
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
    data = plain(path.read_text(encoding="utf-8"))
    assert violations(load_schema(kind), data, path.name) == []


def test_examples_in_the_format_reference_are_valid():
    examples = doc_examples()
    assert {k for k, _ in examples} == {"kart", "forlop", "kasus"}
    for kind, data in examples:
        assert violations(load_schema(kind), data, f"docs/format.md ({kind})") == []


@pytest.mark.parametrize("mistake,expected", [
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune", "beskrivlse": "x"}]}, "not allowed"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "skole"}]}, "is not one of"),
    ({"tjenester": [{"id": "PPT", "navn": "PPT", "niva": 1, "sektor": "kommune"}]}, "does not match"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune", "alder": [6]}]}, "too short"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "sektor": "kommune"}]}, "'niva' is a required property"),
    ({"tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune", "kontakt": {"telefon": 53000000}}]},
     "is not of type 'string'"),
    ({"nettside": "www.example.no"}, "does not match"),
    ({"nivaer": [{"id": 0, "navn": "Alle", "farge": "grønn"}]}, "does not match"),
    ({"sammenkart": 2}, "1 was expected"),
])
def test_schema_flags_the_mistakes_users_make(mistake, expected):
    good = {"sammenkart": 1, "id": "x", "navn": "X",
            "tjenester": [{"id": "ppt", "navn": "PPT", "niva": 1, "sektor": "kommune"}]}
    problems = violations(load_schema("kart"), {**good, **mistake})
    assert any(expected in p for p in problems), problems


def test_a_local_adaptation_needs_neither_name_nor_flow():
    schema = load_schema("forlop")
    local = {"sammenkart": 1, "id": "angst", "malform": "nn", "grunnlag": "../../region/kart/forlop/angst.yaml",
             "roller": {"fastlege": {"tiltak": "Eigen tekst", "revisjon": {"status": "gul", "dato": "2026-11-20"}}}}
    assert violations(schema, local) == []
    del local["grunnlag"]
    problems = violations(schema, local)
    assert any("'navn' is a required property" in p for p in problems), problems
    assert any("'flyt' is a required property" in p for p in problems), problems


@pytest.mark.parametrize("kind,doc,expected", [
    ("forlop", {"roller": {"fastlege": {"rolle": "Vurderer", "tilak": "Samtale"}}}, "not allowed"),
    ("forlop", {"roller": {"Fastlege": {"rolle": "Vurderer"}}}, "does not match"),
    ("forlop", {"flyt": [{"fra": "fastlege", "til": "bup", "art": "henvising"}]}, "is not one of"),
    ("forlop", {"flyt": []}, "should be non-empty"),
    ("kasus", {"steg": [{"tittel": "Start", "tekst": "Tekst", "forslag": ["PPT"]}]}, "does not match"),
    ("kasus", {"steg": [{"tittel": "Start"}]}, "'tekst' is a required property"),
    ("kasus", {"alder": -3}, "less than the minimum of 0"),
    ("forlop", {"roller": {"fastlege": {"revisjon": {"status": "grønn"}}}}, "is not one of"),
    ("forlop", {"roller": {"fastlege": {"revisjon": {"merknad": "Sjekk"}}}}, "'status' is a required property"),
    ("forlop", {"revidert": "20.11.2026"}, "does not match"),
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
    "if", "else",  # since draft-07: a pathway with «grunnlag» need not write navn and flyt
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
