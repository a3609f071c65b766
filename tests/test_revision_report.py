"""The yearly revision report (``sammenkart revisjon``): what a municipality
reads at its yearly round, in the map's målform, as text, Markdown and PDF."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sammenkart import paths, revision
from sammenkart.cli import main
from sammenkart.loader import load_bundled, load_workspace
from sammenkart.revision_report import DiffBlock, Line, Part, StatusLine, build_report, to_markdown, to_text

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


@pytest.fixture(scope="module")
def fjordvik(ws):
    return build_report(ws, ws.maps["fjordvik"], TODAY)


def section(rep, title):
    return next(s for s in rep.sections if s.title == title)


def part(sec, title):
    return next(b for b in sec.blocks if isinstance(b, Part) and b.title.startswith(title))


def test_the_report_is_in_the_maps_malform_and_says_the_revision_is_due(fjordvik):
    assert fjordvik.title == "Revisjonsrapport – Fjordvik kommune" and fjordvik.due
    assert fjordvik.lines == ["Laga 30. november 2026.", "Kartet vart sist revidert 12. november 2025.",
                              "Neste revisjon skulle vore gjord 1. november 2026: fristen er passert."]
    assert [s.title for s in fjordvik.sections] == [
        "Oversikt", "Gult og raudt, per ansvarleg eining", "Ikkje vurdert", "Lokale tilpassingar",
        "Endringar i den felles teksten sidan siste revisjon"]
    overview = [b.text for b in section(fjordvik, "Oversikt").blocks]
    assert overview[0] == "Tenestekort – raud: 1 · gul: 2 · grøn: 4 · ikkje vurdert: 22"
    assert overview[1].startswith("Roller i forløpa – raud: 1 · gul: 3 · grøn: 3 · ikkje vurdert: ")


def test_yellow_and_red_per_responsible_unit_with_notes_dates_and_places(fjordvik):
    sec = section(fjordvik, "Gult og raudt, per ansvarleg eining")
    units = [b.title for b in sec.blocks]
    assert units == sorted(units, key=str.casefold) and "Legevakta i Fjordvik og Nesøy" in units
    (red,) = part(sec, "Legevakta").blocks
    assert isinstance(red, StatusLine) and (red.status, red.word) == ("rod", "raud")
    assert red.text == ("Tenestekortet «Legevakta i Fjordvik og Nesøy»: Telefonnummeret er endra etter at legevakta "
                        "flytta til helsesenteret; kortet har det gamle. (2. november 2026)")
    assert re.fullmatch(r"kart/fjordvik\.yaml:\d+:5", red.where)
    doctor = part(sec, "Fjordvik legekontor").blocks
    assert [b.status for b in doctor] == ["rod", "gul"]  # red first
    assert doctor[0].text.startswith("Angst: rolla til Fjordvik legekontor: Legekontoret har ikkje lenger")
    assert doctor[0].where.startswith("kart/forlop/angst.nn.yaml:")
    # green is not listed here
    assert not [b for p in sec.blocks for b in p.blocks if b.status == "gronn"]


def test_what_is_not_reviewed(fjordvik):
    lines = [b.text for b in section(fjordvik, "Ikkje vurdert").blocks]
    assert lines[0].startswith("Tenestekort (22 av 29): Fjordvik barnehage; Fjordvik barneskule;")
    assert "Legevakta" not in lines[0]
    angst = next(line for line in lines if line.startswith("Angst ("))
    assert "Skulehelsetenesta" not in angst and "Kommunepsykologen" in angst


def test_local_adaptations_against_the_shared_text_now(fjordvik):
    sec = section(fjordvik, "Lokale tilpassingar")
    angst = part(sec, "Angst – kart/forlop/angst.nn.yaml")
    assert angst.blocks[0].text == "Grunnlag: region/kart/forlop/angst.nn.yaml"
    diffs = {b.label: b for b in angst.blocks if isinstance(b, DiffBlock)}
    tiltak = diffs["Skulehelsetenesta – Tiltak"]
    assert tiltak.note == "felles tekst → lokal tekst"
    added = "".join(s.text for s in tiltak.segments if s.op == "+")
    assert "«Modig»" in added
    assert [b.text for b in angst.blocks if isinstance(b, Line)][-1].startswith(
        "Foreldrerettleiing (ICDP, COS o.l.): rolle lagd til lokalt (Rolle, Kartlegging, Tiltak")
    assert sec.blocks[-1].text == ("Brukar den felles teksten som han er: Autismespekterforstyrring; Bekymring for barn "
                                   "0–3 år; Vanskar med merksemd og uro; Etevanskar; Vald, overgrep og omsorgssvikt")


def test_what_the_region_changed_since_the_last_local_revision_word_by_word(fjordvik):
    sec = section(fjordvik, "Endringar i den felles teksten sidan siste revisjon")
    angst = part(sec, "Angst")
    assert angst.blocks[0].text == ("Sist revidert lokalt 12. november 2025, mot den felles teksten frå 1. september 2025; "
                                    "den felles teksten er no frå 15. september 2026.")
    diffs = {b.label: b for b in angst.blocks if isinstance(b, DiffBlock)}
    assert set(diffs) == {"Skulehelsetenesta – Tiltak", "Fastlege – Tilvising",
                          "BUP (barne- og ungdomspsykiatrisk poliklinikk) – Tiltak", "Flyt, punkt 2", "Sjekkliste, punkt 6"}
    from sammenkart.worddiff import as_text
    assert as_text(diffs["Fastlege – Tilvising"].segments) == (
        "Tilviser til BUP ved moderate til alvorlege plager{+ eller når tiltaka i kommunen ikkje har hjelpt nok+}.")
    # the heading Fjordvik writes itself: the region's change does not reach it by itself
    assert diffs["Skulehelsetenesta – Tiltak"].note == "tilpassa lokalt: sjå om den lokale teksten skal følgje endringa"
    assert diffs["Fastlege – Tilvising"].note == "de får den nye teksten"
    newer = part(sec, "Den felles teksten er revidert etter siste lokale revisjon")
    assert newer.blocks[0].text.startswith("Autismespekterforstyrring (felles tekst 15. september 2026, lokalt 12. november 2025); ")
    assert part(sec, "Inga endring sidan").blocks[0].text == (
        "Tristleik og depresjonsplager (lokalt 1. oktober 2026, felles tekst 15. september 2026)")


def test_text_and_markdown_show_the_same_report(fjordvik):
    text = to_text([fjordvik])
    assert text.startswith("Revisjonsrapport – Fjordvik kommune\n====")
    assert "  RAUD Tenestekortet «Legevakta i Fjordvik og Nesøy»" in text  # RAUD and GUL in one column
    assert "plager{+ eller når tiltaka i kommunen ikkje har hjelpt nok+}." in text
    md = to_markdown([fjordvik])
    assert md.startswith("# Revisjonsrapport – Fjordvik kommune\n")
    assert "## Gult og raudt, per ansvarleg eining" in md and "### Legevakta i Fjordvik og Nesøy" in md
    assert "- **RAUD** Tenestekortet «Legevakta i Fjordvik og Nesøy»: Telefonnummeret" in md
    assert "plager **eller når tiltaka i kommunen ikkje har hjelpt nok**." in md
    assert "angst ~~og~~**,** råd" in md
    assert "\n\n\n" not in md


def test_a_bokmal_map_gets_a_bokmal_report(ws):
    rep = build_report(ws, ws.maps["eksempelkommune"], TODAY)
    assert rep.lines[1:] == ["Kartet ble sist revidert 10. mars 2026.", "Neste revisjon: 1. mars 2027."] and not rep.due
    text = to_text([rep])
    assert "  RØD Tjenestekortet «Ungdomshuset «Loftet» og kulturskolen»: Klubben er stengt på tirsdager" in text
    assert "Lokale tilpasninger" not in text  # its pathways adapt nothing


def test_data_text_stays_text_in_markdown_and_pdf(tmp_path):
    root = tmp_path / "d"
    (root / "kart").mkdir(parents=True)
    (root / "kart" / "vik.yaml").write_text(
        "sammenkart: 1\nid: vik\nnavn: Vik <b>kommune</b>\ntjenester:\n  - id: a\n    navn: A *stjerne*\n"
        "    niva: 0\n    sektor: kommune\n    revisjon:\n      status: gul\n      merknad: \"Sjå [lenkje](x) ~~no~~ <i>\"\n",
        encoding="utf-8")
    ws = load_workspace(root)
    rep = build_report(ws, ws.maps["vik"], TODAY)
    md = to_markdown([rep])
    assert "Sjå \\[lenkje\\](x) \\~\\~no\\~\\~ \\<i\\>" in md and "A \\*stjerne\\*" in md
    out = tmp_path / "r.pdf"
    assert main(["revisjon", str(root), "--out", str(out), "--dato", "2026-11-30"]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Vik <b>kommune</b>" in text and "Sjå [lenkje](x) ~~no~~ <i>" in text


# ----------------------------------------------------------------- the command
def test_command_writes_markdown_and_pdf_and_prints_text(tmp_path, capsys):
    root = str(paths.kart_dir().parent)
    assert main(["revisjon", root, "--dato", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert "Revisjonsrapport – Eksempelkommune" in out and "Revisjonsrapport – Fjordvik kommune" in out
    md = tmp_path / "rapport.md"
    assert main(["revisjon", root, "--kart", "fjordvik", "--out", str(md), "--dato", "2026-11-30"]) == 0
    assert md.read_text(encoding="utf-8").startswith("# Revisjonsrapport – Fjordvik kommune")
    pdf = tmp_path / "rapport.pdf"
    assert main(["revisjon", root, "--kart", "fjordvik", "--out", str(pdf), "--dato", "2026-11-30"]) == 0
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    for phrase in ("Revisjonsrapport – Fjordvik kommune", "fristen er passert", "Gult og raudt, per ansvarleg eining",
                   "Telefonnummeret er endra", "Lokale tilpassingar", "Endringar i den felles teksten",
                   "eller når tiltaka i kommunen ikkje har hjelpt nok"):
        assert phrase in text, phrase
    assert "skrev" in capsys.readouterr().err


@pytest.mark.parametrize("args,message", [
    (["/finst/ikkje"], "finner ikke «/finst/ikkje»"),
    (["{root}", "--out", "r.txt"], "--out må slutte på .md eller .pdf, ikke «r.txt»"),
    (["{root}", "--dato", "30.11.2026"], "--dato må være en dato som 2026-11-30"),
    (["{root}", "--kart", "nesoy"], "finner ikke kartet «nesoy»"),
])
def test_wrong_usage_exits_2(args, message, capsys):
    root = str(paths.kart_dir().parent)
    assert main(["revisjon", *[a.format(root=root) for a in args]]) == 2
    assert message in capsys.readouterr().err


def test_a_folder_with_errors_exits_1_and_still_reports_what_is_usable(tmp_path, capsys):
    root = tmp_path / "d"
    shutil.copytree(paths.kart_dir(), root / "kart")
    shutil.copytree(paths.region_dir(), root / "region")
    (root / "kart" / "feil.yaml").write_text("sammenkart: 1\nid: feil\nnavn: [\n", encoding="utf-8")
    out = tmp_path / "r.md"
    assert main(["revisjon", str(root), "--out", str(out), "--dato", "2026-11-30"]) == 1
    assert "kart/feil.yaml:" in capsys.readouterr().err
    assert "# Revisjonsrapport – Fjordvik kommune" in out.read_text(encoding="utf-8")


# ----------------------------------------------------------------- how the old shared wording is known
SHARED = ("sammenkart: 1\nid: angst\nnavn: Angst\nmalform: nn\n{revidert}roller:\n  fastlege:\n"
          "    tiltak: {tiltak}\nflyt:\n  - fra: fastlege\n    til: bup\n")


def _round(tmp_path, shared_revidert, local_revidert, copy_tiltak=None):
    files = {
        "region/kart/forlop/angst.nn.yaml": SHARED.format(
            revidert=f"revidert: {shared_revidert}\n" if shared_revidert else "", tiltak="Ny tekst frå regionen."),
        "kart/vik.yaml": "sammenkart: 1\nid: vik\nnavn: Vik\nmalform: nn\ntjenester:\n"
                         "  - {id: lege, navn: Legen, type: fastlege, niva: 1, sektor: fastlege}\n",
        "kart/forlop/angst.nn.yaml": "sammenkart: 1\nid: angst\nmalform: nn\n"
                                     "grunnlag: ../../region/kart/forlop/angst.nn.yaml\n"
                                     + (f"revidert: {local_revidert}\n" if local_revidert else ""),
    }
    if copy_tiltak:
        files["kart/forlop/grunnlag-ved-revisjon/angst.nn.yaml"] = SHARED.format(
            revidert="revidert: 2025-01-01\n", tiltak=copy_tiltak)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    ws = load_workspace(tmp_path)
    assert not ws.errors, [str(p) for p in ws.errors]
    return revision.review(ws, ws.maps["vik"], TODAY).adaptations[0]


def test_with_a_copy_the_words_the_region_changed_are_known(tmp_path):
    a = _round(tmp_path, "2026-09-15", "2025-11-12", copy_tiltak="Gammal tekst frå regionen.")
    assert a.known_by == revision.KNOWN_BY_COPY and a.revised_against == dt.date(2025, 1, 1)
    (d,) = a.changes
    assert (d.label, d.old, d.new, d.adapted) == ("Fastlege – Tiltak", "Gammal tekst frå regionen.",
                                                  "Ny tekst frå regionen.", False)
    same = _round(tmp_path / "b", "2026-09-15", "2025-11-12", copy_tiltak="Ny tekst frå regionen.")
    assert same.known_by == revision.KNOWN_BY_COPY and same.changes == []


def test_without_a_copy_the_dates_say_whether_the_region_revised_since(tmp_path):
    newer = _round(tmp_path / "a", "2026-09-15", "2025-11-12")
    assert (newer.known_by, newer.shared_newer, newer.changes) == (revision.KNOWN_BY_DATES, True, None)
    older = _round(tmp_path / "b", "2026-09-15", "2026-10-01")
    assert (older.known_by, older.shared_newer) == (revision.KNOWN_BY_DATES, False)
    unknown = _round(tmp_path / "c", "2026-09-15", None)
    assert (unknown.known_by, unknown.shared_newer) == (revision.UNKNOWN, None)
    ws = load_workspace(tmp_path / "c")
    text = to_text([build_report(ws, ws.maps["vik"], TODAY)])
    assert "Kan ikkje seie om den felles teksten er endra\n  Angst (ingen dato for siste lokale revisjon)" in text


def test_the_bundled_folder_prints_a_meaningful_report_per_map(ws):
    reports = {m.id: revision.review(ws, m, TODAY) for m in ws.maps.values()}
    for r in reports.values():
        assert r.to_follow_up(), r.map.id  # something to follow up on every bundled map
    assert reports["fjordvik"].due and not reports["eksempelkommune"].due
    assert [a.known_by for a in reports["fjordvik"].adaptations].count(revision.KNOWN_BY_COPY) == 1


def test_status_words_and_heading_names():
    assert [revision.status_label(s) for s in ("gronn", "gul", "rod", None)] == ["grønn", "gul", "rød", "ikke vurdert"]
    assert revision.heading_label("evaluering") == "Evaluering av tiltak"
    assert Path(revision.copy_of(load_bundled().pathway("angst", "nn"))).parent.name == "grunnlag-ved-revisjon"


def test_a_region_report_lists_what_is_not_reviewed_per_municipality():
    ws = load_workspace(paths.region_dir())
    rep = build_report(ws, ws.maps["brattfjord"], TODAY)
    lines = [b.text for b in section(rep, "Ikkje vurdert").blocks]
    assert [line.split(" (")[0] for line in lines[:6]] == [
        "Tenestekort i Sjøvik", "Tenestekort i Lyngnes", "Tenestekort i Fjellstad", "Tenestekort i Straumøy",
        "Tenestekort i Dalsbygd", "Tenestekort i heile regionen"]
    assert lines[5].startswith("Tenestekort i heile regionen (13 av 15): ")  # BUP and legevakta are reviewed
    units = [p.title for p in section(rep, "Gult og raudt, per ansvarleg eining").blocks]
    assert units == ["Brattfjord interkommunale legevakt", "BUP Brattfjord"]


def test_flow_steps_name_the_maps_services_never_role_ids(fjordvik, ws):
    """Tester 3 item 11: "skolehelsetjeneste → psykisk-helse (tilvising)" in a nynorsk report."""
    step = "Skulehelsetenesta → Psykisk helseteneste for barn og unge (tilvising): Plagene har vart i over fire veker"
    for shown in (to_text([fjordvik]), to_markdown([fjordvik])):
        assert step in shown
        assert "skolehelsetjeneste →" not in shown and "→ psykisk-helse" not in shown
    # a role no service on the map fills: the role's name in the map's målform
    m = ws.maps["fjordvik"]
    assert not m.resolve("fritid")
    assert revision._side(m, "fritid", None) == "Fritidsklubb / kulturskule"
