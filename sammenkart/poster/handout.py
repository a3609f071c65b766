"""The A4 handout for families: one pathway as numbered steps, who does what, contacts."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor

from .. import __version__
from ..i18n import _, in_map_language
from ..atomic import atomic_path
from ..layout.text import BOLD, REGULAR, register_fonts, text_width, wrap_lines
from ..printable import printable
from ..undrawn import side_names
from ..style import art_label, palette
from .composition import date_text
from .contacts import address_lines, contact_lines
from .pages import MM, page_size

MARGIN = 18 * MM
EXCERPT_CHARS = 320


def names(m, reference: str) -> str:
    return side_names(m, [s.id for s in m.resolve(reference)], reference, " / ")


def step_texts(m, pathway) -> list[str]:
    """'Skolehelsetjenesten → Fastlegen: henvisning når …' for each step, numbered from 1."""
    out = []
    for i, st in enumerate(pathway.flyt, start=1):
        what = art_label(st.art)
        text = f"{i}. {names(m, st.fra)} → {names(m, st.til)}: {what}"
        if st.nar:
            nar = st.nar.strip().rstrip(".")
            text += " " + _("når {betingelse}").format(betingelse=nar[:1].lower() + nar[1:])
        out.append(text + ".")
    return out


def involved_services(m, pathway):
    seen = {}
    for ref in pathway.references():
        for s in m.resolve(ref):
            seen.setdefault(s.id, s)
    return list(seen.values())


def role_text(pathway, service) -> str | None:
    """The pathway's 'rolle' for this service, else the map's own description of it."""
    role = pathway.roller.get(service.id) or pathway.roller.get(service.role)
    if role and role.rolle:
        return excerpt(role.rolle)
    return excerpt(service.beskrivelse) if service.beskrivelse else None


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first sentences up to ``limit`` characters; never a word cut in half
    (unless the text has no space to cut at). Line breaks written in the file
    (``|`` blocks) are kept; other runs of white space become one space."""
    text = "\n".join(" ".join(line.split()) for line in text.strip().split("\n"))
    if len(text) <= limit:
        return text
    cut = max(text.rfind(". ", 0, limit), text.rfind(".\n", 0, limit))
    if cut > limit // 3:
        return text[: cut + 1]
    space = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
    return (text[:space] + " …") if space > 0 else text[:limit] + "…"


class _Writer:
    """Flowing text down A4 pages with page breaks and a footer on each page."""

    def __init__(self, c, footer: str, colours):
        self.c, self.footer, self.colours = c, footer, colours
        self.w, self.h = page_size("A4")
        self.page = 1
        self.y = self.h - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN + 14:
            self.break_page()

    def break_page(self) -> None:
        self._footer()
        self.c.showPage()
        self.page += 1
        self.y = self.h - MARGIN

    def _footer(self) -> None:
        self.c.setFont(REGULAR, 7.5)
        self.c.setFillColor(HexColor(self.colours.muted_text))
        self.c.drawString(MARGIN, MARGIN - 4, self.footer)
        self.c.drawRightString(self.w - MARGIN, MARGIN - 4, _("side {n}").format(n=self.page))

    def para(self, text: str, size: float = 10.5, font: str = REGULAR, indent: float = 0.0,
             hang: float = 0.0, colour: str | None = None, after: float = 4.0) -> None:
        """Wrapped paragraph; ``hang`` indents every line but the first (numbered items).

        A line break in ``text`` (a ``|`` block in the file) starts a new line.
        """
        width = self.w - 2 * MARGIN - indent - hang
        lead = size * 1.3
        lines = wrap_lines(text, width, size, font)
        for i, line in enumerate(lines):
            self.need(lead)
            self.c.setFont(font, size)
            self.c.setFillColor(HexColor(colour or self.colours.text))
            self.c.drawString(MARGIN + indent + (hang if i else 0), self.y - size, line)
            self.y -= lead
        self.y -= after

    def address(self, text: str, size: float, indent: float = 0.0, colour: str | None = None) -> None:
        """An e-mail or web address: ``contacts.address_lines`` (never a hyphen added)."""
        lines, size = address_lines(text, self.w - 2 * MARGIN - indent, size, REGULAR)
        for line in lines:
            self.need(size * 1.3)
            self.c.setFont(REGULAR, size)
            self.c.setFillColor(HexColor(colour or self.colours.text))
            self.c.drawString(MARGIN + indent, self.y - size, line)
            self.y -= size * 1.3

    def heading(self, text: str) -> None:
        self.need(14 * 1.3 + 3 * 13)  # never a heading alone at the foot of a page
        self.para(text, 14, BOLD, after=4)

    def finish(self) -> None:
        self._footer()
        self.c.showPage()


@in_map_language
def export_handout(m, pathway, out, greyscale: bool = False, problems: list | None = None) -> Path:
    """Write the handout to ``out`` (atomically: a failure leaves an old file as it was).

    ``problems`` (a list) receives warnings about text that cannot be printed
    as written (``printable``), each at its file:line:col.
    """
    out = Path(out)
    found: list = []
    m = printable(m, found)
    pathway = printable(pathway, found)
    if problems is not None:
        problems.extend(found)
    with atomic_path(out, make_parents=False) as tmp:
        _write(m, pathway, tmp, greyscale)
    return out


def _write(m, pathway, out: Path, greyscale: bool) -> None:
    from .export import new_canvas

    register_fonts()
    pal = palette("gratone" if greyscale else "normal")
    c = new_canvas(out, page_size("A4"), m, pathway.navn)
    c.setTitle(f"{pathway.navn} – {m.navn}")
    bits = [m.navn]
    if m.oppdatert:
        bits.append(_("oppdatert {dato}").format(dato=date_text(m.oppdatert)))
    bits.append(_("Sammenkart {versjon}").format(versjon=__version__))
    w = _Writer(c, " · ".join(bits), pal)

    w.para(pathway.navn, 22, BOLD, after=2)
    w.para(_("Samhandlingsforløp i {kart}").format(kart=m.navn), 12, REGULAR, colour=pal.muted_text, after=10)
    if pathway.beskrivelse:
        w.para(pathway.beskrivelse, 10.5, after=10)

    w.heading(_("Slik går forløpet"))
    size = 10.5
    for text in step_texts(m, pathway):
        number = text.split(" ", 1)[0] + " "
        w.para(text, size, hang=text_width(number, size, REGULAR), after=3)
    w.y -= 8

    services = involved_services(m, pathway)
    roles = [(s, role_text(pathway, s)) for s in services]
    if any(t for _s, t in roles):
        w.heading(_("Hvem gjør hva"))
        for s, t in roles:
            if not t:
                continue
            w.need(3 * 13)
            w.para(s.navn, 10.5, BOLD, after=1)
            w.para(t, 9.5, indent=10, after=5)
        w.y -= 6

    with_contacts = [s for s in services if contact_lines(s)]
    if with_contacts:
        w.heading(_("Kontakt"))
        for s in sorted(with_contacts, key=lambda s: s.navn.casefold()):
            w.need(3 * 13)
            w.para(s.navn, 10.5, BOLD, after=1)
            for line in contact_lines(s):
                if " " in line:
                    w.para(line, 9.5, indent=10, colour=pal.muted_text, after=0)
                else:  # an address: broken before @ and dots, or smaller, never mid-word
                    w.address(line, 9.5, indent=10, colour=pal.muted_text)
            w.y -= 5
    w.finish()
    c.save()
