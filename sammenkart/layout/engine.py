"""Lay out a map as a pyramid of level bands on a grid, and route every arrow.

The highest level is drawn at the top, level 0 at the bottom. Each band
holds its services in rows on one grid of columns (``grid.py``), ordered so
that arrows cross little (``placement.py``). The layout takes *all* the
pathways of the map at once: the cards' places never depend on which
pathway is shown, and each pathway's arrows (and the collaboration links)
are routed in advance in the channels between the cards (``routing.py``),
each channel as wide as the most arrows any one picture puts in it, and no
wider than a small gap where no picture puts one.

The number of columns is chosen so the map fills a screen (or a page) of
the given aspect as large as it can. A service with ``plassering`` keeps
that place (``pins.py``). Same input, same picture: every tie is broken by
the map file's order.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from typing import Sequence

from ..graph import resolve_steps, step_pairs
from ..model import Map, Pathway
from ..style import SECTOR_SHAPES, line_offsets, text_insets
from .badges import CLEAR, BadgeSpace, place as place_badge
from .band_labels import fit_label, needed_height
from .geometry import BandGeom, CardGeom, EdgeGeom, MapLayout, Rect, RoutedNet, Scene
from .grid import BADGE_RADIUS, GAP, MIN_CHANNEL, TRACK, Grid
from .ordering import row_sizes
from .placement import place, place_tiles, tile_rows_per_band, tile_shape
from .refine import refine_routed
from .routing import W_ROOM, Router, make_loop, make_net, net_paths, net_strokes
from .text import BOLD, CONDENSED_BOLD, text_width, wrap

LABEL_FONT = CONDENSED_BOLD  # card labels; Qt draws them in the same face
BAND_FONT = BOLD
FONT_SIZE = 13.0
LINE_HEIGHT = round(FONT_SIZE * 1.05, 3)
CARD_W = 146.0
PAD_X, PAD_Y = 5.0, 2.5
BAND_FONT_SIZE = 10.0
BAND_LINE = BAND_FONT_SIZE * 1.25
MARGIN = 0.0  # the band fills reach the picture's edge; viewers and pages add their own margin
CARD_MAX_LINES = 8  # a longer name ends in "…" on its card (text.was_cut tells), never a giant card
SCREEN_ASPECT = 16 / 9  # a projector; posters pass their page's room instead
CAREFUL_LIMIT = 400  # services; above this routing tries fewer channels per arrow
MIDDLING_LIMIT = 1000  # services; up to this every channel is tried, with one round of rerouting (routing.Router)
BADGE_ROUNDS = 3  # times the channels are widened for numbers that found no room
SCARCE, SPARE = 1.6, 0.4  # room weights of the dimension that decides the map's size and of the other
OWN_HEIGHT = True  # a card as tall as its name needs, in the middle of its row (else as tall as the row)
REFINE = True  # cards moved within their band while the router's cost falls (refine.py; careful maps)
REFINE_PASSES, REFINE_REACH = 2, 3  # refine.py: sweeps, cells a card may move (rows + columns)
ROUTE_ROUNDS = 2  # times every pathway is routed (the second sees the room all the others need)
# Estimated channel sizes while choosing the number of columns (before routing).
EST_H_CHANNEL = MIN_CHANNEL + 2 * TRACK
EST_V_CHANNEL = MIN_CHANNEL + TRACK
EST_STRIP = 2 * BAND_LINE + 6


def line_spans(n: int, h: float) -> list[tuple[float, float]]:
    """(top, bottom) of the letters of each of ``n`` lines centred in a card ``h`` tall."""
    top = (h - n * LINE_HEIGHT) / 2
    ink = 0.12 * LINE_HEIGHT  # a line's box is a little taller than its letters
    return [(top + i * LINE_HEIGHT + ink, top + (i + 1) * LINE_HEIGHT - ink) for i in range(n)]


def card_lines(s, card_w: float = CARD_W, lang: str = "nb") -> tuple[str, ...]:
    """A service's name wrapped to its card, each line as wide as the card's shape leaves it
    (a long word broken where ``lang``, the map's målform, hyphenates it)."""
    shape = SECTOR_SHAPES.get(s.sektor, "rect")
    lines: list[str] = []
    for n in range(1, CARD_MAX_LINES + 1):
        h = card_height(("",) * n)
        widths = [card_w - 2 * PAD_X - a - b for a, b in text_insets(shape, card_w, h, line_spans(n, h))]
        lines = wrap(s.navn, widths, FONT_SIZE, LABEL_FONT, max_lines=CARD_MAX_LINES, lang=lang)
        if len(lines) <= n:
            break
    return tuple(lines)


def card_height(lines: tuple[str, ...]) -> float:
    return len(lines) * LINE_HEIGHT + 2 * PAD_Y


_lines = card_lines  # older name
_card_height = card_height


@dataclass
class _Spec:
    """What to route: per scene, the nets as (key, pairs, directed, loop service)."""

    scenes: dict[str, list[tuple[tuple, list[tuple[str, str]], bool, str | None]]]
    link_marks: tuple[str, ...]
    together: list | None = None  # benchmarks: all pairs in one picture, scene "*"


def scene_specs(m: Map, pathways: Sequence[Pathway]) -> _Spec:
    """Nets of the links scene ("") and of each pathway, in a stable order."""
    links, seen, marks = [], set(), []
    for link in m.samarbeid:
        for sa in m.resolve(link.mellom[0]):
            for sb in m.resolve(link.mellom[1]):
                a, b = sa.id, sb.id
                if a == b:
                    if a not in marks:
                        marks.append(a)
                    continue
                key = tuple(sorted((a, b)))
                if key not in seen:
                    seen.add(key)
                    links.append((("samarbeid", key[0], key[1]), [key], False, None))
    scenes = {"": links}
    for p in sorted(pathways, key=lambda p: p.id):
        scenes[p.id] = pathway_nets(m, p)
    return _Spec(scenes, tuple(marks))


def pathway_nets(m: Map, p: Pathway) -> list:
    """One net per step (per municipality on a region map); a loop for a step to itself."""
    nets = []
    region = m.type == "region"
    for rs in resolve_steps(m, p):
        pairs = step_pairs(m, rs)
        if pairs:
            groups: dict[str | None, list] = {}
            for a, b in pairs:
                g = None
                if region:
                    g = m.service(a).kommune or m.service(b).kommune
                groups.setdefault(g, []).append((a, b))
            for g, ps in groups.items():
                nets.append((("steg", rs.index, g or ""), ps, True, None))
        else:
            for sid in dict.fromkeys(s for s in rs.fra if s in rs.til):
                nets.append((("steg", rs.index, sid), [], True, sid))
    return nets


def _nets_of(grid: Grid, specs) -> list:
    out = []
    for key, pairs, directed, loop in specs:
        net = make_loop(grid, key, loop) if loop else make_net(grid, key, pairs, directed)
        if net is not None:
            out.append(net)
    return out


def levels_top_down(m: Map) -> list:
    return list(reversed(m.levels_bottom_up()))


def band_ids(m: Map) -> list[list[str]]:
    """Service ids per band, top band first, each in the map file's order."""
    return [[s.id for s in m.tjenester if s.niva == lv.id] for lv in levels_top_down(m)]


def is_tiled(m: Map) -> bool:
    """Region maps with municipalities are laid out as tiles (``placement.place_tiles``)."""
    return m.type == "region" and any(s.kommune for s in m.tjenester)


def _best_rows_height(hs: list[float], cols: int) -> list[float]:
    """Row heights of a band if its tallest cards share rows (what ``placement`` aims at)."""
    sizes = row_sizes(len(hs), cols) or [0]
    ordered = sorted(hs, reverse=True)
    out, it = [], 0
    for size in sizes:
        out.append(ordered[it] if size and it < len(ordered) else 2 * LINE_HEIGHT)
        it += size
    return out


def estimate_size(cols: int, heights: list[list[float]], card_w: float = CARD_W) -> tuple[float, float]:
    """(width, height) of the map on ``cols`` columns, channels at a typical width."""
    rows = [h for hs in heights for h in _best_rows_height(hs, cols)]
    h = sum(rows) + (len(rows) - 1) * EST_H_CHANNEL + 2 * GAP + 2 * MARGIN
    w = EST_STRIP + cols * card_w + (cols - 1) * EST_V_CHANNEL + 2 * GAP + 2 * MARGIN
    return w, h


def choose_cols(heights: list[list[float]], aspect: float, card_w: float = CARD_W) -> int:
    """Columns that show the map largest in a room of ``aspect`` (width/height)."""
    widest = max((len(h) for h in heights), default=1)
    best = None
    for cols in range(1, min(max(widest, 1), 400) + 1):
        w, h = estimate_size(cols, heights, card_w)
        scale = min(aspect / w, 1.0 / h)
        if best is None or scale > best[0] + 1e-12:
            best = (scale, cols)
    return best[1] if best else 1


def shapes(m: Map) -> list[tuple[int, float, float]]:
    """(columns, width, height) the map can roughly take, for planners choosing its room."""
    lines = {s.id: card_lines(s, lang=m.malform) for s in m.tjenester}
    bands = band_ids(m)
    heights = [[card_height(lines[sid]) for sid in ids] for ids in bands]
    if is_tiled(m):  # a region's columns come in municipal tiles: the shapes its tiling can take
        mean_h = sum(h for hs in heights for h in hs) / max(1, sum(len(hs) for hs in heights))
        out = {}
        for aspect in (0.3, 0.45, 0.6, 0.8, 1.0, 1.3, 1.78, 2.4, 3.2, 4.5):
            cols, rows = grid_shape(m, heights, aspect, bands)
            n = sum(rows)
            out[cols] = (cols, EST_STRIP + cols * CARD_W + (cols - 1) * EST_V_CHANNEL + 2 * GAP + 2 * MARGIN,
                         n * mean_h + (n - 1) * EST_H_CHANNEL + 2 * GAP + 2 * MARGIN)
        return sorted(out.values())
    widest = max((len(h) for h in heights), default=1)
    return [(cols, *estimate_size(cols, heights)) for cols in range(1, min(max(widest, 1), 400) + 1)]


def grid_shape(m: Map, heights: list[list[float]], aspect: float, bands: list[list[str]] | None = None,
               card_w: float = CARD_W):
    """(columns, rows of each band) of the map's grid at ``aspect``, before any card has its place."""
    if is_tiled(m):
        bands = bands or band_ids(m)
        groups = {s.id: s.kommune for s in m.tjenester}
        mean_h = sum(h for hs in heights for h in hs) / max(1, sum(len(hs) for hs in heights))
        w, per_row, cols = tile_shape(bands, groups, aspect, card_w, mean_h)
        return cols, tile_rows_per_band(bands, groups, w, per_row)
    cols = choose_cols(heights, aspect, card_w)
    cols = max(1, min(cols, max((len(h) for h in heights), default=1)))
    return cols, [max(1, len(row_sizes(len(hs), cols))) for hs in heights]


def layout_map(m: Map, pathways: Sequence[Pathway] = (), aspect: float = SCREEN_ASPECT,
               together: bool = False, keep: MapLayout | None = None) -> MapLayout:
    """Place every service of ``m`` and route the arrows of every pathway given.

    Pass all the pathways the map offers (``Workspace.pathways_for``): the
    layout then is the same whichever is shown. ``aspect`` is width/height
    of the room the map is shown in. ``together`` routes every link and
    step in one picture (scene "*"), as the benchmarks compare with other
    tools. Services with ``plassering`` take the slot nearest that point in
    ``reference_layout`` (``pins.py``). ``keep``: the layout shown before an
    edit; every card still in its band keeps its row and column there where
    the grid allows (``kept_slots``), so one card's move does not move the
    others (tester round 2, item 4). Raises nothing for valid maps.
    """
    return _layout(m, pathways, aspect, together, pins=True, keep=keep)


def reference_layout(m: Map, pathways: Sequence[Pathway] = ()) -> MapLayout:
    """The map's automatic layout on a 16:9 screen, every ``plassering`` left out:
    what a pinned card's point is read against."""
    return _layout(m, pathways, SCREEN_ASPECT, False, pins=False)


def kept_slots(keep: MapLayout, m: Map, bands: list[list[str]], cols: int) -> dict[str, tuple[int, int]]:
    """(row within its band, column) in ``keep`` of each service of ``m`` that is
    in the same band (level) as there, where the new grid has that slot
    (``kept_places``' slots)."""
    return kept_places(keep, m, bands, cols)[0]


def kept_places(keep: MapLayout, m: Map, bands: list[list[str]],
                cols: int) -> tuple[dict[str, tuple[int, int]], list[list[int] | None]]:
    """The places of ``keep`` an edited map can keep: (slots, sizes).

    ``slots``: (row within its band, column) in ``keep`` of each service of ``m``
    that is in the same band (level) as there, on the same number of columns and
    with the band still that many rows deep. ``sizes``: per band, how many cards
    each of its rows holds: the rows as ``keep`` filled them (its refinement may
    leave 5 and 6 where ``row_sizes`` says 6 and 5), cards new to the band in the
    emptiest rows with room; None for a band laid out afresh (``row_sizes``).
    A rename that makes a card taller kept every card but one in its row before
    (tester: "Torget legesenter AS" moved Røde Kors leksehjelp), because the
    kept rows had to match ``row_sizes``. Empty for a tiled region or a grid of
    another width."""
    grid = keep.grid
    if grid is None or grid.cols != cols or is_tiled(m):
        return {}, [None] * len(bands)
    first: dict[int, int] = {}
    for r, b in enumerate(grid.row_band):
        first.setdefault(b, r)
    old_level = {b: band.level_id for b, band in enumerate(keep.bands)}
    slots: dict[str, tuple[int, int]] = {}
    all_sizes: list[list[int] | None] = []
    for lv, ids in zip(levels_top_down(m), bands):
        depth = len(row_sizes(len(ids), cols))
        kept: dict[str, tuple[int, int]] = {}
        for sid in ids:
            rc = grid.pos.get(sid)
            if rc is None or old_level.get(grid.row_band[rc[0]]) != lv.id:
                continue
            row = rc[0] - first[grid.row_band[rc[0]]]
            if row < depth and rc[1] < cols:
                kept[sid] = (row, rc[1])
        sizes = [0] * depth
        for row, _col in kept.values():
            sizes[row] += 1
        for _new in range(len(ids) - len(kept)):  # new to the band: the emptiest row with room
            open_rows = [r for r in range(depth) if sizes[r] < cols]
            sizes[min(open_rows, key=lambda r: (sizes[r], r))] += 1
        if depth and 0 in sizes:  # a row left empty: the band laid out as before (row_sizes)
            even = row_sizes(len(ids), cols)
            used: dict[int, int] = {}
            for sid in ids:
                if sid in kept:
                    row = kept[sid][0]
                    if used.get(row, 0) < even[row]:
                        used[row] = used.get(row, 0) + 1
                        slots[sid] = kept[sid]
            all_sizes.append(None)
            continue
        slots.update(kept)
        all_sizes.append(sizes or None)
    return slots, all_sizes


def _layout(m: Map, pathways, aspect: float, together: bool, pins: bool, keep: MapLayout | None = None) -> MapLayout:
    from .pins import pinned, resolve

    levels = levels_top_down(m)
    bands = band_ids(m)
    spec = scene_specs(m, pathways)
    if together:
        # every pair of services joined by a link or a step, once, as other tools are given it
        pairs = sorted({tuple(sorted(p)) for nets in spec.scenes.values() for _k, ps, _d, _l in nets for p in ps})
        spec.together = [(("par", a, b), [(a, b)], False, None) for a, b in pairs]
    lines = {s.id: card_lines(s, lang=m.malform) for s in m.tjenester}
    heights = {sid: card_height(v) for sid, v in lines.items()}
    cols, rows = grid_shape(m, [[heights[s] for s in ids] for ids in bands], aspect, bands)
    slots: dict[str, tuple[int, int]] = {}
    sizes: list[list[int] | None] | None = None
    if keep is not None and keep.grid is not None and not is_tiled(m):
        # as many columns as before (a band one card longer would often change them)
        cols = keep.grid.cols
        rows = [max(1, len(row_sizes(len(ids), cols))) for ids in bands]
        slots, sizes = kept_places(keep, m, bands, cols)
    if pins and pinned(m):
        own = resolve(m, reference_layout(m, pathways), cols, rows).slots
        band = {sid: b for b, ids in enumerate(bands) for sid in ids}
        taken = {(band[sid], rc) for sid, rc in own.items()}
        # a card's own plassering first; a kept card on its slot gets placed afresh
        slots = {sid: rc for sid, rc in slots.items() if sid not in own and (band[sid], rc) not in taken}
        slots.update(own)
    out = _build(m, levels, bands, lines, heights, spec, cols, slots, aspect, sizes=sizes)
    out.aspect = aspect
    return out


def _weights(spec: _Spec) -> dict[tuple[str, str], float]:
    """How many drawn arrows join two services, over every picture of the map."""
    w: dict[tuple[str, str], float] = {}
    for nets in spec.scenes.values():
        for _key, pairs, _directed, _loop in nets:
            for a, b in pairs:
                k = (a, b) if a < b else (b, a)
                w[k] = w.get(k, 0.0) + 1.0
    return w


def _pin_tiles(cells, row_band, pins: dict[str, tuple[int, int]]) -> None:
    """Region tiles: each pinned card swaps places with what stands in its slot."""
    first = {}
    for r, b in enumerate(row_band):
        first.setdefault(b, r)
    where = {sid: (r, c) for r, row in enumerate(cells) for c, sid in enumerate(row) if sid}
    for sid, (br, c) in pins.items():
        if sid not in where:
            continue
        r0, c0 = where[sid]
        r = first[row_band[r0]] + br
        other = cells[r][c]
        cells[r][c], cells[r0][c0] = sid, other
        where[sid] = (r, c)
        if other:
            where[other] = (r0, c0)


def _build(m: Map, levels, bands, lines, heights, spec: _Spec, cols: int, pins, aspect: float,
           card_w: float = CARD_W, sizes: list[list[int] | None] | None = None) -> MapLayout:
    weights = _weights(spec)
    if is_tiled(m):
        groups = {s.id: s.kommune for s in m.tjenester}
        mean_h = sum(heights.values()) / max(1, len(heights))
        cells, row_band, cols = place_tiles(bands, weights, groups, aspect, card_w, mean_h)
        _pin_tiles(cells, row_band, pins)
        grid = Grid(cols, cells, row_band)
        grid.index()
    else:
        grid = _placed_grid(m, bands, weights, cols, heights, pins, sizes)
    # at least two lines tall: a one-line name keeps clear of the symbols on the card's corners
    low = card_height(("",) * 2)
    grid.card_h = {sid: max(h, low) for sid, h in heights.items()} if OWN_HEIGHT else {}
    careful = len(m.tjenester) <= CAREFUL_LIMIT
    middling = len(m.tjenester) <= MIDDLING_LIMIT

    # Route the pathways, largest first: each may use the tracks the others made room
    # for, and pays for any it adds. A second round lets each see all the others
    # (a picture that alone needed a track moves over if it can). Collaboration
    # lines come last and squeeze into that room.
    routers: dict[str, Router] = {}
    tracks: dict[str, tuple[list[int], list[int]]] = {}
    scenes = {k: v for k, v in spec.scenes.items() if k}
    if spec.together is not None:
        scenes["*"] = spec.together
    order = sorted(scenes, key=lambda k: (-len(scenes[k]), k))
    row_h = []
    for row in grid.cells:
        hs = [heights[sid] for sid in row if sid]
        row_h.append(max(hs) if hs else 2 * LINE_HEIGHT)
    # (large maps, shown whole only far out, route for few crossings and leave room alone)
    weights_vh = (W_ROOM, W_ROOM) if careful else (0.0, 0.0)
    for round_ in range(ROUTE_ROUNDS if careful else 1):
        if round_:
            weights_vh = _room_weights(grid, tracks, row_h, card_w, aspect)
        for key in order:
            others = [t for k, t in tracks.items() if k != key]
            cap = ([max(v) for v in zip(*(t[0] for t in others))] if others else [0] * (cols + 1),
                   [max(h) for h in zip(*(t[1] for t in others))] if others else [0] * (grid.rows + 1))
            router = Router(grid, careful, cap, weights_vh, middling)
            router.route(_nets_of(grid, scenes[key]))
            tracks[key] = router.assign_tracks()
            routers[key] = router
    v_tracks = [max(v) for v in zip(*(t[0] for t in tracks.values()))] if tracks else [0] * (cols + 1)
    h_tracks = [max(h) for h in zip(*(t[1] for t in tracks.values()))] if tracks else [0] * (grid.rows + 1)
    links = Router(grid, careful, (list(v_tracks), list(h_tracks)), (4 * weights_vh[0], 4 * weights_vh[1]), middling)
    links.route(_nets_of(grid, spec.scenes[""]))
    links.assign_tracks()
    routers[""] = links

    # Band labels: wrapped to the band's height; a band too short for its label grows.
    grid.size(0.0, MARGIN, card_w, row_h, v_tracks, h_tracks)
    spans = _band_rows(grid.row_band, len(levels))
    extra = [0.0] * (grid.rows + 1)
    labels = []
    for b, lv in enumerate(levels):
        r0, r1 = spans[b]
        room = _band_span(grid, r0, r1, grid.bottom + MARGIN) - 6.0
        need = needed_height(lv.navn, m.malform)
        if need > room:
            # the band grows by the whole deficit (each neighbouring channel adds it to the band)
            extra[r0] += need - room
            extra[r1 + 1] += need - room
            room = need
        labels.append(fit_label(lv.navn, room, BAND_FONT_SIZE, m.malform))
    strip = max((len(lines_) * size * 1.25 for lines_, size in labels), default=0.0)
    left = MARGIN + 2 + strip + 2

    # Numbers need room on their arrows: channels of those that found none get wider
    # (at least so wide), a few times.
    v_room = [0.0] * (cols + 1)
    h_room = [0.0] * (grid.rows + 1)
    rounds = BADGE_ROUNDS if careful else 0  # a large map draws a number smaller instead (time)
    for attempt in range(rounds + 1):
        _fill(grid, left, card_w, row_h, v_tracks, h_tracks, extra, v_room, h_room, aspect)
        final = attempt == rounds
        keep_off = number_obstacles(m, grid)
        realised = {key: realise_scene(router, shrink=final, obstacles=keep_off) for key, router in routers.items()}
        wanted = [n for scene in realised.values() for n in scene.wanting]
        if not wanted or final:
            break
        more: dict[tuple[str, int], float] = {}
        for axis, k, units in wanted:
            more[(axis, k)] = max(more.get((axis, k), 0.0), units)
        for (axis, k), units in more.items():
            if axis == "v":
                v_room[k] = max(v_room[k], grid.vch[k][1] - grid.vch[k][0] + units)
            else:
                h_room[k] = max(h_room[k], grid.hch[k][1] - grid.hch[k][0] + units)

    out = MapLayout(m.id, grid.right + MARGIN, grid.bottom + MARGIN)
    out.grid = grid
    for s in m.tjenester:
        if s.id in grid.pos:
            x, y, w, h = grid.card_box(s.id)
            shape = SECTOR_SHAPES.get(s.sektor, "rect")
            dx = line_offsets(shape, w, h, line_spans(len(lines[s.id]), h))
            out.cards[s.id] = CardGeom(s.id, Rect(x, y, w, h), lines[s.id], FONT_SIZE, LINE_HEIGHT,
                                       s.niva, s.sektor, s.kommune, dx if any(dx) else ())
    for b, lv in enumerate(levels):
        r0, r1 = spans[b]
        top, bottom = _band_edges(grid, r0, r1, out.height)
        rect = Rect(MARGIN, top, out.width - 2 * MARGIN, bottom - top)
        label_lines, size = labels[b]
        label_rect = Rect(MARGIN + 2, top + 3, strip, rect.h - 6)
        out.bands.append(BandGeom(lv.id, rect, label_lines, label_rect, size, label_rotated=True))

    for key in [""] + [k for k in routers if k]:
        out.scenes[key] = realised[key]
    out.link_marks = tuple(s for s in spec.link_marks if s in out.cards)
    out.links = [EdgeGeom(n.arrows[0][0], n.arrows[0][1], n.arrows[0][2]) for n in out.scenes[""].nets]
    return out


PLACEMENTS_KEPT = 16  # grids remembered by ``_placed_grid`` (a poster plan makes 3-4 layouts)
_placements: OrderedDict = OrderedDict()  # key of the placement's inputs -> (cells, row_band), most recent last


def _placed_grid(m: Map, bands, weights, cols: int, heights, pins, sizes=None) -> Grid:
    """The grid of cards (``placement.place``, then ``refine.refine_routed``) of a map that is not
    tiled: the one expensive part of a layout that depends on the number of columns and not on
    the room's shape, so layouts for rooms of other shapes with as many columns share it
    (a poster plan lays the map out for 3-4 rooms, docs/performance-poster.md).

    Remembered by everything the two read: the bands (service ids in the file's order), the
    arrows' weights, ``cols``, the municipalities of a region, the card heights, the pins and
    the map file's order, the kept rows' sizes of an edited map (``sizes``, ``kept_places``);
    the ``PLACEMENTS_KEPT`` most recent. Returns a new, indexed grid
    each time (its cells are the caller's to change)."""
    groups = {s.id: s.kommune for s in m.tjenester} if m.type == "region" else None
    order = tuple(s.id for s in m.tjenester)
    refine = REFINE and len(m.tjenester) <= CAREFUL_LIMIT
    key = (tuple(map(tuple, bands)), tuple(weights.items()), cols, tuple(groups.items()) if groups else None,
           tuple(heights.items()), tuple(pins.items()), order, refine, REFINE_PASSES, REFINE_REACH,
           None if sizes is None else tuple(None if z is None else tuple(z) for z in sizes))
    got = _placements.get(key)
    if got is None:
        cells, row_band = place(bands, weights, cols, groups, heights, pins, sizes)
        grid = Grid(cols, cells, row_band)
        grid.index()
        if refine:
            # every pair joined in some picture once: what crowds the channels
            refine_routed(grid, dict.fromkeys(weights, 1.0), set(pins), REFINE_PASSES, REFINE_REACH, heights,
                          {sid: k for k, sid in enumerate(order)})
        got = _placements[key] = ([list(row) for row in grid.cells], list(grid.row_band))
        while len(_placements) > PLACEMENTS_KEPT:
            _placements.popitem(last=False)
    _placements.move_to_end(key)
    grid = Grid(cols, [list(row) for row in got[0]], list(got[1]))
    grid.index()
    return grid


def _room_weights(grid: Grid, tracks, row_h, card_w: float, aspect: float) -> tuple[float, float]:
    """Room costs for (vertical, horizontal) channels, from the tracks routed so far: the
    dimension that decides the map's size in a room of ``aspect`` (width or height) is the
    dear one; the other has room to spare."""
    if not tracks:
        return W_ROOM, W_ROOM
    v = [max(t) for t in zip(*(t[0] for t in tracks.values()))]
    h = [max(t) for t in zip(*(t[1] for t in tracks.values()))]
    grid.size(EST_STRIP, MARGIN, card_w, row_h, v, h)
    if (grid.right + MARGIN) / (grid.bottom + MARGIN) > aspect:
        return W_ROOM * SCARCE, W_ROOM * SPARE
    return W_ROOM * SPARE, W_ROOM * SCARCE


def _fill(grid: Grid, left: float, card_w: float, row_h, v_tracks, h_tracks, extra, v_min, h_min,
          aspect: float) -> None:
    """Size the grid, then spread spare width or height evenly over the channels to fill ``aspect``.

    ``v_min``/``h_min``: the width each channel must have at least (a number
    needs the room); a channel short of it gets the difference, and the map
    is filled to ``aspect`` again."""
    v_raise = [0.0] * len(v_min)
    h_raise = [0.0] * len(h_min)
    for _ in range(4):
        v_natural = list(v_raise)
        h_natural = [e + r for e, r in zip(extra, h_raise)]
        grid.size(left, MARGIN, card_w, row_h, v_tracks, h_tracks, h_natural, v_natural)
        w, h = grid.right + MARGIN, grid.bottom + MARGIN
        if w / h < aspect:
            add = (aspect * h - w) / (grid.cols + 1)
            v_natural = [v + add for v in v_natural]
        else:
            add = (w / aspect - h) / (grid.rows + 1)
            h_natural = [e + add for e in h_natural]
        grid.size(left, MARGIN, card_w, row_h, v_tracks, h_tracks, h_natural, v_natural)
        short = False
        for k, (x0, x1) in enumerate(grid.vch):
            if x1 - x0 < v_min[k] - 1e-6:
                v_raise[k] += v_min[k] - (x1 - x0)
                short = True
        for k, (y0, y1) in enumerate(grid.hch):
            if y1 - y0 < h_min[k] - 1e-6:
                h_raise[k] += h_min[k] - (y1 - y0)
                short = True
        if not short:
            break


def number_obstacles(m: Map, grid: Grid) -> list[tuple[float, float, float]]:
    """Discs drawn on the cards that step numbers keep clear of: the tilgang symbols."""
    from ..access_marks import symbol_discs
    from ..style import look

    rects = {sid: Rect(*grid.card_box(sid)) for sid in grid.pos}
    return symbol_discs(m, rects, look())


def realise_scene(router: Router, radius: float = BADGE_RADIUS, shrink: bool = True, obstacles=()) -> Scene:
    """Coordinates, arrow polylines and number positions of one routed scene.

    A number with no room for a full disc is drawn smaller (``shrink``), or
    else reported in ``Scene.wanting`` as (axis, channel, map units) the
    channel would need to widen. Numbers keep clear of ``obstacles`` (x, y, r).
    """
    router.realise()
    scene = Scene()
    space = BadgeSpace(radius, router.grid, obstacles)
    # Numbers first for the nets with least room for one (short arrows), then in step order.
    badges = {}
    numbered = [n for n in router.nets if n.key[0] == "steg"]
    for net in sorted(numbered, key=lambda n: (_room(n) > 4 * radius, _room(n) if _room(n) <= 4 * radius else 0,
                                                n.key[1], str(n.key))):
        pieces = _track_pieces(net)
        badge, status = place_badge(space, pieces, shrink)
        badges[id(net)] = badge
        if status != "full":
            if shrink:
                scene.badges_smaller += 1
                scene.badge_misses += status == "miss"
            else:
                scene.wanting.append(_widen(router, net, radius))
    for net in sorted(router.nets, key=lambda n: (n.key[0], n.key[1] if len(n.key) > 1 else 0, str(n.key))):
        paths = net_paths(net)
        arrows = tuple((net.terms[a].sid, net.terms[b].sid, pts) for (a, b), pts in zip(net.pairs, paths))
        heads = tuple((t.port, t.end) for t in net.terms if t.head)
        scene.nets.append(RoutedNet(tuple(net.key), arrows, tuple(net_strokes(net)), heads, badges.get(id(net)),
                                    net.loop))
    return scene


def _widen(router: Router, net, radius: float) -> tuple[str, int, float]:
    """The channel (and how much) to widen so the net's number has room: the cheapest of its pieces."""
    grid = router.grid
    best = None
    need = radius + CLEAR + 0.01
    if net.trunk is not None:
        x0, x1 = grid.vch[net.trunk]
        have = min(net.tx - x0, x1 - net.tx)
        best = ("v", net.trunk, 2 * max(0.5, need - have))
    for i in net.hx:
        y0, y1 = grid.hch[i]
        y = net.hy[i]
        have = min(y - y0, y1 - y)
        cand = ("h", i, 2 * max(0.5, need - have))
        if best is None or cand[2] < best[2]:
            best = cand
    return best or ("h", 0, 0.0)


def _room(net) -> float:
    return sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in _track_pieces(net))


