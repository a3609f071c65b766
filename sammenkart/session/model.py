"""A case exercise in progress, as plain data with pure operations.

``SessionState`` holds only what the team did (ids, notes, times), so it can be
saved as JSON and played again on the same case and map. Everything derived
from the case or the map (the comparison, the emphasis, the gaps) is computed
by functions that take them as arguments; nothing here knows about Qt.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..emphasis import Arrow, Emphasis
from ..i18n import _
from ..model import Case, CaseStep, Map
from ..roles import role_in_sentence

# Version of the session file: 2 added ``flags`` (revision flags raised during the
# exercise); files of version 1 still load, with no flags.
SCHEMA_VERSION = 2
FLAG_KINDS = ("service", "role")
DEFAULT_TIMER_SECONDS = 5 * 60
NOTE_KEYS = ("hindringer", "muligheter", "fritekst")


def now_iso() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def reference_label(reference: str, lang: str = "nb") -> str:
    """How a reference reads in a sentence ("ppt" → "PPT", "fastlege" → "fastlege"),
    from the one role table (``sammenkart.roles``)."""
    return role_in_sentence(reference, lang)


@dataclass
class StepState:
    """What the team did in one step."""

    marked: list[str] = field(default_factory=list)  # service ids, in the order chosen
    arrows: list[tuple[str, str]] = field(default_factory=list)  # (fra, til) service ids
    revealed: bool = False
    notes: dict[str, str] = field(default_factory=lambda: {k: "" for k in NOTE_KEYS})
    timer_seconds: int = DEFAULT_TIMER_SECONDS
    elapsed: float = 0.0  # seconds the discussion timer has run
    opened_at: str | None = None
    revealed_at: str | None = None


@dataclass
class Flag:
    """A team's or facilitator's "dette stemmer ikkje hos oss" on a service card
    or a role text of the pathway, raised during a case exercise.

    ``kind`` "service" (``ref`` is the service id) or "role" (``ref`` is the
    role's reference in pathway ``pathway_id``; ``heading`` the heading whose
    text was meant, if one was). ``label`` is what was flagged as shown then,
    for the summary. ``applied``: it has become a yellow ``revisjon`` in the
    map's or pathway's file (``session.flags.apply_flag``)."""

    kind: str
    ref: str
    note: str = ""
    step: int = 0  # index of the case step it was raised in
    pathway_id: str | None = None
    heading: str | None = None
    label: str = ""
    created: str = field(default_factory=now_iso)
    applied: bool = False


@dataclass
class SessionState:
    case_id: str
    map_id: str
    steps: list[StepState]
    current: int = 0
    created: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    case_title: str = ""
    map_name: str = ""
    finished: bool = False
    flags: list[Flag] = field(default_factory=list)
    # service id -> its name on the map when the session was last saved, for
    # every service the answers name: a service whose id was changed while the
    # session lay saved is found again by its name (``follow_map``).
    names: dict[str, str] = field(default_factory=dict)
    # service id -> its role (``type``, default the id) then: one given both
    # another id and another name is found by its role, when one service has it.
    roles: dict[str, str] = field(default_factory=dict)

    # --- construction -------------------------------------------------------
    @classmethod
    def start(cls, case: Case, m: Map, timer_seconds: int = DEFAULT_TIMER_SECONDS) -> SessionState:
        steps = [StepState(timer_seconds=timer_seconds) for _s in case.steg]
        state = cls(case.id, m.id, steps, case_title=case.tittel, map_name=m.navn)
        state.step.opened_at = state.created
        return state

    @property
    def step(self) -> StepState:
        return self.steps[self.current]

    def _touch(self) -> None:
        self.updated = now_iso()

    # --- the team's answer ----------------------------------------------------
    def toggle_mark(self, service_id: str) -> bool:
        """Mark or unmark a service; returns True when it is now marked."""
        marked = self.step.marked
        self._touch()
        if service_id in marked:
            marked.remove(service_id)
            # An arrow to or from an unmarked service stays: the team drew it on purpose.
            return False
        marked.append(service_id)
        return True

    def add_arrow(self, fra: str, til: str) -> bool:
        if fra == til or (fra, til) in self.step.arrows:
            return False
        self.step.arrows.append((fra, til))
        self._touch()
        return True

    def remove_arrow(self, fra: str, til: str) -> bool:
        if (fra, til) not in self.step.arrows:
            return False
        self.step.arrows.remove((fra, til))
        self._touch()
        return True

    def reveal(self) -> bool:
        if self.step.revealed:
            return False
        self.step.revealed = True
        self.step.revealed_at = now_iso()
        self._touch()
        return True

    def set_note(self, key: str, text: str) -> None:
        if key not in NOTE_KEYS:
            raise KeyError(key)
        self.step.notes[key] = text
        self._touch()

    # --- revision flags -----------------------------------------------------------
    def add_flag(self, kind: str, ref: str, note: str = "", *, pathway_id: str | None = None,
                 heading: str | None = None, label: str = "") -> Flag:
        """Flag a card (kind "service") or a role of pathway ``pathway_id``
        (kind "role") in the current step; returns the flag. Raises ValueError
        for another kind, or a role without a pathway."""
        if kind not in FLAG_KINDS:
            raise ValueError(kind)
        if kind == "role" and not pathway_id:
            raise ValueError("a role flag names its pathway")
        flag = Flag(kind, ref, note.strip(), self.current, pathway_id, heading, label or ref)
        self.flags.append(flag)
        self._touch()
        return flag

    def remove_flag(self, index: int) -> Flag:
        flag = self.flags.pop(index)
        self._touch()
        return flag

    # --- service ids ------------------------------------------------------------
    def service_ids(self) -> list[str]:
        """Every service id the answers name (marks, arrows, flags on cards), in order."""
        seen: dict[str, None] = {}
        for st in self.steps:
            for sid in [*st.marked, *(s for a in st.arrows for s in a)]:
                seen.setdefault(sid, None)
        for f in self.flags:
            if f.kind == "service":
                seen.setdefault(f.ref, None)
        return list(seen)

    def rename_services(self, renamed) -> bool:
        """Make the answers name a service's new id: ``renamed`` holds (id before,
        id after) pairs, as ``editing.Change.renamed`` (an undo gives them
        reversed). Returns True when anything changed."""
        pairs = {a: b for a, b in renamed if a != b}
        used = set(self.service_ids())
        pairs = {a: b for a, b in pairs.items() if a in used}
        if not pairs:
            return False
        for st in self.steps:
            st.marked = list(dict.fromkeys(pairs.get(s, s) for s in st.marked))
            st.arrows = list(dict.fromkeys((pairs.get(a, a), pairs.get(b, b)) for a, b in st.arrows))
        for f in self.flags:
            if f.kind == "service":
                f.ref = pairs.get(f.ref, f.ref)
        for kept in (self.names, self.roles):
            moved = {b: kept.pop(a) for a, b in pairs.items() if a in kept}
            for b, v in moved.items():
                kept.setdefault(b, v)
        self._touch()
        return True

    def remember_names(self, m: Map) -> None:
        """Note the map's name and role of every service the answers name (kept for ids the map lacks)."""
        used = set(self.service_ids())
        for sid in used:
            s = m.service(sid)
            if s is not None:
                self.names[sid] = s.navn
                self.roles[sid] = s.role
        for kept in (self.names, self.roles):
            for sid in [k for k in kept if k not in used]:
                del kept[sid]

    def service_name(self, m: Map, service_id: str) -> str:
        """What an answer naming ``service_id`` shows: the map's name for it,
        else the name remembered when the session was saved, else the id."""
        s = m.service(service_id)
        return s.navn if s is not None else self.names.get(service_id, service_id)

    # --- timer ----------------------------------------------------------------
    def set_timer(self, seconds: int) -> None:
        self.step.timer_seconds = max(0, int(seconds))
        self._touch()

    def add_elapsed(self, seconds: float) -> None:
        self.step.elapsed = max(0.0, self.step.elapsed + seconds)
        self._touch()

    def reset_timer(self) -> None:
        self.step.elapsed = 0.0
        self._touch()

    def remaining(self) -> float:
        """Seconds left of the step's discussion time; negative when over."""
        return self.step.timer_seconds - self.step.elapsed

    # --- moving ---------------------------------------------------------------
    def go_to(self, index: int) -> bool:
        index = max(0, min(len(self.steps) - 1, index))
        if index == self.current:
            return False
        self.current = index
        if self.step.opened_at is None:
            self.step.opened_at = now_iso()
        self._touch()
        return True

    def next(self) -> bool:
        return self.go_to(self.current + 1)

    def previous(self) -> bool:
        return self.go_to(self.current - 1)

    @property
    def at_end(self) -> bool:
        return self.current == len(self.steps) - 1

    def finish(self) -> None:
        self.finished = True
        self._touch()


