"""`sammenkart export`: posters, tiled posters and handouts from the command line.

Exit codes: 0 written; 1 errors in what was to be exported (the map's file, the
chosen pathway's files: listed as ``validate`` prints them, nothing written) or
the file could not be written; 2 wrong usage (an unknown map, pathway or
option, an ``--out`` not ending in .pdf). Messages never show a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..i18n import _
from ..os_errors import describe
from ..public_edition import HANDOUT, POSTER_CLI, PUBLIC_BY_DEFAULT, left_out_note
from .pages import PAPERS, TILE_PAPERS, normalise_paper


def _paper(choices):
    def parse(text: str) -> str:
        p = normalise_paper(text)
        if p is None or p not in choices:
            raise argparse.ArgumentTypeError(
                _("ukjent papirstørrelse «{verdi}»; velg en av {valg}").format(verdi=text, valg=", ".join(choices)))
        return p

    return parse


def configure_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "export", help=_("lag plakat eller brosjyre som PDF"),
        description=_("Lager en plakat (A0–A4), en plakat delt på A4/A3-ark, eller en A4-brosjyre for ett forløp."))
    p.add_argument("map", metavar=_("KART"), help=_("en kartfil (.yaml) eller id-en til et medfølgende kart"))
    p.add_argument("--out", "-o", required=True, metavar=_("FIL.pdf"), help=_("PDF-filen som skal lages"))
    p.add_argument("--papir", type=_paper(PAPERS), default="A0", metavar="A0|A1|A2|A3|A4",
                   help=_("papirstørrelse (standard A0)"))
    p.add_argument("--liggende", action="store_true", help=_("liggende format (standard stående)"))
    p.add_argument("--forlop", metavar="ID", help=_("vis dette samhandlingsforløpet med nummerert flyt"))
    p.add_argument("--flis", type=_paper(TILE_PAPERS), metavar="A4|A3",
                   help=_("del plakaten opp på A4- eller A3-ark med overlapp og skjæremerker"))
    p.add_argument("--gratone", action="store_true", help=_("gråtoner i stedet for farger"))
    p.add_argument("--brosjyre", action="store_true", help=_("lag A4-brosjyre for forløpet (krever --forlop)"))
    p.add_argument("--visning", choices=("regional", "alle"), metavar="regional|alle",
                   help=_("for et regionkart: «regional» (standard) gir ett kort per rolle og de felles "
                          "tjenestene én gang; «alle» viser hver tjeneste i fila"))
    p.add_argument("--kommune", metavar=_("NAVN"), help=_("for et regionkart: kartet til én kommune i regionen"))
    p.add_argument("--tal", type=int, metavar=_("ÅR"),
                   help=_("ta med en tabell over henvisninger og avslag for året (fra tal/<kart-id>.csv)"))
    edition = p.add_mutually_exclusive_group()
    edition.add_argument("--publikum", dest="publikum", action="store_const", const=True,
                         help=_("plakat for publikum: uten kontakter merket «intern» (standard; brosjyren har "
                                "dem aldri)"))
    edition.add_argument("--fagfolk", dest="publikum", action="store_const", const=False,
                         help=_("plakat for fagfolk, til møter: med kontakter merket «intern»"))
    p.set_defaults(func=run, publikum=PUBLIC_BY_DEFAULT)
    return p


def _fail(message: str, code: int = 2) -> int:
    print(_("sammenkart export: {melding}").format(melding=message), file=sys.stderr)
    return code


def find_map(ref: str):
    """(map, workspace, error): a map file or folder, else a bundled map id.
    ``error``: a message (wrong usage), or a list of the errors in the map
    files that kept any map from loading (errors in files)."""
    from .. import loader

    path = Path(ref)
    if path.exists():
        ws = loader.load_workspace(path)
        if path.is_file():
            maps = [m for m in ws.maps.values() if m.path and Path(m.path).resolve() == path.resolve()]
            maps = maps or list(ws.maps.values())
        else:
            maps = list(ws.maps.values())
        if not maps:
            # only the map files' own errors: the pathways and cases beside them are not what failed
            map_files = {f.resolve() for f in loader.workspace_files(path)[0]} | {path.resolve()}
            errors = [p for p in ws.errors if Path(p.source.path).resolve() in map_files]
            if errors:
                return None, ws, errors
        if len(maps) != 1:
            if not maps:
                return None, ws, _("fant ingen kart i «{sti}»").format(sti=ref)
            return None, ws, _("«{sti}» har flere kart; oppgi én kartfil: {kart}").format(
                sti=ref, kart=", ".join(sorted(ws.maps)))
        return maps[0], ws, None
    ws = loader.load_bundled()
    if ref in ws.maps:
        return ws.maps[ref], ws, None
    known = ", ".join(sorted(ws.maps)) or _("(ingen)")
    return None, ws, _("fant verken filen eller kartet «{kart}». Kjente kart: {kjente}").format(kart=ref, kjente=known)


def _fail_in_files(errors, out: str) -> int:
    """The errors (as ``validate`` prints them) and that nothing was written: exit 1."""
    _print_problems(errors)
    return _fail(_("«{fil}» er ikke laget: feil i filene over må rettes først").format(fil=out), 1)


def errors_in_export(ws, m, pathway) -> list:
    """The errors of the files a poster or handout of ``m`` (with ``pathway``) is
    made from: the map's file (a region's, for a view of it) and the pathway's
    file and the shared texts it adapts; never those of other files beside them."""
    from ..regional import source_of

    files = [source_of(m).path]
    p = pathway
    while p is not None:
        files.append(p.path)
        p = p.base
    wanted = {Path(f).resolve() for f in files if f is not None}
    return [e for e in ws.errors if Path(e.source.path).resolve() in wanted]


def run(args) -> int:
    from ..report_output import out_problem

    if out_problem("export", Path(args.out), (".pdf",)):
        return 2
    try:
        m, ws, error = find_map(args.map)
    except ImportError:
        return _fail(_("kartlasteren mangler i denne versjonen"), 2)
    if isinstance(error, list):
        return _fail_in_files(error, args.out)
    if error:
        return _fail(error)
    m, error = _shown(m, args)
    if error:
        return _fail(error)
    figures = None
    if args.tal is not None:
        figures, error = _figures(ws, m, args.tal)
        if error:
            return _fail(error)
    pathway = None
    if args.forlop:
        offered = ws.pathways_for(m)
        pathway = next((p for p in offered if p.id == args.forlop), None)
        from ..loader import unusable_text

        held_back = unusable_text(ws, args.forlop, m.malform)
        if pathway is None and held_back:
            return _fail(held_back, 1)
        if pathway is None:
            names = ", ".join(p.id for p in offered) or _("(ingen)")
            return _fail(_("kartet «{kart}» har ikke forløpet «{forlop}». Forløp for dette kartet: {liste}").format(
                kart=m.id, forlop=args.forlop, liste=names))
    from ..regional import municipalities, source_of, spans_municipalities

    if args.brosjyre and spans_municipalities(m):
        return _fail(_("en brosjyre for familier gjelder én kommune (den gir kontaktene der familien bor): "
                       "legg til --kommune NAVN. Kommuner i «{kart}»: {liste}").format(
            kart=source_of(m).id, liste=", ".join(municipalities(source_of(m)))))
    if args.brosjyre and args.flis:
        return _fail(_("--brosjyre er alltid A4 og kan ikke deles opp med --flis"))
    if args.brosjyre and pathway is None:
        return _fail(_("--brosjyre trenger et forløp: legg til --forlop ID"))
    if args.brosjyre and figures is not None:
        return _fail(_("--tal gjelder plakater, ikke --brosjyre"))
    errors = errors_in_export(ws, m, pathway)
    if errors:
        return _fail_in_files(errors, args.out)
    from . import export_handout, export_poster

    problems = []
    try:
        if args.brosjyre:
            export_handout(m, pathway, args.out, greyscale=args.gratone, problems=problems)
            _print_problems(problems)
            print(_("Brosjyre skrevet til {fil}").format(fil=args.out))
            left_out = left_out_note(m, HANDOUT)  # a handout always leaves them out
            if left_out:
                print(left_out)
            return 0
        result = export_poster(m, args.out, paper=args.papir, landscape=args.liggende, pathway=pathway,
                               tile=args.flis, greyscale=args.gratone, workspace=ws, publikum=args.publikum,
                               figures=figures)
    except OSError as exc:
        return _fail(_("kunne ikke skrive «{fil}»: {grunn}").format(fil=args.out, grunn=describe(exc)), 1)
    except Exception as exc:  # a fault of ours: say so plainly, no traceback; --out is as it was
        return _fail(_("kunne ikke lage «{fil}» (intern feil: {type}: {grunn}); filen er ikke endret").format(
            fil=args.out, type=type(exc).__name__, grunn=exc), 1)
    _print_problems(result.problems)
    for w in result.warnings:
        print(_("advarsel: {melding}").format(melding=w), file=sys.stderr)
    pages = _("1 side") if result.pages == 1 else _("{n} sider").format(n=result.pages)
    print(_("Plakat skrevet til {fil} ({sider})").format(fil=args.out, sider=pages))
    from .composition import contact_pages_note

    note = contact_pages_note(result.plan)
    if note:
        print(note)
    left_out = left_out_note(m, POSTER_CLI) if args.publikum else None
    if left_out:
        print(left_out)
    return 0


def _shown(m, args):
    """(the map to print, error): a region as ``--visning``/``--kommune`` say (the
    regional view by default, like the window); any other map as it is."""
    from .. import regional

    if m.type != "region":
        if args.visning or args.kommune:
            return m, _("--visning og --kommune gjelder bare regionkart; «{kart}» er et kart for én kommune").format(
                kart=m.id)
        return m, None
    if args.kommune and args.visning:
        return m, _("velg enten --visning eller --kommune")
    if args.kommune:
        names = regional.municipalities(m)
        if args.kommune not in names:
            return m, _("regionen «{kart}» har ingen kommune «{kommune}». Kommuner: {liste}").format(
                kart=m.id, kommune=args.kommune, liste=", ".join(names))
        return regional.shown_map(m, args.kommune), None
    return regional.shown_map(m, regional.ALL if args.visning == "alle" else regional.REGIONAL), None


def _figures(ws, m, year: int):
    """((table, year), error) for ``--tal``: the figures of the map's file for that year."""
    from .. import figures_view
    from ..regional import source_of

    table = figures_view.table_for(ws, m)
    source = source_of(m)
    if table is None:
        return None, _("fant ingen tall for «{kart}» (tal/{kart}.csv ved siden av kart/)").format(kart=source.id)
    years = figures_view.years_in_scope(m, table)
    if year not in years:
        return None, _("det finnes ingen tall for {ar} i tal/{kart}.csv; tallene gjelder {liste}").format(
            ar=year, kart=source.id, liste=", ".join(str(y) for y in years) or "–")
    return (table, year), None


def _print_problems(problems) -> None:
    """``path:line:col: advarsel: …`` for each, as ``validate`` prints them."""
    for p in problems:
        print(str(p), file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own wording is English; keep our prefix and code 2
        self.print_usage(sys.stderr)
        self.exit(2, _("sammenkart export: {melding}\n").format(melding=message))


def main(argv=None) -> int:
    """Stand-alone entry (tests, benchmarks): the same as `sammenkart export ...`."""
    parser = _Parser(prog="sammenkart")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    configure_parser(sub)
    args = parser.parse_args(["export", *(argv or [])])
    return args.func(args)
