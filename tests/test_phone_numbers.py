"""A phone number that cannot be one is a warning in ``validate`` (tester round 2,
item 10); the rule is ``checks.looks_like_phone``, used by the loader, which the
edit form's check-as-you-type reads too."""
from __future__ import annotations

import pytest
from editing_helpers import bundled_copy

from sammenkart.checks import looks_like_phone
from sammenkart.loader import load_map_file


@pytest.mark.parametrize("text, ok", [
    ("56 00 24 50", True), ("+47 22 33 44 55", True), ("(+47) 22-33-44-55", True), ("004722334455", True),
    ("22_33_44_55", True), ("📞 22 33 44 55", True),
    ("v", False), ("", False), ("- -", False), ("ring sentralbordet", False), ("55 00 12 00 tast 2", False),
    ("22+33", False),
])
def test_what_looks_like_a_phone_number(text, ok):
    assert looks_like_phone(text) is ok


def test_validate_warns_at_the_phone_line_and_keeps_the_value(tmp_path):
    path = bundled_copy(tmp_path) / "kart" / "fjordvik.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('telefon: "56 00 24 50"', 'telefon: "v"'), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index('      telefon: "v"') + 1
    m, problems = load_map_file(path)
    phone = [p for p in problems if "telefonnummer" in p.message]
    assert len(phone) == 1 and not phone[0].is_error
    assert phone[0].source.line == line and "kommunepsykologen" in phone[0].message and "«v»" in phone[0].message
    assert m.service("kommunepsykologen").kontakt.telefon == "v"
    assert not [p for p in load_map_file(bundled_copy(tmp_path / "b") / "kart" / "fjordvik.yaml")[1]
                if "telefonnummer" in p.message]
