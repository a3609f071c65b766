"""The yearly revision report of a map, in the map's målform: as blocks of
text that the terminal, Markdown and PDF renderers draw the same way.

``build_report(ws, map, today)`` -> ``Report``: an overview (how many cards
and roles are green, yellow, red, not reviewed), the yellow and red ones per
responsible unit with notes and dates, what is still unreviewed, how each
local adaptation differs from the shared text now, and what the shared text
changed since the local file was last revised (``revision.review`` says how
that is known). ``to_text`` and ``to_markdown`` render it; ``revision_pdf``
draws it on A4. Data text is printed as text, never as markup.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import revision as rv
from . import worddiff
from .i18n import _, date_text, language, output_language, speaks
from .loader import _shown
from .model import Map, Workspace


@dataclass
class Line:
    text: str
    style: str = "body"  # "body", "meta" (quieter), "note" (a remark on the block above)


@dataclass
class StatusLine:
    status: str | None
    text: str
    where: str  # path:line:column of the card or role
    word: str = ""  # the status in words, in the report's language


@dataclass
class DiffBlock:
    label: str
    segments: tuple  # worddiff.Segment
    note: str | None = None


@dataclass
class Part:
    title: str
    blocks: list = field(default_factory=list)  # Line, StatusLine, DiffBlock


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)  # Line, StatusLine, DiffBlock, Part


@dataclass
class Report:
    map_id: str
    malform: str
    title: str
    lines: list[str]
    sections: list[Section]
    due: bool


def build_report(ws: Workspace, m: Map, today: dt.date | None = None) -> Report:
    """The report for map ``m`` of workspace ``ws`` (``today``: the report's date)."""
    with language(output_language(m.malform)):
        return _build(rv.review(ws, m, today))


def place(where, root: Path | None) -> str:
    """Where a card, role or file is, as the report shows it (the CLI, the window and the PDF
    alike): relative to the opened folder ``root`` when inside it ("kart/forlop/angst.nn.yaml:35:5"),
    else as loaded. ``where``: a ``Source`` (path:line:column) or a path."""
    src = where if hasattr(where, "line") else None
    path = src.path if src is not None else where
    shown = _shown(Path(path)) if path is not None else "?"
    if root is not None and path is not None:
        try:
            rel = Path(os.path.relpath(Path(path).resolve(), Path(root).resolve()))
        except ValueError:  # another drive on Windows
            rel = None
        if rel is not None and rel.parts[:1] != ("..",):
            shown = rel.as_posix()
    return f"{shown}:{src.line}:{src.column}" if src is not None else shown


def _date(d: dt.date | None) -> str:
    return date_text(d) if d else "–"


def _build(r: rv.MapReview) -> Report:
    m = r.map
    lines = [_("Laget {dato}.").format(dato=_date(r.today))]
    lines.append(_("Kartet ble sist revidert {dato}.").format(dato=_date(m.revidert)) if m.revidert
                 else _("Kartet har ingen dato for siste revisjon («revidert»)."))
    if r.due:
        lines.append(_("Neste revisjon skulle vært gjort {dato}: fristen er passert.").format(dato=_date(m.neste_revisjon)))
    elif m.neste_revisjon:
        lines.append(_("Neste revisjon: {dato}.").format(dato=_date(m.neste_revisjon)))
    else:
        lines.append(_("Ingen dato for neste revisjon («neste_revisjon»)."))
    sections = [_overview(r), _follow_up(r), _unreviewed(r)]
    if r.adaptations:
        sections += [_adaptations(r), _shared_changes(r)]
    return Report(m.id, m.malform, _("Revisjonsrapport – {navn}").format(navn=m.navn), lines, sections, r.due)


def _counts(groups) -> str:
    return " · ".join(f"{rv.status_label(s)}: {len(groups[s])}" for s in (*rv.STATUS_ORDER, rv.NOT_REVIEWED))


def _overview(r: rv.MapReview) -> Section:
    sec = Section(_("Oversikt"))
    sec.blocks.append(Line(_("Tjenestekort – {counts}").format(counts=_counts(r.by_status("service")))))
    sec.blocks.append(Line(_("Roller i forløpene – {counts}").format(counts=_counts(r.by_status("role")))))
    return sec


def _what(it: rv.Item) -> str:
    if it.kind == "service":
        return _("Tjenestekortet «{navn}»").format(navn=it.label)
    return _("{forlop}: rollen til {navn}").format(forlop=it.pathway, navn=it.label)


def _follow_up(r: rv.MapReview) -> Section:
    sec = Section(_("Gult og rødt, per ansvarlig enhet"))
    groups = r.to_follow_up()
    if not groups:
        sec.blocks.append(Line(_("Ingenting er merket gult eller rødt.")))
    for unit, items in groups:
        part = Part(unit or _("Uten ansvarlig enhet"))
        for it in items:
            text = _what(it)
            if it.revisjon.merknad:  # the note as written; quoted when the report is in another language
                note = it.revisjon.merknad
                text += ": " + (note if speaks(r.map.malform) else _("«{tekst}»").format(tekst=note))
            if it.revisjon.dato:
                text += " " + _("({dato})").format(dato=_date(it.revisjon.dato))
            part.blocks.append(StatusLine(it.status, text, place(it.source, r.root), rv.status_label(it.status)))
        sec.blocks.append(part)
    return sec


def _unreviewed(r: rv.MapReview) -> Section:
    sec = Section(_("Ikke vurdert"))
    cards = r.by_status("service")[rv.NOT_REVIEWED]
    if cards and r.map.type == "region":  # per municipality, the region's shared services last
        every = [i for i in r.items if i.kind == "service"]
        for kommune in dict.fromkeys([*(i.kommune for i in every if i.kommune), None]):
            mine = [i for i in cards if i.kommune == kommune]
            if mine:
                sec.blocks.append(Line(_("Tjenestekort i {kommune} ({n} av {total}): {names}").format(
                    kommune=kommune or _("hele regionen"), n=len(mine),
                    total=len([i for i in every if i.kommune == kommune]), names="; ".join(i.label for i in mine))))
    elif cards:
        sec.blocks.append(Line(_("Tjenestekort ({n} av {total}): {names}").format(
            n=len(cards), total=len([i for i in r.items if i.kind == "service"]), names="; ".join(i.label for i in cards))))
    by_pathway: dict[str, list[rv.Item]] = {}
    for it in r.items:
        if it.kind == "role":
            by_pathway.setdefault(it.pathway, []).append(it)
    for name, items in by_pathway.items():
        open_ = [i for i in items if i.status is rv.NOT_REVIEWED]
        if open_:
            sec.blocks.append(Line(_("{forlop} ({n} av {total} roller): {names}").format(
                forlop=name, n=len(open_), total=len(items), names="; ".join(i.label for i in open_))))
    if not sec.blocks:
        sec.blocks.append(Line(_("Alt er vurdert.")))
    return sec


def _adaptations(r: rv.MapReview) -> Section:
    sec = Section(_("Lokale tilpasninger"))
    as_is = []
    for a in r.adaptations:
        if not a.differences:
            as_is.append(a.pathway.navn)
            continue
        part = Part(f"{a.pathway.navn} – {place(a.pathway.path, r.root)}")
        part.blocks.append(Line(_("Grunnlag: {fil}").format(fil=place(a.pathway.grunnlag, r.root)), "meta"))
        added: dict[str, list[str]] = {}
        for d in a.differences:
            if d.added_role:  # a whole role of the local file's own: one line, not a diff per heading
                role, _sep, heading = d.label.rpartition(" – ")  # a name may hold " – " itself
                added.setdefault(role, []).append(heading)
                continue
            if d.same:
                note = _("lik den felles teksten; den lokale teksten kan fjernes")
            elif d.old is None:
                note = _("lagt til lokalt")
            elif d.new is None:
                note = _("tatt bort lokalt")
            else:
                note = _("felles tekst → lokal tekst")
            part.blocks.append(DiffBlock(d.label, d.segments, note))
        for role, headings in added.items():
            part.blocks.append(Line(_("{rolle}: rolle lagt til lokalt ({overskrifter})").format(
                rolle=role, overskrifter=", ".join(headings))))
        sec.blocks.append(part)
    if as_is:
        sec.blocks.append(Line(_("Bruker den felles teksten som den er: {names}").format(names="; ".join(as_is))))
    return sec


def _shared_changes(r: rv.MapReview) -> Section:
    sec = Section(_("Endringer i den felles teksten siden siste revisjon"))
    unchanged, newer, unknown = [], [], []
    for a in r.adaptations:
        p, base = a.pathway, a.shared
        if a.known_by == rv.KNOWN_BY_COPY:
            part = Part(p.navn)
            part.blocks.append(Line(_("Sist revidert lokalt {lokal}, mot den felles teksten fra {gammel}; "
                                      "den felles teksten er nå fra {ny}.").format(
                lokal=_date(p.revidert), gammel=_date(a.revised_against), ny=_date(base.revidert)), "meta"))
            if not a.changes:
                part.blocks.append(Line(_("Ingen endringer i den felles teksten siden da.")))
            for d in a.changes or ():
                note = (_("tilpasset lokalt: se om den lokale teksten skal følge endringen") if d.adapted
                        else _("dere får den nye teksten"))
                part.blocks.append(DiffBlock(d.label, d.segments, note))
            sec.blocks.append(part)
        elif a.known_by == rv.KNOWN_BY_DATES and a.shared_newer:
            newer.append(_("{navn} (felles tekst {ny}, lokalt {lokal})").format(
                navn=p.navn, ny=_date(base.revidert), lokal=_date(p.revidert)))
        elif a.known_by == rv.KNOWN_BY_DATES:
            unchanged.append(_("{navn} (lokalt {lokal}, felles tekst {ny})").format(
                navn=p.navn, lokal=_date(p.revidert), ny=_date(base.revidert)))
        else:
            why = (_("ingen dato for siste lokale revisjon") if p.revidert is None
                   else _("den felles teksten har ingen dato for siste revisjon"))
            unknown.append(f"{p.navn} ({why})")
        for problem in a.problems:
            sec.blocks.append(Line(str(problem), "note"))
    if newer:
        sec.blocks.append(Part(_("Den felles teksten er revidert etter siste lokale revisjon"), [
            Line("; ".join(newer)),
            Line(_("Hva som er endret, kan ikke vises: det finnes ingen kopi av teksten dere reviderte mot. Les den "
                   "felles teksten, og merk forløpet som revidert når dere har gått gjennom det, så tas en kopi vare "
                   "på til neste gang."), "meta")]))
    if unchanged:
        sec.blocks.append(Part(_("Ingen endring siden siste lokale revisjon (etter datoene)"), [Line("; ".join(unchanged))]))
    if unknown:
        sec.blocks.append(Part(_("Kan ikke si om den felles teksten er endret"), [Line("; ".join(unknown))]))
    return sec


# ----------------------------------------------------------------- renderers


def to_text(reports: list[Report]) -> str:
    """The reports as plain text for a terminal (changes marked ``[-old-]{+new+}``)."""
    out: list[str] = []
    for rep in reports:
        if out:
            out.append("")
        out += [rep.title, "=" * len(rep.title), *rep.lines]
        # the status words in one column: "RED" and "YELLOW" (or "RAUD" and "GUL") line up
        width = max((len(b.word) for b in _status_lines(rep.sections)), default=0)
        for sec in rep.sections:
            out += ["", sec.title, "-" * len(sec.title)]
            for b in sec.blocks:
                out += _text_block(b, "", width)
    return "\n".join(out) + "\n"


def _status_lines(blocks):
    for b in blocks:
        if isinstance(b, StatusLine):
            yield b
        elif hasattr(b, "blocks"):
            yield from _status_lines(b.blocks)


def _text_block(b, indent: str, width: int = 0) -> list[str]:
    if isinstance(b, Part):
        out = [f"{indent}{b.title}"]
        for sub in b.blocks:
            out += _text_block(sub, indent + "  ", width)
        return out
    if isinstance(b, StatusLine):
        word = b.word.upper()
        return [f"{indent}{word:<{width}} {b.text}", f"{indent}{' ' * width} {b.where}"]
    if isinstance(b, DiffBlock):
        head = f"{indent}{b.label}" + (f" ({b.note})" if b.note else "")
        body = worddiff.as_text(list(b.segments))
        return [head] + [f"{indent}    {line}" for line in body.splitlines() or [""]] if body else [head]
    return [f"{indent}{b.text}"]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str) -> str:
    # Data text is shown literally: characters Markdown would act on are escaped.
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_diff(segments) -> str:
    parts = []
    for s in segments:
        text = _md(s.text)
        if s.op == worddiff.SAME or not s.text.strip():
            parts.append(text)
        else:
            lead, core, trail = re.match(r"(\s*)(.*?)(\s*)\Z", text, re.S).groups()
            mark = "~~" if s.op == worddiff.REMOVED else "**"
            parts.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(parts).replace("\n", "<br>") if parts else ""


def to_markdown(reports: list[Report]) -> str:
    """The reports as Markdown: removed words ~~struck through~~, added words in **bold**."""
    out: list[str] = []
    for rep in reports:
        if out:
            out.append("")
        out += [f"# {_md(rep.title)}", ""]
        out += [f"{_md(line)}  " for line in rep.lines[:-1]] + [_md(rep.lines[-1])]
        for sec in rep.sections:
            out += ["", f"## {_md(sec.title)}", ""]
            for b in sec.blocks:
                out += _md_block(b, 3)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"


def _md_block(b, level: int) -> list[str]:
    if isinstance(b, Part):
        out = ["", f"{'#' * level} {_md(b.title)}", ""]
        for sub in b.blocks:
            out += _md_block(sub, level + 1)
        return out
    if isinstance(b, StatusLine):
        return [f"- **{_md(b.word.upper())}** {_md(b.text)} (`{b.where}`)"]
    if isinstance(b, DiffBlock):
        note = f" ({_md(b.note)})" if b.note else ""
        body = _md_diff(b.segments)
        return [f"- **{_md(b.label)}**{note}" + (f": {body}" if body else "")]
    if b.style == "meta":
        return [f"*{_md(b.text)}*", ""]
    return [_md(b.text), ""]
