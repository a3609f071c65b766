"""The summary of a map's referral and rejection figures, as tables.

``build_report(map, table, year)`` makes the tables (in the map's målform):
per municipality and per receiving service for one year, and the trend of
referrals per 1,000 children and of the rejection percentage over the years
up to it. The renderers turn them into a terminal table, Markdown or CSV;
``figures_pdf`` draws the same tables in a PDF. Cells hold raw numbers; how
a kind of number is written (decimal comma, "%", sign) is decided here once.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from babel.numbers import format_decimal, format_percent

from .figures import Figure, FigureTable
from .figures_summary import Summary, summary
from .i18n import BABEL_LOCALES, _, current_language, language, output_language
from .model import Map
from .session.export_md import _md as md_escape

# Kinds of column: how a value is written.
TEXT, COUNT, RATE, PERCENT, CHANGE = "text", "count", "rate", "percent", "change"


@dataclass
class Column:
    heading: str
    kind: str


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[list]  # one value per column; None where there is no figure
    total: list | None = None  # the sum row, drawn apart from the others


@dataclass
class Report:
    map_id: str
    malform: str
    title: str
    lines: list[str]  # text under the title: what the figures are, the file's note
    year: int
    lang: str = "nb"  # the language numbers are written in ("nb", "nn", "en")
    tables: list[Table] = field(default_factory=list)
    data: Table | None = None  # every year up to ``year`` in one rectangular table (the CSV)


def build_report(m: Map, table: FigureTable, year: int | None = None) -> Report:
    """The summary for ``year`` (default the latest in the file), in the map's målform
    (or English when asked: ``i18n.output_language``). The figures are
    ``figures_summary.summary``'s, the same the window shows.

    Raises ``ValueError`` when the table has no row for ``year``."""
    lang = output_language(m.malform)
    with language(lang):
        s = summary(m, table, year)
        return _build(m, table, s, lang)


def _build(m: Map, table: FigureTable, s: Summary, lang: str) -> Report:
    from .figures_view import BY_KOMMUNE, BY_MOTTAKER, change_heading, lines_of, total_name, trend_title

    year, years = s.year, list(s.years)
    all_label = total_name(m, s)
    lines = [_("Tall for {ar}. Avslagsprosent: avslag delt på henvisninger. Henvisninger per 1 000 barn: "
               "per 1 000 innbyggere 0–17 år i kommunen.").format(ar=year)]
    lines += s.notes()
    if table.note:
        lines.append(table.note.replace("\n", " "))
    if table.path is not None:
        lines.append(_("Kilde: {fil}").format(fil=f"tal/{table.path.name}"))
    rep = Report(m.id, m.malform, _("Henvisninger og avslag – {navn}").format(navn=m.navn), lines, year, lang)

    k_cols = [Column(_("Kommune"), TEXT), Column(_("Barn 0–17 år"), COUNT), Column(_("Henvisninger"), COUNT),
              Column(_("Per 1\u00a0000 barn"), RATE), Column(_("Avslag"), COUNT), Column(_("Avslagsprosent"), PERCENT)]

    def k_row(label: str, f: Figure | None) -> list:
        return [label] + ([f.barn, f.henvisninger, f.henvisningsrate, f.avslag, f.avslagsprosent] if f else [None] * 5)

    def split(view_lines):
        body = [ln for ln in view_lines if not ln.is_total]
        tot = [ln for ln in view_lines if ln.is_total]
        return body, (tot[0] if tot else None)

    body, tot = split(lines_of(m, s, BY_KOMMUNE))
    rep.tables.append(Table(_("Per kommune, {ar}").format(ar=year), k_cols,
                            [k_row(ln.name, ln.figure) for ln in body],
                            k_row(tot.name, tot.figure) if tot else None))

    m_cols = [Column(_("Mottaker"), TEXT), Column(_("Henvisninger"), COUNT), Column(_("Avslag"), COUNT),
              Column(_("Avslagsprosent"), PERCENT), Column(_("Per 1\u00a0000 barn"), RATE)]

    def m_row(label: str, f: Figure | None) -> list:
        return [label] + ([f.henvisninger, f.avslag, f.avslagsprosent, f.henvisningsrate] if f else [None] * 4)

    body, tot = split(lines_of(m, s, BY_MOTTAKER))
    rep.tables.append(Table(_("Per mottaker, {ar}").format(ar=year), m_cols,
                            [m_row(ln.name, ln.figure) for ln in body],
                            m_row(tot.name, tot.figure) if tot else None))

    rep.data = _data_table(m, s, all_label)
    if len(years) > 1:
        def series_row(label, series, measure, summed):
            return [label] + [getattr(series[y], measure) if y in series else None for y in years] + \
                [s.change(series, measure, summed)]

        cols = [Column(_("Kommune"), TEXT)] + [Column(str(y), RATE) for y in years] + \
            [Column(change_heading("henvisningsrate", years[0]), CHANGE)]
        rows = [series_row(s.kommune_label(k), s.per_kommune.get(k, {}), "henvisningsrate", False)
                for k in s.kommuner]
        rep.tables.append(Table(trend_title("henvisningsrate", years), cols, rows,
                                series_row(s.summed_label(all_label), s.total, "henvisningsrate", True)
                                if len(rows) > 1 else None))
        cols = [Column(_("Mottaker"), TEXT)] + [Column(str(y), PERCENT) for y in years] + \
            [Column(change_heading("avslagsprosent", years[0]), CHANGE)]
        rows = [series_row(s.summed_label(receiver_name(m, r)), s.per_mottaker.get(r, {}), "avslagsprosent", True)
                for r in s.mottakere]
        rep.tables.append(Table(trend_title("avslagsprosent", years), cols, rows,
                                series_row(s.summed_label(all_label), s.total, "avslagsprosent", True)
                                if len(rows) > 1 else None))
    return rep


def _data_table(m: Map, s: Summary, all_label: str) -> Table:
    """Every year up to the summary's: a row per municipality, receiver and the total;
    the last column says when a row's year is incomplete (its figures left empty
    for a municipality, summed over the others for the rest)."""
    cols = [Column(_("År"), TEXT), Column(_("Gruppe"), TEXT), Column(_("Navn"), TEXT),
            Column(_("Barn 0–17 år"), COUNT), Column(_("Henvisninger"), COUNT), Column(_("Avslag"), COUNT),
            Column(_("Per 1\u00a0000 barn"), RATE), Column(_("Avslagsprosent"), PERCENT),
            Column(_("Ufullstendig"), TEXT)]
    rows = []
    for y in s.years:
        groups = [(_("Kommune"), k, s.per_kommune.get(k, {}).get(y), k in s.missing.get(y, ()))
                  for k in s.kommuner]
        groups += [(_("Mottaker"), receiver_name(m, r), s.per_mottaker.get(r, {}).get(y), not s.complete(y))
                   for r in s.mottakere]
        groups.append((all_label, all_label, s.total.get(y), not s.complete(y)))
        for g, name, f, short in groups:
            figures = [f.barn, f.henvisninger, f.avslag, f.henvisningsrate, f.avslagsprosent] if f else [None] * 5
            rows.append([str(y), g, name, *figures, _("ja") if short else ""])
    return Table(_("Alle år"), cols, rows)


def receiver_name(m: Map, reference: str) -> str:
    """A receiver as people know it: the service's name, or the reference when the map has none."""
    names = list(dict.fromkeys(s.navn for s in m.resolve(reference)))
    return ", ".join(names) if names else reference


