"""The standard roles in code and in docs/roller.md are one table."""
from pathlib import Path

from sammenkart.i18n import language
from sammenkart.model import SECTORS
from sammenkart.roles import PLASS_NAMES, STANDARD_ROLES, STARTER_TYPES, role_name

DOC = Path(__file__).resolve().parent.parent / "docs" / "roller.md"


def _doc_rows() -> list[tuple[str, str, str, str]]:
    """(type, vanlig navn, sektor, plass i pyramiden) of the role table."""
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("\n| type |"):].split("\n\n", 1)[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def test_roles_match_the_documented_table():
    documented = _doc_rows()
    assert len(documented) >= 30
    ours = [(r.type, r.navn_nb, r.sektor, PLASS_NAMES["nb"][r.niva]) for r in STANDARD_ROLES.values()]
    assert sorted(ours) == sorted(documented)


def test_roles_are_usable_in_a_map():
    assert all(r.sektor in SECTORS and r.navn_nn for r in STANDARD_ROLES.values())
    assert set(STARTER_TYPES) <= set(STANDARD_ROLES)


def test_role_names_follow_the_language():
    assert role_name("skolehelsetjeneste", "nn") == "Skulehelsetenesta"
    with language("nn"):
        assert role_name("skolehelsetjeneste") == "Skulehelsetenesta"
    assert role_name("skolehelsetjeneste") == "Skolehelsetjenesten"
    assert role_name("finnes-ikke") is None
