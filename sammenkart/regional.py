"""A region map seen two ways: grouped by role, or one municipality's own map.

Pure Python; the model the regional view and the municipality filter draw.

* ``regional_view(region)`` groups the municipalities' services by standard
  role: one card per role ("Helsestasjon – i alle kommunane", "Kommunepsykolog
  – i 4 av 5"), while services the region shares (no ``kommune``: BUP,
  habilitering, Statens barnehus, a shared legevakt) stay one card each, as
  in the file. Its ``map`` is an ordinary ``Map`` of those cards, so layout,
  overlay, graph and poster work on it unchanged, and pathway references
  (by role or by a service's id) resolve to the cards that stand for the
  services they name.
* ``municipality_map(region, kommune)`` is one municipality's own map drawn
  from the region file: its services and the shared ones.
* ``shown_map(region, view)`` is what the window, a poster and the figures
  view show for a view choice (``REGIONAL``, ``ALL`` or a municipality's
  name); ``source_of`` and ``view_of`` lead back from a shown map to the
  region file and the choice, so the region map stays the only state.

Counting ("i 4 av 5"): a role is *in* a municipality when at least one of the
municipality's services has that role; the total is the number of
municipalities in the view (all that occur as ``kommune`` in the region, or
the chosen ones). Several services of one role in one municipality (two
fastlegekontor) count once. Services of one role at different levels or in
different sectors are separate cards, so the pyramid stays true.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from . import ids
from .i18n import _, language, output_language
from .model import Link, Map, Service
from .roles import role_name


def municipalities(region: Map) -> list[str]:
    """The municipalities of a region map, in order of first appearance."""
    return list(dict.fromkeys(s.kommune for s in region.tjenester if s.kommune))


def join_names(names: Iterable[str]) -> str:
    """"Sjøvik, Lyngnes og Fjellstad" (bokmål and nynorsk alike)."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return _("{first} og {last}").format(first=", ".join(names[:-1]), last=names[-1])


@dataclass(frozen=True)
class RegionalCard:
    """One card of the regional view.

    ``members`` are the ids of the region's services it stands for; for a
    shared service that is the service itself. ``kommuner`` are the
    municipalities that have the role (region order) and ``mangler`` those
    without it; both are empty for a shared service. The texts are in the
    region's målform.
    """

    id: str
    role: str
    navn: str  # the role's name (grouped) or the service's own name (shared)
    niva: int
    sektor: str
    members: tuple[str, ...]
    kommuner: tuple[str, ...] = ()
    mangler: tuple[str, ...] = ()
    shared: bool = False
    coverage: str = ""  # "i alle kommunane", "i 4 av 5", "berre i Sjøvik"; "" when shared
    details: str = ""  # for hover and the details panel: where it is and where it is missing
    label: str = ""  # the text on the card: the name, and for a grouped role where it is

    @property
    def total(self) -> int:
        return len(self.kommuner) + len(self.mangler)


def _coverage(have: tuple[str, ...], lack: tuple[str, ...]) -> str:
    if not lack:
        return _("i alle kommunene")
    if len(have) == 1:
        return _("bare i {kommune}").format(kommune=have[0])
    return _("i {n} av {total}").format(n=len(have), total=len(have) + len(lack))


def _details(have: tuple[str, ...], lack: tuple[str, ...]) -> str:
    text = _("Finnes i {names}.").format(names=join_names(have))
    if lack:
        text += " " + _("Mangler i {names}.").format(names=join_names(lack))
    return text


def _grouped_card(card_id: str, key: tuple, members: list[Service], chosen: list[str]) -> RegionalCard:
    role, niva, sektor = key
    have_set = {s.kommune for s in members}
    have = tuple(k for k in chosen if k in have_set)
    lack = tuple(k for k in chosen if k not in have_set)
    navn, coverage = _group_name(role, members), _coverage(have, lack)
    return RegionalCard(card_id, role, navn, niva, sektor, tuple(s.id for s in members), have, lack,
                        coverage=coverage, details=_details(have, lack),
                        label=_("{navn} – {dekning}").format(navn=navn, dekning=coverage))


@dataclass
class GroupedMap(Map):
    """The regional view as a map: one service per card (``id`` = card id,
    ``type`` = role). ``resolve`` also answers references to the region's own
    services, with the cards that stand for them."""

    region: Map | None = None
    card_of: dict[str, str] = field(default_factory=dict)  # region service id -> card id
    kommuner: tuple[str, ...] = ()  # the municipalities counted (region order)

    def resolve(self, reference: str) -> list[Service]:
        ids = dict.fromkeys(s.id for s in super().resolve(reference))
        if self.region is not None:
            for s in self.region.resolve(reference):
                card = self.card_of.get(s.id)
                if card is not None:
                    ids.setdefault(card)
        # a card may be left out of a derived map (a pathway's small map keeps only its cards)
        return [s for s in (self.service(i) for i in ids) if s is not None]


