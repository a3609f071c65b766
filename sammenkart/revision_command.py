"""``sammenkart revisjon MAPPE [--out F.md|F.pdf] [--kart ID] [--dato DATO]``: the yearly revision report.

For every map of the folder (or the one ``--kart`` names), in the map's
målform: what is yellow or red per responsible unit, what is not reviewed,
how the local adaptations differ from their shared texts and what the
shared texts changed since they were last revised locally. A text in the
terminal by default, or Markdown or PDF by the ending of ``--out`` (written
atomically). Exit codes as ``validate``: 0; 1 when the folder has errors
(the report of what is usable is still given); 2 for wrong usage (no such
folder or map, an unknown ending, a date that is not ÅÅÅÅ-MM-DD).
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from .i18n import _
from .report_output import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    pdf_writer,
    say,
    usage_problem,
    write_output,
    write_text_file,
)

OUTPUTS = (".md", ".pdf")


def configure_parser(sub) -> None:
    r = sub.add_parser("revisjon", help=_("lag revisjonsrapporten: status, ansvar, lokale tilpasninger og "
                                          "endringer i felles tekster"))
    r.add_argument("path", metavar=_("MAPPE"), help=_("mappe med kart/ (eller én kartfil)"))
    r.add_argument("--out", metavar=_("FIL"), help=_("skriv til FIL.md eller FIL.pdf i stedet for å vise rapporten"))
    r.add_argument("--kart", metavar="ID", help=_("bare kartet med denne id-en"))
    r.add_argument("--dato", metavar=_("DATO"), help=_("rapportens dato, som 2026-11-30 (standard: i dag); "
                                                       "avgjør om neste revisjon er forfalt"))


def run(args) -> int:
    from .loader import load_workspace
    from .revision_report import build_report, to_markdown, to_text

    path = Path(args.path)
    out = Path(args.out) if args.out else None
    if usage_problem("revisjon", path, out, OUTPUTS):
        return EXIT_USAGE
    today = dt.date.today()
    if args.dato:
        try:
            today = dt.date.fromisoformat(args.dato) if len(args.dato) == 10 else None
        except ValueError:
            today = None
        if today is None:
            say("revisjon", _("--dato må være en dato som 2026-11-30, ikke «{value}»").format(value=args.dato))
            return EXIT_USAGE

    ws = load_workspace(path)
    for p in ws.problems:
        if p.is_error:  # errors decide the exit code; warnings about references are validate's business
            print(p, file=sys.stderr)
    maps = list(ws.maps.values())
    if args.kart:
        maps = [m for m in maps if m.id == args.kart]
        if not maps:
            say("revisjon", _("finner ikke kartet «{id}» i «{path}»; kartene er {ids}").format(
                id=args.kart, path=path, ids=", ".join(ws.maps) or "–"))
            return EXIT_USAGE
    if not maps:
        say("revisjon", _("fant ingen kart i «{path}»").format(path=path))
        return EXIT_ERRORS
    reports = [build_report(ws, m, today) for m in maps]
    written = write_output("revisjon", out, lambda: to_text(reports), {
        ".pdf": pdf_writer("revision_pdf", reports),
        ".md": write_text_file(lambda: to_markdown(reports)),
    })
    if written != EXIT_OK:
        return written
    return EXIT_ERRORS if ws.errors else EXIT_OK

