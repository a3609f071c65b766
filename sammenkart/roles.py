"""Names of the standard roles (``type``) that pathways and cases refer to.

The roles and their typical names are listed for users in docs/roller.md (a
test keeps the two in step). A name here is shown where one card stands for a
role rather than for one service: the regional view's "Helsestasjon – i alle
kommunane". Source strings are bokmål; other målformer come from the text
catalogue (resources/translations).
"""
from __future__ import annotations

from .i18n import _


def N_(text: str) -> str:
    """Mark a string for translation where it is shown (``role_name``), not here."""
    return text


ROLE_NAMES: dict[str, str] = {
    "barnehage": N_("Barnehage"),
    "skole": N_("Grunnskole"),
    "helsestasjon": N_("Helsestasjon"),
    "skolehelsetjeneste": N_("Skolehelsetjenesten"),
    "fritid": N_("Fritidsklubb og kulturskole"),
    "idrettslag": N_("Idrettslag og lag"),
    "videregaende": N_("Videregående skole"),
    "tannhelse": N_("Den offentlige tannhelsetjenesten"),
    "helsestasjon-ungdom": N_("Helsestasjon for ungdom"),
    "ppt": N_("Pedagogisk-psykologisk tjeneste (PPT)"),
    "foreldreveiledning": N_("Foreldreveiledning"),
    "lavterskel": N_("Lavterskeltilbud psykisk helse"),
    "fastlege": N_("Fastlege"),
    "legevakt": N_("Legevakt"),
    "oppfolgingstjenesten": N_("Oppfølgingstjenesten (OT)"),
    "nav": N_("NAV"),
    "alarmtelefon": N_("Alarmtelefonen for barn og unge 116 111"),
    "frivillig-stotte": N_("Støttetilbud fra frivillige"),
    "psykisk-helse": N_("Psykisk helsetjeneste for barn og unge"),
    "kommunepsykolog": N_("Kommunepsykolog"),
    "barnevern": N_("Barneverntjenesten"),
    "tverrfaglig-team": N_("Tverrfaglig team / familieteam"),
    "koordinerende-enhet": N_("Koordinerende enhet / barnekoordinator"),
    "fysio-ergo": N_("Fysioterapi og ergoterapi for barn"),
    "krisesenter": N_("Krisesenter"),
    "familievern": N_("Familievernkontoret"),
    "statens-barnehus": N_("Statens barnehus"),
    "politi": N_("Politiet"),
    "bup": N_("BUP (barne- og ungdomspsykiatrisk poliklinikk)"),
    "bup-akutt": N_("BUP akutteam"),
    "bup-dogn": N_("Ungdomspsykiatrisk døgnavdeling"),
    "habilitering": N_("Habiliteringstjenesten for barn og unge (HABU)"),
    "barneavdeling": N_("Barne- og ungdomsklinikken"),
    "spiseforstyrrelser": N_("Seksjon for spiseforstyrrelser"),
    "overgrepsmottak": N_("Overgrepsmottak"),
    "dps": N_("Distriktspsykiatrisk senter (DPS)"),
}


def role_name(role: str) -> str | None:
    """The standard role's name in the current language, or None for a role we do not know."""
    name = ROLE_NAMES.get(role)
    return _(name) if name else None
