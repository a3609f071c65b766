"""The map picture as a display list: what the screen and the poster both draw.

``build(map, layout, emphasis, variant)`` turns a layout (where everything
is) and an emphasis (what is stressed now) into plain, frozen drawing items
in map units: bands with their labels, collaboration lines, cards with
their text, step arrows with their heads, step numbers, marks and the
legend. Colours come from the palette, every width, radius and opacity from
``style.Look``. The Qt scene (``qt/map_scene.py``), the poster
(``poster/draw_map.py``) and the poster dialog's preview draw these items
and nothing else, so they cannot disagree.

Arrows of a pathway come routed from the layout (``MapLayout.scenes``);
arrows the layout could not know in advance (a team's referrals in a case)
are routed here once, in the same channels, and kept on the layout.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .emphasis import PLAIN, Emphasis
from .i18n import _
from .layout.engine import BAND_FONT, LABEL_FONT, band_label_runs, realise_scene
from .layout.geometry import MapLayout, Rect, RoutedNet
from .layout.text import BOLD, text_width
from .style import (
    ART_DASH, SECTOR_ORDER, SECTOR_SHAPES, Look, Palette, art_label, card_outline, level_position,
    dimmed_text, look as look_for, palette, readable_on, sector_label,
)

Point = tuple[float, float]


@dataclass(frozen=True)
class BandItem:
    level_id: int
    rect: Rect
    fill: str
    runs: tuple[tuple[str, float, float], ...]  # label text and baseline start; rotated: read upwards
    rotated: bool
    font: str
    size: float
    colour: str


@dataclass(frozen=True)
class CardItem:
    id: str
    rect: Rect
    outline: tuple  # path commands (M, L, C, Z) in map units
    fill: str
    stroke: str
    stroke_width: float
    dash: tuple[float, ...]  # in map units; () = solid
    opacity: float  # of fill and outline
    text_colour: str
    text_opacity: float  # 1.0: a dimmed card's text comes as an opaque colour (style.dimmed_text)
    lines: tuple[str, ...]
    font: str
    font_size: float
    line_height: float
    line_dx: tuple[float, ...]  # each line's centre right of the card's centre (slanted cards); () none
    state: str  # normal | dim | highlight | current


@dataclass(frozen=True)
class LineItem:
    """A collaboration link or one step's arrows (a tree when the step joins several services)."""

    kind: str  # "link" | "arrow"
    arrows: tuple[tuple[str, str, tuple[Point, ...]], ...]  # (from, to, polyline) per pair
    strokes: tuple[tuple[Point, ...], ...]  # each piece once
    heads: tuple[tuple[Point, Point, Point], ...]  # filled triangles
    colour: str
    width: float
    dash: tuple[float, ...]
    opacity: float
    art: str = "samarbeid"
    number: int | None = None
    current: bool = False
    faded: bool = False
    loop: bool = False


@dataclass(frozen=True)
class BadgeItem:
    """A round label: a step's number on its arrow, or a mark on a card.

    ``r`` is the outer radius, the ring included: draw the circle at radius
    ``r - ring_width / 2`` (so nothing of it reaches past ``r``)."""

    kind: str  # "step" | "mark" | "verdict" | "link-mark" | "status" (a colouring's sign) | "access"
    x: float
    y: float
    r: float
    text: str
    fill: str
    ring: str
    ring_width: float
    text_colour: str
    font: str
    size: float
    opacity: float = 1.0
    number: int | None = None  # a step's number
    owner: str = ""  # the card a mark belongs to


@dataclass(frozen=True)
class LegendEntry:
    kind: str  # "head" | "level" | "sector" | "access" | "art" | "note"
    key: str
    label: str
    fill: str = ""
    shape: str = ""
    dash: tuple[float, ...] = ()
    colour: str = ""
    symbol: str = ""  # kind "access": the symbol drawn on the cards (access_marks)


@dataclass(frozen=True)
class DisplayList:
    width: float
    height: float
    background: str
    bands: tuple[BandItem, ...]
    links: tuple[LineItem, ...]
    cards: tuple[CardItem, ...]
    arrows: tuple[LineItem, ...]
    badges: tuple[BadgeItem, ...]  # step numbers
    marks: tuple[BadgeItem, ...]  # on cards: a team's choices, verdicts, links of a service with itself, tilgang
    legend: tuple[LegendEntry, ...]

    def badge_circles(self) -> list[tuple[float, float, float]]:
        return [(b.x, b.y, b.r) for b in self.badges]


