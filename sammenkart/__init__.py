"""Sammenkart: kart over tjenester for barn og unge."""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("sammenkart")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
