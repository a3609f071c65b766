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
