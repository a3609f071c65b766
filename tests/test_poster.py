"""The poster PDF: paper sizes, every service legible and inside the margins, text as written."""
import re

import pytest
from pypdf import PdfReader

from sammenkart.layout.text import REGULAR, text_width
from sammenkart.poster import export_poster
from sammenkart.poster.export import prepare
from sammenkart.poster.pages import MIN_FONT_PT, PAPERS, page_size
from test_poster_data import SERVICES, pdf_text, sample_map, sample_pathway


def squash(text: str) -> str:
    # Names may wrap (and long words break with a hyphen): compare without spaces and hyphens.
    return re.sub(r"[\s\-]+", "", text)


def test_a0_portrait_is_exact_iso_size(tmp_path):
    out = tmp_path / "a0.pdf"
    export_poster(sample_map(), out, "A0")
    box = PdfReader(out).pages[0].mediabox
    assert abs(float(box.width) - 2384) <= 1 and abs(float(box.height) - 3370) <= 1


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("landscape", [False, True])
def test_every_paper_and_orientation_has_its_size(tmp_path, paper, landscape):
    out = tmp_path / "p.pdf"
    export_poster(sample_map(), out, paper, landscape=landscape)
    w, h = page_size(paper, landscape)
    for page in PdfReader(out).pages:
        assert abs(float(page.mediabox.width) - w) < 0.5 and abs(float(page.mediabox.height) - h) < 0.5
    assert (w > h) == landscape


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("landscape", [False, True])
@pytest.mark.parametrize("with_pathway", [False, True])
def test_cards_and_furniture_never_overlap_or_cross_margins(paper, landscape, with_pathway):
    # With the pathway also a long web address, which must wrap beside the QR code.
    m = sample_map(nettside="https://www.example.no/" + "en-lang-adresse/" * 8 if with_pathway else
                   "https://www.example.no/")
    layout, _pal, _v, _em, plan = prepare(m, paper, landscape, sample_pathway() if with_pathway else None)
    rects = plan.card_rects(layout)
    assert set(rects) == {s.id for s in m.tjenester}
    items = list(rects.items())
    for i, (a, ra) in enumerate(items):
        assert plan.content.contains(ra), (a, ra, plan.content)
        for b, rb in items[i + 1:]:
            assert not ra.intersects(rb), (a, b)
    assert plan.content.contains(plan.map_rect)
    text_room = plan.footer.w - (plan.qr_rect.w if plan.qr_rect else 0)
    for line in plan.footer_lines:  # the footer's text never runs under the QR code
        assert text_width(line, plan.pm.footer_size, REGULAR) <= text_room
    others = [plan.header, plan.footer] + [p.rect for p in plan.blocks]
    for i, r in enumerate(others):
        assert plan.content.contains(r), r
        assert not r.intersects(plan.map_rect), r
        for r2 in others[i + 1:]:
            assert not r.intersects(r2), (r, r2)


@pytest.mark.parametrize("paper", ["A0", "A1"])
def test_map_type_is_legible_on_posters(paper):
    _l, _p, _v, _e, plan = prepare(sample_map(), paper)
    assert plan.min_font >= MIN_FONT_PT[paper]
    assert not plan.warnings


def test_too_many_services_for_the_paper_gives_a_warning():
    m = sample_map()
    base = list(m.tjenester)
    for i in range(12):  # about 280 services will not be legible on A4
        for s in base:
            m.tjenester.append(type(s)(id=f"{s.id}-{i}", navn=f"{s.navn} {i}", niva=s.niva, sektor=s.sektor))
    _l, _p, _v, _e, plan = prepare(m, "A4")
    assert plan.min_font < MIN_FONT_PT["A4"]
    assert plan.warnings and "A4" in plan.warnings[0]


def test_every_service_name_is_in_the_text(tmp_path):
    out = tmp_path / "p.pdf"
    export_poster(sample_map(contacts=False), out, "A1")  # names only on the cards
    text = squash(pdf_text(out))
    for _id, navn, *_rest in SERVICES:
        assert squash(navn) in text, navn


def test_markup_and_sami_letters_print_as_written(tmp_path):
    out = tmp_path / "p.pdf"
    export_poster(sample_map(), out, "A2")
    text = pdf_text(out)
    assert "Barn & unge <13>" in text
    for ch in "æøåÆØÅ":
        if ch in "".join(s[1] for s in SERVICES) + sample_map().navn:
            assert ch in text, ch
    for ch in "áčđŋšŧžČĐŊŠŦŽ":  # all in the Sámi service's name
        assert ch in text, ch


def test_fonts_are_embedded(tmp_path):
    out = tmp_path / "p.pdf"
    export_poster(sample_map(), out, "A3")
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        desc = font.get("/FontDescriptor")
        if desc is None:  # a composite font keeps it in its descendant
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in desc.get_object(), font.get("/BaseFont")


