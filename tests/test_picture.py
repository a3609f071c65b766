"""One picture on screen and paper: what a viewer would see wrong if routing or numbering failed.

For every bundled map with each of its pathways (and the links-only map),
and for the hunt case h9 (a step and a link from a service to itself):
no arrow runs over a card that is not one of its ends, no step number
covers a card or another number, no two cards overlap, every step that can
be drawn has exactly one visible number, and the scene and the poster draw
the very same display list.
"""
from pathlib import Path

import pytest

from sammenkart import display
from sammenkart.graph import resolve_steps, step_pairs
from sammenkart.layout.band_labels import MIN_PIECE, fit_label
from sammenkart.layout.engine import layout_map
from sammenkart.layout.metrics import arrows_over_cards, badge_overlaps, drawn_segments, overlapping_cards
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.overlay import pathway_emphasis

H9 = Path(__file__).parent / "data" / "h9"


def _cases():
    out = []
    ws = load_bundled()
    for mid, m in sorted(ws.maps.items()):
        out.append(("bundled", mid, None))
        for p in ws.pathways_for(m):
            out.append(("bundled", mid, p.id))
    out.append(("h9", "smaavik", None))
    out.append(("h9", "smaavik", "drofting"))
    return out


_WS = {}


def _workspace(kind):
    if kind not in _WS:
        _WS[kind] = load_bundled() if kind == "bundled" else load_workspace(H9)
    return _WS[kind]


_LAYOUTS = {}


def _layout(kind, mid):
    if (kind, mid) not in _LAYOUTS:
        ws = _workspace(kind)
        m = ws.maps[mid]
        _LAYOUTS[(kind, mid)] = layout_map(m, ws.pathways_for(m))
    return _LAYOUTS[(kind, mid)]


def _pictures(kind, mid, pid):
    """The display lists a facilitator steps through: the whole pathway, then each step."""
    ws = _workspace(kind)
    m = ws.maps[mid]
    lay = _layout(kind, mid)
    if pid is None:
        return m, lay, [(None, display.build(m, lay, None))]
    p = ws.pathways[pid]
    steps = [None] + list(range(len(p.flyt)))
    return m, lay, [(s, display.build(m, lay, pathway_emphasis(m, p, s))) for s in steps]


@pytest.mark.parametrize("kind,mid,pid", _cases())
def test_no_arrow_over_a_card_and_no_number_over_a_card_or_number(kind, mid, pid):
    m, lay, pictures = _pictures(kind, mid, pid)
    boxes = {sid: c.rect for sid, c in lay.cards.items()}
    assert overlapping_cards(lay) == []
    for step, d in pictures:
        polys, ends = [], {}
        for k, line in enumerate(d.links + d.arrows):
            ends[k] = {f for f, _t, _p in line.arrows} | {t for _f, t, _p in line.arrows}
            polys += [(k, pts) for pts in line.strokes]
            for f, t, pts in line.arrows:
                polys.append((k, pts))
        segments = drawn_segments(polys)
        assert segments or not (d.links or d.arrows)
        assert arrows_over_cards(segments, boxes, ends) == [], (pid, step)
        over_card, over_badge = badge_overlaps(d.badge_circles(), boxes.values())
        assert (over_card, over_badge) == (0, 0), (pid, step)


@pytest.mark.parametrize("kind,mid,pid", [c for c in _cases() if c[2]])
def test_every_step_that_can_be_drawn_has_exactly_one_number(kind, mid, pid):
    ws = _workspace(kind)
    m, lay, pictures = _pictures(kind, mid, pid)
    p = ws.pathways[pid]
    drawable = {rs.index + 1 for rs in resolve_steps(m, p)
                if step_pairs(m, rs) or set(rs.fra) & set(rs.til)}
    for step, d in pictures:
        numbers = [b.number for b in d.badges]
        assert sorted(numbers) == sorted(drawable), (step, numbers)
        # each number sits on an arrow of its own step
        for b in d.badges:
            line = next(a for a in d.arrows if a.number == b.number)
            assert any(_on(b, pts) for pts in line.strokes), b


def _on(b, pts) -> bool:
    return any(min(ax, bx) - 0.01 <= b.x <= max(ax, bx) + 0.01 and min(ay, by) - 0.01 <= b.y <= max(ay, by) + 0.01
               for (ax, ay), (bx, by) in zip(pts, pts[1:]))


@pytest.mark.parametrize("kind,mid,pid", [c for c in _cases() if c[2]])
def test_arrows_leave_and_enter_cards_at_their_borders(kind, mid, pid):
    m, lay, pictures = _pictures(kind, mid, pid)
    _step, d = pictures[0]
    for line in d.arrows:
        for fra, til, pts in line.arrows:
            assert _on_border(lay.cards[fra].rect, pts[0]), (fra, pts[0])
            assert _on_border(lay.cards[til].rect, pts[-1]), (til, pts[-1])
        assert len(line.heads) >= 1


def _on_border(r, p, eps=0.01) -> bool:
    x, y = p
    inside = r.x - eps <= x <= r.right + eps and r.y - eps <= y <= r.bottom + eps
    edge = min(abs(x - r.x), abs(x - r.right), abs(y - r.y), abs(y - r.bottom)) <= eps
    return inside and edge


