"""Format 1.1 revision keys as read: revidert/neste_revisjon on maps,
revisjon on services and roles, and mistakes in them at their lines."""
from __future__ import annotations

import datetime as dt

import pytest

from sammenkart.loader import load_map_file, load_pathway_file

MAP = """sammenkart: 1
id: vik
navn: Vik
revidert: {revidert}
neste_revisjon: {neste}
tjenester:
  - id: legevakt
    navn: Legevakta
    niva: 1
    sektor: kommune
    revisjon:
      status: {status}
      merknad: Telefonnummeret er endra
      dato: {dato}
      ansvar: Legevakta
  - id: bup
    navn: BUP
    niva: 3
    sektor: spesialist
"""


def read_map(tmp_path, **kw):
    values = {"revidert": "2026-11-20", "neste": "2027-11-01", "status": "rod", "dato": "2026-11-02", **kw}
    f = tmp_path / "vik.yaml"
    f.write_text(MAP.format(**values), encoding="utf-8")
    return load_map_file(f)


def problems_at(problems) -> list[tuple[int, int, str, str]]:
    return [(p.source.line, p.source.column, p.severity, p.message) for p in problems]


def test_the_revision_keys_are_read(tmp_path):
    m, problems = read_map(tmp_path)
    assert problems == []
    assert (m.revidert, m.neste_revisjon) == (dt.date(2026, 11, 20), dt.date(2027, 11, 1))
    r = m.service("legevakt").revisjon
    assert (r.status, r.merknad, r.dato, r.ansvar) == ("rod", "Telefonnummeret er endra", dt.date(2026, 11, 2), "Legevakta")
    assert r.source.line == 12 and m.service("bup").revisjon is None
    assert m.revision_due(dt.date(2027, 11, 2)) and not m.revision_due(dt.date(2027, 11, 1))


@pytest.mark.parametrize("written,near", [("grønn", "gronn"), ("raud", "rod"), ("green", "gronn"), ("Gul", "gul")])
def test_an_unknown_status_is_an_error_at_its_line_with_the_nearest(tmp_path, written, near):
    m, problems = read_map(tmp_path, status=written)
    assert problems_at(problems) == [(12, 15, "error", f"«status» må være en av gronn, gul, rod, ikke «{written}» – "
                                                       f"mente du «{near}»?")]
    # the card stays on the map; only the verdict is left out
    assert m.service("legevakt") is not None and m.service("legevakt").revisjon is None


@pytest.mark.parametrize("written", ["2026-02-30", "02.11.2026", "i går", "2026-11"])
def test_a_bad_date_is_an_error_quoting_it(tmp_path, written):
    m, problems = read_map(tmp_path, dato=f'"{written}"')
    (p,) = problems
    assert (p.source.line, p.severity) == (14, "error")
    assert p.message == f"«dato» skal være en dato som 2026-11-01, ikke teksten «{written}»"
    assert m.service("legevakt").revisjon.status == "rod"  # the rest of the verdict is kept


def test_bad_map_dates_and_a_next_revision_before_the_last(tmp_path):
    _m, problems = read_map(tmp_path, revidert="20.11.2026")
    assert problems_at(problems) == [(4, 11, "error", "«revidert» skal være en dato som 2026-11-01, ikke teksten «20.11.2026»")]
    m, problems = read_map(tmp_path, neste="2025-01-01")
    assert problems_at(problems) == [(5, 17, "warning", "«neste_revisjon» (2025-01-01) er før «revidert» (2026-11-20)")]
    assert m.neste_revisjon == dt.date(2025, 1, 1)


def test_a_revision_without_status_or_with_an_unknown_key(tmp_path):
    f = tmp_path / "vik.yaml"
    f.write_text(MAP.format(revidert="2026-11-20", neste="2027-11-01", status="gul", dato="2026-11-02")
                 .replace("      status: gul\n", "").replace("ansvar: Legevakta", "ansvarleg: Legevakta"), encoding="utf-8")
    m, problems = load_map_file(f)
    assert problems_at(problems) == [
        (14, 7, "error", "ukjent nøkkel «ansvarleg» i «revisjon» – mente du «ansvar»?"),
        (12, 7, "error", "«revisjon» mangler den påkrevde nøkkelen «status»"),
    ]
    assert m.service("legevakt").revisjon is None


def test_a_role_revision_and_the_pathways_revidert(tmp_path):
    f = tmp_path / "angst.yaml"
    f.write_text("sammenkart: 1\nid: angst\nnavn: Angst\nrevidert: 2026-10-01\nroller:\n  fastlege:\n"
                 "    rolle: Vurderer.\n    revisjon: {status: gul, merknad: Sjekk, dato: 2026-11-31}\n"
                 "flyt:\n  - fra: fastlege\n    til: bup\n", encoding="utf-8")
    p, problems = load_pathway_file(f)
    assert problems_at(problems) == [(8, 51, "error", "«dato» skal være en dato som 2026-11-01, ikke teksten «2026-11-31»")]
    assert p.revidert == dt.date(2026, 10, 1)
    assert (p.roller["fastlege"].revisjon.status, p.roller["fastlege"].rolle) == ("gul", "Vurderer.")
