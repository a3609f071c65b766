"""What users write is what they get: text as written, errors at their place, files that cannot hurt.

Inputs in tests/data/hunt/ are copies of ../shared/hunt/ (built from public
bug reports of YAML libraries); the rest are written here.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from sammenkart.checks import looks_like_phone
from sammenkart import cli, yamlfile
from sammenkart.loader import load_map_file, load_pathway_file, load_workspace
from sammenkart.model import Problem, Source

HUNT = Path(__file__).parent / "data" / "hunt"
ROOT = Path(__file__).parent.parent

SERVICE = "  - id: {id}\n    navn: {navn}\n    niva: 0\n    sektor: kommune\n"


def _map(tmp_path: Path, body: str, name: str = "k") -> Path:
    f = tmp_path / f"{name}.yaml"
    f.write_text(f"sammenkart: 1\nid: {name}\nnavn: K\n" + body, encoding="utf-8")
    return f


def _errors(problems) -> list[str]:
    return [str(p) for p in problems if p.is_error]


def _at(texts, where: str, *words) -> bool:
    return any(where in t and all(w in t for w in words) for t in texts)


# ----------------------------------------------------------------- the hunt's inputs
def test_h1_case_step_titles_that_look_like_times_load_as_written():
    ws = load_workspace(HUNT / "h1")
    assert not ws.errors, [str(p) for p in ws.errors]
    assert [st.tittel for st in ws.cases["dag-ida"].steg] == ["08:15", "11:40", "14:30"]


def test_h2_phones_and_municipality_numbers_load_exactly_as_written():
    ws = load_workspace(HUNT / "h2")
    assert not ws.errors, [str(p) for p in ws.errors]
    m = ws.maps["smaavik"]
    assert [s.kontakt.telefon for s in m.tjenester] == ["+4722334455", "004722334455", "22_33_44_55"]
    assert m.service("helsestasjon").kommune == "0301"


def test_tags_explicit_tag_is_an_error_at_its_place_not_a_traceback(capsys):
    assert cli.main(["validate", str(HUNT / "tags")]) == 1
    out = capsys.readouterr().out
    assert re.search(r"tags/kart/a\.yaml:3:7: feil: YAML-merket «!!bool» er ikke tillatt", out), out


def test_h9_step_and_link_from_a_service_to_itself_are_warned_at_their_lines():
    ws = load_workspace(HUNT / "h9")
    assert not ws.errors
    warnings = [str(p) for p in ws.problems if not p.is_error]
    assert _at(warnings, "drofting.yaml:7:5:", "steg 2", "«fastlege»", "seg selv")
    assert _at(warnings, "smaavik.yaml:22:13:", "«skole»", "seg selv")
    # kept, not dropped: the pathway still has its three steps, the map its link
    assert len(ws.pathways["drofting"].flyt) == 3 and len(ws.maps["smaavik"].samarbeid) == 1


# ----------------------------------------------------------------- text stays text
@pytest.mark.parametrize("written", ["08:15", "11:40", "0301", "+4722334455", "004722334455", "22_33_44_55", "Off",
                                     "Yes", "no", "~", "null", "1e3", ".inf", "2026-01-02", "0x1F", "0o17", "1_000"])
def test_text_fields_keep_what_yaml_1_1_would_guess(tmp_path, written):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn=written)
             + f"    kommune: {written}\n    kontakt:\n      telefon: {written}\n      adresse: {written}\n")
    m, problems = load_map_file(f)
    # the only word on them: «Off» or «0x1F» is no phone number (a warning; the text is kept)
    phone = [p for p in problems if "telefonnummer" in p.message]
    assert len(phone) == (0 if looks_like_phone(written) else 1) and not any(p.is_error for p in phone)
    assert not [p for p in problems if p not in phone], [str(p) for p in problems]
    s = m.tjenester[0]
    assert (s.navn, s.kommune, s.kontakt.telefon, s.kontakt.adresse) == (written,) * 4


def test_checklist_items_off_and_yes_are_text(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("sammenkart: 1\nid: p\nnavn: P\nflyt:\n  - fra: a\n    til: b\nsjekkliste:\n  - Off\n  - Yes\n  - 2026-01-01\n",
                 encoding="utf-8")
    p, problems = load_pathway_file(f)
    assert not problems and p.sjekkliste == ["Off", "Yes", "2026-01-01"]


@pytest.mark.parametrize("written,expected", [("no", "«no»"), ("No", "«No»"), ("false", "«false»"), ("~", "«~»")])
def test_an_enum_given_something_else_quotes_what_was_written(tmp_path, written, expected):
    f = _map(tmp_path, f"malform: {written}\ntjenester:\n" + SERVICE.format(id="a", navn="A"))
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:4:10:", "«malform»", "nb, nn", expected)


@pytest.mark.parametrize("written", ["en", "1.5", "0x10", "1_0", "08:15", "yes", "~", "null", "1e3"])
def test_an_integer_field_given_text_is_an_error_quoting_it(tmp_path, written):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A").replace("niva: 0", f"niva: {written}"))
    m, problems = load_map_file(f)
    assert m is None  # the only service has an error: left out, so no map
    assert _at(_errors(problems), "k.yaml:7:11:", "«niva»", "heltall", f"«{written}»")


def test_integer_fields_read_decimal_as_written(tmp_path):
    f = _map(tmp_path, "nivaer:\n  - id: 00\n    navn: Null\n  - id: +1\n    navn: En\n"
             "tjenester:\n" + SERVICE.format(id="a", navn="A").replace("niva: 0", "niva: 01")
             + "    alder: [06, 012]\n    plassering: [1e2, -2.5]\n")
    m, problems = load_map_file(f)
    assert not problems, [str(p) for p in problems]
    assert [lv.id for lv in m.nivaer] == [0, 1]
    s = m.tjenester[0]
    assert (s.niva, s.alder, s.plassering) == (1, (6, 12), (100.0, -2.5))


@pytest.mark.parametrize("digits", ["0x" + "f" * 3600, "9" * 3600, "-" + "9" * 400])
def test_huge_numbers_are_a_clean_error(tmp_path, digits):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A").replace("niva: 0", f"niva: {digits}"))
    _, problems = load_map_file(f)
    texts = _errors(problems)
    assert _at(texts, "k.yaml:7:11:", "«niva»") and all(len(t) < 300 for t in texts), texts


@pytest.mark.parametrize("number", [".inf", "-.inf", ".nan", "1e999", "1_0.5", "Infinity"])
def test_a_number_field_refuses_what_is_not_a_finite_decimal(tmp_path, number):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A") + f"    plassering: [1, {number}]\n")
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:9:21:", "punkt 2 i «plassering»", f"«{number}»")


@pytest.mark.parametrize("date,ok", [("2026-11-01", True), ('"2026-11-01"', True), ("2026-13-45", False),
                                     ("2026-1-2", False), ("20261101", False), ("2026-11-01T10:00:00", False)])
def test_dates_are_read_by_the_schema(tmp_path, date, ok):
    import datetime as dt

    f = _map(tmp_path, f"oppdatert: {date}\ntjenester:\n" + SERVICE.format(id="a", navn="A"))
    m, problems = load_map_file(f)
    if ok:
        assert not problems and m.oppdatert == dt.date(2026, 11, 1)
    else:
        assert _at(_errors(problems), "k.yaml:4:12:", "«oppdatert»", "dato", date.strip('"'))


def test_an_empty_value_is_nothing_and_an_empty_required_text_an_error(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A") + "    beskrivelse:\n"
             + SERVICE.format(id="b", navn='""'))
    m, problems = load_map_file(f)
    assert m.service("a").beskrivelse is None
    assert _at(_errors(problems), "k.yaml:11:11:", "«navn»", "tom")


def test_block_text_keeps_its_line_breaks_and_folded_text_flows(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A")
             + "    beskrivelse: |\n      Linje 1\n      Linje 2\n    kommune: >\n      Ord\n      ord\n")
    m, _ = load_map_file(f)
    assert m.tjenester[0].beskrivelse == "Linje 1\nLinje 2" and m.tjenester[0].kommune == "Ord ord"


# ----------------------------------------------------------------- explicit tags
@pytest.mark.parametrize("tagged", ["!!bool kanskje", "!!int", "!!int 3", "!!float 1.5", "!!timestamp 2026-01-01",
                                    "!!str Skolen", "!x y", "! y", "!!binary aGk=", "!!python/object:os.system x",
                                    "!!map {a: 1}", "!!seq [1]", "!<tag:x> y"])
def test_every_explicit_tag_is_an_error_at_its_place(tmp_path, tagged):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn=tagged))
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:6:11:", "YAML-merket", f"«{tagged.split()[0]}»"), [str(p) for p in problems]


# ----------------------------------------------------------------- Unicode
def test_text_is_normalised_to_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Kárášjohka")
    assert decomposed != "Kárášjohka"
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn=decomposed))
    m, _ = load_map_file(f)
    assert m.tjenester[0].navn == "Kárášjohka"


@pytest.mark.parametrize("escape,code", [("\\x07", "U+0007"), ("\\e", "U+001B"), ("\\0", "U+0000"), ("\\x9b", "U+009B"),
                                         ("\\r", "U+000D"), ("\\u007f", "U+007F")])
def test_escaped_control_characters_are_errors_at_the_escape(tmp_path, escape, code):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn=f'"Skole{escape}n"'))
    m, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:6:17:", code)  # at the backslash
    assert all(ch not in str(problems) for ch in "\x07\x1b\x00\x9b\r\x7f")


def test_tab_and_newline_escapes_are_allowed(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn='"A\\tB"') + '    beskrivelse: "1\\n2"\n')
    m, problems = load_map_file(f)
    assert not problems and m.tjenester[0].navn == "A\tB" and m.tjenester[0].beskrivelse == "1\n2"


def test_lone_surrogate_is_an_error_with_its_place_and_reason(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn='"x\\uD800"'))
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:6:11:", "YAML-syntaksfeil", "surrogat", "oppdaget på linje 6")


def test_raw_control_character_is_named_at_its_place(tmp_path):
    f = tmp_path / "k.yaml"
    f.write_bytes("sammenkart: 1\nid: k\nnavn: Æøå\x07\n".encode())
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:3:10:", "U+0007")


def test_messages_never_print_control_characters_raw():
    p = Problem(Source("f.yaml", 1, 1), "«a\x07b\x1b[31mc\u202ed\ud800»")
    text = str(p)
    assert "U+0007" in text and "U+001B" in text and "U+202E" in text and "U+D800" in text
    assert not re.search("[\x00-\x1f\x7f\u202e\ud800]", text)
    text.encode("utf-8")  # printable on a UTF-8 terminal: no lone surrogate left


def test_validate_prints_a_key_with_a_control_character_escaped(tmp_path, capsys):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A") + '    "k\\e[31m": 1\n')
    assert cli.main(["validate", str(f)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "k.yaml:9:5:" in out and "k.yaml:9:7:" in out


# ----------------------------------------------------------------- syntax errors
def test_syntax_error_is_found_by_the_parser_that_failed_not_a_harmless_tab(tmp_path):
    # line 6 has a tab before a comment (valid YAML); line 13 opens a «[» that is never closed
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="Skolen\t# kommentar")
             + "  - id: b\n    navn: B\n    niva: 0\n    sektor: kommune\n    alder: [6, 12\n"
             + SERVICE.format(id="c", navn="C"))
    _, problems = load_map_file(f)
    texts = _errors(problems)
    assert len(texts) == 1, texts
    assert _at(texts, "k.yaml:13:12:", "YAML-syntaksfeil", "«]»", "oppdaget på linje 14")


def test_unclosed_quote_is_reported_where_it_opens(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn='"Skolen') + SERVICE.format(id="b", navn="B"))
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:6:11:", "YAML-syntaksfeil", "anførselstegn", "oppdaget på linje")


@pytest.mark.parametrize("body,where,words", [
    ("tjenester:\n  - id: a\n    navn: A\n   niva: 0\n", "k.yaml:7:4:", ["innrykk"]),
    ("tjenester:\n  - id: a\n    navn: Dette: er feil\n", "k.yaml:6:16:", ["anførselstegn"]),
    ("tjenester:\n  - id: a\n    navn A\n    niva: 0\n", "k.yaml:6:5:", ["«:»", "oppdaget på linje 7"]),
    ("tjenester:\n  - id: a\n    navn: {x: 1\n", "k.yaml:6:11:", ["«}»"]),
    ("tjenester:\n\t- id: a\n", "k.yaml:5:1:", ["tabulator"]),
    ("navn2: @x\n", "k.yaml:4:8:", ["anførselstegn"]),
])
def test_syntax_errors_are_in_norwegian_at_the_right_place(tmp_path, body, where, words):
    f = _map(tmp_path, body)
    _, problems = load_map_file(f)
    texts = _errors(problems)
    assert _at(texts, where, "YAML-syntaksfeil", *words), texts
    assert not any(w in t for t in texts for w in ("while ", "found ", "expected", "could not")), texts


def test_more_than_one_document_is_an_error(tmp_path):
    f = _map(tmp_path, "tjenester: []\n---\nid: x\n")
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:5:1:", "mer enn ett")


# ----------------------------------------------------------------- limits
def test_a_fifo_is_refused_without_hanging(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    kart = tmp_path / "kart"
    kart.mkdir()
    os.mkfifo(kart / "ror.yaml")
    (kart / "ok.yaml").write_text("sammenkart: 1\nid: ok\nnavn: Ok\ntjenester:\n" + SERVICE.format(id="a", navn="A"),
                                  encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "sammenkart", "validate", str(kart), str(kart / "ror.yaml")],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 1
    assert "ror.yaml:1:1: feil: filen blir ikke lest: den er en FIFO" in proc.stdout
    assert "2 kart" in proc.stderr  # read (or refused): the good map and the FIFO, each once


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_link_to_a_device_is_refused_without_reading(tmp_path):
    (tmp_path / "null.yaml").symlink_to("/dev/zero")
    t0 = time.perf_counter()
    m, problems = load_map_file(tmp_path / "null.yaml")
    assert m is None and _at(_errors(problems), "null.yaml:1:1:", "enhet")
    assert time.perf_counter() - t0 < 2


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.bind(str(path))
        except OSError:
            pytest.skip("cannot bind a socket here")
        m, problems = load_map_file(path)
    assert m is None and _at(_errors(problems), "s.yaml:1:1:", "socket")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_the_read_itself_is_bounded_when_the_size_says_nothing():
    # files in /proc say they are 0 bytes long; the read must still stop at the limit
    assert os.stat("/proc/self/status").st_size == 0
    raw, reason = yamlfile.read_limited("/proc/self/status", limit=64)
    assert raw is None and "MB" in reason


def test_a_megabyte_of_aliases_to_one_long_text_is_refused_quickly(tmp_path):
    long = "a" * 400_000
    body = f"sammenkart: 1\nid: alias\nnavn: &n {long}\ntjenester:\n"
    rows = []
    while len(body) + sum(map(len, rows)) < 1_000_000:
        rows.append("  - {id: x, navn: *n, niva: 0, sektor: kommune}\n")
    f = tmp_path / "alias.yaml"
    f.write_text(body + "".join(rows), encoding="utf-8")
    t0 = time.perf_counter()
    m, problems = load_map_file(f)
    assert time.perf_counter() - t0 < 2
    assert m is None and _at(_errors(problems), "alias.yaml:", "aliasene", "*n")


def test_a_region_with_10000_services_and_shared_aliases_is_not_refused(tmp_path):
    rows = ["sammenkart: 1\nid: stor\nnavn: Stor region\ntype: region\ntjenester:\n"]
    rows.append("  - {id: s0, navn: S, niva: 0, sektor: kommune, kontakt: &k {telefon: '116 111', adresse: Sentrum}}\n")
    for i in range(1, 10_000):
        rows.append(f"  - id: s{i}\n    navn: Tjeneste {i}\n    type: skole\n    niva: {i % 4}\n    sektor: kommune\n"
                    f"    kommune: Kommune {i % 240:03d}\n    kontakt: *k\n")
    f = tmp_path / "stor.yaml"
    f.write_text("".join(rows), encoding="utf-8")
    m, problems = load_map_file(f)
    assert not problems, [str(p) for p in problems[:3]]
    assert len(m.tjenester) == 10_000 and m.tjenester[-1].kontakt.telefon == "116 111"


def test_alias_budget_is_sized_from_the_file():
    assert yamlfile.alias_budget(10, 5) == (yamlfile.ALIAS_MIN_VALUES, yamlfile.ALIAS_MIN_CHARS)
    assert yamlfile.alias_budget(4_000_000, 900_000) == (900_000, 4_000_000)


def test_an_undefined_alias_is_an_error(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="*ingen"))
    _, problems = load_map_file(f)
    assert _at(_errors(problems), "k.yaml:6:11:", "*ingen")


def test_merge_keys_and_non_text_keys_are_refused(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="a", navn="A") + "    <<: {kommune: X}\n    [x]: 1\n")
    _, problems = load_map_file(f)
    texts = _errors(problems)
    assert _at(texts, "k.yaml:9:5:", "«<<»") and _at(texts, "k.yaml:10:5:", "nøkkel må være tekst")


# ----------------------------------------------------------------- validate MAPPE
def _folder_with_a_broken_map(tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    (root / "kart" / "forlop").mkdir(parents=True)
    (root / "kart" / "bare.yaml").write_text("sammenkart: 1\nid: bare\nnavn: Bare\ntjenester:\n"
                                             + SERVICE.format(id="a", navn="A").replace("sektor: kommune", "sektor: x"),
                                             encoding="utf-8")
    (root / "kart" / "forlop" / "f.yaml").write_text("sammenkart: 1\nid: f\nnavn: F\nflyt:\n  - fra: a\n    til: ppt\n",
                                                     encoding="utf-8")
    return root


def test_validate_a_folder_checks_that_folder_and_counts_what_was_read(tmp_path, capsys):
    root = _folder_with_a_broken_map(tmp_path)
    assert cli.main(["validate", str(root)]) == 1
    captured = capsys.readouterr()
    assert "1 kart, 1 forløp, 0 kasus sjekket: 1 feil, 1 advarsel" in captured.err
    # the card with a sector that does not exist cannot be drawn: the user is told so
    assert "bare.yaml:5:5: advarsel: tjenesten «a» vises ikke i kartet før feilen over er rettet" in captured.out
    assert "Eksempelkommune" not in captured.out + captured.err and "eksempel" not in captured.err


def test_validate_loose_pathway_files_says_they_were_checked_against_the_bundled_maps(tmp_path, capsys):
    root = _folder_with_a_broken_map(tmp_path)
    assert cli.main(["validate", str(root / "kart" / "forlop" / "f.yaml")]) == 0
    captured = capsys.readouterr()
    assert "eksempelkartene" in captured.err and "0 kart, 1 forløp" in captured.err
    assert "Eksempelkommune har ingen «a»" in captured.out  # warned per bundled map, at the reference's line
    assert "f.yaml:5:10:" in captured.out


# ----------------------------------------------------------------- steps that cannot be drawn
def test_steps_that_cannot_be_drawn_are_warned_per_map_at_the_steps_line(tmp_path):
    kart = tmp_path / "kart"
    (kart / "forlop").mkdir(parents=True)
    (kart / "a.yaml").write_text("sammenkart: 1\nid: a\nnavn: Kart A\ntjenester:\n"
                                 + SERVICE.format(id="skolen", navn="S") + "    type: skole\n"
                                 + SERVICE.format(id="lege", navn="L") + "    type: fastlege\n", encoding="utf-8")
    (kart / "b.yaml").write_text("sammenkart: 1\nid: b\nnavn: Kart B\ntjenester:\n"
                                 + SERVICE.format(id="skole", navn="S"), encoding="utf-8")
    (kart / "forlop" / "p.yaml").write_text(
        "sammenkart: 1\nid: p\nnavn: P\nflyt:\n"
        "  - fra: skole\n    til: fastlege\n"       # step 1, line 5: kart B has no fastlege
        "  - fra: skolen\n    til: skole\n"         # step 2, line 7: id and type of one service in kart A
        "  - fra: skole\n    til: skole\n",         # step 3, line 9: written to itself (warned once)
        encoding="utf-8")
    ws = load_workspace(tmp_path)
    warnings = [str(p) for p in ws.problems if not p.is_error]
    assert _at(warnings, "p.yaml:6:10:", "Kart B har ingen «fastlege»", "steg 1")  # at «til: fastlege»
    assert not _at(warnings, "p.yaml:6:10:", "Kart A") and not _at(warnings, "p.yaml:5:5:", "Kart A")
    assert _at(warnings, "p.yaml:7:5:", "steg 2", "samme tjeneste i Kart A")
    assert sum("p.yaml:9:5:" in w for w in warnings) == 1 and _at(warnings, "p.yaml:9:5:", "steg 3", "seg selv")
    assert len(ws.pathways["p"].flyt) == 3


def test_steps_between_municipalities_of_a_region_are_warned(tmp_path):
    kart = tmp_path / "kart"
    (kart / "forlop").mkdir(parents=True)
    (kart / "r.yaml").write_text("sammenkart: 1\nid: r\nnavn: Region\ntype: region\ntjenester:\n"
                                 + SERVICE.format(id="skole-a", navn="S") + "    type: skole\n    kommune: A\n"
                                 + SERVICE.format(id="ppt-b", navn="P") + "    type: ppt\n    kommune: B\n",
                                 encoding="utf-8")
    (kart / "forlop" / "p.yaml").write_text("sammenkart: 1\nid: p\nnavn: P\nflyt:\n  - fra: skole\n    til: ppt\n",
                                            encoding="utf-8")
    warnings = [str(p) for p in load_workspace(tmp_path).problems if not p.is_error]
    assert _at(warnings, "p.yaml:5:5:", "steg 1", "ulike kommuner")


def test_a_link_between_a_service_and_itself_by_id_and_type_is_warned(tmp_path):
    f = _map(tmp_path, "tjenester:\n" + SERVICE.format(id="skolen", navn="S") + "    type: skole\n"
             + "samarbeid:\n  - mellom: [skolen, skole]\n")
    m, problems = load_map_file(f)
    assert not _errors(problems) and len(m.samarbeid) == 1
    assert any(not p.is_error and "k.yaml:11:13:" in str(p) and "seg selv" in str(p) for p in problems)


def test_validate_the_bundled_region_counts_its_figures_file(capsys):
    from sammenkart import paths

    assert cli.main(["validate", str(paths.region_dir())]) == 0
    assert "1 kart, 7 forløp, 0 kasus og 1 talfil sjekket: 0 feil" in capsys.readouterr().err


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x85"])
def test_lines_are_counted_as_editors_count_them_when_a_file_has_other_line_separators(sep):
    # libyaml ends lines at U+2028, U+2029 and U+0085 too; an editor, grep and git
    # only at a line feed: a problem must point where the user's editor shows it
    # (found by the fuzz test: a grunnlag reported on line 12 of a 10-line file)
    data, problems = yamlfile.parse_yaml(f'id: x\nbeskrivelse: "a{sep}b"\nnavn: [åpen\n', "f.yaml")
    (p,) = problems
    assert (p.source.line, p.source.column) == (3, 7)
    assert "linje 4," in p.message  # where libyaml noticed it: the line after, as editors count
    data, problems = yamlfile.parse_yaml(f'id: x\nbeskrivelse: "a{sep}b"\nnavn: !!str y\n', "f.yaml")
    assert [(q.source.line, q.source.column) for q in problems] == [(3, 7)]


def test_a_mistake_in_a_contact_leaves_out_the_value_not_the_card(tmp_path):
    """A tester's map: «nettside: www.stord.kommune.no» hid the whole card, from the map and
    from edit mode, with no word that it was hidden."""
    from sammenkart.layout.engine import layout_map

    f = tmp_path / "stord.yaml"
    f.write_text("sammenkart: 1\nid: stord\nnavn: Stord\ntjenester:\n"
                 "  - id: skole\n    navn: Skole\n    niva: 0\n    sektor: kommune\n"
                 "    alder: [16, 6]\n    kontakt:\n      telefon: 53 00 00 00\n      nettside: www.stord.kommune.no\n"
                 "  - id: bup\n    navn: BUP\n    niva: 9\n    sektor: spesialist\n", encoding="utf-8")
    m, problems = load_map_file(f)
    texts = [str(p) for p in problems]
    assert [s.id for s in m.tjenester] == ["skole"]
    skole = m.service("skole")
    assert skole.kontakt.telefon == "53 00 00 00" and skole.kontakt.nettside is None and skole.alder is None
    assert "skole" in layout_map(m).cards
    assert any(t.startswith(f"{f}:12:17: feil: «nettside»") for t in texts)
    assert any(t.startswith(f"{f}:9:12: feil: «alder» [16, 6]") for t in texts)
    # a card that cannot be drawn (no such level) is left out, and the user is told so at the card
    assert f"{f}:13:5: advarsel: tjenesten «bup» vises ikke i kartet før feilen over er rettet" in texts
    assert not any("«skole» vises ikke" in t for t in texts)