def follow_map(state: SessionState, m: Map) -> list[str]:
    """A saved session opened on the map as it is now: a service the answers
    name by an id the map no longer has was given another id (the form's Id
    field, ``Editor.rename_service``, or by hand) when one service of the map
    has its remembered name, or else, when none has, the only service of the
    map with its remembered role (``type``; the old id itself for sessions
    saved before roles were kept): the answers follow it. Returns one sentence
    per service followed or not found, for the user; an id not found stays in
    the session (saved again as it was), only not drawn."""
    said: list[str] = []
    known = {s.id for s in m.tjenester}
    used = set(state.service_ids())
    for old in state.service_ids():
        if old in known:
            continue
        name = state.names.get(old)
        free = [s for s in m.tjenester if s.id not in used]
        same = [s for s in free if name is not None and s.navn == name]
        role = state.roles.get(old, old)
        by_role = [s for s in free if s.role == role] if not same else []
        if len(same) == 1:
            state.rename_services([(old, same[0].id)])
            said.append(_("«{navn}» har fått ny id i kartet («{gammel}» → «{ny}»); svarene i økten er flyttet dit").format(
                navn=name, gammel=old, ny=same[0].id))
        elif not same and len(by_role) == 1 and [s for s in m.tjenester if s.role == role] == by_role:
            new = by_role[0]
            state.rename_services([(old, new.id)])
            said.append(_("«{navn}» heter nå «{nytt}» i kartet («{gammel}» → «{ny}»), den eneste tjenesten der som er "
                          "{rolle}; svarene i økten er flyttet dit").format(
                navn=name or old, nytt=new.navn, gammel=old, ny=new.id, rolle=reference_label(role, m.malform)))
        else:
            said.append(_("Økten nevner «{navn}», som kartet «{kart}» ikke har lenger; svaret er tatt vare på i "
                          "økten, men vises ikke på kartet").format(navn=name or old, kart=m.navn))
        used = set(state.service_ids())
    return said


