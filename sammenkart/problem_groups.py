"""One entry for a cause that repeats: many problems of one kind shown as one.

A copy of the example folders has an example address in almost every
contact field: 77 warnings of one cause, which fill the problems list (and
its count on the projector) and hide anything else. ``grouped`` puts them in
one entry, at the place of the first, saying how many there are and in which
files; the entry keeps every one (``Problem.members``), so the problems
panel can unfold them and ``sammenkart validate --alle`` prints each.
"""
from __future__ import annotations

from pathlib import Path

from . import example_addresses
from .model import Problem

GROUP_FROM = 3  # this many of one kind become one entry; two stay two lines
# kind -> the grouped entry's message: (count, the files' names) -> text
_SUMMARIES = {example_addresses.KIND: example_addresses.summary}


def grouped(problems: list[Problem]) -> list[Problem]:
    """``problems`` with every kind that has a summary and at least
    ``GROUP_FROM`` problems (of one severity) replaced by one entry where the
    first of them was: its source, the summary message, ``members`` all of
    them in order. Other problems are unchanged and keep their order."""
    by_kind: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        if p.kind in _SUMMARIES:
            by_kind.setdefault((p.kind, p.severity), []).append(p)
    out: list[Problem] = []
    for p in problems:
        same = by_kind.get((p.kind, p.severity), [])
        if len(same) < GROUP_FROM:
            out.append(p)
        elif p is same[0]:
            files = list(dict.fromkeys(Path(q.source.path).name for q in same))
            out.append(Problem(p.source, _SUMMARIES[p.kind](len(same), files), p.severity, p.kind, tuple(same)))
    return out


def every(problems: list[Problem]) -> list[Problem]:
    """The problems one by one again (grouped entries unfolded)."""
    return [q for p in problems for q in (p.members or (p,))]
