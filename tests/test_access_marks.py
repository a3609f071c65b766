"""``tilgang`` on the cards: a symbol on every card whose service states it, with a
legend entry, in the display list the window, the poster and the handout draw."""
import math

import pytest
from PySide6.QtCore import QSettings

from sammenkart import display
from sammenkart.i18n import language
from sammenkart.layout.engine import LABEL_FONT, layout_map
from sammenkart.layout.text import text_width
from sammenkart.loader import load_bundled
from sammenkart.overlay import pathway_emphasis
from sammenkart.poster import export_poster
from sammenkart.poster.export import prepare
from sammenkart.style import ACCESS_SYMBOLS, look
from test_poster_data import pdf_text, sample_map


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _access(d):
    return {b.owner: b for b in d.marks if b.kind == "access"}


@pytest.mark.parametrize("mid", ["eksempelkommune", "fjordvik"])
def test_every_card_that_states_tilgang_has_its_symbol_on_its_lower_right_corner(ws, mid):
    m = ws.maps[mid]
    layout = layout_map(m, ws.pathways_for(m))
    marks = _access(display.build(m, layout))
    stated = {s.id: s.tilgang for s in m.tjenester if s.tilgang}
    assert set(marks) == set(stated) and {"direkte", "henvisning"} <= set(stated.values())
    assert any(not s.tilgang for s in m.tjenester)  # the others carry none
    r = look().access_radius
    for sid, mark in marks.items():
        assert mark.text == ACCESS_SYMBOLS[stated[sid]] and mark.r == r
        card = layout.cards[sid]
        rect = card.rect
        # on the outline, at its lower right
        assert mark.x > rect.x + rect.w * 0.8 and mark.y > rect.y + rect.h * 0.6, sid
        # never over the card's name: each line's ink, centred as drawn
        top = rect.y + (rect.h - card.line_height * len(card.lines)) / 2
        for i, line in enumerate(card.lines):
            base = top + i * card.line_height + card.line_height / 2 + card.font_size * 0.36
            half = text_width(line, card.font_size, LABEL_FONT) / 2
            box = (rect.x + rect.w / 2 - half, base - 0.75 * card.font_size,
                   rect.x + rect.w / 2 + half, base + 0.2 * card.font_size)
            nearest = (min(max(mark.x, box[0]), box[2]), min(max(mark.y, box[1]), box[3]))
            assert math.dist(nearest, (mark.x, mark.y)) >= r, (sid, line)


def test_a_dimmed_card_fades_its_symbol_with_its_name(ws):
    m = ws.maps["eksempelkommune"]
    layout = layout_map(m, ws.pathways_for(m))
    d = display.build(m, layout, pathway_emphasis(m, ws.pathway("angst", "nb"), 3))
    states = {c.id: c.state for c in d.cards}
    marks = _access(d)
    dim = [sid for sid in marks if states[sid] == "dim"]
    lit = [sid for sid in marks if states[sid] != "dim"]
    assert dim and lit
    assert {marks[s].opacity for s in dim} == {look().dim_text_opacity}
    assert {marks[s].opacity for s in lit} == {1.0}


def test_the_legend_explains_the_symbols_in_the_language_spoken(ws):
    m = ws.maps["fjordvik"]
    layout = layout_map(m, ws.pathways_for(m))
    d = display.build(m, layout)
    rows = [(e.kind, e.key, e.label, e.symbol) for e in d.legend if e.kind == "access" or e.key == "tilgang"]
    assert rows == [("head", "tilgang", "Tilgang", ""), ("access", "direkte", "Dere kan ta kontakt selv", "☎"),
                    ("access", "henvisning", "Krever henvisning", "✉")]
    with language("nn"):
        labels = [e.label for e in display.build(m, layout).legend if e.kind == "access"]
    assert labels == ["De kan ta kontakt sjølv", "Krev tilvising"]


def test_a_map_that_states_no_tilgang_shows_neither_symbol_nor_legend_entry():
    m = sample_map(contacts=False)
    d = display.build(m, layout_map(m))
    assert not _access(d)
    assert not [e for e in d.legend if e.kind == "access" or e.key == "tilgang"]


def test_the_poster_draws_the_symbols_and_their_legend_from_its_display_list(ws, tmp_path):
    m = ws.maps["fjordvik"]
    _l, _p, _v, _e, plan = prepare(m, "A2", pathway=ws.pathway("angst", "nn"), pathways=ws.pathways_for(m))
    assert set(_access(plan.display)) == {s.id for s in m.tjenester if s.tilgang}
    badges = [op for p in plan.blocks if p.block.kind == "legend" for op in p.block.ops if op[0] == "badge"]
    assert [op[4] for op in badges] == ["☎", "✉"]
    out = tmp_path / "p.pdf"
    export_poster(m, out, "A2", pathway=ws.pathway("angst", "nn"), workspace=ws)
    text = pdf_text(out)
    assert "De kan ta kontakt sjølv" in text and "Krev tilvising" in text  # the map's målform
    n_direct = sum(s.tilgang == "direkte" for s in m.tjenester)
    assert text.count("☎") >= n_direct + 1  # every card and the legend


def test_the_window_scene_and_legend_show_the_symbols(qtbot, tmp_path, ws):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.select_map("eksempelkommune")
    m = w.current_map()
    drawn = {b.owner: b.text for b in w.scene.arrow_layer.badges if b.kind == "access"}
    assert drawn == {s.id: ACCESS_SYMBOLS[s.tilgang] for s in m.tjenester if s.tilgang}
    columns = dict(w.legend.columns)
    assert [(e.symbol, e.label) for e in columns["Tilgang"]] == [("☎", "Dere kan ta kontakt selv"),
                                                                  ("✉", "Krever henvisning")]
    w.select_pathway("angst")
    w.set_step(2)
    assert {b.owner for b in w.scene.arrow_layer.badges if b.kind == "access"} == set(drawn)


def test_the_details_panel_names_the_tilgang_and_marks_an_internal_contact(qtbot, tmp_path, ws):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.select_map("eksempelkommune")
    w.show_details("bup-akutteam")
    text = w.details.browser.toPlainText()
    assert "✉ Krever henvisning" in text
    assert "55 00 30 50" in text and "Intern: bare for fagfolk" in text  # the window still shows it
    w.show_details("fastlege-torget")
    text = w.details.browser.toPlainText()
    assert "☎ Dere kan ta kontakt selv" in text and "Intern" not in text
