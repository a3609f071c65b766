"""The family handout: a pathway in plain sentences for a parent, in the map's
målform, with a small map of the pathway and the services' public contacts, on
as few A4 pages as it needs (and no second page with a few lines on it)."""
import re

import pytest
from pypdf import PdfReader

from sammenkart import paths
from sammenkart.i18n import language
from sammenkart.layout.engine import FONT_SIZE
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.model import FlowStep, Pathway
from sammenkart.plain_language import family_steps, pathway_text, public_contact_lines
from sammenkart.poster import export_handout
from sammenkart.poster.handout_plan import (
    BODY_SIZES, MAP_MIN_FONT, _Content, paginate, plan_handout,
)
from sammenkart.poster.pages import page_size
from sammenkart.public_edition import without_internal_contacts
from sammenkart.style import ACCESS_SYMBOLS
from test_plain_language import BOKMAL_ONLY, JARGON
from test_poster_data import pdf_text, sample_map


def squash(text: str) -> str:
    return " ".join(text.split())


def data_strings(m, pathway) -> list[str]:
    """Text the handout prints as the map writes it: names, levels, contacts, addresses."""
    out = [m.navn, pathway.navn, m.nettside or ""]
    out += [s.navn for s in m.tjenester] + [lv.navn for lv in m.nivaer]
    with language(m.malform):
        out += [line for s in m.tjenester for line in public_contact_lines(s)]
    return sorted((squash(t) for t in out if t), key=len, reverse=True)


def own_words(text: str, m, pathway, plan=None) -> str:
    """The handout's own text: what it prints minus the map's data (longest first), and
    minus the small map's card lines (a name wrapped on its card: text extraction may
    put a neighbouring card's line between its lines)."""
    text = squash(text)
    for d in data_strings(m, pathway):
        text = text.replace(d, " ")
    if plan is not None and plan.display is not None:
        lines = sorted({squash(line) for c in plan.display.cards for line in c.lines if line.strip()}, key=len,
                       reverse=True)
        for line in lines:
            text = text.replace(line, " ")
    return text


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


@pytest.fixture(scope="module")
def handouts(ws, tmp_path_factory):
    """(map, pathway, plan, pdf) for every bundled pathway on both bundled maps and the region."""
    folder = tmp_path_factory.mktemp("brosjyrer")
    region = load_workspace(paths.region_dir())
    out = []
    for w in (ws, region):
        for m in w.maps.values():
            for p in w.pathways_for(m):
                pdf = export_handout(m, p, folder / f"{m.id}-{p.id}.pdf")
                with language(m.malform):
                    plan = plan_handout(without_internal_contacts(m), p)
                out.append((m, p, plan, pdf))
    return out


def test_every_step_is_told_in_whole_sentences_in_the_maps_malform(handouts):
    told = 0
    for m, p, _plan, pdf in handouts:
        text = squash(pdf_text(pdf))
        for t in pathway_text(m, family_steps(m, p)[0]):
            for sentence in t.sentences:
                assert sentence in text, (m.id, p.id, sentence)
                told += 1
    assert told > 200


