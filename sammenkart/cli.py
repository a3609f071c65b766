"""The ``sammenkart`` command: start the app, validate files, export posters, print the layout.

Pure Python: the GUI and the poster code are imported only when asked for, so
``sammenkart validate`` starts fast and works without a display.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .i18n import _

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with Norwegian error text and exit code 2 for wrong usage."""

    def error(self, message: str):  # noqa: D401 - argparse's name
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: feil: {message}\n").format(prog=self.prog, message=message))


def build_parser(export_options: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sammenkart",
        description=_("Kart over tjenester for barn og unge, samhandlingsforløp og kasusøvelser."),
    )
    parser.add_argument("--version", action="version", version=f"sammenkart {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    v = sub.add_parser("validate", help=_("sjekk kart-, forløps- og kasusfiler"))
    v.add_argument("paths", nargs="*", metavar=_("STI"), help=_("filer eller mapper (uten STI: eksempeldataene)"))
    v.add_argument("--stille", action="store_true", help=_("vis bare feil, ikke advarsler"))
    if export_options and _poster_command() is not None:
        _poster_command().configure_parser(sub)
    else:  # listed in --help; the poster code loads only when it is used
        sub.add_parser("export", help=_("lag plakat eller brosjyre som PDF"), add_help=False)
    from .layout.command import configure_parser as layout_parser

    layout_parser(sub)
    o = sub.add_parser("open", help=_("start programmet (det samme som uten kommando)"))
    o.add_argument("path", nargs="?", metavar=_("MAPPE_ELLER_KART"))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `sammenkart PATH` starts the app; anything else is a subcommand or an option.
    if argv and not argv[0].startswith("-") and argv[0] not in ("validate", "export", "layout", "open"):
        argv = ["open", *argv]
    if argv and argv[0] == "export" and _poster_command() is None:
        print(_("sammenkart export: plakatmodulen er ikke installert"), file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(export_options=bool(argv) and argv[0] in ("export", "-h", "--help"))
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.paths, quiet=args.stille)
    if args.command == "layout":
        return args.func(args)
    if args.command == "export":
        command = _poster_command()
        if command is None:
            print(_("sammenkart export: plakatmodulen er ikke installert"), file=sys.stderr)
            return EXIT_USAGE
        return command.run(args)
    return run_gui(getattr(args, "path", None))


def _poster_command():
    """The poster module's command, or None when that part is not installed."""
    try:
        from .poster import command
    except ImportError:
        return None
    return command


def run_gui(path: str | None) -> int:
    if path is not None and not Path(path).exists():
        print(_("sammenkart: finner ikke «{path}»").format(path=path), file=sys.stderr)
        return EXIT_USAGE
    try:
        from .qt.app import run_app
    except ImportError as exc:
        print(_("sammenkart: kan ikke starte vinduet: {error}").format(error=exc), file=sys.stderr)
        return EXIT_ERRORS
    return run_app(path)


def run_validate(paths: list[str], quiet: bool = False) -> int:
    from .validation_run import validate_paths

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        for p in missing:
            print(_("sammenkart validate: finner ikke «{path}»").format(path=p), file=sys.stderr)
        return EXIT_USAGE
    problems, counts = validate_paths(paths)
    shown = [p for p in problems if p.is_error or not quiet]
    for p in shown:
        print(p)
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    print(
        _("{maps} kart, {pathways} forløp, {cases} kasus sjekket: {errors} feil, {warnings} advarsler").format(
            **counts, errors=errors, warnings=warnings
        ),
        file=sys.stderr,
    )
    return EXIT_ERRORS if errors else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
