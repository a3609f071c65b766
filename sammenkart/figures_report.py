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
from dataclasses import dataclass, field

from babel.numbers import format_decimal

from .figures import Figure, FigureTable, by_kommune, by_mottaker, change, municipality_names, total, trend
from .i18n import _, language, output_language
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
    tables: list[Table] = field(default_factory=list)
    data: Table | None = None  # every year up to ``year`` in one rectangular table (the CSV)


def build_report(m: Map, table: FigureTable, year: int | None = None) -> Report:
    """The summary for ``year`` (default the latest in the file), in the map's målform.

    Raises ``ValueError`` when the table has no row for ``year``."""
    years = table.years()
    if year is None:
        year = years[-1] if years else 0
    if year not in years:
        raise ValueError(_("det finnes ingen tall for {ar}; tallene gjelder {years}").format(
            ar=year, years=", ".join(str(y) for y in years) or "–"))
    with language(output_language(m.malform)):
        return _build(m, table, year, [y for y in years if y <= year])


def _build(m: Map, table: FigureTable, year: int, years: list[int]) -> Report:
    all_label = _("Hele regionen") if m.type == "region" else _("I alt")
    lines = [_("Tall for {ar}. Avslagsprosent: avslag delt på henvisninger. Henvisninger per 1 000 barn: "
               "per 1 000 innbyggere 0–17 år i kommunen.").format(ar=year)]
    if table.note:
        lines.append(table.note.replace("\n", " "))
    if table.path is not None:
        lines.append(_("Kilde: {fil}").format(fil=f"tal/{table.path.name}"))
    rep = Report(m.id, m.malform, _("Henvisninger og avslag – {navn}").format(navn=m.navn), lines, year)

    kommuner = _ordered(table.kommuner(), municipality_names(m))
    mottakere = table.mottakere()
    per_k, per_m, tot = by_kommune(table, year), by_mottaker(table, year), total(table, year)

    k_cols = [Column(_("Kommune"), TEXT), Column(_("Barn 0–17 år"), COUNT), Column(_("Henvisninger"), COUNT),
              Column(_("Per 1\u00a0000 barn"), RATE), Column(_("Avslag"), COUNT), Column(_("Avslagsprosent"), PERCENT)]

    def k_row(label: str, f: Figure) -> list:
        return [label, f.barn, f.henvisninger, f.henvisningsrate, f.avslag, f.avslagsprosent]

    rows = [k_row(k, per_k[k]) for k in kommuner if k in per_k]
    rep.tables.append(Table(_("Per kommune, {ar}").format(ar=year), k_cols, rows,
                            k_row(all_label, tot) if len(rows) > 1 else None))

    m_cols = [Column(_("Mottaker"), TEXT), Column(_("Henvisninger"), COUNT), Column(_("Avslag"), COUNT),
              Column(_("Avslagsprosent"), PERCENT), Column(_("Per 1\u00a0000 barn"), RATE)]

    def m_row(label: str, f: Figure) -> list:
        return [label, f.henvisninger, f.avslag, f.avslagsprosent, f.henvisningsrate]

    rows = [m_row(receiver_name(m, r), per_m[r]) for r in mottakere if r in per_m]
    rep.tables.append(Table(_("Per mottaker, {ar}").format(ar=year), m_cols, rows,
                            m_row(all_label, tot) if len(rows) > 1 else None))

    rep.data = _data_table(m, table, years, kommuner, mottakere, all_label)
    if len(years) > 1:
        span = f"{years[0]}–{years[-1]}"
        rate_t = trend(table, lambda r: r.kommune, years)
        rate_all = trend(table, lambda r: None, years)[None]
        cols = [Column(_("Kommune"), TEXT)] + [Column(str(y), RATE) for y in years] + \
            [Column(_("Endring"), CHANGE)]

        def series_row(label, series, measure):
            return [label] + [getattr(series[y], measure) if y in series else None for y in years] + \
                [change(series, measure)]

        rows = [series_row(k, rate_t[k], "henvisningsrate") for k in kommuner if k in rate_t]
        rep.tables.append(Table(_("Henvisninger per 1\u00a0000 barn, {span}").format(span=span), cols, rows,
                                series_row(all_label, rate_all, "henvisningsrate") if len(rows) > 1 else None))
        pct_t = trend(table, lambda r: r.mottaker, years)
        cols = [Column(_("Mottaker"), TEXT)] + [Column(str(y), PERCENT) for y in years] + \
            [Column(_("Endring (prosentpoeng)"), CHANGE)]
        rows = [series_row(receiver_name(m, r), pct_t[r], "avslagsprosent") for r in mottakere if r in pct_t]
        rep.tables.append(Table(_("Avslagsprosent, {span}").format(span=span), cols, rows,
                                series_row(all_label, rate_all, "avslagsprosent") if len(rows) > 1 else None))
    return rep


