"""The QR code the poster draws is reportlab's, loaded without its barcode package
(poster/qr.py): the same modules as ``QrCodeWidget`` makes, and an export that does not
import reportlab's graphics and platypus (about 50 ms, docs/performance-poster.md)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sammenkart.poster.qr import qr_matrix, qr_modules

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("value", ["https://example.no", "https://eksempel.kommune.no/tjenester/barn-og-unge",
                                   "https://bø.no/ærlig?å=1", "x" * 1500])
def test_the_modules_are_those_of_reportlabs_widget(value):
    from reportlab.graphics.barcode.qr import QrCodeWidget

    qr = QrCodeWidget(value, barLevel="M").qr
    qr.make()
    n = qr.getModuleCount()
    assert qr_modules(value) == n
    assert qr_matrix(value) == tuple(tuple(qr.isDark(r, c) for c in range(n)) for r in range(n))


def test_a_value_too_long_for_one_code_has_none():
    assert qr_matrix("x" * 5000) is None and qr_modules("x" * 5000) is None


def test_an_export_imports_no_barcode_widgets(tmp_path):
    probe = ("import sys, runpy\n"
             "sys.argv = ['sammenkart', 'export', 'eksempelkommune', '--papir', 'A0', '--out', sys.argv[1]]\n"
             "try:\n    runpy.run_module('sammenkart', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.startswith(('reportlab.graphics.barcode', "
             "'reportlab.platypus'))))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), SAMMENKART_SETTINGS=str(tmp_path / "s.ini"))
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "p.pdf")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert (tmp_path / "p.pdf").stat().st_size > 10_000, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
