"""Three-way merge of a file's text, line by line: the user's unsaved edits
and another program's change, both made to the same text.

Used when a file being edited changes on disk (``Editor.reload``) and when a
recovery copy is taken back after the file changed (``Editor.recover``): the
edits of each side are found against the common text (``base``) and applied
together; lines only one side changed take that side's version. Where both
changed the same lines (or added different lines at the same place) differently
the two conflict, and ``prefer`` decides which side's lines are used there;
the caller keeps the other side's whole text (``recovery.keep_beside``).

Edits that touch neighbouring lines (the user's ``navn:`` and the other's
``beskrivelse:`` of one service) do not conflict: only overlapping lines do.
Why our own and not the ``merge3`` package: it is GPL-2.0 (Sammenkart is MIT),
and its diff3 treats neighbouring lines as a conflict.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

OURS, THEIRS = "ours", "theirs"


@dataclass(frozen=True)
class Merge:
    """The merged ``text``; ``conflicts``: 1-based line numbers in ``text``
    where both sides changed the same lines and ``prefer`` chose (empty: a
    clean merge, nothing of either side left out)."""

    text: str
    conflicts: tuple[int, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.conflicts


@dataclass(frozen=True)
class _Edit:
    start: int  # base lines [start, end) are replaced by ``lines``
    end: int
    lines: tuple[str, ...]
    side: str


def _edits(base: list[str], other: list[str], side: str) -> list[_Edit]:
    """What ``other`` changed in ``base``, as non-overlapping line replacements
    in order. A common head and tail are skipped first; between them, lines
    that occur once on each side (a service's ``- id:``) anchor the two
    (``_anchors``), and only the stretches between anchors are compared line
    by line: a 440 KB region with edits all over it costs milliseconds."""
    head = 0
    n = min(len(base), len(other))
    while head < n and base[head] == other[head]:
        head += 1
    tail = 0
    while tail < n - head and base[-1 - tail] == other[-1 - tail]:
        tail += 1
    b, o = base[head:len(base) - tail], other[head:len(other) - tail]
    out = []
    i = j = 0
    for ai, aj in [*_anchors(b, o), (len(b), len(o))]:
        if ai - i == aj - j and b[i:ai] == o[j:aj]:
            i, j = ai + 1, aj + 1
            continue  # most stretches between anchors are the same
        matcher = difflib.SequenceMatcher(None, b[i:ai], o[j:aj], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                out.append(_Edit(head + i + i1, head + i + i2, tuple(o[j + j1:j + j2]), side))
        i, j = ai + 1, aj + 1
    return out


def _anchors(b: list[str], o: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j) with ``b[i] == o[j]``, each line occurring once in ``b``
    and once in ``o``, in order on both sides (the longest such chain, by
    patience sorting)."""
    def once(lines):
        seen: dict[str, int] = {}
        for k, line in enumerate(lines):
            seen[line] = -1 if line in seen else k
        return {line: k for line, k in seen.items() if k >= 0}

    in_o = once(o)
    pairs = [(i, in_o[line]) for line, i in sorted(once(b).items(), key=lambda t: t[1]) if line in in_o]
    # the longest run of pairs increasing in j (pairs are in order of i)
    tops: list[int] = []  # tops[k]: index in pairs of the smallest j ending a run of length k+1
    back = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        at = _bisect(pairs, tops, j)
        if at > 0:
            back[k] = tops[at - 1]
        if at == len(tops):
            tops.append(k)
        else:
            tops[at] = k
    chain = []
    k = tops[-1] if tops else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _bisect(pairs, tops, j) -> int:
    """The first place in ``tops`` whose pair's j is not below ``j``."""
    lo, hi = 0, len(tops)
    while lo < hi:
        mid = (lo + hi) // 2
        if pairs[tops[mid]][1] < j:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _overlap(a: _Edit, b: _Edit) -> bool:
    """Whether two edits touch the same base lines (an insertion inside the
    other's replaced lines, or two insertions at one place, count too)."""
    if a.start == a.end and b.start == b.end:
        return a.start == b.start
    if a.start == a.end:
        return b.start < a.start < b.end
    if b.start == b.end:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def merge3(base: str, ours: str, theirs: str, prefer: str = THEIRS) -> Merge:
    """``base`` with the changes of both ``ours`` and ``theirs``; where they
    conflict, ``prefer`` ("ours" or "theirs") decides. Line endings are kept
    as each side wrote them (lines are compared with their ending)."""
    return Merger(base, theirs).merge(ours, prefer)


class Merger:
    """Several texts (``ours``: each state of an undo history) merged with the
    same ``base`` and ``theirs``; what ``theirs`` changed is found once."""

    def __init__(self, base: str, theirs: str):
        self.base, self.theirs = base, theirs
        self._lines = base.splitlines(keepends=True)
        self._theirs: list[_Edit] | None = None

    def merge(self, ours: str, prefer: str = THEIRS) -> Merge:
        base, theirs = self.base, self.theirs
        if ours == base or ours == theirs:
            return Merge(theirs)
        if theirs == base:
            return Merge(ours)
        b = self._lines
        if self._theirs is None:
            self._theirs = _edits(b, theirs.splitlines(keepends=True), THEIRS)
        return _combine(b, _edits(b, ours.splitlines(keepends=True), OURS) + self._theirs, prefer)


def _combine(b: list[str], edits: list[_Edit], prefer: str) -> Merge:
    """``b`` with ``edits`` of both sides made; overlapping ones of both sides conflict."""
    # the same edit made by both is made once
    seen, unique = set(), []
    for e in sorted(edits, key=lambda e: (e.start, e.end, e.side)):
        key = (e.start, e.end, e.lines)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    # clusters of edits that overlap (transitively); a cluster holding both sides conflicts
    clusters: list[list[_Edit]] = []
    for e in unique:
        if clusters and any(_overlap(e, other) for other in clusters[-1]):
            clusters[-1].append(e)
        else:
            clusters.append([e])
    out: list[str] = []
    conflicts: list[int] = []
    at = 0
    for cluster in clusters:
        start = min(e.start for e in cluster)
        end = max(e.end for e in cluster)
        sides = {e.side for e in cluster}
        out += b[at:start]
        if len(sides) > 1:
            conflicts.append(len(out) + 1)
            cluster = [e for e in cluster if e.side == prefer]
        pos = start
        for e in sorted(cluster, key=lambda e: (e.start, e.end)):
            out += b[pos:e.start]
            out += e.lines
            pos = max(pos, e.end)
        out += b[pos:end]
        at = end
    out += b[at:]
    return Merge("".join(out), tuple(conflicts))
