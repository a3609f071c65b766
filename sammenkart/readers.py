"""Turn checked file data into model objects (maps, pathways, cases).

Each reader reports every problem it finds through a ``Checker`` and builds
the object from the parts that are good, so one typo never hides the rest.
A file with errors still gives an object when something in it can be used:
a service, step or link with an error is left out (and reported), so one
typo on the morning of a meeting never takes the whole map away. Only a file
that has nothing usable (no service, no step) gives ``None``.
"""
from __future__ import annotations

from pathlib import Path

from .i18n import _
from .model import (
    ACCESS, ARTS, FORMAT_VERSION, MALFORMER, MAP_TYPES, ROLE_KEYS, SECTORS, Case, CaseStep, Contact, FlowStep, Level,
    Link, Map, Pathway, Problem, Role, Service, Source, default_levels,
)
from .checks import SLUG, Checker, suggestion, type_name
from .malform import split_stem

MAP_KEYS = ("sammenkart", "id", "navn", "type", "malform", "oppdatert", "nettside", "nivaer", "tjenester", "samarbeid",
            "henvisningsrett")
LEVEL_KEYS = ("id", "navn", "beskrivelse", "farge")
SERVICE_KEYS = ("id", "navn", "type", "niva", "sektor", "beskrivelse", "alder", "kontakt", "plassering", "kommune",
                "tilgang")
CONTACT_KEYS = ("telefon", "epost", "nettside", "adresse", "intern")
LINK_KEYS = ("mellom", "merknad")
PATHWAY_KEYS = ("sammenkart", "id", "navn", "malform", "beskrivelse", "roller", "flyt", "sjekkliste")
STEP_KEYS = ("fra", "til", "art", "nar")
CASE_KEYS = ("sammenkart", "id", "tittel", "malform", "forlop", "alder", "ingress", "steg")
CASE_STEP_KEYS = ("tittel", "tekst", "sporsmal", "involverte", "forslag", "fasilitator")


def _items(ck: Checker, obj, key: str, required: bool):
    """(index, item mapping) for a list of mappings under ``key``."""
    if key not in obj:
        return []
    value = obj[key]
    if not isinstance(value, list):
        ck.error(ck.at(obj, key), _("«{key}» skal være en liste, ikke {found}").format(key=key, found=type_name(value)))
        return []
    if required and not value:
        ck.error(ck.at(obj, key), _("«{key}» må ha minst ett punkt").format(key=key))
    out = []
    for i, item in enumerate(value):
        m = ck.mapping(item, ck.at(value, i), _("punkt {n} i «{key}»").format(n=i + 1, key=key))
        if m is not None:
            out.append((i, m))
    return out


def _header(ck: Checker, data, keys, required, what: str, stem: str):
    """The checks every file kind shares: a mapping, known keys, version, id = file stem.

    Returns (mapping or None, id or None)."""
    obj = ck.mapping(data, getattr(data, "source", None) or _src(ck), what)
    if obj is None:
        return None, None
    ck.keys(obj, keys, required, what)
    if not ck.version(obj, FORMAT_VERSION) and "sammenkart" in obj:
        return None, None  # a format we do not know: its content cannot be trusted
    ident = ck.slug(obj, "id", what)
    ck.stem(obj, ident, stem)
    return obj, ident


def _src(ck: Checker) -> Source:
    return Source(ck.path, 1, 1)


