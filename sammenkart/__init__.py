"""Sammenkart: kart over tjenester for barn og unge."""

# The one place the version is written; pyproject.toml reads it from here
# (reading package metadata at start-up cost ~50 ms before the window showed).
__version__ = "0.1.0"
