"""How families reach a service (``tilgang``) as a symbol on its card, and its legend rows.

Part of the display list (``display.build`` and ``display.legend_entries``
call these), so the window, the poster, the poster dialog's preview and the
family handout's small map all draw the same symbol in the same place:
a small round badge on the card's lower right corner (``anchors``), ☎ for ``direkte``
(the family may make contact itself) and ✉ for ``henvisning`` (it needs a
referral) — ``style.ACCESS_SYMBOLS``; sizes from ``style.Look``
(``access_radius``, ``access_font_size``, ``access_ring``). The legend
wording is ``plain_language.access_text``, in the current language.

The lower right corner is free: a team's numbered choice sits on the upper
left, a case's verdict on the upper right, a collaboration with itself
inside the upper right; a label never reaches it (it keeps ``PAD_X`` from
the sides and ``PAD_Y`` from the bottom).
"""
from __future__ import annotations

import math

from .display import BadgeItem, LegendEntry
from .i18n import _
from .layout.geometry import MapLayout
from .layout.text import REGULAR
from .plain_language import access_text
from .style import ACCESS_SYMBOLS, Look, Palette

ORDER = ("direkte", "henvisning")


def _nearest_on_outline(commands, corner: tuple[float, float]) -> tuple[float, float]:
    """The point of a closed outline (M, L, C, Z commands) nearest ``corner``."""
    best, best_d = corner, math.inf
    start = prev = None

    def consider(p):
        nonlocal best, best_d
        d = (p[0] - corner[0]) ** 2 + (p[1] - corner[1]) ** 2
        if d < best_d:
            best, best_d = p, d

    def segment(a, b):
        dx, dy = b[0] - a[0], b[1] - a[1]
        n = dx * dx + dy * dy
        t = 0.0 if n == 0 else max(0.0, min(1.0, ((corner[0] - a[0]) * dx + (corner[1] - a[1]) * dy) / n))
        consider((a[0] + t * dx, a[1] + t * dy))

    for cmd in commands:
        op = cmd[0]
        if op == "M":
            start = prev = (cmd[1], cmd[2])
        elif op == "L":
            segment(prev, (cmd[1], cmd[2]))
            prev = (cmd[1], cmd[2])
        elif op == "C":
            p0, p1, p2, p3 = prev, (cmd[1], cmd[2]), (cmd[3], cmd[4]), (cmd[5], cmd[6])
            last = p0
            for i in range(1, 17):  # a quarter circle at most: 16 chords are within a hundredth of a unit
                t = i / 16
                u = 1 - t
                p = (u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                     u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1])
                segment(last, p)
                last = p
            prev = p3
        elif op == "Z" and start is not None and prev is not None:
            segment(prev, start)
            prev = start
    return best


def anchors(layout: MapLayout, outlines: dict[str, tuple], pull: float) -> dict[str, tuple[float, float]]:
    """Per card, the symbol's centre: its lower right corner, moved at most ``pull``
    towards the outline where the shape cuts the corner (octagon, slant, pill), so
    the badge touches the card without reaching its name (computed once per layout
    and pull; ``outlines`` as ``display._outlines`` gives them)."""
    cache = layout.__dict__.setdefault("_access_anchors", {})
    if pull not in cache:
        out = {}
        for sid, card in layout.cards.items():
            if sid not in outlines:
                continue
            out[sid] = anchor(outlines[sid], card.rect, pull)
        cache[pull] = out
    return cache[pull]


def anchor(outline, rect, pull: float) -> tuple[float, float]:
    """One card's symbol centre (see ``anchors``); the layout keeps step numbers off it."""
    corner = (rect.right, rect.bottom)
    near = _nearest_on_outline(outline, corner)
    d = math.dist(corner, near)
    k = min(d, pull) / d if d > 1e-9 else 0.0
    return (corner[0] + (near[0] - corner[0]) * k, corner[1] + (near[1] - corner[1]) * k)


def symbol_discs(m, rects: dict, lk: Look) -> list[tuple[float, float, float]]:
    """(x, y, r) of the symbols ``access_marks`` will draw for cards at ``rects``
    (service -> Rect): where the layout puts no step number."""
    from .style import SECTOR_SHAPES, card_outline

    out = []
    for s in m.tjenester:
        if ACCESS_SYMBOLS.get(s.tilgang or "") is None or s.id not in rects:
            continue
        rect = rects[s.id]
        x, y = anchor(card_outline(SECTOR_SHAPES.get(s.sektor, "rect"), rect), rect, 0.4 * lk.access_radius)
        out.append((x, y, lk.access_radius))
    return out


def access_marks(m, layout: MapLayout, outlines, states: dict[str, str], pal: Palette,
                 lk: Look) -> list[BadgeItem]:
    """One badge (kind "access", ``owner`` the card) per card whose service states
    ``tilgang``; it fades with a dimmed card as the card's name does."""
    out = []
    points = None
    # The same look gives the same item (as display.build does for cards): a step
    # change on a region of thousands of cards then makes almost no new items.
    made = layout.__dict__.setdefault("_access_items", {})
    if len(made) > 4 * len(layout.cards) + 100:
        made.clear()
    for s in m.tjenester:
        symbol = ACCESS_SYMBOLS.get(s.tilgang or "")
        if symbol is None or s.id not in layout.cards:
            continue
        opacity = lk.dim_text_opacity if states.get(s.id) == "dim" else 1.0
        key = (s.id, symbol, opacity, pal, lk)
        item = made.get(key)
        if item is None:
            if points is None:
                points = anchors(layout, outlines, 0.4 * lk.access_radius)
            x, y = points[s.id]
            item = made[key] = BadgeItem("access", x, y, lk.access_radius, symbol, pal.background,
                                         pal.card_border, lk.access_ring, pal.text, REGULAR, lk.access_font_size,
                                         opacity, owner=s.id)
        out.append(item)
    return out


def access_legend(m, pal: Palette) -> list[LegendEntry]:
    """A heading and one row per ``tilgang`` the map's services state (none when no service does)."""
    used = {s.tilgang for s in m.tjenester}
    kinds = [k for k in ORDER if k in used]
    if not kinds:
        return []
    out = [LegendEntry("head", "tilgang", _("Tilgang"))]
    for k in kinds:
        out.append(LegendEntry("access", k, access_text(k), fill=pal.background, colour=pal.card_border,
                               symbol=ACCESS_SYMBOLS[k]))
    return out
