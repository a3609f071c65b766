"""Vis → Bare gule og røde over a pathway (tester 3 item 6): the filter fades the green
cards the pathway highlights too; yellow and red ones keep the pathway's emphasis."""
from sammenkart import display
from sammenkart.layout.engine import layout_map
from sammenkart.loader import load_bundled
from sammenkart.revision_view import OPEN, card_status, revision_colouring
from sammenkart.stress import map_stress


def test_the_filter_fades_green_cards_that_the_pathway_highlights():
    ws = load_bundled()
    m = ws.maps["fjordvik"]
    pathway = ws.pathway("angst", m.malform)
    layout = layout_map(m, ws.pathways_for(m))
    filtered = revision_colouring(m, "normal", only_open=True)
    plain = map_stress(m, pathway, None)
    on_path = plain.highlighted | plain.current
    status = {s.id: card_status(s) for s in m.tjenester}
    green_on_path = {sid for sid in on_path if status[sid] not in OPEN}
    open_on_path = {sid for sid in on_path if status[sid] in OPEN}
    assert green_on_path and open_on_path  # the case the tester saw: BUP, Skulehelsetenesta
    for step in (None, 0):
        d = display.build(m, layout, map_stress(m, pathway, step, colouring=filtered))
        state = {c.id: c.state for c in d.cards}
        for sid in green_on_path:
            assert state[sid] == "dim", (step, sid)
        assert all(c.opacity < 1 for c in d.cards if c.id in green_on_path)
        for sid in open_on_path & (map_stress(m, pathway, step).highlighted | map_stress(m, pathway, step).current):
            assert state[sid] in ("highlight", "current"), (step, sid)
        assert d.arrows  # the pathway is still shown
    # without the filter the pathway's highlight is untouched
    d = display.build(m, layout, map_stress(m, pathway, None, colouring=revision_colouring(m, "normal")))
    assert all(c.state != "dim" for c in d.cards if c.id in on_path)
