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
            else:  # an address: broken before @ and dots, or set smaller; never a hyphen added
                parts, part_size = address_lines(line, b.width - size * 0.8, size, REGULAR)
                for part in parts:
                    b.text(size * 0.8, part_size, part, REGULAR, pal.muted_text)
        out.append(b)
    return out


ADDRESS_BREAKS = "@./-_?&=#"  # an address breaks before @ . and after / - _ ? & = #
MIN_ADDRESS_SIZE = 0.8  # of the text's size: an address is set this much smaller before a word is cut


def address_pieces(text: str) -> list[str]:
    """An e-mail or web address in the pieces a line may break between:
    ``ola.nordmann@kommune.no`` -> ``ola``, ``.nordmann``, ``@kommune``, ``.no``
    (a line then never ends with a dot that reads as a full stop);
    ``https://a.no/b-c`` breaks after ``//``, ``/`` and ``-``."""
    pieces, current = [], ""
    for i, ch in enumerate(text):
        if ch in "@." and current and not current.endswith(("/", "@", ".")):
            pieces.append(current)
            current = ""
        current += ch
        if ch in "/-_?&=#" and not (ch == "/" and text[i + 1:i + 2] == "/"):
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def address_lines(text: str, width: float, size: float, font: str) -> tuple[list[str], float]:
    """(lines, size) for an address without spaces in ``width`` points.

    Whole on one line if it fits; else broken between ``address_pieces`` at
    ``size``, or at a smaller size (down to ``MIN_ADDRESS_SIZE``) where no
    piece is wider than a line; only a piece wider than a line at the
    smallest size is cut inside (``break_anywhere``)."""
    if text_width(text, size, font) <= width:
        return [text], size
    pieces = address_pieces(text)
    s = size
    while s >= size * MIN_ADDRESS_SIZE - 1e-9:
        if text_width(text, s, font) <= width:
            return [text], s
        if all(text_width(p, s, font) <= width for p in pieces):
            return _fill(pieces, width, s, font), s
        s -= size * 0.05
    s = size * MIN_ADDRESS_SIZE
    return split_address(text, width, s, font), s


def split_address(text: str, width: float, size: float, font: str = REGULAR) -> list[str]:
    """An address in lines at ``size``: broken between ``address_pieces``; a piece
    wider than a line (no place to break it) is cut where the line is full."""
    out: list[str] = []
    for line in _fill(address_pieces(text), width, size, font):
        out.extend(break_anywhere(line, width, size, font) if text_width(line, size, font) > width else [line])
    return out


def _fill(pieces: list[str], width: float, size: float, font: str) -> list[str]:
    lines, current = [], ""
    for p in pieces:
        if current and text_width(current + p, size, font) > width:
            lines.append(current)
            current = ""
        current += p
    return lines + [current] if current else lines


def break_anywhere(text: str, width: float, size: float, font: str) -> list[str]:
    out, current = [], ""
    for ch in text:
        if current and text_width(current + ch, size, font) > width:
            out.append(current)
            current = ""
        current += ch
    return out + [current] if current else out
