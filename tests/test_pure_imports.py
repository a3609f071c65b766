"""The core never imports Qt: it must run in scripts, CI and the poster exporter."""
import subprocess
import sys
from pathlib import Path

PURE = [
    "sammenkart.model", "sammenkart.loader", "sammenkart.readers", "sammenkart.checks",
    "sammenkart.yamlfile", "sammenkart.cli", "sammenkart.validation_run", "sammenkart.emphasis",
    "sammenkart.graph", "sammenkart.style", "sammenkart.overlay", "sammenkart.layout.engine",
    "sammenkart.layout.routing", "sammenkart.layout.metrics", "sammenkart.display", "sammenkart.poster",
    "sammenkart.poster.command", "sammenkart.session", "sammenkart.figures", "sammenkart.figures_report",
    "sammenkart.figures_pdf", "sammenkart.figures_command", "sammenkart.regional", "sammenkart.roles",
    "sammenkart.editing", "sammenkart.start_options", "sammenkart.stress",
]


def test_core_modules_import_no_pyside6():
    code = (
        "import importlib, sys\n"
        f"for name in {PURE!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert not any(m.startswith('PySide6') for m in sys.modules), name\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
