"""The standard roles (service ``type``) that pathways and cases refer to.

One table, ``resources/roller.yaml`` (shipped in the package), read once: per
``type`` its usual name (nb, nn, en), the short form a sentence uses, the
usual sector, the usual place in the example pyramid (``plass``), how
families usually reach it (``tilgang``) and, for receivers of formal
referrals, who may send them (``REFERRAL_RIGHTS``, applied by
``sammenkart.referral_rights``). docs/roller.md shows the same tables to
users; a test keeps them equal.

Used for the names of cards that stand for a role (the regional view's
"… – i alle kommunane"), to name a role a map lacks ("Ungdomspsykiatrisk
døgnavdeling (finnes ikke i kartet)" – users see names, never ids), in
sentences ("Fjordvik har ingen PPT i kartet"), to offer types in the service
form and to start a new map from the template.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .i18n import current_language
from .paths import resources_dir

LANGUAGES = ("nb", "nn", "en")

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
    navn_en: str = ""
    kort: dict = field(default_factory=dict, compare=False)  # language -> short form for a sentence
    # How families usually reach it: "direkte" (they contact it themselves),
    # "henvisning" (it needs a referral) or None (not a service families
    # contact, or it differs between municipalities).
    tilgang: str | None = None

    @property
    def niva(self) -> int:
        """The level id in the template pyramid (0 = for alle … 4 = spesialist)."""
        return PLASSER.index(self.plass)

    def navn(self, malform: str | None = None) -> str:
        """The usual name in ``malform`` ("nb", "nn" or "en"; default: the current language)."""
        lang = malform or current_language()
        return {"nn": self.navn_nn, "en": self.navn_en or self.navn_nb}.get(lang, self.navn_nb)

    def short(self, malform: str | None = None) -> str:
        """The short form inside a sentence ("PPT", "helsestasjon for ungdom")."""
        return self.kort.get(malform or current_language()) or self.kort["nb"]


def roles_file():
    return resources_dir() / "roller.yaml"


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


_rights: list[ReferralRight] = []


def _read_table() -> dict[str, StandardRole]:
    """The table in resources/roller.yaml. Raises ValueError when an entry lacks
    a column (a packaging mistake, not a user's; the tests read every entry)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(roles_file().read_text(encoding="utf-8"), Loader=loader) or {}
    out: dict[str, StandardRole] = {}
    for key, entry in data.items():
        entry = entry if isinstance(entry, dict) else {}
        names, short = entry.get("navn"), entry.get("kort")
        for col, value in (("navn", names), ("kort", short)):
            if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in LANGUAGES):
                raise ValueError(f"{roles_file()}: «{key}» needs {col} with {', '.join(LANGUAGES)}")
        if entry.get("plass") not in PLASSER or not isinstance(entry.get("sektor"), str):
            raise ValueError(f"{roles_file()}: «{key}» needs sektor and plass (one of {', '.join(PLASSER)})")
        if entry.get("tilgang") not in (None, "direkte", "henvisning"):
            raise ValueError(f"{roles_file()}: «{key}» tilgang must be direkte or henvisning")
        out[str(key)] = StandardRole(str(key), names["nb"], names["nn"], entry["sektor"], entry["plass"],
                                     names["en"], {lang: short[lang] for lang in LANGUAGES}, entry.get("tilgang"))
        if "henvisning_fra" in entry:
            _rights.append(ReferralRight(str(key), tuple(entry["henvisning_fra"]), tuple(entry.get("gjelder_ogsa", ()))))
    return out


STANDARD_ROLES: dict[str, StandardRole] = _read_table()
# The built-in referral rights (roller.yaml's henvisning_fra; sources there).
REFERRAL_RIGHTS: tuple[ReferralRight, ...] = tuple(_rights)

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
    """The standard role's usual name (in ``malform``, default the current
    language), or None for a role that is not standard."""
    r = STANDARD_ROLES.get(role)
    return r.navn(malform) if r else None


def role_label(reference: str, malform: str | None = None) -> str:
    """How a step's or case's reference is named to users: the role's usual
    name, or for a reference that is no standard role its words
    ("mitt-team" → "mitt team"), never the bare id."""
    return role_name(reference, malform) or reference.replace("-", " ")


def role_in_sentence(reference: str, malform: str | None = None) -> str:
    """The short form for a sentence ("PPT", "helsestasjon for ungdom")."""
    r = STANDARD_ROLES.get(reference)
    return r.short(malform) if r else reference.replace("-", " ")
