"""A session summary in Markdown, ready to paste into the minutes."""
from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_text
from ..i18n import N_, _, language, output_language
from ..model import Case, Map
from . import model as sm
from .summary import SessionSummary, format_duration, format_time, summarize

_NOTE_LABELS = {"hindringer": N_("Hindringer"), "muligheter": N_("Muligheter"), "fritekst": N_("Notater")}


# Everything Markdown (CommonMark with GitHub's tables and strike-through) acts on
# inside a line: escapes, code, emphasis, links, images, HTML, entities, tables.
_INLINE = re.compile(r"([\\`*_\[\]<>#|&~!])")
# ...and at the start of a line: lists ("- ", "+ ", "1. ", "1) "), setext underlines ("=").
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")


def _md(text: str) -> str:
    """``text`` as one line of literal Markdown: data text is never markup."""
    return _md_line(" ".join(text.split("\n")))


def _md_line(line: str) -> str:
    line = _INLINE.sub(r"\\\1", line.strip())
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)


def md_lines(text: str, prefix: str = "") -> list[str]:
    """``text`` as literal Markdown lines that keep its line breaks when rendered:
    a hard break (two spaces) ends every line that another line follows; an empty
    line stays a paragraph break. ``prefix`` ("> ") quotes each line."""
    lines = [_md_line(line) for line in text.strip().split("\n")]
    out = []
    for i, line in enumerate(lines):
        more = i + 1 < len(lines) and lines[i + 1]
        out.append((prefix + line + ("  " if line and more else "")) if line else prefix.rstrip())
    return out


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
                out += md_lines(text, "> ")
        if facilitator_copy and st.facilitator:
            out += ["", f"**{_('Fasilitator')}:**", ""] + md_lines(st.facilitator, "> ")
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
    with language(output_language(m.malform)):  # the file speaks the map's målform, like the case
        text = render(summarize(case, m, state), facilitator_copy)
    write_text(out, text)
    return out
