"""graph.step_pairs: a region step stays inside one municipality; grouped and cached."""
from hypothesis import given, settings
from hypothesis import strategies as st

from sammenkart import graph
from sammenkart.model import FlowStep, Map, Pathway, Service

KOMMUNER = (None, "Aust", "Vest", "Nord")


def _naive(m: Map, rs: graph.ResolvedStep) -> list[tuple[str, str]]:
    # The rule as the format states it, checked pair by pair.
    out = []
    for a in rs.fra:
        for b in rs.til:
            ka, kb = m.service(a).kommune, m.service(b).kommune
            if a != b and (m.type != "region" or ka is None or kb is None or ka == kb):
                out.append((a, b))
    return out


def _map(kinds: list[tuple[str, str | None]], type_: str) -> Map:
    services = [Service(f"s{i}", f"S{i}", 0, "kommune", type=role, kommune=k) for i, (role, k) in enumerate(kinds)]
    return Map("m", "M", services, type=type_)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["skole", "fastlege", "bup"]), st.sampled_from(KOMMUNER)), min_size=1, max_size=25),
       st.sampled_from(["region", "kommune"]))
def test_grouped_pairs_equal_the_pair_by_pair_rule_in_the_same_order(kinds, type_):
    m = _map(kinds, type_)
    p = Pathway("p", "P", [FlowStep("skole", "fastlege"), FlowStep("fastlege", "bup"), FlowStep("fastlege", "fastlege")])
    for rs in graph.resolve_steps(m, p):
        assert graph.step_pairs(m, rs) == _naive(m, rs)
        # a step resolved without municipalities (built by hand) pairs the same way
        bare = graph.ResolvedStep(rs.index, rs.step, rs.fra, rs.til)
        assert graph.step_pairs(m, bare) == _naive(m, rs)


def test_region_step_pairs_only_inside_a_municipality_and_with_shared_services():
    m = _map([("skole", "Aust"), ("skole", "Vest"), ("fastlege", "Aust"), ("fastlege", "Vest"), ("fastlege", None)], "region")
    rs = graph.resolve_steps(m, Pathway("p", "P", [FlowStep("skole", "fastlege")]))[0]
    assert graph.step_pairs(m, rs) == [("s0", "s2"), ("s0", "s4"), ("s1", "s3"), ("s1", "s4")]


def test_moving_a_service_to_another_municipality_is_never_answered_from_the_cache():
    m = _map([("skole", "Aust"), ("fastlege", "Aust"), ("fastlege", "Vest")], "region")
    p = Pathway("p", "P", [FlowStep("skole", "fastlege")])
    assert graph.step_pairs(m, graph.resolve_steps(m, p)[0]) == [("s0", "s1")]
    m.tjenester[0].kommune = "Vest"  # an edit in place
    assert graph.step_pairs(m, graph.resolve_steps(m, p)[0]) == [("s0", "s2")]


def test_callers_may_change_the_list_they_get_without_touching_the_cache():
    m = _map([("skole", "Aust"), ("fastlege", "Aust")], "region")
    rs = graph.resolve_steps(m, Pathway("p", "P", [FlowStep("skole", "fastlege")]))[0]
    graph.step_pairs(m, rs).clear()
    assert graph.step_pairs(m, rs) == [("s0", "s1")]
