"""Turn checked file data into model objects (maps, pathways, cases).

Each reader reports every problem it finds through a ``Checker`` and builds
the object from the parts that are good, so one typo never hides the rest.
Which keys exist, which are required, enums and field types come from the
JSON Schemas (``schema.py``); this module adds the rules that span fields
(niva among nivaer, unique ids, alder from <= to, links and steps that can be
drawn). A file with errors still gives an object when something in it can be
used: a service, step or link with an error is left out (and reported), so one
typo on the morning of a meeting never takes the whole map away. Only a file
that has nothing usable (no service, no step) gives ``None``.
"""
from __future__ import annotations

from pathlib import Path

from . import example_addresses, schema
from .checks import Checker, reference_hint
from .i18n import _, quote
from .malform import split_stem
from .model import (
    ADAPTABLE_KEYS, ROLE_KEYS, Case, CaseStep, Contact, FlowStep, Level, Link, Map, Pathway, Problem, Revision, Role,
    Service, Source, default_levels,
)
from .yamlfile import visible

MAP = schema.load("kart")
LEVEL = MAP.at("nivaer", "[]")
SERVICE = MAP.at("tjenester", "[]")
CONTACT = SERVICE.at("kontakt")
RIGHTS = MAP.at("henvisningsrett")
LINK = MAP.at("samarbeid", "[]")
PATHWAY = schema.load("forlop")
ROLES = PATHWAY.at("roller")
ROLE = ROLES.at("*")
STEP = PATHWAY.at("flyt", "[]")
CASE = schema.load("kasus")
CASE_STEP = CASE.at("steg", "[]")


def _header(ck: Checker, data, node: schema.Node, what: str, stem: str):
    """The checks every file kind shares: a mapping, known keys, version, id = file stem.

    Returns (mapping or None, id or None)."""
    obj = ck.mapping(data, getattr(data, "source", None) or Source(ck.path, 1, 1), what)
    if obj is None:
        return None, None
    ck.keys(obj, node, what)
    if not ck.version(obj, node) and "sammenkart" in obj:
        return None, None  # a format we do not know: its content cannot be trusted
    ident = ck.get(obj, node, "id", what)
    ck.stem(obj, ident, stem)
    return obj, ident


