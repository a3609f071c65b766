"""The A4 handout: the pathway's steps in plain words, who does what, contacts."""
from pypdf import PdfReader

from sammenkart.poster import export_handout
from sammenkart.poster.handout import excerpt, step_texts
from sammenkart.poster.pages import page_size
from test_poster_data import pdf_text, sample_map, sample_pathway


def test_step_texts_use_the_maps_names():
    steps = step_texts(sample_map(), sample_pathway())
    assert steps[0] == "1. Skolehelsetjenesten → Fastlegene: henvisning når plagene varer over fire uker."
    assert steps[1].startswith("2. Fastlegene → Kommunepsykologen:")
    assert steps[3] == "4. BUP (barne- og ungdomspsykiatrisk poliklinikk) → Fastlegene: tilbakemelding."


def test_handout_is_a4_with_steps_roles_and_contacts(tmp_path):
    out = tmp_path / "brosjyre.pdf"
    export_handout(sample_map(), sample_pathway(), out)
    reader = PdfReader(out)
    w, h = page_size("A4")
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - w) < 0.5 and abs(float(page.mediabox.height) - h) < 0.5
    text = " ".join(pdf_text(out).split())
    assert "Angst" in text
    for step in step_texts(sample_map(), sample_pathway()):
        assert step in text, step
    assert "Vurderer plagene og henviser videre ved behov." in text  # the fastlege's role
    assert "53 00 10 00" in text  # the fastlege's phone
    assert "53 00 05 00" not in text  # the sports club is not in this pathway


def test_excerpt_keeps_whole_sentences_or_words():
    long = "Første setning er her. " * 30
    short = excerpt(long, 100)
    assert len(short) <= 100 and short.endswith(".")
    words = excerpt("ord " * 200, 50)
    assert words.endswith("…") and "or …" not in words


def test_service_without_a_role_is_described_from_the_map(tmp_path):
    m = sample_map()
    m.service("psykolog").beskrivelse = "Samtaler med barn, unge og foreldre; kort ventetid."
    out = tmp_path / "b.pdf"
    export_handout(m, sample_pathway(), out)
    text = " ".join(pdf_text(out).split())
    assert "Samtaler med barn, unge og foreldre; kort ventetid." in text
