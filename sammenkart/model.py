"""The domain model: maps, pathways and cases as plain data.

Pure Python, no Qt. Every object remembers where it came from (``Source``) so
that any later check can point the user at the right line of the right file.
Field names follow the file format (Norwegian keys) so that the mapping from a
file to an object needs no dictionary to read.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import i18n
from . import schema as _schema

# Written once, in the JSON Schemas (resources/schema/); named here for code that lists them.
FORMAT_VERSION = _schema.node("kart", "sammenkart").const
SECTORS = _schema.node("kart", "tjenester", "[]", "sektor").enum
ARTS = _schema.node("forlop", "flyt", "[]", "art").enum  # 1.1 added bekymringsmelding and kontakt
# tilgang (1.1): families may contact the service themselves, or it needs a referral.
ACCESS = _schema.node("kart", "tjenester", "[]", "tilgang").enum
MALFORMER = _schema.node("kart", "malform").enum
MAP_TYPES = _schema.node("kart", "type").enum
# The six headings of "who does what" in a pathway, in the order users know: the text
# fields of a role (a role's «revisjon», format 1.1, is not a heading).
ROLE_KEYS = tuple(k for k, n in _schema.node("forlop", "roller", "*").properties.items() if n.kind == "string")
# Traffic lights of the local revision (1.1): right as it is, must be adapted, wrong or missing.
REVISION_STATUSES = _schema.node("kart", "tjenester", "[]", "revisjon", "status").enum
# Parts of a pathway a local adaptation (a file with «grunnlag») may write in its own words.
ADAPTABLE_KEYS = ("navn", "beskrivelse", "flyt", "sjekkliste")


@dataclass(frozen=True)
class Source:
    """Where an object was written: file, 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


UNKNOWN_SOURCE = Source("<ukjent>")


@dataclass
class Level:
    id: int
    navn: str
    beskrivelse: str | None = None
    farge: str | None = None
    source: Source = UNKNOWN_SOURCE


@dataclass(frozen=True)
class Revision:
    """A local revision's verdict on one service card or one role of a pathway
    (format 1.1, ``revisjon``): ``status`` one of ``REVISION_STATUSES``
    ("gronn" right as it is, "gul" must be adapted, "rod" wrong or missing);
    ``ansvar`` is the unit that follows it up."""

    status: str
    merknad: str | None = None
    dato: _dt.date | None = None
    ansvar: str | None = None
    source: Source = UNKNOWN_SOURCE


@dataclass
class Contact:
    telefon: str | None = None
    epost: str | None = None
    nettside: str | None = None
    adresse: str | None = None
    intern: bool = False  # for professionals only: never printed on public material (1.1)

    def is_empty(self) -> bool:
        return not (self.telefon or self.epost or self.nettside or self.adresse)


class _Generation:
    """Counts changes that can move a service between look-up keys.

    ``Map`` indexes its services by id and type. The count goes up when a
    service's ``id`` or ``type`` is reassigned, when a map's list of services is
    changed or replaced; an index built at another count is rebuilt. Counting
    costs nothing while reading files (building a service does not count)."""

    value = 0

    @classmethod
    def bump(cls) -> None:
        cls.value += 1


_INDEXED_FIELDS = ("id", "type")


@dataclass
class Service:
    id: str
    navn: str
    niva: int
    sektor: str
    type: str = ""  # empty means "same as id"; use ``role`` to read it
    beskrivelse: str | None = None
    alder: tuple[int, int] | None = None
    kontakt: Contact = field(default_factory=Contact)
    plassering: tuple[float, float] | None = None
    kommune: str | None = None
    tilgang: str | None = None  # "direkte" | "henvisning" | None (not stated), format 1.1
    revisjon: Revision | None = None  # the local revision's traffic light for this card (1.1)
    source: Source = UNKNOWN_SOURCE
    plassering_source: Source | None = None  # where «plassering» was written (layout warnings point there)

    def __setattr__(self, name, value) -> None:
        if name in _INDEXED_FIELDS and name in self.__dict__ and self.__dict__[name] != value:
            _Generation.bump()
        object.__setattr__(self, name, value)

    @property
    def role(self) -> str:
        """The standard role pathways and cases refer to (``type``, default ``id``)."""
        return self.type or self.id

    def matches(self, reference: str) -> bool:
        return reference == self.id or reference == self.role