@dataclass
class RegionalView:
    region: Map
    kommuner: tuple[str, ...]  # the municipalities counted, region order
    cards: tuple[RegionalCard, ...]
    map: GroupedMap

    def card(self, card_id: str) -> RegionalCard | None:
        return next((c for c in self.cards if c.id == card_id), None)

    def card_for(self, service_id: str) -> RegionalCard | None:
        """The card that stands for one of the region's services (None if filtered out)."""
        cid = self.map.card_of.get(service_id)
        return self.card(cid) if cid else None


def regional_view(region: Map, kommuner: Iterable[str] | None = None) -> RegionalView:
    """Group a region map by role (see the module docstring).

    ``kommuner``: count and show only these municipalities (default: all);
    names the region does not have raise ``ValueError``. Labels ("– i alle
    kommunane", the roles' names) are the program's words in the language of
    files made from the region (``i18n.output_language``): its målform, or
    English when English is asked for (an English window, ``--sprak en``). Card order follows the file: a card appears where its
    first service is written. The grouped map's id is ``<region id>--regional``,
    so nothing keyed by map id (layouts, remembered positions) mixes it up
    with the region itself or with a municipality's map (``<region id>-<kommune>``).
    """
    all_k = municipalities(region)
    chosen = all_k if kommuner is None else [k for k in all_k if k in set(kommuner)]
    unknown = sorted(set(kommuner or ()) - set(all_k))
    if unknown:
        raise ValueError(_("regionen har ingen kommune {names}").format(names=join_names(unknown)))
    chosen_set = set(chosen)

    groups: dict[tuple, list[Service]] = {}
    order: list[tuple] = []  # ("shared", service) or ("group", key), in file order
    for s in region.tjenester:
        if s.kommune is None:
            order.append(("shared", s))
        elif s.kommune in chosen_set:
            key = (s.role, s.niva, s.sektor)
            if key not in groups:
                groups[key] = []
                order.append(("group", key))
            groups[key].append(s)

    taken = {s.id for kind, s in order if kind == "shared"}
    group_ids = {}
    for kind, key in order:
        if kind == "group":
            group_ids[key] = _free_id(key, taken)

    with language(output_language(region.malform)):
        cards: list[RegionalCard] = []
        for kind, item in order:
            if kind == "shared":
                cards.append(RegionalCard(item.id, item.role, item.navn, item.niva, item.sektor, (item.id,),
                                          shared=True, label=item.navn))
            else:
                cards.append(_grouped_card(group_ids[item], item, groups[item], chosen))
        services = [_card_service(c, region) for c in cards]
    card_of = {sid: c.id for c in cards for sid in c.members}
    gm = GroupedMap(
        id=f"{region.id}--regional", navn=region.navn, tjenester=services, nivaer=region.nivaer, type="kommune",
        malform=region.malform, oppdatert=region.oppdatert, nettside=region.nettside,
        samarbeid=_grouped_links(region, card_of, cards), path=None, source=region.source,
        henvisningsrett=region.henvisningsrett, region=region, card_of=card_of, kommuner=tuple(chosen))
    return RegionalView(region, tuple(chosen), tuple(cards), gm)


def _free_id(key: tuple, taken: set[str]) -> str:
    role, niva, sektor = key
    for cand in (role, f"{role}-{niva}", f"{role}-{niva}-{sektor}"):
        if cand not in taken:
            taken.add(cand)
            return cand
    n = 2
    while f"{role}-{niva}-{sektor}-{n}" in taken:
        n += 1
    taken.add(f"{role}-{niva}-{sektor}-{n}")
    return f"{role}-{niva}-{sektor}-{n}"


def _group_name(role: str, members: list[Service]) -> str:
    known = role_name(role)
    if known:
        return known
    names = {s.navn for s in members}
    if len(names) == 1:
        return names.pop()
    return role.replace("-", " ").capitalize()


def _card_service(c: RegionalCard, region: Map) -> Service:
    if c.shared:
        return region.service(c.id)
    members = [region.service(sid) for sid in c.members]
    ages = [s.alder for s in members]
    alder = (min(a[0] for a in ages), max(a[1] for a in ages)) if all(ages) else None
    return Service(c.id, c.label, c.niva, c.sektor, type=c.role, beskrivelse=c.details + "\n\n" + members_text(
        members, c.kommuner), alder=alder, source=members[0].source)


def members_text(members: list[Service], kommuner: Iterable[str]) -> str:
    """One line per municipality with the services a grouped card stands for
    ("Sjøvik: Nordbyen legekontor, Sørbyen legekontor"), in region order; for
    the details panel and the card's tool tip."""
    by_k: dict[str, list[str]] = {}
    for s in members:
        by_k.setdefault(s.kommune, []).append(s.navn)
    return "\n".join(_("{kommune}: {namn}").format(kommune=k, namn=", ".join(by_k[k])) for k in kommuner if k in by_k)


