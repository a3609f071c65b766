"""What the map stresses now: one rule, in one place.

The window asks this function every time anything that matters changes (the
map, the pathway, its step, a running case and its marks), and hands the
answer to the scene; no other code sets the map's emphasis. So a pathway step
chosen while a case runs can never wipe the team's marks: the case owns the
map it runs on until it ends.
"""
from __future__ import annotations

from .emphasis import PLAIN, Emphasis
from .model import Map, Pathway
from .overlay import pathway_emphasis


def map_stress(m: Map | None, pathway: Pathway | None = None, step: int | None = None, session=None) -> Emphasis:
    """The emphasis for map ``m``.

    ``session``: a running case session (``session.controller.Session``) or
    None. On the map it runs on, the case decides (marks, reveal, the team's
    arrows); otherwise the chosen ``pathway`` at ``step`` (0-based; None: the
    whole flow) does; with neither the map is plain.
    """
    if m is None:
        return PLAIN
    if session is not None and session.map.id == m.id:
        return session.emphasis()
    if pathway is not None:
        return pathway_emphasis(m, pathway, step)
    return PLAIN