# ---------------------------------------------------------------- writing numbers

def format_value(value, kind: str, lang: str | None = None, plain: bool = False) -> str:
    """One cell as text, as ``lang`` (default: the current language) writes numbers,
    by Babel's CLDR data: "5 768", "30,2", "13,8 %" in bokmål and nynorsk; "5,768",
    "30.2", "13.8%" in English. ``plain`` (CSV, for spreadsheets and programs): no
    grouping, no unit, ASCII minus, the language's decimal sign. None is "–" ("" plain)."""
    if value is None:
        return "" if plain else "–"
    if kind == TEXT:
        return str(value)
    locale = BABEL_LOCALES.get(lang or current_language(), "nb")
    if kind == COUNT:
        return str(value) if plain else format_decimal(value, "#,##0", locale=locale)
    number = abs(value) if kind == CHANGE else value
    if kind == PERCENT and not plain:
        return format_percent(number / 100, _percent_pattern(locale), locale=locale)
    text = format_decimal(number, "0.0" if plain else "#,##0.0", locale=locale)
    if kind == CHANGE:
        sign = "-" if value < -0.05 else "+" if value > 0.05 else ""
        return (sign if plain else sign.replace("-", "−")) + text
    return text


def _percent_pattern(locale: str) -> str:
    """The locale's own percent pattern ("#,##0\u00a0%" in bokmål) with one decimal."""
    from babel import Locale

    return re.sub(r"0(?=[^0#]*$)", "0.0", Locale.parse(locale).percent_formats[None].pattern, count=1)