def _grouped_links(region: Map, card_of: dict[str, str], cards: list[RegionalCard]) -> list[Link]:
    """The region's links between the cards their ends fall on, each pair once
    (undirected; the first link's note); links inside one card are not drawn."""
    rank = {c.id: i for i, c in enumerate(cards)}
    out: dict[tuple[str, str], Link] = {}
    for link in region.samarbeid:
        a_cards = dict.fromkeys(card_of[s.id] for s in region.resolve(link.mellom[0]) if s.id in card_of)
        b_cards = dict.fromkeys(card_of[s.id] for s in region.resolve(link.mellom[1]) if s.id in card_of)
        for a in a_cards:
            for b in b_cards:
                if a == b:
                    continue
                pair = (a, b) if rank[a] < rank[b] else (b, a)
                if pair not in out:
                    out[pair] = Link(pair, link.merknad, link.source)
                elif out[pair].merknad is None and link.merknad:
                    out[pair] = replace(out[pair], merknad=link.merknad)
    return list(out.values())


def slug(text: str) -> str:
    """A municipality's part of an id: "Straumøy" -> "straumoy" (``ids.slug``), "kommune" for none."""
    return ids.slug(text) or "kommune"


@dataclass
class MunicipalityMap(Map):
    """One municipality's map drawn from a region file (``municipality_map``)."""

    region: Map | None = None
    kommune: str = ""


def municipality_map(region: Map, kommune: str) -> MunicipalityMap:
    """One municipality's own map drawn from a region map.

    Its services (same objects as in the region, not copies) and the shared
    ones (no ``kommune``), in file order; the region's links whose two ends
    both resolve on it. ``navn`` is the municipality's name (so figures rows
    for it match), ``type`` "kommune", ``path`` None: it is a view of the
    region file and is never saved on its own. Raises ``ValueError`` for a
    municipality the region does not have.
    """
    if kommune not in municipalities(region):
        raise ValueError(_("regionen har ingen kommune {names}").format(names=kommune))
    services = [s for s in region.tjenester if s.kommune is None or s.kommune == kommune]
    m = MunicipalityMap(id=f"{region.id}-{slug(kommune)}", navn=kommune, tjenester=services, nivaer=region.nivaer,
                        type="kommune", malform=region.malform, oppdatert=region.oppdatert, nettside=region.nettside,
                        henvisningsrett=region.henvisningsrett, path=None, source=region.source, region=region,
                        kommune=kommune)
    m.samarbeid = [link for link in region.samarbeid if m.resolve(link.mellom[0]) and m.resolve(link.mellom[1])]
    return m


# ---------------------------------------------------------------- what is shown of a region

REGIONAL = "regional"  # one card per role, shared services once (the default for a region)
ALL = "alle"  # every service of the file, each municipality's apart


def default_view(m: Map) -> str:
    """The view a map opens in: the regional view for ``type: region``, else the map itself."""
    return REGIONAL if m.type == "region" else ALL


def views(m: Map) -> list[str]:
    """The choices a map offers: for a region ``REGIONAL``, ``ALL`` and each municipality; else ``ALL``."""
    return [REGIONAL, ALL, *municipalities(m)] if m.type == "region" else [ALL]


def shown_map(region: Map, view: str) -> Map:
    """The map shown for ``view`` (one of ``views(region)``): the regional view's
    grouped map, the region itself (``ALL``) or one municipality's map. A map
    that is not a region is always shown as it is. Raises ``ValueError`` for a
    municipality the region does not have."""
    if region.type != "region" or view == ALL:
        return region
    if view == REGIONAL:
        return regional_view(region).map
    return municipality_map(region, view)


def source_of(m: Map) -> Map:
    """The map in the file a shown map comes from (itself when it is one)."""
    region = getattr(m, "region", None)
    return region if isinstance(m, (GroupedMap, MunicipalityMap)) and region is not None else m


def view_of(m: Map) -> str:
    """Which view ``m`` is of its source: ``REGIONAL``, a municipality's name, or ``ALL``."""
    if isinstance(m, GroupedMap) and m.region is not None:
        return REGIONAL
    if isinstance(m, MunicipalityMap) and m.region is not None:
        return m.kommune
    return ALL


def spans_municipalities(m: Map) -> bool:
    """True for a shown map that stands for a whole region (the regional view or
    every service): not one municipality's services. A family handout needs one
    municipality's map, since what it gives a parent is whom to contact where
    they live; on the regional view a municipal role is one card without contacts."""
    return source_of(m).type == "region" and not isinstance(m, MunicipalityMap)


def kommuner_shown(m: Map) -> list[str]:
    """The municipalities whose services a shown map stands for: all of a region's
    (regional view or every service), one for a municipality's map; a municipal
    map stands for itself (its ``navn``, as figures rows name it)."""
    if isinstance(m, MunicipalityMap) and m.region is not None:
        return [m.kommune]
    source = source_of(m)
    if isinstance(m, GroupedMap) and m.region is not None:
        return list(m.kommuner)
    return municipalities(source) if source.type == "region" else [source.navn]
