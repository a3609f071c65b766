"""The core never imports Qt: it must run in scripts, CI and the poster exporter.

Every module of the package outside ``sammenkart.qt`` is imported in a fresh
interpreter (found by walking the package, so a new module is checked without
being listed here), and no PySide6 module may have been loaded by it.
"""
import subprocess
import sys
from pathlib import Path

CODE = """
import importlib, pkgutil, sys
import sammenkart
names = sorted(m.name for m in pkgutil.walk_packages(sammenkart.__path__, "sammenkart.")
               if not m.name.startswith("sammenkart.qt") and m.name != "sammenkart.__main__")
for name in names:
    importlib.import_module(name)
    assert not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules), name
print(len(names))
"""


def test_core_modules_import_no_pyside6():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) > 80  # the whole core, not a few modules
