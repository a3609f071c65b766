"""Geometry types shared by the layout, the Qt view and the poster.

Units are "map units": typographic points (1/72 inch) at poster scale 1.
Origin top-left, y grows downwards (as on screen); the poster flips y itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def intersects(self, other: "Rect", gap: float = 0.0) -> bool:
        """True when the two overlap or come closer than ``gap``."""
        return not (
            self.right + gap <= other.x
            or other.right + gap <= self.x
            or self.bottom + gap <= other.y
            or other.bottom + gap <= self.y
        )

    def contains(self, other: "Rect") -> bool:
        return (
            other.x >= self.x
            and other.y >= self.y
            and other.right <= self.right + 1e-6
            and other.bottom <= self.bottom + 1e-6
        )

    def united(self, other: "Rect") -> "Rect":
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)


@dataclass(frozen=True)
class CardGeom:
    """One service drawn as a card: its box and its wrapped, measured label."""

    service_id: str
    rect: Rect
    lines: tuple[str, ...]  # the name, wrapped to fit; never cut
    font_size: float
    line_height: float
    level: int
    sector: str
    kommune: str | None = None
    line_dx: tuple[float, ...] = ()  # each line's centre right of the card's centre (a slanted card); () none


@dataclass(frozen=True)
class BandGeom:
    """One level of the pyramid: a horizontal band, named at its side."""

    level_id: int
    rect: Rect
    label_lines: tuple[str, ...]
    label_rect: Rect
    label_font_size: float
    # Labels run bottom-to-top in a narrow strip at the band's left side, so the
    # cards get the width; label_rect is the strip (lines are columns, left first).
    label_rotated: bool = False


@dataclass(frozen=True)
class EdgeGeom:
    """A line between two cards, as a polyline from border to border."""

    a: str
    b: str
    points: tuple[tuple[float, float], ...]


Point = tuple[float, float]


@dataclass(frozen=True)
class RoutedNet:
    """One figure of arrows as routed: a step (a tree if it joins several services), a link, a loop.

    ``arrows`` holds each (from, to) pair's polyline, tail to head, border to
    border; ``strokes`` holds every piece once (what is drawn, so dashes line
    up); ``heads`` the (tip, back) of each arrow head's last stub; ``badge``
    the centre of the step's number, on the net, clear of cards and other
    numbers of the same scene.
    """

    key: tuple  # ("steg", index, group) | ("samarbeid", a, b)
    arrows: tuple[tuple[str, str, tuple[Point, ...]], ...]
    strokes: tuple[tuple[Point, ...], ...]
    heads: tuple[tuple[Point, Point], ...]
    badge: tuple[float, float, float] | None = None  # x, y, radius
    loop: bool = False


@dataclass
class Scene:
    """The routed nets of one picture: the collaboration links, or one pathway's steps."""

    nets: list[RoutedNet] = field(default_factory=list)
    badge_misses: int = 0  # numbers that found no free place (should stay 0)
    badges_smaller: int = 0  # numbers drawn smaller than full size for lack of room
    wanting: list = field(default_factory=list)  # (axis, channel, units) to widen, while laying out

    def for_step(self, index: int) -> list[RoutedNet]:
        return [n for n in self.nets if n.key[0] == "steg" and n.key[1] == index]


@dataclass
class MapLayout:
    map_id: str
    width: float
    height: float
    cards: dict[str, CardGeom] = field(default_factory=dict)
    bands: list[BandGeom] = field(default_factory=list)
    links: list[EdgeGeom] = field(default_factory=list)  # standing collaboration (samarbeid)
    link_marks: tuple[str, ...] = ()  # services with a collaboration link to themselves
    scenes: dict[str, Scene] = field(default_factory=dict)  # "" = links; else a pathway id
    grid: object | None = None  # layout.grid.Grid, for routing arrows not known in advance
    aspect: float = 16 / 9

    @property
    def bounds(self) -> Rect:
        return Rect(0.0, 0.0, self.width, self.height)
