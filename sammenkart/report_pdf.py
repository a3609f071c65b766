"""What the A4 reports (figures summary, revision report) share in PDF: the
fonts and heading styles, a report per page run (title, the lines under it, its
body) and the atomic write.

Data text is printed literally: ``literal`` escapes it for reportlab's
paragraph markup (a line break stays a line break).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from .atomic import atomic_path
from .layout.text import BOLD, REGULAR, register_fonts

MARGIN = 18 * mm


def base_styles() -> dict[str, ParagraphStyle]:
    """``base``, ``title``, ``meta`` and ``h2`` (sizes in points; a heading keeps with what follows)."""
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.5)
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=17, leading=21, spaceAfter=4),
        "meta": ParagraphStyle("meta", base, fontSize=9, textColor="#333333", spaceAfter=2),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=4,
                             keepWithNext=1),
    }


def literal(text: str) -> str:
    """``text`` as paragraph markup that prints it as written."""
    return escape(text).replace("\n", "<br/>")


def reports_flow(reports: list, styles: dict[str, ParagraphStyle], body: Callable[[object], list]) -> list:
    """Each report from a new page: its ``title``, its ``lines`` and ``body(report)``."""
    flow: list = []
    for i, rep in enumerate(reports):
        if i:
            flow.append(PageBreak())
        flow.append(Paragraph(literal(rep.title), styles["title"]))
        flow += [Paragraph(literal(line), styles["meta"]) for line in rep.lines]
        flow += body(rep)
        flow.append(Spacer(1, 4 * mm))
    return flow


def write_reports(out: str | Path, reports: list, flow: Callable[[float], list], pagesize=A4) -> Path:
    """Build ``flow(text width in points)`` into ``out`` atomically (an old file
    stays whole on failure); the PDF's title is the first report's."""
    out = Path(out)
    with atomic_path(out) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=MARGIN, bottomMargin=MARGIN,
                                title=reports[0].title if reports else "", author="Sammenkart")
        doc.build(flow(pagesize[0] - 2 * MARGIN))
    return out
