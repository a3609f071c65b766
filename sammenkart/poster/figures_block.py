"""The figures on a poster (``sammenkart export … --tal AR``): a table block.

The same tables as the window's figures view (``figures_view.tables``: per
municipality when the map stands for more than one, and per receiving
service), measured for the
page like the legend: one block per table, so a long table may run on into
the next column. The first block says what the figures are and, from the
file's own note, whether they are example figures.
"""
from __future__ import annotations

from .. import figures_view as fv
from ..i18n import _
from ..layout.text import BOLD, REGULAR, text_width, wrap
from .blocks import Block


def _cells(line: fv.FigureLine) -> list[str]:
    f = line.figure
    return [fv.format_number(f.henvisningsrate if f else None, "henvisningsrate"),
            fv.format_number(f.avslagsprosent if f else None, "avslagsprosent")]


def figures_blocks(m, table, year: int, pal, width: float, size: float, head: float) -> list[Block]:
    """Blocks for ``year``'s figures of ``table`` as ``m`` shows them (``figures_view``).

    Columns: name (wrapped), referrals per 1,000 children, rejected % (a
    poster column has no room for more; the window and ``sammenkart tal``
    show the trend). Raises
    ``ValueError`` when the table has no rows for ``year`` in the map's scope.
    """
    if year not in fv.years_in_scope(m, table):
        raise ValueError(_("det finnes ingen tall for {ar}").format(ar=year))
    views = fv.tables(m, table, year)
    out: list[Block] = []
    first = Block(width, kind="figures")
    first.text(0, head, _("Henvisninger og avslag {ar}").format(ar=year), BOLD, pal.text)
    explain = _("Per 1 000: henvisninger per 1 000 innbyggere 0–17 år. Avslag: andelen henvisninger som ble avslått.")
    first.wrapped(0, size, explain, REGULAR, pal.muted_text)
    if table.note:
        first.wrapped(0, size, " ".join(table.note.split()), REGULAR, pal.muted_text)
    out.append(first)
    gap = size * 0.9
    for view in views:
        heads = [_("Per 1\u00a0000"), _("Avslag")]
        rows = [_cells(line) for line in view.lines]
        widths = [max([text_width(h, size, BOLD)] + [text_width(r[i], size, BOLD) for r in rows])
                  for i, h in enumerate(heads)]
        name_w = width - sum(widths) - gap * len(widths)
        rights, x = [], name_w
        for w in widths:
            x += gap + w
            rights.append(x)
        b = Block(width, kind="figures")
        b.space(size * 0.5)
        b.text(0, size * 1.05, view.title, BOLD, pal.text)
        top = b.height
        for right, h in zip(rights, heads):
            b.ops.append(("text", right - text_width(h, size, REGULAR), top + size * 0.95, h, REGULAR, size,
                          pal.muted_text))
        b.text(0, size, _("Kommune") if view.by == fv.BY_KOMMUNE else _("Mottaker"), REGULAR, pal.muted_text)
        for line, cells in zip(view.lines, rows):
            font = BOLD if line.is_total else REGULAR
            top = b.height
            for right, text in zip(rights, cells):
                b.ops.append(("text", right - text_width(text, size, font), top + size * 0.95, text, font, size,
                              pal.text))
            for text in wrap(line.name, max(name_w, size * 4), size, font) or [""]:
                b.text(0, size, text, font, pal.text)
        out.append(b)
    return out
