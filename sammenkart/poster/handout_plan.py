"""The family handout's pages, planned: what goes where on A4, in as few pages as it needs.

For a parent (issue 17, "A public edition"), in the map's målform: the
pathway's name, two sentences on what the handout is, a small map of the
pathway's services (their display list, as the window and the poster draw
them, with step numbers and the tilgang symbols), a key to its symbols and
lines, the steps as short whole sentences (``plain_language``) with the
names a parent may not know explained once, and the services with their
public contact (never a ``kontakt.intern`` one) and how a family reaches
them. The pathway's own texts (introduction, conditions, roles) are written
for professionals and are left out.

Fitting: the content is measured at a few body sizes and map scales. The
handout gets the fewest pages any of them needs, the largest type that
still needs no more, then the largest map; so a second page is never a few
lines, unless even the smallest type cannot pull them back.

All geometry is in page points, y down from the top of the page (like
``composition``); the renderer (``handout.py``) flips it.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..display import DisplayList, build, level_fill
from ..i18n import _
from ..layout.engine import FONT_SIZE, layout_map
from ..layout.geometry import Rect
from ..layout.text import BOLD, REGULAR, text_width, wrap_lines
from ..model import Map, Pathway
from ..overlay import pathway_emphasis
from ..plain_language import access_text, pathway_text, public_contact_lines
from ..style import ACCESS_SYMBOLS, palette
from .blocks import Block, Placed, balanced_flow, flow
from .composition import date_text, extent
from .contacts import split_address
from .pages import MIN_FONT_PT, MM, page_size

MARGIN = 18 * MM
FOOTER = 12.0  # room under the content for the footer line
# Tried largest first: the largest that needs no more pages than the smallest does (12 pt
# fills a second page that would otherwise be half empty; 9 pt is still easy to read in the hand).
BODY_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)
MAP_MAX_FONT = 13.0  # a card's name on the small map: never larger than this (it fills a page that has room) …
MAP_MIN_FONT = MIN_FONT_PT["A4"]  # … nor smaller than the poster's floor for A4
MAP_COMFORT_FONT = 9.0  # … preferred at least this, before the body type grows
MAP_MAX_SHARE = 0.5  # of the page's content height
MAP_ASPECTS = (1.6, 1.1)  # shapes (width / height) the small map is laid out for; the one drawn larger wins
MAP_MAX_SERVICES = 40  # more (a region's sixty GPs) would not be readable on A4: no map then


@dataclass(frozen=True)
class Fit:
    """One way of setting the handout: body type size (pt) and the map's scale (pt per map unit)."""

    body: float
    map_scale: float


@dataclass
class HandoutPlan:
    pages: list[list[Placed]]  # per page, the placed blocks (page points, y down)
    fit: Fit
    content: Rect  # the text area of every page
    footer: str  # without the page number
    display: DisplayList | None  # the small map (None when the pathway has no service on the map)
    map_extent: Rect | None = None  # what the small map draws, in map units (its corner is drawn first)
    fewest_pages: int = 1  # the fewest pages any fit needs (so ``len(pages)`` is never more)
    colours: object = None  # style.Palette
    title: str = ""  # the PDF's title: "pathway – map"
    no_contact: list[str] = field(default_factory=list)  # ids of listed services without a public contact

    @property
    def map_origin(self) -> tuple[float, float]:
        """The map point drawn at the map block's corner."""
        e = self.map_extent
        return (e.x, e.y) if e is not None else (0.0, 0.0)

    @property
    def footer_baseline(self) -> float:
        """The footer line's baseline, from the top of the page (points)."""
        return self.content.bottom + FOOTER

    def used_height(self, page: int = -1) -> float:
        """How far down the content of a page reaches, from the content's top (points)."""
        placed = self.pages[page]
        return max((p.rect.bottom for p in placed), default=self.content.y) - self.content.y


@dataclass
class _Section:
    heading: Block | None
    blocks: list[Block]
    columns: int = 1


