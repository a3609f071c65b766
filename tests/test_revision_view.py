"""The revision view as a card colouring (pure): fills by traffic light, a sign on
every judged card, counts in the legend, the filter "bare gule og røde"."""
import dataclasses

from sammenkart import display, style
from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled
from sammenkart.revision_view import revision_colouring
from sammenkart.stress import map_stress


def _fjordvik():
    ws = load_bundled()
    m = ws.maps["fjordvik"]
    return ws, m, {s.id: (s.revisjon.status if s.revisjon else None) for s in m.tjenester}


def test_cards_are_filled_by_their_status_and_carry_its_sign():
    ws, m, status = _fjordvik()
    assert {"gronn", "gul", "rod", None} <= set(status.values())  # the bundled map shows every kind
    d = display.build(m, layout_map(m, ws.pathways_for(m)), map_stress(m, colouring=revision_colouring(m)))
    fills = {c.id: c.fill for c in d.cards}
    for sid, st in status.items():
        assert fills[sid] == style.revision_fill(st)
    signs = {b.owner: b.text for b in d.marks if b.kind == "status"}
    assert signs == {sid: style.REVISION_MARKS[st] for sid, st in status.items() if st}  # none on unjudged cards
    assert all(c.state == "normal" for c in d.cards)


def test_the_legend_says_what_each_fill_means_with_counts():
    _ws, m, status = _fjordvik()
    col = revision_colouring(m)
    n = {st: list(status.values()).count(st) for st in ("rod", "gul", "gronn", None)}
    assert col.title == "Revisjon"
    assert [label for label, _fill in col.legend] == [
        f"✗ Rød ({n['rod']})", f"! Gul ({n['gul']})", f"✓ Grønn ({n['gronn']})", f"Ikke vurdert ({n[None]})"]
    assert [fill for _l, fill in col.legend] == [style.revision_fill(s) for s in ("rod", "gul", "gronn", None)]


def test_the_filter_fades_every_card_that_is_not_yellow_or_red():
    ws, m, status = _fjordvik()
    layout = layout_map(m, ws.pathways_for(m))
    col = revision_colouring(m, only_open=True)
    assert col.dimmed == {sid for sid, st in status.items() if st not in ("gul", "rod")}
    d = display.build(m, layout, map_stress(m, colouring=col))
    states = {c.id: c.state for c in d.cards}
    assert {sid for sid, s in states.items() if s == "dim"} == col.dimmed
    faded_signs = {b.owner for b in d.marks if b.kind == "status" and b.opacity < 1}
    assert faded_signs == {sid for sid, st in status.items() if st == "gronn"}
    assert all(link.opacity < 1 for link in d.links)
    # a pathway's step still stands out over the filter
    p = ws.pathway("angst", "nn")
    em = map_stress(m, p, 4, colouring=col)
    d2 = display.build(m, layout, em)
    assert all(c.state != "dim" for c in d2.cards if c.id in em.current | em.highlighted)


def test_the_fills_read_in_grey_and_in_each_palette():
    """Printed in grey the statuses differ in lightness (CIE L*, at least 9 apart),
    and the card's text is readable on each fill (WCAG contrast ≥ 4.5)."""
    def lightness(colour):
        y = style.luminance(colour)
        return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y

    for variant in ("normal", "gratone"):
        ls = sorted(lightness(style.revision_fill(s, variant)) for s in ("gronn", "gul", "rod", None))
        assert min(b - a for a, b in zip(ls, ls[1:])) >= 9, variant
    for variant in style.VARIANTS:
        for s in ("gronn", "gul", "rod", None):
            fill = style.revision_fill(s, variant)
            assert style.contrast(fill, style.readable_on(fill)) >= 4.5, (variant, s)


def test_the_palette_variant_picks_the_fills():
    _ws, m, status = _fjordvik()
    red = next(sid for sid, st in status.items() if st == "rod")
    assert revision_colouring(m, "hoykontrast").fill_for(red) == style.REVISION_FILLS["hoykontrast"]["rod"]
    assert revision_colouring(m, "gratone").default == style.REVISION_FILLS["gratone"][None]


def test_a_map_with_no_statuses_is_all_grey_and_says_so():
    _ws, m, _status = _fjordvik()
    bare = dataclasses.replace(m, tjenester=[dataclasses.replace(s, revisjon=None) for s in m.tjenester])
    col = revision_colouring(bare)
    assert col.fills == () and col.marks == ()
    assert col.legend[-1][0] == f"Ikke vurdert ({len(m.tjenester)})"