def test_a_step_to_a_service_the_map_lacks_is_left_out_and_the_rest_numbered_on(tmp_path, capsys):
    # A Fjordvik without Helsestasjon for ungdom (step 2) nor a ward for young people (step 11):
    # a family is not sent there, and reads steps 1 to 10 with the map's numbers to match.
    from editing_helpers import copy_lacking
    from sammenkart.cli import main

    root = copy_lacking(tmp_path, "fjordvik", "helsestasjon-for-ungdom", "ungdomspsykiatrisk-dogn")
    ws = load_workspace(root)
    out = tmp_path / "f.pdf"
    assert main(["export", str(root / "kart" / "fjordvik.yaml"), "--out", str(out), "--forlop", "tristhet-depresjon",
                 "--brosjyre"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"tristhet-depresjon\.nn\.yaml:\d+:\d+: advarsel: steg 2 i forløpet .* er ikke med i brosjyren: "
                     r"Helsestasjon for ungdom \(finnes ikke i kartet\)", err), err
    assert "steg 11 i forløpet" in err
    text = squash(pdf_text(out))
    assert "Helsestasjonen for ungdom" not in text and "døgnavdelinga" not in text
    steps = text[text.index("Steg for steg"):text.index("Kontakt", text.index("Steg for steg"))]
    numbers = [int(n) for n in re.findall(r"(?:^| )(\d+)\. [A-ZÆØÅ]", steps)]
    m, p = ws.maps["fjordvik"], ws.pathway("tristhet-depresjon", "nn")
    assert len(p.flyt) == 12 and numbers == list(range(1, 11)), numbers
    with language(m.malform):
        plan = plan_handout(without_internal_contacts(m), family_steps(m, p)[0])
    assert sorted({b.number for b in plan.display.badges}) == list(range(1, 11))
    # a map with every service keeps every step, with no warning
    assert main(["export", "eksempelkommune", "--out", str(out), "--forlop", "tristhet-depresjon", "--brosjyre"]) == 0
    assert "ikke med i brosjyren" not in capsys.readouterr().err


def test_nb_and_nn_handouts_read_as_written_for_a_parent(ws, tmp_path):
    nb = squash(pdf_text(export_handout(ws.maps["eksempelkommune"], ws.pathway("angst", "nb"), tmp_path / "nb.pdf")))
    assert "Her ser dere hvem i Eksempelkommune som kan hjelpe barnet, og hvordan dere får kontakt." in nb
    assert "Fastlegen kan henvise barnet til BUP. Det betyr at fastlegen ber BUP om å ta imot barnet." in nb
    assert "Dere kan ta kontakt selv" in nb and "Krever henvisning" in nb
    nn = squash(pdf_text(export_handout(ws.maps["fjordvik"], ws.pathway("autisme", "nn"), tmp_path / "nn.pdf")))
    assert "Her ser de kven i Fjordvik kommune som kan hjelpe barnet, og korleis de får kontakt." in nn
    assert "Fastlegen kan tilvise barnet til BUP. Det tyder at fastlegen ber BUP om å ta imot barnet." in nn
    assert "De kan ta kontakt sjølv" in nn and "Krev tilvising" in nn
    assert "Steg for steg" in nn and "Tala på pilene er stega nedanfor." in nn


def test_no_word_of_the_trade_unexplained(handouts):
    checked = 0
    for m, p, plan, pdf in handouts:
        own = own_words(pdf_text(pdf), m, p, plan)
        assert not JARGON.search(own), (m.id, p.id, JARGON.search(own).group(0))
        checked += len(own)
    assert checked > 20000


def test_the_pathways_texts_for_professionals_are_left_out(handouts):
    for m, p, _plan, pdf in handouts:
        text = squash(pdf_text(pdf))
        if p.beskrivelse:
            assert squash(p.beskrivelse)[:60] not in text
        for st in p.flyt:
            if st.nar and len(st.nar) > 30:
                assert squash(st.nar) not in text, (m.id, p.id, st.nar)


def test_a_nynorsk_handout_has_no_bokmal_only_word(handouts):
    nn, nb = set(), set()
    for m, p, plan, pdf in handouts:
        words = {w.lower() for w in re.findall(r"[\wæøåÆØÅ]+", own_words(pdf_text(pdf), m, p, plan))}
        (nn if m.malform == "nn" else nb).update(words)
    assert nn and nn & BOKMAL_ONLY == set(), sorted(nn & BOKMAL_ONLY)
    assert len(nb & BOKMAL_ONLY) > 15  # the list bites on the bokmål handouts


def test_as_few_pages_as_any_setting_gives_and_never_a_nearly_empty_last_page(handouts):
    for m, p, plan, pdf in handouts:
        assert len(PdfReader(pdf).pages) == len(plan.pages) == plan.fewest_pages, (m.id, p.id)
        # no fit of the type and the map, down to the smallest of each, needs fewer pages
        floor = MAP_MIN_FONT / FONT_SIZE if plan.display is not None else 0.0
        with language(m.malform):
            for body in BODY_SIZES:
                c = _Content(without_internal_contacts(m), p, plan.colours, plan.content.w, body,
                             (plan.display, plan.map_extent) if plan.display is not None else None)
                pages = paginate(c.sections(floor), plan.content, c.gap, body * 1.5)
                assert len(pages) >= len(plan.pages), (m.id, p.id, body)
        if len(plan.pages) > 1:
            assert plan.used_height() >= 0.5 * plan.content.h, (m.id, p.id, plan.used_height() / plan.content.h)


def test_a_short_pathway_fits_on_one_page_in_large_type(tmp_path):
    m = sample_map()
    p = Pathway("kort", "Kort forløp", [FlowStep("skolehelsetjeneste", "fastlege", "samarbeid"),
                                        FlowStep("fastlege", "bup")])
    out = export_handout(m, p, tmp_path / "kort.pdf")
    pages = PdfReader(out).pages
    w, h = page_size("A4")
    assert len(pages) == 1
    assert abs(float(pages[0].mediabox.width) - w) < 0.5 and abs(float(pages[0].mediabox.height) - h) < 0.5
    plan = plan_handout(m, p)
    assert plan.fit.body == BODY_SIZES[0] and plan.fit.map_scale * FONT_SIZE >= MAP_MIN_FONT
    text = squash(pdf_text(out))
    assert "side 1 av" not in text  # one page needs no page numbers


def test_the_small_map_draws_the_steps_services_with_numbers_and_tilgang(handouts):
    m, p, plan, _pdf = next(h for h in handouts if h[0].id == "eksempelkommune" and h[1].id == "angst")
    d = plan.display
    on_steps = {s.id for st in p.flyt for ref in (st.fra, st.til) for s in m.resolve(ref)}
    assert {c.id for c in d.cards} == on_steps  # the steps' services, nothing else
    assert sorted({b.number for b in d.badges}) == list(range(1, len(p.flyt) + 1))
    stated = {s.id: ACCESS_SYMBOLS[s.tilgang] for s in m.tjenester if s.id in on_steps and s.tilgang}
    assert {b.owner: b.text for b in d.marks if b.kind == "access"} == stated
    assert plan.fit.map_scale * FONT_SIZE >= MAP_MIN_FONT
    # the key under it explains the symbols and the lines
    key = next(pl.block for page in plan.pages for pl in page if pl.block.kind == "key")
    assert [op[4] for op in key.ops if op[0] == "badge"] == ["☎", "✉"]
    assert {op[4] for op in key.ops if op[0] == "dash"} == {line.dash for line in d.arrows}


def test_a_region_handout_leaves_out_a_map_too_large_for_a4_and_says_the_rest(handouts):
    region = [h for h in handouts if h[0].type == "region"]
    assert region
    left_out = 0
    for m, p, plan, pdf in region:
        if plan.display is None:
            left_out += 1
            assert not [pl for page in plan.pages for pl in page if pl.block.kind in ("map", "key")]
        else:  # a pathway with few services may fit: then its names are no smaller than the floor
            assert plan.fit.map_scale * FONT_SIZE >= MAP_MIN_FONT - 1e-6
        assert "Steg for steg" in pdf_text(pdf)
    assert left_out >= len(region) - 1


def test_greyscale_handout_uses_no_colour(ws, tmp_path):
    out = export_handout(ws.maps["eksempelkommune"], ws.pathway("angst", "nb"), tmp_path / "g.pdf", greyscale=True)
    data = b"".join(p.get_contents().get_data() for p in PdfReader(out).pages)
    colours = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", data)
    assert colours
    for r, g, b in colours:
        assert abs(float(r) - float(g)) < 0.02 and abs(float(g) - float(b)) < 0.02, (r, g, b)


def test_a_long_address_breaks_after_a_slash_or_before_a_dot_and_loses_nothing():
    from sammenkart.layout.text import REGULAR, text_width
    from sammenkart.poster.handout_plan import break_address

    url = "https://www.eksempelkommune.example.no/skole/ungdomsskolen"
    parts = break_address(url, 150, 8)
    assert "".join(parts) == url and len(parts) > 1
    assert all(text_width(p, 8, REGULAR) <= 150 for p in parts)
    # the poster's rule (contacts.address_pieces): after / - _, before . and @
    assert all(a[-1] in "/-_" or b[0] in ".@" for a, b in zip(parts, parts[1:]))
    assert break_address("kort@x.no", 150, 8) == ["kort@x.no"]
    assert "".join(break_address("a" * 80, 100, 8)) == "a" * 80  # no place to cut: anywhere


def test_a_service_without_a_contact_is_named_in_a_warning_and_the_handout_says_whom_to_ask(tmp_path):
    """Tester round 5: the Lyngnes handout listed the school nurse, the mental health service, the
    GP office and the school with no way to reach them, and nobody was warned."""
    from sammenkart.poster.command import main

    out = tmp_path / "lyngnes.pdf"
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main([str(paths.region_dir() / "kart" / "brattfjord.yaml"), "--kommune", "Lyngnes",
                     "--brosjyre", "--forlop", "angst", "--out", str(out)]) == 0
    text = pdf_text(out)
    for name in ("Skulehelsetenesta i Lyngnes", "Lyngnes legekontor", "Lyngnes barne- og ungdomsskule"):
        assert re.search(rf"brattfjord\.yaml:\d+:\d+: \S+: «{re.escape(name)}» ", err.getvalue()), name
    flat = " ".join(text.split())
    # nynorsk, as the region's files: once under each service without a contact
    assert flat.count("Kontaktinformasjon manglar her: spør helsestasjonen eller fastlegen korleis de når tenesta.") \
        >= 3
    # one line on the handout for each service warned about, none for those with a contact
    assert flat.count("Kontaktinformasjon manglar her") == err.getvalue().count("står i brosjyren uten telefon")
