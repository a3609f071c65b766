"""Files and command-line messages in the right language (issue 17).

A nynorsk map's poster, handout, revision report and case summary speak
nynorsk whatever the interface speaks; English labels only when an export
command is given ``--sprak en`` (the map's own text stays as written). The
command line speaks ``--sprak`` (argparse's and the OS's texts too). Real
catalogues: these tests read what a user reads.
"""
from __future__ import annotations

import datetime as dt
import os

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
    """Set the interface language for a test; bokmål again afterwards."""
    monkeypatch.setenv("LANGUAGE", os.environ.get("LANGUAGE", "nb"))
    yield i18n.set_language
    i18n.set_language("nb")
    i18n.set_output_language(None)


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
    summary = nn("{read} sjekket: {errors} feil, {warnings} advarsler").format(
        read=nn("{maps} kart, {pathways} forløp, {cases} kasus").format(maps=1, pathways=0, cases=0),
        errors=1, warnings=0)
    assert summary in captured.err
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
