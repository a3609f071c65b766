"""A poster speaks the map's målform: headings in nynorsk for a nynorsk map."""
from pypdf import PdfReader

from sammenkart.loader import load_bundled
from sammenkart.poster import export_handout, export_poster


def _text(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


def test_nynorsk_map_prints_nynorsk_headings_and_bokmal_map_bokmal(tmp_path):
    ws = load_bundled()
    fj, ek = ws.maps["fjordvik"], ws.maps["eksempelkommune"]
    assert fj.malform == "nn" and ek.malform == "nb"
    export_poster(fj, tmp_path / "fj.pdf", "A3", landscape=True, pathway=ws.pathway("oppmerksomhet-uro", "nn"))
    export_poster(ek, tmp_path / "ek.pdf", "A3", landscape=True, pathway=ws.pathway("oppmerksomhet-uro", "nb"))
    nn, nb = _text(tmp_path / "fj.pdf"), _text(tmp_path / "ek.pdf")
    assert "Sektorar" in nn and "Sektorer" not in nn
    assert "tilvising" in nn  # the arrow kinds in the legend
    assert "Sektorer" in nb and "Sektorar" not in nb
    assert "henvisning" in nb


def test_handout_for_a_nynorsk_map_uses_nynorsk_headings(tmp_path):
    ws = load_bundled()
    fj = ws.maps["fjordvik"]
    export_handout(fj, ws.pathway("oppmerksomhet-uro", "nn"), tmp_path / "h.pdf")
    text = _text(tmp_path / "h.pdf")
    assert "Her ser de kven i Fjordvik kommune" in text and "Her ser dere hvem" not in text
    assert "De kan ta kontakt sjølv" in text and "Krev tilvising" in text
