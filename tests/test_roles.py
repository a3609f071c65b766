"""The standard roles: one table (resources/roller.yaml) that docs/roller.md shows."""
import re
from pathlib import Path

from sammenkart.i18n import language
from sammenkart.model import SECTORS
from sammenkart.roles import (
    LANGUAGES, PLASS_NAMES, STANDARD_ROLES, STARTER_TYPES, role_in_sentence, role_label, role_name,
)

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "roller.md"


def _doc_rows() -> list[tuple[str, str, str, str]]:
    """(type, vanlig navn, sektor, plass i pyramiden) of the role table."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("\n| type |"):].split("\n\n", 1)[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def test_roles_match_the_documented_table_row_by_row():
    documented = _doc_rows()
    assert len(documented) >= 30
    ours = [(r.type, r.navn_nb, r.sektor, PLASS_NAMES["nb"][r.niva]) for r in STANDARD_ROLES.values()]
    assert ours == documented  # same rows, same order


def test_roles_are_usable_in_a_map():
    assert all(r.sektor in SECTORS and r.navn_nn for r in STANDARD_ROLES.values())
    assert set(STARTER_TYPES) <= set(STANDARD_ROLES)


def test_every_role_has_its_name_and_short_form_in_bokmal_nynorsk_and_english():
    for r in STANDARD_ROLES.values():
        for lang in LANGUAGES:
            for text in (r.navn(lang), r.short(lang)):
                assert text.strip() and text == text.strip(), (r.type, lang)


def test_every_type_the_example_data_uses_is_in_the_table():
    used = set()
    for folder in ("kart", "kasus", "region"):
        for f in (ROOT / folder).rglob("*.yaml"):
            used |= set(re.findall(r"^\s*(?:- )?type: ([a-z0-9-]+)\s*$", f.read_text(encoding="utf-8"), re.M))
    used -= {"kommune", "region"}  # a map's own type, not a service's
    assert used and used <= set(STANDARD_ROLES), used - set(STANDARD_ROLES)


def test_role_names_follow_the_language():
    assert role_name("skolehelsetjeneste", "nn") == "Skulehelsetenesta"
    with language("nn"):
        assert role_name("skolehelsetjeneste") == "Skulehelsetenesta"
    assert role_name("skolehelsetjeneste") == "Skolehelsetjenesten"
    assert role_name("bup", "en") == "BUP (child and adolescent psychiatry clinic)"
    assert role_name("finnes-ikke") is None


def test_a_role_is_named_never_shown_as_its_id():
    assert role_label("bup-dogn") == "Ungdomspsykiatrisk døgnavdeling"
    assert role_label("eget-team") == "eget team"  # not a standard role: its words
    assert role_in_sentence("ppt") == "PPT" and role_in_sentence("fastlege", "nn") == "fastlege"
    assert role_in_sentence("helsestasjon-ungdom") == "helsestasjon for ungdom"