def read_map(data, path: Path, shown: str) -> tuple[Map | None, list[Problem]]:
    ck = Checker(shown)
    obj, ident = _header(ck, data, MAP_KEYS, ("sammenkart", "id", "navn", "tjenester"), _("kartet"), path.stem)
    if obj is None:
        return None, ck.problems
    levels = _levels(ck, obj)
    level_ids = {lv.id for lv in levels}
    services: list[Service] = []
    seen: dict[str, object] = {}
    for i, s in _items(ck, obj, "tjenester", required=True):
        label = _("tjenesten «{id}»").format(id=s["id"]) if isinstance(s.get("id"), str) else _("tjeneste {n}").format(n=i + 1)
        errors_before = ck.error_count()
        ck.keys(s, SERVICE_KEYS, ("id", "navn", "niva", "sektor"), label)
        sid = ck.slug(s, "id", _("tjenesten"))
        if sid in seen:
            ck.error(ck.at(s, "id"), _("tjeneste-id «{id}» er brukt før (linje {line})").format(id=sid, line=seen[sid].line))
            sid = None  # the first one wins; the second is left out
        elif sid:
            seen[sid] = ck.at(s, "id")
        niva = ck.integer(s, "niva")
        if niva is not None and niva not in level_ids:
            ck.error(ck.at(s, "niva"), _("nivå {niva} finnes ikke; kjente nivåer er {ids}").format(
                niva=niva, ids=", ".join(str(x) for x in sorted(level_ids))))
            niva = None
        sektor = ck.choice(s, "sektor", SECTORS)
        role = ck.slug(s, "type", _("tjenestetypen")) if "type" in s else ""
        alder = ck.number_pair(s, "alder", integers=True)
        if alder and (alder[0] < 0 or alder[0] > alder[1]):
            ck.error(ck.at(s, "alder"), _("«alder» [{a}, {b}]: fra-alderen må være 0 eller mer og ikke større enn til-alderen").format(a=alder[0], b=alder[1]))
            alder = None
        kontakt = _contact(ck, s)
        navn = ck.text(s, "navn", required=True)
        service = Service(
            id=sid or "", navn=navn or "", niva=niva if niva is not None else 0, sektor=sektor or "", type=role or "",
            beskrivelse=ck.text(s, "beskrivelse"), alder=alder, kontakt=kontakt,
            plassering=ck.number_pair(s, "plassering", integers=False), kommune=ck.text(s, "kommune"),
            tilgang=ck.choice(s, "tilgang", ACCESS), source=s.source,
        )
        if ck.error_count() == errors_before:
            services.append(service)
    names = _declared_names(obj)
    links = _links(ck, obj, names)
    m = Map(
        id=ident or path.stem, navn=ck.text(obj, "navn", required=True) or path.stem, tjenester=services,
        nivaer=levels, type=ck.choice(obj, "type", MAP_TYPES, "kommune"),
        malform=ck.choice(obj, "malform", MALFORMER, "nb"), oppdatert=ck.date(obj, "oppdatert"),
        nettside=ck.url(obj, "nettside"), samarbeid=links, henvisningsrett=_referral_rights(ck, obj, names),
        path=path, source=obj.source,
    )
    return (m if services else None), ck.problems


def _levels(ck: Checker, obj) -> list:
    if "nivaer" not in obj:
        return default_levels()
    levels, seen = [], set()
    for i, lv in _items(ck, obj, "nivaer", required=True):
        ck.keys(lv, LEVEL_KEYS, ("id", "navn"), _("nivå {n}").format(n=i + 1))
        lid = ck.integer(lv, "id")
        if lid in seen:
            ck.error(ck.at(lv, "id"), _("nivå-id {id} er brukt før").format(id=lid))
            continue
        navn = ck.text(lv, "navn", required=True)
        if lid is not None and navn:
            seen.add(lid)
            levels.append(Level(lid, navn, ck.text(lv, "beskrivelse"), ck.colour(lv, "farge"), lv.source))
    return levels


def _contact(ck: Checker, s) -> Contact:
    if "kontakt" not in s:
        return Contact()
    k = ck.mapping(s["kontakt"], ck.at(s, "kontakt"), "«kontakt»")
    if k is None:
        return Contact()
    ck.keys(k, CONTACT_KEYS, (), "«kontakt»")
    intern = k.get("intern", False)
    if not isinstance(intern, bool):
        ck.error(ck.at(k, "intern"), _("«intern» skal være true eller false, ikke {found}").format(found=type_name(intern)))
        intern = False
    return Contact(ck.text(k, "telefon"), ck.text(k, "epost"), ck.url(k, "nettside"), ck.text(k, "adresse"), intern)


