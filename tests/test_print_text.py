"""What users write is what is printed: line breaks, fonts, long text, QR codes,
missing services and writes that never destroy (posters, handouts, summaries)."""
import time
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sammenkart.layout.engine import layout_map
from sammenkart.layout.text import CONDENSED_BOLD, MAX_WORD_CHARS, wrap, wrap_lines
from sammenkart.loader import load_workspace
from sammenkart.model import Contact, FlowStep, Map, Pathway, Service, Source
from sammenkart.poster import export_handout, export_poster
from sammenkart.poster import command
from sammenkart.poster.composition import plan_poster
from sammenkart.poster.export import prepare
from sammenkart.printable import printable
from sammenkart.session.controller import Session
from sammenkart.session.export_md import export_markdown, render
from sammenkart.session.export_pdf import export_pdf
from sammenkart.session.summary import summarize
from sammenkart.style import palette
from sammenkart.textsearch import matches

DATA = Path(__file__).parent / "data"
H7 = DATA / "h7"


def pdf_lines(path) -> list[str]:
    return [line.strip() for page in PdfReader(str(path)).pages for line in page.extract_text().splitlines()]


def h7():
    ws = load_workspace(H7)
    return ws, ws.maps["smaavik"], ws.pathways["skolevegring"], ws.cases["skolevegring"]


# --- line breaks of | blocks ---------------------------------------------------------------

def test_literal_block_keeps_its_lines_in_the_handout(tmp_path):
    # The family handout prints no pathway text written for professionals (h7's | block is
    # the pathway's introduction); what it prints of the data keeps its lines: an address.
    _ws, m, p, _c = h7()
    m.service("skolehelsetjeneste").kontakt = Contact(telefon="22 33 44 55", adresse="Småvik skole\nRom 12, 2. etasje\n")
    out = export_handout(m, p, tmp_path / "brosjyre.pdf")
    lines = pdf_lines(out)
    for written in ("Småvik skole", "Rom 12, 2. etasje", "Tlf. 22 33 44 55"):
        assert written in lines, (written, lines)
    assert "Eleven er ofte borte på mandager." not in lines


def test_wrap_lines_keeps_breaks_and_folded_text_flows():
    text = "Tre tegn:\nEleven er ofte borte.\n\nNytt avsnitt som er langt nok til å brytes over flere linjer her\n"
    lines = wrap_lines(text, 200, 10)
    assert lines[:3] == ["Tre tegn:", "Eleven er ofte borte.", ""]
    assert len(lines) > 4 and " ".join(lines[3:]) == "Nytt avsnitt som er langt nok til å brytes over flere linjer her"
    # a > block arrives folded (one line): it flows like any text
    assert wrap("Fraværet fortsetter og eleven sier lite.", 1000, 10) == ["Fraværet fortsetter og eleven sier lite."]


def _h7_session(tmp_path):
    _ws, m, _p, case = h7()
    s = Session(case, m, path=tmp_path / "okt.json")
    s.set_note("muligheter", "Møte med mor\nMøte med eleven")
    return s


def test_literal_block_keeps_its_lines_in_the_markdown_summary(tmp_path):
    s = _h7_session(tmp_path)
    md = render(summarize(s.case, s.map, s.state), facilitator_copy=True)
    lines = md.splitlines()
    for written in ("Spør gruppen:", "Hvem ringer hjem?", "Hvem snakker med eleven?", "Møte med mor", "Møte med eleven"):
        # its own line, ending in a hard break where another line follows, so it renders as a line too
        assert any(line.removeprefix("> ").rstrip() == written for line in lines), (written, md)
    assert "> Spør gruppen:  \n> Hvem ringer hjem?  \n> Hvem snakker med eleven?\n" in md
    out = export_markdown(s.case, s.map, s.state, tmp_path / "referat.md", facilitator_copy=True)
    assert out.read_text(encoding="utf-8") == md


def test_literal_block_keeps_its_lines_in_the_pdf_summary(tmp_path):
    s = _h7_session(tmp_path)
    lines = pdf_lines(export_pdf(s.case, s.map, s.state, tmp_path / "referat.pdf", facilitator_copy=True))
    for written in ("Hvem ringer hjem?", "Hvem snakker med eleven?", "Møte med mor", "Møte med eleven"):
        assert written in lines, (written, lines)