def pathway_map(m: Map, pathway: Pathway) -> Map | None:
    """The map with only the services the pathway's steps join, and their
    levels (no fixed places, no standing links), laid out on its own for the
    small map; None when there are none or too many to read on A4
    (``MAP_MAX_SERVICES``)."""
    ids = {s.id for st in pathway.flyt for ref in (st.fra, st.til) for s in m.resolve(ref)}
    if not ids or len(ids) > MAP_MAX_SERVICES:
        return None
    services = [dataclasses.replace(s, plassering=None) for s in m.tjenester if s.id in ids]
    used = {s.niva for s in services}
    # Fewer levels would spread the colour ramp anew: each keeps the colour it has on the whole map.
    pal = palette("normal")
    levels = [dataclasses.replace(lv, farge=level_fill(m, pal, "normal", lv.id)) for lv in m.nivaer if lv.id in used]
    return dataclasses.replace(m, tjenester=services, samarbeid=[], nivaer=levels)


def break_address(text: str, width: float, size: float) -> list[str]:
    """A web or e-mail address too wide for a line, in pieces (``contacts.split_address``:
    before @ and dots, after / - _, else anywhere); never a hyphen the address does not have."""
    return split_address(text, width, size, REGULAR)


def _para(b: Block, text: str, size: float, font: str, colour: str, x: float = 0.0,
          leading: float = 1.3) -> None:
    """Wrapped text below what is in ``b``; line breaks in ``text`` are kept."""
    for line in wrap_lines(text, b.width - x, size, font):
        b.text(x, size, line, font, colour, leading)


class _Content:
    """Every block of the handout at one body size (the map's scale is applied later)."""

    def __init__(self, m: Map, pathway: Pathway, pal, width: float, body: float, small_map, texts=None):
        self.m, self.pathway, self.pal, self.width, self.body = m, pathway, pal, width, body
        self.small_map = small_map  # (display, layout extent) or None
        self.texts = texts if texts is not None else pathway_text(m, pathway)  # plain_language.StepText
        self.gap = body * 0.55

    def heading(self, text: str) -> Block:
        b = Block(self.width, kind="heading")
        b.space(self.body * 0.6)
        _para(b, text, self.body * 1.35, BOLD, self.pal.text, leading=1.25)
        return b

    def header(self) -> list[Block]:
        b = Block(self.width, kind="title")
        _para(b, self.pathway.navn, 22.0, BOLD, self.pal.text, leading=1.15)
        b.space(2)
        _para(b, _("Hjelp til barn og unge i {kart}").format(kart=self.m.navn), self.body * 1.2, REGULAR,
              self.pal.muted_text)
        b.space(self.body * 0.6)
        _para(b, " ".join([
            _("Her ser dere hvem i {kart} som kan hjelpe barnet, og hvordan dere får kontakt.").format(
                kart=self.m.navn),
            _("Ikke alle barn trenger alle stegene.")]), self.body, REGULAR, self.pal.text)
        return [b]

    def map_block(self, scale: float) -> Block | None:
        if self.small_map is None:
            return None
        _display, ext = self.small_map
        b = Block(self.width, kind="map")
        w, h = ext.w * scale, ext.h * scale
        b.ops.append(("map", max(0.0, (self.width - w) / 2), 0.0, scale))
        b.height = h
        return b

    def key(self) -> Block | None:
        """What the symbols, lines and numbers of the small map mean (its legend entries)."""
        if self.small_map is None:
            return None
        display, _ext = self.small_map
        size = self.body * 0.9
        b = Block(self.width, kind="key")
        sw, indent = size * 2.2, size * 2.2 + size * 0.8
        sentences = {"direkte": access_text("direkte") + ".",
                     "henvisning": _("{krever}: en lege eller en annen fagperson må be om hjelp for barnet der.")
                     .format(krever=access_text("henvisning"))}
        for e in display.legend:
            if e.kind == "access":
                top = b.height
                b.ops.append(("badge", sw / 2, top + size * 0.62, size * 0.62, e.symbol, e.fill, e.colour,
                              self.pal.text, size * 0.85))
                _para(b, sentences.get(e.key, e.label), size, REGULAR, self.pal.text, x=indent, leading=1.3)
        arts = [e for e in display.legend if e.kind == "art"]
        if arts:  # the kinds of line, side by side, wrapping like words
            x, top = 0.0, b.height
            row = size * 1.4
            for e in arts:
                w = sw + size * 0.5 + text_width(e.label, size, REGULAR)
                if x and x + w > self.width:
                    x, top = 0.0, top + row
                b.ops.append(("dash", x, top + size * 0.62, sw, e.dash, e.colour, size / 6))
                b.ops.append(("text", x + sw + size * 0.5, top + size * 0.95, e.label, REGULAR, size,
                              self.pal.text))
                x += w + size * 1.6
            b.height = top + row
        if any(d.number for d in display.arrows):
            _para(b, _("Tallene på pilene er stegene nedenfor."), size, REGULAR, self.pal.muted_text)
        return b

    def steps(self) -> list[Block]:
        size, out, told = self.body, [], set()
        hang = text_width("10.", size, BOLD) + size * 0.5
        for t in self.texts:
            b = Block(self.width, kind="step")
            b.text(0, size, f"{t.number}.", BOLD, self.pal.text, 0)  # on the first line's baseline
            _para(b, " ".join(t.sentences), size, REGULAR, self.pal.text, x=hang)
            new = [e for e in t.explanations if e not in told]
            told.update(new)
            for e in new:
                b.space(size * 0.15)
                _para(b, e, size * 0.9, REGULAR, self.pal.muted_text, x=hang)
            out.append(b)
        return out

    def contacts(self, col_w: float) -> list[Block]:
        size, out, seen = self.body * 0.9, [], set()
        for t in self.texts:
            for line in t.services:
                if line.service_id in seen:
                    continue
                seen.add(line.service_id)
                s = self.m.service(line.service_id)
                b = Block(col_w, kind="contact")
                _para(b, s.navn, size, BOLD, self.pal.text, leading=1.25)
                if access_text(s.tilgang):  # with the symbol its card carries on the map
                    b.ops.append(("badge", size * 0.62, b.height + size * 0.62, size * 0.62,
                                  ACCESS_SYMBOLS[s.tilgang], self.pal.background, self.pal.card_border,
                                  self.pal.text, size * 0.85))
                    _para(b, access_text(s.tilgang), size, REGULAR, self.pal.text, x=size * 1.7, leading=1.3)
                if not public_contact_lines(s):  # a family must still learn how to reach it
                    _para(b, no_contact_text(), size, REGULAR, self.pal.muted_text, leading=1.25)
                for text in public_contact_lines(s):
                    if " " in text:
                        _para(b, text, size, REGULAR, self.pal.muted_text, leading=1.25)
                    else:  # a web or e-mail address: a little smaller to stay whole, else broken
                        fit = max(size * 0.8, min(size, size * col_w / text_width(text, size, REGULAR)))
                        for part in break_address(text, col_w, fit):
                            b.text(0, fit, part, REGULAR, self.pal.muted_text)
                out.append(b)
        return out

    def more(self) -> list[Block]:
        if not self.m.nettside:
            return []
        b = Block(self.width, kind="more")
        b.space(self.body * 0.5)
        _para(b, _("Mer informasjon: {nettside}").format(nettside=self.m.nettside), self.body * 0.9, REGULAR,
              self.pal.text)
        return [b]

    def sections(self, scale: float) -> list[_Section]:
        top = self.header()
        top += [b for b in (self.map_block(scale), self.key()) if b is not None]
        col_gap = self.body * 1.5
        col_w = (self.width - col_gap) / 2
        out = [_Section(None, top), _Section(self.heading(_("Steg for steg")), self.steps())]
        contacts = self.contacts(col_w)
        if contacts:
            out.append(_Section(self.heading(_("Kontakt")), contacts, columns=2))
        out.append(_Section(None, self.more()))
        return out


