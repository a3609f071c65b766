"""Where the view looks when the whole map cannot be read: at the step.

A region's every service at once (*Vis → Kommune → Alle tjenestene*, 97
services) fits a 1024×768 projector only at ~7 px card text (tester 3,
meeting room item 2). No arrangement of the screen makes that readable, so
for such a map the view shows the step being talked about at a size the room
reads (``READABLE_PX``, the room layout's floor): its cards as large as fit,
up to a little more than readable; where the step's cards are spread wider
than the screen at that size (one card per municipality), the receiving
cards ("til") stay in view and the map can be moved as always. With no step,
or where the whole map is readable, the whole map is shown.

Plain geometry on tuples (scene units and view pixels), no Qt: the view
(``map_view.MapView``) applies what ``frame`` returns.
"""
from __future__ import annotations

Rect = tuple[float, float, float, float]  # x, y, width, height

COMFORT = 1.25  # a compact step is shown at most this much above the readable size


def union(rects: list[Rect]) -> Rect | None:
    if not rects:
        return None
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    x1 = max(r[0] + r[2] for r in rects)
    y1 = max(r[1] + r[3] for r in rects)
    return x0, y0, x1 - x0, y1 - y0


def _place(lo: float, size: float, view: float, keep: tuple[float, float] | None, bounds: tuple[float, float]) -> float:
    """The view's centre on one axis: the middle of [lo, lo + size], moved the least so
    that ``keep`` (an interval) is inside a view ``view`` long, then kept over ``bounds``."""
    c = lo + size / 2
    half = view / 2
    if keep is not None and keep[1] - keep[0] <= view:
        c = min(max(c, keep[1] - half), keep[0] + half)
    b0, b1 = bounds
    if b1 - b0 <= view:
        return (b0 + b1) / 2
    return min(max(c, b0 + half), b1 - half)


def frame(scene: Rect, view_w: float, view_h: float, whole_zoom: float, min_text: float, readable_px: float,
          step: list[Rect], receivers: list[Rect], margin: float = 12.0) -> tuple[float, float, float] | None:
    """(zoom, centre x, centre y) in scene units for a view ``view_w`` × ``view_h`` px
    showing the step's cards ``step`` (``receivers``: the cards the step goes to),
    or None: show the whole map (it is readable whole at ``whole_zoom``, or there
    is no step). ``min_text``: the map's smallest card text (scene units);
    ``readable_px``: the least card text the room reads (px)."""
    box = union(step)
    if box is None or view_w <= 0 or view_h <= 0 or min_text <= 0:
        return None
    readable = readable_px / min_text
    if whole_zoom * min_text >= readable_px:
        return None
    fit = min((view_w - 2 * margin) / max(box[2], 1.0), (view_h - 2 * margin) / max(box[3], 1.0))
    zoom = min(max(fit, readable), readable * COMFORT)
    w, h = view_w / zoom, view_h / zoom
    to = union(receivers)
    pad = margin / zoom
    keep_x = (to[0] - pad, to[0] + to[2] + pad) if to is not None else None
    keep_y = (to[1] - pad, to[1] + to[3] + pad) if to is not None else None
    cx = _place(box[0], box[2], w, keep_x, (scene[0], scene[0] + scene[2]))
    cy = _place(box[1], box[3], h, keep_y, (scene[1], scene[1] + scene[3]))
    return zoom, cx, cy
