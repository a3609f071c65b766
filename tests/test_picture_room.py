"""The map as a room reads it and as its author places it.

- ``plassering`` puts a card where the file says (the slot of its band
  nearest the point), warns at the key's line when it cannot, and a card
  written earlier in its band stands further left where nothing else decides.
- On a 1024×768 projector the step numbers and arrows are as legible as the
  card text; on 1920×1080 the card text is 24 px or more.
- E-mail and web addresses on posters and handouts break between their
  parts (before @ and dots), never inside a word.
"""
from pathlib import Path

import pytest

from sammenkart import display
from sammenkart.layout.engine import FONT_SIZE, layout_map
from sammenkart.layout.grid import BADGE_RADIUS
from sammenkart.layout.metrics import badge_overlaps, overlapping_cards
from sammenkart.layout.pins import pin_problems
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.overlay import pathway_emphasis
from sammenkart.poster.contacts import address_lines, address_pieces, contact_blocks
from sammenkart.layout.text import REGULAR, text_width

KART = Path(__file__).resolve().parent.parent / "kart"


@pytest.fixture()
def example():
    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    return ws, m, ws.pathways_for(m)


def _slots(lay):
    return dict(lay.grid.pos)


# -- plassering -----------------------------------------------------------------------------

def test_cards_pinned_where_the_layout_puts_them_stay_there_without_warnings(example):
    ws, m, ps = example
    auto = layout_map(m, ps)
    for s in m.tjenester:
        r = auto.cards[s.id].rect
        s.plassering = (round(r.x, 1), round(r.y, 1))  # as `sammenkart layout --json` prints them
    assert _slots(layout_map(m, ps)) == _slots(auto)
    assert pin_problems(m, ps) == []


def test_a_card_pinned_on_another_cards_place_takes_that_place(example):
    ws, m, ps = example
    auto = layout_map(m, ps)
    band = [s for s in m.tjenester if s.niva == 1]
    a, b = band[0], band[-1]
    assert auto.grid.pos[a.id] != auto.grid.pos[b.id]
    r = auto.cards[b.id].rect
    a.plassering = (r.x + 5, r.y + 3)  # a little off: the nearest slot counts
    pinned = layout_map(m, ps)
    assert pinned.grid.pos[a.id] == auto.grid.pos[b.id]
    assert pin_problems(m, ps) == []
    assert overlapping_cards(pinned) == []
    # and arrows still keep off the cards, numbers off cards and each other
    for p in ps:
        d = display.build(m, pinned, pathway_emphasis(m, p))
        assert badge_overlaps(d.badge_circles(), [c.rect for c in pinned.cards.values()]) == (0, 0)


def test_a_point_outside_the_cards_band_is_warned_at_the_plassering_line(tmp_path):
    text = (KART / "eksempelkommune.yaml").read_text(encoding="utf-8")
    anchor = "  - id: nav\n"
    assert anchor in text
    # NAV (Tidlig innsats) pinned at the top of the map, in the specialist band
    text = text.replace(anchor, anchor + "    plassering: [200, 5]\n", 1)
    (tmp_path / "kart").mkdir()
    (tmp_path / "kart" / "eksempelkommune.yaml").write_text(text, encoding="utf-8")
    ws = load_workspace(tmp_path)
    m = ws.maps["eksempelkommune"]
    line = text[:text.index("plassering: [200, 5]")].count("\n") + 1
    found = [p for p in ws.problems if "plassering" in p.message]
    assert len(found) == 1 and found[0].severity == "warning"
    assert str(found[0]).startswith(f"kart/eksempelkommune.yaml:{line}:") or f":{line}:" in str(found[0])
    assert "utenfor båndet" in found[0].message and "Tidlig innsats" in found[0].message
    lay = layout_map(m, ws.pathways_for(m))
    nav = lay.cards["nav"].rect
    band = next(b for b in lay.bands if b.level_id == m.service("nav").niva)
    assert band.rect.contains(nav)  # the level decides the band
    assert nav.x < lay.width / 3  # and within it, the place nearest the point


