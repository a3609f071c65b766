"""The standard roles in code and in docs/roller.md are one table."""
from pathlib import Path

from sammenkart.model import SECTORS
from sammenkart.roles import STANDARD_ROLES, STARTER_TYPES

DOC = Path(__file__).resolve().parent.parent / "docs" / "roller.md"


def _doc_rows() -> list[tuple[str, str, str, int]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[3].isdigit():
            rows.append((cells[0], cells[1], cells[2], int(cells[3])))
    return rows


def test_roles_match_the_documented_table():
    documented = _doc_rows()
    assert len(documented) >= 30
    assert [(r.type, r.navn_nb, r.sektor, r.niva) for r in STANDARD_ROLES.values()] == documented


def test_roles_are_usable_in_a_map():
    assert all(r.sektor in SECTORS and 0 <= r.niva <= 3 and r.navn_nn for r in STANDARD_ROLES.values())
    assert set(STARTER_TYPES) <= set(STANDARD_ROLES)
