"""Who may send a formal referral (``art: henvisning``) to whom, per map.

The built-in rights are ``roles.REFERRAL_RIGHTS`` (docs/roller.md, "Hvem kan
henvise"): BUP, habilitering and DPS take formal referrals from fastlege,
legevakt, kommunepsykolog and barnevern. A map's ``henvisningsrett`` entry
replaces the built-in rule for its receiver (format 1.1); the other receivers
keep the built-in one.

Receivers and senders are references (a service id or ``type``), resolved on
each map like every other reference. For one receiving service the rule is
looked up from the most to the least specific key: its id, its type, then the
row that also covers its type (BUP's row covers ``bup-akutt``: the acute team
is part of BUP, and the trusts' pages on referral to BUP name the legevakt for
acute cases); the map's entries are tried before the built-in ones. A service
no rule covers (the children's ward, the youth ward ``bup-dogn``, PPT) takes
referrals from anyone, as far as this check goes.

A step breaks a rule when it is a ``henvisning`` whose sender is not among
the rule's senders: either the step's ``fra`` reference is named in the rule,
or every service it matches on the map is matched by a named sender. Steps
whose references match nothing on a map are warned about elsewhere
(loader.reference_problems) and are checked here only by name.
"""
from __future__ import annotations

from dataclasses import dataclass

from .i18n import _
from .model import FlowStep, Map, Pathway, Problem, Service
from .roles import REFERRAL_RIGHTS

REFERRAL = "henvisning"  # the art the rights apply to (format: flyt.art)


@dataclass(frozen=True)
class Rule:
    """The rule that applies to one receiving service on one map.

    ``receiver``: the reference the rule is written for (``bup``; a map may
    write a service id); ``senders``: who may refer; ``from_map``: the map's
    own ``henvisningsrett`` (True) or the built-in row (False)."""

    receiver: str
    senders: tuple[str, ...]
    from_map: bool


_BUILT_IN = {row.receiver: row for row in REFERRAL_RIGHTS}


def _keys(service: Service) -> list[str]:
    """The receiver keys a service answers to, most specific first."""
    keys = list(dict.fromkeys([service.id, service.role]))
    for row in REFERRAL_RIGHTS:
        if row.receiver not in keys and (service.id in row.also or service.role in row.also):
            keys.append(row.receiver)
    return keys


def rule_for(m: Map, service: Service) -> Rule | None:
    """The referral rule for ``service`` on map ``m``, or None when no rule covers it."""
    keys = _keys(service)
    own = m.henvisningsrett or {}
    for key in keys:
        if key in own:
            return Rule(key, tuple(own[key]), True)
    for key in keys:
        if key in _BUILT_IN:
            return Rule(key, _BUILT_IN[key].senders, False)
    return None


def may_refer(m: Map, sender: str, rule: Rule) -> bool:
    """Whether the reference ``sender`` may refer under ``rule`` on map ``m``."""
    if sender in rule.senders:
        return True
    found = m.resolve(sender)
    return bool(found) and all(any(s.matches(ref) for ref in rule.senders) for s in found)


def broken_rules(m: Map, step: FlowStep) -> list[Rule]:
    """The distinct rules ``step`` breaks on ``m`` (empty for any art but henvisning)."""
    if step.art != REFERRAL or step.fra == step.til:
        return []
    judged: dict[Rule, bool] = {}  # a region's receivers mostly share one rule: judge it once
    for service in m.resolve(step.til):
        rule = rule_for(m, service)
        if rule is not None and rule not in judged:
            judged[rule] = may_refer(m, step.fra, rule)
    return [rule for rule, allowed in judged.items() if not allowed]


def join_or(items) -> str:
    """"a, b eller c" (the names as written)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("{items} eller {last}").format(items=", ".join(items[:-1]), last=items[-1])


def pathway_problems(m: Map, p: Pathway) -> list[Problem]:
    """One warning per step of ``p`` and rule it breaks on ``m``, at the step's line."""
    out = []
    for n, st in enumerate(p.flyt, start=1):
        for rule in broken_rules(m, st):
            where = (_("kartets «henvisningsrett» for «{r}»") if rule.from_map
                     else _("standardretten for «{r}», se docs/roller.md")).format(r=rule.receiver)
            if rule.senders:
                who = _("i {map} kan «{til}» bare henvises av {who}").format(
                    map=m.navn, til=st.til, who=join_or(rule.senders))
            else:
                who = _("i {map} kan ingen henvise til «{til}»").format(map=m.navn, til=st.til)
            out.append(Problem(st.source, _(
                "steg {n} i forløpet «{p}» er en henvisning fra «{fra}», men {who} ({where}); er det samarbeid, "
                "en bekymringsmelding eller direkte kontakt, skriv det i «art»").format(
                    n=n, p=p.navn, fra=st.fra, who=who, where=where), "warning"))
    return out
