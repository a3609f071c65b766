"""The shared pieces the poster draws with: the team's own when present.

Each name comes from its owner's module (layout engine, edges, style, overlay);
``_fallback`` only fills in for a module that is not there.
"""
from __future__ import annotations

from . import _fallback as _fb

try:
    from ..layout.engine import layout_map
except ImportError:  # the layout engine has not landed
    layout_map = _fb.layout_map

try:
    from ..layout.edges import arrow_points, badge_point, link_points
except ImportError:
    arrow_points, badge_point, link_points = _fb.arrow_points, _fb.badge_point, _fb.link_points

try:
    from ..style import ART_DASH, SECTOR_SHAPES, art_label, card_outline, level_position, palette, sector_label
except ImportError:
    ART_DASH, SECTOR_SHAPES, art_label, card_outline = _fb.ART_DASH, _fb.SECTOR_SHAPES, _fb.art_label, _fb.card_outline
    level_position, palette, sector_label = _fb.level_position, _fb.palette, _fb.sector_label

try:
    from ..overlay import pathway_emphasis
except ImportError:
    pathway_emphasis = _fb.pathway_emphasis

__all__ = ["ART_DASH", "SECTOR_SHAPES", "arrow_points", "art_label", "badge_point", "card_outline",
           "layout_map", "level_position", "link_points", "palette", "pathway_emphasis", "sector_label"]
