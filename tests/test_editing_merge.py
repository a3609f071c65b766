"""The three-way line merge behind reading a changed file in and taking a
recovery copy back (``sammenkart.editing.merge``)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sammenkart.editing.merge import merge3

BASE = "a\nb\nc\nd\ne\n"


def test_changes_to_other_lines_are_both_kept_even_on_neighbouring_lines():
    assert merge3(BASE, "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n").text == "A\nb\nc\nd\nE\n"
    # the user's navn: and the other's beskrivelse: of one service sit on neighbouring lines
    m = merge3(BASE, "A\nb\nc\nd\ne\n", "a\nB\nc\nd\ne\n")
    assert m.clean and m.text == "A\nB\nc\nd\ne\n"


def test_the_same_change_on_both_sides_is_made_once():
    m = merge3(BASE, "a\nB\nc\nd\ne\n", "a\nB\nc\nd\ne\n# x\n")
    assert m.clean and m.text == "a\nB\nc\nd\ne\n# x\n"


def test_a_line_both_changed_differently_conflicts_and_prefer_decides():
    assert merge3(BASE, "a\nMINE\nc\nd\ne\n", "a\nDISK\nc\nd\ne\n") == \
        merge3(BASE, "a\nMINE\nc\nd\ne\n", "a\nDISK\nc\nd\ne\n", "theirs")
    m = merge3(BASE, "a\nMINE\nc\nd\ne\n# mine\n", "# disk\na\nDISK\nc\nd\ne\n")
    assert m.conflicts == (3,) and m.text == "# disk\na\nDISK\nc\nd\ne\n# mine\n"
    m = merge3(BASE, "a\nMINE\nc\nd\ne\n# mine\n", "# disk\na\nDISK\nc\nd\ne\n", "ours")
    assert m.conflicts == (3,) and m.text == "# disk\na\nMINE\nc\nd\ne\n# mine\n"


def test_two_different_insertions_at_one_place_conflict_and_a_deletion_against_an_edit_too():
    assert merge3(BASE, BASE + "x\n", BASE + "y\n").conflicts == (6,)
    m = merge3(BASE, "a\ne\n", "a\nb\nC\nd\ne\n")
    assert m.conflicts == (2,) and m.text == "a\nb\nC\nd\ne\n"


def test_line_endings_and_a_missing_last_newline_are_kept():
    base = "a\r\nb\r\nc"
    assert merge3(base, "A\r\nb\r\nc", "a\r\nb\r\nC").text == "A\r\nb\r\nC"


@given(st.lists(st.sampled_from(["x", "y", "z"]), min_size=12, max_size=30), st.data())
def test_edits_to_separate_parts_always_merge_to_both(lines, data):
    base = [f"{i}{s}\n" for i, s in enumerate(lines)]
    cut = data.draw(st.integers(2, len(base) - 3))
    mine, theirs = list(base), list(base)
    i = data.draw(st.integers(0, cut - 2))
    j = data.draw(st.integers(cut + 1, len(base) - 1))  # a line between them stays as it was
    mine[i] = "mine\n"
    theirs[j:j + 1] = ["theirs 1\n", "theirs 2\n"]
    m = merge3("".join(base), "".join(mine), "".join(theirs))
    both = list(base)
    both[j:j + 1] = ["theirs 1\n", "theirs 2\n"]
    both[i] = "mine\n"
    assert m.clean and m.text == "".join(both)


@given(st.lists(st.sampled_from(["a\n", "b\n", "c\n", "- id: x\n", "- id: y\n", "- id: z\n", "niva: 1\n"]), max_size=40),
       st.lists(st.sampled_from(["a\n", "b\n", "d\n", "- id: x\n", "- id: y\n", "- id: w\n", "niva: 2\n"]), max_size=40))
def test_what_one_side_changed_is_found_exactly_whatever_the_lines(base, other):
    # lines once on each side anchor the diff: the edits found must still make the other text exactly
    from sammenkart.editing.merge import _edits

    out, at = [], 0
    for e in _edits(base, other, "ours"):
        assert e.start >= at
        out += base[at:e.start] + list(e.lines)
        at = e.end
    assert out + base[at:] == other
