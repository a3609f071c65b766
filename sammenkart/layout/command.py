"""`sammenkart layout`: the map's picture as JSON, for tests and other tools.

The contract is documented in docs/layout.md: cards and arrows in map units
(points, origin top-left, y down), exactly what the window draws. Exit
codes: 0 printed, 2 bad arguments or a map, pathway or step that does not
exist.
"""
from __future__ import annotations

import json
import sys

from ..i18n import _

SCHEMA = 1


def configure_parser(subparsers):
    p = subparsers.add_parser(
        "layout", help=_("skriv ut kartets plassering og piler (JSON)"),
        description=_("Skriver ut hvor kortene står og hvor pilene går, i kartenheter (punkter)."))
    p.add_argument("map", metavar=_("KART"), help=_("en kartfil (.yaml) eller id-en til et medfølgende kart"))
    p.add_argument("--forlop", metavar="ID", help=_("ta med pilene til dette forløpet"))
    p.add_argument("--steg", metavar="N", type=int, help=_("steg N (fra 1) er gjeldende steg"))
    p.add_argument("--aspekt", metavar=_("B:H"), default="16:9", help=_("formen kartet skal fylle (standard 16:9)"))
    p.add_argument("--json", action="store_true", help=_("skriv JSON (dokumentert i docs/layout.md)"))
    p.set_defaults(func=run)
    return p


def _fail(message: str) -> int:
    print(_("sammenkart layout: {melding}").format(melding=message), file=sys.stderr)
    return 2


def _aspect(text: str) -> float | None:
    try:
        w, h = (float(v) for v in text.replace("x", ":").split(":"))
        return w / h if w > 0 and h > 0 else None
    except ValueError:
        return None


def run(args) -> int:
    from ..poster.command import find_map

    m, ws, error = find_map(args.map)
    if isinstance(error, list):  # errors in the map files: as validate prints them
        for e in error:
            print(e, file=sys.stderr)
        print(_("sammenkart layout: ingen kart kunne leses"), file=sys.stderr)
        return 1
    if error:
        return _fail(error)
    aspect = _aspect(args.aspekt)
    if aspect is None:
        return _fail(_("ugyldig aspekt «{verdi}»; skriv for eksempel 16:9").format(verdi=args.aspekt))
    offered = ws.pathways_for(m)
    pathway = None
    if args.forlop:
        pathway = next((p for p in offered if p.id == args.forlop), None)
        if pathway is None:
            names = ", ".join(p.id for p in offered) or _("(ingen)")
            return _fail(_("kartet «{kart}» har ikke forløpet «{forlop}». Forløp for dette kartet: {liste}").format(
                kart=m.id, forlop=args.forlop, liste=names))
    if args.steg is not None:
        if pathway is None:
            return _fail(_("--steg trenger et forløp: legg til --forlop ID"))
        if not 1 <= args.steg <= len(pathway.flyt):
            return _fail(_("forløpet «{forlop}» har steg 1–{n}").format(forlop=pathway.id, n=len(pathway.flyt)))
    data = picture(m, offered, pathway, args.steg, aspect)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(_("{kart}: {kort} kort, {piler} piler, {b} × {h} kartenheter").format(
            kart=m.id, kort=len(data["cards"]), piler=len(data["arrows"]), b=round(data["width"]),
            h=round(data["height"])))
    return 0


def picture(m, pathways, pathway=None, step: int | None = None, aspect: float | None = None) -> dict:
    """The documented JSON value for a map (and pathway, 1-based step) as the window draws it."""
    from ..display import build
    from ..overlay import pathway_emphasis
    from .engine import SCREEN_ASPECT, layout_map

    layout = layout_map(m, pathways, aspect or SCREEN_ASPECT)
    em = pathway_emphasis(m, pathway, None if step is None else step - 1) if pathway else None
    d = build(m, layout, em)
    r2 = lambda v: round(v, 2)  # noqa: E731
    cards = [{"id": c.id, "x": r2(c.rect.x), "y": r2(c.rect.y), "w": r2(c.rect.w), "h": r2(c.rect.h)}
             for c in sorted(d.cards, key=lambda c: c.id)]
    badges = {}
    for b in d.badges:
        badges.setdefault(b.number, []).append(b)
    arrows = []
    for line in d.arrows:
        badge = next((b for b in d.badges if b.number == line.number and _on(b, line)), None)
        for fra, til, pts in line.arrows:
            arrows.append({
                "fra": fra, "til": til, "art": line.art, "steg": line.number,
                "points": [[r2(x), r2(y)] for x, y in pts],
                "badge": [r2(badge.x), r2(badge.y), r2(badge.r)] if badge else None,
                "gjeldende": line.current, "nedtonet": line.faded, "lokke": line.loop,
            })
    arrows.sort(key=lambda a: (a["steg"] or 0, a["fra"], a["til"]))
    links = [{"fra": fra, "til": til, "points": [[r2(x), r2(y)] for x, y in pts]}
             for line in d.links for fra, til, pts in line.arrows]
    bands = [{"niva": b.level_id, "x": r2(b.rect.x), "y": r2(b.rect.y), "w": r2(b.rect.w), "h": r2(b.rect.h),
              "etikett": [t for t, _x, _y in b.runs]} for b in d.bands]
    return {"sammenkart_layout": SCHEMA, "kart": m.id, "forlop": pathway.id if pathway else None,
            "steg": step, "width": r2(d.width), "height": r2(d.height), "cards": cards, "arrows": arrows,
            "links": links, "bands": bands}


def _on(badge, line) -> bool:
    """Is the badge's centre on one of the line's strokes?"""
    for pts in line.strokes:
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            if min(ax, bx) - 0.01 <= badge.x <= max(ax, bx) + 0.01 and min(ay, by) - 0.01 <= badge.y <= max(ay, by) + 0.01:
                return True
    return False
