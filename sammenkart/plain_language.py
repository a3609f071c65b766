"""A pathway's steps in plain language for a parent, in the map's målform.

For the family handout (issue 17, "A public edition"): each step of a
pathway becomes one to three short, whole sentences chosen by the step's
``art`` and the receiving service's ``tilgang`` ("Helsesjukepleiaren kan
hjelpe dykk å bestille time hos fastlegen.", "BUP krev tilvising."), the
names the sentences use that a parent may not know are explained once
(``explanations``), and every service of the step comes with its public
contact line (never a ``kontakt.intern`` contact) and how a family reaches it.

No professional words ("epikrise", "somatisk", "kartlegging") are used; where
a word of the trade is needed (henvisning, bekymringsmelding) the sentence
after it says what it means. The step's condition (``nar``) is the pathway's
own text, written for professionals: it is given apart (``StepText.when``)
for the caller to show or leave out.

The sentences are bokmål source strings through ``_()`` with the nynorsk
catalogue (resources/translations/nn); everything is produced inside
``language(map.malform)``, so a nynorsk map's handout is nynorsk whatever the
window's language. Services are named by what a family calls them (the
definite form: "fastlegen", "helsesykepleieren"), from the role reference's
types; a service without a standard role is named as the map names it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import _, language, output_language
from .model import FlowStep, Map, Pathway, Problem, Service
from .roles import STANDARD_ROLES, role_name


@dataclass(frozen=True)
class ServiceLine:
    """One service of a step as a family sees it.

    ``contact``: the public contact line ("Tlf. 55 00 12 00 · post@… · …") or
    None (no contact, or ``kontakt.intern``); ``access``: "Dere kan ta kontakt
    selv" / "Krever henvisning" in the map's målform, or None when the map does
    not say (``tilgang``)."""

    service_id: str
    navn: str
    contact: str | None
    access: str | None


@dataclass(frozen=True)
class StepText:
    """A pathway step for a parent.

    ``number``: 1-based position in the pathway; ``sentences``: whole
    sentences, in order; ``when``: the step's condition as the pathway writes
    it (professional text) or None; ``explanations``: one sentence for each
    name used that needs one (PPT, BUP, DPS, …); ``services``: the step's
    services on the map (senders, then receivers); ``drawn``: both
    references match a service on the map (else the step is not on it)."""

    number: int
    sentences: tuple[str, ...]
    when: str | None
    explanations: tuple[str, ...]
    services: tuple[ServiceLine, ...]
    drawn: bool


def _nouns() -> dict[str, str]:
    """What a family calls each standard role, in the definite form (current language)."""
    return {
        "barnehage": _("barnehagen"),
        "skole": _("skolen"),
        "helsestasjon": _("helsestasjonen"),
        "skolehelsetjeneste": _("helsesykepleieren"),
        "fritid": _("fritidsklubben"),
        "idrettslag": _("idrettslaget"),
        "videregaende": _("den videregående skolen"),
        "tannhelse": _("tannlegen"),
        "helsestasjon-ungdom": _("helsestasjonen for ungdom"),
        "ppt": _("PPT"),
        "foreldreveiledning": _("foreldreveiledningen"),
        "fastlege": _("fastlegen"),
        "legevakt": _("legevakten"),
        "oppfolgingstjenesten": _("oppfølgingstjenesten"),
        "nav": _("NAV"),
        "psykisk-helse": _("psykisk helsetjeneste i kommunen"),
        "kommunepsykolog": _("kommunepsykologen"),
        "barnevern": _("barnevernet"),
        "koordinerende-enhet": _("koordinerende enhet i kommunen"),
        "fysio-ergo": _("fysioterapeuten eller ergoterapeuten"),
        "alarmtelefon": _("Alarmtelefonen for barn og unge (116 111)"),
        "krisesenter": _("krisesenteret"),
        "familievern": _("familievernkontoret"),
        "statens-barnehus": _("Statens barnehus"),
        "politi": _("politiet"),
        "bup": _("BUP"),
        "bup-akutt": _("akutteamet på BUP"),
        "bup-dogn": _("døgnavdelingen for ungdom"),
        "habilitering": _("habiliteringstjenesten"),
        "barneavdeling": _("barneavdelingen på sykehuset"),
        "spiseforstyrrelser": _("seksjonen for spiseforstyrrelser"),
        "dps": _("DPS"),
        "overgrepsmottak": _("overgrepsmottaket"),
    }


def _explanations() -> dict[str, str]:
    """One sentence for the roles whose name a parent may not know (current language)."""
    return {
        "ppt": _("PPT (pedagogisk-psykologisk tjeneste) hjelper barnehagen og skolen med å legge til rette for "
                 "barn som trenger det."),
        "bup": _("BUP er sykehusets tilbud til barn og unge med psykiske plager. Barnet bor hjemme og kommer dit "
                 "til samtaler."),
        "bup-akutt": _("Akutteamet på BUP hjelper samme dag når det haster."),
        "bup-dogn": _("Døgnavdelingen er for ungdom som trenger å bo på sykehuset en tid for å få behandling."),
        "dps": _("DPS (distriktspsykiatrisk senter) gir hjelp til voksne med psykiske plager, også til mødre og "
                 "fedre."),
        "habilitering": _("Habiliteringstjenesten på sykehuset følger opp barn med for eksempel autisme, og "
                          "familiene deres, over lang tid."),
        "koordinerende-enhet": _("Koordinerende enhet i kommunen hjelper familier som får hjelp fra mange steder "
                                 "over lang tid, og kan gi dere én fast kontaktperson, en koordinator."),
        "statens-barnehus": _("Statens barnehus tar imot barn som kan ha vært utsatt for vold eller overgrep, til "
                              "samtale og undersøkelse."),
        "overgrepsmottak": _("Overgrepsmottaket gir hjelp og undersøkelse etter voldtekt eller andre seksuelle "
                             "overgrep."),
        "barneavdeling": _("Barneavdelingen på sykehuset behandler barn som er fysisk syke eller skadet."),
        "spiseforstyrrelser": _("Seksjonen for spiseforstyrrelser på sykehuset hjelper når en spiseforstyrrelse er "
                                "alvorlig eller har vart lenge."),
    }


# Roles a family goes to itself, so that a professional "samarbeid" towards
# them means helping the family get there (domain.md: a school nurse, a
# school or PPT does not refer to the GP, they advise the family to see the
# GP). Towards other roles "samarbeid" is the services working together.
_FAMILY_GOES_TO = frozenset({
    "fastlege", "legevakt", "helsestasjon", "skolehelsetjeneste", "helsestasjon-ungdom", "foreldreveiledning",
    "lavterskel", "psykisk-helse", "koordinerende-enhet", "krisesenter", "familievern", "alarmtelefon",
    "overgrepsmottak", "nav", "oppfolgingstjenesten", "frivillig-stotte",
})
_DOCTORS = frozenset({"fastlege"})  # "bestille time hos fastlegen"
_FOR_THE_FAMILY = frozenset({"foreldreveiledning", "familievern"})  # referred: the parents, not the child


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _name(m: Map, reference: str, services: list[Service]) -> str:
    nouns = _nouns()
    roles = {s.role for s in services} or {reference}
    if len(roles) == 1 and next(iter(roles)) in nouns:
        return nouns[next(iter(roles))]
    if services:
        return _("{items} eller {last}").format(items=", ".join(s.navn for s in services[:-1]),
                                                last=services[-1].navn) if len(services) > 1 else services[0].navn
    return role_name(reference, m.malform) or reference


def _access(services: list[Service]) -> str | None:
    """The receivers' tilgang when they agree, else None."""
    found = {s.tilgang for s in services}
    return found.pop() if len(found) == 1 else None


