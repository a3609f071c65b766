"""The revision report as an A4 PDF (reportlab, the bundled fonts), for the
yearly meeting and for each responsible unit.

Statuses are drawn as a coloured mark with the word beside it (the colours
of ``style.REVISION_FILLS``, the word for those who print in grey); removed
words are struck through in red, added words underlined in green.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from . import worddiff
from .layout.text import BOLD
from .report_pdf import base_styles, literal, reports_flow, write_reports
from .revision_report import DiffBlock, Line, Part, Report, StatusLine
from .style import REVISION_MARKS, revision_fill, revision_text

REMOVED_COLOUR = "#b2182b"
ADDED_COLOUR = "#1b7837"


def _styles() -> dict[str, ParagraphStyle]:
    s = base_styles()
    base = s["base"]
    return s | {
        "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=2,
                             keepWithNext=1),
        "body": ParagraphStyle("body", base, spaceAfter=3),
        "note": ParagraphStyle("note", base, fontSize=8.5, textColor="#444444", spaceAfter=3),
        "where": ParagraphStyle("where", base, fontSize=8, textColor="#555555"),
        "diff": ParagraphStyle("diff", base, leftIndent=5 * mm, spaceAfter=4),
        "chip": ParagraphStyle("chip", base, fontName=BOLD, fontSize=8.5, leading=10),
    }


_p = literal


def diff_markup(segments) -> str:
    """Paragraph markup for a word diff: removed struck through, added underlined."""
    out = []
    for s in segments:
        text = _p(s.text)
        if s.op == worddiff.REMOVED:
            out.append(f"<strike><font color='{REMOVED_COLOUR}'>{text}</font></strike>")
        elif s.op == worddiff.ADDED:
            out.append(f"<u><font color='{ADDED_COLOUR}'>{text}</font></u>")
        else:
            out.append(text)
    return "".join(out)


def _status_row(b: StatusLine, s: dict, width: float) -> PdfTable:
    chip = Paragraph(f"{REVISION_MARKS[b.status]} {_p(b.word)}",
                     ParagraphStyle("c", s["chip"], textColor=revision_text(b.status)))
    body = [Paragraph(_p(b.text), s["body"]), Paragraph(_p(b.where), s["where"])]
    t = PdfTable([[chip, body]], colWidths=[20 * mm, width - 20 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (0, 0), colors.HexColor(revision_fill(b.status))),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
    ]))
    return t


def _blocks(blocks, s: dict, width: float) -> list:
    flow: list = []
    for b in blocks:
        if isinstance(b, Part):
            flow.append(Paragraph(_p(b.title), s["h3"]))
            flow += _blocks(b.blocks, s, width)
        elif isinstance(b, StatusLine):
            flow.append(_status_row(b, s, width))
        elif isinstance(b, DiffBlock):
            label = f"<font name='{BOLD}'>{_p(b.label)}</font>" + (f" ({_p(b.note)})" if b.note else "")
            flow.append(KeepTogether([Paragraph(label, s["body"]), Paragraph(diff_markup(b.segments), s["diff"])]))
        elif isinstance(b, Line):
            flow.append(Paragraph(_p(b.text), s[b.style] if b.style in s else s["body"]))
    return flow


def story(reports: list[Report], width: float) -> list:
    s = _styles()

    def body(rep: Report) -> list:
        flow: list = []
        for sec in rep.sections:
            flow.append(Paragraph(_p(sec.title), s["h2"]))
            flow += _blocks(sec.blocks, s, width)
        return flow

    return reports_flow(reports, s, body)


def write_pdf(reports: list[Report], out: str | Path) -> Path:
    """Write the reports to ``out`` atomically (an old file stays whole on failure)."""
    return write_reports(out, reports, lambda width: story(reports, width))
