"""Lay out a map as a pyramid of level bands, deterministic and overlap-free.

The highest level is drawn at the top, level 0 at the bottom and widest. Each
band holds its services in rows, grouped by sector (or by municipality on a
region map), ordered by barycentre sweeps so collaboration and pathway lines
stay short and cross little. Same input, same picture: every tie is broken by
service id. ``plassering`` in the file pins a card; others make room.
"""
from __future__ import annotations

from typing import Sequence

from ..model import Map, Pathway
from ..style import SECTOR_SHAPES, card_inset
from .geometry import BandGeom, CardGeom, EdgeGeom, MapLayout, Rect
from .ordering import REFINE_LIMIT, group_key, neighbours, order, refine
from .text import BOLD, CONDENSED_BOLD, text_width, wrap

LABEL_FONT = CONDENSED_BOLD  # card labels; Qt draws them in the same face
BAND_FONT = BOLD
FONT_SIZE = 12.0
LINE_HEIGHT = 13.2
CARD_W = 146.0
PAD_X, PAD_Y = 6.0, 5.0
GAP_X, GAP_Y = 5.0, 7.0
BAND_PAD = 6.0
BAND_FONT_SIZE = 10.0
BAND_LINE = BAND_FONT_SIZE * 1.25
MARGIN = 2.0
CARD_MAX_LINES = 8  # a longer name ends in "…" on its card (text.was_cut tells), never a giant card
SCREEN = (1920.0, 1080.0)  # the shape the example map is fitted to in a meeting room


def _columns(counts: list[int], heights: list[list[float]]) -> int:
    """Columns of the widest band, chosen so the map fills a 16:9 screen largest.

    ``heights`` holds each band's card heights in order; a row is as tall as its
    tallest card, so this estimate matches the final layout closely.
    """
    widest = max(counts) if counts else 1
    best: tuple[float, int] | None = None
    for cols in range(1, min(widest, 400) + 1):
        h = 2 * MARGIN
        for hs in heights:
            rows = [hs[i:i + cols] for i in range(0, len(hs), cols)] or [[2 * LINE_HEIGHT]]
            h += sum(max(r) + GAP_Y for r in rows) - GAP_Y + 2 * BAND_PAD + 2
        w = 2 * MARGIN + 3 * BAND_LINE + GAP_X + cols * (CARD_W + GAP_X) - GAP_X
        scale = min(SCREEN[0] / w, SCREEN[1] / h)
        if best is None or scale > best[0] + 1e-9:
            best = (scale, cols)
    return best[1] if best else 1


def _card(s, x: float, y: float, h: float, lines: tuple[str, ...]) -> CardGeom:
    return CardGeom(s.id, Rect(x, y, CARD_W, h), lines, FONT_SIZE, LINE_HEIGHT, s.niva, s.sektor, s.kommune)


def _lines(s) -> tuple[str, ...]:
    shape = SECTOR_SHAPES.get(s.sektor, "rect")
    inner = CARD_W - 2 * PAD_X - 2 * card_inset(shape, Rect(0, 0, CARD_W, 3 * LINE_HEIGHT))
    return tuple(wrap(s.navn, inner, FONT_SIZE, LABEL_FONT, max_lines=CARD_MAX_LINES))


def _card_height(lines: tuple[str, ...]) -> float:
    return len(lines) * LINE_HEIGHT + 2 * PAD_Y


