"""What the map should stress right now, as plain data.

Pathway stepping and case sessions each compute an ``Emphasis`` (pure code);
the Qt scene and the poster only draw it. One value describes the whole
overlay, so a view never has to remember how it got there.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Arrow:
    """A directed line between two concrete services."""

    fra: str  # service id
    til: str  # service id; the same as ``fra`` for a step from a service to itself (a loop)
    art: str = "henvisning"  # henvisning | samarbeid | veiledning | tilbakemelding
    number: int | None = None  # step number shown in a badge, 1-based
    current: bool = False  # the step being talked about now
    faded: bool = False  # a step not yet reached, or one already passed


@dataclass(frozen=True)
class Colouring:
    """Cards filled by something other than their level: the revision view's
    traffic lights, or figures on the map. The same shapes, borders and arrows;
    only the fills and the legend's first section change."""

    title: str  # the legend heading ("Revisjon")
    fills: tuple[tuple[str, str], ...] = ()  # (service id, "#rrggbb")
    default: str = "#d9d9d9"  # a card not listed (e.g. "ikkje vurdert")
    legend: tuple[tuple[str, str], ...] = ()  # (label, "#rrggbb"), in the order shown
    # A short sign on a card (service id, "✓"), so what the fill says reads without
    # colour too (grey print, colour-blind viewers); drawn on the card's lower left corner.
    marks: tuple[tuple[str, str], ...] = ()
    dimmed: frozenset[str] = frozenset()  # cards a filter fades (e.g. "bare gule og raude")

    def fill_for(self, service_id: str) -> str:
        return dict(self.fills).get(service_id, self.default)


@dataclass(frozen=True)
class Emphasis:
    highlighted: frozenset[str] = frozenset()  # services in focus
    dim_others: bool = False  # fade every service that is not highlighted
    current: frozenset[str] = frozenset()  # strongest emphasis (the current step's services)
    marked: tuple[str, ...] = ()  # a team's choices, numbered in this order
    revealed: frozenset[str] = frozenset()  # suggested services, shown after a reveal
    arrows: tuple[Arrow, ...] = ()
    show_links: bool = True  # draw standing collaboration (samarbeid) lines
    pathway: str | None = None  # the pathway the arrows are the steps of (its routes are in the layout)
    colouring: Colouring | None = None  # card fills by status or figures instead of by level
    selected: str | None = None  # the card being edited (edit mode): a selection outline

    @property
    def found(self) -> frozenset[str]:
        return frozenset(self.marked) & self.revealed

    @property
    def missed(self) -> frozenset[str]:
        return self.revealed - frozenset(self.marked)

    @property
    def added(self) -> frozenset[str]:
        """Chosen beyond the suggestion: not wrong, a point for discussion."""
        return frozenset(self.marked) - self.revealed if self.revealed else frozenset()


PLAIN = Emphasis()
