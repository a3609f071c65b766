"""Lay out a map as a pyramid of level bands on a grid, and route every arrow.

The highest level is drawn at the top, level 0 at the bottom. Each band
holds its services in rows on one grid of columns (``grid.py``), ordered so
that arrows cross little (``ordering.py``). The layout takes *all* the
pathways of the map at once: the cards' places never depend on which
pathway is shown, and each pathway's arrows (and the collaboration links)
are routed in advance in the channels between the cards (``routing.py``),
each channel as wide as the most arrows any one picture puts in it.

The number of columns is chosen so the map fills a screen (or a page) of
the given aspect as large as it can. Same input, same picture: every tie is
broken by service id.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from ..graph import resolve_steps, step_pairs
from ..model import Map, Pathway
from ..style import SECTOR_SHAPES, card_inset
from .badges import BadgeSpace, place as place_badge
from .band_labels import fit_label, needed_height
from .geometry import BandGeom, CardGeom, EdgeGeom, MapLayout, Rect, RoutedNet, Scene
from .grid import MIN_CHANNEL, Grid
from .ordering import REFINE_LIMIT, group_key, neighbours, row_sizes
from .placement import place, place_tiles
from .routing import Router, make_loop, make_net, net_paths, net_strokes
from .text import BOLD, CONDENSED_BOLD, text_width, wrap

LABEL_FONT = CONDENSED_BOLD  # card labels; Qt draws them in the same face
BAND_FONT = BOLD
FONT_SIZE = 12.0
LINE_HEIGHT = 12.6
CARD_W = 146.0
PAD_X, PAD_Y = 6.0, 3.5
BAND_FONT_SIZE = 10.0
BAND_LINE = BAND_FONT_SIZE * 1.25
MARGIN = 2.0
CARD_MAX_LINES = 8  # a longer name ends in "…" on its card (text.was_cut tells), never a giant card
SCREEN_ASPECT = 16 / 9  # a projector; posters pass their page's room instead
BADGE_RADIUS = 7.0  # the step numbers' size (style.Look uses the same figure)
CAREFUL_LIMIT = 400  # services; above this routing tries fewer channels per arrow


def _lines(s) -> tuple[str, ...]:
    shape = SECTOR_SHAPES.get(s.sektor, "rect")
    inner = CARD_W - 2 * PAD_X - 2 * card_inset(shape, Rect(0, 0, CARD_W, 3 * LINE_HEIGHT))
    return tuple(wrap(s.navn, inner, FONT_SIZE, LABEL_FONT, max_lines=CARD_MAX_LINES))


def _card_height(lines: tuple[str, ...]) -> float:
    return len(lines) * LINE_HEIGHT + 2 * PAD_Y


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


def shapes(m: Map) -> list[tuple[int, float, float]]:
    """(columns, width, height) the map can roughly take, for planners choosing its room."""
    levels = list(reversed(m.levels_bottom_up()))
    lines = {s.id: _lines(s) for s in m.tjenester}
    heights = [[_card_height(lines[s.id]) for s in m.tjenester if s.niva == lv.id] for lv in levels]
    widest = max((len(h) for h in heights), default=1)
    return [(cols, *_estimate_size(cols, heights)) for cols in range(1, min(max(widest, 1), 400) + 1)]


def _estimate_size(cols: int, heights: list[list[float]]) -> tuple[float, float]:
    h = 0.0
    rows = 0
    for hs in heights:
        sizes = row_sizes(len(hs), cols) or [0]
        it = 0
        for size in sizes:
            h += max(hs[it:it + size], default=2 * LINE_HEIGHT)
            it += size
            rows += 1
    h += (rows + 1) * MIN_CHANNEL * 1.6
    w = 3 * BAND_LINE + cols * CARD_W + (cols + 1) * MIN_CHANNEL * 1.6
    return w, h


def _estimate_cols(bands_n: list[int], heights: list[list[float]], aspect: float) -> int:
    """Columns that make the map (with empty channels) fill the aspect largest."""
    widest = max(bands_n) if bands_n else 1
    best = None
    for cols in range(1, min(widest, 400) + 1):
        h = 0.0
        rows = 0
        for hs in heights:
            sizes = row_sizes(len(hs), cols) or [0]
            it = 0
            for size in sizes:
                h += max(hs[it:it + size], default=2 * LINE_HEIGHT)
                it += size
                rows += 1
        h += (rows + 1) * MIN_CHANNEL * 1.6
        w = 3 * BAND_LINE + cols * CARD_W + (cols + 1) * MIN_CHANNEL * 1.6
        scale = min(aspect / w, 1.0 / h)
        if best is None or scale > best[0] + 1e-12:
            best = (scale, cols)
    return best[1] if best else 1


def layout_map(m: Map, pathways: Sequence[Pathway] = (), aspect: float = SCREEN_ASPECT,
               together: bool = False) -> MapLayout:
    """Place every service of ``m`` and route the arrows of every pathway given.

    Pass all the pathways the map offers (``Workspace.pathways_for``): the
    layout then is the same whichever is shown. ``aspect`` is width/height
    of the room the map is shown in. ``together`` routes every link and
    step in one picture (scene "*"), as the benchmarks compare with other
    tools. Raises nothing for valid maps.
    """
    levels = list(reversed(m.levels_bottom_up()))  # top of the pyramid first
    lines = {s.id: _lines(s) for s in m.tjenester}
    bands = [sorted((s for s in m.tjenester if s.niva == lv.id), key=lambda s: (group_key(m, s), s.id))
             for lv in levels]
    spec = scene_specs(m, pathways)
    if together:
        # every pair of services joined by a link or a step, once, as other tools are given it
        pairs = sorted({tuple(sorted(p)) for nets in spec.scenes.values() for _k, ps, _d, _l in nets for p in ps})
        spec.together = [(("par", a, b), [(a, b)], False, None) for a, b in pairs]
    nb = neighbours(m, pathways)
    heights = [[_card_height(lines[s.id]) for s in b] for b in bands]
    est = _estimate_cols([len(b) for b in bands], heights, aspect)
    small = len(m.tjenester) <= REFINE_LIMIT
    trials = sorted({max(1, est - 1), est, est + 1}) if small else [est]
    if m.type == "region" and any(s.kommune for s in m.tjenester):
        trials = [0]  # tiles choose their own columns
    best = None
    for cols in trials:
        lay = _build(m, levels, [list(b) for b in bands], lines, spec, nb, cols, small, aspect, stretch=True)
        scale = min(aspect / lay.width, 1.0 / lay.height)
        if best is None or scale > best[0] + 1e-12:
            best = (scale, lay)
    out = best[1]
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


def _build(m: Map, levels, bands, lines, spec: _Spec, nb, cols: int, small: bool,
           aspect: float = SCREEN_ASPECT, stretch: bool = False) -> MapLayout:
    ids = [[s.id for s in b] for b in bands]
    if cols == 0:
        groups = {s.id: s.kommune for b in bands for s in b}
        mean_h = sum(_card_height(v) for v in lines.values()) / max(1, len(lines))
        cells, row_band, cols = place_tiles(ids, _weights(spec), groups, aspect, CARD_W, mean_h)
    else:
        cols = max(1, min(cols, max((len(b) for b in bands), default=1)))
        groups = {s.id: s.kommune for b in bands for s in b} if m.type == "region" else None
        cells, row_band = place(ids, _weights(spec), cols, groups)
    grid = Grid(cols, cells, row_band)
    grid.index()
    careful = len(m.tjenester) <= CAREFUL_LIMIT

    routers: dict[str, Router] = {}
    v_tracks = [0] * (cols + 1)
    h_tracks = [0] * (grid.rows + 1)
    scenes = dict(spec.scenes)
    if spec.together is not None:
        scenes["*"] = spec.together
    for key, specs in scenes.items():
        router = Router(grid, careful)
        router.route(_nets_of(grid, specs))
        vt, ht = router.assign_tracks()
        routers[key] = router
        if key == "":
            continue  # thin collaboration lines squeeze into the channels the steps need
        v_tracks = [max(a, b) for a, b in zip(v_tracks, vt)]
        h_tracks = [max(a, b) for a, b in zip(h_tracks, ht)]

    row_h = []
    for row in cells:
        hs = [_card_height(lines[sid]) for sid in row if sid]
        row_h.append(max(hs) if hs else 2 * LINE_HEIGHT)

    # Band labels: wrapped to the band's height; a band too short for its label grows.
    grid.size(0.0, MARGIN, CARD_W, row_h, v_tracks, h_tracks)
    spans = _band_rows(row_band, len(levels))
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
    grid.size(left, MARGIN, CARD_W, row_h, v_tracks, h_tracks, extra)
    if stretch:
        # Fill the room exactly: the spare width or height goes evenly into the channels.
        w, h = grid.right + MARGIN, grid.bottom + MARGIN
        v_extra = [0.0] * (cols + 1)
        if w / h < aspect:
            add = (aspect * h - w) / (cols + 1)
            v_extra = [add] * (cols + 1)
        else:
            add = (w / aspect - h) / (grid.rows + 1)
            extra = [e + add for e in extra]
        grid.size(left, MARGIN, CARD_W, row_h, v_tracks, h_tracks, extra, v_extra)

    out = MapLayout(m.id, grid.right + MARGIN, grid.bottom + MARGIN)
    out.grid = grid
    for s in m.tjenester:
        if s.id in grid.pos:
            x, y, w, h = grid.card_box(s.id)
            out.cards[s.id] = CardGeom(s.id, Rect(x, y, w, h), lines[s.id], FONT_SIZE, LINE_HEIGHT,
                                       s.niva, s.sektor, s.kommune)
    for b, lv in enumerate(levels):
        r0, r1 = spans[b]
        top, bottom = _band_edges(grid, r0, r1, out.height)
        rect = Rect(MARGIN, top, out.width - 2 * MARGIN, bottom - top)
        label_lines, size = labels[b]
        label_rect = Rect(MARGIN + 2, top + 3, strip, rect.h - 6)
        out.bands.append(BandGeom(lv.id, rect, label_lines, label_rect, size, label_rotated=True))

    for key, router in routers.items():
        out.scenes[key] = realise_scene(router)
    out.link_marks = tuple(s for s in spec.link_marks if s in out.cards)
    out.links = [EdgeGeom(n.arrows[0][0], n.arrows[0][1], n.arrows[0][2]) for n in out.scenes[""].nets]
    return out


def realise_scene(router: Router, radius: float = BADGE_RADIUS) -> Scene:
    """Coordinates, arrow polylines and number positions of one routed scene."""
    router.realise()
    scene = Scene()
    space = BadgeSpace(radius)
    # Numbers first for the nets with least room for one (short arrows), then in step order.
    badges = {}
    numbered = [n for n in router.nets if n.key[0] == "steg"]
    for net in sorted(numbered, key=lambda n: (_room(n) > 4 * radius, _room(n) if _room(n) <= 4 * radius else 0,
                                                n.key[1], str(n.key))):
        badge, ok = place_badge(space, _track_pieces(net))
        badges[id(net)] = badge
        if not ok:
            scene.badge_misses += 1
    for net in sorted(router.nets, key=lambda n: (n.key[0], n.key[1] if len(n.key) > 1 else 0, str(n.key))):
        paths = net_paths(net)
        arrows = tuple((net.terms[a].sid, net.terms[b].sid, pts) for (a, b), pts in zip(net.pairs, paths))
        heads = tuple((t.port, t.end) for t in net.terms if t.head)
        scene.nets.append(RoutedNet(tuple(net.key), arrows, tuple(net_strokes(net)), heads, badges.get(id(net)),
                                    net.loop))
    return scene


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