def test_markdown_summary_shows_markup_literally():
    from sammenkart.session.export_md import _md, md_lines

    assert _md("Barn & unge <b>fet</b> ~~x~~ ![bilde](x.png) &amp;") == \
        "Barn \\& unge \\<b\\>fet\\</b\\> \\~\\~x\\~\\~ \\!\\[bilde\\](x.png) \\&amp;"
    assert md_lines("1. Samtale\n- liste\n= linje", "> ") == ["> 1\\. Samtale  ", "> \\- liste  ", "> \\= linje"]


# --- fonts ----------------------------------------------------------------------------------

NORDIC = "æøå ÆØÅ áčđŋšŧž ÁČĐŊŠŦŽ"


def _font_map(tmp_path):
    phone_src = Source(str(tmp_path / "kart" / "fontvik.yaml"), 7, 5)
    return Map(id="fontvik", navn="Fontvik – Kárášjohka", source=Source(str(tmp_path / "kart" / "fontvik.yaml")),
               tjenester=[
                   Service("skole", f"Skole {NORDIC}", 0, "kommune", kontakt=Contact(telefon="📞 22 33 44 55"),
                           source=phone_src),
                   Service("bup", "BUP", 3, "spesialist"),
               ])


def test_sami_and_norwegian_letters_print_and_an_emoji_is_left_out_with_a_warning(tmp_path):
    m = _font_map(tmp_path)
    result = export_poster(m, tmp_path / "p.pdf", "A3")
    text = "\n".join(pdf_lines(result.path))
    for word in NORDIC.split():
        assert word in text
    assert "Kárášjohka" in text
    assert "📞" not in text and "22 33 44 55" in text
    warned = [str(p) for p in result.problems]
    assert any(w.startswith(f"{tmp_path / 'kart' / 'fontvik.yaml'}:7:5: advarsel:") and "U+1F4DE" in w
               for w in warned), warned


def test_decomposed_text_prints_composed(tmp_path):
    m = _font_map(tmp_path)
    m.navn = unicodedata.normalize("NFD", m.navn)
    text = "\n".join(pdf_lines(export_poster(m, tmp_path / "p.pdf", "A4").path))
    assert "Kárášjohka" in unicodedata.normalize("NFC", text)
    assert "\u0301" not in text  # no loose accent printed beside its letter


def test_font_warning_reaches_the_command_line(tmp_path, capsys):
    (tmp_path / "kart").mkdir()
    f = tmp_path / "kart" / "liten.yaml"
    f.write_text("sammenkart: 1\nid: liten\nnavn: Liten kommune\ntjenester:\n"
                 "  - id: skole\n    navn: Skolen\n    niva: 0\n    sektor: kommune\n"
                 "    kontakt:\n      telefon: \"📞 22 33 44 55\"\n", encoding="utf-8")
    assert command.main([str(f), "--out", str(tmp_path / "p.pdf"), "--papir", "A4"]) == 0
    err = capsys.readouterr().err
    assert f"{f}:5:5: advarsel:" in err and "U+1F4DE" in err, err


def test_handout_and_summary_leave_out_what_the_fonts_lack(tmp_path):
    _ws, m, p, case = h7()
    m.tjenester[0].kontakt = Contact(telefon="☎ 📞 22 33 44 55")
    problems = []
    out = export_handout(m, p, tmp_path / "b.pdf", problems=problems)
    text = "\n".join(pdf_lines(out))
    assert "☎ 22 33 44 55" in text and "📞" not in text
    assert any("U+1F4DE" in str(x) and ":5:5:" in str(x) for x in problems), problems
    s = Session(case, m, path=tmp_path / "okt.json")
    s.set_note("fritekst", "Ring 📞 mor")
    problems = []
    text = "\n".join(pdf_lines(export_pdf(s.case, s.map, s.state, tmp_path / "s.pdf", problems=problems)))
    assert "Ring mor" in text
    assert any("U+1F4DE" in str(x) and "skolevegring.yaml:7:5" in str(x) for x in problems), problems


def test_clean_objects_are_returned_unchanged():
    ws, m, p, case = h7()
    problems = []
    assert printable(m, problems) is m and printable(p, problems) is p and printable(case, problems) is case
    assert problems == []


# --- long text ------------------------------------------------------------------------------

def test_wrap_is_linear_and_cuts_an_endless_word():
    word = "a" * 20000
    t0 = time.perf_counter()
    lines = wrap(word, 122.6, 12.0, CONDENSED_BOLD)
    long_text = " ".join(f"ord{i}" for i in range(20000))
    many = wrap(long_text, 122.6, 12.0, CONDENSED_BOLD)
    assert time.perf_counter() - t0 < 5  # generous: was 47 s for the word alone
    assert lines[-1].endswith("…") and sum(len(x.rstrip("-…")) for x in lines) == MAX_WORD_CHARS
    assert " ".join(many).split() == long_text.split()