def read_map(data, path: Path, shown: str) -> tuple[Map | None, list[Problem]]:
    ck = Checker(shown)
    obj, ident = _header(ck, data, MAP, _("kartet"), path.stem)
    if obj is None:
        return None, ck.problems
    malform = _malform(ck, obj, MAP)
    levels = _levels(ck, obj, malform)
    level_ids = {lv.id for lv in levels}
    services: list[Service] = []
    seen: dict[str, Source] = {}
    for i, s in ck.items(obj, MAP, "tjenester"):
        def label(s=s, i=i):
            return (_("tjenesten «{id}»").format(id=visible(s["id"])) if isinstance(s.get("id"), str)
                    else _("tjeneste {n}").format(n=i + 1))

        errors_before = ck.error_count()
        ck.keys(s, SERVICE, label)
        # a mistake in the card's «revisjon» leaves out the verdict, never the card
        revisjon, revision_errors = _revision(ck, s, SERVICE)
        sid = ck.get(s, SERVICE, "id", _("tjenesten"))
        if sid in seen:
            ck.error(ck.at(s, "id"), _("tjeneste-id «{id}» er brukt før (linje {line})").format(id=sid, line=seen[sid].line))
            sid = None  # the first one wins; the second is left out
        elif sid:
            seen[sid] = ck.at(s, "id")
        niva = ck.get(s, SERVICE, "niva")
        if niva is not None and niva not in level_ids:
            ck.error(ck.at(s, "niva"), _("nivå {niva} finnes ikke; kjente nivåer er {ids}").format(
                niva=niva, ids=", ".join(str(x) for x in sorted(level_ids))))
            niva = None
        alder = ck.get(s, SERVICE, "alder")
        if alder is not None and len(alder) == 2 and alder[0] > alder[1]:
            ck.error(ck.at(s, "alder"), _("«alder» [{a}, {b}]: fra-alderen må være 0 eller mer og ikke større enn til-alderen").format(
                a=alder[0], b=alder[1]))
            alder = None
        plassering = ck.get(s, SERVICE, "plassering")
        service = Service(
            id=sid or "", navn=ck.get(s, SERVICE, "navn") or "", niva=niva if niva is not None else 0,
            sektor=ck.get(s, SERVICE, "sektor") or "", type=ck.get(s, SERVICE, "type", _("tjenestetypen")) or "",
            beskrivelse=ck.get(s, SERVICE, "beskrivelse"),
            alder=tuple(alder) if alder and len(alder) == 2 else None, kontakt=_contact(ck, s),
            plassering=tuple(plassering) if plassering and len(plassering) == 2 else None,
            kommune=ck.get(s, SERVICE, "kommune"), tilgang=ck.get(s, SERVICE, "tilgang"), revisjon=revisjon,
            source=s.source, plassering_source=ck.at(s, "plassering") if plassering else None,
        )
        # A card is drawn when it has what drawing it needs: an id, a name, a level and a
        # sector. A mistake elsewhere (a contact, an age, a symbol) leaves out that value,
        # never the card: the coordinator sees the card, and edit mode can reach it.
        if sid and service.navn and niva is not None and service.sektor:
            services.append(service)
        elif ck.error_count() - revision_errors > errors_before:
            ck.warning(s.source, _("{what} vises ikke i kartet før feilen over er rettet").format(what=label()))
    m = Map(
        id=ident or path.stem, navn=ck.get(obj, MAP, "navn") or path.stem, tjenester=services,
        nivaer=levels, type=ck.get(obj, MAP, "type") or MAP.prop("type").raw.get("default", "kommune"),
        malform=malform, oppdatert=ck.get(obj, MAP, "oppdatert"),
        nettside=ck.get(obj, MAP, "nettside"), samarbeid=[], path=path, source=obj.source,
    )
    m.revidert, m.neste_revisjon = ck.get(obj, MAP, "revidert"), ck.get(obj, MAP, "neste_revisjon")
    if m.revidert and m.neste_revisjon and m.neste_revisjon < m.revidert:
        ck.warning(ck.at(obj, "neste_revisjon"), _("«neste_revisjon» ({neste}) er før «revidert» ({revidert})").format(
            neste=m.neste_revisjon.isoformat(), revidert=m.revidert.isoformat()))
    names = _declared_names(obj)
    m.samarbeid = _links(ck, obj, names, m)
    m.henvisningsrett = _referral_rights(ck, obj, names)
    ck.problems.extend(example_addresses.map_problems(obj, path))  # left over from a copied example
    return (m if services else None), ck.problems


def _revision(ck: Checker, obj, node: schema.Node) -> tuple[Revision | None, int]:
    """The «revisjon» of a service or a role (1.1) and how many errors it had.

    None when it is not written or has no usable «status» (reported)."""
    if "revisjon" not in obj:
        return None, 0
    before = ck.error_count()
    rnode = node.prop("revisjon")
    rev = ck.get(obj, node, "revisjon")
    if rev is None:
        return None, ck.error_count() - before
    ck.keys(rev, rnode, quote("revisjon"))
    status = ck.get(rev, rnode, "status")
    out = Revision(status, ck.get(rev, rnode, "merknad"), ck.get(rev, rnode, "dato"), ck.get(rev, rnode, "ansvar"),
                   rev.source) if status else None
    return out, ck.error_count() - before


def _malform(ck: Checker, obj, node: schema.Node) -> str:
    return ck.get(obj, node, "malform") or node.prop("malform").raw.get("default", "nb")


def _levels(ck: Checker, obj, malform: str) -> list:
    if "nivaer" not in obj:
        return default_levels(malform)  # named in the map's målform
    levels, seen = [], set()
    for i, lv in ck.items(obj, MAP, "nivaer"):
        ck.keys(lv, LEVEL, lambda i=i: _("nivå {n}").format(n=i + 1))
        lid = ck.get(lv, LEVEL, "id")
        if lid in seen:
            ck.error(ck.at(lv, "id"), _("nivå-id {id} er brukt før").format(id=lid))
            continue
        navn = ck.get(lv, LEVEL, "navn")
        if lid is not None and navn:
            seen.add(lid)
            levels.append(Level(lid, navn, ck.get(lv, LEVEL, "beskrivelse"), ck.get(lv, LEVEL, "farge"), lv.source))
    return levels


