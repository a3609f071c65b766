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

from .model import Contact, Map

# A poster is for the public unless asked otherwise: on the command line
# (``--publikum`` / ``--fagfolk``) and in the poster dialog alike, which both read
# this. A coordinator who wanted the internal numbers for a meeting prints again
# with them; a direct line printed on a waiting-room poster cannot be taken back.
PUBLIC_BY_DEFAULT = True


def has_internal_contacts(m: Map) -> bool:
    """Whether any service of ``m`` has a contact for professionals only."""
    return any(s.kontakt.intern and not s.kontakt.is_empty() for s in m.tjenester)


def without_internal_contacts(m: Map) -> Map:
    """A copy of ``m`` whose ``intern`` contacts are empty (phone, e-mail, web
    and address gone); everything else shared with ``m``, which is unchanged.
    ``m`` itself when it has none."""
    if not has_internal_contacts(m):
        return m
    clone = copy.copy(m)
    clone.tjenester = [dataclasses.replace(s, kontakt=Contact(intern=True))
                       if s.kontakt.intern and not s.kontakt.is_empty() else s for s in m.tjenester]
    return clone
