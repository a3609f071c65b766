"""The contact list: one small block per service that has contact details."""
from __future__ import annotations

from ..i18n import _
from ..layout.text import BOLD, REGULAR, text_width
from .blocks import Block
from .pages import PageMetrics


def contact_lines(service) -> list[str]:
    k = service.kontakt
    out = []
    if k.telefon:
        out.append(_("Tlf. {telefon}").format(telefon=k.telefon))
    if k.nettside:
        out.append(k.nettside)
    if k.epost:
        out.append(k.epost)
    return out


def contact_blocks(services, pal, pm: PageMetrics, width: float, heading: bool = True,
                   size: float | None = None) -> list[Block]:
    """Blocks sorted by name; the first carries the heading so it never stands alone."""
    size = size or pm.body_size
    out: list[Block] = []
    for s in sorted(services, key=lambda s: s.navn.casefold()):
        lines = contact_lines(s)
        if not lines:
            continue
        b = Block(width, kind="contact")
        if heading and not out:
            b.text(0, size * 1.2, _("Kontakt"), BOLD, pal.text)
        b.wrapped(0, size, s.navn, BOLD, pal.text)
        for line in lines:
            if " " in line:
                b.wrapped(size * 0.8, size, line, REGULAR, pal.muted_text)
            else:  # an address: break anywhere, never add a hyphen that is not in it
                for part in break_anywhere(line, b.width - size * 0.8, size, REGULAR):
                    b.text(size * 0.8, size, part, REGULAR, pal.muted_text)
        out.append(b)
    return out


def break_anywhere(text: str, width: float, size: float, font: str) -> list[str]:
    out, current = [], ""
    for ch in text:
        if current and text_width(current + ch, size, font) > width:
            out.append(current)
            current = ""
        current += ch
    return out + [current] if current else out
