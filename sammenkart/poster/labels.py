"""Names that did not fit on their card: the layout ends them in "…"; say so."""
from __future__ import annotations

from ..i18n import _
from ..layout.geometry import MapLayout
from ..layout.text import was_cut
from ..model import Map, Problem


def cut_label_problems(m: Map, layout: MapLayout) -> list[Problem]:
    """A warning at each service whose card shows only part of its name."""
    out = []
    for s in m.tjenester:
        card = layout.cards.get(s.id)
        if card is not None and was_cut(s.navn, card.lines):
            out.append(Problem(s.source, _("navnet er for langt for kortet og vises forkortet: «{start}…»").format(
                start=s.navn[:40].rstrip()), "warning"))
    return out
