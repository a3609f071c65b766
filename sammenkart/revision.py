"""The yearly revision of a map, as plain data: what is judged green, yellow
or red (``revisjon``), what is not judged yet, how each local adaptation
differs from its shared text, and what the shared text changed since the
local file was last revised.

``review(ws, map)`` gathers it; ``revision_report`` turns it into text,
Markdown and PDF; the revision view and its legend (later) read the same
statuses. How the old shared wording is known (docs/format.md, "Felles
tekst og lokal tilpasning"): when a local adaptation is marked revised
(``Editor.mark_revised``), the shared text as it read then is kept in
``grunnlag-ved-revisjon/<file name>`` beside it; the report compares that
copy with the shared text now, word by word. Without a copy only the dates
can say something: the shared file's ``revidert`` after the local file's
``revidert`` means the region revised it since. Pure Python.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from . import adaptation, loader, worddiff
from .i18n import _
from .model import ROLE_KEYS, Map, Pathway, Problem, Revision, Source, Workspace
from .roles import role_name

# Worst first: the order in which a report lists statuses.
STATUS_ORDER = ("rod", "gul", "gronn")
NOT_REVIEWED = None  # the status of a card or role without «revisjon»

# How the old shared wording is known for a local adaptation.
KNOWN_BY_COPY, KNOWN_BY_DATES, UNKNOWN = "kopi", "datoar", "ukjent"


def status_label(status: str | None) -> str:
    """The status in words, in the current language ("grønn", "gul", "rød", "ikke vurdert")."""
    return {"gronn": _("grønn"), "gul": _("gul"), "rod": _("rød")}.get(status, _("ikke vurdert"))


def heading_label(key: str) -> str:
    """A role heading as users know it (docs/format.md, Roller)."""
    return {"rolle": _("Rolle"), "kartlegging": _("Kartlegging"), "tiltak": _("Tiltak"),
            "evaluering": _("Evaluering av tiltak"), "samarbeid": _("Samarbeid"),
            "henvisning": _("Henvisning")}.get(key, key)


@dataclass(frozen=True)
class Item:
    """One thing the revision judges: a service card or one role of a pathway.

    ``target`` is what the editor's ``set_revision`` takes to change it:
    ("service", map id, service id) or ("role", pathway file stem, reference)."""

    kind: str  # "service" | "role"
    label: str  # the service's name, or the role's name on this map
    pathway: str | None  # the pathway's name, for a role
    revisjon: Revision | None
    source: Source  # where the card or role is written
    target: tuple
    kommune: str | None = None  # a region map's service: its municipality (None: shared by the region)

    @property
    def status(self) -> str | None:
        return self.revisjon.status if self.revisjon else NOT_REVIEWED


@dataclass(frozen=True)
class Difference:
    """One part of a pathway written two ways: ``old``/``new`` wording and their word diff.

    For a local adaptation, old is the shared text and new the local one
    (``same`` when they are equal: the local heading can go). For the shared
    text's changes, old is the copy the local file was revised against and
    new the shared text now; ``adapted`` says the local file writes this part
    itself, so the change does not reach it until someone looks."""

    label: str
    old: str | None
    new: str | None
    segments: tuple
    adapted: bool = False
    same: bool = False
    added_role: bool = False


@dataclass
class AdaptationReview:
    pathway: Pathway  # the merged pathway
    shared: Pathway  # its shared text now
    differences: list[Difference]  # the local file's own wording against the shared text now
    known_by: str  # KNOWN_BY_COPY, KNOWN_BY_DATES or UNKNOWN
    changes: list[Difference] | None  # what the shared text changed since the last local revision (with a copy)
    revised_against: dt.date | None  # the shared text's «revidert» in the copy
    shared_newer: bool | None  # by dates: the shared text was revised after the local file (None: cannot say)
    problems: list[Problem] = field(default_factory=list)  # a copy that cannot be read


@dataclass
class MapReview:
    map: Map
    today: dt.date
    items: list[Item]
    adaptations: list[AdaptationReview]
    root: Path | None = None  # the opened folder: where places are shown relative to

    @property
    def due(self) -> bool:
        return self.map.revision_due(self.today)

    def by_status(self, kind: str | None = None) -> dict[str | None, list[Item]]:
        out: dict[str | None, list[Item]] = {s: [] for s in (*STATUS_ORDER, NOT_REVIEWED)}
        for it in self.items:
            if kind is None or it.kind == kind:
                out[it.status].append(it)
        return out

    def to_follow_up(self) -> list[tuple[str | None, list[Item]]]:
        """Yellow and red items per responsible unit (``ansvar``; None: no unit named),
        units in alphabetical order (the unnamed last), red before yellow, oldest date first."""
        groups: dict[str | None, list[Item]] = {}
        for it in self.items:
            if it.status in ("gul", "rod"):
                groups.setdefault(it.revisjon.ansvar, []).append(it)
        order = sorted(groups, key=lambda u: (u is None, (u or "").casefold()))
        return [(u, sorted(groups[u], key=lambda it: (STATUS_ORDER.index(it.status), it.revisjon.dato or dt.date.max,
                                                        it.label))) for u in order]


def review(ws: Workspace, m: Map, today: dt.date | None = None) -> MapReview:
    """The revision of map ``m``: its service cards, the roles of the pathways
    it is offered (those of a service the map has, and any with a status),
    and its local adaptations. ``today`` decides whether the revision is due."""
    today = today or dt.date.today()
    items = [Item("service", s.navn, None, s.revisjon, s.source, ("service", m.id, s.id), s.kommune)
             for s in m.tjenester]
    adaptations = []
    for p in ws.pathways_for(m):
        stem = p.path.name[: -len(p.path.suffix)] if p.path is not None else p.id
        for ref, role in p.roller.items():
            if role.revisjon is None and not m.resolve(ref):
                continue  # not on this map and not judged: nothing to revise here
            items.append(Item("role", role_label(m, ref), p.navn, role.revisjon, role.source, ("role", stem, ref)))
        if p.is_adaptation and p.base is not None:
            adaptations.append(_adaptation(p, m))
    return MapReview(m, today, items, adaptations, ws.root)


def role_label(m: Map, ref: str) -> str:
    """A role by the service that fills it on this map ("Fjordvik legekontor"),
    or by the standard role's name when none or several do."""
    found = m.resolve(ref)
    if len(found) == 1:
        return found[0].navn
    return role_name(ref, m.malform) or ref