def layout_map(m: Map, pathways: Sequence[Pathway] = ()) -> MapLayout:
    """Place every service of ``m``; ``pathways`` only steer the order (pass the
    same ones the view will show, so screen and poster agree)."""
    levels = list(reversed(m.levels_bottom_up()))  # top of the pyramid first
    free = [s for s in m.tjenester if s.plassering is None]
    pinned = [s for s in m.tjenester if s.plassering is not None]
    lines = {s.id: _lines(s) for s in m.tjenester}
    bands = [sorted((s for s in free if s.niva == lv.id), key=lambda s: (group_key(m, s), s.id)) for lv in levels]
    cols = _columns([len(b) for b in bands], [[_card_height(lines[s.id]) for s in b] for b in bands])
    nb = neighbours(m, pathways)
    bands = order(m, bands, nb, cols)
    if len(m.tjenester) <= REFINE_LIMIT:
        refine(m, bands, nb, cols)

    # Band heights first: the rotated labels are wrapped to them.
    band_rows = []
    for services in bands:
        rows = [services[i:i + cols] for i in range(0, len(services), cols)]
        heights = [max(_card_height(lines[s.id]) for s in row) for row in rows]
        inner = sum(heights) + GAP_Y * (len(rows) - 1) if rows else 2 * LINE_HEIGHT
        band_rows.append((rows, heights, inner))
    labels = [tuple(wrap(lv.navn, inner, BAND_FONT_SIZE, BAND_FONT)) for lv, (_, _, inner) in zip(levels, band_rows)]
    strip = max(len(lb) for lb in labels) * BAND_LINE if labels else 0.0

    content_w = cols * CARD_W + (cols - 1) * GAP_X
    left = MARGIN + strip + GAP_X
    out = MapLayout(m.id, left + content_w + MARGIN, 0.0)
    y = MARGIN
    for lv, label, (rows, heights, inner) in zip(levels, labels, band_rows):
        top = y
        y += BAND_PAD
        for row, row_h in zip(rows, heights):
            row_w = len(row) * CARD_W + (len(row) - 1) * GAP_X
            x = left + (content_w - row_w) / 2  # centred: narrower bands read as a pyramid
            for s in row:
                out.cards[s.id] = _card(s, x, y, row_h, lines[s.id])
                x += CARD_W + GAP_X
            y += row_h + GAP_Y
        y = top + BAND_PAD + inner + BAND_PAD
        band_h = y - top
        label_rect = Rect(MARGIN + 2, top + BAND_PAD, strip, inner)
        out.bands.append(BandGeom(lv.id, Rect(MARGIN, top, out.width - 2 * MARGIN, band_h), label,
                                  label_rect, BAND_FONT_SIZE, label_rotated=True))
        y += 2.0  # a hairline between bands
    out.height = y + MARGIN - 2.0
    _pin(out, m, pinned, lines)
    out.links = link_edges(m, out)
    return out


def _pin(out: MapLayout, m: Map, pinned: list, lines: dict) -> None:
    """Place services with ``plassering`` (their top-left corner) and move any
    automatically placed card in the way to the right, out of its path."""
    for s in sorted(pinned, key=lambda s: s.id):
        x, y = s.plassering
        card = _card(s, float(x), float(y), _card_height(lines[s.id]), lines[s.id])
        out.cards[s.id] = card
    fixed = [out.cards[s.id].rect for s in pinned]
    if not fixed:
        return
    moved = True
    while moved:
        moved = False
        for sid, c in sorted(out.cards.items()):
            if any(sid == s.id for s in pinned):
                continue
            for r in fixed + [o.rect for k, o in out.cards.items() if k != sid and k < sid]:
                if c.rect.intersects(r, GAP_X / 2):
                    nr = Rect(r.right + GAP_X, c.rect.y, c.rect.w, c.rect.h)
                    out.cards[sid] = c = CardGeom(c.service_id, nr, c.lines, c.font_size, c.line_height,
                                                  c.level, c.sector, c.kommune)
                    moved = True
    right = max(c.rect.right for c in out.cards.values()) + MARGIN
    bottom = max(c.rect.bottom for c in out.cards.values()) + MARGIN
    if right > out.width or bottom > out.height:
        out.width, out.height = max(out.width, right), max(out.height, bottom)
        out.bands[:] = [BandGeom(b.level_id, Rect(b.rect.x, b.rect.y, out.width - 2 * MARGIN, b.rect.h),
                                 b.label_lines, b.label_rect, b.label_font_size, b.label_rotated)
                      for b in out.bands]


def link_edges(m: Map, layout: MapLayout) -> list[EdgeGeom]:
    from .edges import link_points

    seen, edges = set(), []
    for link in m.samarbeid:
        for sa in m.resolve(link.mellom[0]):
            for sb in m.resolve(link.mellom[1]):
                a, b = sa.id, sb.id
                key = tuple(sorted((a, b)))
                if a != b and key not in seen and a in layout.cards and b in layout.cards:
                    seen.add(key)
                    edges.append(EdgeGeom(a, b, link_points(layout, a, b)))
    return edges


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