def level_fill(m, pal: Palette, variant: str, level_id: int) -> str:
    """Card colour of a level; a level's own ``farge`` wins in the normal palette."""
    lv = m.level(level_id)
    if variant == "normal" and lv is not None and lv.farge:
        return lv.farge
    return pal.card_fill(level_position(m, level_id), len(m.nivaer))


def build(m, layout: MapLayout, emphasis: Emphasis | None = None, variant: str = "normal",
          look: Look | None = None) -> DisplayList:
    """The display list of ``m`` as laid out, with ``emphasis`` applied (plain map when None)."""
    em = emphasis or PLAIN
    pal = palette(variant)
    lk = look or look_for(variant)
    n = len(m.nivaer)
    bands = tuple(
        BandItem(b.level_id, b.rect, pal.band_fill(level_position(m, b.level_id), n), tuple(band_label_runs(b)),
                 b.label_rotated, BAND_FONT, b.label_font_size, pal.text)
        for b in layout.bands)
    outlines = _outlines(layout)
    marked = {sid: i + 1 for i, sid in enumerate(em.marked)}
    colours: dict[int, tuple[str, str]] = {}
    recolour = dict(em.colouring.fills) if em.colouring else None
    faded = em.colouring.dimmed if em.colouring else frozenset()
    # The same look gives the same item object: a step change on a region then hands
    # the scene the very items it has for most cards, and it skips them at once.
    made = layout.__dict__.setdefault("_card_items", {})
    if len(made) > 20 * len(layout.cards) + 100:
        made.clear()
    # the look by identity (hashing its twenty fields for every card cost more than the rest),
    # kept alive here so its id stays its own
    look_key = id(layout.__dict__.setdefault("_looks", {}).setdefault(id(lk), lk))
    cards = []
    for sid, card in layout.cards.items():
        state = ("current" if sid in em.current else "highlight" if sid in em.highlighted
                 else "dim" if em.dim_others or sid in faded else "normal")
        stroke, width = pal.card_border, lk.card_border
        if state == "current":
            stroke, width = pal.current, lk.card_current
        elif state == "highlight":
            stroke, width = pal.highlight, lk.card_highlight
        if sid in marked:
            stroke, width = pal.marked, max(width, lk.card_marked)
        dash: tuple[float, ...] = ()
        if em.revealed and sid in em.missed:
            stroke, width, dash = pal.missed, lk.card_marked, lk.card_missed_dash
        if sid == em.selected:
            stroke, width, dash = pal.text, lk.card_selected, lk.card_selected_dash
        dim = state == "dim"
        own_fill = recolour.get(sid, em.colouring.default) if recolour is not None else None
        key = (sid, variant, state, stroke, width, dash, look_key, own_fill)
        item = made.get(key)
        if item is None:
            if own_fill is not None:
                fill, text = own_fill, readable_on(own_fill)
            else:
                if card.level not in colours:
                    colours[card.level] = (level_fill(m, pal, variant, card.level),
                                           readable_text(m, pal, variant, card.level))
                fill, text = colours[card.level]
            if dim:  # one opaque colour, readable on the dimmed fill: over its band on screen, on paper
                ground = pal.band_fill(level_position(m, card.level), n)
                text = dimmed_text(fill, (ground, pal.background), lk.dim_opacity, lk.dim_text_opacity)
            outline = outlines[sid]
            item = made[key] = CardItem(
                sid, card.rect, outline, fill, stroke, width, dash, lk.dim_opacity if dim else 1.0, text,
                1.0, card.lines, LABEL_FONT, card.font_size, card.line_height,
                card.line_dx, state)
        cards.append(item)
    # current and highlighted cards on top of the others (their thick borders stay whole)
    rank = {"current": 3, "highlight": 2}
    cards.sort(key=lambda c: (c.id == em.selected, rank.get(c.state, 1)))  # the selected card's outline on top

    links = []
    if em.show_links and "" in layout.scenes:
        opacity = lk.link_dim_opacity if em.dim_others or faded else 1.0
        dash = tuple(ART_DASH.get("samarbeid", ()))
        for net in layout.scenes[""].nets:
            links.append(_line(layout, net, "link", (), pal.link, lk.link_width, dash, opacity))

    arrows, badges = _arrows(m, layout, em, pal, lk)
    marks = _marks(layout, em, pal, lk, marked)
    from .access_marks import access_marks  # it builds this module's items

    marks += access_marks(m, layout, outlines, {c.id: c.state for c in cards}, pal, lk)
    return DisplayList(layout.width, layout.height, pal.background, bands, tuple(links), tuple(cards),
                       tuple(arrows), tuple(badges), tuple(marks), legend_entries(m, pal, em, variant))


