"""Mistakes a tool finds: imports across the core's border, and pyflakes' findings.

The core (everything but ``sammenkart.qt``) runs in the command line, in CI
and in the poster exporter without Qt. ``test_pure_imports`` imports it and
looks; these read the code, so an import inside a function is seen too.
"""
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
WAY_IN = ("sammenkart.cli", "sammenkart.qt.app")  # the "open" command starts the window


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name) or name


def test_the_import_contracts_in_pyproject_are_kept():
    proc = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_the_core_never_imports_the_window_not_even_inside_a_function():
    graph = grimp.build_graph("sammenkart", cache_dir=None)
    crossing = sorted((m, imported) for m in graph.modules if not m.startswith("sammenkart.qt")
                      for imported in graph.find_modules_directly_imported_by(m)
                      if imported.startswith("sammenkart.qt") and (m, imported) != WAY_IN)
    assert crossing == []


def test_pyflakes_finds_nothing():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "sammenkart", "tests", "scripts",
                           "benchmarks"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
