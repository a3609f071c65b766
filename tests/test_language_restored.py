"""A test that switches the UI language leaves it as it was for the next one
(conftest's ``_interface_language``): ``--sprak`` through ``cli.main`` sets the
language of the whole process. The two tests run in this order (pytest keeps a
file's order)."""
import os

from sammenkart import cli, i18n


def test_sprak_en_through_main_switches_the_process_to_english(capsys):
    assert cli.main(["--sprak", "en", "validate", "finnes/ikke.yaml"]) == 2
    assert i18n.current_language() == "en"
    assert os.environ.get("LANGUAGE") == "en"
    assert i18n._("Neste ▶") == "Next ▶"


def test_the_next_test_reads_bokmal_again():
    assert i18n.current_language() == "nb" and i18n.output_language("nb") == "nb"
    assert os.environ.get("LANGUAGE") != "en"
    assert i18n._("Neste ▶") == "Neste ▶"
