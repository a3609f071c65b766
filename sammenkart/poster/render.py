"""Paint a planned poster page (and its contact pages) on a reportlab canvas."""
from __future__ import annotations

from reportlab.lib.colors import HexColor

from ..i18n import _
from ..layout.geometry import Rect
from ..layout.text import BOLD, REGULAR, register_fonts
from ..style import card_outline
from .blocks import Placed
from .composition import PosterPlan
from .draw_map import draw_map, outline_path, polyline


def draw_poster_page(c, plan: PosterPlan, m, layout=None, pal=None, variant="normal", emphasis=None) -> None:
    """Everything of page one, in page coordinates (origin bottom-left); the map is ``plan.display``."""
    register_fonts()
    H = plan.pm.height
    c.setFillColor(HexColor(pal.background))
    c.rect(0, 0, plan.pm.width, H, stroke=0, fill=1)
    _header(c, plan, pal)
    c.saveState()
    c.translate(plan.map_rect.x, H - plan.map_rect.y)
    c.scale(plan.scale, plan.scale)
    c.translate(-plan.origin[0], plan.origin[1])
    draw_map(c, plan.display)
    c.restoreState()
    for p in plan.blocks:
        draw_block(c, p, H)
    _footer(c, plan, pal)


def draw_contact_page(c, plan: PosterPlan, placed: list[Placed], pal, page_no: int) -> None:
    H = plan.pm.height
    c.setFillColor(HexColor(pal.background))
    c.rect(0, 0, plan.pm.width, H, stroke=0, fill=1)
    _header(c, plan, pal, suffix=_("kontaktinformasjon") if page_no == 1 else
            _("kontaktinformasjon ({n})").format(n=page_no))
    for p in placed:
        draw_block(c, p, H)
    _footer(c, plan, pal, qr=False)


def _header(c, plan: PosterPlan, pal, suffix: str | None = None) -> None:
    H, pm = plan.pm.height, plan.pm
    y = plan.header.y
    c.setFillColor(HexColor(pal.text))
    size = plan.title_size or pm.title_size
    for line in plan.title_lines:
        c.setFont(BOLD, size)
        c.drawString(plan.header.x, H - (y + size * 0.95), line)
        y += size * 1.2
    subtitle = [suffix] if suffix else plan.subtitle_lines
    c.setFillColor(HexColor(pal.muted_text))
    for line in subtitle:
        c.setFont(REGULAR, pm.subtitle_size)
        c.drawString(plan.header.x, H - (y + pm.subtitle_size * 0.95), line)
        y += pm.subtitle_size * 1.3


def _footer(c, plan: PosterPlan, pal, qr: bool = True) -> None:
    H, f, size = plan.pm.height, plan.footer, plan.pm.footer_size
    c.setFillColor(HexColor(pal.muted_text))
    c.setFont(REGULAR, size)
    for i, line in enumerate(reversed(plan.footer_lines)):
        c.drawString(f.x, H - f.bottom + size * (0.3 + 1.4 * i), line)
    if qr and plan.qr_rect and plan.qr_value:
        draw_qr(c, plan.qr_value, plan.qr_rect, H)


def draw_qr(c, value: str, r: Rect, H: float) -> None:
    """QR modules as filled squares (reportlab's encoder; drawn directly, no extra font state)."""
    from .qr import QUIET, qr_matrix

    dark = qr_matrix(value)
    if dark is None:
        return
    n = len(dark)
    quiet = QUIET
    box = r.w / (n + 2 * quiet)
    c.saveState()
    c.setFillColor(HexColor("#ffffff"))
    c.rect(r.x, H - r.bottom, r.w, r.h, stroke=0, fill=1)
    c.setFillColor(HexColor("#000000"))
    top = H - r.y
    for row in range(n):
        col = 0
        while col < n:
            if dark[row][col]:
                start = col
                while col < n and dark[row][col]:
                    col += 1
                c.rect(r.x + (quiet + start) * box, top - (quiet + row + 1) * box, (col - start) * box, box,
                       stroke=0, fill=1)
            else:
                col += 1
    c.restoreState()


def draw_symbol(c, x: float, y: float, r: float, symbol: str, fill: str, ring: str, text: str, size: float) -> None:
    """A round badge with a symbol centred on (x, y) in page coordinates (y up)."""
    c.saveState()
    c.setFillColor(HexColor(fill))
    c.setStrokeColor(HexColor(ring))
    c.setLineWidth(max(0.4, r / 8))
    c.circle(x, y, r, stroke=1, fill=1)
    c.setFillColor(HexColor(text))
    c.setFont(REGULAR, size)
    c.drawCentredString(x, y - size * 0.36, symbol)
    c.restoreState()


def draw_block(c, p: Placed, H: float) -> None:
    ox, oy = p.rect.x, p.rect.y
    for op in p.block.ops:
        kind = op[0]
        if kind == "text":
            _, x, baseline, text, font, size, colour = op
            c.setFillColor(HexColor(colour))
            c.setFont(font, size)
            c.drawString(ox + x, H - (oy + baseline), text)
        elif kind == "swatch":
            _, r, fill, stroke = op
            c.setFillColor(HexColor(fill))
            c.setStrokeColor(HexColor(stroke))
            c.setLineWidth(max(0.5, r.h / 14))
            c.rect(ox + r.x, H - (oy + r.bottom), r.w, r.h, stroke=1, fill=1)
        elif kind == "shape":
            _, shape, r, fill, stroke = op
            c.saveState()
            c.translate(ox, H - oy)
            c.setFillColor(HexColor(fill))
            c.setStrokeColor(HexColor(stroke))
            c.setLineWidth(max(0.5, r.h / 14))
            c.drawPath(outline_path(c, card_outline(shape, r)), stroke=1, fill=1)
            c.restoreState()
        elif kind == "badge":  # a round symbol (tilgang) in a legend
            _, x, y, r, symbol, fill, ring, text, size = op
            draw_symbol(c, ox + x, H - (oy + y), r, symbol, fill, ring, text, size)
        elif kind == "dash":
            _, x, y, w, dash, colour, width = op
            c.saveState()
            c.translate(ox, H - oy)
            c.setStrokeColor(HexColor(colour))
            c.setLineWidth(width)
            scale = width / 2.0  # dash lengths are in map units at line width 2
            c.setDash([d * scale for d in dash] or [])
            polyline(c, ((x, y), (x + w, y)))
            c.restoreState()