def test_h9_step_to_itself_is_a_numbered_loop_and_a_self_link_is_a_mark():
    ws = _workspace("h9")
    m = ws.maps["smaavik"]
    lay = _layout("h9", "smaavik")
    d = display.build(m, lay, pathway_emphasis(m, ws.pathways["drofting"]))
    loop = next(a for a in d.arrows if a.number == 2)
    assert loop.loop and loop.arrows[0][0] == loop.arrows[0][1] == "fastlege"
    assert [b.number for b in d.badges].count(2) == 1
    # the loop leaves and enters its own card, and nothing else
    pts = loop.arrows[0][2]
    card = lay.cards["fastlege"].rect
    assert _on_border(card, pts[0]) and _on_border(card, pts[-1]) and len(pts) >= 4
    plain = display.build(m, lay, None)
    assert [mk.owner for mk in plain.marks if mk.kind == "link-mark"] == ["skole"]


def test_the_layout_does_not_depend_on_the_pathway_shown():
    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    lay = _layout("bundled", "eksempelkommune")
    rects = {sid: c.rect for sid, c in lay.cards.items()}
    for p in ws.pathways_for(m):
        d = display.build(m, lay, pathway_emphasis(m, p, 2))
        assert {c.id: c.rect for c in d.cards} == rects
    # and laying out again, in another order of pathways, gives the same picture
    again = layout_map(m, list(reversed(ws.pathways_for(m))))
    assert {sid: c.rect for sid, c in again.cards.items()} == rects


def test_scene_and_poster_draw_the_same_display_list(qtbot, tmp_path, monkeypatch):
    from sammenkart.poster import export_poster, render
    from sammenkart.qt.app import make_app
    from sammenkart.qt.map_scene import MapScene

    make_app()
    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    p = ws.pathways["angst"]
    drawn = []
    original = render.draw_map
    monkeypatch.setattr(render, "draw_map", lambda c, d: (drawn.append(d), original(c, d)))
    result = export_poster(m, tmp_path / "p.pdf", "A2", landscape=True, pathway=p, workspace=ws)
    assert len(drawn) == 1
    scene = MapScene()
    scene.set_content(m, result.plan.layout)
    scene.set_emphasis(pathway_emphasis(m, p))
    assert scene.display == drawn[0]
    assert scene.display.arrows and scene.display.badges
    # the scene's card items show exactly the list's cards
    assert {sid: item.item for sid, item in scene.cards.items()} == {c.id: c for c in drawn[0].cards}


def test_window_scene_draws_the_layouts_display_list(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(load_bundled(), QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.select_map("eksempelkommune")
    before = {sid: c.rect for sid, c in w.current_layout().cards.items()}
    for pid in ("angst", "spisevansker"):
        w.select_pathway(pid)
        w.set_step(3)
        m = w.current_map()
        assert w.scene.display == display.build(m, w.current_layout(),
                                                pathway_emphasis(m, w.workspace.pathways[pid], 3))
        assert {sid: c.rect for sid, c in w.current_layout().cards.items()} == before


@pytest.mark.parametrize("room", [20.0, 40.0, 60.0, 90.0, 140.0])
@pytest.mark.parametrize("lang,text", [
    ("nb", "Spesialisthelsetjenesten"), ("nb", "Tidlig innsats"), ("nb", "Oppfølging og behandling i kommunen"),
    ("nn", "Spesialisthelsetenesta"), ("nn", "Oppfølging og behandling i kommunen"), ("nb", "For alle"),
])
def test_band_labels_never_break_a_word_into_pieces_under_four_letters(room, lang, text):
    lines, _size = fit_label(text, room, 10.0, lang)
    assert "".join(line.replace("-", "") for line in lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        for word in line.split():
            piece = word.rstrip("-")
            assert len(piece) >= min(MIN_PIECE, len(piece)) and (len(piece) >= MIN_PIECE or piece in text.split()), \
                (room, lines)


@pytest.mark.parametrize("kind,mid", [("bundled", "eksempelkommune"), ("bundled", "fjordvik"), ("h9", "smaavik")])
def test_band_labels_on_the_maps_keep_pieces_of_four_letters(kind, mid):
    ws = _workspace(kind)
    m = ws.maps[mid]
    lay = _layout(kind, mid)
    for band in lay.bands:
        words = m.level(band.level_id).navn.split()
        for line in band.label_lines:
            for word in line.split():
                assert word in words or len(word.rstrip("-")) >= MIN_PIECE, band.label_lines


def test_a_small_map_is_drawn_large():
    m = _workspace("h9").maps["smaavik"]
    lay = _layout("h9", "smaavik")
    # four services fill a 1920×1080 screen: the card text is large, not lost in space
    scale = min(1920 / lay.width, 1080 / lay.height)
    assert min(c.font_size for c in lay.cards.values()) * scale >= 40
    assert len(lay.cards) == len(m.tjenester)


@pytest.mark.parametrize("same_level", [False, True])
def test_six_steps_back_and_forth_are_six_numbered_arrows(same_level):
    from sammenkart.model import FlowStep, Map, Pathway, Service

    services = [Service("a", "Skolehelsetjenesten", 1, "kommune"), Service("b", "Fastlegen", 1 if same_level else 0,
                                                                             "fastlege"),
                Service("c", "BUP", 3, "spesialist"), Service("d", "Skolen", 0, "kommune")]
    m = Map("frem-og-tilbake", "Frem og tilbake", services)
    p = Pathway("p", "Seks steg", [FlowStep("a", "b") if i % 2 == 0 else FlowStep("b", "a") for i in range(6)])
    lay = layout_map(m, [p])
    d = display.build(m, lay, pathway_emphasis(m, p))
    assert sorted(b.number for b in d.badges) == [1, 2, 3, 4, 5, 6]
    assert badge_overlaps(d.badge_circles(), [c.rect for c in lay.cards.values()]) == (0, 0)
    paths = [pts for line in d.arrows for _f, _t, pts in line.arrows]
    assert len(set(paths)) == 6  # six separate arrows, none on top of another