def _contact(ck: Checker, s) -> Contact:
    k = ck.get(s, SERVICE, "kontakt")
    if k is None:
        return Contact()
    ck.keys(k, CONTACT, quote("kontakt"))
    intern = ck.get(k, CONTACT, "intern")
    values = [ck.get(k, CONTACT, key) for key in ("telefon", "epost", "nettside", "adresse")]
    sid = s.get("id")
    what = _("tjenesten «{id}»").format(id=sid if isinstance(sid, str) else "?")
    ck.phone(k, "telefon", values[0], what)
    ck.email(k, "epost", values[1], what)
    return Contact(*values,
                   intern=CONTACT.prop("intern").raw.get("default", False) if intern is None else intern)


def _referral_rights(ck: Checker, obj, names: set[str]) -> dict[str, list[str]]:
    """``henvisningsrett`` (1.1): receiver reference -> the references that may refer to it.

    Rights may name roles the map lacks (a shared rule), so a name that matches
    no service is a warning with a suggestion, not an error."""
    rights = ck.get(obj, MAP, "henvisningsrett")
    out: dict[str, list[str]] = {}
    for receiver in rights or {}:
        if not ck.name(rights, RIGHTS, receiver, quote("henvisningsrett")):
            continue
        senders = ck.get(rights, RIGHTS, receiver)
        if senders is None:
            continue
        for ref in [receiver, *senders]:
            if ref not in names:
                ck.warning(ck.key_at(rights, receiver), _("«{ref}» i «henvisningsrett» treffer ingen tjeneste i kartet").format(
                    ref=ref) + reference_hint(ref, names))
        out[receiver] = senders
    return out


def _declared_names(obj) -> set[str]:
    """Every id and type written in the file, even of services with errors,
    so one mistake in a service does not also break the links to it."""
    names = set()
    for s in obj.get("tjenester") or []:
        if isinstance(s, dict):
            names |= {v for v in (s.get("id"), s.get("type")) if isinstance(v, str)}
    return names


def _links(ck: Checker, obj, names: set[str], m: Map) -> list[Link]:
    links = []
    for i, ln in ck.items(obj, MAP, "samarbeid"):
        errors_before = ck.error_count()
        ck.keys(ln, LINK, lambda i=i: _("samarbeid {n}").format(n=i + 1))
        refs = ck.get(ln, LINK, "mellom")
        merknad = ck.get(ln, LINK, "merknad")
        if refs is None or len(refs) != 2:
            continue  # wrong count or form: reported
        for r in refs:
            if r not in names:
                ck.error(ck.at(ln, "mellom"), _("«{ref}» i «mellom» viser ikke til noen tjeneste-id eller type i kartet").format(
                    ref=r) + reference_hint(r, names))
        if ck.error_count() != errors_before:
            continue
        if not _link_pairs(m, refs):
            # kept (nothing written is lost), but a line from a card to itself cannot be drawn
            ck.warning(ck.at(ln, "mellom"), _(
                "samarbeidet mellom «{a}» og «{b}» går fra en tjeneste til seg selv og kan ikke tegnes som en strek").format(
                a=refs[0], b=refs[1]))
        links.append(Link((refs[0], refs[1]), merknad, ln.source))
    return links


def _link_pairs(m: Map, refs) -> bool:
    """Whether a link joins at least two different services (as the layout draws it).
    A reference to nothing is reported above; then there is nothing to say here."""
    a, b = m.resolve(refs[0]), m.resolve(refs[1])
    if not a or not b:
        return True
    return any(x.id != y.id for x in a for y in b)