def _sentences(st: FlowStep, fra: str, til: str, til_roles: set[str], access: str | None) -> list[str]:
    names = {"fra": fra, "Fra": _cap(fra), "til": til, "Til": _cap(til)}
    art = st.art
    if art == "henvisning":
        # Who is referred: DPS is for the parent (0–3 pathway), parental guidance and
        # family counselling for the family, everything else for the child.
        if til_roles == {"dps"}:
            who = _("mor eller far")
        elif til_roles and til_roles <= _FOR_THE_FAMILY:
            who = _("dere")
        else:
            who = _("barnet")
        out = [_("{Fra} kan henvise {who} til {til}.").format(who=who, **names),
               _("Det betyr at {fra} ber {til} om å ta imot {who}.").format(who=who, **names)]
    elif art == "samarbeid":
        # Towards a standard role: by the role; towards a service of the map's
        # own kind: by what the map says of its tilgang.
        known = bool(til_roles) and til_roles <= set(STANDARD_ROLES)
        if (bool(til_roles & _FAMILY_GOES_TO) and access != "henvisning") if known else access == "direkte":
            visit = (_("bestille time hos {til}") if til_roles and til_roles <= _DOCTORS
                     else _("ta kontakt med {til}")).format(**names)
            return [_("{Fra} kan hjelpe dere å {visit}.").format(visit=visit, **names)]
        out = [_("{Fra} og {til} kan samarbeide om hjelpen til barnet.").format(**names)]
    elif art == "veiledning":
        return [_("{Fra} kan gi {til} råd om hvordan de kan hjelpe barnet.").format(**names)]
    elif art == "tilbakemelding":
        return [_("{Fra} gir {til} beskjed om hva som er gjort, og hva som skal skje videre.").format(**names)]
    elif art == "bekymringsmelding":
        out = [_("{Fra} kan sende en bekymringsmelding til {til}.").format(**names),
               _("Det betyr at {fra} sier fra om at de er bekymret for barnet.").format(**names),
               _("{Til} finner så ut om barnet og familien trenger hjelp.").format(**names)]
    elif art == "kontakt":
        out = [_("{Fra} kan ta direkte kontakt med {til}.").format(**names),
               _("Det trengs ingen henvisning.")]
    else:  # an art this module does not know yet: say only who and whom
        return [_("{Fra} og {til} har kontakt om barnet.").format(**names)]
    if access == "direkte":
        out.append(_("Dere kan også ta kontakt med {til} selv.").format(**names))
    elif access == "henvisning" and art not in ("kontakt", "samarbeid"):  # no referral is asked for there
        out.append(_("{Til} krever henvisning.").format(**names))
    return out