@dataclass
class Link:
    """A standing, undirected collaboration between two references."""

    mellom: tuple[str, str]
    merknad: str | None = None
    source: Source = UNKNOWN_SOURCE


def default_levels(malform: str | None = None) -> list[Level]:
    """The built-in tiltakspyramide, base first, for a map without ``nivaer``:
    named in the map's målform ``malform`` (they become the map's text; None: bokmål)."""
    from .i18n import N_, _, language

    levels = (
        (N_("For alle"), N_("Helsefremmende og forebyggende arbeid for alle barn og unge.")),
        (N_("Tidlig innsats"), N_("Tidlig hjelp med lav terskel, nær barnet.")),
        (N_("Oppfølging og behandling i kommunen"), N_("Tverrfaglig oppfølging og behandling.")),
        (N_("Spesialisthelsetjenesten"), N_("Utredning og behandling i spesialisthelsetjenesten.")),
    )
    with language(malform or "nb"):
        return [Level(i, _(navn), _(text)) for i, (navn, text) in enumerate(levels)]


def _counting(method):
    def wrapper(self, *args, **kwargs):
        _Generation.bump()
        return method(self, *args, **kwargs)

    wrapper.__name__ = method.__name__
    return wrapper


class ServiceList(list):
    """A map's services: a plain list that counts its changes (see ``_Generation``)."""


for _name in ("__setitem__", "__delitem__", "__iadd__", "__imul__", "append", "extend", "insert", "pop",
              "remove", "clear", "sort", "reverse"):
    setattr(ServiceList, _name, _counting(getattr(list, _name)))
del _name


@dataclass
class Map:
    id: str
    navn: str
    tjenester: list[Service]
    nivaer: list[Level] = field(default_factory=default_levels)
    type: str = "kommune"
    malform: str = "nb"
    oppdatert: _dt.date | None = None
    nettside: str | None = None
    samarbeid: list[Link] = field(default_factory=list)
    # who may send a formal referral to whom (1.1): receiver reference -> sender references;
    # an entry replaces the built-in rights for that receiver (docs/roller.md)
    henvisningsrett: dict[str, list[str]] = field(default_factory=dict)
    revidert: _dt.date | None = None  # last local revision (1.1)
    neste_revisjon: _dt.date | None = None  # when the next yearly revision is due (1.1)
    path: Path | None = None
    source: Source = UNKNOWN_SOURCE

    def revision_due(self, today: _dt.date | None = None) -> bool:
        """Whether ``neste_revisjon`` has passed (today is not yet past it)."""
        today = today or _dt.date.today()
        return self.neste_revisjon is not None and self.neste_revisjon < today

    def __setattr__(self, name, value) -> None:
        if name == "tjenester":
            if not isinstance(value, ServiceList):
                value = ServiceList(value)
            _Generation.bump()
        object.__setattr__(self, name, value)

    def _indexes(self) -> tuple[dict, dict]:
        # Region maps hold thousands of services; look-ups must not scan them.
        # The index is rebuilt after any change that can alter it (``_Generation``):
        # a retyped or renamed service, a service added, removed or replaced.
        # The list's identity too: a copy of a map (copy.copy) carries the cache
        # of the original, and its new list must not be answered from it.
        key = (_Generation.value, id(self.tjenester))
        if getattr(self, "_index_key", None) != key:
            by_id: dict[str, Service] = {}
            by_ref: dict[str, list[Service]] = {}
            for s in self.tjenester:
                by_id.setdefault(s.id, s)
                by_ref.setdefault(s.id, []).append(s)
                if s.role != s.id:
                    by_ref.setdefault(s.role, []).append(s)
            self._index, self._index_key = (by_id, by_ref), key
        return self._index

    def service(self, service_id: str) -> Service | None:
        return self._indexes()[0].get(service_id)

    def level(self, level_id: int) -> Level | None:
        for lv in self.nivaer:
            if lv.id == level_id:
                return lv
        return None

    def resolve(self, reference: str) -> list[Service]:
        """Every service whose id or type equals ``reference`` (format: References)."""
        return list(self._indexes()[1].get(reference, ()))

    def levels_bottom_up(self) -> list[Level]:
        return sorted(self.nivaer, key=lambda lv: lv.id)


