"""Ctrl+F (tester round 5, item 2): «helsesøster» found nothing and said nothing, and in a
case's band at 1024×768 the results list was two rows tall.

A search also reads other names (resources/synonymer.yaml, the standard role's names) and
descriptions, says why such a hit was found, and says so when nothing is found.
"""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editing_helpers import active_window
from sammenkart.loader import load_bundled
from sammenkart.model import Map, Service
from sammenkart.session.controller import Session
from sammenkart.textsearch import search, synonym_groups


@pytest.fixture(scope="module")
def ws():
    return load_bundled()


def _found(m, text):
    return [(h.service.id, h.why) for h in search(m, text)]


@pytest.mark.parametrize("typed", ["helsesøster", "Helsesøstre", "helsesykepleier", "helsesjukepleiar"])
def test_the_old_and_new_titles_find_the_health_centre_and_school_health_service(ws, typed):
    m = ws.maps["eksempelkommune"]
    hits = dict(_found(m, typed))
    assert {"helsestasjon", "skolehelsetjenesten", "helsestasjon-for-ungdom"} <= set(hits)
    assert hits["helsestasjon"] == "annet navn: helsesykepleier"
    nn = ws.maps["fjordvik"]  # a nynorsk map: «Skulehelsetenesta»
    assert any("Skulehelsetenesta" == nn.service(sid).navn for sid, _why in _found(nn, typed))


def test_other_names_of_gp_bup_and_ppt(ws):
    m = ws.maps["eksempelkommune"]
    assert {"fastlege-torget", "fastlege-sorvag"} <= {sid for sid, _w in _found(m, "legekontor")}
    assert "legevakt" not in {sid for sid, _w in _found(m, "legekontor")}  # «lege» is no word of «legevakt»
    bup = _found(m, "barne- og ungdomspsykiatrisk")
    assert ("bup-akutteam", "annet navn: BUP") in bup
    fjordvik = ws.maps["fjordvik"]
    assert [h.service.role for h in search(fjordvik, "pedagogisk-psykologisk")] == ["ppt"]
    assert [h.service.role for h in search(fjordvik, "pp-tenesta")] == ["ppt"]


def test_names_first_then_other_names_then_descriptions(ws):
    m = ws.maps["eksempelkommune"]
    hits = search(m, "helsesykepleier")
    whys = [h.why for h in hits]
    first_description = next(i for i, w in enumerate(whys) if w.startswith("beskrivelse"))
    assert all(w.startswith("annet navn") for w in whys[:first_description])
    assert all(w.startswith("beskrivelse") for w in whys[first_description:])
    assert any(w.startswith("beskrivelse: ") and "helsesykepleier" in w for w in whys)


def test_a_word_in_the_middle_of_a_description_word_is_no_hit():
    m = Map(id="k", navn="K", tjenester=[Service("a", "Anna", 0, "kommune", beskrivelse="alvorlege plager"),
                                        Service("b", "Berit", 0, "kommune", beskrivelse="lege kommer")])
    assert _found(m, "lege") == [("b", "beskrivelse: lege kommer")]  # a short description whole


def test_a_hit_in_a_description_shows_the_words_around_it_as_written(ws):
    """Tester round 6: «Familieteamet … – beskrivelse: ppt», the query lower-cased."""
    from sammenkart.textsearch import SNIPPET_CHARS, snippet

    m = ws.maps["eksempelkommune"]
    whys = dict(_found(m, "ppt"))
    team = m.service("familieteamet").beskrivelse
    why = whys["familieteamet"]
    assert why.startswith("beskrivelse: ") and "PPT" in why and "ppt" not in why
    shown = why.removeprefix("beskrivelse: ").strip("… ")
    assert shown in " ".join(team.split()) and len(shown.split()) >= 4  # words around it, not the word alone
    assert len(shown) <= SNIPPET_CHARS
    text = "Første ord. Her står Straße og BUP i midten av en lang tekst som går videre og videre lenge."
    assert "Straße og BUP" in snippet(text, "bup")  # «ß» folds to two letters: the place is still found
    assert "Straße" in snippet(text, "strasse") and snippet(text, "videre").startswith("… ")
    assert snippet(text, "finnesikke") == ""


def test_the_synonym_file_has_every_group_and_its_types_are_standard_roles():
    from sammenkart.roles import STANDARD_ROLES

    groups = synonym_groups()
    assert len(groups) >= 4
    for g in groups:
        assert g.types <= set(STANDARD_ROLES), g.navn
        assert g.words and all(w == w.strip() for w in g.words)


# --- the window ---------------------------------------------------------------------------------

def _rows(w):
    res = w.search.results
    return [res.item(i) for i in range(res.count())]


def test_no_hit_says_so_in_the_list_and_enter_picks_nothing(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    w.search.focus()
    qtbot.keyClicks(w.search.edit, "xyzzy")
    rows = _rows(w)
    assert [r.text() for r in rows] == ["Ingen treff for «xyzzy»"]
    assert w.search.results.isVisible()
    assert not rows[0].flags() & Qt.ItemIsSelectable
    shown = w.details.browser.toPlainText()
    qtbot.keyClick(w.search.edit, Qt.Key_Return)
    assert w.details.browser.toPlainText() == shown
    w.language.actions["en"].trigger()  # Vis → Språk → English; conftest gives the next tests bokmål
    assert [r.text() for r in _rows(w)] == ["No matches for “xyzzy”"]


def test_a_hit_by_another_name_says_why(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    w.search.focus()
    qtbot.keyClicks(w.search.edit, "helsesøster")
    texts = [r.text() for r in _rows(w)]
    assert "Helsestasjonen for barn 0–5 år – annet navn: helsesykepleier" in texts
    qtbot.keyClick(w.search.edit, Qt.Key_Return)
    assert w.details.isVisible() or w.room.side.currentWidget() is w.details


def test_in_a_case_band_at_1024x768_the_results_show_six_rows(qtbot, tmp_path, ws):
    w = active_window(qtbot, tmp_path, ws, (1024, 740), restore=True)
    w.kasus.start(Session(ws.cases["emma-14"], ws.maps["eksempelkommune"]))
    qtbot.waitUntil(lambda: w.kasus.panel.isVisible())
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(w.search.edit, "e")  # many hits
    res = w.search.results
    qtbot.waitUntil(lambda: res.viewport().height() >= 6 * res.sizeHintForRow(0))
    assert res.count() > 6
    # the results stay in the panel, which stays where it was (the map and the caption keep their room)
    assert w.room.side.isVisible() and w.search.results.isVisible()
    assert w.map_view.isVisible() and w.map_view.height() > 300
    assert w.maps_list.isHidden() and w.pathways_list.isHidden()  # they gave way while searching
    w.search.edit.clear()
    assert not w.maps_list.isHidden() and not w.pathways_list.isHidden()


def test_at_1024x768_the_results_take_the_drawer_and_no_row_is_cut(qtbot, tmp_path, ws):
    """Tester round 6: ~3 rows, cut in half, a scroll bar, half the drawer empty below."""
    w = active_window(qtbot, tmp_path, ws, (1024, 740))
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(w.search.edit, "skole")
    res = w.search.results
    qtbot.wait(50)
    assert res.count() >= 10
    rows = sum(res.sizeHintForRow(i) for i in range(res.count()))
    assert res.viewport().height() >= rows  # every row shown whole, no scroll bar
    assert not res.verticalScrollBar().isVisible()
    panel = w.search.parentWidget()
    assert res.geometry().bottom() <= panel.height()
