"""Lay out a map again only when what the layout reads has changed.

An edit gives new ``Map`` and ``Pathway`` objects (the editor reads the
edited text again), but most edits change nothing the layout looks at: a
description, an age range, contacts, a step's condition, a role's text.
Laying out the example map takes about 0.2 s (the 2,472-service region
0.7 s, docs/performance.md), far over the 30 ms an edit may take to show, so
the window keeps one layout per map and asks ``LayoutCache.layout_for``:

- nothing the layout reads changed: the same ``MapLayout`` object;
- only names changed, and every renamed card wraps to as many lines as
  before: a copy with the new lines (card sizes come from the line count,
  ``engine._card_height``, so every place stays);
- otherwise a new layout, in which every card that stays in its band keeps
  its row and column from the one before where the grid allows
  (``engine.kept_places``: the rows as full as they were, so a rename that
  makes one card taller moves no other card to another cell): a card moved
  to another level does not send the others elsewhere. (A map opened afresh, a poster, is laid out from scratch.)

What the layout reads is ``layout_input``: for each service its id, level,
sector, type, municipality, pin (``plassering``), ``tilgang`` (step numbers
keep clear of its symbol) and label's line count, in file order; the levels (id, name, colour), map type and målform; the
collaboration links; and each pathway's id and steps (from, to). Written
conservatively: file order and ``plassering`` are in although the layout
of today orders cards itself (it follows file order on ties). ``tests/test_layout_reuse.py`` checks that
changing anything left out leaves ``layout_map``'s result as it was.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..model import Map, Pathway
from .engine import _lines, layout_map
from .geometry import MapLayout

SAME, RELABELLED, NEW = "same", "relabelled", "new"


def layout_input(m: Map, pathways: Sequence[Pathway], lines: dict[str, tuple[str, ...]] | None = None) -> tuple:
    """Everything ``layout_map(m, pathways)`` depends on, as a comparable value
    (card labels by their number of lines only; ``lines`` gives them when known)."""
    lines = lines if lines is not None else {s.id: _lines(s, lang=m.malform) for s in m.tjenester}
    services = tuple((s.id, s.niva, s.sektor, s.type, s.kommune, s.plassering, s.tilgang, len(lines[s.id]))
                     for s in m.tjenester)
    levels = tuple((lv.id, lv.navn, lv.farge) for lv in m.nivaer)
    links = tuple(tuple(link.mellom) for link in m.samarbeid)
    flows = tuple(sorted((p.id, tuple((st.fra, st.til) for st in p.flyt)) for p in pathways))
    return (m.id, m.type, m.malform, levels, services, links, flows)


class LayoutCache:
    """One layout per map id, reused while ``layout_input`` is unchanged.

    ``layout_for(m, pathways) -> (MapLayout, how)`` with ``how`` one of
    ``SAME``, ``RELABELLED``, ``NEW``. ``layout`` is the function that lays
    a map out (``engine.layout_map``; tests and benchmarks may count calls)."""

    def __init__(self, layout=layout_map):
        self._layout = layout
        self._entries: dict[str, tuple[tuple, dict, MapLayout]] = {}
        self._labels: dict[tuple[str, str], tuple[str, ...]] = {}  # (name, sector) -> wrapped label

    def get(self, map_id: str) -> MapLayout | None:
        entry = self._entries.get(map_id)
        return entry[2] if entry else None

    def __contains__(self, map_id: str) -> bool:
        return map_id in self._entries

    def clear(self) -> None:
        self._entries.clear()

    def forget(self, map_id: str) -> None:
        self._entries.pop(map_id, None)

    def _label(self, s) -> tuple[str, ...]:
        # wrapping every name again after each edit cost 60 ms on a 2,472-service region
        key = (s.navn, s.sektor)
        hit = self._labels.get(key)
        if hit is None:
            if len(self._labels) > 20_000:
                self._labels.clear()
            hit = self._labels[key] = _lines(s)
        return hit

    def layout_for(self, m: Map, pathways: Sequence[Pathway]) -> tuple[MapLayout, str]:
        lines = {s.id: self._label(s) for s in m.tjenester}
        key = layout_input(m, pathways, lines)
        entry = self._entries.get(m.id)
        if entry is not None and entry[0] == key:
            old_lines, layout = entry[1], entry[2]
            if old_lines == lines:
                # The display list keeps card items on the layout, keyed by their look;
                # a new map may fill a card differently (a colouring by a field), so start afresh.
                layout.__dict__.pop("_card_items", None)
                return layout, SAME
            relabelled = _relabel(layout, lines)
            self._entries[m.id] = (key, lines, relabelled)
            return relabelled, RELABELLED
        if entry is not None and self._layout is layout_map:
            # an edit moved or added a card: the others keep their rows and columns
            layout = layout_map(m, pathways, keep=entry[2])
        else:
            layout = self._layout(m, pathways)
        self._entries[m.id] = (key, lines, layout)
        return layout, NEW


def _relabel(layout: MapLayout, lines: dict[str, tuple[str, ...]]) -> MapLayout:
    """A copy of ``layout`` whose cards carry ``lines`` (same count: same boxes)."""
    cards = {sid: (replace(card, lines=lines[sid]) if sid in lines and card.lines != lines[sid] else card)
             for sid, card in layout.cards.items()}
    out = MapLayout(layout.map_id, layout.width, layout.height, cards, layout.bands, layout.links,
                    layout.link_marks, layout.scenes, layout.grid, layout.aspect)
    return out