def test_title_subtitle_footer_and_contacts(tmp_path):
    out = tmp_path / "p.pdf"
    m = sample_map()
    export_poster(m, out, "A1", pathway=sample_pathway())
    text = " ".join(pdf_text(out).split())
    assert m.navn in text
    assert "Angst" in text
    assert "1. november 2026" in text
    from sammenkart import __version__

    assert __version__ in text
    assert "53 00 10 00" in text and "https://www.example.no/fastlege" in text


def _rect_ops(path) -> int:
    return sum(len(re.findall(rb" re\b", p.get_contents().get_data())) for p in PdfReader(path).pages)


def test_qr_code_only_with_a_website(tmp_path):
    with_qr, without = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_poster(sample_map(), with_qr, "A3")
    export_poster(sample_map(nettside=None), without, "A3")
    assert _rect_ops(with_qr) - _rect_ops(without) > 50  # the QR modules
    assert "https://www.example.no/sammenkart" in pdf_text(with_qr)


def test_pathway_numbers_its_steps(tmp_path):
    out = tmp_path / "p.pdf"
    export_poster(sample_map(contacts=False), out, "A2", pathway=sample_pathway())
    words = pdf_text(out).split()
    for n in ("1", "2", "3", "4"):
        assert n in words


def test_greyscale_uses_no_colour(tmp_path):
    out = tmp_path / "g.pdf"
    m = sample_map()
    m.nivaer[0].farge = "#1b9e77"  # a level's own colour must not survive grey-scale
    export_poster(m, out, "A3", pathway=sample_pathway(), greyscale=True)
    data = b"".join(p.get_contents().get_data() for p in PdfReader(out).pages)
    colours = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", data)
    assert colours
    for r, g, b in colours:
        assert abs(float(r) - float(g)) < 0.02 and abs(float(g) - float(b)) < 0.02, (r, g, b)


def test_contacts_that_do_not_fit_go_to_extra_pages(tmp_path):
    m = sample_map()
    base = list(m.tjenester)
    for i in range(4):
        for s in base:
            m.tjenester.append(type(s)(id=f"{s.id}-{i}", navn=f"{s.navn} {i}", niva=s.niva, sektor=s.sektor,
                                       kontakt=s.kontakt))
    out = tmp_path / "p.pdf"
    result = export_poster(m, out, "A4")
    assert result.pages == len(PdfReader(out).pages) > 1
    plan = result.plan
    below_subtitle = plan.content.y + plan.pm.title_size * 1.2 * len(plan.title_lines) + plan.pm.subtitle_size
    for placed in plan.extra_pages:
        rects = [p.rect for p in placed]
        for i, r in enumerate(rects):
            assert plan.content.contains(r) and r.y > below_subtitle and not r.intersects(plan.footer)
            assert not any(r.intersects(r2) for r2 in rects[i + 1:])
    text = squash(pdf_text(out))
    for s in m.tjenester:
        assert squash(s.navn) in text


def test_legend_lists_only_levels_and_sectors_in_use():
    from sammenkart.style import sector_label

    m = sample_map(contacts=False)
    m.tjenester = [s for s in m.tjenester if s.niva != 2 and s.sektor != "stat"]
    _l, _p, _v, _e, plan = prepare(m, "A2")
    legends = [p.block for p in plan.blocks if p.block.kind == "legend"]
    assert len(legends) == 1
    words = " ".join(op[3] for op in legends[0].ops if op[0] == "text")
    assert "For alle" in words and "Spesialisthelsetjenesten" in words
    assert "Oppfølging og behandling i kommunen" not in words  # level 2 has no service now
    assert sector_label("frivillig") in words
    assert sector_label("stat") not in words
    # one swatch per level in use, one outline per sector in use
    assert sum(op[0] == "swatch" for op in legends[0].ops) == len({s.niva for s in m.tjenester})
    assert sum(op[0] == "shape" for op in legends[0].ops) == len({s.sektor for s in m.tjenester})


def test_a_card_placed_outside_the_layout_bounds_still_stays_inside_the_margins():
    from dataclasses import replace

    from sammenkart.layout.geometry import Rect
    from sammenkart.poster.composition import plan_poster

    m = sample_map()
    layout, pal, variant, em, _plan = prepare(m, "A2")
    card = layout.cards["bup"]
    layout.cards["bup"] = replace(card, rect=Rect(-300.0, -120.0, card.rect.w, card.rect.h))
    plan = plan_poster(m, layout, pal, "A2", False, None, em, variant)
    for r in plan.card_rects(layout).values():
        assert plan.content.contains(r)
        assert not r.intersects(plan.header)