@dataclass
class Role:
    """What one service does in one pathway, under the six headings."""

    rolle: str | None = None
    kartlegging: str | None = None
    tiltak: str | None = None
    evaluering: str | None = None
    samarbeid: str | None = None
    henvisning: str | None = None
    revisjon: Revision | None = None  # the local revision's traffic light for this role (1.1)
    source: Source = UNKNOWN_SOURCE
    # In a local adaptation (a pathway with «grunnlag»): heading -> the shared file's
    # wording (None where it had none) for every heading this file writes itself.
    shared: dict[str, str | None] = field(default_factory=dict)
    added: bool = False  # the role is the local file's own: the shared text has none
    written: frozenset[str] = frozenset()  # the headings written in the role's own file (empty ones too)

    def items(self) -> list[tuple[str, str]]:
        """(key, text) for the headings that have text, in standard order."""
        return [(k, getattr(self, k)) for k in ROLE_KEYS if getattr(self, k)]

    def is_adapted(self, key: str) -> bool:
        """Whether heading ``key`` is written locally ("lokalt tilpassa") over a shared text."""
        return key in self.shared

    def shared_text(self, key: str) -> str | None:
        """The shared wording of heading ``key`` (the text shown when it is not adapted)."""
        return self.shared[key] if key in self.shared else getattr(self, key)


@dataclass
class FlowStep:
    fra: str
    til: str
    art: str = "henvisning"
    nar: str | None = None
    source: Source = UNKNOWN_SOURCE
    fra_source: Source | None = None  # where «fra» and «til» were written (a warning about one points there)
    til_source: Source | None = None


@dataclass
class Pathway:
    id: str
    navn: str
    flyt: list[FlowStep]
    malform: str = "nb"
    beskrivelse: str | None = None
    roller: dict[str, Role] = field(default_factory=dict)
    sjekkliste: list[str] = field(default_factory=list)
    revidert: _dt.date | None = None  # last revision of this file's text (1.1)
    # A local adaptation (1.1): the shared file named by «grunnlag» (resolved path), where
    # «grunnlag» was written, the shared pathway as read (itself merged), and which of
    # ADAPTABLE_KEYS this file writes itself. The fields above are the merged result.
    grunnlag: Path | None = None
    grunnlag_source: Source | None = None
    base: Pathway | None = None
    adapted: frozenset[str] = frozenset()
    path: Path | None = None
    source: Source = UNKNOWN_SOURCE

    @property
    def is_adaptation(self) -> bool:
        return self.grunnlag is not None

    def references(self) -> list[str]:
        """Every reference the pathway names, first mention first, no repeats."""
        seen: dict[str, None] = {}
        for ref in self.roller:
            seen.setdefault(ref, None)
        for st in self.flyt:
            seen.setdefault(st.fra, None)
            seen.setdefault(st.til, None)
        return list(seen)


# The questions a step without ``sporsmal`` asks (docs/format.md, "kasus"): the
# program's words, so they go through the catalogues (nn and en there).
STANDARD_QUESTIONS = (
    i18n.N_("Hva kan jeg som fagperson gjøre?"),
    i18n.N_("Hvem kan jeg samarbeide med?"),
    i18n.N_("Hva kan de gjøre?"),
)


def standard_questions(malform: str | None) -> tuple[str, ...]:
    """The three standard questions beside a case written in ``malform``: in its
    målform, beside its story, or in English when English is asked for (an English
    window or ``--sprak en``: ``i18n.output_language``, the one rule for files too)."""
    with i18n.language(i18n.output_language(malform)):
        return tuple(i18n._(q) for q in STANDARD_QUESTIONS)


@dataclass
class CaseStep:
    tittel: str
    tekst: str
    sporsmal: list[str] | None = None  # None: the three standard questions
    involverte: list[str] = field(default_factory=list)
    forslag: list[str] = field(default_factory=list)
    fasilitator: str | None = None
    source: Source = UNKNOWN_SOURCE
    # reference -> where it was first written in «involverte» or «forslag» (warnings point there)
    ref_sources: dict[str, Source] = field(default_factory=dict)


