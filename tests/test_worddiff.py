"""Word-level differences: what a municipality sees the region changed."""
from hypothesis import given
from hypothesis import strategies as st

from sammenkart.worddiff import ADDED, REMOVED, SAME, as_text, changed, word_diff


def _sides(segments):
    old = "".join(s.text for s in segments if s.op != ADDED)
    new = "".join(s.text for s in segments if s.op != REMOVED)
    return old, new


def test_an_added_phrase_and_a_changed_word():
    d = word_diff("Tilviser til BUP ved moderate plager.", "Tilviser til BUP ved moderate til alvorlege plager.")
    assert as_text(d) == "Tilviser til BUP ved moderate {+til alvorlege +}plager."
    d = word_diff("Gjev psykoedukasjon om angst og råd til foreldra.",
                  "Gjev psykoedukasjon om angst, råd til foreldra og oppfølgingssamtalar.")
    assert as_text(d) == "Gjev psykoedukasjon om angst[- og-]{+,+} råd til foreldra{+ og oppfølgingssamtalar+}."


def test_a_changed_phrase_reads_as_one_removal_and_one_addition():
    d = word_diff("Ring etter klokka åtte om morgonen.", "Ring mellom ti og tolv.")
    assert [s.op for s in d] == [SAME, REMOVED, ADDED, SAME]
    assert (d[1].text, d[2].text) == ("etter klokka åtte om morgonen", "mellom ti og tolv")


def test_nothing_old_or_nothing_new():
    assert [(s.op, s.text) for s in word_diff(None, "Ny tekst")] == [(ADDED, "Ny tekst")]
    assert [(s.op, s.text) for s in word_diff("Gammal tekst", "")] == [(REMOVED, "Gammal tekst")]
    assert not changed(word_diff("Lik", "Lik")) and word_diff("", None) == []


texts = st.lists(st.sampled_from(["a", "b", " ", "æø", ",", ".", "\n", "ord", "BUP"]), max_size=25).map("".join)


@given(old=texts, new=texts)
def test_the_segments_give_back_both_wordings(old, new):
    d = word_diff(old, new)
    assert _sides(d) == (old, new)
    assert changed(d) == (old != new)
    assert all(s.text for s in d)
    for a, b in zip(d, d[1:]):
        assert not (a.op == b.op), d  # neighbours of one kind are joined
