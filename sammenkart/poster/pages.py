"""Paper: ISO sizes, orientation, margins and the type sizes that go with them.

Everything here is in PDF points (1/72 inch). Sizes are computed from the ISO
millimetre figures so that a page is exactly the size a print shop expects.
"""
from __future__ import annotations

from dataclasses import dataclass

MM = 72.0 / 25.4

# ISO 216 A-series, portrait (width, height) in millimetres.
PAPER_MM = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
}
PAPERS = tuple(PAPER_MM)
TILE_PAPERS = ("A4", "A3")

# The smallest type we accept on each paper, in points. Posters are read from
# further away, so the floor rises with the size: A4/A3 are read in the hand
# (7–8 pt is still comfortable for a card label), A2 at arm's length, A1/A0 on
# a waiting-room wall from a metre or two.
MIN_FONT_PT = {"A4": 7.0, "A3": 8.0, "A2": 10.0, "A1": 12.0, "A0": 14.0}


def normalise_paper(name: str) -> str | None:
    """'a3' → 'A3'; None for an unknown size."""
    key = (name or "").strip().upper()
    return key if key in PAPER_MM else None


def page_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    w, h = PAPER_MM[paper]
    if landscape:
        w, h = h, w
    return (w * MM, h * MM)


@dataclass(frozen=True)
class PageMetrics:
    """Proportions of one page: margins and the base sizes of the furniture."""

    width: float
    height: float
    margin: float
    unit: float  # 1.0 on A4, about 4.0 on A0: the furniture's type grows with it

    @property
    def title_size(self) -> float:
        return 20.0 * self.unit

    @property
    def subtitle_size(self) -> float:
        return 13.0 * self.unit

    @property
    def body_size(self) -> float:
        return 7.5 * self.unit

    @property
    def heading_size(self) -> float:
        return 9.0 * self.unit

    @property
    def footer_size(self) -> float:
        return 6.5 * self.unit


def metrics(paper: str, landscape: bool = False) -> PageMetrics:
    w, h = page_size(paper, landscape)
    short = min(w, h)
    unit = short / page_size("A4")[0]
    # Office printers cannot print to the edge; 10 mm is safe everywhere and
    # grows with the paper so a large poster does not look crowded.
    margin = max(10 * MM, 0.025 * short)
    return PageMetrics(w, h, margin, unit)
