"""The standard roles and the built-in referral rights: one table (resources/roller.yaml)
that docs/roller.md shows to users, row by row."""
import re
from pathlib import Path

from sammenkart.i18n import language
from sammenkart.model import ACCESS, SECTORS
from sammenkart.roles import (
    LANGUAGES, PLASS_NAMES, REFERRAL_RIGHTS, STANDARD_ROLES, STARTER_TYPES, role_in_sentence, role_label, role_name,
)

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "roller.md"


def _table(header: str) -> list[list[str]]:
    """The cells of the Markdown table whose header row starts with ``header``."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("\n" + header):].split("\n\n", 1)[0]
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in table.strip().splitlines()[2:]]


def _access(cell: str) -> str | None:
    """The documented tilgang as the code holds it: "direkte (med samtykke)" -> "direkte";
    "direkte eller henvisning, ulikt …" and "–" -> None."""
    word = cell.split()[0].strip(",")
    if word not in ACCESS or cell.startswith("direkte eller"):
        return None
    return word


def _refs(cell: str) -> tuple[str, ...]:
    return tuple(re.findall(r"`([a-z0-9-]+)`", cell))


def test_roles_match_the_documented_table():
    documented = [(c[0], c[1], c[2], c[3], _access(c[4])) for c in _table("| type |")]
    assert len(documented) >= 30
    ours = [(r.type, r.navn_nb, r.sektor, PLASS_NAMES["nb"][r.niva], r.tilgang) for r in STANDARD_ROLES.values()]
    assert ours == documented  # same rows, same order
    assert STANDARD_ROLES["bup"].tilgang == "henvisning" and STANDARD_ROLES["psykisk-helse"].tilgang is None


def test_referral_rights_match_the_documented_table():
    documented = [(_refs(c[0])[0], _refs(c[1]), _refs(c[2])) for c in _table("| mottaker |")]
    ours = [(r.receiver, r.also, r.senders) for r in REFERRAL_RIGHTS]
    assert ours == documented
    assert {r.receiver for r in REFERRAL_RIGHTS} == {"bup", "habilitering", "dps"}
    assert all(set(r.senders) == {"fastlege", "legevakt", "kommunepsykolog", "barnevern"} for r in REFERRAL_RIGHTS)
    assert {t for r in REFERRAL_RIGHTS for t in (r.receiver, *r.also, *r.senders)} <= set(STANDARD_ROLES)


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