def readable_text(m, pal: Palette, variant: str, level_id: int) -> str:
    return readable_on(level_fill(m, pal, variant, level_id))


def _outlines(layout: MapLayout) -> dict[str, tuple]:
    """Card outlines, computed once per layout (the display list shares the tuples)."""
    cache = layout.__dict__.get("_outlines")
    if cache is None:
        cache = {}
        for sid, card in layout.cards.items():
            shape = SECTOR_SHAPES.get(card.sector, "rect")
            cache[sid] = tuple(card_outline(shape, card.rect))
        layout.__dict__["_outlines"] = cache
    return cache


def _arrows(m, layout: MapLayout, em: Emphasis, pal: Palette, lk: Look):
    if not em.arrows:
        return [], []
    by_number: dict = defaultdict(list)
    for a in em.arrows:
        by_number[a.number].append(a)
    scene = layout.scenes.get(em.pathway) if em.pathway else None
    nets: list[tuple[RoutedNet, object]] = []
    if scene is not None:
        # which routed nets the arrows are: the same for every step of a pathway (only the
        # arrows' looks change), so it is worked out once per pathway and set of arrows
        wanted = frozenset((a.fra, a.til, a.number) for a in em.arrows)
        cache = layout.__dict__.setdefault("_step_nets", {})
        hit = cache.get((em.pathway, wanted))
        if hit is None:
            hit = []
            for net in scene.nets:
                number = net.key[1] + 1
                if all((f, t, number) in wanted for f, t, _p in net.arrows):
                    hit.append((net, number))
            if len(cache) > 64:
                cache.clear()
            cache[(em.pathway, wanted)] = hit
        nets = [(net, by_number[number][0]) for net, number in hit if number in by_number]
    else:
        for net, arrow in _routed_on_demand(m, layout, em.arrows):
            nets.append((net, arrow))
    lines, badges = [], []
    # faded steps first, the current one last (drawn on top)
    nets.sort(key=lambda na: (na[1].current, not na[1].faded, na[1].number or 0))
    for net, a in nets:
        colour = pal.arrow_current if a.current else pal.arrow
        width = lk.arrow_current_width if a.current else lk.arrow_width
        opacity = lk.arrow_faded_opacity if a.faded and not a.current else 1.0
        heads = _heads(layout, net, lk)
        lines.append(_line(layout, net, "arrow", heads, colour, width, tuple(ART_DASH.get(a.art, ())), opacity,
                           a.art, a.number, a.current, a.faded, net.loop))
        if a.number is not None and net.badge is not None:
            badges.append(_badge(layout, net, a.number, pal.background, colour,
                                 lk.badge_ring + (lk.badge_ring_current if a.current else 0.0), opacity, lk))
    return lines, badges


def _badge(layout: MapLayout, net: RoutedNet, number: int, background: str, colour: str, ring: float,
           opacity: float, lk: Look) -> BadgeItem:
    """A step's number on its net, the same object on every step that draws it alike."""
    cache = layout.__dict__.setdefault("_badge_items", {})
    key = (id(net), number, background, colour, ring, opacity, lk.badge_radius, lk.badge_font_size)
    hit = cache.get(key)
    if hit is None or hit[0] is not net:
        if len(cache) > 50000:
            cache.clear()
        label = str(number)
        x, y, r = net.badge
        hit = cache[key] = (net, BadgeItem("step", x, y, r, label, background, colour, ring, colour, LABEL_FONT,
                                           number_size(label, r, ring, lk), opacity, number))
    return hit[1]


def number_size(label: str, r: float, ring: float, lk: Look) -> float:
    """Type size of a step's number: ``Look.badge_font_size``, smaller when the digits
    would not fit inside the ring (two or three digits, a disc the room made smaller)."""
    inner = 2 * (r - ring) * 0.92
    return min(lk.badge_font_size, inner / max(text_width(label, 1.0, LABEL_FONT), 1e-6))


