"""What the report commands (``tal``, ``revisjon``) share: the folder and ``--out``
checks and the writing of the chosen output, with the same messages and exit codes.

Exit codes as ``validate``: 0 ok, 1 errors (here: an output that could not be
written), 2 wrong usage (no such folder, an ``--out`` ending the command does not write).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .i18n import _, or_list
from .os_errors import describe

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def say(command: str, message: str) -> None:
    """``message`` on standard error, after the command's name."""
    print(f"sammenkart {command}: {message}", file=sys.stderr)


def usage_problem(command: str, path: Path, out: Path | None, endings: tuple[str, ...]) -> bool:
    """True (and said) when ``path`` does not exist or ``out`` ends in none of ``endings``."""
    if not path.exists():
        say(command, _("finner ikke «{path}»").format(path=path))
        return True
    return out_problem(command, out, endings)


def out_problem(command: str, out: Path | None, endings: tuple[str, ...]) -> bool:
    """True (and said) when ``out`` ends in none of ``endings`` (a command never
    writes one kind of file under another's name)."""
    if out is not None and out.suffix.lower() not in endings:
        say(command, _("--out må slutte på {endings}, ikke «{name}»").format(endings=or_list(endings), name=out.name))
        return True
    return False


def write_output(command: str, out: Path | None, text: Callable[[], str],
                 files: dict[str, Callable[[Path], None]]) -> int:
    """Print ``text()`` when ``out`` is None, else write ``out`` with the writer
    ``files`` has for its ending (each writes atomically). EXIT_OK, or
    EXIT_ERRORS (said) when the file could not be written."""
    try:
        if out is None:
            sys.stdout.write(text())
            return EXIT_OK
        files[out.suffix.lower()](out)
    except OSError as exc:
        say(command, _("kan ikke skrive «{path}»: {error}").format(path=out, error=describe(exc)))
        return EXIT_ERRORS
    # worded as the poster command says it ("Plakat skrevet til …")
    print(_("Rapport skrevet til {fil}").format(fil=out), file=sys.stderr)
    return EXIT_OK


def pdf_writer(module: str, reports: list) -> Callable[[Path], None]:
    """A writer for ``files`` that calls ``write_pdf(reports, out)`` of the
    package's ``module``, imported only when a PDF is asked for (reportlab)."""
    def write(out: Path) -> None:
        import importlib

        importlib.import_module(f"{__package__}.{module}").write_pdf(reports, out)
    return write


def write_text_file(make: Callable[[], str]) -> Callable[[Path], None]:
    """A writer for ``files`` that writes ``make()`` as text, atomically."""
    def write(out: Path) -> None:
        from .atomic import write_text

        write_text(out, make())
    return write
