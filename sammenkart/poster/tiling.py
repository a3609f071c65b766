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
from ..layout.text import BOLD, REGULAR, text_width, wrap
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
    tiles: tuple[Tile, ...]  # the sheets to print (sheets with nothing on them are left out)
    offset: tuple[float, float] = (0.0, 0.0)  # where the first window starts, poster points
    skipped: tuple[Tile, ...] = ()


def _count(length: float, window: float, overlap: float, start: float = 0.0) -> int:
    step = window - overlap
    return max(1, math.ceil((length - start - overlap) / step - 1e-9))


def _orientation(poster_w: float, poster_h: float, sheet: str, overlap: float, margin: float,
                 landscape: bool | None = None):
    """(sheet size, window width, window height): the sheet turned as ``landscape`` says, or
    (None) the way that needs fewest sheets."""
    best = None
    for turned in ((False, True) if landscape is None else (landscape,)):
        sw, sh = page_size(sheet, turned)
        ww, wh = sw - 2 * margin, sh - 2 * margin
        n = _count(poster_w, ww, overlap) * _count(poster_h, wh, overlap)
        if best is None or n < best[0]:
            best = (n, (sw, sh), ww, wh)
    return best[1], best[2], best[3]


def window_size(poster_w: float, poster_h: float, sheet: str, overlap: float = OVERLAP,
                margin: float = SHEET_MARGIN) -> tuple[float, float]:
    """The part of the poster one sheet shows (width, height), in the orientation that needs
    fewest sheets (``plan_tiles`` turns the sheets only to keep the title, legend or QR code whole)."""
    _size, ww, wh = _orientation(poster_w, poster_h, sheet, overlap, margin)
    return ww, wh


def tile_grid(poster_w: float, poster_h: float, sheet: str, overlap: float = OVERLAP,
              margin: float = SHEET_MARGIN, offset: tuple[float, float] = (0.0, 0.0),
              landscape: bool | None = None) -> TileGrid:
    """Sheets in the orientation that needs fewest (or as ``landscape`` says); neighbours
    share ``overlap`` points.

    ``offset`` (≤ 0) shifts the grid left/up so that a cut falls elsewhere.
    """
    size, ww, wh = _orientation(poster_w, poster_h, sheet, overlap, margin, landscape)
    ox, oy = offset
    cols, rows = _count(poster_w, ww, overlap, ox), _count(poster_h, wh, overlap, oy)
    tiles = tuple(
        Tile(r + 1, c + 1, Rect(ox + c * (ww - overlap), oy + r * (wh - overlap), ww, wh))
        for r in range(rows) for c in range(cols)
    )
    return TileGrid(size, rows, cols, tiles, offset)


def _shift(length: float, window: float, overlap: float, keep: list[tuple[float, float]]) -> float:
    """The grid offset along one axis that leaves each ``keep`` interval whole on one sheet.

    Of the offsets that do, the one with fewest sheets; if none does, the one
    that keeps the most (earlier intervals count more).
    """
    step = window - overlap
    keep = [(a, b) for a, b in keep if b - a <= window - 2e-6]  # what cannot fit on one sheet gets no say
    best = None
    for k in range(193):  # steps of about 2.6 pt on A4: a legend nearly a sheet tall still finds its place
        off = -step * k / 192
        whole = 0.0
        for rank, (a, b) in enumerate(keep):
            first = math.floor((a - off) / step)
            if any(off + j * step <= a + 1e-6 and b <= off + j * step + window - 1e-6
                   for j in (first - 1, first, first + 1)):
                whole += 2.0 ** (len(keep) - rank)
        score = (whole, -_count(length, window, overlap, off), off)
        if best is None or score > best[0]:
            best = (score, off)
    return best[1]


