"""Draw a display list on a reportlab canvas: bands, links, cards, arrows, numbers.

The canvas is set up so that one map unit is one unit of drawing and y points
down (we negate y ourselves so text stays upright). Everything drawn comes
from ``sammenkart.display``: the same items the window draws. Opacity is
mixed into the colours here: print shops flatten transparency
unpredictably, and reportlab cannot carry it into the form tiled sheets are
drawn from.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor

from ..display import DisplayList, level_fill  # noqa: F401  (level_fill: used by callers of this module)
from ..layout.text import register_fonts, text_width
from ..style import faded  # noqa: F401  (the one rule for a colour seen through; callers import it here)




def outline_path(c, commands):
    p = c.beginPath()
    for cmd in commands:
        op = cmd[0]
        if op == "M":
            p.moveTo(cmd[1], -cmd[2])
        elif op == "L":
            p.lineTo(cmd[1], -cmd[2])
        elif op == "C":
            p.curveTo(cmd[1], -cmd[2], cmd[3], -cmd[4], cmd[5], -cmd[6])
        elif op == "Z":
            p.close()
    return p


def draw_map(c, d: DisplayList) -> None:
    """Draw ``d`` in the current coordinate system: (x, -y) for a map point (x, y)."""
    register_fonts()
    bg = d.background
    for band in d.bands:
        r = band.rect
        c.setFillColor(HexColor(band.fill))
        c.rect(r.x, -r.bottom, r.w, r.h, stroke=0, fill=1)
        c.setFillColor(HexColor(band.colour))
        c.setFont(band.font, band.size)
        for text, x, y in band.runs:
            c.saveState()
            c.translate(x, -y)
            if band.rotated:
                c.rotate(90)
            c.drawString(0, 0, text)
            c.restoreState()
    for line in d.links:
        _line(c, line, bg)
    for card in d.cards:
        c.saveState()
        c.setFillColor(HexColor(faded(card.fill, bg, card.opacity)))
        c.setStrokeColor(HexColor(faded(card.stroke, bg, card.opacity)))
        c.setLineWidth(card.stroke_width)
        c.setDash(list(card.dash) or [])
        c.drawPath(outline_path(c, card.outline), stroke=1, fill=1)
        c.setFillColor(HexColor(faded(card.text_colour, bg, card.text_opacity)))
        c.setFont(card.font, card.font_size)
        r = card.rect
        top = r.y + (r.h - card.line_height * len(card.lines)) / 2
        for i, text in enumerate(card.lines):
            baseline = top + i * card.line_height + card.line_height / 2 + card.font_size * 0.36
            dx = card.line_dx[i] if i < len(card.line_dx) else 0.0
            c.drawCentredString(r.x + r.w / 2 + dx, -baseline, text)
        c.restoreState()
    for line in d.arrows:
        _line(c, line, bg)
    for badge in d.badges + d.marks:
        _badge(c, badge, bg)


def _line(c, line, bg: str) -> None:
    colour = HexColor(faded(line.colour, bg, line.opacity))
    c.saveState()
    c.setStrokeColor(colour)
    c.setFillColor(colour)
    c.setLineWidth(line.width)
    c.setDash(list(line.dash) or [])
    for pts in line.strokes:
        polyline(c, pts)
    c.setDash([])
    for tri in line.heads:
        p = c.beginPath()
        p.moveTo(tri[0][0], -tri[0][1])
        for x, y in tri[1:]:
            p.lineTo(x, -y)
        p.close()
        c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def polyline(c, pts) -> None:
    p = c.beginPath()
    p.moveTo(pts[0][0], -pts[0][1])
    for x, y in pts[1:]:
        p.lineTo(x, -y)
    c.drawPath(p, stroke=1, fill=0)


def _badge(c, b, bg: str) -> None:
    c.saveState()
    c.setFillColor(HexColor(faded(b.fill, bg, b.opacity)))
    c.setStrokeColor(HexColor(faded(b.ring, bg, b.opacity)))
    c.setLineWidth(b.ring_width)
    c.circle(b.x, -b.y, b.r - b.ring_width / 2, stroke=1, fill=1)  # the ring inside the outer radius
    c.setFillColor(HexColor(faded(b.text_colour, bg, b.opacity)))
    c.setFont(b.font, b.size)
    c.drawString(b.x - text_width(b.text, b.size, b.font) / 2, -b.y - b.size * 0.36, b.text)
    c.restoreState()
