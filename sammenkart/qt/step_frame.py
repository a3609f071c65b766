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

The rule for a step wider than the screen (meeting room, room8 item 1: angst
step 5 names six legekontor and two were cut off at the edges): the text stays
at the room's floor, never smaller, because a facilitator in front of 100 people
needs every name on the screen readable, and the caption already names all of
the step. Instead the view says where the rest is: a marker at each edge beyond
which step cards lie (``off_view``: direction, how many, their names), and a
click on it or Ctrl+Shift+arrow moves the view that way (``pan``) at the same size,
as far as brings the nearest of them in, and as many as fit, with a marker
pointing back. A card counts as off the view when any of it is cut (a name
cut in half is not read).

Plain geometry on tuples (scene units and view pixels), no Qt: the view
(``map_view.MapView``) applies what ``frame`` returns.
"""
from __future__ import annotations

Rect = tuple[float, float, float, float]  # x, y, width, height

COMFORT = 1.25  # a compact step is shown at most this much above the readable size
MARGIN = 12.0  # px kept between the step's cards and the view's edge


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
          step: list[Rect], receivers: list[Rect], margin: float = MARGIN) -> tuple[float, float, float] | None:
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


SIDES = ("left", "right", "up", "down")


def off_view(cards: dict[str, Rect], seen: Rect) -> dict[str, list[str]]:
    """The cards (id -> rect, scene units) not wholly inside ``seen`` (the scene rect
    the view shows), by the edge they are beyond: "left", "right", "up", "down"
    (where a card is beyond two, the one it is further beyond). Ids in the order
    along that edge (top to bottom, left to right); sides without any are left out."""
    x0, y0, x1, y1 = seen[0], seen[1], seen[0] + seen[2], seen[1] + seen[3]
    out: dict[str, list[tuple[float, str]]] = {}
    for sid, (x, y, w, h) in cards.items():
        beyond = {"left": x0 - x, "right": x + w - x1, "up": y0 - y, "down": y + h - y1}
        side, by = max(beyond.items(), key=lambda kv: kv[1])
        if by > 0:
            along = y if side in ("left", "right") else x
            out.setdefault(side, []).append((along, sid))
    return {side: [sid for _, sid in sorted(out[side])] for side in SIDES if side in out}


def pan(seen: Rect, group: list[Rect], side: str, pad: float) -> tuple[float, float]:
    """The view's new centre (scene units) after moving a view showing ``seen``
    toward ``side`` to bring in ``group`` (the cards beyond that edge): all of them
    where they fit (with ``pad`` around), else as many as fit from the nearest on."""
    box = union(group)
    cx, cy = seen[0] + seen[2] / 2, seen[1] + seen[3] / 2
    if box is None:
        return cx, cy
    lo_x, hi_x, lo_y, hi_y = box[0] - pad, box[0] + box[2] + pad, box[1] - pad, box[1] + box[3] + pad
    w, h = seen[2], seen[3]
    if side == "right":
        cx = min(hi_x - w, lo_x) + w / 2
    elif side == "left":
        cx = max(lo_x + w, hi_x) - w / 2
    elif side == "down":
        cy = min(hi_y - h, lo_y) + h / 2
    elif side == "up":
        cy = max(lo_y + h, hi_y) - h / 2
    return cx, cy
