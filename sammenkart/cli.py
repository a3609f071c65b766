"""The ``sammenkart`` command: start the app, validate files, export posters,
print the layout (``layout``), show figures (``tal``), start a new
municipality's folder (``ny``) and the yearly revision report (``revisjon``).

Pure Python: the GUI and the poster code are imported only when asked for, so
``sammenkart validate`` starts fast and works without a display.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, i18n
from .i18n import _, ngettext

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
# The subcommands; anything else on the command line starts the window.
COMMANDS = ("validate", "export", "layout", "open", "tal", "ny", "revisjon")
# The commands that write posters, handouts and reports: ``--sprak en`` gives them English labels.
OUTPUT_COMMANDS = ("export", "tal", "revisjon")


class _Parser(argparse.ArgumentParser):
    """argparse in the user's language, with exit code 2 for wrong usage and
    ``--sprak`` on every command (read before the parser is built, see ``main``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.add_help:
            self.add_argument("--sprak", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                              help=_("språket meldingene skrives på: nb (bokmål), nn (nynorsk) eller en (engelsk)"))

    def error(self, message: str):  # noqa: D401 - argparse's name
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: feil: {message}\n").format(prog=self.prog, message=message))


def build_parser(export_options: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sammenkart",
        description=_("Kart over tjenester for barn og unge, samhandlingsforløp og kasusøvelser."),
        epilog=_("Uten kommando startes programmet: sammenkart [MAPPE|KART] [--kart ID] [--forlop ID] "
                 "[--steg N] [--kasus ID] [--presentasjon] [--skjerm N] (se «sammenkart open --help»)."),
    )
    parser.add_argument("--version", action="version", version=f"sammenkart {__version__}",
                        help=_("vis versjonsnummeret og avslutt"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    v = sub.add_parser("validate", help=_("sjekk kart-, forløps- og kasusfiler"))
    v.add_argument("paths", nargs="*", metavar=_("STI"), help=_("filer eller mapper (uten STI: eksempeldataene)"))
    v.add_argument("--stille", action="store_true", help=_("vis bare feil, ikke advarsler"))
    v.add_argument("--alle", action="store_true",
                   help=_("vis hver advarsel på sin linje, også dem av én årsak som ellers samles i én (eksempeladresser)"))
    if export_options and _poster_command() is not None:
        _poster_command().configure_parser(sub)
    else:  # listed in --help; the poster code loads only when it is used
        sub.add_parser("export", help=_("lag plakat eller brosjyre som PDF"), add_help=False)
    from . import figures_command, new_command, revision_command
    from .layout.command import configure_parser as layout_parser

    layout_parser(sub)
    figures_command.configure_parser(sub)
    new_command.configure_parser(sub)
    revision_command.configure_parser(sub)
    o = sub.add_parser("open", help=_("start programmet (det samme som uten kommando)"))
    add_start_options(o)
    return parser


def add_start_options(p: argparse.ArgumentParser) -> None:
    """The GUI's start options (see sammenkart/start_options.py and README)."""
    p.add_argument("path", nargs="?", metavar=_("MAPPE_ELLER_KART"),
                   help=_("mappe med kart/ (og kasus/) eller én kartfil; uten: eksempeldataene"))
    p.add_argument("--kart", metavar="ID", help=_("åpne dette kartet"))
    p.add_argument("--forlop", metavar="ID", help=_("vis dette forløpet"))
    p.add_argument("--steg", metavar="N", type=int, help=_("gå til steg N (fra 1) i forløpet eller kasuset"))
    p.add_argument("--kasus", metavar="ID", help=_("start dette kasuset (uten --kart: det første kartet det passer i)"))
    p.add_argument("--presentasjon", action="store_true", help=_("start i presentasjonsmodus (fullskjerm)"))
    p.add_argument("--skjerm", metavar="N", type=int, help=_("åpne på skjerm N (fra 1)"))


def language_asked(argv: list[str]) -> str | None:
    """The value of ``--sprak`` anywhere on the command line (the help texts are
    made in that language, so it is read before the parser is built)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--sprak" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--sprak="):
            return arg.split("=", 1)[1]
    return None


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is not ``--sprak X`` (which may come before the command)."""
    i = 0
    while i < len(argv):
        if argv[i] == "--sprak":
            i += 2
        elif argv[i].startswith("--sprak="):
            i += 1
        else:
            return argv[i]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # --sprak, else SAMMENKART_LANG, else the system's locale (LANG), else bokmål
    # (a wrong value is reported by argparse, in that language)
    lang = i18n.interface_language(language_asked(argv))
    i18n.set_language(lang)
    # Files speak the map's målform (its text is in it); English labels only when asked for
    # (--sprak en or SAMMENKART_LANG=en; an English locale gives English messages, not English posters)
    asked = i18n.requested(language_asked(argv)) == "en"
    i18n.set_output_language("en" if asked and _first_word(argv) in OUTPUT_COMMANDS else None)
    # `sammenkart [PATH] [--kart ID ...]` starts the app; a subcommand, --help or
    # --version is anything else.
    if _first_word(argv) not in (*COMMANDS, "-h", "--help", "--version"):
        argv = ["open", *argv]
    if _first_word(argv) == "export" and _poster_command() is None:
        print(_("sammenkart export: plakatmodulen er ikke installert"), file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(export_options=_first_word(argv) in ("export", "-h", "--help"))
    args = parser.parse_args(argv)
    if args.command == "validate":
        return run_validate(args.paths, quiet=args.stille, each=args.alle)
    if args.command == "layout":
        return args.func(args)
    if args.command == "tal":
        from . import figures_command

        return figures_command.run(args)
    if args.command == "ny":
        from . import new_command

        return new_command.run(args)
    if args.command == "revisjon":
        from . import revision_command

        return revision_command.run(args)
    if args.command == "export":
        command = _poster_command()
        if command is None:
            print(_("sammenkart export: plakatmodulen er ikke installert"), file=sys.stderr)
            return EXIT_USAGE
        return command.run(args)
    return run_gui(args.path, _start_request(args))


def _poster_command():
    """The poster module's command, or None when that part is not installed."""
    try:
        from .poster import command
    except ImportError:
        return None
    return command


def _start_request(args):
    from .start_options import StartRequest

    return StartRequest(kart=args.kart, forlop=args.forlop, steg=args.steg, kasus=args.kasus,
                        presentasjon=args.presentasjon, skjerm=args.skjerm,
                        sprak=i18n.normalise(getattr(args, "sprak", None)))  # SAMMENKART_LANG: the window reads it


def run_gui(path: str | None, request=None) -> int:
    """Load the data, check the start options against it, open the window.

    A file with errors never stops the app (its problems are listed in the
    window); an id the data does not have is wrong usage (exit 2, valid ids listed).
    """
    from .loader import load_bundled, load_workspace
    from .start_options import StartError, StartRequest, resolve

    if path is not None and not Path(path).exists():
        print(_("sammenkart: finner ikke «{path}»").format(path=path), file=sys.stderr)
        return EXIT_USAGE
    ws = load_bundled() if path is None else load_workspace(path)
    try:
        start = resolve(ws, request or StartRequest())
    except StartError as exc:
        print(_("sammenkart: {message}").format(message=exc), file=sys.stderr)
        if ws.errors:
            print(_("({n} feil i filene; se dem med «sammenkart validate {path}»)").format(
                n=len(ws.errors), path=path or ""), file=sys.stderr)
        return EXIT_USAGE
    try:
        from .qt.app import run_app
    except ImportError as exc:
        print(_("sammenkart: kan ikke starte vinduet: {error}").format(error=exc), file=sys.stderr)
        return EXIT_ERRORS
    return run_app(ws, start, path)


def run_validate(paths: list[str], quiet: bool = False, each: bool = False) -> int:
    """Print the problems of ``paths`` and the counts; ``each``: every warning on its
    own line (else one cause repeated is one line, ``problem_groups``; counted as many)."""
    from .problem_groups import grouped
    from .validation_run import validate

    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        for p in missing:
            print(_("sammenkart validate: finner ikke «{path}»").format(path=p), file=sys.stderr)
        return EXIT_USAGE
    result = validate(paths)
    problems = result.problems
    for p in problems if each else grouped(problems):
        if p.is_error or not quiet:
            print(p)  # Problem.__str__ shows control characters from a file as U+XXXX
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    for note in result.notes:
        print(note, file=sys.stderr)
    counts = result.counts
    read = _("{maps} kart, {pathways} forløp, {cases} kasus").format(**counts)
    if counts.get("figures"):
        many = counts["figures"] != 1
        read = (_("{read} og {figures} talfiler") if many else _("{read} og {figures} talfil")).format(
            read=read, figures=counts["figures"])
    counted = _("{errors}, {warnings}").format(
        errors=ngettext("{n} feil", "{n} feil", errors).format(n=errors),
        warnings=ngettext("{n} advarsel", "{n} advarsler", warnings).format(n=warnings))
    print(_("{read} sjekket: {counted}").format(read=read, counted=counted), file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