# ----------------------------------------------------------------- adaptations
def _adaptation(p: Pathway, m: Map | None = None) -> AdaptationReview:
    base = p.base
    differences = _own_wording(p, base, m)
    copy_path = adaptation.snapshot_path(p.path) if p.path is not None else None
    problems: list[Problem] = []
    old = None
    if copy_path is not None and copy_path.is_file():
        old, problems = loader.load_pathway_file(copy_path)
        if old is not None and [x for x in problems if x.is_error]:
            old = None
    shared_newer = None
    if p.revidert is not None and base.revidert is not None:
        shared_newer = base.revidert > p.revidert
    if old is not None:
        return AdaptationReview(p, base, differences, KNOWN_BY_COPY, _changes(old, base, p, m), old.revidert,
                                shared_newer, problems)
    return AdaptationReview(p, base, differences, KNOWN_BY_DATES if shared_newer is not None else UNKNOWN, None, None,
                            shared_newer, [x for x in problems if x.is_error])


def _own_wording(p: Pathway, base: Pathway, m: Map | None = None) -> list[Difference]:
    """Every part the local file writes itself, against the shared text now."""
    out = []
    for key in ("navn", "beskrivelse"):
        if key in p.adapted:
            out.append(_difference(_top_label(key), getattr(base, key), getattr(p, key), adapted=True))
    for ref, role in p.roller.items():
        for key in ROLE_KEYS:
            if role.is_adapted(key):
                out.append(_difference(f"{_role_name(p, ref, m)} – {heading_label(key)}", role.shared[key],
                                       getattr(role, key), adapted=True, added_role=role.added))
    if "flyt" in p.adapted:
        out += _list_differences(_("Flyt"), _steps(base, m), _steps(p, m), adapted=True)
    if "sjekkliste" in p.adapted:
        out += _list_differences(_("Sjekkliste"), base.sjekkliste, p.sjekkliste, adapted=True)
    return out