def _track_pieces(net):
    """The parts of a net that run inside channels (where a number may sit)."""
    pieces = []
    if net.trunk is not None:
        pieces.append(((net.tx, net.ty[0]), (net.tx, net.ty[1])))
    for i, (x0, x1) in net.hx.items():
        pieces.append(((x0, net.hy[i]), (x1, net.hy[i])))
    return pieces


def _band_edges(grid: Grid, r0: int, r1: int, height: float) -> tuple[float, float]:
    """Top and bottom of a band: halfway into the channels it shares with its neighbours."""
    top = MARGIN if r0 == 0 else sum(grid.hch[r0]) / 2 + 1.0
    bottom = height - MARGIN if r1 == grid.rows - 1 else sum(grid.hch[r1 + 1]) / 2 - 1.0
    return top, bottom


def _band_span(grid: Grid, r0: int, r1: int, height: float) -> float:
    top, bottom = _band_edges(grid, r0, r1, height)
    return bottom - top


def _band_rows(row_band: list[int], n: int) -> list[tuple[int, int]]:
    spans = [(math.inf, -1)] * n
    for r, b in enumerate(row_band):
        lo, hi = spans[b]
        spans[b] = (min(lo, r), max(hi, r))
    return [(int(lo), hi) for lo, hi in spans]


def band_label_runs(band: BandGeom) -> list[tuple[str, float, float]]:
    """(text, x, y) baseline starts of a band's label lines, in map units.

    Rotated labels run bottom-to-top: draw each run rotated a quarter turn
    anticlockwise about its start, so screen and poster place them alike.
    """
    r, size = band.label_rect, band.label_font_size
    line = size * 1.25
    runs = []
    for i, text in enumerate(band.label_lines):
        if band.label_rotated:
            w = text_width(text, size, BAND_FONT)
            runs.append((text, r.x + i * line + size * 0.95, r.bottom - max(0.0, (r.h - w) / 2)))
        else:
            runs.append((text, r.x, r.y + i * line + size * 0.95))
    return runs
