"""The legend block: the display list's legend entries, measured for the page."""
from __future__ import annotations

from ..layout.geometry import Rect
from ..layout.text import BOLD, REGULAR, text_width
from .blocks import Block
from .pages import PageMetrics


def legend_block(entries, pal, pm: PageMetrics, size: float | None = None) -> Block:
    """Levels (colour), sectors (outline), tilgang (symbol) and arrow kinds, as
    ``display.legend_entries`` lists them."""
    size = size or pm.body_size
    head = size * pm.heading_size / pm.body_size
    sw = size * 2.2  # swatch width
    indent = sw + size * 0.8
    labels = [e.label for e in entries if e.kind in ("level", "sector", "access", "art")]
    natural = indent + max((text_width(t, size, REGULAR) for t in labels), default=0.0)
    heads = [e.label for e in entries if e.kind == "head"]
    b = Block(max([natural] + [text_width(t, head, BOLD) for t in heads]), kind="legend")
    first = True
    for e in entries:
        if e.kind == "head":
            if not first:
                b.space(size * 0.45)
            b.text(0, head, e.label, BOLD, pal.text)
            first = False
            continue
        top = b.height
        box = Rect(0, top + size * 0.1, sw, size * 1.05)
        if e.kind == "level":
            b.ops.append(("swatch", box, e.fill, e.colour))
        elif e.kind == "sector":
            b.ops.append(("shape", e.shape, box, e.fill, e.colour))
        elif e.kind == "art":
            b.ops.append(("dash", 0, top + size * 0.65, sw, e.dash, e.colour, size / 8))
        elif e.kind == "access":  # the card's symbol, as on the card (access_marks)
            r = size * 0.62
            b.ops.append(("badge", sw / 2, top + size * 0.65, r, e.symbol, e.fill, e.colour, pal.text, size * 0.85))
        else:  # a note under the list
            b.wrapped(0, size, e.label, REGULAR, pal.muted_text)
            continue
        b.wrapped(indent, size, e.label, REGULAR, pal.text)
    return b
