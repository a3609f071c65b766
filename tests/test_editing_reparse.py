"""An edit that replaces one value in place is read again from the parse of
the text before (editing.reparse): the map and its problems must be exactly
what reading the whole edited text gives (what ``sammenkart validate`` says)."""
from __future__ import annotations

import pytest
from editing_helpers import MAP, bundled_copy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sammenkart import loader
from sammenkart.editing import EditError, Editor
from sammenkart.editing import document as document_module
from sammenkart.yamlfile import YList, YMap, parse_yaml

SERVICES = ["ppt", "bup", "helsestasjon", "skole-nord", "barnevern", "legevakt"]


@pytest.fixture
def editor(tmp_path):
    return Editor.open(bundled_copy(tmp_path))


@pytest.fixture
def whole_parses(monkeypatch):
    """How many times an open file's text is parsed whole (not followed)."""
    calls = []
    real = document_module.parse_yaml

    def counted(text, shown):
        calls.append(shown)
        return real(text, shown)

    monkeypatch.setattr(document_module, "parse_yaml", counted)
    return calls


def read_whole(ed: Editor):
    doc = ed.document("map", MAP)
    return loader.load_text(doc.text, doc.path, "map")


def places(value, at="") -> list:
    """Every value of a parse with where it was written (keys, values, items), in order."""
    out = []
    if isinstance(value, YMap):
        out.append((at, "map", value.source))
        for k, v in value.items():
            out.append((f"{at}.{k}", "key", value.key_sources[k], "value", value.value_sources[k]))
            out += places(v, f"{at}.{k}")
    elif isinstance(value, YList):
        out.append((at, "list", value.source, list(value.item_sources)))
        for i, v in enumerate(value):
            out += places(v, f"{at}[{i}]")
    else:
        out.append((at, value))
    return out


def same_as_whole(ed: Editor) -> None:
    """The snapshot (followed or not) is what reading the whole text gives:
    the parse with every place, the map and the problems."""
    doc = ed.document("map", MAP)
    obj, problems = doc.snapshot()
    whole_obj, whole_problems = read_whole(ed)
    assert problems == whole_problems
    assert obj == whole_obj
    parsed = doc._parsed.get(doc.text)
    if parsed is not None:
        whole = parse_yaml(doc.text, loader._shown(doc.path))
        assert places(parsed[0]) == places(whole[0]) and parsed[1] == whole[1]


def test_values_replaced_in_place_are_followed_and_read_as_the_whole_text_is(editor, whole_parses):
    ed = editor
    ed.problems()
    doc = ed.document("map", MAP)
    edits = [
        ("ppt", {"beskrivelse": "Én linje nå."}),  # a two-line folded block becomes one: places below move up
        ("ppt", {"beskrivelse": "Kort: med «sitat» og # ikke kommentar"}),
        ("bup", {"navn": "BUP – barne- og ungdomspsykiatrisk poliklinikk"}),
        ("bup", {"kontakt": {"telefon": "55 00 00 00"}}),
        ("helsestasjon", {"tilgang": "henvisning"}),
        ("legevakt", {"alder": [12, 3]}),  # an error in the map: the reader's problem, at its line
        ("barnevern", {"navn": "Barneverntjenesten\u0301"}),  # combining accent: NFC as the parser gives it
    ]
    followed = 0

    def check(step, edit: bool = False) -> None:
        nonlocal followed
        before, splice = doc._derived_from
        n = len(whole_parses)
        same_as_whole(ed)
        if edit and "alder" not in step[2]:  # a flow list [12, 3] is not one scalar: parsed whole
            assert len(whole_parses) == n, f"{step}: one value replaced, yet the file was parsed whole"
            followed += 1

    for sid, values in edits:
        ed.set_service(MAP, sid, **values)
        check(("edit", sid, values), edit=True)
    assert any(p.is_error and "alder" in p.message for p in ed.problems())
    for _ in edits:  # back beyond the texts kept: read again (whole, or followed where the tree is at hand)
        ed.undo()
        check("undo")
    for _ in edits:
        ed.redo()
        check("redo")
    assert followed == 6


def test_a_new_key_or_a_file_with_a_problem_is_parsed_whole(editor, whole_parses):
    ed = editor
    ed.problems()
    n = len(whole_parses)
    ed.set_service(MAP, "ppt", beskrivelse="Første linje\nandre linje\ntredje linje")  # | block: lines move
    same_as_whole(ed)
    assert len(whole_parses) == n
    assert "tilgang" not in ed.map(MAP).service("barnehage-sentrum").__dict__ or \
        ed.map(MAP).service("barnehage-sentrum").tilgang is None
    ed.set_service(MAP, "barnehage-sentrum", tilgang="direkte")  # a key it did not have: a new line
    same_as_whole(ed)
    assert len(whole_parses) == n + 1
    doc = ed.document("map", MAP)
    # a tag in the file is a problem the parse reports: no following from such a text
    doc.set_text(doc.text.replace("navn: Eksempelkommune", "navn: !!str Eksempelkommune", 1))
    ed._revision += 1
    assert any("YAML-merket" in p.message for p in ed.problems())
    same_as_whole(ed)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.tuples(st.sampled_from(SERVICES), st.sampled_from(["navn", "beskrivelse", "telefon"]), TEXT),
                    min_size=1, max_size=5))
def test_any_text_written_reads_as_the_whole_file_would(tmp_path_factory, ops):
    ed = Editor.open(bundled_copy(tmp_path_factory.mktemp("reparse")))
    ed.problems()
    for sid, key, text in ops:
        values = {"kontakt": {"telefon": text or None}} if key == "telefon" else {key: text or None}
        try:
            ed.set_service(MAP, sid, **values)
        except EditError:
            continue
        same_as_whole(ed)
    while ed.undo():
        same_as_whole(ed)