@dataclass(frozen=True)
class Comparison:
    """The team's choices against the suggestion, as concrete service ids."""

    suggested: tuple[str, ...]  # every service the suggestion resolves to
    found: tuple[str, ...]  # marked and suggested
    missed: tuple[str, ...]  # suggested services of references the team did not touch
    added: tuple[str, ...]  # marked beyond the suggestion: not wrong, worth discussing
    unresolved: tuple[str, ...]  # suggested references this map has no service for


def _resolve_all(m: Map, references: list[str]) -> tuple[list[str], list[str]]:
    ids: list[str] = []
    unresolved: list[str] = []
    for ref in references:
        found = m.resolve(ref)
        if not found:
            unresolved.append(ref)
        for s in found:
            if s.id not in ids:
                ids.append(s.id)
    return ids, unresolved


def compare(m: Map, case_step: CaseStep, step: StepState) -> Comparison:
    """Compare by reference: marking one of two schools finds "skole"."""
    marked = list(step.marked)
    suggested, unresolved = _resolve_all(m, case_step.forslag)
    found: list[str] = [sid for sid in marked if sid in suggested]
    missed: list[str] = []
    for ref in case_step.forslag:
        ids = [s.id for s in m.resolve(ref)]
        if ids and not any(i in marked for i in ids):
            missed.extend(i for i in ids if i not in missed)
    added = [sid for sid in marked if sid not in suggested]
    return Comparison(tuple(suggested), tuple(found), tuple(missed), tuple(added), tuple(unresolved))


def involved_ids(m: Map, case_step: CaseStep) -> list[str]:
    return _resolve_all(m, case_step.involverte)[0]


def emphasis(m: Map, case_step: CaseStep, step: StepState) -> Emphasis:
    """What the shared map shows for this step."""
    involved = frozenset(involved_ids(m, case_step))
    revealed: frozenset[str] = frozenset()
    if step.revealed:
        cmp = compare(m, case_step, step)
        revealed = frozenset(cmp.found) | frozenset(cmp.missed)
    known = {s.id for s in m.tjenester}
    arrows = tuple(
        Arrow(fra, til, "henvisning", number=None)
        for fra, til in step.arrows
        if fra in known and til in known
    )
    marked = tuple(s for s in step.marked if s in known)
    # Involved services get the calm "highlighted" accent, not "current": after a
    # reveal the strong colour belongs to what the team missed.
    return Emphasis(
        highlighted=involved,
        dim_others=False,
        current=frozenset(),
        marked=marked,
        revealed=revealed,
        arrows=arrows,
    )


def case_references(case: Case) -> list[str]:
    seen: dict[str, None] = {}
    for st in case.steg:
        for ref in [*st.involverte, *st.forslag]:
            seen.setdefault(ref, None)
    return list(seen)


def gaps(case: Case, m: Map) -> list[str]:
    """One sentence per case reference the map cannot resolve — a point to discuss."""
    return [
        _("{kart} har ingen {tjeneste} i kartet").format(kart=m.navn, tjeneste=reference_label(ref, m.malform))
        for ref in case_references(case)
        if not m.resolve(ref)
    ]


def step_gaps(m: Map, case_step: CaseStep) -> list[str]:
    refs = dict.fromkeys([*case_step.involverte, *case_step.forslag])
    return [
        _("{kart} har ingen {tjeneste} i kartet").format(kart=m.navn, tjeneste=reference_label(ref, m.malform))
        for ref in refs
        if not m.resolve(ref)
    ]
