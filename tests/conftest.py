"""Shared test set-up: Qt draws off screen, settings stay out of the user's home."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SAMMENKART_LANG", "nb")
# Where a test unsets SAMMENKART_LANG the system's locale names the language
# (i18n.system_language): the same neutral one on every machine.
for _var in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """QSettings and session files go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SAMMENKART_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("SAMMENKART_SETTINGS", str(home / "settings.ini"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    yield home


@pytest.fixture(autouse=True)
def _interface_language():
    """The interface language, the files' language and Qt's translators as they were
    before each test: ``--sprak`` through ``cli.main`` and the window's *Språk* menu
    switch them for the whole process (``i18n.set_language``), and the next test
    would read English or nynorsk."""
    from sammenkart import i18n

    lang, out, env = i18n.current_language(), i18n.output_language(None), os.environ.get("LANGUAGE")
    qt = sys.modules.get("sammenkart.qt.language")
    qt_lang = qt.qt_language() if qt is not None else None
    yield
    if i18n.current_language() != lang:
        i18n.set_language(lang)
    i18n.set_output_language(out)
    if env is None:
        os.environ.pop("LANGUAGE", None)
    else:
        os.environ["LANGUAGE"] = env
    qt = sys.modules.get("sammenkart.qt.language")
    if qt is not None and qt_lang is not None and qt.qt_language() != qt_lang:
        qt.install_qt_translations(qt_lang)
