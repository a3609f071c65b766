"""The one role table: docs/roller.md and resources/roller.yaml list the same types."""
import re
from pathlib import Path

from sammenkart.roles import LANGUAGES, in_sentence, role_label, standard_roles

ROOT = Path(__file__).resolve().parent.parent


def _doc_types() -> list[str]:
    rows = (ROOT / "docs" / "roller.md").read_text(encoding="utf-8").splitlines()
    return [m.group(1) for line in rows if (m := re.match(r"\|\s*([a-z][a-z0-9-]*)\s*\|", line)) and m.group(1) != "type"]


def test_docs_and_data_file_list_the_same_types_in_the_same_order():
    assert _doc_types() == list(standard_roles())
    assert len(standard_roles()) >= 30


def test_every_role_has_a_label_in_bokmal_nynorsk_and_english():
    for role in standard_roles().values():
        assert set(role.navn) == set(LANGUAGES), role.type
        assert all(v.strip() and v == v.strip() for v in role.navn.values()), role.type


def test_every_type_the_example_data_uses_is_in_the_table():
    used = set()
    for folder in ("kart", "kasus"):
        for f in (ROOT / folder).rglob("*.yaml"):
            used |= set(re.findall(r"^\s*(?:- )?type: ([a-z0-9-]+)\s*$", f.read_text(encoding="utf-8"), re.M))
    used -= {"kommune", "region"}  # a map's own type, not a service's
    assert used and used <= set(standard_roles()), used - set(standard_roles())


def test_labels_read_as_names_and_in_sentences():
    assert role_label("bup-dogn") == "Døgnavdeling i BUP"
    assert role_label("skolehelsetjeneste", "nn") == "Skulehelseteneste"
    assert role_label("bup", "en") == "Child and adolescent psychiatry (BUP)"
    assert role_label("eget-team") == "eget team"  # not a standard role: its words, not its id
    assert in_sentence(role_label("fastlege")) == "fastlege"
    assert in_sentence(role_label("ppt")) == "PPT"
