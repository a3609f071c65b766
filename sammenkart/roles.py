"""The standard roles (service types) pathways and cases refer to.

One row per ``type``: the typical name in bokmål and nynorsk, the usual
sector and level of the built-in tiltakspyramide. docs/roller.md shows the
same table (tests/test_roles.py keeps them equal). Used to start a new map
from a template and to offer types in the service form.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardRole:
    type: str
    navn_nb: str
    navn_nn: str
    sektor: str
    niva: int

    def navn(self, malform: str) -> str:
        return self.navn_nn if malform == "nn" else self.navn_nb


_ROWS = [
    ("barnehage", "Barnehage", "Barnehage", "kommune", 0),
    ("skole", "Grunnskole", "Grunnskule", "kommune", 0),
    ("helsestasjon", "Helsestasjon (0–5 år)", "Helsestasjon (0–5 år)", "kommune", 0),
    ("skolehelsetjeneste", "Skolehelsetjenesten", "Skulehelsetenesta", "kommune", 0),
    ("fritid", "Fritidsklubb / kulturskole", "Fritidsklubb / kulturskule", "kommune", 0),
    ("idrettslag", "Idrettslag og lag", "Idrettslag og lag", "frivillig", 0),
    ("videregaende", "Videregående skole", "Vidaregåande skule", "fylkeskommune", 0),
    ("tannhelse", "Den offentlige tannhelsetjenesten", "Den offentlege tannhelsetenesta", "fylkeskommune", 0),
    ("helsestasjon-ungdom", "Helsestasjon for ungdom", "Helsestasjon for ungdom", "kommune", 1),
    ("ppt", "Pedagogisk-psykologisk tjeneste", "Pedagogisk-psykologisk teneste", "kommune", 1),
    ("foreldreveiledning", "Foreldreveiledning (ICDP, COS o.l.)", "Foreldrerettleiing (ICDP, COS o.l.)", "kommune", 1),
    ("lavterskel", "Lavterskeltilbud psykisk helse barn og unge", "Lågterskeltilbod psykisk helse born og unge",
     "kommune", 1),
    ("fastlege", "Fastlege", "Fastlege", "fastlege", 1),
    ("legevakt", "Legevakt", "Legevakt", "kommune", 1),
    ("oppfolgingstjenesten", "Oppfølgingstjenesten (OT)", "Oppfølgingstenesta (OT)", "fylkeskommune", 1),
    ("nav", "NAV", "NAV", "stat", 1),
    ("alarmtelefon", "Alarmtelefonen for barn og unge 116 111", "Alarmtelefonen for barn og unge 116 111", "stat", 1),
    ("frivillig-stotte", "Støttetilbud fra frivillige (Mental Helse Ungdom, Kors på halsen o.l.)",
     "Støttetilbod frå frivillige (Mental Helse Ungdom, Kors på halsen o.l.)", "frivillig", 1),
    ("psykisk-helse", "Psykisk helsetjeneste for barn og unge", "Psykisk helseteneste for born og unge", "kommune", 2),
    ("kommunepsykolog", "Kommunepsykolog", "Kommunepsykolog", "kommune", 2),
    ("barnevern", "Barneverntjenesten", "Barnevernstenesta", "kommune", 2),
    ("tverrfaglig-team", "Tverrfaglig team / familieteam", "Tverrfagleg team / familieteam", "kommune", 2),
    ("koordinerende-enhet", "Koordinerende enhet / barnekoordinator", "Koordinerande eining / barnekoordinator",
     "kommune", 2),
    ("fysio-ergo", "Fysioterapi og ergoterapi for barn", "Fysioterapi og ergoterapi for born", "kommune", 2),
    ("krisesenter", "Krisesenter", "Krisesenter", "kommune", 2),
    ("familievern", "Familievernkontoret", "Familievernkontoret", "stat", 2),
    ("statens-barnehus", "Statens barnehus", "Statens barnehus", "stat", 2),
    ("politi", "Politiet", "Politiet", "stat", 2),
    ("bup", "BUP (barne- og ungdomspsykiatrisk poliklinikk)", "BUP (barne- og ungdomspsykiatrisk poliklinikk)",
     "spesialist", 3),
    ("bup-akutt", "BUP akutteam", "BUP akutteam", "spesialist", 3),
    ("bup-dogn", "Ungdomspsykiatrisk døgnavdeling", "Ungdomspsykiatrisk døgnavdeling", "spesialist", 3),
    ("habilitering", "Habiliteringstjenesten for barn og unge (HABU)", "Habiliteringstenesta for born og unge (HABU)",
     "spesialist", 3),
    ("barneavdeling", "Barne- og ungdomsklinikken", "Barne- og ungdomsklinikken", "spesialist", 3),
    ("spiseforstyrrelser", "Seksjon for spiseforstyrrelser", "Seksjon for eteforstyrringar", "spesialist", 3),
    ("overgrepsmottak", "Overgrepsmottak", "Overgrepsmottak", "spesialist", 3),
]

STANDARD_ROLES: dict[str, StandardRole] = {row[0]: StandardRole(*row) for row in _ROWS}

# What a new map starts with when the user does not choose: the services
# nearly every municipality has and the seven pathways lean on.
STARTER_TYPES = ("barnehage", "skole", "helsestasjon", "skolehelsetjeneste", "ppt", "fastlege", "legevakt",
                 "psykisk-helse", "kommunepsykolog", "barnevern", "bup")