def csv_separator(lang: str) -> str:
    """``;`` where the decimal sign is a comma (bokmål, nynorsk: as Norwegian spreadsheets
    read it), ``,`` where it is a point (English)."""
    return ";" if format_decimal(0.5, "0.0", locale=BABEL_LOCALES.get(lang, "nb"))[1] == "," else ","


def cells(rep: Report, t: Table, row: list, plain: bool = False) -> list[str]:
    return [format_value(v, c.kind, rep.lang, plain) for v, c in zip(row, t.columns)]


# ---------------------------------------------------------------- renderers

def to_text(reports: list[Report]) -> str:
    """Aligned plain-text tables for the terminal (numbers right-aligned)."""
    out: list[str] = []
    for rep in reports:
        out += [rep.title, "=" * len(rep.title), *rep.lines, ""]
        for t in rep.tables:
            body = [cells(rep, t, r) for r in t.rows] + ([cells(rep, t, t.total)] if t.total else [])
            head = [c.heading for c in t.columns]
            widths = [max(len(x) for x in col) for col in zip(head, *body)]

            def line(cells):
                return "  ".join(c.ljust(w) if col.kind == TEXT else c.rjust(w)
                                 for c, w, col in zip(cells, widths, t.columns)).rstrip()

            out += [t.title, line(head), line(["-" * w for w in widths])]
            out += [line(r) for r in body[: len(t.rows)]]
            if t.total:
                out += [line(["-" * w for w in widths]), line(body[-1])]
            out.append("")
    return "\n".join(out)


def to_markdown(reports: list[Report]) -> str:
    """Markdown tables; data text is escaped so it is never read as markup."""
    out: list[str] = []
    for rep in reports:
        out += [f"# {md_escape(rep.title)}", ""]
        out += [md_escape(line) + "  " for line in rep.lines[:-1]] + [md_escape(rep.lines[-1]), ""]
        for t in rep.tables:
            out += [f"## {md_escape(t.title)}", ""]
            out.append("| " + " | ".join(md_escape(c.heading) for c in t.columns) + " |")
            out.append("|" + "|".join(":---" if c.kind == TEXT else "---:" for c in t.columns) + "|")
            for r in t.rows:
                out.append("| " + " | ".join(md_escape(c) for c in cells(rep, t, r)) + " |")
            if t.total:
                out.append("| " + " | ".join(f"**{md_escape(c)}**" for c in cells(rep, t, t.total)) + " |")
            out.append("")
    return "\n".join(out)


def to_csv(reports: list[Report]) -> str:
    """One rectangular table for spreadsheets: per year, a row per municipality,
    per receiver and for the whole map. Numbers plain (no grouping or unit) with
    the output language's decimal sign; ``;``-separated with a decimal comma in
    bokmål and nynorsk, as Norwegian spreadsheets read it, ``,``-separated with a
    decimal point in English. Several maps: a leading column names the map."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=csv_separator(reports[0].lang if reports else "nb"), lineterminator="\n")
    several = len(reports) > 1
    for i, rep in enumerate(reports):
        t = rep.data
        if i == 0:
            with language(rep.lang):
                w.writerow(([_("Kart")] if several else []) + [c.heading for c in t.columns])
        for r in t.rows:
            w.writerow(([rep.map_id] if several else []) + cells(rep, t, r, plain=True))
    return buf.getvalue()
