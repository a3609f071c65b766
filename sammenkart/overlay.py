"""What the map stresses when a pathway is chosen, whole or one step at a time."""
from __future__ import annotations

from .emphasis import Arrow, Emphasis
from .graph import pathway_services, resolve_steps, step_pairs
from .model import Map, Pathway


def pathway_emphasis(m: Map, p: Pathway, step: int | None = None) -> Emphasis:
    """``step`` None: the whole flow, numbered. ``step`` k (0-based): arrow k is
    current and its services stand out; earlier arrows stay, later ones fade."""
    arrows: list[Arrow] = []
    current: set[str] = set()
    for rs in resolve_steps(m, p):
        is_current = step is not None and rs.index == step
        later = step is not None and rs.index > step
        if is_current:
            current.update(rs.fra)
            current.update(rs.til)
        pairs = step_pairs(m, rs)
        if not pairs:  # a step from a service to itself: drawn as a loop on its card
            pairs = [(s, s) for s in dict.fromkeys(rs.fra) if s in rs.til]
        for a, b in pairs:
            arrows.append(Arrow(a, b, rs.step.art, rs.index + 1, is_current, later))
    return Emphasis(
        highlighted=frozenset(pathway_services(m, p)),
        dim_others=True,
        current=frozenset(current),
        arrows=tuple(arrows),
        show_links=False,  # the flow is the story now; standing links would clutter it
        pathway=p.id,
    )
