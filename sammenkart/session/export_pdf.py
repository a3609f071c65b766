"""A session summary as an A4 PDF (reportlab), for the minutes or to hand out."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from ..atomic import atomic_path
from ..i18n import N_, _, language, output_language
from ..layout.text import BOLD, REGULAR, register_fonts
from ..model import Case, Map
from ..printable import printable
from . import model as sm
from .summary import SessionSummary, format_duration, format_time, summarize

_NOTE_LABELS = (("hindringer", N_("Hindringer")), ("muligheter", N_("Muligheter")), ("fritekst", N_("Notater")))


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=10.5, leading=14)
    return {
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=20, leading=25, spaceAfter=6),
        "meta": ParagraphStyle("meta", base, fontSize=9.5, textColor="#444444"),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=14, leading=18, spaceBefore=12, spaceAfter=4),
        "body": base,
        "note": ParagraphStyle("note", base, leftIndent=6 * mm),
    }


def _p(text: str) -> str:
    # User text is printed literally: escape markup and keep line breaks.
    return escape(text).replace("\n", "<br/>")


def _names(items) -> str:
    return _p(", ".join(items)) if items else "–"


def _row(label: str, value_markup: str) -> str:
    return f"<font name='{BOLD}'>{_p(label)}:</font> {value_markup}"


def story(summary: SessionSummary, facilitator_copy: bool = False) -> list:
    s = _styles()
    flow: list = [Paragraph(_p(summary.case_title), s["title"])]
    meta = _("Kart: {kart} · Startet {start} · Sist endret {slutt}").format(
        kart=summary.map_name, start=format_time(summary.created), slutt=format_time(summary.updated))
    flow.append(Paragraph(_p(meta), s["meta"]))
    if facilitator_copy:
        flow.append(Paragraph(_p(_("Fasilitatorens eksemplar – inneholder fasilitatornotater.")), s["meta"]))
    for g in summary.gaps:
        flow.append(Paragraph(_p(g), s["meta"]))
    for st in summary.steps:
        flow.append(Paragraph(_p(f"{st.number}. {st.title}"), s["h2"]))
        flow.append(Paragraph(_row(_("Teamets valg"), _names(st.chosen)), s["body"]))
        if st.arrows:
            arrows = ", ".join(f"{a} → {b}" for a, b in st.arrows)
            flow.append(Paragraph(_row(_("Henvisninger tegnet"), _p(arrows)), s["body"]))
        if st.revealed:
            flow.append(Paragraph(_row(_("Forslag"), _names(st.suggested)), s["body"]))
            flow.append(Paragraph(_row(_("Funnet") + " ✓", _names(st.found)), s["body"]))
            flow.append(Paragraph(_row(_("Ikke valgt"), _names(st.missed)), s["body"]))
            note = (" " + _p(_("(ikke feil – et poeng for diskusjonen)"))) if st.added else ""
            flow.append(Paragraph(_row(_("Lagt til"), _names(st.added) + note), s["body"]))
        else:
            flow.append(Paragraph(_row(_("Forslag"), _p(_("ikke vist"))), s["body"]))
        for g in st.unresolved:
            flow.append(Paragraph(_p(g), s["body"]))
        flow.append(Paragraph(_row(_("Tid brukt"), format_duration(st.seconds_used)), s["body"]))
        for key, label in _NOTE_LABELS:
            text = st.notes.get(key, "").strip()
            if text:
                flow.append(Paragraph(_row(_(label), ""), s["body"]))
                flow.append(Paragraph(_p(text), s["note"]))
        if facilitator_copy and st.facilitator:
            flow.append(Paragraph(_row(_("Fasilitator"), _p(st.facilitator.strip())), s["body"]))
        flow.append(Spacer(1, 2 * mm))
    if summary.flags:
        flow.append(Paragraph(_p(_("Flagget til revisjon")), s["h2"]))
        flow.append(Paragraph(_p(_("Det som ikke stemmer hos oss, til den lokale revisjonen:")), s["body"]))
        for f in summary.flags:
            text = f"{_('Steg {n}').format(n=f.step)}: <font name='{BOLD}'>{_p(f.what)}</font>"
            if f.note.strip():
                text += " – " + _p(f.note.strip())
            if f.applied:
                text += " " + _p("(" + _("merket gul i fila") + ")")
            flow.append(Paragraph(text, s["note"]))
    return flow


def export_pdf(case: Case, m: Map, state: sm.SessionState, out: Path,
               facilitator_copy: bool = False, problems: list | None = None) -> Path:
    """Write the PDF beside ``out`` first and rename it, so a failure leaves no half file
    and an older file at ``out`` as it was.

    ``problems`` (a list) receives warnings about characters the bundled fonts
    lack (left out of the PDF), each at the case step (or case) it came from.
    """
    with language(output_language(m.malform)):  # the file speaks the map's målform, like the case
        return _export_pdf(case, m, state, Path(out), facilitator_copy, problems)


def _export_pdf(case: Case, m: Map, state: sm.SessionState, out: Path, facilitator_copy: bool,
                problems: list | None) -> Path:
    found: list = []
    case, m, state = _printable(case, m, state, found)
    if problems is not None:
        problems.extend(found)
    summary = summarize(case, m, state)
    with atomic_path(out) as tmp:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
            bottomMargin=18 * mm, title=summary.case_title, author="Sammenkart",
        )
        doc.build(story(summary, facilitator_copy))
    return out


def _printable(case: Case, m: Map, state: sm.SessionState, problems: list):
    """Case, map and the team's notes with only characters the fonts can print."""
    case, m = printable(case, problems), printable(m, problems)
    steps = []
    for cs, st in zip(case.steg, state.steps):
        notes = printable(st.notes, problems, cs.source, _("notater"))
        steps.append(st if notes is st.notes else dataclasses.replace(st, notes=notes))
    steps += state.steps[len(steps):]
    if all(a is b for a, b in zip(steps, state.steps)):
        return case, m, state
    return case, m, dataclasses.replace(state, steps=steps)
