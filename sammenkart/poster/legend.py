"""The legend: levels and sectors in use (and the flow's arrow kinds)."""
from __future__ import annotations

from ..i18n import _
from ..layout.geometry import Rect
from ..layout.text import BOLD, REGULAR, text_width
from ..style import ART_DASH, SECTOR_SHAPES, art_label, sector_label
from .blocks import Block
from .draw_map import level_fill
from .pages import PageMetrics


def legend_block(m, pal, pm: PageMetrics, emphasis=None, variant: str = "normal", undrawn=()) -> Block:
    """``undrawn``: lines for pathway steps without an arrow (``undrawn.undrawn_lines``),
    listed under the flow so that no step loses its number."""
    size, head = pm.body_size, pm.heading_size
    sw = size * 2.2  # swatch width
    indent = sw + size * 0.8
    used_levels = {s.niva for s in m.tjenester}
    levels = [lv for lv in reversed(m.levels_bottom_up()) if lv.id in used_levels]
    sectors = [s for s in dict.fromkeys(s.sektor for s in m.tjenester)]
    arts = list(dict.fromkeys(a.art for a in emphasis.arrows)) if emphasis and emphasis.arrows else []
    labels = [lv.navn for lv in levels] + [sector_label(s) for s in sectors] + [art_label(a) for a in arts]
    natural = indent + max((text_width(t, size, REGULAR) for t in labels), default=0.0)
    width = max(natural, text_width(_("Sektorer"), head, BOLD))
    if undrawn:  # whole sentences: the width of a normal column (the planner's smallest, composition.columns)
        width = max(width, 150.0 * pm.unit)
    b = Block(width, kind="legend")

    b.text(0, head, _("Nivåer"), BOLD, pal.text)
    for lv in levels:
        fill = level_fill(m, pal, variant, lv.id)
        top = b.height
        b.ops.append(("swatch", Rect(0, top + size * 0.1, sw, size * 1.05), fill, pal.card_border))
        b.wrapped(indent, size, lv.navn, REGULAR, pal.text)
    b.space(size * 0.6)
    b.text(0, head, _("Sektorer"), BOLD, pal.text)
    for sector in sectors:
        top = b.height
        shape = SECTOR_SHAPES.get(sector, "rect")
        b.ops.append(("shape", shape, Rect(0, top + size * 0.1, sw, size * 1.05), "#ffffff", pal.card_border))
        b.wrapped(indent, size, sector_label(sector), REGULAR, pal.text)
    if arts or undrawn:
        b.space(size * 0.6)
        b.text(0, head, _("Forløpet"), BOLD, pal.text)
        for art in arts:
            top = b.height
            b.ops.append(("dash", 0, top + size * 0.65, sw, tuple(ART_DASH.get(art, ())), pal.arrow, size / 8))
            b.wrapped(indent, size, art_label(art), REGULAR, pal.text)
        b.wrapped(0, size, _("Tallene viser rekkefølgen i forløpet."), REGULAR, pal.muted_text)
    if undrawn:
        b.wrapped(0, size, _("Steg som ikke er tegnet på kartet:"), REGULAR, pal.muted_text)
        for line in undrawn:
            b.wrapped(size * 0.8, size, line, REGULAR, pal.text)
    return b