def _referral_rights(ck: Checker, obj, names: set[str]) -> dict[str, list[str]]:
    """``henvisningsrett`` (1.1): receiver reference -> the references that may refer to it.

    Rights may name roles the map lacks (a shared rule), so a name that matches
    no service is a warning with a suggestion, not an error."""
    if "henvisningsrett" not in obj:
        return {}
    rights = ck.mapping(obj["henvisningsrett"], ck.at(obj, "henvisningsrett"), "«henvisningsrett»")
    out: dict[str, list[str]] = {}
    for receiver, senders in (rights or {}).items():
        if not isinstance(receiver, str) or not SLUG.match(receiver):
            ck.error(ck.key_at(rights, receiver), _("«{ref}» under «henvisningsrett» er ikke en gyldig tjeneste-id eller type").format(ref=receiver))
            continue
        refs = ck.text_list(rights, receiver)
        raw = rights[receiver]
        for j, item in enumerate(raw if isinstance(raw, list) else []):
            if isinstance(item, str) and item.strip() and not SLUG.match(item.strip()):
                ck.error(ck.at(raw, j), _("«{ref}» i «henvisningsrett» er ikke en gyldig tjeneste-id eller type").format(ref=item))
        for ref in [receiver, *refs]:
            if SLUG.match(ref) and ref not in names:
                ck.warning(ck.key_at(rights, receiver), _("«{ref}» i «henvisningsrett» treffer ingen tjeneste i kartet").format(ref=ref)
                           + _hint(ref, names))
        out[receiver] = [r for r in refs if SLUG.match(r)]
    return out


def _declared_names(obj) -> set[str]:
    """Every id and type written in the file, even of services with errors,
    so one mistake in a service does not also break the links to it."""
    names = set()
    for s in obj.get("tjenester") or []:
        if isinstance(s, dict):
            names |= {v for v in (s.get("id"), s.get("type")) if isinstance(v, str)}
    return names


def _links(ck: Checker, obj, names: set[str]) -> list[Link]:
    links = []
    for i, ln in _items(ck, obj, "samarbeid", required=False):
        errors_before = ck.error_count()
        ck.keys(ln, LINK_KEYS, ("mellom",), _("samarbeid {n}").format(n=i + 1))
        refs = ck.text_list(ln, "mellom")
        if "mellom" in ln and len(refs) != 2:
            ck.error(ck.at(ln, "mellom"), _("«mellom» skal ha nøyaktig to referanser, som [helsestasjon, barnehage]"))
            continue
        bad = [r for r in refs if r not in names]
        for r in bad:
            ck.error(ck.at(ln, "mellom"), _("«{ref}» i «mellom» viser ikke til noen tjeneste-id eller type i kartet").format(ref=r)
                     + _hint(r, names))
        merknad = ck.text(ln, "merknad")
        if refs and ck.error_count() == errors_before:
            links.append(Link((refs[0], refs[1]), merknad, ln.source))
    return links


def _hint(ref: str, names) -> str:
    near = suggestion(ref, names)
    return _(" – mente du «{near}»?").format(near=near) if near else ""


