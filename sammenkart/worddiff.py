"""Word-level differences between two wordings of a text.

Used by the revision report to show what the region changed in a shared
text, and how a local adaptation differs from it. A text is split into
words, runs of punctuation and runs of white space; ``difflib`` finds the
longest matching runs (no "junk" heuristics, so a short text is compared
exactly). Pure Python.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

SAME, REMOVED, ADDED = "=", "-", "+"

_TOKENS = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is the same in both (``SAME``), only in the old
    (``REMOVED``) or only in the new wording (``ADDED``)."""

    op: str
    text: str


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def word_diff(old: str | None, new: str | None) -> list[Segment]:
    """The segments that turn ``old`` into ``new``, in reading order; joining
    the SAME and REMOVED texts gives ``old``, SAME and ADDED gives ``new``.
    A removal comes before the addition that replaces it. White space
    between two changes joins them, so a changed phrase reads as one."""
    a, b = tokens(old or ""), tokens(new or "")
    out: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Segment(SAME, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment(REMOVED, "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment(ADDED, "".join(b[j1:j2])))
    return _joined(out)


def _joined(segments: list[Segment]) -> list[Segment]:
    """Merge neighbours of one kind, and fold white space alone between two
    changes into both sides of the change."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        s = segments[i]
        if (s.op == SAME and not s.text.strip() and out and out[-1].op != SAME and i + 1 < len(segments)
                and segments[i + 1].op != SAME):
            # "a b" -> "x y": one removal "a b" and one addition "x y", not four pieces
            _put(out, Segment(REMOVED, s.text))
            _put(out, Segment(ADDED, s.text))
        else:
            _put(out, s)
        i += 1
    return _order(out)


def _put(out: list[Segment], s: Segment) -> None:
    if not s.text:
        return
    for j in range(len(out) - 1, -1, -1):
        if out[j].op == SAME:
            break
        if out[j].op == s.op:
            out[j] = Segment(s.op, out[j].text + s.text)
            return
    out.append(s)


def _order(segments: list[Segment]) -> list[Segment]:
    """Within a run of changes, the removal first, then the addition."""
    out, run = [], []
    for s in segments:
        if s.op == SAME:
            out += sorted(run, key=lambda x: x.op != REMOVED)
            run = []
            out.append(s)
        else:
            run.append(s)
    return out + sorted(run, key=lambda x: x.op != REMOVED)


def changed(segments: list[Segment]) -> bool:
    return any(s.op != SAME for s in segments)


def as_text(segments: list[Segment]) -> str:
    """Plain text with the changes marked as ``[-old-]{+new+}`` (as ``wdiff`` does)."""
    marks = {SAME: ("", ""), REMOVED: ("[-", "-]"), ADDED: ("{+", "+}")}
    return "".join(marks[s.op][0] + s.text + marks[s.op][1] for s in segments)
