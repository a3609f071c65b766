"""Stand-ins for shared pieces that other parts of the program provide.

The poster codes against the team's contracts (``layout.engine``, ``style``,
``overlay``, ``layout.edges``). Until a piece exists, these small versions keep
the poster working; ``compat`` prefers the real ones as soon as they import.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..emphasis import Arrow, Emphasis
from ..i18n import _
from ..layout.geometry import BandGeom, CardGeom, EdgeGeom, MapLayout, Rect
from ..layout.text import CONDENSED_BOLD, wrap

ART_DASH = {"henvisning": (), "samarbeid": (6.0, 3.0), "veiledning": (2.0, 3.0), "tilbakemelding": (8.0, 3.0, 2.0, 3.0)}
SECTOR_SHAPES = {"kommune": "rect", "fastlege": "round", "spesialist": "hex", "fylkeskommune": "cut",
                 "stat": "rect", "frivillig": "round"}

_LEVEL_FILLS = ["#d9efe4", "#fdf0c8", "#fbd9c4", "#dcd6f0", "#d6e6f5", "#eeeeee"]
_GREY_FILLS = ["#f2f2f2", "#d0d0d0", "#a8a8a8", "#808080", "#606060", "#404040"]


@dataclass(frozen=True)
class Palette:
    background: str = "#ffffff"
    text: str = "#1a1a1a"
    muted_text: str = "#5a5a5a"
    card_border: str = "#4a4a4a"
    link: str = "#9a9a9a"
    arrow: str = "#1f4e99"
    arrow_current: str = "#c0392b"
    highlight: str = "#1f4e99"
    current: str = "#c0392b"
    marked: str = "#6a3d9a"
    found: str = "#1b7837"
    missed: str = "#b2182b"
    added: str = "#8c6d1f"
    dim_opacity: float = 0.3
    grey: bool = False

    def _fills(self):
        return _GREY_FILLS if self.grey else _LEVEL_FILLS

    def band_fill(self, level_pos: int, n_levels: int) -> str:
        return "#fafafa" if level_pos % 2 else "#f0f0f0"

    def card_fill(self, level_pos: int, n_levels: int) -> str:
        return self._fills()[level_pos % 6]

    def card_text(self, level_pos: int, n_levels: int) -> str:
        return "#ffffff" if self.grey and level_pos % 6 >= 3 else "#1a1a1a"


def palette(variant: str = "normal") -> Palette:
    if variant == "gratone":
        return Palette(arrow="#202020", arrow_current="#000000", highlight="#000000", current="#000000", grey=True)
    return Palette()


def level_position(m, level_id: int) -> int:
    ids = [lv.id for lv in m.levels_bottom_up()]
    return ids.index(level_id) if level_id in ids else 0


def sector_label(sector: str) -> str:
    return {"kommune": _("Kommune"), "fastlege": _("Fastlege"), "spesialist": _("Spesialisthelsetjenesten"),
            "fylkeskommune": _("Fylkeskommune"), "stat": _("Stat"), "frivillig": _("Frivillig/ideell")}.get(sector, sector)


def art_label(art: str) -> str:
    return {"henvisning": _("henvisning"), "samarbeid": _("samarbeid"), "veiledning": _("veiledning"),
            "tilbakemelding": _("tilbakemelding")}.get(art, art)


def card_outline(shape: str, r: Rect) -> list[tuple]:
    x, y, w, h = r.x, r.y, r.w, r.h
    if shape == "round":
        k = min(8.0, h / 2)
        c = k * 0.45
        return [("M", x + k, y), ("L", x + w - k, y), ("C", x + w - c, y, x + w, y + c, x + w, y + k),
                ("L", x + w, y + h - k), ("C", x + w, y + h - c, x + w - c, y + h, x + w - k, y + h),
                ("L", x + k, y + h), ("C", x + c, y + h, x, y + h - c, x, y + h - k),
                ("L", x, y + k), ("C", x, y + c, x + c, y, x + k, y), ("Z",)]
    if shape in ("hex", "cut"):
        k = min(8.0, h / 3)
        return [("M", x + k, y), ("L", x + w - k, y), ("L", x + w, y + k), ("L", x + w, y + h - k),
                ("L", x + w - k, y + h), ("L", x + k, y + h), ("L", x, y + h - k), ("L", x, y + k), ("Z",)]
    return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]


def layout_map(m, pathways=()) -> MapLayout:
    """Bands bottom-up, cards in rows; enough for a readable poster."""
    card_w, pad, size, lh, gap, label_w = 140.0, 6.0, 11.0, 13.0, 12.0, 110.0
    per_row = max(4, math.ceil(math.sqrt(len(m.tjenester) * 1.5)))
    levels = list(reversed(m.levels_bottom_up()))
    out = MapLayout(m.id, label_w + per_row * (card_w + gap) + gap, 0.0)
    y = 0.0
    for lv in levels:
        svcs = [s for s in m.tjenester if s.niva == lv.id]
        rows = [svcs[i:i + per_row] for i in range(0, len(svcs), per_row)] or [[]]
        top = y
        y += gap
        for row in rows:
            geoms = []
            for i, s in enumerate(row):
                lines = tuple(wrap(s.navn, card_w - 2 * pad, size, CONDENSED_BOLD))
                h = len(lines) * lh + 2 * pad
                geoms.append((s, lines, h, label_w + gap + i * (card_w + gap)))
            row_h = max((g[2] for g in geoms), default=30.0)
            for s, lines, h, x in geoms:
                out.cards[s.id] = CardGeom(s.id, Rect(x, y, card_w, h), lines, size, lh, s.niva, s.sektor, s.kommune)
            y += row_h + gap
        band = Rect(0.0, top, out.width, y - top)
        label = tuple(wrap(lv.navn, label_w - 12, 11.0, CONDENSED_BOLD))
        out.bands.append(BandGeom(lv.id, band, label, Rect(6.0, top + gap, label_w - 12, len(label) * 13.0), 11.0))
    out.height = y
    by_ref: dict[str, list] = {}
    for s in m.tjenester:  # an index: resolving each link by scanning is quadratic for regions
        by_ref.setdefault(s.id, []).append(s)
        if s.role != s.id:
            by_ref.setdefault(s.role, []).append(s)
    for link in m.samarbeid:
        a, b = by_ref.get(link.mellom[0], []), by_ref.get(link.mellom[1], [])
        for sa in a:
            for sb in b:
                if sa.id != sb.id:
                    out.links.append(EdgeGeom(sa.id, sb.id, link_points(out, sa.id, sb.id)))
    return out


def _border_point(r: Rect, tx: float, ty: float) -> tuple[float, float]:
    cx, cy = r.center
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    t = min((r.w / 2) / abs(dx) if dx else math.inf, (r.h / 2) / abs(dy) if dy else math.inf)
    return (cx + dx * t, cy + dy * t)


def link_points(layout: MapLayout, a: str, b: str):
    ra, rb = layout.cards[a].rect, layout.cards[b].rect
    return (_border_point(ra, *rb.center), _border_point(rb, *ra.center))


def arrow_points(layout: MapLayout, fra_id: str, til_id: str, lane: int = 0):
    p0, p1 = link_points(layout, fra_id, til_id)
    off = lane * 6.0
    return ((p0[0] + off, p0[1]), (p1[0] + off, p1[1]))


def badge_point(points) -> tuple[float, float]:
    (x0, y0), (x1, y1) = points[0], points[-1]
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def pathway_emphasis(m, p, step=None) -> Emphasis:
    arrows, services = [], set()
    for ref in p.references():
        services.update(s.id for s in m.resolve(ref))
    n = 0
    for st in p.flyt:
        froms, tos = m.resolve(st.fra), m.resolve(st.til)
        if not froms or not tos:
            continue
        n += 1
        for a in froms:
            for b in tos:
                if a.id != b.id:
                    arrows.append(Arrow(a.id, b.id, st.art, n))
    return Emphasis(highlighted=frozenset(services), dim_others=True, arrows=tuple(arrows))
