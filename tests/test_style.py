"""Style details a user sees: greys only in "gratone", distinct card shapes and line patterns."""
from sammenkart.layout.geometry import Rect
from sammenkart.style import ART_DASH, SECTOR_SHAPES, card_outline, contrast, hex_to_rgb, palette


def test_gratone_uses_greys_only():
    pal = palette("gratone")
    for n in (2, 4, 7):
        for i in range(n):
            for colour in (pal.card_fill(i, n), pal.band_fill(i, n), pal.card_text(i, n)):
                r, g, b = hex_to_rgb(colour)
                assert abs(r - g) < 1e-9 and abs(g - b) < 1e-9, colour


def test_hoykontrast_borders_stand_out_from_the_background():
    pal = palette("hoykontrast")
    assert contrast(pal.background, pal.card_border) >= 7
    assert contrast(pal.background, pal.text) >= 7


def test_six_sectors_have_six_different_outlines():
    r = Rect(0, 0, 150, 40)
    assert len(SECTOR_SHAPES) == 6
    outlines = {tuple(card_outline(shape, r)) for shape in SECTOR_SHAPES.values()}
    assert len(outlines) == 6


def test_each_kind_of_line_has_its_own_pattern_and_referrals_are_solid():
    assert ART_DASH["henvisning"] == ()
    assert len(set(ART_DASH.values())) == len(ART_DASH) >= 4
