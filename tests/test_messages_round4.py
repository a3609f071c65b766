"""Messages a coordinator reads (tester round 4, items 8–12): one quote style per
language, positions at the line that is wrong, suggestions for a misspelled
reference, what a file that is not UTF-8 text is, an empty number, e-mail."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from sammenkart import cli
from sammenkart.checks import looks_like_email
from sammenkart.editing import Editor
from sammenkart.i18n import language, quote, quote_list
from sammenkart.loader import load_workspace

MAP = """\
sammenkart: 1
id: bomlo
navn: Bømlo kommune
tjenester:
  - id: helsestasjon
    navn: Helsestasjonen
    niva: 0
    sektor: kommune
  - id: bup
    navn: BUP
    niva: 1
    sektor: spesialist
    kontakt:
      epost: {epost}
"""
PATHWAY = """\
sammenkart: 1
id: angst
navn: Angst på Bømlo
flyt:
  - fra: helsestasjon
    til: bup
  - fra: helsesykepleier
    til: bupp
  - fra: helsestasjon
    til: bup
    art: bekymring
"""
CASE = """\
sammenkart: 1
id: per-12
tittel: Per (12)
malform: nb
forlop: angst
steg:
  - tittel: Start
    tekst: Per er lei seg.
    involverte: [helsestasjon, skole]
    forslag: [ppt]
