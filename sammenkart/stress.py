"""What the map stresses now: one rule, in one place.

The window asks this function every time anything that matters changes (the
map, the pathway, its step, a running case and its marks), and hands the
answer to the scene; no other code sets the map's emphasis. So a pathway step
chosen while a case runs can never wipe the team's marks: the case owns the
map it runs on until it ends.
"""
from __future__ import annotations

from dataclasses import replace

from .emphasis import PLAIN, Colouring, Emphasis
from .model import Map, Pathway
from .overlay import pathway_emphasis


def map_stress(m: Map | None, pathway: Pathway | None = None, step: int | None = None, session=None,
               colouring: Colouring | None = None, selected: str | None = None) -> Emphasis:
    """The emphasis for map ``m``.

    ``session``: a running case session (``session.controller.Session``) or
    None. On the map it runs on, the case decides (marks, reveal, the team's
    arrows); otherwise the chosen ``pathway`` at ``step`` (0-based; None: the
    whole flow) does; with neither the map is plain. ``colouring``: the cards'
    fills by something other than level (the revision view, figures), kept
    whatever else the map stresses; the cards its filter dims are faded even where
    the pathway or case would highlight them. ``selected``: the service edit mode's form
    shows (a selection outline on its card, over whatever else the card has).
    """
    if m is None:
        return PLAIN
    if session is not None and session.map.id == m.id:
        em = session.emphasis()
    elif pathway is not None:
        em = pathway_emphasis(m, pathway, step)
    else:
        em = PLAIN
    if colouring is not None:
        em = replace(em, colouring=colouring)
        if colouring.dimmed:
            # a filter the user turned on (Vis → Bare gule og røde) fades its cards over a
            # pathway's or a case's highlight too: what it hides stays hidden; the arrows stay
            em = replace(em, highlighted=em.highlighted - colouring.dimmed, current=em.current - colouring.dimmed)
    if selected is not None and m.service(selected) is not None:
        em = replace(em, selected=selected)
    return em
