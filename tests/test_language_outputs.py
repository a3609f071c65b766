"""Files and command-line messages in the right language (issue 17).

A nynorsk map's poster, handout, revision report and case summary speak
nynorsk whatever the messages speak; English labels only when English is
asked for (``--sprak en`` on an export command, or an English window:
test_qt_language.py), and then the map's own text stays as written, quoted
on its own. The
command line speaks ``--sprak`` (argparse's and the OS's texts too). Real
catalogues: these tests read what a user reads.
"""
from __future__ import annotations

import datetime as dt

import pytest

from sammenkart import i18n
from sammenkart.cli import main
from sammenkart.loader import load_bundled
from sammenkart.poster import export_handout, export_poster
from sammenkart.revision_pdf import write_pdf
from sammenkart.revision_report import build_report, to_markdown
from sammenkart.session.controller import Session
from sammenkart.session.export_md import export_markdown
from sammenkart.session.export_pdf import export_pdf

from language_words import BOKMAL_ONLY, NORWEGIAN, words
from test_poster_data import pdf_text

TODAY = dt.date(2026, 11, 30)


def nn(text: str) -> str:
    got = i18n.translated("nn", None, text)
    assert got, f"«{text}» has no nynorsk translation in resources/translations"
    return got


def en(text: str) -> str:
    got = i18n.translated("en", None, text)
    assert got, f"«{text}» has no English translation in resources/translations"
    return got


@pytest.fixture
def interface(monkeypatch):
    """Set the interface language for a test; conftest puts it back afterwards."""
    return i18n.set_language


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_nynorsk_maps_poster_and_handout_are_nynorsk_in_any_interface_language(ws, tmp_path, interface, lang):
    interface(lang)
    fj = ws.maps["fjordvik"]
    p = ws.pathway("oppmerksomhet-uro", "nn")
    export_poster(fj, tmp_path / "p.pdf", "A3", landscape=True, pathway=p)
    poster = pdf_text(tmp_path / "p.pdf")
    handout = pdf_text(export_handout(fj, p, tmp_path / "h.pdf"))
    assert nn("Sektorer") in poster and nn("Nivåer") in poster
    assert not words(poster) & BOKMAL_ONLY, sorted(words(poster) & BOKMAL_ONLY)
    assert not words(handout) & BOKMAL_ONLY, sorted(words(handout) & BOKMAL_ONLY)
    assert i18n.current_language() == lang  # the interface is left as it was


def test_a_nynorsk_maps_revision_report_is_nynorsk(ws, tmp_path, interface):
    interface("en")
    rep = build_report(ws, ws.maps["fjordvik"], TODAY)
    md = to_markdown([rep])
    text = pdf_text(write_pdf([rep], tmp_path / "r.pdf"))
    assert not words(md) & BOKMAL_ONLY, sorted(words(md) & BOKMAL_ONLY)
    assert not words(text) & BOKMAL_ONLY, sorted(words(text) & BOKMAL_ONLY)


def test_a_case_summary_is_exported_in_the_maps_malform(ws, tmp_path, interface):
    interface("en")
    case = next(c for c in ws.cases.values() if c.malform == "nn")
    s = Session(case, ws.maps["fjordvik"], path=tmp_path / "okt.json")
    s.toggle_mark(s.map.tjenester[0].id)
    s.reveal()
    md = export_markdown(s.case, s.map, s.state, tmp_path / "k.md").read_text(encoding="utf-8")
    pdf = pdf_text(export_pdf(s.case, s.map, s.state, tmp_path / "k.pdf"))
    for text in (md, pdf):
        assert nn("Teamets valg") in text
        assert not words(text) & BOKMAL_ONLY, sorted(words(text) & BOKMAL_ONLY)


def test_export_with_sprak_en_gives_english_labels(tmp_path, capsys, interface):
    out = tmp_path / "p.pdf"
    assert main(["--sprak", "en", "export", "fjordvik", "--out", str(out), "--papir", "A3"]) == 0
    text = pdf_text(out)
    assert en("Sektorer") in text and nn("Sektorer") not in text and "Sektorer" not in text
    assert i18n.output_language("nn") == "en"
    # without --sprak the same command prints the map's målform
    assert main(["export", "fjordvik", "--out", str(out), "--papir", "A3"]) == 0
    assert nn("Sektorer") in pdf_text(out) and i18n.output_language("nn") == "nn"


