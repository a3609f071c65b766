"""The end-of-session summary as plain data, shared by Markdown and PDF export."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import _
from ..model import Case, Map
from . import model as sm


@dataclass(frozen=True)
class StepSummary:
    number: int  # 1-based
    title: str
    chosen: tuple[str, ...]  # service names, in the order the team chose them
    arrows: tuple[tuple[str, str], ...]  # (fra name, til name)
    suggested: tuple[str, ...]
    found: tuple[str, ...]
    missed: tuple[str, ...]
    added: tuple[str, ...]
    unresolved: tuple[str, ...]  # sentences: "Fjordvik har ingen PPT i kartet"
    revealed: bool
    notes: dict[str, str]
    seconds_used: int
    facilitator: str | None  # only printed in the facilitator's copy


@dataclass(frozen=True)
class FlagSummary:
    """A flag raised in the exercise ("dette stemmer ikkje hos oss"), for the minutes."""

    step: int  # 1-based step it was raised in
    what: str  # "Legevakta" or "Angst: rollen til Fastlege (Tiltak)"
    note: str
    applied: bool  # written as a yellow «revisjon» in the file


@dataclass(frozen=True)
class SessionSummary:
    case_title: str
    map_name: str
    created: str
    updated: str
    steps: tuple[StepSummary, ...]
    gaps: tuple[str, ...]
    flags: tuple[FlagSummary, ...] = ()


def summarize(case: Case, m: Map, state: sm.SessionState) -> SessionSummary:
    def name(sid: str) -> str:
        return state.service_name(m, sid)

    def names(ids) -> tuple[str, ...]:
        return tuple(name(i) for i in ids)

    steps = []
    for i, (cs, st) in enumerate(zip(case.steg, state.steps)):
        cmp = sm.compare(m, cs, st)
        steps.append(
            StepSummary(
                number=i + 1,
                title=cs.tittel,
                chosen=names(st.marked),
                arrows=tuple((name(a), name(b)) for a, b in st.arrows),
                suggested=names(cmp.suggested),
                found=names(cmp.found),
                missed=names(cmp.missed),
                added=names(cmp.added),
                unresolved=tuple(sm.step_gaps(m, cs)),
                revealed=st.revealed,
                notes=dict(st.notes),
                seconds_used=int(round(st.elapsed)),
                facilitator=cs.fasilitator,
            )
        )
    return SessionSummary(
        case.tittel, m.navn, state.created, state.updated, tuple(steps), tuple(sm.gaps(case, m)),
        tuple(_flag(f, name) for f in state.flags),
    )


def _flag(f: sm.Flag, name) -> FlagSummary:
    from ..revision import heading_label

    if f.kind == "service":
        what = f.label if f.label and f.label != f.ref else name(f.ref)
    else:
        what = f.label or _("rollen til {ref}").format(ref=sm.reference_label(f.ref))
    if f.heading:
        what += f" ({heading_label(f.heading)})"
    return FlagSummary(f.step + 1, what, f.note, f.applied)


def format_duration(seconds: int) -> str:
    m, s = divmod(max(0, int(seconds)), 60)
    return f"{m}:{s:02d}"


def format_time(iso: str) -> str:
    """"2026-11-22T23:58:01+00:00" → "22. november 2026 23:58" (the date as the
    current language writes it, ``i18n.date_text``: "22 November 2026 23:58" in
    English); the text as it is when it is no such time."""
    import datetime as _dt

    from ..i18n import date_text

    try:
        date, time = iso.split("T")
        return f"{date_text(_dt.date.fromisoformat(date))} {time[:5]}"
    except ValueError:
        return iso