def read_pathway(data, path: Path, shown: str) -> tuple[Pathway | None, list[Problem]]:
    ck = Checker(shown)
    stem, suffix = split_stem(path.stem)  # angst.nn.yaml: id angst, written in nynorsk
    obj, ident = _header(ck, data, PATHWAY, _("forløpet"), stem)
    if obj is None:
        return None, ck.problems
    malform = _malform(ck, obj, PATHWAY)
    if suffix and malform != suffix:
        ck.error(ck.at(obj, "malform") if "malform" in obj else obj.source,
                 _("filnavnet «{name}» sier målform «{suffix}», men «malform» er «{malform}»; skriv «malform: {suffix}»").format(
                     name=path.name, suffix=suffix, malform=malform))
    roles: dict[str, Role] = {}
    roller = ck.get(obj, PATHWAY, "roller")
    for ref, body in (roller or {}).items():
        good_ref = ck.name(roller, ROLES, ref, quote("roller"))
        what = _("rollen til «{ref}»").format(ref=visible(ref))
        r = ck.mapping(body, ck.at(roller, ref), what)
        if r is None:
            continue
        # the body is still checked so every problem shows in one pass
        ck.keys(r, ROLE, what)
        texts = {k: ck.get(r, ROLE, k) for k in ROLE_KEYS}
        revisjon, _errors = _revision(ck, r, ROLE)
        if good_ref:
            roles[ref] = Role(**texts, revisjon=revisjon, written=frozenset(k for k in ROLE_KEYS if k in r),
                              source=r.source)
    steps = []
    for i, st in ck.items(obj, PATHWAY, "flyt"):
        errors_before = ck.error_count()
        ck.keys(st, STEP, lambda i=i: _("steg {n} i «flyt»").format(n=i + 1))
        fra, til = ck.get(st, STEP, "fra", _("referansen")), ck.get(st, STEP, "til", _("referansen"))
        art = ck.get(st, STEP, "art") or STEP.prop("art").raw.get("default", "henvisning")
        nar = ck.get(st, STEP, "nar")
        if ck.error_count() == errors_before:
            if fra == til:
                ck.warning(st.source, _(
                    "steg {n} går fra «{ref}» til seg selv og kan ikke tegnes som en pil; "
                    "skriv hvem steget går til, eller beskriv det i rollen").format(n=i + 1, ref=fra))
            steps.append(FlowStep(fra, til, art, nar, st.source, ck.at(st, "fra"), ck.at(st, "til")))
    grunnlag = ck.get(obj, PATHWAY, "grunnlag")
    p = Pathway(
        id=ident or stem, navn=ck.get(obj, PATHWAY, "navn") or stem, flyt=steps,
        malform=suffix or malform, beskrivelse=ck.get(obj, PATHWAY, "beskrivelse"),
        roller=roles, sjekkliste=ck.get(obj, PATHWAY, "sjekkliste") or [], revidert=ck.get(obj, PATHWAY, "revidert"),
        path=path, source=obj.source,
    )
    if grunnlag:
        # a local adaptation: what is not written here comes from the shared file (adaptation.py)
        p.grunnlag = (path.parent / grunnlag).resolve()
        p.grunnlag_source = ck.at(obj, "grunnlag")
        p.adapted = frozenset(k for k in ADAPTABLE_KEYS if k in obj)
        return (p if steps or "flyt" not in obj else None), ck.problems
    return (p if steps else None), ck.problems


def read_case(data, path: Path, shown: str) -> tuple[Case | None, list[Problem]]:
    ck = Checker(shown)
    obj, ident = _header(ck, data, CASE, _("kasuset"), path.stem)
    if obj is None:
        return None, ck.problems
    alder = ck.get(obj, CASE, "alder")
    steps = []
    for i, st in ck.items(obj, CASE, "steg"):
        errors_before = ck.error_count()
        ck.keys(st, CASE_STEP, lambda i=i: _("steg {n}").format(n=i + 1))
        tittel, tekst = ck.get(st, CASE_STEP, "tittel"), ck.get(st, CASE_STEP, "tekst")
        questions = ck.get(st, CASE_STEP, "sporsmal")
        step = CaseStep(tittel or "", tekst or "", questions or None, ck.get(st, CASE_STEP, "involverte") or [],
                        ck.get(st, CASE_STEP, "forslag") or [], ck.get(st, CASE_STEP, "fasilitator"), st.source,
                        _item_sources(ck, st, ("involverte", "forslag")))
        if ck.error_count() == errors_before:
            steps.append(step)
    c = Case(
        id=ident or path.stem, tittel=ck.get(obj, CASE, "tittel") or path.stem, steg=steps,
        malform=_malform(ck, obj, CASE), forlop=ck.get(obj, CASE, "forlop", _("forløpet")),
        alder=alder, ingress=ck.get(obj, CASE, "ingress"), path=path, source=obj.source,
        forlop_source=ck.at(obj, "forlop") if "forlop" in obj else None,
    )
    return (c if steps else None), ck.problems


def _item_sources(ck: Checker, obj, keys) -> dict[str, Source]:
    """Reference -> where it is first written in the lists ``keys`` of ``obj``."""
    out: dict[str, Source] = {}
    for key in keys:
        items = obj.get(key)
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, str):
                    out.setdefault(item.strip(), ck.at(items, i))
    return out
