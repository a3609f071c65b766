"""A session summary in Markdown, ready to paste into the minutes."""
from __future__ import annotations

import re
from pathlib import Path

from ..i18n import _
from ..model import Case, Map
from . import model as sm
from .store import atomic_write_text
from .summary import SessionSummary, format_duration, format_time, summarize

_NOTE_LABELS = {"hindringer": "Hindringer", "muligheter": "Muligheter", "fritekst": "Notater"}


def _md(text: str) -> str:
    # Typed text is shown literally: neutralise characters Markdown would act on.
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _list(items) -> str:
    return ", ".join(_md(i) for i in items) if items else _("–")


def render(summary: SessionSummary, facilitator_copy: bool = False) -> str:
    out = [f"# {_md(summary.case_title)}", ""]
    out.append(_("Kart: {kart}  ").format(kart=_md(summary.map_name)))
    out.append(_("Startet: {t}  ").format(t=format_time(summary.created)))
    out.append(_("Sist endret: {t}").format(t=format_time(summary.updated)))
    if facilitator_copy:
        out += ["", _("*Fasilitatorens eksemplar – inneholder fasilitatornotater.*")]
    if summary.gaps:
        out += ["", _("**Mangler i kartet** (et poeng for diskusjonen):"), ""]
        out += [f"- {_md(g)}" for g in summary.gaps]
    for st in summary.steps:
        out += ["", f"## {st.number}. {_md(st.title)}", ""]
        out.append(f"- **{_('Teamets valg')}:** {_list(st.chosen)}")
        if st.arrows:
            out.append(f"- **{_('Henvisninger tegnet')}:** "
                       + ", ".join(f"{_md(a)} → {_md(b)}" for a, b in st.arrows))
        if st.revealed:
            out.append(f"- **{_('Forslag')}:** {_list(st.suggested)}")
            out.append(f"- **{_('Funnet')} ✓:** {_list(st.found)}")
            out.append(f"- **{_('Ikke valgt')}:** {_list(st.missed)}")
            if st.added:
                out.append(f"- **{_('Lagt til')}** ({_('ikke feil – et poeng for diskusjonen')}): {_list(st.added)}")
            else:
                out.append(f"- **{_('Lagt til')}:** {_list(st.added)}")
        else:
            out.append(f"- **{_('Forslag')}:** {_('ikke vist')}")
        for g in st.unresolved:
            out.append(f"- {_md(g)}")
        out.append(f"- **{_('Tid brukt')}:** {format_duration(st.seconds_used)}")
        for key, label in _NOTE_LABELS.items():
            text = st.notes.get(key, "").strip()
            if text:
                out += ["", f"**{_(label)}:**", ""]
                out += [f"> {_md(line)}" if line else ">" for line in text.splitlines()]
        if facilitator_copy and st.facilitator:
            out += ["", f"**{_('Fasilitator')}:** {_md(st.facilitator.strip())}"]
    if summary.flags:
        out += ["", f"## {_('Flagget til revisjon')}", "",
                _("Det som ikke stemmer hos oss, til den lokale revisjonen:"), ""]
        for f in summary.flags:
            line = f"- {_('Steg {n}').format(n=f.step)}: **{_md(f.what)}**"
            if f.note.strip():
                line += f" – {_md(f.note.strip())}"
            if f.applied:
                line += f" ({_('merket gul i fila')})"
            out.append(line)
    return "\n".join(out) + "\n"


def export_markdown(case: Case, m: Map, state: sm.SessionState, out: Path,
                    facilitator_copy: bool = False) -> Path:
    out = Path(out)
    atomic_write_text(out, render(summarize(case, m, state), facilitator_copy))
    return out