def _public_parts(service: Service) -> list[str]:
    """Phone ("Tlf. …"), web, e-mail and address a family may see, as written; [] when
    the service has none or its contact is for professionals only (``kontakt.intern``)."""
    k = service.kontakt
    if k.intern:
        return []
    parts = [_("Tlf. {telefon}").format(telefon=k.telefon) if k.telefon else None, k.nettside, k.epost, k.adresse]
    return [p for p in parts if p and p.strip()]


def public_contact(service: Service) -> str | None:
    """The contact line a family may see: phone, web, e-mail, address joined
    by " · "; None when there is none or it is for professionals only
    (``kontakt.intern``). In the current language (call inside ``language``)."""
    return " · ".join(" ".join(p.split()) for p in _public_parts(service)) or None


def public_contact_lines(service: Service) -> list[str]:
    """The same contact as lines: phone, web, e-mail, then the address with the
    line breaks it was written with ([] when none or ``kontakt.intern``)."""
    out = []
    for part in _public_parts(service):
        out += [" ".join(line.split()) for line in part.strip().split("\n") if line.strip()]
    return out


def access_text(tilgang: str | None) -> str | None:
    """"Dere kan ta kontakt selv" (``direkte``) / "Krever henvisning"
    (``henvisning``) in the current language, or None. The one wording of
    ``tilgang``: the handout, the map's legend and the details panel use it."""
    if tilgang == "direkte":
        return _("Dere kan ta kontakt selv")
    if tilgang == "henvisning":
        return _("Krever henvisning")
    return None


def access_label(service: Service) -> str | None:
    """``access_text`` of the service's ``tilgang`` (current language), or None."""
    return access_text(service.tilgang)


def step_text(m: Map, pathway: Pathway, step: FlowStep | int) -> StepText:
    """The plain-language text of one step (a FlowStep of ``pathway`` or its
    0-based index) on map ``m``, in the map's målform. Raises IndexError or
    ValueError for a step that is not in the pathway."""
    if isinstance(step, int):
        index = step
    else:
        found = [i for i, st in enumerate(pathway.flyt) if st is step]
        if not found:
            raise ValueError(f"the step is not in the pathway {pathway.id!r}")
        index = found[0]
    st = pathway.flyt[index]
    with language(output_language(m.malform)):
        senders, receivers = m.resolve(st.fra), m.resolve(st.til)
        til_roles = {s.role for s in receivers} or {st.til}
        sentences = _sentences(st, _name(m, st.fra, senders), _name(m, st.til, receivers), til_roles,
                               _access(receivers))
        explain = _explanations()
        roles = [*dict.fromkeys([*(s.role for s in senders), *(s.role for s in receivers)] or [st.fra, st.til])]
        explanations = tuple(explain[r] for r in roles if r in explain)
        unique = {s.id: s for s in [*senders, *receivers]}
        services = tuple(ServiceLine(s.id, s.navn, public_contact(s), access_label(s)) for s in unique.values())
    return StepText(index + 1, tuple(sentences), st.nar, explanations, services, bool(senders and receivers))


def family_steps(m: Map, pathway: Pathway) -> tuple[Pathway, list[Problem]]:
    """The pathway as a family handout tells it on ``m``: only the steps whose
    services are both on the map, numbered 1, 2, 3 … anew (a family cannot go
    to a service its municipality does not have, and a parent reads "step 2"
    after "step 1", not after a gap). Returns (that pathway, a warning at each
    step left out, naming the step's number in the pathway and what the map
    lacks) so whoever makes the handout is told what it does not say."""
    from dataclasses import replace

    from .graph import resolve_steps
    from .undrawn import side_names

    kept, left_out = [], []
    for rs in resolve_steps(m, pathway):
        if rs.resolved:
            kept.append(rs.step)
            continue
        missing = [side_names(m, ids, ref) for ids, ref in ((rs.fra, rs.step.fra), (rs.til, rs.step.til)) if not ids]
        left_out.append(Problem(rs.step.source, _(
            "steg {n} i forløpet «{p}» er ikke med i brosjyren: {missing}").format(
            n=rs.index + 1, p=pathway.navn, missing=", ".join(missing)), "warning"))
    if not left_out:
        return pathway, []
    return replace(pathway, flyt=kept), left_out


def pathway_text(m: Map, pathway: Pathway) -> list[StepText]:
    """``step_text`` for every step of ``pathway`` on ``m``, in order."""
    return [step_text(m, pathway, i) for i in range(len(pathway.flyt))]