@dataclass
class Case:
    id: str
    tittel: str
    steg: list[CaseStep]
    malform: str = "nb"
    forlop: str | None = None
    alder: int | None = None
    ingress: str | None = None
    path: Path | None = None
    source: Source = UNKNOWN_SOURCE
    forlop_source: Source | None = None  # where «forlop» was written

    def questions(self, step: CaseStep) -> list[str]:
        return list(step.sporsmal) if step.sporsmal else list(standard_questions(self.malform))


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a user's file."""

    source: Source
    message: str
    severity: str = "error"  # "error" | "warning"
    # What kind of problem, where one cause may repeat many times (an example
    # address left in each contact field): ``problem_groups`` shows those as one.
    kind: str = ""
    members: tuple = ()  # a grouped entry (``problem_groups.grouped``): the problems it stands for

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        # path:line:column: message — the contract's form, severity first in the message
        from .i18n import _

        word = _("feil") if self.is_error else _("advarsel")
        return _printable(f"{self.source}: {word}: {self.message}")


def _printable(text: str) -> str:
    """One line that is safe on a terminal: control characters, lone surrogates
    and text-direction overrides from a user's file are shown as U+XXXX."""
    return _UNPRINTABLE.sub(lambda m: f"U+{ord(m.group()):04X}", text)


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


@dataclass
class Workspace:
    """Everything loaded from one folder: maps, the pathways beside them, cases.

    A pathway may exist in both målformer (``angst.yaml`` and ``angst.nn.yaml``,
    same id). ``pathways`` holds one version per id (bokmål when there is one)
    for callers that need just any; ``pathway_versions`` holds every version,
    id -> målform -> Pathway. Ask ``pathway(id, malform)`` or
    ``pathways_for(map)`` for the version a reader should see.
    """

    maps: dict[str, Map] = field(default_factory=dict)
    pathways: dict[str, Pathway] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None
    figures: dict = field(default_factory=dict)  # map id -> figures.FigureTable (tal/<id>.csv)
    pathway_versions: dict[str, dict[str, Pathway]] = field(default_factory=dict)
    # id -> målform -> the error that made a written version unusable (a grunnlag
    # not found, a file that cannot be read): that målform's maps get no version
    # of the pathway, never the other målform's text in its place.
    unusable_versions: dict[str, dict[str, Problem]] = field(default_factory=dict)
    # The language the problems were worded in: they are worded as the files are
    # read (``_()``), so a window speaking another language reads them again
    # (``worded_now``). The rest is the files' own text, never translated.
    problems_language: str = field(default_factory=i18n.current_language)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def worded_now(self) -> bool:
        """Whether the problems read right in the language spoken now
        (``i18n.reads_now``): worded in it, or none at all."""
        return i18n.reads_now(self.problems_language, self.problems)

    def versions(self, pathway_id: str) -> dict[str, Pathway]:
        """Every målform version of one pathway: {"nb": ..., "nn": ...} (may be empty)."""
        out = dict(self.pathway_versions.get(pathway_id, {}))
        default = self.pathways.get(pathway_id)
        if default is not None:
            out.setdefault(default.malform, default)
        return out

    def pathway(self, pathway_id: str, malform: str | None = None) -> Pathway | None:
        """The version in ``malform``; the other målform only when it is the only
        one and no version in ``malform`` was written (a written version that
        cannot be used gives None: see ``unusable``).

        ``malform`` None gives the default version (as in ``pathways``)."""
        found = self.versions(pathway_id)
        if malform in found:
            return found[malform]
        if self.unusable(pathway_id, malform) is not None:
            return None
        return self.pathways.get(pathway_id) or next(iter(found.values()), None)

    def unusable(self, pathway_id: str, malform: str | None) -> Problem | None:
        """The error that keeps the version of a pathway written in ``malform``
        from being used (docs/format.md, "Felles tekst og lokal tilpasning"),
        or None when there is no such version or it loaded."""
        return self.unusable_versions.get(pathway_id, {}).get(malform) if malform else None

    def all_pathways(self) -> list[Pathway]:
        """Every version of every pathway, ids in load order."""
        return [p for pid in self.pathway_ids() for p in self.versions(pid).values()]

    def pathway_ids(self) -> list[str]:
        return list(dict.fromkeys([*self.pathways, *self.pathway_versions]))

    def pathways_for(self, m: Map) -> list[Pathway]:
        """Pathways offered for a map, in the map's målform: one version per id
        (the other målform only when it is the only one), and only those naming
        at least one of the map's services. A list never mixes målformer where
        both exist."""
        out = []
        for pid in self.pathway_ids():
            p = self.pathway(pid, m.malform)
            if p is not None and any(m.resolve(r) for r in p.references()):
                out.append(p)
        return out
