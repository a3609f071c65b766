"""The shared pieces the poster draws with, in one place.

The poster draws the same geometry and colours as the screen: the layout
engine, the edge routing, the style and the pathway overlay are imported here
and nowhere else in the poster package.
"""
from __future__ import annotations

from ..layout.edges import arrow_points, badge_point, link_points
from ..layout.engine import layout_map
from ..overlay import pathway_emphasis
from ..style import ART_DASH, SECTOR_SHAPES, art_label, card_outline, level_position, palette, sector_label

__all__ = ["ART_DASH", "SECTOR_SHAPES", "arrow_points", "art_label", "badge_point", "card_outline",
           "layout_map", "level_position", "link_points", "palette", "pathway_emphasis", "sector_label"]
