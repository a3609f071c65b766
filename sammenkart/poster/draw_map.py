"""Draw a MapLayout on a reportlab canvas: bands, links, cards, flow arrows.

The canvas is set up so that one map unit is one unit of drawing and y points
down (we negate y ourselves so text stays upright). Geometry, wrapped lines and
colours all come from the shared layout and style: the poster shows exactly
what the screen shows.
"""
from __future__ import annotations

from reportlab.lib.colors import HexColor

from ..emphasis import PLAIN, Emphasis
from ..layout.engine import band_label_runs
from ..layout.geometry import MapLayout, Rect
from ..layout.text import BOLD, CONDENSED_BOLD, register_fonts, text_width
from ..layout.edges import arrow_head, arrow_points, badge_point, lanes
from ..style import ART_DASH, SECTOR_SHAPES, card_outline, level_position


def level_fill(m, pal, variant: str, level_id: int) -> str:
    """Card colour of a level; a level's own ``farge`` wins in the normal palette."""
    lv = m.level(level_id)
    if variant == "normal" and lv is not None and lv.farge:
        return lv.farge
    return pal.card_fill(level_position(m, level_id), len(m.nivaer))


def faded(colour: str, pal, opacity: float | None = None) -> str:
    """``colour`` seen at ``opacity`` over the background, as a plain colour.

    Posters use no transparency: print shops flatten it unpredictably, and
    reportlab cannot carry it into the form that tiled sheets are drawn from.
    """
    a = pal.dim_opacity if opacity is None else opacity
    fg, bg = colour.lstrip("#"), pal.background.lstrip("#")
    mixed = [round(int(fg[i:i + 2], 16) * a + int(bg[i:i + 2], 16) * (1 - a)) for i in (0, 2, 4)]
    return "#" + "".join(f"{v:02x}" for v in mixed)


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


def draw_map(c, m, layout: MapLayout, pal, variant: str = "normal", emphasis: Emphasis | None = None) -> None:
    """Draw in the current coordinate system: (x, -y) for a map point (x, y)."""
    register_fonts()
    em = emphasis or PLAIN
    n = len(m.nivaer)
    for band in layout.bands:
        pos = level_position(m, band.level_id)
        r = band.rect
        c.setFillColor(HexColor(pal.band_fill(pos, n)))
        c.rect(r.x, -r.bottom, r.w, r.h, stroke=0, fill=1)
        c.setFillColor(HexColor(pal.text))
        c.setFont(BOLD, band.label_font_size)
        for text, x, y in band_label_runs(band):
            c.saveState()
            c.translate(x, -y)
            if band.label_rotated:
                c.rotate(90)
            c.drawString(0, 0, text)
            c.restoreState()

    if em.show_links and layout.links:
        c.saveState()
        c.setStrokeColor(HexColor(faded(pal.link, pal) if em.dim_others else pal.link))
        c.setLineWidth(1.0)
        c.setDash(list(ART_DASH.get("samarbeid", ())) or [])
        for e in layout.links:
            _polyline(c, e.points)
        c.restoreState()

    for sid, card in layout.cards.items():
        dim = em.dim_others and sid not in em.highlighted and sid not in em.current
        look = (lambda col: faded(col, pal)) if dim else (lambda col: col)
        c.saveState()
        c.setFillColor(HexColor(look(level_fill(m, pal, variant, card.level))))
        border = pal.current if sid in em.current else pal.highlight if (em.dim_others and not dim) else pal.card_border
        c.setStrokeColor(HexColor(look(border)))
        c.setLineWidth(2.2 if border != pal.card_border else 0.8)
        shape = SECTOR_SHAPES.get(card.sector, "rect")
        c.drawPath(outline_path(c, card_outline(shape, card.rect)), stroke=1, fill=1)
        pos = level_position(m, card.level)
        # Dimmed names stay readable: text fades less than the card.
        text = pal.card_text(pos, n)
        c.setFillColor(HexColor(faded(text, pal, max(pal.dim_opacity, 0.55)) if dim else text))
        _lines(c, card.lines, card.rect, card.font_size, card.line_height, CONDENSED_BOLD, centred=True)
        c.restoreState()

    _arrows(c, layout, pal, em)


def _lines(c, lines, r: Rect, size: float, leading: float, font: str, centred: bool) -> None:
    c.setFont(font, size)
    top = r.y + (r.h - leading * len(lines)) / 2 if centred else r.y
    for i, line in enumerate(lines):
        baseline = top + i * leading + leading / 2 + size * 0.36
        if centred:
            c.drawCentredString(r.x + r.w / 2, -baseline, line)
        else:
            c.drawString(r.x, -baseline, line)


def _polyline(c, pts) -> None:
    p = c.beginPath()
    p.moveTo(pts[0][0], -pts[0][1])
    for x, y in pts[1:]:
        p.lineTo(x, -y)
    c.drawPath(p, stroke=1, fill=0)


def _arrows(c, layout: MapLayout, pal, em: Emphasis) -> None:
    badges = []
    valid = [a for a in em.arrows if a.fra in layout.cards and a.til in layout.cards]
    for a, lane in zip(valid, lanes([(a.fra, a.til) for a in valid])):
        pts = tuple(arrow_points(layout, a.fra, a.til, lane))
        if len(pts) < 2:
            continue
        base = pal.arrow_current if a.current else pal.arrow
        colour = HexColor(faded(base, pal) if a.faded else base)
        c.saveState()
        c.setStrokeColor(colour)
        c.setFillColor(colour)
        c.setLineWidth(3.0 if a.current else 2.0)
        c.setDash(list(ART_DASH.get(a.art, ())) or [])
        _polyline(c, pts)
        c.setDash([])
        _head(c, pts, 9.0)
        c.restoreState()
        if a.number is not None:
            badges.append((badge_point(pts), a.number, colour, a.faded))
    r = 7.5
    placed: list[tuple[float, float]] = []
    for (x, y), number, colour, _faded in badges:
        # Two steps between the same services would hide each other's number: step aside.
        while any(abs(x - px) < 2 * r and abs(y - py) < 2 * r for px, py in placed):
            y += 2 * r + 1
        placed.append((x, y))
        c.saveState()
        c.setFillColor(colour)
        c.setStrokeColor(HexColor(pal.background))
        c.setLineWidth(1.0)
        c.circle(x, -y, r, stroke=1, fill=1)
        c.setFillColor(HexColor(pal.background))
        label = str(number)
        size = 9.0 if len(label) < 3 else 7.0
        c.setFont(BOLD, size)
        c.drawString(x - text_width(label, size, BOLD) / 2, -y - size * 0.36, label)
        c.restoreState()


def _head(c, points, length: float) -> None:
    """The same arrow head the screen draws (``layout.edges.arrow_head``)."""
    tip, left, right = arrow_head(points, length)
    p = c.beginPath()
    p.moveTo(tip[0], -tip[1])
    p.lineTo(left[0], -left[1])
    p.lineTo(right[0], -right[1])
    p.close()
    c.drawPath(p, stroke=0, fill=1)
