"""Split a large poster over A4/A3 sheets: the poster is drawn once as a PDF
form (XObject) and each sheet shows its window of it, with overlap, cut marks
and a row/column label; the first page shows how the sheets fit together.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.colors import HexColor

from ..i18n import _
from ..layout.geometry import Rect
from ..layout.text import BOLD, REGULAR, wrap
from .pages import MM, page_size
from .render import draw_contact_page, draw_poster_page

OVERLAP = 10 * MM
SHEET_MARGIN = 12 * MM  # office printers leave an unprintable edge
FORM = "sammenkart-plakat"


@dataclass(frozen=True)
class Tile:
    row: int  # 1-based, from the top
    col: int  # 1-based, from the left
    window: Rect  # the part of the poster on this sheet, poster points, y down


@dataclass(frozen=True)
class TileGrid:
    sheet: tuple[float, float]
    rows: int
    cols: int
    tiles: tuple[Tile, ...]


def _count(length: float, window: float, overlap: float) -> int:
    step = window - overlap
    return max(1, math.ceil((length - overlap) / step - 1e-9))


def tile_grid(poster_w: float, poster_h: float, sheet: str, overlap: float = OVERLAP,
              margin: float = SHEET_MARGIN) -> TileGrid:
    """Sheets in the orientation that needs fewest; neighbours share ``overlap`` points."""
    best = None
    for landscape in (False, True):
        sw, sh = page_size(sheet, landscape)
        ww, wh = sw - 2 * margin, sh - 2 * margin
        cols, rows = _count(poster_w, ww, overlap), _count(poster_h, wh, overlap)
        if best is None or rows * cols < best[0]:
            best = (rows * cols, (sw, sh), ww, wh, rows, cols)
    _, size, ww, wh, rows, cols = best
    tiles = tuple(
        Tile(r + 1, c + 1, Rect(c * (ww - overlap), r * (wh - overlap), ww, wh))
        for r in range(rows) for c in range(cols)
    )
    return TileGrid(size, rows, cols, tiles)


def write_tiled(out, m, layout, pal, variant, emphasis, plan, sheet: str) -> int:
    from .export import new_canvas

    W, H = plan.size
    grid = tile_grid(W, H, sheet)
    c = new_canvas(out, grid.sheet, m, _("Plakat delt på {n} ark").format(n=len(grid.tiles)))
    forms = [FORM]
    c.beginForm(FORM, 0, 0, W, H)
    draw_poster_page(c, plan, m, layout, pal, variant, emphasis)
    c.endForm()
    for i, placed in enumerate(plan.extra_pages, start=1):
        name = f"{FORM}-kontakt-{i}"
        c.beginForm(name, 0, 0, W, H)
        draw_contact_page(c, plan, placed, pal, i)
        c.endForm()
        forms.append(name)

    pages = 0
    for form_no, form in enumerate(forms):
        _overview(c, grid, form, W, H, m, sheet, form_no)
        c.showPage()
        pages += 1
        for t in grid.tiles:
            _sheet(c, grid, t, form, H, m)
            c.showPage()
            pages += 1
    c.save()
    return pages


def _overview(c, grid: TileGrid, form: str, W: float, H: float, m, sheet: str, form_no: int) -> None:
    sw, sh = grid.sheet
    x0, top = SHEET_MARGIN, sh - SHEET_MARGIN
    c.setFillColor(HexColor("#1a1a1a"))
    c.setFont(BOLD, 16)
    c.drawString(x0, top - 16, _("Slik setter du sammen plakaten"))
    c.setFont(REGULAR, 10)
    y = top - 36
    text = _("{navn}: {n} ark {ark} i {rader} rader og {kolonner} kolonner. Naboark overlapper {mm} mm. "
             "Skjær langs merkene i margen og lim arkene sammen i rekkefølgen under.").format(
        navn=m.navn, n=len(grid.tiles), ark=sheet, rader=grid.rows, kolonner=grid.cols, mm=round(OVERLAP / MM))
    if form_no:
        text = _("Kontaktsiden, side {n}. ").format(n=form_no) + text
    for line in wrap(text, sw - 2 * SHEET_MARGIN, 10, REGULAR):
        c.drawString(x0, y, line)
        y -= 13
    # The miniature: the whole poster and the sheet windows over it.
    span_w = grid.cols * (grid.tiles[0].window.w - OVERLAP) + OVERLAP
    span_h = grid.rows * (grid.tiles[0].window.h - OVERLAP) + OVERLAP
    avail_w, avail_h = sw - 2 * SHEET_MARGIN, y - SHEET_MARGIN - 6
    s = min(avail_w / span_w, avail_h / span_h)
    ox, oy = x0 + (avail_w - span_w * s) / 2, y - 6  # oy: top of the miniature
    c.saveState()
    c.translate(ox, oy - H * s)
    c.scale(s, s)
    c.setStrokeColor(HexColor("#999999"))
    c.setLineWidth(1 / s)
    c.rect(0, 0, W, H, stroke=1, fill=0)
    c.doForm(form)
    c.restoreState()
    c.setStrokeColor(HexColor("#c0392b"))
    c.setFillColor(HexColor("#c0392b"))
    c.setLineWidth(0.8)
    for t in grid.tiles:
        r = t.window
        c.rect(ox + r.x * s, oy - r.bottom * s, r.w * s, r.h * s, stroke=1, fill=0)
        c.setFont(BOLD, 8)
        c.drawCentredString(ox + (r.x + r.w / 2) * s, oy - (r.y + r.h / 2) * s, f"{t.row},{t.col}")


def _sheet(c, grid: TileGrid, t: Tile, form: str, H: float, m) -> None:
    sw, sh = grid.sheet
    win = t.window
    x0, y0 = SHEET_MARGIN, SHEET_MARGIN  # bottom-left of the window on the sheet
    c.saveState()
    p = c.beginPath()
    p.rect(x0, y0, win.w, win.h)
    c.clipPath(p, stroke=0, fill=0)
    # Poster point (px, py_down) lands at sheet (x0 + px - win.x, y0 + win.h - (py_down - win.y)).
    c.translate(x0 - win.x, y0 + win.h + win.y - H)
    c.doForm(form)
    c.restoreState()
    _cut_marks(c, x0, y0, win.w, win.h, t, grid)
    c.setFillColor(HexColor("#333333"))
    c.setFont(BOLD, 9)
    label = _("rad {rad}, kolonne {kolonne}").format(rad=t.row, kolonne=t.col)
    c.drawString(x0 + 4 * MM, y0 - 10 * MM, label)
    c.setFont(REGULAR, 7)
    c.drawRightString(sw - SHEET_MARGIN - 4 * MM, y0 - 10 * MM,
                      _("{navn} – ark {n} av {total}").format(
                          navn=m.navn, n=(t.row - 1) * grid.cols + t.col, total=len(grid.tiles)))


def _cut_marks(c, x0, y0, w, h, t: Tile, grid: TileGrid) -> None:
    """Crop marks at the window's corners; dashed marks where the neighbour's edge lies."""
    k = 5 * MM
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.4)
    for x in (x0, x0 + w):
        for y, d in ((y0, -1), (y0 + h, 1)):
            c.line(x, y + d * 2, x, y + d * k)
    for y in (y0, y0 + h):
        for x, d in ((x0, -1), (x0 + w, 1)):
            c.line(x + d * 2, y, x + d * k, y)
    c.setDash([2, 2])
    if t.col > 1:  # the left neighbour's right edge: glue zone
        for y, d in ((y0, -1), (y0 + h, 1)):
            c.line(x0 + OVERLAP, y + d * 2, x0 + OVERLAP, y + d * k)
    if t.row > 1:
        for x, d in ((x0, -1), (x0 + w, 1)):
            c.line(x + d * 2, y0 + h - OVERLAP, x + d * k, y0 + h - OVERLAP)
    c.setDash([])