def test_compound_words_still_split_before_their_last_part():
    assert wrap("Habiliteringstjenesten", 100, 12.0, CONDENSED_BOLD) == ["Habiliterings-", "tjenesten"]
    assert wrap("Barne-og-ungdomspsykiatrisk", 90, 12.0, CONDENSED_BOLD)[0].endswith("-")


def _word_breaks(lines):
    """(word, place) of every break the wrap put inside a word (a line ending in an added hyphen)."""
    out = []
    for a, b in zip(lines, lines[1:]):
        if a.endswith("-") and not a.endswith(" -") and b:
            head, tail = a.split()[-1][:-1], b.split()[0]
            out.append((head + tail, len(head)))
    return out


def test_a_word_without_a_known_last_part_breaks_at_a_hyphenation_point():
    from sammenkart.layout.text import hyphenation_points

    # "Støttetilb-|od" on the region map: now before the compound's last part, or else
    # at a point of the dictionary (pyphen, nb and nn), never between any two letters
    assert wrap("Støttetilbod frå frivillige", 60, 12.0, CONDENSED_BOLD)[:2] == ["Støtte-", "tilbod frå"]
    for lang in ("nb", "nn"):
        lines = wrap("Ungdomsklubbane", 62, 12.0, CONDENSED_BOLD, lang=lang)
        assert len(lines) == 2 and lines[0].endswith("-")
        for word, place in _word_breaks(lines):
            assert place in hyphenation_points(word, lang), (lines, hyphenation_points(word, lang))


def test_every_card_of_the_bundled_maps_breaks_its_words_at_sensible_places():
    """Every break inside a word on a card (every map, a region in all its views) is
    after a hyphen of its own, before a known last part, or at a hyphenation point."""
    from sammenkart import paths, regional
    from sammenkart.layout.engine import card_lines
    from sammenkart.layout.text import _COMPOUND_PARTS, hyphenation_points
    from sammenkart.loader import load_bundled

    maps = list(load_bundled().maps.values()) + list(load_workspace(paths.region_dir()).maps.values())
    shown = []
    for m in maps:
        shown.append(m)
        if m.type == "region":
            shown += [regional.regional_view(m).map] + [regional.municipality_map(m, k) for k in regional.municipalities(m)]
    breaks = 0
    for m in shown:
        for s in m.tjenester:
            for word, place in _word_breaks(card_lines(s, lang=m.malform)):
                breaks += 1
                sensible = (word.lower().startswith(_COMPOUND_PARTS, place)
                            or place in hyphenation_points(word, m.malform))
                assert sensible, (m.id, s.navn, word[:place] + "-|" + word[place:])
    assert breaks > 10  # the rule was tried on real names


def test_a_long_name_stays_inside_its_card_and_is_warned(tmp_path):
    m = Map(id="lang", navn="Kommune " + "navn " * 1000, source=Source("kart/lang.yaml"), tjenester=[
        Service("skole", "Skole " + "x" * 5000, 0, "kommune", source=Source("kart/lang.yaml", 5, 5)),
        Service("bup", "Barne- og ungdomspsykiatrisk " * 200, 3, "spesialist", source=Source("kart/lang.yaml", 9, 5)),
    ])
    lay = layout_map(m)
    for card in lay.cards.values():
        assert len(card.lines) <= 8 and card.lines[-1].endswith("…")
        assert card.rect.h < 200
    _layout, _pal, _v, _em, plan = prepare(m, "A4")
    assert plan.scale > 0 and plan.map_rect.w > 0 and plan.map_rect.h > 0
    assert len(plan.title_lines) <= 4
    assert all("-" not in w.split("pt")[0] for w in plan.warnings)  # no negative sizes
    warned = [str(p) for p in plan.problems]
    assert any(w.startswith("kart/lang.yaml:5:5:") and "forkortet" in w for w in warned), warned
    assert any(w.startswith("kart/lang.yaml:1:1:") and "navn" in w for w in warned), warned


# --- QR code --------------------------------------------------------------------------------

