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

    @property
    def resolved(self) -> bool:
        return bool(self.fra and self.til)


def step_pairs(m: Map, rs: ResolvedStep) -> list[tuple[str, str]]:
    """The concrete (from, to) service pairs a step joins.

    On a region map a step stays inside one municipality: Stord's school
    refers to Stord's GP, not to every GP of the region. Shared services
    (no ``kommune``, such as BUP) pair with everyone.
    """
    out = []
    # Look each service up once, not once per pair (regions pair 60 x 60 services).
    region = m.type == "region"
    kommune = {sid: (m.service(sid).kommune if region else None) for sid in (*rs.fra, *rs.til)}
    for a in rs.fra:
        ka = kommune[a]
        for b in rs.til:
            kb = kommune[b]
            if a != b and (ka is None or kb is None or ka == kb):
                out.append((a, b))
    return out


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
    return [ResolvedStep(i, st, _ids(m, st.fra), _ids(m, st.til)) for i, st in enumerate(p.flyt)]


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
