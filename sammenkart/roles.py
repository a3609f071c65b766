"""The standard roles (service ``type``) that pathways and cases refer to.

One row per ``type``: its typical name in bokmål and nynorsk, the usual
sector, the usual place in the example pyramid (``plass``) and how families
usually reach it (``tilgang``). docs/roller.md shows the same table to users;
a test keeps the two equal. Used for the names of cards that stand for a role
(the regional view's "… – i alle kommunane"), to name a role a map lacks, to
offer types in the service form and to start a new map from the template.

The built-in referral rights (``REFERRAL_RIGHTS``: who may send a formal
referral to BUP, habilitering and DPS) are the second table of the same
document, "Hvem kan henvise"; ``sammenkart.referral_rights`` applies them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import current_language

# The example maps' pyramid (kart/eksempelkommune.yaml): levels say who
# provides the help (domain.md, "Levels are about who provides"). The built-in
# default (model.default_levels) has four; the template writes these five.
PLASSER = ("for-alle", "tidlig", "kommune", "stat-region", "spesialist")
PLASS_NAMES = {
    "nb": ("For alle", "Tidlig innsats", "Oppfølging i kommunen", "Stat og region", "Spesialisthelsetjenesten"),
    "nn": ("For alle", "Tidleg innsats", "Oppfølging i kommunen", "Stat og region", "Spesialisthelsetenesta"),
}


@dataclass(frozen=True)
class StandardRole:
    type: str
    navn_nb: str
    navn_nn: str
    sektor: str
    plass: str  # one of PLASSER
    # How families usually reach it: "direkte" (they contact it themselves),
    # "henvisning" (it needs a referral) or None (not a service families
    # contact, or it differs between municipalities).
    tilgang: str | None = None

    @property
    def niva(self) -> int:
        """The level id in the template pyramid (0 = for alle … 4 = spesialist)."""
        return PLASSER.index(self.plass)

    def navn(self, malform: str | None = None) -> str:
        """The typical name in ``malform`` (default: the current language)."""
        return self.navn_nn if (malform or current_language()) == "nn" else self.navn_nb


_ROWS = [
    ("barnehage", "Barnehage", "Barnehage", "kommune", "for-alle", None),
    ("skole", "Grunnskole", "Grunnskule", "kommune", "for-alle", None),
    ("helsestasjon", "Helsestasjon (0–5 år)", "Helsestasjon (0–5 år)", "kommune", "for-alle", "direkte"),
    ("skolehelsetjeneste", "Skolehelsetjenesten", "Skulehelsetenesta", "kommune", "for-alle", "direkte"),
    ("fritid", "Fritidsklubb / kulturskole", "Fritidsklubb / kulturskule", "kommune", "for-alle", None),
    ("idrettslag", "Idrettslag og lag", "Idrettslag og lag", "frivillig", "for-alle", None),
    ("videregaende", "Videregående skole", "Vidaregåande skule", "fylkeskommune", "for-alle", None),
    ("tannhelse", "Den offentlige tannhelsetjenesten", "Den offentlege tannhelsetenesta", "fylkeskommune", "for-alle", None),
    ("helsestasjon-ungdom", "Helsestasjon for ungdom", "Helsestasjon for ungdom", "kommune", "tidlig", "direkte"),
    ("ppt", "Pedagogisk-psykologisk tjeneste", "Pedagogisk-psykologisk teneste", "kommune", "tidlig", "direkte"),
    ("foreldreveiledning", "Foreldreveiledning (ICDP, COS o.l.)", "Foreldrerettleiing (ICDP, COS o.l.)", "kommune",
     "tidlig", "direkte"),
    ("lavterskel", "Lavterskeltilbud psykisk helse barn og unge", "Lågterskeltilbod psykisk helse barn og unge",
     "kommune", "tidlig", "direkte"),
    ("fastlege", "Fastlege", "Fastlege", "fastlege", "tidlig", "direkte"),
    ("legevakt", "Legevakt", "Legevakt", "kommune", "tidlig", "direkte"),
    ("oppfolgingstjenesten", "Oppfølgingstjenesten (OT)", "Oppfølgingstenesta (OT)", "fylkeskommune", "tidlig", "direkte"),
    ("nav", "NAV", "NAV", "stat", "tidlig", "direkte"),
    ("frivillig-stotte", "Støttetilbud fra frivillige (Mental Helse Ungdom, Kors på halsen o.l.)",
     "Støttetilbod frå frivillige (Mental Helse Ungdom, Kors på halsen o.l.)", "frivillig", "tidlig", "direkte"),
    ("psykisk-helse", "Psykisk helsetjeneste for barn og unge", "Psykisk helseteneste for barn og unge", "kommune",
     "kommune", None),
    ("kommunepsykolog", "Kommunepsykolog", "Kommunepsykolog", "kommune", "kommune", None),
    ("barnevern", "Barneverntjenesten", "Barnevernstenesta", "kommune", "kommune", "direkte"),
    ("tverrfaglig-team", "Tverrfaglig team / familieteam", "Tverrfagleg team / familieteam", "kommune", "kommune", None),
    ("koordinerende-enhet", "Koordinerende enhet / barnekoordinator", "Koordinerande eining / barnekoordinator",
     "kommune", "kommune", "direkte"),
    ("fysio-ergo", "Fysioterapi og ergoterapi for barn", "Fysioterapi og ergoterapi for barn", "kommune", "kommune", None),
    ("alarmtelefon", "Alarmtelefonen for barn og unge 116 111", "Alarmtelefonen for barn og unge 116 111", "stat",
     "stat-region", "direkte"),
    ("krisesenter", "Krisesenter (ofte interkommunalt)", "Krisesenter (ofte interkommunalt)", "kommune",
     "stat-region", "direkte"),
    ("familievern", "Familievernkontoret", "Familievernkontoret", "stat", "stat-region", "direkte"),
    ("statens-barnehus", "Statens barnehus", "Statens barnehus", "stat", "stat-region", None),
    ("politi", "Politiet", "Politiet", "stat", "stat-region", "direkte"),
    ("bup", "BUP (barne- og ungdomspsykiatrisk poliklinikk)", "BUP (barne- og ungdomspsykiatrisk poliklinikk)",
     "spesialist", "spesialist", "henvisning"),
    ("bup-akutt", "BUP akutteam", "BUP akutteam", "spesialist", "spesialist", "henvisning"),
    ("bup-dogn", "Ungdomspsykiatrisk døgnavdeling", "Ungdomspsykiatrisk døgnavdeling", "spesialist", "spesialist", "henvisning"),
    ("habilitering", "Habiliteringstjenesten for barn og unge (HABU)", "Habiliteringstenesta for barn og unge (HABU)",
     "spesialist", "spesialist", "henvisning"),
    ("barneavdeling", "Barne- og ungdomsklinikken", "Barne- og ungdomsklinikken", "spesialist", "spesialist", "henvisning"),
    ("spiseforstyrrelser", "Seksjon for spiseforstyrrelser", "Seksjon for eteforstyrringar", "spesialist",
     "spesialist", "henvisning"),
    ("dps", "Distriktspsykiatrisk senter (for voksne)", "Distriktspsykiatrisk senter (for vaksne)", "spesialist",
     "spesialist", "henvisning"),
    ("overgrepsmottak", "Overgrepsmottak", "Overgrepsmottak", "spesialist", "spesialist", "direkte"),
]

STANDARD_ROLES: dict[str, StandardRole] = {row[0]: StandardRole(*row) for row in _ROWS}

# What a new map starts with when the user does not choose: the services
# nearly every municipality has and the seven pathways lean on.
STARTER_TYPES = ("barnehage", "skole", "helsestasjon", "skolehelsetjeneste", "ppt", "fastlege", "legevakt",
                 "psykisk-helse", "kommunepsykolog", "barnevern", "bup")

# Standing collaboration links (``samarbeid``) a new map starts with, between
# roles, where the map has both: the ones both example maps draw (transitions,
# the school nurse's office hours at school, PPT's advice, the GP and the
# municipal team before a referral, the acute chain, the children's house).
STARTER_LINKS = (
    ("barnehage", "skole"), ("helsestasjon", "barnehage"), ("skolehelsetjeneste", "skole"), ("ppt", "barnehage"),
    ("ppt", "skole"), ("helsestasjon", "foreldreveiledning"), ("fastlege", "psykisk-helse"),
    ("kommunepsykolog", "bup"), ("barnevern", "skole"), ("barnevern", "bup"), ("legevakt", "bup-akutt"),
    ("legevakt", "overgrepsmottak"), ("koordinerende-enhet", "habilitering"), ("barnevern", "statens-barnehus"),
    ("politi", "statens-barnehus"), ("barnevern", "krisesenter"), ("helsestasjon", "dps"),
)


def role_name(role: str, malform: str | None = None) -> str | None:
    """The standard role's typical name (in ``malform``, default the current
    language), or None for a role that is not standard."""
    r = STANDARD_ROLES.get(role)
    return r.navn(malform) if r else None


@dataclass(frozen=True)
class ReferralRight:
    """One row of the built-in referral rights (docs/roller.md, "Hvem kan henvise").

    ``receiver``: the reference a formal referral (``art: henvisning``) goes to;
    ``senders``: the references that may send it; ``also``: roles the row
    covers as well (BUP's acute team is part of BUP). A map's own
    ``henvisningsrett`` entry replaces a row for its receiver (format 1.1)."""

    receiver: str
    senders: tuple[str, ...]
    also: tuple[str, ...] = ()


# Sources: the health trusts' pages for referrers listed in docs/roller.md
# (Helse Stavanger, Helse Bergen, Helse Fonna, Helse Førde, HNT): a doctor
# (fastlege; legevakt in acute cases), a psychologist in the municipality or
# the barnevern leader. DPS is for the parents (0–3 pathway).
_MAY_REFER = ("fastlege", "legevakt", "kommunepsykolog", "barnevern")
REFERRAL_RIGHTS: tuple[ReferralRight, ...] = (
    ReferralRight("bup", _MAY_REFER, also=("bup-akutt",)),
    ReferralRight("habilitering", _MAY_REFER),
    ReferralRight("dps", _MAY_REFER),
)