def test_an_address_too_long_for_a_qr_code_leaves_it_out_with_a_warning(tmp_path):
    m = Map(id="qr", navn="QR-vik", nettside="https://example.no/" + "x" * 2300, source=Source("kart/qr.yaml"),
            tjenester=[Service("skole", "Skole", 0, "kommune")])
    result = export_poster(m, tmp_path / "p.pdf", "A4")
    assert result.plan.qr_rect is None
    assert any("QR" in str(p) and str(p).startswith("kart/qr.yaml:1:1:") for p in result.problems)
    m.nettside = "https://example.no/kart"
    assert export_poster(m, tmp_path / "p.pdf", "A4").plan.qr_rect is not None


# --- steps without an arrow -----------------------------------------------------------------

def test_a_step_to_a_missing_service_keeps_its_number_on_the_poster(tmp_path):
    _ws, m, p, _c = h7()
    p = Pathway("skolevegring", p.navn, [FlowStep("skole", "skolehelsetjeneste"),
                                         FlowStep("skolehelsetjeneste", "bup-dogn"),
                                         FlowStep("fastlege", "fastlege")])
    text = " ".join(pdf_lines(export_poster(m, tmp_path / "p.pdf", "A3", pathway=p).path))
    # every step is in the poster's step list with its number; a missing service by its role's name
    assert "2. Helsesykepleier på skolen → Ungdomspsykiatrisk døgnavdeling (finnes ikke i kartet)" in text
    assert "3. Småvik legekontor → Småvik legekontor" in text  # drawn as a loop on its card
    assert "1. Småvik skole → Helsesykepleier på skolen" in text
    assert "bup-dogn" not in text  # names, never ids


# --- writes never destroy -------------------------------------------------------------------

@pytest.mark.parametrize("extra", [[], ["--flis", "A4"], ["--brosjyre", "--forlop", "skolevegring"]])
def test_a_failed_export_leaves_the_old_file_as_it_was(tmp_path, monkeypatch, capsys, extra):
    out = tmp_path / "plakat.pdf"
    out.write_bytes(b"%PDF-1.4 the poster from last week\n")
    before = out.read_bytes()

    def broken(*_a, **_k):
        raise RuntimeError("tegningen feilet")

    monkeypatch.setattr("sammenkart.poster.render.draw_map", broken)
    monkeypatch.setattr("sammenkart.poster.handout.draw_block", broken)
    assert command.main([str(H7 / "kart" / "smaavik.yaml"), "--out", str(out), *extra]) == 1
    err = capsys.readouterr().err
    assert "tegningen feilet" in err and "Traceback" not in err
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plakat.pdf"]


def test_session_pdf_failure_keeps_the_old_file(tmp_path, monkeypatch):
    s = _h7_session(tmp_path)
    out = tmp_path / "referat.pdf"
    out.write_bytes(b"old")
    monkeypatch.setattr("sammenkart.session.export_pdf.story", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        export_pdf(s.case, s.map, s.state, out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name != "okt.json"] == ["referat.pdf"]


# --- search ---------------------------------------------------------------------------------

def test_search_matches_composed_and_decomposed_text_both_ways():
    nfc, nfd = "Kárášjohka", unicodedata.normalize("NFD", "Kárášjohka")
    assert nfc != nfd
    for stored, typed in ((nfd, nfc), (nfc, nfd), (nfd, "kárášJOHKA"), (nfc, unicodedata.normalize("NFD", "kárá"))):
        m = Map(id="k", navn="K", tjenester=[Service("t", f"{stored} helsestasjon", 0, "kommune"),
                                            Service("u", "Annen tjeneste", 0, "kommune")])
        assert [s.id for s in matches(m, typed)] == ["t"], (stored, typed)


def test_plan_poster_never_gives_the_map_a_negative_size():
    m = Map(id="t", navn="Tittel " * 2000, tjenester=[Service("s", "S", 0, "kommune")])
    plan = plan_poster(m, layout_map(m), palette(), "A4")
    assert plan.scale > 0 and len(plan.title_lines) <= 4


def test_soft_hyphens_go_only_where_a_long_word_may_break():
    from sammenkart.layout.text import SOFT_HYPHEN, hyphenation_points, soft_hyphenated

    name = "Habiliteringstenesta for barn og unge (HABU)"
    marked = soft_hyphenated(name, "nn")
    assert marked.replace(SOFT_HYPHEN, "") == name  # nothing else changes
    first = marked.split(" ")[0]
    places = [i - k for k, i in enumerate(j for j, ch in enumerate(first) if ch == SOFT_HYPHEN)]
    assert places and set(places) <= set(hyphenation_points("Habiliteringstenesta", "nn"))
    assert all(SOFT_HYPHEN not in w for w in marked.split(" ")[1:])  # short words stay whole
