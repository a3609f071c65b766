"""The map as a grid of cards with routing channels between them.

Every card sits in a cell (row, column). Columns line up across the whole
map, so the gaps between them are straight vertical channels from top to
bottom; the gaps between rows (and between bands) are horizontal channels.
Arrows run only in channels, which is why no arrow ever crosses a card that
is not one of its ends. A channel is as wide as the most arrows it carries
side by side (``routing`` counts them): ``MIN_CHANNEL`` for one, ``TRACK``
more for each further one, and only ``GAP`` when no picture of the map runs
an arrow there (cards then stand close, the map shows larger).

Abstract positions used while routing, before anything has a size:
horizontal channel ``i`` lies above row ``i`` (channel ``R`` below the last
row); vertical channel ``j`` lies left of column ``j``. Half-unit
coordinates mix both: ``Y = 2 i`` is channel i, ``Y = 2 r + 1`` is row r;
``X = 2 j`` is channel j, ``X = 2 c + 1`` is column c.
"""
from __future__ import annotations

from dataclasses import dataclass, field

TRACK = 4.5  # distance between two arrows side by side in a channel (map units)
EDGE = 6.5  # distance from a card to the nearest arrow: room for an arrow head
MIN_CHANNEL = 2 * EDGE
GAP = 8.0  # between two cards with no arrow between them in any picture
EDGE_GAP = 3.0  # an outer channel no arrow uses: the map's edge comes this close to the cards
# A step's number: a disc of this radius (its ring included) on its arrow, where it
# covers no card (badges.py finds the room; style.Look draws it at this size). Where
# two channels of the narrowest width cross, the nearest card corners are
# EDGE·√2 ≈ 9.19 away: a number fits there.
BADGE_RADIUS = 9.0


def channel_size(tracks: int) -> float:
    """Width of a channel that carries ``tracks`` arrows side by side (map units)."""
    if tracks <= 0:
        return GAP
    return MIN_CHANNEL + (tracks - 1) * TRACK


@dataclass
class Grid:
    """Cells of the map (service id or None) and, once sized, their coordinates."""

    cols: int
    cells: list[list[str | None]]  # [row][column]
    row_band: list[int]  # the band (index, top first) each row belongs to
    pos: dict[str, tuple[int, int]] = field(default_factory=dict)
    # geometry, filled by ``size``
    col_x: list[float] = field(default_factory=list)  # left edge of each column
    row_y: list[float] = field(default_factory=list)  # top edge of each row
    row_h: list[float] = field(default_factory=list)
    vch: list[tuple[float, float]] = field(default_factory=list)  # x range of vertical channel j
    hch: list[tuple[float, float]] = field(default_factory=list)  # y range of horizontal channel i
    card_w: float = 0.0
    card_h: dict[str, float] = field(default_factory=dict)  # a card's own height (else its row's)

    @property
    def rows(self) -> int:
        return len(self.cells)

    def index(self) -> None:
        self.pos = {sid: (r, c) for r, row in enumerate(self.cells) for c, sid in enumerate(row) if sid}

    def size(self, left: float, top: float, card_w: float, row_h: list[float],
             v_tracks: list[int], h_tracks: list[int], h_extra: list[float] | None = None,
             v_extra: list[float] | None = None) -> None:
        """Coordinates from card sizes and the tracks each channel needs.

        ``h_extra`` adds room to horizontal channels (a band whose label needs more height).
        """
        self.card_w, self.row_h = card_w, list(row_h)
        x = left
        self.vch, self.col_x = [], []
        for j in range(self.cols + 1):
            w = self._outer(j, self.cols, v_tracks[j]) + (v_extra[j] if v_extra else 0.0)
            self.vch.append((x, x + w))
            x += w
            if j < self.cols:
                self.col_x.append(x)
                x += card_w
        y = top
        self.hch, self.row_y = [], []
        for i in range(self.rows + 1):
            h = self._outer(i, self.rows, h_tracks[i]) + (h_extra[i] if h_extra else 0.0)
            self.hch.append((y, y + h))
            y += h
            if i < self.rows:
                self.row_y.append(y)
                y += self.row_h[i]

    @staticmethod
    def _outer(k: int, last: int, tracks: int) -> float:
        if tracks <= 0 and k in (0, last):
            return EDGE_GAP
        return channel_size(tracks)

    @property
    def right(self) -> float:
        return self.vch[-1][1]

    @property
    def bottom(self) -> float:
        return self.hch[-1][1]

    def card_box(self, sid: str) -> tuple[float, float, float, float]:
        """(x, y, w, h) of a card: its column, as tall as its name needs, in the middle of its row."""
        r, c = self.pos[sid]
        h = min(self.card_h.get(sid, self.row_h[r]), self.row_h[r])
        return (self.col_x[c], self.row_y[r] + (self.row_h[r] - h) / 2, self.card_w, h)
