"""Flags from a case exercise: "dette stemmer ikkje hos oss" on a card or a
role text becomes a yellow revisjon in the file (through the editor,
undoable), is kept in the session file, and is listed in the summary."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from editing_helpers import bundled_copy
from pypdf import PdfReader
from test_session_fixtures import emma, fjordvik

from sammenkart.editing import EditError, Editor
from sammenkart.session import store
from sammenkart.session.controller import Session, resume
from sammenkart.session.export_md import render
from sammenkart.session.export_pdf import export_pdf
from sammenkart.session.flags import apply_flag, revision_values
from sammenkart.session.model import Flag, SessionState
from sammenkart.session.summary import summarize

D = dt.date(2026, 11, 30)


@pytest.fixture
def ed(tmp_path):
    return Editor.open(bundled_copy(tmp_path))


def _state(ed, step: int = 1) -> SessionState:
    ws = ed.workspace
    state = SessionState.start(ws.cases["emma-14"], ws.maps["fjordvik"])
    state.current = step
    return state


def test_a_card_flag_becomes_a_yellow_revisjon_with_the_note_in_the_files_malform(ed):
    m = ed.map("fjordvik")
    doc = ed.document("map", "fjordvik")
    before = doc.text
    flag = _state(ed).add_flag("service", "helsestasjonen", "Opningstida er feil", label="Helsestasjonen")
    change = apply_flag(ed, flag, m, "Emma (14) vil ikke på skolen", D)
    assert change.kind == "revision.set" and flag.applied
    r = ed.map("fjordvik").service("helsestasjonen").revisjon
    assert (r.status, r.dato, r.ansvar) == ("gul", D, "Helsestasjonen")  # the unit stays
    assert r.merknad == "Frå kasus «Emma (14) vil ikke på skolen», steg 2: Opningstida er feil"
    ed.undo()
    assert doc.text == before


def test_red_stays_red_and_the_note_is_added_once(ed):
    m = ed.map("fjordvik")
    flag = Flag("service", "legevakta", "", step=0)
    apply_flag(ed, flag, m, "Kasus", D)
    r = ed.map("fjordvik").service("legevakta").revisjon
    assert r.status == "rod"
    assert r.merknad.startswith("Telefonnummeret er endra") and r.merknad.endswith("; Frå kasus «Kasus», steg 1: stemmer ikkje hos oss")
    assert apply_flag(ed, flag, ed.map("fjordvik"), "Kasus", D) is None  # the same flag again changes nothing


def test_a_role_flag_writes_into_the_pathway_version_the_map_is_offered(ed):
    m = ed.map("fjordvik")
    flag = _state(ed).add_flag("role", "skole", "Skulen har eigen plan for fråvær", pathway_id="angst",
                               heading="tiltak", label="Angst: rolla til skulen")
    apply_flag(ed, flag, m, "Emma", D)
    p = ed.pathway("angst.nn")
    assert p.roller["skole"].revisjon.status == "gul" and "Skulen har eigen plan" in p.roller["skole"].revisjon.merknad
    assert ed.pathway("angst").roller["skole"].revisjon is None  # not the bokmål file
    assert ed.last_change.file_id == "angst.nn"


def test_a_flag_on_something_gone_is_an_edit_error(ed):
    with pytest.raises(EditError):
        apply_flag(ed, Flag("service", "finst-ikkje"), ed.map("fjordvik"), "Kasus", D)
    with pytest.raises(EditError):
        apply_flag(ed, Flag("role", "skole", pathway_id="finst-ikkje"), ed.map("fjordvik"), "Kasus", D)


def test_values_are_pure():
    from sammenkart.model import Revision

    flag = Flag("service", "a", " Feil nummer ", step=2)
    assert revision_values(flag, None, "K", "nb", D) == {
        "status": "gul", "merknad": "Fra kasus «K», steg 3: Feil nummer", "dato": D}
    green = Revision("gronn", "Sjekka", None, "X")
    assert revision_values(flag, green, "K", "nn", D)["merknad"] == "Sjekka; Frå kasus «K», steg 3: Feil nummer"
    assert revision_values(flag, green, "K", "nn", D)["status"] == "gul"


# ----------------------------------------------------------------- the session keeps flags
def test_the_session_raises_applies_saves_and_resumes_flags(ed, tmp_path):
    ws = ed.workspace
    s = Session(ws.cases["emma-14"], ws.maps["fjordvik"], path=tmp_path / "okt.json")
    heard = []
    s.subscribe(heard.append)
    s.next_step()
    flag, change = s.raise_flag("service", "psykisk-helseteneste", "Ventelista er lengre", editor=ed,
                                label="Psykisk helseteneste")
    assert heard[-1] == "flag" and change is not None and flag.applied and flag.step == 1
    saved = json.loads((tmp_path / "okt.json").read_text(encoding="utf-8"))
    assert saved["schema"] == 2 and saved["flags"][0]["ref"] == "psykisk-helseteneste"
    back = resume(tmp_path / "okt.json", ws.cases, ws.maps)
    assert back.state.flags == s.state.flags
    back.remove_flag(0)
    assert back.state.flags == [] and store.load(tmp_path / "okt.json").flags == []


def test_a_session_file_of_version_1_still_loads(tmp_path):
    s = Session(emma(), fjordvik(), path=tmp_path / "okt.json")
    d = json.loads((tmp_path / "okt.json").read_text(encoding="utf-8"))
    d["schema"] = 1
    del d["flags"]
    (tmp_path / "gammal.json").write_text(json.dumps(d), encoding="utf-8")
    state = store.load(tmp_path / "gammal.json")
    assert state.flags == [] and state.case_id == s.state.case_id


def test_a_damaged_flag_is_a_damaged_file_not_a_crash(tmp_path):
    Session(emma(), fjordvik(), path=tmp_path / "okt.json")
    d = json.loads((tmp_path / "okt.json").read_text(encoding="utf-8"))
    d["flags"] = [{"kind": "kart", "ref": "x"}]
    (tmp_path / "okt.json").write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(store.SessionError, match="innholdet mangler eller har feil form"):
        store.load(tmp_path / "okt.json")


def test_the_summary_and_its_exports_list_the_flags(tmp_path):
    s = Session(emma(), fjordvik(), path=tmp_path / "okt.json")
    s.next_step()
    s.raise_flag("service", "kommunepsykolog", "Har ikkje ledig kapasitet *no*")
    s.raise_flag("role", "skole", "", pathway_id="angst", heading="tiltak", label="Angst: rollen til skolen")
    s.state.flags[0].applied = True
    summ = summarize(s.case, s.map, s.state)
    assert [(f.step, f.what, f.note, f.applied) for f in summ.flags] == [
        (2, "Kommunepsykologen", "Har ikkje ledig kapasitet *no*", True),
        (2, "Angst: rollen til skolen (Tiltak)", "", False)]
    md = render(summ)
    assert "## Flagget til revisjon" in md
    assert "- Steg 2: **Kommunepsykologen** – Har ikkje ledig kapasitet \\*no\\* (merket gul i fila)" in md
    assert "- Steg 2: **Angst: rollen til skolen (Tiltak)**" in md
    out = export_pdf(s.case, s.map, s.state, tmp_path / "referat.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Flagget til revisjon" in text and "Har ikkje ledig kapasitet *no*" in text


def test_no_flags_no_section(tmp_path):
    s = Session(emma(), fjordvik(), path=tmp_path / "okt.json")
    assert "Flagget til revisjon" not in render(summarize(s.case, s.map, s.state))