def _line(layout: MapLayout, net: RoutedNet, kind: str, heads, colour, width, dash, opacity, art="samarbeid",
          number=None, current=False, faded=False, loop=False) -> LineItem:
    """The line item of a net in a look, the same object on every step that draws it
    alike (the window then keeps what it made of it, and compares by identity)."""
    cache = layout.__dict__.setdefault("_line_items", {})
    key = (id(net), kind, id(heads), colour, width, dash, opacity, art, number, current, faded, loop)
    hit = cache.get(key)
    if hit is None or hit[0] is not net:
        if len(cache) > 50000:
            cache.clear()
        hit = cache[key] = (net, LineItem(kind, net.arrows, net.strokes, heads, colour, width, dash, opacity, art,
                                          number, current, faded, loop))
    return hit[1]


def _heads(layout: MapLayout, net: RoutedNet, lk: Look) -> tuple:
    """A net's arrow heads, made once per layout and look: every step then hands
    the screen the same tuples, and the window keeps their painter paths."""
    cache = layout.__dict__.setdefault("_heads", {})
    key = (id(net), lk.head_length, lk.head_spread)
    hit = cache.get(key)
    if hit is None or hit[0] is not net:
        hit = cache[key] = (net, tuple(arrow_head(tip, back, lk.head_length, lk.head_spread) for tip, back in net.heads))
    return hit[1]


def _routed_on_demand(m, layout: MapLayout, arrows) -> list[tuple[RoutedNet, object]]:
    """Arrows not routed with the layout (a case's referrals): route them now, once."""
    from .layout.engine import number_obstacles
    from .layout.routing import Router, make_loop, make_net

    cache = layout.__dict__.setdefault("_on_demand", {})
    key = tuple((a.fra, a.til, a.number) for a in arrows)
    if key not in cache:
        grid = layout.grid
        out = []
        if grid is not None:
            nets, owners = [], []
            for k, a in enumerate(arrows):
                net = make_loop(grid, ("steg", k, a.fra), a.fra) if a.fra == a.til else \
                    make_net(grid, ("steg", k, ""), [(a.fra, a.til)])
                if net is not None:
                    nets.append(net)
                    owners.append(k)
            router = Router(grid)
            router.route(nets)
            router.assign_tracks()
            scene = realise_scene(router, obstacles=number_obstacles(m, grid))
            by_k = {net.key[1]: net for net in scene.nets}
            out = [(by_k[k], k) for k in owners if k in by_k]
        cache[key] = out
    return [(net, arrows[k]) for net, k in cache[key]]


def arrow_head(tip: Point, back: Point, length: float, spread_deg: float) -> tuple[Point, Point, Point]:
    """A filled head at ``tip``, pointing away from ``back``."""
    ang = math.atan2(tip[1] - back[1], tip[0] - back[0])
    spread = math.radians(spread_deg)
    left = (tip[0] - length * math.cos(ang - spread), tip[1] - length * math.sin(ang - spread))
    right = (tip[0] - length * math.cos(ang + spread), tip[1] - length * math.sin(ang + spread))
    return (tip, left, right)


def _marks(layout: MapLayout, em: Emphasis, pal: Palette, lk: Look, marked: dict[str, int]) -> list[BadgeItem]:
    out = []
    ring = 1.5  # marks are drawn with the ring inside their radius, as the numbers are
    for sid, number in marked.items():
        card = layout.cards.get(sid)
        if card:
            out.append(BadgeItem("mark", card.rect.x, card.rect.y, lk.mark_radius + ring / 2, str(number),
                                 pal.marked, "#ffffff", ring, "#ffffff", BOLD, lk.mark_font_size, owner=sid))
    if em.revealed:
        for sid, card in layout.cards.items():
            verdict = "found" if sid in em.found else "missed" if sid in em.missed else \
                "added" if sid in em.added else None
            if verdict:
                colour = {"found": pal.found, "missed": pal.missed, "added": pal.added}[verdict]
                sign = {"found": "✓", "missed": "?", "added": "+"}[verdict]
                out.append(BadgeItem("verdict", card.rect.right, card.rect.y, lk.mark_radius + ring / 2, sign,
                                     colour, "#ffffff", ring, "#ffffff", BOLD, lk.mark_font_size, owner=sid))
    if em.colouring is not None:
        for sid, sign in em.colouring.marks:
            card = layout.cards.get(sid)
            if card:  # white disc, dark sign: readable on any fill, in grey and in colour
                out.append(BadgeItem("status", card.rect.x, card.rect.bottom, lk.status_mark_radius + lk.badge_ring / 2,
                                     sign, pal.background, pal.text, lk.badge_ring, pal.text, BOLD,
                                     lk.status_mark_font_size,
                                     lk.dim_opacity if sid in em.colouring.dimmed else 1.0, owner=sid))
    if em.show_links:
        r = lk.link_mark_radius
        for sid in layout.link_marks:
            card = layout.cards.get(sid)
            if card:
                # a small ring with an arrow, inside the card's top-right corner
                out.append(BadgeItem("link-mark", card.rect.right - r - 3, card.rect.y + r + 3, r + 0.5, "↻",
                                     pal.background, pal.link, 1.0, pal.link, BOLD, r * 1.7, owner=sid))
    return out


