"""Posters that fill the sheet, and say what each numbered step is."""
import pytest

from sammenkart.loader import load_bundled
from sammenkart.poster import export_poster
from sammenkart.poster.export import prepare
from sammenkart.poster.measure import largest_blank_band as _largest_blank_band, overlapping
from sammenkart.poster.pages import PAPERS
from test_poster_data import pdf_text


_WS = load_bundled()


@pytest.mark.parametrize("map_id", ["eksempelkommune", "fjordvik"])
@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("landscape", [False, True])
@pytest.mark.parametrize("pathway", [None, "angst"])
def test_no_blank_band_taller_than_a_tenth_of_the_page(map_id, paper, landscape, pathway):
    m = _WS.maps[map_id]
    p = _WS.pathways[pathway] if pathway else None
    _l, _p, _v, _e, plan = prepare(m, paper, landscape, p, False, _WS.pathways_for(m))
    assert _largest_blank_band(plan) <= 0.10 * plan.pm.height, (map_id, paper, landscape)
    assert not overlapping(plan)
    # the map takes the room it was given: drawn large, its cards where the window's order puts them
    assert plan.map_rect.w * plan.map_rect.h > 0.2 * plan.content.w * plan.content.h or plan.extra_pages == []


def test_a_small_map_fills_an_a0_poster():
    from sammenkart.model import Service, Map

    m = Map("liten", "Liten kommune", [Service(f"s{i}", f"Tjeneste nummer {i}", i % 4, "kommune") for i in range(8)])
    _l, _p, _v, _e, plan = prepare(m, "A0")
    assert _largest_blank_band(plan) <= 0.10 * plan.pm.height
    assert plan.min_font >= 40  # eight services on A0: large type, not a stamp in the corner


def test_pathway_poster_lists_each_numbered_step_and_the_checklist(tmp_path):
    m = _WS.maps["fjordvik"]  # nynorsk
    p = _WS.pathways["angst"]
    out = tmp_path / "angst.pdf"
    export_poster(m, out, "A1", pathway=p, workspace=_WS)
    text = " ".join(pdf_text(out).split())
    assert "Steg for steg" in text
    for i, st in enumerate(p.flyt, start=1):
        names = [s.navn for s in m.resolve(st.til)] or [st.til]
        assert f"{i}." in text and names[0].split()[0] in text
    if p.sjekkliste:
        assert "tilvising" in text.lower()
        for item in p.sjekkliste:
            assert " ".join(item.split()[:3]) in text


def test_step_line_reads_like_a_sentence():
    from sammenkart.poster.steps import step_line

    m = _WS.maps["eksempelkommune"]
    st = _WS.pathways["angst"].flyt[4]
    line = step_line(m, 5, st)
    assert line.startswith("5. ") and " → " in line and " — henvisning: når " in line


def test_a_contact_page_spreads_its_columns_across_the_full_width(tmp_path):
    """Tester 3 item 8: the A2 pathway poster's contact sheet held two narrow columns on its
    left 45 %."""
    from sammenkart.loader import load_bundled
    from sammenkart.poster import export_poster

    ws = load_bundled()
    m = ws.maps["eksempelkommune"]
    result = export_poster(m, tmp_path / "gra.pdf", "A2", pathway="tristhet-depresjon", greyscale=True,
                           workspace=ws)
    plan = result.plan
    for placed in plan.extra_pages:
        xs = sorted({round(p.rect.x, 1) for p in placed})
        right = max(p.rect.right for p in placed)
        assert right >= plan.content.right - 1.0, (right, plan.content)  # the last column reaches the edge
        assert len(xs) >= 2
        tops = [min(p.rect.y for p in placed if round(p.rect.x, 1) == x) for x in xs]
        assert max(tops) - min(tops) < 1.0  # every column starts at the top
    if len(plan.extra_pages) == 1:  # one page: columns of even length, not one full and one stub
        page = plan.extra_pages[0]
        bottoms = [max(p.rect.bottom for p in page if round(p.rect.x, 1) == x)
                   for x in sorted({round(p.rect.x, 1) for p in page})]
        assert max(bottoms) - min(bottoms) < 0.35 * (max(bottoms) - min(p.rect.y for p in page))
        # and not a mostly empty sheet: the type grows (up to the body type) to fill it
        top = min(p.rect.y for p in page)
        assert max(bottoms) - top >= 0.6 * (plan.footer.y - top)
