"""Markdown and PDF summaries: what the team chose, the suggestion, notes — no facilitator notes."""
from pypdf import PdfReader
from test_session_fixtures import emma, fjordvik

from sammenkart.session.controller import Session
from sammenkart.session.export_md import export_markdown, render
from sammenkart.session.export_pdf import export_pdf
from sammenkart.session.summary import summarize


def _played(tmp_path):
    s = Session(emma(), fjordvik(), path=tmp_path / "okt.json")
    s.toggle_mark("fastlege")
    s.toggle_mark("bup")
    s.add_arrow("fastlege", "bup")
    s.set_note("hindringer", "Ventetid *lang* <script>")
    s.set_note("muligheter", "Felles møte\nmed skolen")
    s.reveal()
    s.add_elapsed(125)
    s.next_step()
    s.toggle_mark("kommunepsykolog")
    return s


def test_summary_lists_each_step_with_names(tmp_path):
    s = _played(tmp_path)
    summ = summarize(s.case, s.map, s.state)
    first = summ.steps[0]
    assert first.chosen == ("Fastlegene i Fjordvik", "BUP Vestkyst")
    assert first.found == ("Fastlegene i Fjordvik",)
    assert first.missed == ("Skolehelsetjenesten",)
    assert first.added == ("BUP Vestkyst",)
    assert first.seconds_used == 125
    assert summ.steps[1].revealed is False and summ.steps[1].chosen == ("Kommunepsykologen",)
    assert summ.gaps == ("Fjordvik har ingen PPT i kartet",)


def test_markdown_has_choices_comparison_notes_and_no_facilitator(tmp_path):
    s = _played(tmp_path)
    out = export_markdown(s.case, s.map, s.state, tmp_path / "referat.md")
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Emma (14) holder seg hjemme")
    assert "## 1. Mandag morgen" in md and "## 3. Henvisning" in md
    assert "Fastlegene i Fjordvik, BUP Vestkyst" in md
    assert "Funnet ✓:** Fastlegene i Fjordvik" in md
    assert "Ikke valgt:** Skolehelsetjenesten" in md
    assert "ikke feil – et poeng for diskusjonen" in md
    assert "Fastlegene i Fjordvik → BUP Vestkyst" in md
    assert "Ventetid \\*lang\\* \\<script\\>" in md  # typed text stays literal
    assert "> Felles møte  \n> med skolen" in md  # a hard break: the note's two lines stay two lines
    assert "2:05" in md
    assert "Fjordvik har ingen PPT i kartet" in md
    assert "HEMMELIG-FASILITATOR" not in md
    fac = render(summarize(s.case, s.map, s.state), facilitator_copy=True)
    assert "HEMMELIG-FASILITATOR-1" in fac and "Fasilitatorens eksemplar" in fac


def _pdf_text(path):
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_pdf_has_titles_and_choices_and_no_facilitator_notes(tmp_path):
    s = _played(tmp_path)
    out = export_pdf(s.case, s.map, s.state, tmp_path / "referat.pdf")
    text = _pdf_text(out)
    for title in ("Mandag morgen", "Tre uker senere", "Henvisning", "Emma (14) holder seg hjemme"):
        assert title in text
    assert "Fastlegene i Fjordvik" in text and "BUP Vestkyst" in text and "Kommunepsykologen" in text
    assert "Ventetid *lang* <script>" in text  # printed literally, not as markup
    assert "HEMMELIG-FASILITATOR" not in text
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_pdf_facilitator_copy_is_labelled(tmp_path):
    s = _played(tmp_path)
    text = _pdf_text(export_pdf(s.case, s.map, s.state, tmp_path / "f.pdf", facilitator_copy=True))
    assert "HEMMELIG-FASILITATOR-1" in text
    assert "Fasilitatorens eksemplar" in text