def paginate(sections: list[_Section], content: Rect, gap: float, col_gap: float) -> list[list[Placed]]:
    """Blocks top to bottom, a block never split; a heading never alone at the foot of
    a page; a section of columns flows down the left column, then the right."""
    pages: list[list[Placed]] = [[]]
    y = content.y

    def new_page():
        nonlocal y
        pages.append([])
        y = content.y

    def place(b: Block, x: float = 0.0, w: float | None = None):
        nonlocal y
        pages[-1].append(Placed(b, Rect(content.x + x, y, w or content.w, b.height)))
        y += b.height + gap

    for sec in sections:
        if not sec.blocks:
            continue
        head = sec.heading.height + gap if sec.heading else 0.0
        if sec.columns == 1:
            for i, b in enumerate(sec.blocks):
                need = b.height + (head if i == 0 else 0.0)
                if y + need > content.bottom and y > content.y:
                    new_page()
                if i == 0 and sec.heading:
                    place(sec.heading)
                place(b)
            continue
        col_w = (content.w - col_gap) / 2
        rest, first = list(sec.blocks), True
        while rest:
            h = head if first else 0.0
            if y + h + rest[0].height > content.bottom and y > content.y:
                new_page()
            if first and sec.heading:
                place(sec.heading)
            first = False
            region = Rect(content.x, y, content.w, content.bottom - y)
            placed = balanced_flow(region, rest, col_w, col_gap) or flow(region, rest, col_w, col_gap,
                                                                         partial=True) or []
            if not placed:  # taller than a whole page: cannot happen with a contact block
                placed = [Placed(rest[0], Rect(content.x, y, col_w, rest[0].height))]
            pages[-1].extend(placed)
            rest = rest[len(placed):]
            y = max(p.rect.bottom for p in placed) + gap
            if rest:
                new_page()
    if not pages[-1] and len(pages) > 1:
        pages.pop()
    return pages


