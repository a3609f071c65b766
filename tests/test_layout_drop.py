"""Where a dragged card lands (layout/drop.py): the band under the pointer, and
the card it was dropped in front of, counted in the band's file order."""
from sammenkart.layout.drop import band_at, drop_target
from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled


def example():
    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    return m, layout_map(m, ws.pathways_for(m))


def test_the_band_under_the_pointer_or_the_nearest():
    m, lay = example()
    for b in lay.bands:
        assert band_at(lay, b.rect.y + b.rect.h / 2) == b.level_id
    top = min(lay.bands, key=lambda b: b.rect.y)
    bottom = max(lay.bands, key=lambda b: b.rect.y)
    assert band_at(lay, -50) == top.level_id and band_at(lay, lay.height + 50) == bottom.level_id


def test_dropped_in_front_of_a_card_goes_before_it_in_the_file():
    m, lay = example()
    band = [s.id for s in m.tjenester if s.niva == 2]
    for target in band:
        r = lay.cards[target].rect
        d = drop_target(m, lay, "ppt", r.x + 2, r.y + r.h / 2)  # the left edge of the card
        assert d.niva == 2 and d.before == target
        assert d.position == band.index(target)


def test_dropped_after_the_last_card_goes_last():
    m, lay = example()
    cards = [c for c in lay.cards.values() if c.level == 2]
    last = max(cards, key=lambda c: (round(c.rect.center[1], 1), c.rect.x))
    d = drop_target(m, lay, "ppt", last.rect.right + 20, last.rect.y + 5)
    assert d.before is None and d.position == len([s for s in m.tjenester if s.niva == 2])


def test_a_card_dropped_in_its_own_band_is_counted_without_itself():
    m, lay = example()
    band = [s.id for s in m.tjenester if s.niva == 1 and s.id != "ppt"]
    first = min((c for c in lay.cards.values() if c.level == 1 and c.service_id != "ppt"),
                key=lambda c: (round(c.rect.center[1], 1), c.rect.x))
    d = drop_target(m, lay, "ppt", first.rect.x - 3, first.rect.y + 3)
    assert d.niva == 1 and d.before == first.service_id and d.position == band.index(first.service_id)