def _data_table(m: Map, table: FigureTable, years: list[int], kommuner: list[str], mottakere: list[str],
                all_label: str) -> Table:
    cols = [Column(_("År"), TEXT), Column(_("Gruppe"), TEXT), Column(_("Navn"), TEXT),
            Column(_("Barn 0–17 år"), COUNT), Column(_("Henvisninger"), COUNT), Column(_("Avslag"), COUNT),
            Column(_("Per 1\u00a0000 barn"), RATE), Column(_("Avslagsprosent"), PERCENT)]
    rows = []
    for y in years:
        per_k, per_m = by_kommune(table, y), by_mottaker(table, y)
        groups = [(_("Kommune"), k, per_k[k]) for k in kommuner if k in per_k]
        groups += [(_("Mottaker"), receiver_name(m, r), per_m[r]) for r in mottakere if r in per_m]
        groups.append((all_label, all_label, total(table, y)))
        rows += [[str(y), g, name, f.barn, f.henvisninger, f.avslag, f.henvisningsrate, f.avslagsprosent]
                 for g, name, f in groups]
    return Table(_("Alle år"), cols, rows)


def _ordered(names: list[str], preferred: list[str]) -> list[str]:
    """Municipalities in the map's order, then any the map does not know."""
    return [n for n in preferred if n in names] + [n for n in names if n not in preferred]


def receiver_name(m: Map, reference: str) -> str:
    """A receiver as people know it: the service's name, or the reference when the map has none."""
    names = list(dict.fromkeys(s.navn for s in m.resolve(reference)))
    return ", ".join(names) if names else reference


# ---------------------------------------------------------------- writing numbers

def format_value(value, kind: str, malform: str = "nb", plain: bool = False) -> str:
    """One cell as text. ``plain`` (CSV): no grouping, no unit, ASCII minus; the
    decimal comma stays, as Norwegian spreadsheets read it. None is "–" ("" plain)."""
    if value is None:
        return "" if plain else "–"
    if kind == TEXT:
        return str(value)
    locale = "nn_NO" if malform == "nn" else "nb_NO"
    if kind == COUNT:
        return str(value) if plain else format_decimal(value, "#,##0", locale=locale)
    text = format_decimal(abs(value) if kind == CHANGE else value, "0.0" if plain else "#,##0.0", locale=locale)
    if kind == CHANGE:
        sign = "-" if value < -0.05 else "+" if value > 0.05 else ""
        return (sign if plain else sign.replace("-", "−")) + text
    if kind == PERCENT and not plain:
        return text + "\u00a0%"
    return text


def cells(rep: Report, t: Table, row: list, plain: bool = False) -> list[str]:
    return [format_value(v, c.kind, rep.malform, plain) for v, c in zip(row, t.columns)]


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
    per receiver and for the whole map; ``;``-separated with a decimal comma, as
    Norwegian spreadsheets read it. Several maps: a leading column names the map."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    several = len(reports) > 1
    for i, rep in enumerate(reports):
        t = rep.data
        if i == 0:
            with language(output_language(rep.malform)):
                w.writerow(([_("Kart")] if several else []) + [c.heading for c in t.columns])
        for r in t.rows:
            w.writerow(([rep.map_id] if several else []) + cells(rep, t, r, plain=True))
    return buf.getvalue()
