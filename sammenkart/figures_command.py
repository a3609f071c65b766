"""``sammenkart tal MAPPE [--ar AR] [--out F.md|F.pdf|F.csv]``: the figures summary.

Prints the summary of ``tal/<id>.csv`` for every map of the folder that has
figures, in the map's målform: a terminal table by default, or writes
Markdown, PDF or CSV (chosen by the ending of ``--out``; written atomically).
Exit codes as ``validate``: 0, 1 when the folder has errors (the summary of
what is usable is still given), 2 for wrong usage (no such folder or year,
an unknown ending).
"""
from __future__ import annotations

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

OUTPUTS = (".md", ".pdf", ".csv")


def configure_parser(sub) -> None:
    t = sub.add_parser("tal", help=_("vis henvisninger og avslag (tal/*.csv) som tabell"))
    t.add_argument("path", metavar=_("MAPPE"), help=_("mappe med kart/ og tal/ (eller én kartfil)"))
    t.add_argument("--ar", type=int, metavar=_("ÅR"), help=_("året tabellen gjelder (standard: det siste)"))
    t.add_argument("--out", metavar=_("FIL"), help=_("skriv til FIL.md, FIL.pdf eller FIL.csv i stedet for å vise tabellen"))


def run(args) -> int:
    from .figures import FOLDER, problems_of
    from .figures_report import build_report, to_csv, to_markdown, to_text
    from .loader import load_workspace

    path = Path(args.path)
    out = Path(args.out) if args.out else None
    if usage_problem("tal", path, out, OUTPUTS):
        return EXIT_USAGE

    ws = load_workspace(path)
    # The figures' own problems, and errors anywhere (they decide the exit code);
    # a pathway's warnings about a map are no business of this command.
    mine = set(problems_of(ws))
    for p in ws.problems:
        if p.is_error or p in mine:
            print(p, file=sys.stderr)
    usable = [(m, ws.figures[m.id]) for m in ws.maps.values() if m.id in ws.figures and ws.figures[m.id].rows]
    if not usable:
        broken = [t for t in ws.figures.values() if t.path is not None and any(p.is_error for p in t.problems)]
        for t in broken:  # the file is there, but nothing in it could be used: say so, and why (above)
            say("tal", _("{fil} kunne ikke brukes: se feilene over").format(fil=f"{FOLDER}/{t.path.name}"))
        if not broken:
            say("tal", _("fant ingen tall (tal/<kart-id>.csv) for kartene i «{path}»").format(path=path))
        return EXIT_ERRORS
    reports = []
    for m, table in usable:
        try:
            reports.append(build_report(m, table, args.ar))
        except ValueError as exc:
            say("tal", f"{m.navn}: {exc}")
            return EXIT_USAGE

    written = write_output("tal", out, lambda: to_text(reports), {
        ".pdf": pdf_writer("figures_pdf", reports),
        ".md": write_text_file(lambda: to_markdown(reports)),
        ".csv": write_text_file(lambda: to_csv(reports)),
    })
    if written != EXIT_OK:
        return written
    return EXIT_ERRORS if ws.errors else EXIT_OK