def plan_tiles(plan, sheet: str, overlap: float = OVERLAP, margin: float = SHEET_MARGIN) -> TileGrid:
    """The sheets for a planned poster: the QR code, the title and the legend each whole on one
    sheet where they fit on one, and no sheet with nothing on it. The sheets are turned the way
    that needs fewest, unless the other way keeps more of those whole. (Moves ``plan.qr_rect``
    onto one sheet where a cut would cross it.)"""
    W, H = plan.size
    keep = legend_rects(plan)
    if plan.qr_rect is not None:
        keep.append(plan.qr_rect)
    keep.append(title_rect(plan))  # last: a title can be wrapped to fit (export.prepare)
    options = []
    for turned in (None, False, True):  # the fewest sheets first
        _size, ww, wh = _orientation(W, H, sheet, overlap, margin, turned)
        ox = _shift(W, ww, overlap, [(r.x, r.right) for r in keep])
        oy = _shift(H, wh, overlap, [(r.y, r.bottom) for r in keep])
        grid = tile_grid(W, H, sheet, overlap, margin, (ox, oy), turned)
        qr = plan.qr_rect
        if qr is not None:
            # the QR code is small: where a cut would cross it, it moves onto one sheet
            # (it may rise into the gap between the map and the footer, never onto the map)
            top = min(plan.footer.y, max(plan.map_rect.bottom + 1.0, plan.footer.y - plan.pm.footer_size))
            qr = _onto_one_sheet(qr, grid, Rect(plan.footer.x, top, plan.footer.w, plan.footer.bottom - top))
        # a cut title counts half: export.prepare wraps it to the sheet it starts on
        cut = 2 * sum(not _whole(r, grid) for r in [*legend_rects(plan), qr] if r is not None)
        cut += not _whole(keep[-1], grid)
        options.append((cut, len(options), grid, qr))
        if cut == 0:
            break
    _cut, _i, grid, plan.qr_rect = min(options, key=lambda o: o[:2])
    ink = ink_rects(plan)
    used = tuple(t for t in grid.tiles if any(_overlaps(t.window, r) for r in ink))
    skipped = tuple(t for t in grid.tiles if t not in used)
    return TileGrid(grid.sheet, grid.rows, grid.cols, used, grid.offset, skipped)


def _whole(r: Rect, grid: TileGrid) -> bool:
    """Whether one sheet of ``grid`` holds ``r`` whole."""
    return any(t.window.x <= r.x + 1e-6 and r.right <= t.window.right + 1e-6 and
               t.window.y <= r.y + 1e-6 and r.bottom <= t.window.bottom + 1e-6 for t in grid.tiles)


def legend_rects(plan) -> list[Rect]:
    return [_used(p) for p in plan.blocks if p.block.kind == "legend"]


def title_rect(plan) -> Rect:
    size = plan.title_size or plan.pm.title_size
    w = max((text_width(t, size, BOLD) for t in plan.title_lines), default=0.0)
    return Rect(plan.header.x, plan.header.y, w, len(plan.title_lines) * size * 1.2)


def ink_rects(plan, placed=None) -> list[Rect]:
    """Where page one (or a contact page, given its ``placed`` blocks) has anything drawn."""
    out = [title_rect(plan)]
    sub_y = plan.header.y + len(plan.title_lines) * (plan.title_size or plan.pm.title_size) * 1.2
    out.append(Rect(plan.header.x, sub_y, plan.header.w, max(0.0, plan.header.bottom - sub_y)))
    if placed is None:
        out += map_ink_rects(plan)
        placed = plan.blocks
        if plan.qr_rect is not None:
            out.append(plan.qr_rect)
    out += [_used(p) for p in placed]
    size = plan.pm.footer_size
    for i, line in enumerate(reversed(plan.footer_lines)):
        y = plan.footer.bottom - size * (0.3 + 1.4 * i) - size
        out.append(Rect(plan.footer.x, y, text_width(line, size, REGULAR), size * 1.2))
    return [r for r in out if r.w > 0 and r.h > 0]


def map_ink_rects(plan) -> list[Rect]:
    """Page rectangles (y down) of what the map draws that a reader looks for: cards, band
    labels, links and arrows, badges. A band's grey fill alone is not content: a sheet
    holding only that is left out (README: empty sheets are not printed)."""
    d = plan.display
    if d is None:
        return [plan.map_rect]
    out = [c.rect for c in d.cards]
    for band in d.bands:
        for text, x, y in band.runs:
            w = text_width(text, band.size, band.font)
            out.append(Rect(x - band.size, y - w, band.size * 1.2, w) if band.rotated
                       else Rect(x, y - band.size, w, band.size * 1.2))
    for line in (*d.links, *d.arrows):
        # each segment on its own: a long line's bounding box would claim sheets it never crosses
        pieces = [pair for stroke in line.strokes for pair in zip(stroke, stroke[1:])]
        pieces += [pair for head in line.heads for pair in zip(head, head[1:])]
        for (x1, y1), (x2, y2) in pieces:
            pad = line.width
            out.append(Rect(min(x1, x2) - pad, min(y1, y2) - pad, abs(x2 - x1) + 2 * pad, abs(y2 - y1) + 2 * pad))
    out += [Rect(b.x - b.r, b.y - b.r, 2 * b.r, 2 * b.r) for b in (*d.badges, *d.marks)]
    return [plan.to_page(r) for r in out]


