"""The figures summary as an A4 PDF (reportlab, the bundled fonts), for minutes and reports."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from .figures_report import TEXT, Report, Table, cells
from .layout.text import BOLD, REGULAR, text_width
from .report_pdf import base_styles, literal, reports_flow, write_reports

_GRID = colors.HexColor("#b0b0b0")
_HEAD = colors.HexColor("#e8e8e8")


def _styles() -> dict[str, ParagraphStyle]:
    s = base_styles()
    base = s["base"]
    return s | {
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", base, fontName=BOLD, fontSize=9, leading=11),
        "head_num": ParagraphStyle("head_num", base, fontName=BOLD, fontSize=9, leading=11, alignment=TA_RIGHT),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(literal(text), style)


def _two_lines(heading: str) -> float:
    """The narrowest width that sets ``heading`` on at most two lines, broken between words."""
    words = heading.split(" ")
    return min(max(text_width(" ".join(words[:i]), 9, BOLD), text_width(" ".join(words[i:]), 9, BOLD))
               for i in range(1, len(words) + 1))


def _table(rep: Report, t: Table, s: dict, width: float) -> PdfTable:
    body = [cells(rep, t, r) for r in t.rows] + ([cells(rep, t, t.total)] if t.total else [])
    data = [[_p(c.heading, s["cell_bold"] if c.kind == TEXT else s["head_num"]) for c in t.columns]]
    for i, row in enumerate(body):
        style = s["cell_bold"] if t.total and i == len(body) - 1 else s["cell"]
        data.append([_p(v, style) if c.kind == TEXT else v for v, c in zip(row, t.columns)])
    # A number column is as wide as its longest value or heading word (headings wrap
    # between words, never inside one); the name column takes the rest.
    pad = 12
    widths = [0.0] + [max([_two_lines(c.heading)] + [text_width(r[j], 9, BOLD) for r in body]) + pad
                      for j, c in enumerate(t.columns) if j]
    rest = width - sum(widths)
    if rest < 40 * mm:  # too many columns: share the width evenly
        widths = [width / len(widths)] * len(widths)
    else:
        spare = max(0.0, rest - 70 * mm)  # a name column wider than it needs reads badly
        widths = [rest - spare] + [w + spare / (len(widths) - 1) for w in widths[1:]]
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, _GRID),
    ]
    if t.total:
        style += [("FONT", (0, -1), (-1, -1), BOLD, 9), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
    tbl = PdfTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    tbl.setStyle(TableStyle(style))
    return tbl


def story(reports: list[Report], width: float) -> list:
    s = _styles()
    return reports_flow(reports, s, lambda rep: [KeepTogether([_p(t.title, s["h2"]), _table(rep, t, s, width)])
                                                 for t in rep.tables])


def write_pdf(reports: list[Report], out: str | Path) -> Path:
    """Write the summary to ``out`` atomically (an old file stays whole on failure).

    Landscape when a trend table has more than five years, so its columns fit."""
    wide = any(len(t.columns) > 8 for rep in reports for t in rep.tables)
    return write_reports(out, reports, lambda width: story(reports, width), landscape(A4) if wide else A4)