"""


def folder(tmp_path: Path, epost: str = "bup@helse-fonna.no", **files) -> Path:
    root = tmp_path / "hand"
    written = {"kart/bomlo.yaml": MAP.format(epost=epost), "kart/forlop/angst.yaml": PATHWAY, "kasus/per-12.yaml": CASE}
    written.update(files)
    for name, text in written.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            (root / name).write_bytes(text)
        else:
            (root / name).write_text(text, encoding="utf-8")
    return root


def run(capsys, root, lang="nb") -> list[str]:
    cli.main(["--sprak", lang, "validate", str(root)])
    return capsys.readouterr().out.splitlines()


# --- one quote style per language ---------------------------------------------------------------

def test_quote_marks_follow_the_language():
    with language("en"):
        assert quote("art") == "“art”" and quote_list(["a", "b"]) == "“a”, “b”"
    with language("nn"):
        assert quote("art") == "«art»"


def test_english_messages_never_use_norwegian_quote_marks(tmp_path, capsys):
    lines = run(capsys, folder(tmp_path), "en")
    assert any("“art” must be one of" in line for line in lines), lines
    assert any("has no “helsesykepleier” on the map" in line for line in lines), lines
    assert any("has no “bupp” on the map" in line for line in lines), lines
    assert not [line for line in lines if "«" in line or "»" in line], lines


# --- positions ---------------------------------------------------------------------------------

def test_a_steps_missing_references_are_warned_each_at_its_own_line_with_a_suggestion(tmp_path, capsys):
    lines = run(capsys, folder(tmp_path))
    helse = [line for line in lines if "«helsesykepleier»" in line]
    bupp = [line for line in lines if "«bupp»" in line]
    assert len(helse) == 1 and "angst.yaml:7:10:" in helse[0] and "mente du" not in helse[0]
    assert len(bupp) == 1 and "angst.yaml:8:10:" in bupp[0] and bupp[0].endswith("– mente du «bup»?")


def test_case_references_are_warned_at_their_own_line_in_involverte_and_forslag(tmp_path, capsys):
    lines = run(capsys, folder(tmp_path))
    skole = next(line for line in lines if "ingen «skole»" in line)
    ppt = next(line for line in lines if "ingen «ppt»" in line)
    assert "per-12.yaml:9:32:" in skole and "per-12.yaml:10:15:" in ppt
    assert "mente du" not in skole + ppt, "a standard role a map lacks is no typo"


def test_a_case_whose_pathway_file_has_an_error_says_so_at_its_forlop_line(tmp_path, capsys):
    root = folder(tmp_path, **{"kart/forlop/angst.yaml": PATHWAY.replace("navn: Angst på Bømlo", "navn: [Angst")})
    lines = run(capsys, root)
    (case,) = [line for line in lines if "per-12.yaml" in line and "angst" in line]
    assert "per-12.yaml:5:9:" in case and "ikke finnes" not in case
    assert "fila har en feil og kan ikke brukes (se " in case and "angst.yaml:3:" in case


# --- files that are not UTF-8 text -----------------------------------------------------------------

def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document>" + "æøå " * 200 + "</w:document>")
    return out.getvalue()


@pytest.mark.parametrize("raw, place, words", [
    (_docx(), ":1:1:", "filen er et Word- eller Office-dokument"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ":1:1:", "filen er et Word- eller Excel-dokument"),
    ("sammenkart: 1\nid: latin\nnavn: Bømlo\n".encode("cp1252"), ":3:8:", "Latin-1/Windows-1252 (byte 0xf8 er «ø» der)"),
    ("sammenkart: 1\n".encode("utf-16"), ":1:1:", "filen er lagret som UTF-16"),
])
def test_a_file_that_is_not_utf8_text_is_named_for_what_it_is(tmp_path, capsys, raw, place, words):
    root = folder(tmp_path, **{"kart/latin.yaml": raw})
    lines = [line for line in run(capsys, root) if "latin.yaml" in line]
    assert len(lines) == 1 and place in lines[0] and words in lines[0], lines
    assert "UTF-8" in lines[0]


def test_a_file_with_a_stray_byte_still_gets_the_plain_message(tmp_path, capsys):
    root = folder(tmp_path, **{"kart/latin.yaml": b"sammenkart: 1\nid: latin\n# \x81\x8d\n"})
    (line,) = [line for line in run(capsys, root) if "latin.yaml" in line]
    assert "filen er ikke UTF-8 (byte 0x81); lagre den som UTF-8" in line


# --- an empty number, e-mail ------------------------------------------------------------------------

def test_an_empty_age_says_it_is_empty_in_nynorsk_too(tmp_path):
    ed = Editor.open(folder(tmp_path))
    with language("nn"):
        (p,) = ed.check_field(("service", "bomlo", "bup"), "alder", ["6", ""])
    assert p.message == "punkt 2 i «alder» er tom; skriv eit heiltal", p.message


@pytest.mark.parametrize("text, ok", [("post@kommune.no", True), ("ola.nordmann@stord.kommune.no", True),
                                      ("1e5", False), ("post@kommune", False), ("post kommune@x.no", False),
                                      ("@kommune.no", False), ("a@b@c.no", False)])
def test_one_rule_says_what_looks_like_an_email_address(text, ok):
    assert looks_like_email(text) is ok


def test_an_email_that_is_not_one_is_warned_by_validate_and_in_the_form(tmp_path, capsys):
    root = folder(tmp_path, epost="1e5")
    lines = run(capsys, root)
    (line,) = [line for line in lines if "epost" in line]
    assert "bomlo.yaml:14:14: advarsel: «epost» for tjenesten «bup» ser ikke ut som en e-postadresse: «1e5»" in line
    ws = load_workspace(root)
    assert ws.maps["bomlo"].service("bup").kontakt.epost == "1e5"  # a warning: kept as written
    assert not [p for p in ws.errors if "bomlo.yaml" in p.source.path]
    ed = Editor.open(folder(tmp_path / "b"))
    (p,) = ed.check_field(("service", "bomlo", "bup"), "kontakt", {"epost": "1e5"})
    assert not p.is_error and "ser ikke ut som en e-postadresse" in p.message
    assert ed.check_field(("service", "bomlo", "bup"), "kontakt", {"epost": "bup@helse.no"}) == []


def test_the_english_catalogue_quotes_with_english_marks_only():
    from babel.messages.pofile import read_po

    from sammenkart import paths

    with open(paths.resources_dir() / "translations/en/LC_MESSAGES/sammenkart.po", "rb") as f:
        cat = read_po(f, locale="en")
    norwegian = [m.id for m in cat if m.id and any(q in (m.string if isinstance(m.string, str) else "".join(m.string))
                                                   for q in "«»")]
    assert norwegian == []
