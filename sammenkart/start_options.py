"""Start options: open the app straight in a given state (desktop shortcuts, tests).

    sammenkart [MAPPE|KART] [--kart ID] [--forlop ID] [--steg N] [--kasus ID]
               [--presentasjon] [--skjerm N] [--sprak nb|nn|en]

``resolve(workspace, request) -> Start`` checks the ids against what was
loaded and raises ``StartError`` with a message that lists the valid ids;
the command line prints it and exits with 2 (wrong usage). Steps and screens
count from 1 for users and from 0 in ``Start``. A screen that is not plugged in
is no usage error: ``screen_to_use`` opens on the first screen and says so
(a shortcut made for the projector still starts on the laptop). Pure Python (no Qt).
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, _
from .loader import unusable_text
from .model import Map, Workspace
from .session.model import gaps


@dataclass(frozen=True)
class StartRequest:
    """What the user asked for on the command line (ids as typed, steps from 1)."""

    kart: str | None = None
    forlop: str | None = None
    steg: int | None = None
    kasus: str | None = None
    presentasjon: bool = False
    skjerm: int | None = None
    sprak: str | None = None  # the interface language for this run ("nb", "nn", "en")

    def is_empty(self) -> bool:
        return self == StartRequest()


@dataclass(frozen=True)
class Start:
    """The state to open in (ids checked; steps and screen from 0)."""

    map_id: str | None = None
    pathway_id: str | None = None
    step: int | None = None  # pathway step
    case_id: str | None = None
    case_step: int | None = None
    presentation: bool = False
    screen: int | None = None
    language: str | None = None  # None: the saved choice, or the map's målform


class StartError(ValueError):
    """An id or number the loaded data does not have; the message says which exist."""


def _listed(ids) -> str:
    ids = sorted(ids)
    return ", ".join(ids) if ids else _("ingen")


def map_order(ws: Workspace) -> list[Map]:
    """Maps in the order the window lists them (by name)."""
    return sorted(ws.maps.values(), key=lambda m: m.navn)


def first_map_for_case(ws: Workspace, case_id: str) -> Map | None:
    """The first map (in list order) the case fits: a map in the case's own
    målform with every role the case names; failing that, the one that lacks
    the fewest (a map in the case's målform first)."""
    case = ws.cases[case_id]
    ranked = [(len(gaps(case, m)) > 0, m.malform != case.malform, len(gaps(case, m)), i, m)
              for i, m in enumerate(map_order(ws))]
    return min(ranked, key=lambda t: t[:4])[4] if ranked else None


def resolve(ws: Workspace, req: StartRequest) -> Start:
    if req.kart is not None and req.kart not in ws.maps:
        raise StartError(_("finner ikke kartet «{id}». Kart som kan åpnes: {ids}").format(
            id=req.kart, ids=_listed(ws.maps)))
    if req.kasus is not None and req.kasus not in ws.cases:
        raise StartError(_("finner ikke kasuset «{id}». Kasus som kan åpnes: {ids}").format(
            id=req.kasus, ids=_listed(ws.cases)))
    if req.forlop is not None and req.forlop not in ws.pathways:
        for malform in ws.unusable_versions.get(req.forlop, {}):
            raise StartError(unusable_text(ws, req.forlop, malform))
        raise StartError(_("finner ikke forløpet «{id}». Forløp som kan åpnes: {ids}").format(
            id=req.forlop, ids=_listed(ws.pathways)))
    if req.skjerm is not None and req.skjerm < 1:
        raise StartError(_("--skjerm teller fra 1 (1 er den første skjermen)"))

    m = ws.maps.get(req.kart) if req.kart else None
    if m is None and req.kasus:
        m = first_map_for_case(ws, req.kasus)
    def offered(x: Map) -> set[str]:
        return {p.id for p in ws.pathways_for(x)}

    if m is None and req.forlop:
        m = next((x for x in map_order(ws) if req.forlop in offered(x)), None)
    if req.forlop is not None and m is not None and ws.unusable(req.forlop, m.malform) is not None:
        raise StartError(unusable_text(ws, req.forlop, m.malform))
    if req.forlop is not None and m is not None and req.forlop not in offered(m):
        raise StartError(_("forløpet «{id}» viser ikke til noen tjeneste i kartet «{kart}». Forløp for kartet: {ids}").format(
            id=req.forlop, kart=m.id, ids=_listed(p.id for p in ws.pathways_for(m))))

    step = case_step = None
    if req.steg is not None:
        if req.kasus:
            n = len(ws.cases[req.kasus].steg)
        elif req.forlop:
            # the version in the map's målform (nb and nn may differ in steps)
            n = len(ws.pathway(req.forlop, m.malform if m else None).flyt)
        else:
            raise StartError(_("--steg gjelder et forløp eller et kasus: bruk det med --forlop eller --kasus"))
        if not 1 <= req.steg <= n:
            raise StartError(_("--steg må være mellom 1 og {n}").format(n=n))
        if req.kasus:
            case_step = req.steg - 1
        else:
            step = req.steg - 1
    return Start(
        map_id=m.id if m else None,
        pathway_id=req.forlop,
        step=step,
        case_id=req.kasus,
        case_step=case_step,
        presentation=req.presentasjon,
        screen=None if req.skjerm is None else req.skjerm - 1,
        language=req.sprak,
    )


# Said in the window (and the log) when the screen a shortcut names is not there.
SCREEN_MISSING = N_("Skjerm {n} finnes ikke (skjermer: {ids}); vinduet er åpnet på skjerm 1.")


def screen_to_use(screen: int | None, count: int) -> tuple[int | None, dict]:
    """The screen to open on for ``Start.screen`` (from 0) when ``count`` screens
    exist: ``(index, note)``. A screen that is not there (the projector not
    plugged in) gives the first screen and the placeholders of ``SCREEN_MISSING``
    (``n``, ``ids``, counted from 1) for a note saying so; otherwise the note is
    empty. ``None`` stays None (the primary screen)."""
    if screen is None or screen < count or count < 1:
        return (screen if count >= 1 else None), {}
    return 0, {"n": screen + 1, "ids": ", ".join(str(i + 1) for i in range(count))}