def test_two_cards_pinned_to_one_place_both_get_a_place_and_the_second_a_warning(example):
    ws, m, ps = example
    auto = layout_map(m, ps)
    band = [s for s in m.tjenester if s.niva == 0]
    r = auto.cards[band[3].id].rect
    band[0].plassering = band[1].plassering = (r.x, r.y)
    lay = layout_map(m, ps)
    assert lay.grid.pos[band[0].id] == auto.grid.pos[band[3].id]
    assert lay.grid.pos[band[1].id] != lay.grid.pos[band[0].id]
    problems = pin_problems(m, ps)
    assert len(problems) == 1 and band[0].navn in problems[0].message and band[1].navn in problems[0].message


def test_on_a_poster_a_pinned_card_keeps_its_band_and_its_side(example):
    ws, m, ps = example
    auto = layout_map(m, ps)
    band = [s for s in m.tjenester if s.niva == 0]
    left = min(band, key=lambda s: auto.cards[s.id].rect.x)
    mover = max(band, key=lambda s: auto.cards[s.id].rect.x)  # the rightmost card goes to the far left
    mover.plassering = (auto.cards[left.id].rect.x, auto.cards[left.id].rect.y)
    portrait = layout_map(m, ps, aspect=0.7)
    assert portrait.grid.pos[mover.id][1] == 0
    assert portrait.cards[mover.id].level == 0


def test_a_pinned_card_on_a_region_map_takes_its_place():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from gen_region import generate_region

    m = generate_region(4)
    auto = layout_map(m)
    band = [s for s in m.tjenester if s.niva == 0]
    a, b = band[0], band[-1]
    r = auto.cards[b.id].rect
    a.plassering = (r.x, r.y)
    lay = layout_map(m)
    assert lay.grid.pos[a.id] == auto.grid.pos[b.id]
    assert overlapping_cards(lay) == []


# -- order within a band ----------------------------------------------------------------------

def test_a_card_with_no_arrows_stands_where_the_file_puts_it_in_its_row(example):
    ws, m, ps = example
    lay = layout_map(m, ps)
    joined = {sid for net in lay.scenes.values() for n in net.nets for f, t, _p in n.arrows for sid in (f, t)}
    lone = next(s for s in m.tjenester if s.id not in joined)
    others = [s for s in m.tjenester if s is not lone]
    columns = []
    for order in ([lone] + others, others + [lone]):  # first in the file, then last
        m.tjenester[:] = order
        lay = layout_map(m, ps)
        row, col = lay.grid.pos[lone.id]
        cards = [c for c, sid in enumerate(lay.grid.cells[row]) if sid]
        columns.append((col, cards))
    (first, cards_a), (last, cards_b) = columns
    assert first == min(cards_a) and last == max(cards_b)


def test_moving_services_along_their_band_in_the_file_moves_cards(example):
    """The editor's move_service(position=...) reorders the file; where the crossings
    leave a choice, the picture follows (docs/layout.md: order within a band)."""
    ws, m, ps = example
    base = layout_map(m, ps)
    original = list(m.tjenester)
    moved = 0
    for s in original:
        band = [t for t in original if t.niva == s.niva]
        i = band.index(s)
        if i == 0:
            continue
        order = list(original)
        a, b = order.index(band[i - 1]), order.index(s)
        order[a], order[b] = order[b], order[a]
        m.tjenester[:] = order
        lay = layout_map(m, ps)
        moved += lay.grid.pos[s.id] != base.grid.pos[s.id]
    m.tjenester[:] = original
    assert moved >= 6, moved


# -- legible in a room ----------------------------------------------------------------------

def test_card_text_on_a_1920x1080_projector_is_24_px_or_more(example):
    ws, m, ps = example
    lay = layout_map(m, ps)
    margin = 4  # the view's fit margin on each side (qt/map_view.py)
    scale = min(1920 / (lay.width + 2 * margin), 1080 / (lay.height + 2 * margin))
    assert min(c.font_size for c in lay.cards.values()) * scale >= 24


