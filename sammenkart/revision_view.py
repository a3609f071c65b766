"""The revision view as a card colouring: every service card filled by its
traffic light (``revisjon``) instead of its level, grey where nobody has
judged it yet ("ikke vurdert").

``revision_colouring(map, variant, only_open)`` -> ``emphasis.Colouring``:
fills from ``style.revision_fill`` (per palette variant), a sign on each
judged card (``style.REVISION_MARKS``: ✓ ! ✗) so the status reads in grey
print and for colour-blind viewers, a legend with how many cards have each
status, and with ``only_open`` ("bare gule og røde") every card that is not
yellow or red faded. The display list draws it on screen and paper alike.
Pure Python.
"""
from __future__ import annotations

from .emphasis import Colouring
from .i18n import _
from .model import Map
from .revision import NOT_REVIEWED, status_label
from .style import REVISION_MARKS, revision_fill

OPEN = ("rod", "gul")  # what the filter keeps: must be adapted, wrong or missing
LEGEND_ORDER = ("rod", "gul", "gronn", NOT_REVIEWED)  # as a traffic light, top to bottom


def card_status(service) -> str | None:
    """A service's traffic light ("gronn", "gul", "rod") or None (not reviewed)."""
    return service.revisjon.status if service.revisjon else NOT_REVIEWED


def revision_colouring(m: Map, variant: str = "normal", only_open: bool = False) -> Colouring:
    """The revision view of map ``m`` in palette ``variant`` (normal,
    hoykontrast, gratone). Labels are in the current language."""
    status = {s.id: card_status(s) for s in m.tjenester}
    fills = tuple((sid, revision_fill(st, variant)) for sid, st in status.items() if st is not NOT_REVIEWED)
    marks = tuple((sid, REVISION_MARKS[st]) for sid, st in status.items() if st is not NOT_REVIEWED)
    dimmed = frozenset(sid for sid, st in status.items() if st not in OPEN) if only_open else frozenset()
    counts = {st: 0 for st in LEGEND_ORDER}
    for st in status.values():
        counts[st] = counts.get(st, 0) + 1
    legend = tuple((_legend_label(st, counts[st]), revision_fill(st, variant)) for st in LEGEND_ORDER)
    title = _("Revisjon: bare gule og røde") if only_open else _("Revisjon")
    return Colouring(title, fills, revision_fill(NOT_REVIEWED, variant), legend, marks, dimmed)


def _legend_label(status: str | None, n: int) -> str:
    word = status_label(status)
    word = word[:1].upper() + word[1:]
    sign = REVISION_MARKS[status] + " " if status is not NOT_REVIEWED else ""
    return f"{sign}{word} ({n})"
