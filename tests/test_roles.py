"""The one role table: docs/roller.md and resources/roller.yaml list the same types."""
import re
from pathlib import Path

from sammenkart.i18n import language
from sammenkart.roles import LANGUAGES, ROLE_NAMES, role_in_sentence, role_label, role_name, standard_roles

ROOT = Path(__file__).resolve().parent.parent


def _doc_types() -> list[str]:
    text = (ROOT / "docs" / "roller.md").read_text(encoding="utf-8")
    table = text[text.index("\n| type |"):].split("\n\n", 1)[0]  # the role table, not the referral one
    return [t for t in re.findall(r"^\| ([a-z0-9-]+) \|", table, flags=re.M) if t != "type"]


def test_docs_and_data_file_list_the_same_types_in_the_same_order():
    assert _doc_types() == list(standard_roles())
    assert len(standard_roles()) >= 30


def test_every_role_has_both_columns_in_bokmal_nynorsk_and_english():
    for role in standard_roles().values():
        for column in (role.navn, role.kort):
            assert set(column) == set(LANGUAGES), role.type
            assert all(v.strip() and v == v.strip() for v in column.values()), role.type


def test_every_type_the_example_data_uses_is_in_the_table():
    used = set()
    for folder in ("kart", "kasus", "region"):
        for f in (ROOT / folder).rglob("*.yaml"):
            used |= set(re.findall(r"^\s*(?:- )?type: ([a-z0-9-]+)\s*$", f.read_text(encoding="utf-8"), re.M))
    used -= {"kommune", "region"}  # a map's own type, not a service's
    assert used and used <= set(standard_roles()), used - set(standard_roles())


def test_names_follow_the_language_and_never_show_an_id():
    assert role_label("bup-dogn") == "Ungdomspsykiatrisk døgnavdeling"
    assert role_name("skolehelsetjeneste", "nn") == "Skulehelsetenesta"
    with language("nn"):
        assert role_name("barnevern") == "Barnevernstenesta"
    assert role_name("barnevern") == ROLE_NAMES["barnevern"] == "Barneverntjenesten"
    assert role_name("eget-team") is None
    assert role_label("eget-team") == "eget team"  # not a standard role: its words
    assert role_in_sentence("ppt") == "PPT" and role_in_sentence("fastlege", "nn") == "fastlege"
    assert role_in_sentence("helsestasjon-ungdom") == "helsestasjon for ungdom"
