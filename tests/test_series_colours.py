"""Each look's series colours (the trend's lines, the tables' marks; ``style.Palette.series``):
readable on the look's background and told apart, also by colour-blind viewers."""
import itertools

import pytest

from sammenkart.style import SERIES_MARKERS, VARIANTS, contrast, hex_to_rgb, luminance, palette, series_look

# WCAG 2.x, success criterion 1.4.11 (non-text contrast): graphical objects needed to understand
# the content, a chart's lines and markers among them, need 3:1 against adjacent colours.
MIN_GRAPHIC_CONTRAST = 3.0

# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB; "none": normal vision.
VISION = {
    "none": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protan": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deutan": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritan": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
# CIELAB ΔE*ab (1976) every pair keeps, in every vision: Okabe–Ito's own least pair, as a
# deuteranope or tritanope sees it, is about 16 apart.
MIN_DELTA_E = 15.0


def _lab(colour: str, vision: str) -> tuple[float, float, float]:
    """CIELAB (D65) of ``colour`` as seen in ``vision``."""
    def lin(v):
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    rgb = [lin(v) for v in hex_to_rgb(colour)]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in VISION[vision])
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(a: str, b: str, vision: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a, vision), _lab(b, vision))) ** 0.5


def test_the_wcag_contrast_ratio_is_computed_as_written():
    # WCAG 2.x: white on black is 21:1; #767676 on white just passes 4.5:1, #777777 does not
    assert luminance("#ffffff") == pytest.approx(1.0) and luminance("#000000") == 0.0
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") >= 4.5 > contrast("#777777", "#ffffff")


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_series_colour_stands_out_from_its_looks_background(variant):
    pal = palette(variant)
    colours = [series_look(i, variant)[0] for i in range(len(SERIES_MARKERS))] + [pal.series_total]
    low = {c: round(contrast(c, pal.background), 2) for c in colours
           if contrast(c, pal.background) < MIN_GRAPHIC_CONTRAST}
    assert not low, (variant, pal.background, low)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("vision", VISION)
def test_the_series_colours_stay_apart_also_for_colour_blind_viewers(variant, vision):
    pal = palette(variant)
    colours = list(pal.series) + [pal.series_total]
    assert len(pal.series) == len(SERIES_MARKERS) == len(set(pal.series))
    close = [(a, b, round(_delta_e(a, b, vision), 1)) for a, b in itertools.combinations(colours, 2)
             if _delta_e(a, b, vision) < MIN_DELTA_E]
    assert not close, (variant, vision, close)


def test_sjoviks_blue_is_light_on_black():
    # tester: Sjøvik's blue (#0072b2, 4:1) was dark on the high contrast look's black
    hc = palette("hoykontrast")
    assert hc.background == "#000000"
    assert contrast(series_look(0, "hoykontrast")[0], hc.background) >= 4.5
    assert series_look(0, "hoykontrast")[0] != series_look(0, "normal")[0]
