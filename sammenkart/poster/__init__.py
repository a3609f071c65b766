"""Printable posters, tiled posters and family handouts (reportlab, pure code)."""
from .export import ExportResult, export_poster

__all__ = ["ExportResult", "export_poster", "export_handout"]


def export_handout(m, pathway, out, greyscale: bool = False, problems: list | None = None):
    from .handout import export_handout as _export

    return _export(m, pathway, out, greyscale=greyscale, problems=problems)
