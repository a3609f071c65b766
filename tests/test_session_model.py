"""The pure session model: marking, arrows, reveal, comparison, gaps, emphasis."""
from test_session_fixtures import emma, fjordvik

from sammenkart.session.model import SessionState, compare, emphasis, gaps, step_gaps


def _state():
    return SessionState.start(emma(), fjordvik())


def test_marks_keep_the_order_chosen_and_toggle_off():
    st = _state()
    assert st.toggle_mark("fastlege") is True
    assert st.toggle_mark("nordvik-skole") is True
    assert st.toggle_mark("bup") is True
    assert st.step.marked == ["fastlege", "nordvik-skole", "bup"]
    assert st.toggle_mark("nordvik-skole") is False
    assert st.step.marked == ["fastlege", "bup"]
    st.toggle_mark("nordvik-skole")
    assert st.step.marked == ["fastlege", "bup", "nordvik-skole"]


def test_marks_belong_to_their_step():
    st = _state()
    st.toggle_mark("fastlege")
    st.next()
    assert st.step.marked == []
    st.toggle_mark("bup")
    st.previous()
    assert st.step.marked == ["fastlege"]


def test_arrows_add_once_and_remove():
    st = _state()
    assert st.add_arrow("fastlege", "bup")
    assert not st.add_arrow("fastlege", "bup")
    assert not st.add_arrow("bup", "bup")
    assert st.step.arrows == [("fastlege", "bup")]
    assert st.remove_arrow("fastlege", "bup")
    assert st.step.arrows == []


def test_reveal_only_once_and_is_timestamped():
    st = _state()
    assert st.reveal()
    assert st.step.revealed and "T" in st.step.revealed_at
    assert not st.reveal()


def test_stepping_stays_within_the_case():
    st = _state()
    assert not st.previous()
    assert st.next() and st.next()
    assert st.at_end and not st.next()
    assert st.current == 2


def test_comparison_found_missed_added():
    m, case = fjordvik(), emma()
    st = SessionState.start(case, m)
    st.toggle_mark("fastlege")
    st.toggle_mark("bup")
    cmp = compare(m, case.steg[0], st.step)
    assert cmp.found == ("fastlege",)
    assert cmp.missed == ("skolehelsetjeneste",)
    assert cmp.added == ("bup",)


def test_comparison_by_reference_one_of_several_services_counts():
    m, case = fjordvik(), emma()
    case.steg[0].forslag = ["skole"]
    st = SessionState.start(case, m)
    st.toggle_mark("sorvik-skole")
    cmp = compare(m, case.steg[0], st.step)
    assert cmp.found == ("sorvik-skole",)
    assert cmp.missed == ()
    assert cmp.added == ()
    st.toggle_mark("sorvik-skole")
    assert set(compare(m, case.steg[0], st.step).missed) == {"nordvik-skole", "sorvik-skole"}


def test_suggestion_the_map_lacks_is_unresolved_not_missed():
    m, case = fjordvik(), emma()
    st = SessionState.start(case, m)
    st.next()
    cmp = compare(m, case.steg[1], st.step)
    assert cmp.unresolved == ("ppt",)
    assert cmp.missed == ("kommunepsykolog",)


def test_gaps_name_the_map_and_the_missing_service():
    m, case = fjordvik(), emma()
    assert gaps(case, m) == ["Fjordvik har ingen PPT i kartet"]
    assert step_gaps(m, case.steg[0]) == []
    assert step_gaps(m, case.steg[1]) == ["Fjordvik har ingen PPT i kartet"]


def test_emphasis_shows_involved_marked_and_reveal():
    m, case = fjordvik(), emma()
    st = SessionState.start(case, m)
    e = emphasis(m, case.steg[0], st.step)
    assert e.highlighted == {"nordvik-skole", "sorvik-skole"}
    assert e.revealed == frozenset() and e.marked == ()
    st.toggle_mark("bup")
    st.toggle_mark("fastlege")
    st.add_arrow("fastlege", "bup")
    e = emphasis(m, case.steg[0], st.step)
    assert e.marked == ("bup", "fastlege")
    assert [(a.fra, a.til) for a in e.arrows] == [("fastlege", "bup")]
    assert e.revealed == frozenset()  # the suggestion stays hidden until revealed
    st.reveal()
    e = emphasis(m, case.steg[0], st.step)
    assert e.revealed == {"fastlege", "skolehelsetjeneste"}
    assert e.found == {"fastlege"} and e.missed == {"skolehelsetjeneste"} and e.added == {"bup"}


def test_gap_sentence_reads_naturally_for_hyphenated_roles():
    m, case = fjordvik(), emma()
    case.steg[0].forslag.append("helsestasjon-ungdom")
    assert "Fjordvik har ingen helsestasjon for ungdom i kartet" in gaps(case, m)
