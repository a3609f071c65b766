"""Whether a web address can be printed as a QR code that a phone will read.

A QR code holds at most about 2,300 characters (version 40 at error level M),
and a dense one printed small cannot be read: reportlab's encoder raises on the
first, and nothing stops the second. The poster leaves the code out in both
cases and says why.
"""
from __future__ import annotations

from functools import lru_cache

from .pages import MM

LEVEL = "M"  # error correction: survives a smudge, still compact
QUIET = 4  # the standard's blank border, in modules
# Phone cameras read modules down to about a third of a millimetre at reading distance.
MIN_MODULE_MM = 0.3
@lru_cache(maxsize=64)
def qr_matrix(value: str) -> tuple[tuple[bool, ...], ...] | None:
    """``value``'s QR code at error level ``LEVEL``, the version as small as holds it:
    rows of modules, True where dark (the quiet border not included); None when it does
    not fit in one code. The poster, its preview and the plan's check all draw this."""
    from reportlab.graphics.barcode import qrencoder as enc  # what reportlab's QrCodeWidget encodes with

    try:
        qr = enc.QRCode(None, getattr(enc.QRErrorCorrectLevel, LEVEL))
        qr.addData(value)
        qr.make()
    except Exception:  # reportlab raises a bare Exception ("code length overflow")
        return None
    n = qr.getModuleCount()
    return tuple(tuple(qr.isDark(row, col) for col in range(n)) for row in range(n))


def qr_modules(value: str) -> int | None:
    """Modules per side of ``value``'s QR code, or None when it does not fit in one."""
    m = qr_matrix(value)
    return None if m is None else len(m)


def qr_readable(value: str, side: float) -> bool:
    """True when ``value`` encodes and its modules are large enough at ``side`` points."""
    n = qr_modules(value)
    return n is not None and side / (n + 2 * QUIET) >= MIN_MODULE_MM * MM
