"""Tester 5, item 5: English is easy to find. With no --sprak or SAMMENKART_LANG the
system's locale (LC_ALL, LC_MESSAGES, LANG) names the language of the commands and,
when English, of the window; the menu says "Language" in a Norwegian window too."""
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from sammenkart import i18n
from sammenkart.loader import load_bundled


def _help(**env):
    clean = {k: v for k, v in os.environ.items() if k not in (i18n.ENV, "LANGUAGE", *i18n.SYSTEM_ENV)}
    r = subprocess.run([sys.executable, "-m", "sammenkart", "--help"], capture_output=True, text=True,
                       env={**clean, **env})
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("env, first", [
    ({"LANG": "en_GB.UTF-8"}, "usage:"),
    ({"LANG": "nb_NO.UTF-8"}, "bruk:"),
    ({"LANG": "de_DE.UTF-8"}, "bruk:"),  # neither: bokmål
    ({"LANG": "C.UTF-8"}, "bruk:"),
    ({"LANG": "nb_NO.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "usage:"),  # LC_MESSAGES before LANG
    ({"LC_ALL": "nn_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "bruk:"),  # LC_ALL first
    ({"LANG": "en_GB.UTF-8", i18n.ENV: "nb"}, "bruk:"),  # SAMMENKART_LANG wins
])
def test_sammenkart_help_speaks_the_systems_language(env, first):
    assert _help(**env).startswith(first)


def test_sprak_wins_over_the_locale():
    clean = {k: v for k, v in os.environ.items() if k not in (i18n.ENV, "LANGUAGE", *i18n.SYSTEM_ENV)}
    r = subprocess.run([sys.executable, "-m", "sammenkart", "--sprak", "nb", "--help"], capture_output=True,
                       text=True, env={**clean, "LANG": "en_GB.UTF-8"})
    assert r.stdout.startswith("bruk:")


@pytest.fixture
def no_forced_language(monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    for var in i18n.SYSTEM_ENV:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "nb")
    return monkeypatch  # conftest puts the language back after the test


def _window(qtbot, settings):
    from sammenkart.qt.app import make_app
    from sammenkart.qt.main_window import MainWindow

    make_app()
    w = MainWindow(load_bundled(), settings)
    qtbot.addWidget(w)
    w.select_map("eksempelkommune")  # a bokmål map
    return w


def test_an_english_system_gets_an_english_window_until_another_choice(qtbot, tmp_path, no_forced_language):
    no_forced_language.setenv("LANG", "en_GB.UTF-8")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    w = _window(qtbot, settings)
    assert i18n.current_language() == "en" and w.menu("vis").title() == "&View"
    assert w.language.actions["en"].isChecked()
    # English menus from the locale, but a poster made now still speaks the map's målform
    assert i18n.output_language("nb") == "nb"
    w.language.choose("en")  # English asked for in the menu: English labels in files too
    assert i18n.output_language("nb") == "en"
    w.language.choose("kart")  # "Følg kartet" chosen: the map's målform, kept
    assert i18n.current_language() == "nb"
    again = _window(qtbot, settings)
    assert again.language.choice == "kart" and i18n.current_language() == "nb"


def test_a_norwegian_system_follows_the_map(qtbot, tmp_path, no_forced_language):
    no_forced_language.setenv("LANG", "nb_NO.UTF-8")
    w = _window(qtbot, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    w.select_map("fjordvik")  # nynorsk
    assert i18n.current_language() == "nn"


@pytest.mark.parametrize("lang, title", [("nb", "Språk / Language"), ("nn", "Språk / Language"), ("en", "Language")])
def test_the_language_menu_says_language_in_a_norwegian_window(qtbot, tmp_path, no_forced_language, lang, title):
    w = _window(qtbot, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    w.language.choose(lang)
    assert w.language.menu.title() == title


def test_the_readme_tells_a_newcomer_how_to_get_english_and_what_linux_needs():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    intro = readme[readme.index("**English.**"):readme.index("## Kom i gang")]
    assert "--sprak en" in intro and "LANG" in intro
    start = readme[readme.index("## Kom i gang"):readme.index("Installer og start")]
    assert "libxcb-cursor0" in start and "apt install" in start


def test_an_english_locale_gives_english_messages_but_a_norwegian_poster(tmp_path):
    """A Norwegian coordinator on an English-language computer prints for a Norwegian waiting room."""
    from pypdf import PdfReader

    clean = {k: v for k, v in os.environ.items() if k not in (i18n.ENV, "LANGUAGE", *i18n.SYSTEM_ENV)}
    out = tmp_path / "p.pdf"
    r = subprocess.run([sys.executable, "-m", "sammenkart", "export", "eksempelkommune", "--papir", "A4",
                        "--out", str(out)], capture_output=True, text=True, env={**clean, "LANG": "en_GB.UTF-8"})
    assert r.returncode == 0, r.stderr
    assert "written" in (r.stdout + r.stderr).lower()  # the messages are English
    text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Nivåer" in text or "Sektorer" in text
    assert "Levels" not in text and "Sectors" not in text
