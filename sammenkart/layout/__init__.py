"""Pure geometry of a map: where every band, card and line goes.

Computed once here; the Qt view and the PDF poster both draw this result, so
the poster looks like the screen.
"""
from .geometry import BandGeom, CardGeom, EdgeGeom, MapLayout, Rect

__all__ = ["BandGeom", "CardGeom", "EdgeGeom", "MapLayout", "Rect"]
