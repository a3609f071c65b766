"""Where a card dropped on the map goes: which band (level) and where in it.

Pure geometry over a ``MapLayout``; the edit mode's drag (``qt/edit_map.py``)
asks this and hands the answer to ``Editor.move_service``, whose ``position``
counts the band's services in *file* order. The drop is read against the
picture: the card goes before the card it was dropped in front of (reading
each band row by row, left to right), and that card's place in the file
decides the position. So the file's order follows what the user pointed at
even while the layout orders cards by itself.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Map
from .geometry import MapLayout


@dataclass(frozen=True)
class Drop:
    """``niva``: the band's level; ``before``: the service the card goes in
    front of (None: last in the band); ``position``: its index among the band's
    other services in file order (``Editor.move_service``)."""

    niva: int
    before: str | None
    position: int


def band_at(layout: MapLayout, y: float) -> int | None:
    """The level of the band at height ``y`` (map units), or of the nearest band."""
    if not layout.bands:
        return None

    def distance(b) -> float:
        r = b.rect
        return 0.0 if r.y <= y <= r.bottom else min(abs(y - r.y), abs(y - r.bottom))

    return min(layout.bands, key=distance).level_id


def drop_target(m: Map, layout: MapLayout, service_id: str, x: float, y: float) -> Drop | None:
    """Where ``service_id`` dropped at (``x``, ``y``) goes; None without bands."""
    niva = band_at(layout, y)
    if niva is None:
        return None
    others = [c for c in layout.cards.values() if c.level == niva and c.service_id != service_id]
    rows: dict[float, list] = {}
    for c in others:  # the cards of a grid row share their middle (each is as tall as its name needs)
        rows.setdefault(round(c.rect.center[1], 1), []).append(c)
    before = None
    for middle in sorted(rows):
        row = sorted(rows[middle], key=lambda c: c.rect.x)
        top = min(c.rect.y for c in row)
        bottom = max(c.rect.bottom for c in row)
        if y > bottom:
            continue  # below this row: the point comes after it
        if y < top:
            before = row[0].service_id  # above the row (in the channel before it)
            break
        ahead = [c for c in row if x < c.rect.center[0]]
        if ahead:
            before = ahead[0].service_id
            break
    band = [s.id for s in m.tjenester if s.niva == niva and s.id != service_id]
    position = band.index(before) if before in band else len(band)
    return Drop(niva, before, position)
