"""Where everything goes on the page: header, map, legend, contacts, footer.

All geometry is in page points with y down from the top of the page; the
renderer flips it for PDF. The planner is pure so tests can measure it.
"""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field

from .. import __version__, i18n
from ..i18n import _
from ..layout.geometry import MapLayout, Rect
from ..layout.text import BOLD, REGULAR, text_width, wrap
from ..model import Problem
from .blocks import Block, Placed, balanced_flow, flow
from .arrangement import choose, list_sizes
from .contacts import contact_blocks, contact_lines
from .legend import legend_block
from .steps import checklist_blocks, steps_blocks
from .pages import MIN_FONT_PT, MM, PageMetrics, metrics
from .qr import qr_readable



@dataclass
class PosterPlan:
    paper: str
    landscape: bool
    pm: PageMetrics
    content: Rect
    title_lines: list[str]
    subtitle_lines: list[str]
    header: Rect
    map_rect: Rect  # the scaled layout's extent on the page
    scale: float
    origin: tuple[float, float]  # the map point drawn at map_rect's corner
    blocks: list[Placed]
    extra_pages: list[list[Placed]] = field(default_factory=list)
    footer: Rect = Rect(0, 0, 0, 0)
    footer_lines: list[str] = field(default_factory=list)  # bottom line last
    qr_rect: Rect | None = None
    qr_value: str | None = None
    min_font: float = 0.0
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # warnings at a file:line:col
    title_size: float = 0.0
    layout: MapLayout | None = None  # the map as placed on this page
    display: object | None = None  # its display list (sammenkart.display.DisplayList): what is drawn

    @property
    def size(self) -> tuple[float, float]:
        return (self.pm.width, self.pm.height)

    def to_page(self, r: Rect) -> Rect:
        """A rectangle in map units → page coordinates (y down)."""
        s, (ox, oy) = self.scale, self.origin
        return Rect(self.map_rect.x + (r.x - ox) * s, self.map_rect.y + (r.y - oy) * s, r.w * s, r.h * s)

    def card_rects(self, layout: MapLayout) -> dict[str, Rect]:
        return {sid: self.to_page(c.rect) for sid, c in layout.cards.items()}


def date_text(d: _dt.date) -> str:
    """The date in the current language (``i18n.date_text``)."""
    return i18n.date_text(d)


def footer_text(m) -> str:
    parts = []
    if m.oppdatert:
        parts.append(_("Oppdatert {dato}").format(dato=date_text(m.oppdatert)))
    parts.append(_("Laget med Sammenkart {versjon}").format(versjon=__version__))
    return "  ·  ".join(parts)


