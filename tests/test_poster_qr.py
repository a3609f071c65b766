"""The QR code the poster, its preview and the plan's check draw (poster/qr.py) is
reportlab's: the same modules as its ``QrCodeWidget`` makes."""
import pytest

from sammenkart.poster.qr import qr_matrix, qr_modules


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
