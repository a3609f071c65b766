"""Pathway steps that cannot be drawn as an arrow on a map, as numbered lines.

A step whose service is missing from the map (or that goes from a service to
itself) has no arrow, so its number would vanish from the picture. Views list
these steps instead, with their numbers:
"3. Skolehelsetenesta → «bup-dogn» (finnes ikke i kartet)".
"""
from __future__ import annotations

from .graph import ResolvedStep, resolve_steps, step_pairs
from .i18n import _
from .model import Map, Pathway
from .roles import role_label


def undrawn_steps(m: Map, p: Pathway) -> list[ResolvedStep]:
    """Steps that give no arrow between two cards of ``m``, in pathway order."""
    return [rs for rs in resolve_steps(m, p) if not step_pairs(m, rs)]


def side_names(m: Map, ids, ref: str, sep: str = ", ") -> str:
    """The names of the services a step's reference matched; when the map has
    none, the role's name with "(finnes ikke i kartet)" – users see names, never ids."""
    if not ids:
        return _("{navn} (finnes ikke i kartet)").format(navn=role_label(ref, m.malform))
    return sep.join(m.service(i).navn for i in ids)


def step_line(m: Map, rs: ResolvedStep) -> str:
    """"3. Fra → Til", naming what is missing, or why the step has no arrow."""
    text = f"{rs.index + 1}. {side_names(m, rs.fra, rs.step.fra)} → {side_names(m, rs.til, rs.step.til)}"
    if rs.resolved and set(rs.fra) == set(rs.til):
        text += " " + _("(til samme tjeneste)")
    elif rs.resolved:
        text += " " + _("(ikke tegnet)")
    return text


def undrawn_lines(m: Map, p: Pathway | None) -> list[str]:
    """``step_line`` for every step of ``p`` that has no arrow on ``m``."""
    return [step_line(m, rs) for rs in undrawn_steps(m, p)] if p is not None else []
