"""A map as a networkx graph, and the questions views ask about a pathway.

Nodes are service ids (with level, sector, type and name); edges are standing
collaboration links (kind "samarbeid", both directions) and pathway steps
(kind "flyt", directed, with the pathway id, 0-based step and art) between the
concrete services each step's references match.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Case, FlowStep, Map, Pathway


@dataclass(frozen=True)
class ResolvedStep:
    index: int  # 0-based position in the pathway's flow
    step: FlowStep
    fra: tuple[str, ...]  # service ids the step starts from (may be empty)
    til: tuple[str, ...]
    # On a region map: the municipality (``kommune``, None when shared) of each
    # service in ``fra`` and ``til``, read while resolving so pairing needs no look-ups.
    fra_kommune: tuple[str | None, ...] | None = None
    til_kommune: tuple[str | None, ...] | None = None

    @property
    def resolved(self) -> bool:
        return bool(self.fra and self.til)


_PAIR_CACHE: dict[tuple, tuple[tuple[str, str], ...]] = {}
_PAIR_CACHE_SIZE = 256  # steps of a few pathways on a few maps; ~11k pairs for a region pathway


def clear_pair_cache() -> None:
    """Forget the cached pairs (benchmarks measure a cold start with it)."""
    _PAIR_CACHE.clear()


def step_pairs(m: Map, rs: ResolvedStep) -> list[tuple[str, str]]:
    """The concrete (from, to) service pairs a step joins, as a new list.

    On a region map a step stays inside one municipality: Stord's school
    refers to Stord's GP, not to every GP of the region. Shared services
    (no ``kommune``, such as BUP) pair with everyone.

    Receivers are grouped by municipality once per step, so a region costs
    about the pairs kept (11k on the 2,472-service benchmark region), not
    every from x to pair (539k). The result is cached per step, keyed by the
    step's services and their municipalities, so an edited map (a service
    moved to another municipality) never gets stale pairs; stepping through
    a pathway (the overlay pairs every step on every change) reuses them.
    """
    region = m.type == "region"
    if not region:
        key = (rs.fra, rs.til)
    elif rs.fra_kommune is not None and rs.til_kommune is not None:
        key = (rs.fra, rs.til, rs.fra_kommune, rs.til_kommune)
    else:  # a step resolved elsewhere: look the municipalities up
        key = (rs.fra, rs.til, tuple(m.service(s).kommune for s in rs.fra), tuple(m.service(s).kommune for s in rs.til))
    cached = _PAIR_CACHE.get(key)
    if cached is None:
        if region:
            cached = _pairs(*key)
        else:
            cached = tuple((a, b) for a in rs.fra for b in rs.til if a != b)
        if len(_PAIR_CACHE) >= _PAIR_CACHE_SIZE:
            _PAIR_CACHE.pop(next(iter(_PAIR_CACHE)))  # oldest first
        _PAIR_CACHE[key] = cached
    return list(cached)


def _pairs(fra, til, k_fra, k_til) -> tuple[tuple[str, str], ...]:
    # For each municipality among the senders, the receivers it may reach (its
    # own and the shared ones), in the step's order, computed once.
    reach: dict[str | None, list[str]] = {None: list(til)}
    out = []
    for a, ka in zip(fra, k_fra):
        targets = reach.get(ka)
        if targets is None:
            targets = reach[ka] = [b for b, kb in zip(til, k_til) if kb is None or kb == ka]
        out.extend((a, b) for b in targets if b != a)
    return tuple(out)


def _ids(m: Map, reference: str) -> tuple[str, ...]:
    return tuple(s.id for s in m.resolve(reference))


def build_graph(m: Map, pathways: tuple[Pathway, ...] | list[Pathway] = ()):
    """A networkx MultiDiGraph of the map (imported here: the window starts faster)."""
    import networkx as nx

    g = nx.MultiDiGraph(map_id=m.id)
    for s in m.tjenester:
        g.add_node(s.id, level=s.niva, sector=s.sektor, type=s.role, navn=s.navn)
    for link in m.samarbeid:
        for a in _ids(m, link.mellom[0]):
            for b in _ids(m, link.mellom[1]):
                if a != b:
                    g.add_edge(a, b, kind="samarbeid", merknad=link.merknad)
                    g.add_edge(b, a, kind="samarbeid", merknad=link.merknad)
    for p in pathways:
        for rs in resolve_steps(m, p):
            for a, b in step_pairs(m, rs):
                g.add_edge(a, b, kind="flyt", pathway=p.id, step=rs.index, art=rs.step.art)
    return g


def resolve_steps(m: Map, p: Pathway) -> list[ResolvedStep]:
    """Each flow step with the ids of the services its references match (map order)."""
    if m.type != "region":
        return [ResolvedStep(i, st, _ids(m, st.fra), _ids(m, st.til)) for i, st in enumerate(p.flyt)]
    out = []
    for i, st in enumerate(p.flyt):
        fra, til = m.resolve(st.fra), m.resolve(st.til)
        out.append(ResolvedStep(i, st, tuple(s.id for s in fra), tuple(s.id for s in til),
                                tuple(s.kommune for s in fra), tuple(s.kommune for s in til)))
    return out


def pathway_services(m: Map, p: Pathway) -> set[str]:
    """Every service of the map that one of the pathway's references matches."""
    return {sid for ref in p.references() for sid in _ids(m, ref)}


def pathway_levels(m: Map, p: Pathway) -> list[int]:
    """The levels of the pyramid the pathway passes through, base first."""
    return sorted({m.service(sid).niva for sid in pathway_services(m, p)})


def dead_ends(m: Map, p: Pathway) -> list[str]:
    """Services that receive a step and pass nothing on, except at the top level.

    Worth a look in a meeting: who takes over after them?
    """
    top = max((lv.id for lv in m.nivaer), default=0)
    receive, send = set(), set()
    for rs in resolve_steps(m, p):
        receive.update(rs.til)
        send.update(rs.fra)
    return sorted(sid for sid in receive - send if m.service(sid).niva != top)


def unresolved_references(m: Map, item: Pathway | Case) -> list[str]:
    """References (in order of first mention) that match no service of the map."""
    if isinstance(item, Pathway):
        refs = item.references()
    else:
        refs = list(dict.fromkeys(r for st in item.steg for r in (*st.involverte, *st.forslag)))
    return [r for r in refs if not m.resolve(r)]
