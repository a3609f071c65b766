"""The standard roles (service ``type``) that pathways and cases refer to.

One row per ``type``: its typical name in bokmål and nynorsk, the usual
sector, the usual place in the example pyramid (``plass``) and how families
usually reach it. docs/roller.md shows the same table to users; a test keeps
the two equal. Used for the names of cards that stand for a role (the
regional view's "… – i alle kommunane"), to name a role a map lacks, to offer
types in the service form and to start a new map from the template.
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

    @property
    def niva(self) -> int:
        """The level id in the template pyramid (0 = for alle … 4 = spesialist)."""
        return PLASSER.index(self.plass)

    def navn(self, malform: str | None = None) -> str:
        """The typical name in ``malform`` (default: the current language)."""
        return self.navn_nn if (malform or current_language()) == "nn" else self.navn_nb


_ROWS = [
    ("barnehage", "Barnehage", "Barnehage", "kommune", "for-alle"),
    ("skole", "Grunnskole", "Grunnskule", "kommune", "for-alle"),
    ("helsestasjon", "Helsestasjon (0–5 år)", "Helsestasjon (0–5 år)", "kommune", "for-alle"),
    ("skolehelsetjeneste", "Skolehelsetjenesten", "Skulehelsetenesta", "kommune", "for-alle"),
    ("fritid", "Fritidsklubb / kulturskole", "Fritidsklubb / kulturskule", "kommune", "for-alle"),
    ("idrettslag", "Idrettslag og lag", "Idrettslag og lag", "frivillig", "for-alle"),
    ("videregaende", "Videregående skole", "Vidaregåande skule", "fylkeskommune", "for-alle"),
    ("tannhelse", "Den offentlige tannhelsetjenesten", "Den offentlege tannhelsetenesta", "fylkeskommune", "for-alle"),
    ("helsestasjon-ungdom", "Helsestasjon for ungdom", "Helsestasjon for ungdom", "kommune", "tidlig"),
    ("ppt", "Pedagogisk-psykologisk tjeneste", "Pedagogisk-psykologisk teneste", "kommune", "tidlig"),
    ("foreldreveiledning", "Foreldreveiledning (ICDP, COS o.l.)", "Foreldrerettleiing (ICDP, COS o.l.)", "kommune",
     "tidlig"),
    ("lavterskel", "Lavterskeltilbud psykisk helse barn og unge", "Lågterskeltilbod psykisk helse barn og unge",
     "kommune", "tidlig"),
    ("fastlege", "Fastlege", "Fastlege", "fastlege", "tidlig"),
    ("legevakt", "Legevakt", "Legevakt", "kommune", "tidlig"),
    ("oppfolgingstjenesten", "Oppfølgingstjenesten (OT)", "Oppfølgingstenesta (OT)", "fylkeskommune", "tidlig"),
    ("nav", "NAV", "NAV", "stat", "tidlig"),
    ("frivillig-stotte", "Støttetilbud fra frivillige (Mental Helse Ungdom, Kors på halsen o.l.)",
     "Støttetilbod frå frivillige (Mental Helse Ungdom, Kors på halsen o.l.)", "frivillig", "tidlig"),
    ("psykisk-helse", "Psykisk helsetjeneste for barn og unge", "Psykisk helseteneste for barn og unge", "kommune",
     "kommune"),
    ("kommunepsykolog", "Kommunepsykolog", "Kommunepsykolog", "kommune", "kommune"),
    ("barnevern", "Barneverntjenesten", "Barnevernstenesta", "kommune", "kommune"),
    ("tverrfaglig-team", "Tverrfaglig team / familieteam", "Tverrfagleg team / familieteam", "kommune", "kommune"),
    ("koordinerende-enhet", "Koordinerende enhet / barnekoordinator", "Koordinerande eining / barnekoordinator",
     "kommune", "kommune"),
    ("fysio-ergo", "Fysioterapi og ergoterapi for barn", "Fysioterapi og ergoterapi for barn", "kommune", "kommune"),
    ("alarmtelefon", "Alarmtelefonen for barn og unge 116 111", "Alarmtelefonen for barn og unge 116 111", "stat",
     "stat-region"),
    ("krisesenter", "Krisesenter (ofte interkommunalt)", "Krisesenter (ofte interkommunalt)", "kommune",
     "stat-region"),
    ("familievern", "Familievernkontoret", "Familievernkontoret", "stat", "stat-region"),
    ("statens-barnehus", "Statens barnehus", "Statens barnehus", "stat", "stat-region"),
    ("politi", "Politiet", "Politiet", "stat", "stat-region"),
    ("bup", "BUP (barne- og ungdomspsykiatrisk poliklinikk)", "BUP (barne- og ungdomspsykiatrisk poliklinikk)",
     "spesialist", "spesialist"),
    ("bup-akutt", "BUP akutteam", "BUP akutteam", "spesialist", "spesialist"),
    ("bup-dogn", "Ungdomspsykiatrisk døgnavdeling", "Ungdomspsykiatrisk døgnavdeling", "spesialist", "spesialist"),
    ("habilitering", "Habiliteringstjenesten for barn og unge (HABU)", "Habiliteringstenesta for barn og unge (HABU)",
     "spesialist", "spesialist"),
    ("barneavdeling", "Barne- og ungdomsklinikken", "Barne- og ungdomsklinikken", "spesialist", "spesialist"),
    ("spiseforstyrrelser", "Seksjon for spiseforstyrrelser", "Seksjon for eteforstyrringar", "spesialist",
     "spesialist"),
    ("dps", "Distriktspsykiatrisk senter (for voksne)", "Distriktspsykiatrisk senter (for vaksne)", "spesialist",
     "spesialist"),
    ("overgrepsmottak", "Overgrepsmottak", "Overgrepsmottak", "spesialist", "spesialist"),
]

STANDARD_ROLES: dict[str, StandardRole] = {row[0]: StandardRole(*row) for row in _ROWS}

# What a new map starts with when the user does not choose: the services
# nearly every municipality has and the seven pathways lean on.
STARTER_TYPES = ("barnehage", "skole", "helsestasjon", "skolehelsetjeneste", "ppt", "fastlege", "legevakt",
                 "psykisk-helse", "kommunepsykolog", "barnevern", "bup")


def role_name(role: str, malform: str | None = None) -> str | None:
    """The standard role's typical name (in ``malform``, default the current
    language), or None for a role that is not standard."""
    r = STANDARD_ROLES.get(role)
    return r.navn(malform) if r else None