def plan_poster(m, layout: MapLayout, pal, paper: str = "A0", landscape: bool = False,
                pathway=None, emphasis=None, variant: str = "normal", relayout=None,
                tile: str | None = None, title_limit: float | None = None, more=None) -> PosterPlan:
    """Place header, map, legend, step list, checklist, contacts and footer on the page.

    Where the lists go (beside or under the map) and in what type is the rule
    of ``arrangement``: decided by the text size it leaves the map.
    ``relayout(aspect)`` gives the map laid out for a room of that shape
    (``layout.engine.layout_map``): the map then fills the room left after
    the furniture (or is drawn from an earlier layout, where that draws it
    larger). Without it ``layout`` is drawn as it is. ``tile`` ("A4",
    "A3"): the poster will be split over such sheets, so the title is kept
    narrow enough to lie on one sheet. ``more(size, width, heading) -> [Block]``:
    more furniture after the legend and steps (the figures table of ``--tal``).
    """
    from ..display import build, legend_entries
    from ..emphasis import PLAIN

    pm = metrics(paper, landscape)
    gap = pm.body_size * 1.6
    content = Rect(pm.margin, pm.margin, pm.width - 2 * pm.margin, pm.height - 2 * pm.margin)

    title_w = content.w
    if tile:
        from .tiling import OVERLAP, window_size

        title_w = min(title_w, window_size(pm.width, pm.height, tile)[0] - 2 * OVERLAP)
    if title_limit:
        title_w = min(title_w, title_limit)
    title_size = pm.title_size
    while tile and title_size > pm.subtitle_size * 0.5 and any(
            text_width(w, title_size, BOLD) > title_w for w in m.navn.split()):
        title_size *= 0.9  # a word wider than a sheet would be cut: smaller type instead
    # Capped so that no name, however long, can squeeze the map to nothing.
    title = wrap(m.navn, title_w, title_size, BOLD, max_lines=4)
    sub = wrap(pathway.navn, title_w, pm.subtitle_size, REGULAR, max_lines=3) if pathway else []
    header_h = len(title) * title_size * 1.2 + len(sub) * pm.subtitle_size * 1.3
    header = Rect(content.x, content.y, content.w, header_h)

    qr_side = max(20 * MM, 0.07 * min(pm.width, pm.height)) if m.nettside else 0.0
    problems = []
    if qr_side and not qr_readable(m.nettside, qr_side):
        problems.append(Problem(m.source, _("«nettside» er for lang til en QR-kode som kan leses på {papir}; "
                                            "plakaten får ingen QR-kode").format(papir=paper), "warning"))
        qr_side = 0.0
    text_w = content.w - (qr_side + pm.footer_size * 2 if qr_side else 0)
    foot_lines = []
    if m.nettside:
        foot_lines += wrap(_("Mer informasjon: {nettside}").format(nettside=m.nettside), text_w,
                           pm.footer_size, REGULAR)
    foot_lines += wrap(footer_text(m), text_w, pm.footer_size, REGULAR)
    foot_h = max(qr_side, len(foot_lines) * pm.footer_size * 1.4)
    footer = Rect(content.x, content.bottom - foot_h, content.w, foot_h)
    qr_rect = Rect(footer.right - qr_side, footer.y, qr_side, qr_side) if qr_side else None

    area = Rect(content.x, header.bottom + gap, content.w, footer.y - gap - header.bottom - gap)
    entries = legend_entries(m, pal, emphasis or PLAIN, variant)
    ext = extent(layout)
    floor = MIN_FONT_PT[paper]

    options = []
    if relayout is not None:
        from ..layout.engine import shapes

        options = shapes(m)
        # the estimates are of a map with empty channels; scale them to the real one
        est = next((o for o in options if layout.grid is not None and o[0] == layout.grid.cols), None)
        k = (ext.w * ext.h / (est[1] * est[2])) ** 0.5 if est else 1.0
        options = [(c, w * k, h * k) for c, w, h in options]

    def fit(room: Rect) -> float:
        """The map's scale in ``room``: a relaid map takes the room's shape as far as it can."""
        if room.w <= 0 or room.h <= 0:
            return 0.0
        if relayout is None or not options:
            return min(room.w / ext.w, room.h / ext.h)
        s = max(min(room.w / w, room.h / h) for _c, w, h in options)
        # Very flat or very tall rooms squeeze every arrow into a few channels (much wider
        # than estimated): the estimate is not to be trusted there.
        return s if 0.45 <= room.w / room.h <= 3.2 else s * 0.5

    def furniture(size: float, width: float, contacts: bool = False) -> list[Block]:
        """Legend, steps, checklist, figures and (with ``contacts``) the contacts, in ``size``
        type and columns ``width`` wide."""
        head = size * pm.heading_size / pm.body_size
        out = [legend_block(entries, pal, pm, size)]
        if pathway is not None:
            out += steps_blocks(m, pathway, pal, width, size, head)
            out += checklist_blocks(pathway, pal, width, size, head)
        if more is not None:
            out += more(size, width, head)
        for b in out:
            b.width = width
        if contacts:
            out += contact_blocks(m.tjenester, pal, pm, width, size=size)
        return out

    natural_w = legend_block(entries, pal, pm).width

    def narrowest(size: float) -> float:
        # a column holds the legend and a readable line of a step or an address
        factor = size / pm.body_size
        return max(natural_w * factor, 150.0 * pm.unit * factor)

    def columns(size: float) -> float:
        # Under the map the columns share the full width evenly, so long names and addresses wrap less.
        base_w = narrowest(size)
        n = max(1, int((area.w + gap) // (base_w + gap)))
        if tile:  # a column no wider than one sheet, so a legend is never cut
            n = max(n, math.ceil((area.w + gap) / (title_w + gap)))
        return (area.w - (n - 1) * gap) / n

    def side_column(size: float) -> tuple[float, float]:
        # Beside the map: (narrowest, widest) column; no wider than a sheet when tiled
        least = min(narrowest(size), title_w) if tile else narrowest(size)
        return least, max(least, min(2 * least, title_w) if tile else 2 * least)

    # What the map draws in type besides card names and band labels (step numbers, marks) is
    # sized in map units by the style, the same in any layout: measured once on the first one.
    first = build(m, layout, emphasis, variant)
    drawn = min((b.size for b in (*first.badges, *first.marks)), default=None)

    def map_font(lay: MapLayout, s: float) -> float:
        """The map's smallest text in points at scale ``s`` (as ``plan.min_font`` counts it)."""
        return _font(lay, s) if drawn is None else min(_font(lay, s), drawn * s)

    laid = [layout]  # every layout of the map made so far: any of them may be drawn in a room

    def in_room(room: Rect) -> tuple[float, MapLayout]:
        """(smallest text in points, layout) of the best drawing of the map in ``room``: laid out
        for the room's shape, or an earlier layout where that comes out larger (a layout does
        not grow steadily with its room: the column count steps)."""
        if relayout is not None:
            lay = relayout(room.w / room.h)
            if all(lay is not other for other in laid):
                laid.append(lay)
        fonts = [(map_font(lay, min(room.w / e.w, room.h / e.h)), i)
                 for i, lay in enumerate(laid) for e in [extent(lay)]]
        font, i = max(fonts)
        return font, laid[i]

    chosen = choose(area, gap, list_sizes(pm.body_size, floor), floor, landscape, furniture, columns,
                    side_column, lambda room: map_font(layout, fit(room)), lambda room: in_room(room)[0],
                    with_contacts=any(contact_lines(s) for s in m.tjenester))
    extra = []
    if chosen is None:  # not even the legend fits beside the map: give the map the page
        room, placed = area, []
    else:
        room, placed = chosen.room, chosen.placed
        if not chosen.contacts and any(contact_lines(s) for s in m.tjenester):
            extra = _contact_pages(m, pal, pm, paper, content, footer, title, columns(pm.body_size), gap)
    layout = in_room(room)[1]
    ext = extent(layout)
    scale = min(room.w / ext.w, room.h / ext.h)
    mw, mh = ext.w * scale, ext.h * scale
    map_rect = Rect(room.x + max(0.0, (room.w - mw) / 2), room.y, mw, mh)
    if placed and mh < room.h - 1e-6 and all(p.rect.y >= room.bottom for p in placed):
        # a drawn-as-is map shorter than its room: the furniture moves up under it
        shift = room.bottom - map_rect.bottom
        placed = [Placed(p.block, Rect(p.rect.x, p.rect.y - shift, p.rect.w, p.rect.h)) for p in placed]

    plan = PosterPlan(paper, landscape, pm, content, title, sub, header, map_rect, scale, (ext.x, ext.y),
                      placed, extra, footer, foot_lines, qr_rect, m.nettside if qr_rect else None)
    plan.problems = problems
    plan.title_size = title_size
    plan.layout = layout
    plan.display = build(m, layout, emphasis, variant)
    # everything the map draws in type: card names, band labels, step numbers, marks
    drawn = [b.size for b in (*plan.display.badges, *plan.display.marks)]
    plan.min_font = min([_font(layout, scale)] + [size * scale for size in drawn])
    if plan.min_font < MIN_FONT_PT[paper] - 1e-6:
        advice = (_("Velg et større papir.") if paper != "A0" else
                  _("A0 er det største papiret; kartet har for mange tjenester til én lesbar plakat."))
        plan.warnings.append(_("Den minste teksten på kartet blir {pt:.1f} pt på {papir}, under {min:.0f} pt.").format(
            pt=plan.min_font, papir=paper, min=MIN_FONT_PT[paper]) + " " + advice)
    return plan


def _font(layout: MapLayout, scale) -> float:
    if isinstance(scale, tuple):
        scale = scale[0]
    sizes = [c.font_size for c in layout.cards.values()] + [b.label_font_size for b in layout.bands]
    return min(sizes, default=10.0) * scale


def extent(layout: MapLayout) -> Rect:
    """Everything the layout draws; a card placed by hand may lie outside the nominal bounds."""
    r = layout.bounds
    for item in list(layout.cards.values()) + list(layout.bands):
        r = r.united(item.rect)
    return Rect(r.x, r.y, max(r.w, 1.0), max(r.h, 1.0))


def _contact_pages(m, pal, pm, paper, content, footer, title, col_w, gap) -> list[list[Placed]]:
    # Contact pages always carry a subtitle line ("kontaktinformasjon") under the title.
    top = content.y + len(title) * pm.title_size * 1.2 + pm.subtitle_size * 1.3 + gap
    region = Rect(content.x, top, content.w, footer.y - gap - top)
    # A contact page is read close up: at least half the poster's body type (never under the
    # paper's floor); larger, up to the body type, where the contacts still fit on one page.
    small = max(MIN_FONT_PT[paper], pm.body_size * 0.5)
    sizes = [sz for sz in (pm.body_size, pm.body_size * 0.85, pm.body_size * 0.7, pm.body_size * 0.6) if sz > small]
    for size in (*sizes, small):
        # columns at least as wide as the poster's at this type, as many as the page is wide,
        # each as wide as the page allows: the contacts use the whole width, not its left part
        least = col_w * size / pm.body_size
        n = max(1, int((region.w + gap) // (least + gap)))
        cw = (region.w - (n - 1) * gap) / n
        rest = contact_blocks(m.tjenester, pal, pm, cw, size=size)
        one = balanced_flow(region, rest, cw, gap)
        if one is not None:  # on one page: the columns come out even, across the page
            return [one]
    col_w = cw
    pages = []
    while rest:
        placed = flow(region, rest, col_w, gap, partial=True) or []
        if not placed:  # a single entry taller than the page: cannot happen with sane sizes
            break
        pages.append(placed)
        rest = rest[len(placed):]
    return pages



def contact_pages_note(plan: PosterPlan) -> str | None:
    """What the export says when the contacts are on pages of their own (None when not): which
    pages, how many services, and why (the rule of ``arrangement``: they stay on the poster only
    where the map's smallest text keeps the paper's floor, ``pages.MIN_FONT_PT``); and when the
    last page holds only a few entries (tester round 4: "page 2 holds only two contact
    entries"), that too, so nobody takes it for a fault. In the current language."""
    from ..i18n import ngettext

    if not plan.extra_pages:
        return None
    n = sum(len(page) for page in plan.extra_pages)
    first, last = 2, 1 + len(plan.extra_pages)
    where = (_("side {n}").format(n=first) if first == last else
             _("side {fra}–{til}").format(fra=first, til=last))
    text = ngettext("Kontaktlisten ({n} tjeneste) står på {sider}: på plakaten er det ikke plass til den "
                    "med kartets tekst på minst {min:.0f} pt.",
                    "Kontaktlisten ({n} tjenester) står på {sider}: på plakaten er det ikke plass til den "
                    "med kartets tekst på minst {min:.0f} pt.", n).format(n=n, sider=where,
                                                                          min=MIN_FONT_PT[plan.paper])
    few = len(plan.extra_pages[-1])
    if len(plan.extra_pages) > 1 and few <= FEW_ON_A_PAGE:
        text += " " + ngettext("Side {side} har bare {n} oppføring; kontaktene er i minste lesbare skrift.",
                               "Side {side} har bare {n} oppføringer; kontaktene er i minste lesbare skrift.",
                               few).format(side=last, n=few)
    return text


FEW_ON_A_PAGE = 3  # a last contact page with this many entries or fewer is pointed out
