"""Style details a user sees: greys only in "gratone", distinct card shapes and line patterns."""
import pytest

from sammenkart.layout.geometry import Rect
from sammenkart.style import (
    ART_DASH, MIN_TEXT_CONTRAST, SECTOR_SHAPES, VARIANTS, card_outline, contrast, hex_to_rgb, palette,
)


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


def _dimmed_cards(variant, colouring=None):
    """Every card of a map with a service of each sector on each level, all dimmed
    (a pathway shown, none of them in it), as the window and the poster draw them."""
    from sammenkart import display
    from sammenkart.emphasis import Emphasis
    from sammenkart.layout.engine import layout_map
    from sammenkart.model import Map, Service, default_levels
    from sammenkart.style import SECTOR_ORDER

    levels = default_levels()
    m = Map("alle", "Alle", [Service(f"{sector}-{lv.id}", f"{sector} {lv.navn}", lv.id, sector)
                             for lv in levels for sector in SECTOR_ORDER], levels)
    d = display.build(m, layout_map(m, []), Emphasis(dim_others=True, colouring=colouring), variant)
    assert {c.state for c in d.cards} == {"dim"}
    assert {c.id.split("-")[0] for c in d.cards} == set(SECTOR_ORDER)
    return d


def _seen(d, card):
    """The colours a viewer sees, in the window (the fill at its opacity over the
    level's band, the text at its opacity over that) and on paper (over the page)."""
    from sammenkart.style import faded

    band = next(b.fill for b in d.bands if card.rect.y >= b.rect.y and card.rect.bottom <= b.rect.bottom)
    for ground in (band, d.background):
        fill = faded(card.fill, ground, card.opacity)
        yield fill, faded(card.text_colour, fill, card.text_opacity)


@pytest.mark.parametrize("variant", VARIANTS)
def test_dimmed_cards_keep_their_names_readable_in_every_palette(variant):
    """High contrast in presentation dimmed the cards outside the pathway to dark
    olive and green with dark text on them; every sector on every level, in every
    palette, keeps text and fill ≥ 4.5:1 apart (WCAG 2, 1.4.3)."""
    d = _dimmed_cards(variant)
    for card in d.cards:
        for fill, text in _seen(d, card):
            assert contrast(fill, text) >= MIN_TEXT_CONTRAST == 4.5, (variant, card.id, fill, text)


@pytest.mark.parametrize("variant", VARIANTS)
def test_dimmed_cards_read_under_the_revision_and_figure_colourings_too(variant):
    from sammenkart.emphasis import Colouring
    from sammenkart.style import FIGURE_RAMPS, REVISION_FILLS, figure_none

    fills = [*REVISION_FILLS[variant].values(), *FIGURE_RAMPS[variant], figure_none(variant)]
    for fill in fills:
        d = _dimmed_cards(variant, Colouring("farge", default=fill))
        for card in d.cards:
            for seen, text in _seen(d, card):
                assert contrast(seen, text) >= MIN_TEXT_CONTRAST, (variant, fill, seen, text)