def _onto_one_sheet(r: Rect, grid: TileGrid, within: Rect) -> Rect:
    """``r`` moved (as little as possible, inside ``within``) so one window holds it whole."""
    best = None
    for t in grid.tiles:
        w = t.window
        x = min(max(r.x, w.x + 1.0), w.right - r.w - 1.0)
        y = min(max(r.y, w.y + 1.0), w.bottom - r.h - 1.0)
        x = min(max(x, within.x), within.right - r.w)
        y = min(max(y, within.y), within.bottom - r.h)
        if w.x <= x and x + r.w <= w.right and w.y <= y and y + r.h <= w.bottom:
            d = abs(x - r.x) + abs(y - r.y)
            if best is None or d < best[0]:
                best = (d, Rect(x, y, r.w, r.h))
    return best[1] if best else r


def _used(p) -> Rect:
    """The part of a placed block that has ink."""
    return Rect(p.rect.x, p.rect.y, p.block.used_width(), p.rect.h)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def write_tiled(out, m, layout, pal, variant, emphasis, plan, sheet: str) -> int:
    from .export import new_canvas

    W, H = plan.size
    grid = plan_tiles(plan, sheet)
    c = new_canvas(out, grid.sheet, m, _("Plakat delt på {n} ark").format(n=len(grid.tiles)))
    forms = [(FORM, grid)]
    c.beginForm(FORM, 0, 0, W, H)
    draw_poster_page(c, plan, m, layout, pal, variant, emphasis)
    c.endForm()
    for i, placed in enumerate(plan.extra_pages, start=1):
        name = f"{FORM}-kontakt-{i}"
        c.beginForm(name, 0, 0, W, H)
        draw_contact_page(c, plan, placed, pal, i)
        c.endForm()
        ink = ink_rects(plan, placed)
        every = grid.tiles + grid.skipped
        used = tuple(t for t in every if any(_overlaps(t.window, r) for r in ink))
        forms.append((name, TileGrid(grid.sheet, grid.rows, grid.cols, tuple(sorted(used, key=_pos)),
                                     grid.offset, tuple(t for t in every if t not in used))))

    pages = 0
    for form_no, (form, g) in enumerate(forms):
        _overview(c, g, form, W, H, m, sheet, form_no)
        c.showPage()
        pages += 1
        for n, t in enumerate(g.tiles, start=1):
            _sheet(c, g, t, form, H, m, n)
            c.showPage()
            pages += 1
    c.save()
    return pages


def _pos(t: Tile) -> tuple[int, int]:
    return (t.row, t.col)


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
    if grid.skipped:
        text += " " + _("Tomme ark skrives ikke ut ({n} stk.).").format(n=len(grid.skipped))
    if form_no:
        text = _("Kontaktsiden, side {n}. ").format(n=form_no) + text
    for line in wrap(text, sw - 2 * SHEET_MARGIN, 10, REGULAR):
        c.drawString(x0, y, line)
        y -= 13
    # The miniature: the whole poster and the sheet windows over it.
    every = grid.tiles + grid.skipped
    ox, oy = grid.offset
    span_w = grid.cols * (every[0].window.w - OVERLAP) + OVERLAP
    span_h = grid.rows * (every[0].window.h - OVERLAP) + OVERLAP
    avail_w, avail_h = sw - 2 * SHEET_MARGIN, y - SHEET_MARGIN - 6
    s = min(avail_w / span_w, avail_h / span_h)
    px, py = x0 + (avail_w - span_w * s) / 2 - ox * s, y - 6 + oy * s  # where poster (0, 0) lands
    c.saveState()
    c.translate(px, py - H * s)
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
        c.rect(px + r.x * s, py - r.bottom * s, r.w * s, r.h * s, stroke=1, fill=0)
        c.setFont(BOLD, 8)
        c.drawCentredString(px + (r.x + r.w / 2) * s, py - (r.y + r.h / 2) * s, f"{t.row},{t.col}")


def _sheet(c, grid: TileGrid, t: Tile, form: str, H: float, m, number: int) -> None:
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
                          navn=m.navn, n=number, total=len(grid.tiles)))


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
