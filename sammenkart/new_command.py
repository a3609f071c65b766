"""``sammenkart ny MAPPE --kommune NAVN [--malform nb|nn]``: a starter folder.

Writes a map named for the municipality with the standard services, the
bundled pathways and cases in the chosen målform (``editing.template.new_folder``,
the same code as *Fil → Nytt kart…*), and prints what it made and what to do
next. Never overwrites. Exit codes as ``validate``: 0 made, 1 nothing could
be written (a file exists, a disk error), 2 wrong usage (a name no id can be
made from).
"""
from __future__ import annotations

import sys
from pathlib import Path

from .i18n import _
from .os_errors import describe
from .model import MALFORMER

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def configure_parser(sub) -> None:
    n = sub.add_parser("ny", help=_("lag en ny mappe med kart, forløp og kasus for en kommune"))
    n.add_argument("path", metavar=_("MAPPE"), help=_("mappen det skal ligge i (lages om den ikke finnes)"))
    n.add_argument("--kommune", required=True, metavar=_("NAVN"), help=_("kommunens navn, som «Stord»"))
    n.add_argument("--malform", choices=MALFORMER, default="nb",
                   help=_("målformen til kartet, forløpene og kasusene (standard: nb)"))


def run(args) -> int:
    from .editing import EditError, new_folder, slug

    name = args.kommune.strip()
    if not name or not slug(name):
        print(_("sammenkart ny: «{name}» kan ikke brukes som navn; skriv kommunens navn med bokstaver").format(
            name=args.kommune), file=sys.stderr)
        return EXIT_USAGE
    folder = Path(args.path)
    try:
        made = new_folder(folder, name, args.malform)
    except EditError as exc:
        print(_("sammenkart ny: {error}").format(error=exc), file=sys.stderr)
        return EXIT_ERRORS
    except OSError as exc:
        print(_("sammenkart ny: kan ikke skrive i «{path}»: {error}").format(
            path=folder, error=describe(exc)), file=sys.stderr)
        return EXIT_ERRORS
    from .loader import load_map_file

    m, _problems = load_map_file(made.map_path)
    language = _("nynorsk") if args.malform == "nn" else _("bokmål")
    print(_("Laget «{folder}» for {name} på {language}:").format(folder=folder, name=name, language=language))
    print("  " + _("{path}: kartet, med {n} standardtjenester").format(
        path=made.map_path, n=len(m.tjenester) if m else "?"))
    print("  " + _("{path}: {n} forløp").format(path=folder / "kart" / "forlop", n=len(made.pathways)))
    print("  " + _("{path}: {n} kasus").format(path=folder / "kasus", n=len(made.cases)))
    print(_("Neste steg:"))
    print("  1. " + _("Skriv navn, beskrivelse, alder, tilgang og kontakt for hver tjeneste i {path}. Ta bort "
                      "tjenestene kommunen ikke har, og linjene under «samarbeid» som nevner dem; legg til "
                      "de som mangler.").format(path=made.map_path))
    print("  2. " + _("Sjekk filene: sammenkart validate {folder}").format(folder=folder))
    print("  3. " + _("Åpne kartet: sammenkart {folder}").format(folder=folder))
    return EXIT_OK