def legend_entries(m, pal: Palette, em: Emphasis, variant: str) -> tuple[LegendEntry, ...]:
    """Levels (or, with a colouring, what its fills mean) and sectors in use, and
    the kinds of arrow shown (with a note on the numbers)."""
    if em.colouring is not None:
        out = [LegendEntry("head", "farger", em.colouring.title)]
        for i, (label, fill) in enumerate(em.colouring.legend):
            out.append(LegendEntry("level", f"farge-{i}", label, fill=fill, shape="rect", colour=pal.card_border))
    else:
        out = [LegendEntry("head", "nivaer", _("Nivåer"))]
        used_levels = {s.niva for s in m.tjenester}
        for lv in reversed(m.levels_bottom_up()):
            if lv.id in used_levels:
                out.append(LegendEntry("level", str(lv.id), lv.navn, fill=level_fill(m, pal, variant, lv.id),
                                       shape="rect", colour=pal.card_border))
    out.append(LegendEntry("head", "sektorer", _("Sektorer")))
    used = {s.sektor for s in m.tjenester}
    for sector in list(SECTOR_ORDER) + sorted(used - set(SECTOR_ORDER)):
        if sector in used:
            out.append(LegendEntry("sector", sector, sector_label(sector), fill="#ffffff",
                                   shape=SECTOR_SHAPES.get(sector, "rect"), colour=pal.card_border))
    from .access_marks import access_legend

    out += access_legend(m, pal)
    arts = list(dict.fromkeys(a.art for a in em.arrows))
    if arts:
        out.append(LegendEntry("head", "forlop", _("Forløpet")))
        for art in arts:
            out.append(LegendEntry("art", art, art_label(art), dash=tuple(ART_DASH.get(art, ())), colour=pal.arrow))
        out.append(LegendEntry("note", "tall", _("Tallene viser rekkefølgen i forløpet.")))
    return tuple(out)


@dataclass(frozen=True)
class RingItem:
    """The keyboard focus ring around one card (screen only; a poster has no focus), in
    map units: a band ``width`` wide in ``colour`` whose middle line is ``rect``, and
    inside it, across a ``gap_colour`` gap, a line ``inner`` wide whose middle line is
    ``inner_rect``; each with an ``edge`` line ``edge_width`` wide on both sides, so it
    shows on white, on the darkest card colour and in grey scale."""

    id: str
    rect: Rect
    radius: float
    width: float
    colour: str
    edge: str
    edge_width: float
    inner_rect: Rect
    inner: float
    gap_colour: str


def focus_ring(layout: MapLayout | None, service_id: str | None, variant: str = "normal",
               zoom: float = 1.0, floor_px: float = 11.0) -> RingItem | None:
    """The focus ring for ``service_id``'s card, or None. ``zoom``: px per map unit on
    screen; ``floor_px``: the least card text the room reads (px); the ring's widths are
    shares of it (``style.Look``), so it is as plain at any zoom."""
    card = layout.cards.get(service_id) if layout is not None and service_id is not None else None
    if card is None:
        return None
    lk = look_for(variant)
    unit = floor_px / max(zoom, 1e-6)  # the floor in map units
    edge = lk.focus_ring_edge_width / max(zoom, 1e-6)
    gap, inner, width = lk.focus_ring_gap * unit, lk.focus_ring_inner * unit, lk.focus_ring * unit
    mid_inner = gap + edge + inner / 2
    mid = gap + 2 * edge + inner + gap + edge + width / 2
    r = card.rect

    def around(d: float) -> Rect:
        return Rect(r.x - d, r.y - d, r.w + 2 * d, r.h + 2 * d)

    return RingItem(service_id, around(mid), mid + 2.0, width, lk.focus_ring_colour, lk.focus_ring_edge, edge,
                    around(mid_inner), inner, lk.focus_ring_gap_colour)
