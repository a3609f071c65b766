"""Material for families and the public: contacts marked ``intern`` left out.

A service's ``kontakt.intern: true`` (format 1.1) marks a contact for
professionals only, such as the acute team's direct line for doctors
(domain.md; issue 17, "A public edition"). Those contacts never reach what
families read: the family handout always leaves them out, a poster does
when it is made for the public (``sammenkart export``, unless ``--fagfolk``;
the poster dialog's "For publikum"). The window shows them, marked as internal.
"""
from __future__ import annotations

import copy
import dataclasses

from .i18n import few_names, ngettext
from .model import Contact, Map

# A poster is for the public unless asked otherwise: on the command line
# (``--publikum`` / ``--fagfolk``) and in the poster dialog alike, which both read
# this. A coordinator who wanted the internal numbers for a meeting prints again
# with them; a direct line printed on a waiting-room poster cannot be taken back.
PUBLIC_BY_DEFAULT = True


def _internal(s) -> bool:
    """Whether service ``s`` has a contact, and it is for professionals only."""
    return s.kontakt.intern and not s.kontakt.is_empty()


def has_internal_contacts(m: Map) -> bool:
    """Whether any service of ``m`` has a contact for professionals only."""
    return any(_internal(s) for s in m.tjenester)


def without_internal_contacts(m: Map) -> Map:
    """A copy of ``m`` whose ``intern`` contacts are empty (phone, e-mail, web
    and address gone); everything else shared with ``m``, which is unchanged.
    ``m`` itself when it has none."""
    if not has_internal_contacts(m):
        return m
    clone = copy.copy(m)
    clone.tjenester = [dataclasses.replace(s, kontakt=Contact(intern=True))
                       if _internal(s) else s for s in m.tjenester]
    return clone


def internal_services(m: Map) -> list[str]:
    """The names of the services of ``m`` whose contact is for professionals only, in map
    order; a name two services share (a region's offices) with its municipality."""
    services = [s for s in m.tjenester if _internal(s)]
    shared = {s.navn for s in services if sum(t.navn == s.navn for t in services) > 1}
    return [f"{s.navn} ({s.kommune})" if s.navn in shared and s.kommune else s.navn for s in services]


POSTER_CLI, POSTER_DIALOG, HANDOUT = "plakat", "dialog", "brosjyre"  # where ``left_out_note`` is read


def left_out_note(m: Map, where: str) -> str | None:
    """What every export for the public says about the contacts it left out (None when ``m``
    has none): how many, and how to have them, which depends on ``where`` it is read: the
    poster on the command line (``--fagfolk``), the poster dialog (its check box) or a
    handout (never: it is for families). One sentence for every path (a tester missed it on
    one of them), naming the services (a few, then how many more: a tester could not tell
    whose contact it was). In the current language."""
    names = internal_services(m)
    n = len(names)
    if not n:
        return None
    if where == POSTER_CLI:
        text = ngettext("For publikum: {n} kontakt merket «intern» er ikke med: {tjenester} "
                        "(--fagfolk tar den med).",
                        "For publikum: {n} kontakter merket «intern» er ikke med: {tjenester} "
                        "(--fagfolk tar dem med).", n)
    elif where == POSTER_DIALOG:
        text = ngettext("For publikum: {n} kontakt merket «intern» er ikke med: {tjenester} "
                        "(uten haken «For publikum» kommer den med).",
                        "For publikum: {n} kontakter merket «intern» er ikke med: {tjenester} "
                        "(uten haken «For publikum» kommer de med).", n)
    elif where == HANDOUT:
        text = ngettext("For publikum: {n} kontakt merket «intern» er ikke med: {tjenester} "
                        "(en brosjyre er alltid for familier).",
                        "For publikum: {n} kontakter merket «intern» er ikke med: {tjenester} "
                        "(en brosjyre er alltid for familier).", n)
    else:
        raise ValueError(f"unknown export path {where!r}")
    return text.format(n=n, tjenester=few_names(names))