def _changes(old: Pathway, new: Pathway, p: Pathway, m: Map | None = None) -> list[Difference]:
    """What the shared text changed from ``old`` (the copy) to ``new`` (now);
    ``adapted`` marks the parts ``p`` writes itself."""
    out = []
    for key in ("navn", "beskrivelse"):
        d = _difference(_top_label(key), getattr(old, key), getattr(new, key), adapted=key in p.adapted)
        if not d.same:
            out.append(d)
    for ref in dict.fromkeys([*old.roller, *new.roller]):
        o, n = old.roller.get(ref), new.roller.get(ref)
        mine = p.roller.get(ref)
        for key in ROLE_KEYS:
            d = _difference(f"{_role_name(p, ref, m)} – {heading_label(key)}", getattr(o, key, None),
                            getattr(n, key, None), adapted=mine is not None and mine.is_adapted(key))
            if not d.same:
                out.append(d)
    out += [d for d in _list_differences(_("Flyt"), _steps(old, m), _steps(new, m), "flyt" in p.adapted) if not d.same]
    out += [d for d in _list_differences(_("Sjekkliste"), old.sjekkliste, new.sjekkliste, "sjekkliste" in p.adapted)
            if not d.same]
    return out


def _difference(label: str, old, new, adapted: bool = False, added_role: bool = False) -> Difference:
    old, new = old or None, new or None
    return Difference(label, old, new, tuple(worddiff.word_diff(old, new)), adapted=adapted,
                      same=(old or "") == (new or ""), added_role=added_role)


def _list_differences(label: str, old: list[str], new: list[str], adapted: bool) -> list[Difference]:
    """Two lists (flow steps, checklist items) item by item: a changed item as a
    word diff, an item added or taken away as such; numbered as in the new list."""
    if old == new:
        return [Difference(label, None, None, (), adapted=adapted, same=True)] if adapted else []
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        pairs = max(i2 - i1, j2 - j1)
        for k in range(pairs):
            o = old[i1 + k] if i1 + k < i2 else None
            n = new[j1 + k] if j1 + k < j2 else None
            where = _("punkt {n}").format(n=j1 + k + 1) if n is not None else _("tidligere punkt {n}").format(n=i1 + k + 1)
            out.append(_difference(f"{label}, {where}", o, n, adapted=adapted))
    return out


def _steps(p: Pathway, m: Map | None = None) -> list[str]:
    from .style import art_label

    return [f"{_side(m, st.fra, p)} → {_side(m, st.til, p)} ({art_label(st.art)})" + (f": {st.nar}" if st.nar else "")
            for st in p.flyt]


def _side(m: Map | None, ref: str, p: Pathway) -> str:
    """A step's side as users know it: the services that fill the role on ``m`` (in the
    map's own names), else the role's name in the map's målform (``roles.role_label``) –
    never the bare id."""
    from .roles import role_label as role_words

    found = m.resolve(ref) if m is not None else []
    if found:
        return " / ".join(s.navn for s in found)
    return role_words(ref, m.malform if m is not None else p.malform)


def _top_label(key: str) -> str:
    return {"navn": _("Navn"), "beskrivelse": _("Innledning")}[key]


def _role_name(p: Pathway, ref: str, m: Map | None = None) -> str:
    """A role in the report: by the standard role's name (the pathway's own word for
    it), else by the service that fills it on ``m`` (``role_label``: a role a
    municipality added for a service of its own); the bare reference only when
    neither is known."""
    return role_name(ref, p.malform) or (role_label(m, ref) if m is not None else ref)


def copy_of(p: Pathway) -> Path | None:
    """Where the copy of the shared text ``p`` was last revised against is (or would be) kept."""
    return adaptation.snapshot_path(p.path) if p.path is not None else None
