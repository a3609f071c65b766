"""Colours, card shapes and line styles, computed once for screen and print.

Level fills come from one blue–green ramp whose lightness falls steadily from
the base of the pyramid to the top, so the levels stay apart for colour-blind
viewers and in grey-scale print; the sector is shown by the card's outline,
not by colour. Colours are "#rrggbb" strings; shapes are path commands in map
units, so the Qt view and the PDF draw exactly the same outline.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .i18n import _
from .layout.geometry import Rect
from .layout.grid import BADGE_RADIUS, EDGE

VARIANTS = ("normal", "hoykontrast", "gratone")

# Light to dark, ordered by lightness (a sequential, colour-blind safe ramp).
_RAMP = ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#006d2c")
_RAMP_BLUE = ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")
_GREYS = ("#f4f4f4", "#dddddd", "#c2c2c2", "#a3a3a3", "#858585", "#666666", "#474747")
_CONTRAST = ("#fde725", "#7ad151", "#22a884", "#2a788e", "#440154")


def _pick(ramp: tuple[str, ...], pos: int, n: int) -> str:
    """Spread n levels evenly over the ramp, the base lightest."""
    if n <= 1:
        return ramp[1]
    return ramp[min(len(ramp) - 1, round(pos * (len(ramp) - 1) / (n - 1)))]


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return tuple(int(c[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    """Relative luminance (0 black to 1 white) of ``#rrggbb``, per the WCAG 2.x definition
    (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance): sRGB channels linearised, then
    0.2126 R + 0.7152 G + 0.0722 B."""
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(v) for v in hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio (1 to 21) of two ``#rrggbb`` colours: (L1 + 0.05) / (L2 + 0.05),
    L1 the lighter's relative luminance (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(fill: str, dark: str = "#1a1a1a", light: str = "#ffffff") -> str:
    return dark if contrast(fill, dark) >= contrast(fill, light) else light


@lru_cache(maxsize=4096)
def faded(colour: str, background: str, opacity: float) -> str:
    """``colour`` seen at ``opacity`` over ``background``, as a plain colour: how
    paper shows a faded item, and how the window draws faded arrows (an opaque
    pen is several times cheaper to paint than a transparent one)."""
    if opacity >= 1.0:
        return colour
    fg, bg = colour.lstrip("#"), background.lstrip("#")
    mixed = [round(int(fg[i:i + 2], 16) * opacity + int(bg[i:i + 2], 16) * (1 - opacity)) for i in (0, 2, 4)]
    return "#" + "".join(f"{v:02x}" for v in mixed)


# WCAG 2.x, success criterion 1.4.3 (contrast, minimum): normal-size text needs a
# contrast ratio of at least 4.5:1 against what is behind it.
MIN_TEXT_CONTRAST = 4.5


@lru_cache(maxsize=1024)  # a few fills and bands per map, asked for every dimmed card at every step
def dimmed_text(fill: str, grounds: tuple[str, ...], fill_opacity: float, text_opacity: float) -> str:
    """The text colour (opaque ``#rrggbb``) of a dimmed card whose ``fill`` is seen at
    ``fill_opacity`` over each of ``grounds`` (the level's band in the window, the
    page's background on paper; the first decides the ink): the readable ink for
    the fill as seen, mixed towards it by ``text_opacity`` so it looks dimmed too,
    but never so far that its contrast with any seen fill falls below
    ``MIN_TEXT_CONTRAST`` (WCAG 2, 1.4.3). The ink is chosen for the dimmed fill, not
    the full one: a light level in high contrast fades to a dark olive on black,
    and dark text on it could not be read."""
    seen = [faded(fill, ground, fill_opacity) for ground in grounds]

    def worst(colour: str) -> float:
        return min(contrast(colour, s) for s in seen)

    ink = readable_on(seen[0])
    if worst(ink) < MIN_TEXT_CONTRAST:
        ink = readable_on(seen[0], "#000000", "#ffffff")
    opacity = text_opacity
    while opacity < 1.0 and worst(faded(ink, seen[0], opacity)) < MIN_TEXT_CONTRAST:
        opacity = min(1.0, opacity + 0.01)
    return faded(ink, seen[0], opacity)


@dataclass(frozen=True)
class Palette:
    variant: str
    background: str
    text: str
    muted_text: str
    card_border: str
    link: str
    arrow: str
    arrow_current: str
    highlight: str
    current: str
    marked: str
    found: str
    missed: str
    added: str
    dim_opacity: float
    ramp: tuple[str, ...]
    bands: tuple[str, str]
    # The trend's lines and the tables' marks, one per municipality or receiver (``series_look``),
    # each readable on ``background``; the total in ``series_total``. See _SERIES_LIGHT.
    series: tuple[str, ...]
    series_total: str

    def card_fill(self, level_pos: int, n_levels: int) -> str:
        return _pick(self.ramp, level_pos, n_levels)

    def card_text(self, level_pos: int, n_levels: int) -> str:
        return readable_on(self.card_fill(level_pos, n_levels))

    def band_fill(self, level_pos: int, n_levels: int) -> str:
        return self.bands[level_pos % 2]

    def fill_for(self, m, level_id: int) -> str:
        """A level's own colour from the file wins in the normal palette."""
        lv = m.level(level_id)
        if self.variant == "normal" and lv is not None and lv.farge:
            return lv.farge
        return self.card_fill(level_position(m, level_id), len(m.nivaer))

    def text_for(self, m, level_id: int) -> str:
        return readable_on(self.fill_for(m, level_id))


# Series colours (trend lines, the tables' marks), one set per background, since WCAG 2.x
# SC 1.4.11 asks 3:1 of graphical objects against what is next to them. Okabe–Ito's orange,
# sky blue and yellow fall below 2.3:1 on white and its blue is dark on black, so each look
# has its own seven, grown from Okabe–Ito's hues (blue, orange, green, purple, vermillion, sky
# blue, yellow, in that order) by a search that kept every pair at least CIELAB ΔE 18 apart
# as seen with normal vision and with protan, deutan and tritan colour blindness (Machado,
# Oliveira & Fernandes 2009; Okabe–Ito itself: 16). Each line has a marker too
# (SERIES_MARKERS), so they part in grey print. tests/test_series_colours.py holds this.
_SERIES_LIGHT = ("#0072b2", "#a25f14", "#10a66c", "#70345e", "#7f2100", "#8c87a1", "#b98f00")  # 3:1+ on white
_SERIES_DARK = ("#56b4e9", "#f9b729", "#64f7bb", "#d26eab", "#ef7337", "#6b86e3", "#afe46a")  # 6:1+ on black

_PALETTES = {
    "normal": Palette(
        "normal", "#ffffff", "#1a1a1a", "#555555", "#3a3a3a", "#8c8c8c", "#2b4c7e", "#b2182b",
        "#2b4c7e", "#b2182b", "#6a3d9a", "#1b7837", "#b2182b", "#8c510a", 0.25, _RAMP_BLUE,
        ("#f7f7f7", "#efefef"), series=_SERIES_LIGHT, series_total="#000000",
    ),
    "hoykontrast": Palette(
        # current step in cyan: it stands out on black and on every level fill, yellow included
        "hoykontrast", "#000000", "#ffffff", "#dddddd", "#ffffff", "#bbbbbb", "#ffffff", "#00e5ff",
        "#ffffff", "#00e5ff", "#ff66cc", "#66ff66", "#ff5555", "#66ccff", 0.3, _CONTRAST,
        ("#111111", "#1c1c1c"), series=_SERIES_DARK, series_total="#ffffff",
    ),
    "gratone": Palette(
        "gratone", "#ffffff", "#000000", "#444444", "#000000", "#777777", "#000000", "#000000",
        "#000000", "#000000", "#000000", "#000000", "#000000", "#000000", 0.3, _GREYS,
        ("#fafafa", "#f0f0f0"), series=_SERIES_LIGHT, series_total="#000000",
    ),
}


def palette(variant: str = "normal") -> Palette:
    return _PALETTES.get(variant, _PALETTES["normal"])


def level_position(m, level_id: int) -> int:
    """Index of a level counted from the base of the pyramid."""
    ids = [lv.id for lv in m.levels_bottom_up()]
    return ids.index(level_id) if level_id in ids else 0


# Sector is shown by outline so it survives grey-scale print and colour blindness.
SECTOR_SHAPES = {
    "kommune": "rect",
    "fastlege": "rounded",
    "spesialist": "octagon",
    "fylkeskommune": "slant",
    "stat": "notched",
    "frivillig": "pill",
}
SECTOR_ORDER = ("kommune", "fastlege", "fylkeskommune", "frivillig", "stat", "spesialist")


def sector_label(sector: str) -> str:
    return {
        "kommune": _("Kommunen"),
        "fastlege": _("Fastlege"),
        "spesialist": _("Spesialisthelsetjenesten"),
        "fylkeskommune": _("Fylkeskommunen"),
        "stat": _("Staten"),
        "frivillig": _("Frivillige og ideelle"),
    }.get(sector, sector)


# The local revision's traffic lights (format 1.1 «revisjon»), per palette variant:
# a card's fill in the revision view and the marks in the revision report.
# None: not reviewed ("ikke vurdert"), grey. Printed in grey the normal fills
# still differ in lightness (CIE L*: yellow 90, grey 79, green 70, red 48, each
# step ≥ 9), the grey tones likewise (green light, yellow middle, red dark), and
# every status carries a mark (REVISION_MARKS), so they read without colour too.
REVISION_FILLS: dict[str, dict[str | None, str]] = {
    "normal": {"gronn": "#66bd63", "gul": "#fee08b", "rod": "#d73027", None: "#c4c4c4"},
    "hoykontrast": {"gronn": "#00c853", "gul": "#ffea00", "rod": "#ff1744", None: "#5f5f5f"},
    "gratone": {"gronn": "#dcdcdc", "gul": "#b5b5b5", "rod": "#5a5a5a", None: "#ffffff"},
}
REVISION_MARKS: dict[str | None, str] = {"gronn": "✓", "gul": "!", "rod": "✗", None: "–"}


def revision_fill(status: str | None, variant: str = "normal") -> str:
    """Fill colour (``#rrggbb``) for a revision status (None: not reviewed)."""
    fills = REVISION_FILLS.get(variant, REVISION_FILLS["normal"])
    return fills.get(status, fills[None])


def revision_text(status: str | None, variant: str = "normal") -> str:
    """Text colour readable on ``revision_fill``."""
    return readable_on(revision_fill(status, variant))


# Figures on the map (referral rate, rejection percentage): a sequential scale,
# light = low, dark = high, per palette variant. Every step is darker than the
# one before in relative luminance, also as people with red–green colour
# blindness see it (tests/test_figures_view.py simulates it), so the order reads
# in grey-scale print and for colour-blind viewers; the hue (yellow–orange–brown,
# ColorBrewer "YlOrBr") keeps it apart from the blue levels. A card without a
# figure is white (black, as the background, in high contrast): outside the scale.
FIGURE_RAMPS: dict[str, tuple[str, ...]] = {
    "normal": ("#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#993404", "#662506"),
    "hoykontrast": ("#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d", "#46327e"),  # viridis
    "gratone": ("#e6e6e6", "#c8c8c8", "#aaaaaa", "#8c8c8c", "#6e6e6e", "#505050", "#323232"),
}
FIGURE_NONE: dict[str, str] = {"normal": "#ffffff", "hoykontrast": "#000000", "gratone": "#ffffff"}


def figure_fills(n: int, variant: str = "normal") -> tuple[str, ...]:
    """``n`` fills (1 ≤ n ≤ 7) for classes from low to high, spread over the
    variant's ramp so that neighbouring classes stay as far apart as they can."""
    ramp = FIGURE_RAMPS.get(variant, FIGURE_RAMPS["normal"])
    if not 1 <= n <= len(ramp):
        raise ValueError(f"between 1 and {len(ramp)} classes, not {n}")
    if n == 1:
        return (ramp[len(ramp) // 2],)
    return tuple(ramp[round(i * (len(ramp) - 1) / (n - 1))] for i in range(n))


def figure_none(variant: str = "normal") -> str:
    """Fill of a card the figures say nothing about."""
    return FIGURE_NONE.get(variant, FIGURE_NONE["normal"])


# Lines of a trend chart (one per municipality or receiver): each look's own colours
# (``Palette.series``), each with its own marker so the lines part in grey too; the total
# is drawn in the look's ink (``Palette.series_total``) and thicker.
SERIES_COLOURS = _SERIES_LIGHT  # the normal look's
SERIES_MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down", "plus")
SERIES_TOTAL = "#000000"  # the normal look's


def series_look(index: int, variant: str = "normal") -> tuple[str, str]:
    """(colour ``#rrggbb``, marker) of the ``index``-th line (0-based) in the look ``variant``
    (``VARIANTS``), readable on its background; they repeat after seven."""
    colours = palette(variant).series
    return colours[index % len(colours)], SERIES_MARKERS[index % len(SERIES_MARKERS)]


def series_total(variant: str = "normal") -> str:
    """The total's colour in the look ``variant``: black on white, white on black."""
    return palette(variant).series_total


ART_DASH: dict[str, tuple[float, ...]] = {
    "henvisning": (),
    "samarbeid": (7.0, 4.0),
    "veiledning": (1.5, 3.5),
    "tilbakemelding": (9.0, 3.5, 1.5, 3.5),
    "bekymringsmelding": (10.0, 2.5, 1.5, 2.5, 1.5, 2.5),  # dash-dot-dot
    "kontakt": (3.0, 2.0, 3.0, 6.0),  # pairs of short dashes
}


def art_label(art: str) -> str:
    return {
        "henvisning": _("henvisning"),
        "samarbeid": _("samarbeid"),
        "veiledning": _("veiledning"),
        "tilbakemelding": _("tilbakemelding"),
        "bekymringsmelding": _("bekymringsmelding"),
        "kontakt": _("kontakt"),
    }.get(art, art)


# How families reach a service (format 1.1 ``tilgang``), as a symbol on its card:
# a telephone (they may call themselves) and a letter (a referral is needed).
# Two shapes, not two colours, so they read in grey-scale print and for the
# colour-blind; both glyphs are in the bundled DejaVu fonts.
ACCESS_SYMBOLS: dict[str, str] = {"direkte": "☎", "henvisning": "✉"}


_K = 0.5523  # Bézier handle length for a quarter circle


def _rounded(x: float, y: float, w: float, h: float, r: float) -> list[tuple]:
    r = min(r, w / 2, h / 2)
    c = r * (1 - _K)
    return [
        ("M", x + r, y), ("L", x + w - r, y), ("C", x + w - c, y, x + w, y + c, x + w, y + r),
        ("L", x + w, y + h - r), ("C", x + w, y + h - c, x + w - c, y + h, x + w - r, y + h),
        ("L", x + r, y + h), ("C", x + c, y + h, x, y + h - c, x, y + h - r),
        ("L", x, y + r), ("C", x, y + c, x + c, y, x + r, y), ("Z",),
    ]


def card_outline(shape: str, rect: Rect) -> list[tuple]:
    """Closed outline of a card as path commands (M, L, C, Z) in map units."""
    x, y, w, h = rect.x, rect.y, rect.w, rect.h
    if shape == "rounded":
        return _rounded(x, y, w, h, min(7.0, h / 5))
    if shape == "pill":
        return _rounded(x, y, w, h, h / 2)
    if shape == "octagon":
        k = min(9.0, h / 3)
        return [("M", x + k, y), ("L", x + w - k, y), ("L", x + w, y + k), ("L", x + w, y + h - k),
                ("L", x + w - k, y + h), ("L", x + k, y + h), ("L", x, y + h - k), ("L", x, y + k), ("Z",)]
    if shape == "slant":
        k = min(7.0, w / 10)
        return [("M", x + k, y), ("L", x + w, y), ("L", x + w - k, y + h), ("L", x, y + h), ("Z",)]
    if shape == "notched":
        k = min(8.0, h / 3)
        return [("M", x, y), ("L", x + w - k, y), ("L", x + w, y + k), ("L", x + w, y + h),
                ("L", x, y + h), ("Z",)]
    return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]


def text_insets(shape: str, w: float, h: float, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(left, right) room the outline takes from the text of each line, in map units.

    ``spans``: each line's (top, bottom) measured from the card's top, for a
    card ``w`` × ``h`` drawn by ``card_outline``. Cut and rounded corners
    take room only from the lines near them; a slanted card takes room from
    one side at the top and the other at the bottom (its lines are then
    centred in what is left, see ``line_offsets``)."""
    out = []
    for y0, y1 in spans:
        d = max(0.0, min(y0, h - y1))  # the line's distance from the nearer of top and bottom
        left = right = 0.0
        if shape in ("rounded", "pill"):
            r = min(7.0, h / 5) if shape == "rounded" else h / 2
            if d < r:
                left = right = r - (r * r - (r - d) ** 2) ** 0.5
        elif shape == "octagon":
            left = right = max(0.0, min(9.0, h / 3) - d)
        elif shape == "slant":
            k = min(7.0, w / 10)
            left, right = k * (1 - y0 / h), k * y1 / h
        elif shape == "notched":
            right = max(0.0, min(8.0, h / 3) - y0)
        out.append((left, right))
    return out


def line_offsets(shape: str, w: float, h: float, spans: list[tuple[float, float]]) -> tuple[float, ...]:
    """How far each line's centre moves right of the card's centre to sit in the middle of its room."""
    return tuple((left - right) / 2 for left, right in text_insets(shape, w, h, spans))


@dataclass(frozen=True)
class Look:
    """Every line width, radius, type size and opacity of the map picture, in map units.

    One value for the screen and the poster (``display.build`` reads it), so
    a step drawn in the window and on paper has the same weight. Opacities
    are drawn as transparency on screen and mixed into the colour on paper.
    Sized to be read on a 1024×768 projector from the back of a room, where
    a map unit is about one pixel: arrows 3 px, the current step's 5 px, step
    numbers in 20 px discs with 12.5 px bold digits (card text is 13).
    """

    card_border: float = 1.0
    card_highlight: float = 2.5
    card_current: float = 4.0
    card_marked: float = 3.5
    card_missed_dash: tuple[float, ...] = (6.0, 3.0)
    card_selected: float = 4.0  # the card being edited: a thick dashed outline in the text colour
    card_selected_dash: tuple[float, ...] = (7.0, 4.0)
    link_width: float = 1.5
    link_dim_opacity: float = 0.5  # links while other services are dimmed
    arrow_width: float = 3.0
    arrow_current_width: float = 4.6
    arrow_faded_opacity: float = 0.22  # steps not reached yet, while stepping
    head_length: float = EDGE  # a head fits the stub from the arrow's track into its card
    head_spread: float = 28.0  # degrees each side of the arrow's line
    badge_radius: float = BADGE_RADIUS  # the layout finds room on the arrows for discs this size
    badge_ring: float = 2.0
    badge_ring_current: float = 0.8  # added for the current step
    badge_font_size: float = 12.5  # condensed bold; smaller where two or three digits need it (display)
    mark_radius: float = 10.0  # a team's numbered choice, on the card's corner (inside its ring)
    mark_font_size: float = 11.0
    link_mark_radius: float = 4.5  # a service's collaboration with itself, inside its card
    access_radius: float = 6.5  # the tilgang symbol on a card's lower right corner (its ring inside)
    access_font_size: float = 8.5
    access_ring: float = 0.8
    status_mark_radius: float = 7.0  # a colouring's sign (revision ✓ ! ✗), on the card's lower left corner
    status_mark_font_size: float = 9.0
    dim_opacity: float = 0.25  # services outside the pathway
    dim_text_opacity: float = 0.55  # their names look dimmed, as far as they stay readable (dimmed_text)
    # The keyboard focus (Ctrl+arrows, Tab to the map; screen only): a double outline, a
    # wide magenta band outside a thin one with a white gap between, each band edged dark.
    # Magenta is no pathway's, no high contrast look's (its yellow, orange, cyan) and not the
    # edit mode's orange (#d35400); the white gap and dark edges carry it on dark cards and in
    # grey scale. Its widths are px on screen, shares of the room's text floor (11 px at
    # 1024×768: a 6 px band, 3 px gap, 3 px line), never thinner when zoomed out (tester round 6:
    # a 3–4 px yellow line was lost from the back of the room, next to yellow pathway cards).
    focus_ring: float = 0.55  # the outer band, × the text floor (px)
    focus_ring_inner: float = 0.28  # the inner line, × the text floor
    focus_ring_gap: float = 0.28  # between the card and the inner line, and between the lines, × the floor
    focus_ring_colour: str = "#e600e6"
    focus_ring_gap_colour: str = "#ffffff"
    focus_ring_edge: str = "#1a1a1a"
    focus_ring_edge_width: float = 1.0  # px


_LOOKS = {"normal": Look(), "hoykontrast": Look(dim_opacity=0.3), "gratone": Look(dim_opacity=0.3)}


def look(variant: str = "normal") -> Look:
    return _LOOKS.get(variant, _LOOKS["normal"])