def test_numbers_and_arrows_on_a_1024x768_projector_read_like_the_card_text(example):
    ws, m, ps = example
    lay = layout_map(m, ps)
    scale = min(1024 / (lay.width + 8), 768 / (lay.height + 8))
    card_px = FONT_SIZE * scale
    for p in ps:
        d = display.build(m, lay, pathway_emphasis(m, p, 2))
        for b in d.badges:
            assert b.r == BADGE_RADIUS  # every number full size: room was found or made
            assert 2 * b.r * scale >= 17  # a disc of 17 px or more (the numbers were 15 px)
            digits = b.size * scale
            assert digits >= (0.85 if len(b.text) < 2 else 0.75) * card_px, (b.text, digits, card_px)
        for line in d.arrows:
            assert line.width * scale >= (4.2 if line.current else 2.8)


# -- addresses ------------------------------------------------------------------------------

ADDRESSES = ["helsestasjonen.sentrum@eksempelkommune.kommune.no", "post@bup.no",
             "https://www.eksempelkommune.no/tjenester/helse-og-omsorg/barn-og-unge"]


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("width", [60.0, 90.0, 140.0, 400.0])
def test_an_address_breaks_only_between_its_parts(address, width):
    lines, size = address_lines(address, width, 9.0, REGULAR)
    assert "".join(lines) == address
    assert 9.0 * 0.8 - 1e-9 <= size <= 9.0
    cuts, pos, inside = set(), 0, set()
    for piece in address_pieces(address):
        if text_width(piece, 9.0 * 0.8, REGULAR) > width:  # wider than a line even small: cut inside
            inside |= set(range(pos, pos + len(piece)))
        pos += len(piece)
        cuts.add(pos)
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        assert pos in cuts or pos in inside, (line, lines)  # never inside a word that fits a line
    for line in lines:
        assert text_width(line, size, REGULAR) <= width + 1e-6 or len(lines) == 1 and size == 9.0 * 0.8
    assert not any(line.endswith(".") for line in lines[:-1])  # a dot that would read as a full stop


def test_a_poster_contact_block_breaks_an_e_mail_address_before_at_and_dots():
    from sammenkart.model import Contact, Service
    from sammenkart.poster.pages import metrics
    from sammenkart.style import palette

    address = ADDRESSES[0]
    s = Service("hs", "Helsestasjonen", 0, "kommune", kontakt=Contact(epost=address))
    pm = metrics("A3", False)
    block = contact_blocks([s], palette(), pm, 120.0)[0]  # narrower than the address
    lines = [op[3] for op in block.ops if op[0] == "text" and op[4] == REGULAR]  # not the bold heading, name
    assert "".join(lines) == address and len(lines) > 1
    assert all(line[0] in "@." for line in lines[1:])


def test_the_selected_card_gets_a_dashed_outline_over_a_pathway_steps_stress(example):
    """Edit mode's selection (``stress.map_stress(selected=…)``): one card's outline,
    whatever the step stresses; a service the map lacks selects nothing."""
    from sammenkart import display as dl
    from sammenkart.stress import map_stress
    from sammenkart.style import Look, palette

    ws, m, ps = example
    lay = layout_map(m, ps)
    pathway = next(p for p in ps if p.id == "angst")
    em = map_stress(m, pathway, 0, selected="ppt")
    assert em.selected == "ppt" and em.current == map_stress(m, pathway, 0).current
    cards = {c.id: c for c in dl.build(m, lay, em).cards}
    assert cards["ppt"].dash == Look().card_selected_dash and cards["ppt"].stroke == palette("normal").text
    assert [sid for sid, c in cards.items() if c.dash == Look().card_selected_dash] == ["ppt"]
    assert map_stress(m, selected="ingen-slik").selected is None