def test_revisjon_with_sprak_en_gives_an_english_report(tmp_path, capsys, interface):
    from sammenkart import paths

    out = tmp_path / "r.md"
    assert main(["--sprak", "en", "revisjon", str(paths.kart_dir().parent), "--kart", "fjordvik",
                 "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert en("Revisjonsrapport – {navn}").format(navn="Fjordvik kommune") in text
    assert "Revisjonsrapport" not in text


def test_validate_with_sprak_nn_speaks_nynorsk(tmp_path, capsys, interface):
    f = tmp_path / "liten.yaml"
    f.write_text("sammenkart: 1\nid: liten\nnavn: Liten\ntjenester:\n"
                 "  - id: skole\n    navn: Skole\n    niva: 0\n    sektor: privat\n", encoding="utf-8")
    assert main(["--sprak", "nn", "validate", str(f)]) == 1
    captured = capsys.readouterr()
    assert "1 kart, 0 forløp, 0 kasus sjekka: 1 feil, 1 åtvaring" in captured.err
    assert "blir ikkje vist i kartet før feilen over er retta" in captured.out
    assert not words(captured.out + captured.err) & (BOKMAL_ONLY - {"ikke"} | {"sjekket", "være"})


def test_argparse_and_os_errors_speak_the_language(tmp_path, capsys, interface):
    with pytest.raises(SystemExit) as exc:
        main(["--sprak", "nn", "validate", "--ukjent"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(nn("usage: ")) and "usage:" not in err
    assert nn("unrecognized arguments: %s") % "--ukjent" in err
    with pytest.raises(SystemExit):
        main(["--sprak", "en", "validate", "--ukjent"])
    assert capsys.readouterr().err.startswith("usage: ")

    from sammenkart.os_errors import describe

    interface("nn")
    assert describe(FileNotFoundError(2, "No such file or directory")) == nn("finnes ikke")
    interface("en")
    assert describe(FileNotFoundError(2, "No such file or directory")) == en("finnes ikke")


def test_sprak_en_help_has_no_norwegian(capsys, interface):
    with pytest.raises(SystemExit):
        main(["--sprak", "en", "--help"])
    out = capsys.readouterr().out
    assert not words(out) & NORWEGIAN - {"Steg"}, sorted(words(out) & NORWEGIAN)


# -- one rule for files (tester round 2): the map's målform; English labels when asked; the map's
# sentences never spliced into an English one; dates as each language writes them
def flat(text: str) -> str:
    return " ".join(text.split())


def test_an_english_poster_keeps_the_maps_sentences_apart_and_writes_english_dates(tmp_path, capsys, interface):
    out = tmp_path / "p.pdf"
    assert main(["--sprak", "en", "export", "fjordvik", "--forlop", "angst", "--out", str(out), "--papir", "A3"]) == 0
    text = flat(pdf_text(out))
    assert "condition: “Plagene har vart i over fire veker" in text  # as written, capital P, quoted
    assert "when plagene" not in text and "when Plagene" not in text
    assert "Updated 15 October 2026" in text and "15. October" not in text
    assert "Poster written to" in capsys.readouterr().out
    # the same poster in the map's målform: one nynorsk sentence, the date the nynorsk way
    assert main(["export", "fjordvik", "--forlop", "angst", "--out", str(out), "--papir", "A3"]) == 0
    text = flat(pdf_text(out))
    assert "når plagene har vart i over fire veker" in text and "vilkår" not in text
    assert nn("Oppdatert {dato}").format(dato="15. oktober 2026") in text


def test_an_english_handout_writes_english_dates(ws, tmp_path, interface):
    i18n.set_output_language("en")
    text = flat(pdf_text(export_handout(ws.maps["fjordvik"], ws.pathway("angst", "nn"), tmp_path / "h.pdf")))
    assert "updated 15 October 2026" in text and "15. October" not in text


def test_sprak_nn_on_a_bokmal_map_gives_a_bokmal_report_and_nynorsk_messages(tmp_path, capsys, interface):
    """``--sprak nn`` asks for nynorsk messages; the file speaks the map's målform
    (eksempelkommune is bokmål), since its notes and names are bokmål."""
    from sammenkart import paths

    root = str(paths.kart_dir().parent)
    assert main(["--sprak", "nn", "revisjon", root, "--kart", "eksempelkommune", "--dato", "2026-11-30"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Revisjonsrapport – Eksempelkommune") and "Laget 30. november 2026." in text
    assert "Gult og rødt, per ansvarlig enhet" in text and nn("Gult og rødt, per ansvarlig enhet") not in text
    out = tmp_path / "r.md"
    assert main(["--sprak", "nn", "revisjon", root, "--kart", "eksempelkommune", "--out", str(out)]) == 0
    assert nn("Rapport skrevet til {fil}").format(fil=out) in capsys.readouterr().err
    assert "Laget " in out.read_text(encoding="utf-8")


def test_an_english_text_report_lines_up_its_status_words_and_quotes_the_notes(tmp_path, capsys, interface):
    from sammenkart import paths

    root = str(paths.kart_dir().parent)
    assert main(["--sprak", "en", "revisjon", root, "--kart", "fjordvik", "--dato", "2026-11-30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Created 30 November 2026." in lines
    status = [ln for ln in lines if ln.lstrip().startswith(("RED ", "YELLOW "))]
    assert {ln.split()[0] for ln in status} == {"RED", "YELLOW"}
    starts = {len(ln) - len(ln.lstrip().split(" ", 1)[1].lstrip()) for ln in status}
    assert len(starts) == 1, status  # the text after RED and after YELLOW starts in one column
    red = next(ln for ln in status if "Legevakta" in ln)
    assert "“Telefonnummeret er endra" in red and "(2 November 2026)" in red


def test_english_usage_and_messages_are_english(tmp_path, capsys, interface):
    with pytest.raises(SystemExit):
        main(["--sprak", "en", "export", "--help"])
    usage = capsys.readouterr().out
    for english in ("MAP", "--out FILE.pdf", "--kommune NAME", "--tal YEAR"):
        assert english in usage, english
    for norwegian in ("KART", "FIL.pdf", "NAVN", "ÅR"):
        assert norwegian not in usage, norwegian
    assert main(["--sprak", "en", "revisjon", str(tmp_path), "--out", str(tmp_path / "x.txt")]) == 2
    assert "--out must end in .md or .pdf, not “x.txt”" in capsys.readouterr().err
    assert main(["--sprak", "nn", "revisjon", str(tmp_path), "--out", str(tmp_path / "x.txt")]) == 2
    assert ".md eller .pdf" in capsys.readouterr().err
    out = tmp_path / "r.md"
    from sammenkart import paths

    assert main(["--sprak", "en", "revisjon", str(paths.kart_dir().parent), "--kart", "fjordvik",
                 "--out", str(out)]) == 0
    assert f"Report written to {out}" in capsys.readouterr().err


def test_a_case_summary_writes_its_times_as_its_language_writes_dates(ws, tmp_path, interface):
    import re

    case = next(c for c in ws.cases.values() if c.malform == "nn")
    s = Session(case, ws.maps["fjordvik"], path=tmp_path / "okt.json")
    s.toggle_mark(s.map.tjenester[0].id)
    md = export_markdown(s.case, s.map, s.state, tmp_path / "k.md").read_text(encoding="utf-8")
    assert re.search(r"\b\d{1,2}\. [a-zø]+ \d{4} \d\d:\d\d", md), md  # 30. november 2026 23:04
    i18n.set_output_language("en")
    md = export_markdown(s.case, s.map, s.state, tmp_path / "k.md").read_text(encoding="utf-8")
    assert re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d", md), md  # 30 November 2026 23:04