def no_contact_text() -> str:
    """The line a handout prints under a service with no contact a family may see (current language)."""
    return _("Kontaktinformasjon mangler her: spør helsestasjonen eller fastlegen hvordan dere når tjenesten.")


def services_without_contact(m: Map, texts) -> list[str]:
    """Ids of the services the handout's contact list names (``pathway_text``'s ``texts``, in
    order, once) that have no phone, web, e-mail or address a family may see
    (``plain_language.public_contact_lines``: none, or only ``kontakt.intern``)."""
    ids = list(dict.fromkeys(line.service_id for t in texts for line in t.services))
    return [sid for sid in ids if not public_contact_lines(m.service(sid))]


def plan_handout(m: Map, pathway: Pathway, greyscale: bool = False) -> HandoutPlan:
    """The handout's pages for ``pathway`` on ``m`` (both already fit to print and
    public: see ``handout.export_handout``). Call inside the map's language."""
    pal = palette("gratone" if greyscale else "normal")
    w, h = page_size("A4")
    content = Rect(MARGIN, MARGIN, w - 2 * MARGIN, h - 2 * MARGIN - FOOTER)
    small = pathway_map(m, pathway)
    small_map, lo, hi = None, 0.0, 0.0  # no map: scale 0
    if small is not None:
        # The shape that lets the map be largest within the width and its share of the page;
        # none when even that would print the cards' names under the A4 floor.
        best = None
        for aspect in MAP_ASPECTS:
            layout = layout_map(small, [pathway], aspect)
            ext = extent(layout)
            top = min(content.w / ext.w, MAP_MAX_FONT / FONT_SIZE, MAP_MAX_SHARE * content.h / ext.h)
            if best is None or top > best[0] + 1e-6:
                best = (top, layout, ext)
        top, layout, ext = best
        if top * FONT_SIZE >= MAP_MIN_FONT - 1e-6:
            hi = top
            variant = "gratone" if greyscale else "normal"
            small_map = (build(small, layout, pathway_emphasis(small, pathway, None), variant), ext)
            lo = MAP_MIN_FONT / FONT_SIZE

    texts = pathway_text(m, pathway)

    def pages_for(fit: Fit):
        c = _Content(m, pathway, pal, content.w, fit.body, small_map, texts)
        return paginate(c.sections(fit.map_scale), content, c.gap, fit.body * 1.5)

    # The fewest pages any fit needs; the largest type that needs no more with the map at a
    # comfortable size (else at its smallest); then the largest map.
    fewest = len(pages_for(Fit(BODY_SIZES[-1], lo)))
    comfort = min(hi, max(lo, MAP_COMFORT_FONT / FONT_SIZE))
    body = next((b for b in BODY_SIZES if len(pages_for(Fit(b, comfort))) == fewest), None)
    if body is None:
        body = next(b for b in BODY_SIZES if len(pages_for(Fit(b, lo))) == fewest)
    else:
        lo = comfort
    scale = lo
    if small_map is not None and len(pages_for(Fit(body, hi))) == fewest:
        scale = hi
    elif small_map is not None:
        good, bad = lo, hi
        for _i in range(10):
            mid = (good + bad) / 2
            good, bad = (mid, bad) if len(pages_for(Fit(body, mid))) == fewest else (good, mid)
        scale = good
    fit = Fit(body, scale)
    bits = [m.navn]
    if m.oppdatert:
        bits.append(_("oppdatert {dato}").format(dato=date_text(m.oppdatert)))
    return HandoutPlan(pages_for(fit), fit, content, " · ".join(bits), small_map[0] if small_map else None,
                       small_map[1] if small_map else None, fewest, pal, f"{pathway.navn} – {m.navn}",
                       services_without_contact(m, texts))