def read_pathway(data, path: Path, shown: str) -> tuple[Pathway | None, list[Problem]]:
    ck = Checker(shown)
    stem, suffix = split_stem(path.stem)
    obj, ident = _header(ck, data, PATHWAY_KEYS, ("sammenkart", "id", "navn", "flyt"), _("forløpet"), stem)
    if obj is None:
        return None, ck.problems
    malform = ck.choice(obj, "malform", MALFORMER, "nb")
    if suffix and malform != suffix:
        ck.error(ck.at(obj, "malform") if "malform" in obj else obj.source,
                 _("filnavnet «{name}» sier målform «{suffix}», men «malform» er «{malform}»; skriv «malform: {suffix}»").format(
                     name=path.name, suffix=suffix, malform=malform))
    roles: dict[str, Role] = {}
    if "roller" in obj:
        roller = ck.mapping(obj["roller"], ck.at(obj, "roller"), "«roller»")
        for ref, body in (roller or {}).items():
            good_ref = bool(SLUG.match(ref))
            if not good_ref:
                ck.error(ck.key_at(roller, ref), _("«{ref}» under «roller» er ikke en gyldig tjeneste-id eller type").format(ref=ref))
            r = ck.mapping(body, ck.at(roller, ref), _("rollen til «{ref}»").format(ref=ref))
            if r is None:
                continue
            # the body is still checked so every problem shows in one pass
            ck.keys(r, ROLE_KEYS, (), _("rollen til «{ref}»").format(ref=ref))
            if good_ref:
                roles[ref] = Role(**{k: ck.text(r, k) for k in ROLE_KEYS}, source=r.source)
    steps = []
    for i, st in _items(ck, obj, "flyt", required=True):
        errors_before = ck.error_count()
        ck.keys(st, STEP_KEYS, ("fra", "til"), _("steg {n} i «flyt»").format(n=i + 1))
        fra, til = ck.slug(st, "fra", _("referansen")), ck.slug(st, "til", _("referansen"))
        art = ck.choice(st, "art", ARTS, "henvisning")
        nar = ck.text(st, "nar")
        if ck.error_count() == errors_before:
            steps.append(FlowStep(fra, til, art, nar, st.source))
    p = Pathway(
        id=ident or stem, navn=ck.text(obj, "navn", required=True) or stem, flyt=steps,
        malform=suffix or malform, beskrivelse=ck.text(obj, "beskrivelse"),
        roller=roles, sjekkliste=ck.text_list(obj, "sjekkliste"), path=path, source=obj.source,
    )
    return (p if steps else None), ck.problems


def read_case(data, path: Path, shown: str) -> tuple[Case | None, list[Problem]]:
    ck = Checker(shown)
    obj, ident = _header(ck, data, CASE_KEYS, ("sammenkart", "id", "tittel", "steg"), _("kasuset"), path.stem)
    if obj is None:
        return None, ck.problems
    alder = ck.integer(obj, "alder")
    if alder is not None and alder < 0:
        ck.error(ck.at(obj, "alder"), _("«alder» kan ikke være negativ"))
    steps = []
    for i, st in _items(ck, obj, "steg", required=True):
        errors_before = ck.error_count()
        ck.keys(st, CASE_STEP_KEYS, ("tittel", "tekst"), _("steg {n}").format(n=i + 1))
        for key in ("involverte", "forslag"):
            refs = st.get(key)
            for j, ref in enumerate(refs if isinstance(refs, list) else []):
                if isinstance(ref, str) and not SLUG.match(ref):
                    ck.error(ck.at(st[key], j), _("«{ref}» i «{key}» er ikke en gyldig tjeneste-id eller type").format(ref=ref, key=key))
        tittel, tekst = ck.text(st, "tittel", required=True), ck.text(st, "tekst", required=True)
        questions = ck.text_list(st, "sporsmal") if "sporsmal" in st else None
        step = CaseStep(tittel or "", tekst or "", questions or None, ck.text_list(st, "involverte"),
                        ck.text_list(st, "forslag"), ck.text(st, "fasilitator"), st.source)
        if ck.error_count() == errors_before:
            steps.append(step)
    c = Case(
        id=ident or path.stem, tittel=ck.text(obj, "tittel", required=True) or path.stem, steg=steps,
        malform=ck.choice(obj, "malform", MALFORMER, "nb"), forlop=ck.slug(obj, "forlop", _("forløpet")),
        alder=alder, ingress=ck.text(obj, "ingress"), path=path, source=obj.source,
    )
    return (c if steps else None), ck.problems
