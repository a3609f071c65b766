"""Referral and rejection figures on a shown map: the colouring, its scale, the tables and the trend.

Pure Python. What the window's figures view (*Vis → Tal*), its presentation
slide and a poster's figures block show, computed once here:

* **Scope.** A map shows some municipalities (``regional.kommuner_shown``):
  the regional view and the full region all of them, the municipality filter
  one. Only their rows count; a municipal map's own table counts whole.
* **What is coloured** (``grouping``). On a region shown with every service
  (each card belongs to one municipality) each card takes its municipality's
  figure: the municipalities read as patches of one shade. Elsewhere (the
  regional view, one municipality, a municipal map) the cards of the
  receiving services (``mottaker``: BUP, habilitering) take their figure for
  the municipalities in scope; the other cards have none.
* **Scale.** A few classes with round edges (``nice_edges``) over the values
  of *every year* in scope, so a card that darkens from one year to the next
  did rise. Fills are ``style.figure_fills`` (light = low).
* **Tables** (``tables``): per municipality (when more than one is in scope)
  and per receiver, for one year, with the change since the first year; and
  the trend (``trend_series``) of one measure over the years.
* **Two kinds of colour, never mixed.** A municipality (or receiver) has *one*
  colour and marker wherever it is a line or a row (``series_looks``: the
  trend's line, the mark before its name in the tables), from the order of
  the groups, in the colours of the look it is drawn in (``style.series_look``);
  the class colour of its *value* (``value_fills``, the scale's
  fill its cards have on the map) is shown behind the number in the tables,
  with the scale beside it, and never where the group's colour goes (tester:
  Sjøvik was orange in the table and blue in the chart).

The derived figures are ``figures.Figure``'s (the data-format contract):
avslagsprosent = avslag / henvisninger (in percent), henvisningsrate =
henvisninger per 1,000 children aged 0–17.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .emphasis import Colouring
from .figures import Figure, FigureTable
from .figures_summary import Summary, summary, years_in_scope
from .i18n import _
from .model import Map
from .regional import ALL, source_of, view_of
from .style import figure_fills, figure_none, series_look, series_total

MEASURES = ("henvisningsrate", "avslagsprosent")
BY_KOMMUNE, BY_MOTTAKER = "kommune", "mottaker"
MAX_CLASSES = 5


def measure_title(measure: str) -> str:
    return {"henvisningsrate": _("Henvisninger per 1\u00a0000 barn"),
            "avslagsprosent": _("Avslagsprosent")}[measure]


def trend_title(measure: str, years) -> str:
    """What a trend of ``measure`` over ``years`` (ascending ints) plots, with its unit:
    "Henvisninger per 1 000 barn, 2021–2024", "Avslag i prosent av henvisninger, 2021–2024".
    The chart in the panel and on the slide and the trend tables of ``sammenkart tal`` say
    it alike (a tester read a chart of the rejection percentage under "Henvisninger og avslag")."""
    years = list(years)
    if not years:
        return measure_title(measure)
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    text = {"henvisningsrate": _("Henvisninger per 1\u00a0000 barn, {span}"),
            "avslagsprosent": _("Avslag i prosent av henvisninger, {span}")}[measure]
    return text.format(span=span)


def change_heading(measure: str, since: int | None, unit: bool = True) -> str:
    """The heading of a column of changes in ``measure`` since the year ``since`` (None: no
    year to name), naming the measure: "Per 1 000, endring fra 2021", "Avslag, endring fra
    2021 (p.p.)" (percentage points; without "(p.p.)" when not ``unit``: where every cell
    says it, as on the slide, whose 4:3 page has no room for it twice). The slide's tables
    and the trend tables of ``sammenkart tal`` (a tester could not tell which figure
    "Endring fra 2021" was the change of)."""
    if measure == "henvisningsrate":
        text = _("Per 1\u00a0000, endring fra {ar}") if since is not None else _("Per 1\u00a0000, endring")
    elif unit:
        text = _("Avslag, endring fra {ar} (p.p.)") if since is not None else _("Avslag, endring (p.p.)")
    else:
        text = _("Avslag, endring fra {ar}") if since is not None else _("Avslag, endring")
    return text.format(ar=since)


def format_number(value: float | None, measure: str) -> str:
    """A figure as people read it: one decimal, decimal comma, "%" for percentages; "–" for none."""
    from .figures_report import PERCENT, RATE, format_value

    return format_value(value, PERCENT if measure == "avslagsprosent" else RATE)


def table_for(ws, m: Map) -> FigureTable | None:
    """The figures of the map in the file ``m`` is shown from (``tal/<id>.csv``), if any usable."""
    table = ws.figures.get(source_of(m).id) if ws is not None else None
    return table if table is not None and years_in_scope(m, table) else None


def grouping(m: Map) -> str:
    """``BY_KOMMUNE`` when every card of ``m`` belongs to one municipality of a
    region (the full region), else ``BY_MOTTAKER`` (see the module docstring)."""
    return BY_KOMMUNE if source_of(m).type == "region" and view_of(m) == ALL else BY_MOTTAKER


def _histories(s: Summary, by: str) -> dict[str, dict[int, Figure]]:
    return s.per_kommune if by == BY_KOMMUNE else s.per_mottaker


def card_values(m: Map, table: FigureTable, year: int, measure: str) -> dict[str, float | None]:
    """``{service id: value}`` for the cards the figures speak of (see ``grouping``);
    None where a card's group has no figure that year (or it is incomplete)."""
    s = summary(m, table, year)
    per = _histories(s, grouping(m))
    out: dict[str, float | None] = {}
    if grouping(m) == BY_KOMMUNE:
        for sv in m.tjenester:
            if sv.kommune in s.kommuner:
                f = per.get(sv.kommune, {}).get(year)
                out[sv.id] = getattr(f, measure) if f is not None else None
        return out
    for ref in s.mottakere:
        f = per.get(ref, {}).get(year)
        for sv in m.resolve(ref):
            out[sv.id] = getattr(f, measure) if f is not None else None
    return out


def nice_edges(values: list[float], classes: int = MAX_CLASSES) -> tuple[float, ...]:
    """Round class edges covering ``values``: at most ``classes`` classes of one
    width (1, 2, 2.5 or 5 times a power of ten). One value (or all equal): one
    class. Raises ``ValueError`` without values."""
    if not values:
        raise ValueError("no values")
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        return (lo, hi)
    raw = (hi - lo) / classes
    exp = math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10, 20):
        step = mult * 10 ** exp
        start = math.floor(lo / step + 1e-9) * step
        n = max(1, math.ceil((hi - start) / step - 1e-9))
        if n <= classes:
            return tuple(round(start + i * step, 10) for i in range(n + 1))
    raise AssertionError("unreachable: step 20×raw always fits")


def class_of(value: float, edges: tuple[float, ...]) -> int:
    """The class (0-based) of ``value``: [edge i, edge i+1), the last one closed."""
    for i in range(len(edges) - 2, -1, -1):
        if value >= edges[i] - 1e-9:
            return i
    return 0


@dataclass(frozen=True)
class Scale:
    edges: tuple[float, ...]
    fills: tuple[str, ...]  # one per class, light to dark
    none: str  # a card without a figure

    def fill(self, value: float | None) -> str:
        return self.none if value is None else self.fills[class_of(value, self.edges)]


def scale_for(m: Map, table: FigureTable, measure: str, variant: str = "normal") -> Scale | None:
    """The classes over every year's values in scope (None when there are none)."""
    per = _histories(summary(m, table), grouping(m))
    values = [v for h in per.values() for f in h.values() if (v := getattr(f, measure)) is not None]
    if not values:
        return None
    edges = nice_edges(values)
    return Scale(edges, figure_fills(len(edges) - 1, variant), figure_none(variant))


def colouring(m: Map, table: FigureTable, year: int, measure: str, variant: str = "normal") -> Colouring:
    """The cards of ``m`` filled by ``measure`` for ``year`` (see the module
    docstring); the legend lists the classes, low to high, and "no figures"."""
    scale = scale_for(m, table, measure, variant)
    none = figure_none(variant)
    values = card_values(m, table, year, measure)
    where = _("per kommune") if grouping(m) == BY_KOMMUNE else _("for mottakerne")
    title = _("{measure} {year}, {where}").format(measure=measure_title(measure), year=year, where=where)
    if scale is None:
        return Colouring(title, (), none, ((_("ingen tall"), none),))
    fills = tuple((sid, scale.fill(v)) for sid, v in values.items())
    legend = tuple((class_label(scale.edges[i], scale.edges[i + 1], measure), scale.fills[i])
                   for i in range(len(scale.fills)))
    return Colouring(title, fills, none, legend + ((_("ingen tall"), none),))


def class_label(lo: float, hi: float, measure: str) -> str:
    """"20–25" (per 1,000) or "20–25 %" (whole edges without decimals: "2,5–5"); one
    value when the class is a point."""
    from .figures_report import COUNT, RATE, format_value

    def edge(v: float) -> str:
        whole = abs(v - round(v)) < 1e-9
        return format_value(int(round(v)) if whole else v, COUNT if whole else RATE)

    a, b = edge(lo), edge(hi)
    return (a if a == b else f"{a}–{b}") + ("\u00a0%" if measure == "avslagsprosent" else "")


# ---------------------------------------------------------------- tables and trend

@dataclass(frozen=True)
class FigureLine:
    """One row of a figures table: a municipality, a receiver or the total."""

    key: str  # municipality name or receiver reference; "" for the total
    name: str  # as shown, marked when the year is incomplete for it ("Lyngnes (ufullstendig)")
    figure: Figure | None  # None: no rows that year, or an incomplete municipality-year
    change_rate: float | None  # henvisningsrate, the year minus the first year (per 1,000)
    change_pct: float | None  # avslagsprosent, the same in percentage points
    is_total: bool = False
    incomplete: bool = False  # the year is incomplete for this line (figures_summary)
    look: tuple[str, str] | None = None  # (colour, marker) of its line in the trend (``series_looks``); None: no line


@dataclass(frozen=True)
class FigureTableView:
    title: str
    by: str  # BY_KOMMUNE | BY_MOTTAKER
    lines: tuple[FigureLine, ...]  # the total last, when there is more than one group
    since: int | None = None  # the first year the changes are counted from (None: one year only)


def _receiver_name(m: Map, ref: str) -> str:
    from .figures_report import receiver_name

    return receiver_name(m, ref)


def total_name(m: Map, s: Summary) -> str:
    return _("Hele regionen") if source_of(m).type == "region" and len(s.kommuner) > 1 else _("I alt")


def _line(s: Summary, key: str, name: str, history: dict[int, Figure], summed: bool, is_total: bool = False):
    label = s.summed_label(name) if summed else s.kommune_label(name)
    return FigureLine(key, label, history.get(s.year), s.change(history, "henvisningsrate", summed),
                      s.change(history, "avslagsprosent", summed), is_total, label != name)


def lines_of(m: Map, s: Summary, by: str) -> list[FigureLine]:
    """The lines of one table (``by``) of ``s``: each group, then the total when there are several."""
    if by == BY_KOMMUNE:
        out = [_line(s, k, k, s.per_kommune.get(k, {}), False) for k in s.kommuner]
    else:
        out = [_line(s, r, _receiver_name(m, r), s.per_mottaker.get(r, {}), True) for r in s.mottakere]
    if len(out) > 1:
        out.append(_line(s, "", total_name(m, s), s.total, True, True))
    return out


TOTAL = "\0total"  # ``series_looks``' key of the total (no municipality or reference is named so)


def trend_grouping(s: Summary) -> str:
    """What the trend draws a line for: each municipality when more than one is in scope,
    else each receiver."""
    return BY_KOMMUNE if len(s.kommuner) > 1 else BY_MOTTAKER


def series_looks(s: Summary, variant: str = "normal") -> dict[str, tuple[str, str]]:
    """``{group key: (colour, marker)}``: the one colour and marker of each municipality (or
    receiver, ``trend_grouping``) wherever it is drawn as a group, its line in the trend and
    its mark in the tables; ``TOTAL`` for the total (when there is one: the look's ink, thicker
    in the chart). The ``i``-th group in the summary's order takes ``style.series_look(i,
    variant)``: colours readable on the look's background, told apart by colour-blind viewers,
    and a marker each, so they part in grey."""
    keys = s.kommuner if trend_grouping(s) == BY_KOMMUNE else s.mottakere
    out = {k: series_look(i, variant) for i, k in enumerate(keys)}
    if len(keys) > 1:
        out[TOTAL] = (series_total(variant), "circle")
    return out


def value_fills(m: Map, table: FigureTable, year: int, measure: str, variant: str = "normal") -> dict[str, str]:
    """``{group key: fill}``: the class colour of each group's ``measure`` in ``year`` on the
    scale the map is coloured by (``scale_for``), for the groups whose cards take it
    (``grouping``); empty when there is no scale. The tables show it behind the number."""
    scale = scale_for(m, table, measure, variant)
    if scale is None:
        return {}
    s = summary(m, table, year)
    by = grouping(m)
    keys = s.kommuner if by == BY_KOMMUNE else s.mottakere
    out = {}
    for k in keys:
        f = _histories(s, by).get(k, {}).get(year)
        out[k] = scale.fill(getattr(f, measure) if f is not None else None)
    return out


def tables(m: Map, table: FigureTable, year: int, variant: str = "normal") -> list[FigureTableView]:
    """Per municipality (when ``m`` stands for more than one) and per receiver, for ``year``;
    the rows' marks in the colours of the look ``variant`` (``series_looks``)."""
    s = summary(m, table, year)
    whole = summary(m, table)  # the trend's groups: every year of the file (a group may come later)
    looks = series_looks(whole, variant)
    out = []
    for by in ([BY_KOMMUNE] if len(s.kommuner) > 1 else []) + [BY_MOTTAKER]:
        title = (_("Per kommune, {ar}") if by == BY_KOMMUNE else _("Per mottaker, {ar}")).format(ar=year)
        lines = lines_of(m, s, by)
        if by == trend_grouping(whole):  # each row marked as its line in the trend
            lines = [replace(line, look=looks.get(TOTAL if line.is_total else line.key)) for line in lines]
        out.append(FigureTableView(title, by, tuple(lines), s.first if len(s.years) > 1 else None))
    return out


def notes(m: Map, table: FigureTable, year: int) -> list[str]:
    """What is incomplete up to ``year`` and why (``Summary.notes``)."""
    return summary(m, table, year).notes()


def trend_series(m: Map, table: FigureTable, measure: str, variant: str = "normal") -> tuple[list[int], list[tuple[str, dict[int, float],
                                                                                      tuple[str, str]]]]:
    """(years, [(name, {year: value}, (colour, marker))]) of ``measure`` per municipality (more
    than one in scope) or per receiver, then the total; every year of the file in scope, each
    line in its group's look in ``variant`` (``series_looks``, as its row in the tables). An incomplete
    municipality-year has no value."""
    s = summary(m, table)
    by = trend_grouping(s)
    keys = s.kommuner if by == BY_KOMMUNE else s.mottakere
    looks = series_looks(s, variant)
    out = []
    for k in keys:
        history = _histories(s, by).get(k, {})
        vals = {y: v for y, f in history.items() if (v := getattr(f, measure)) is not None}
        out.append((k if by == BY_KOMMUNE else _receiver_name(m, k), vals, looks[k]))
    if len(keys) > 1:
        out.append((total_name(m, s), {y: v for y, f in s.total.items() if (v := getattr(f, measure)) is not None},
                    looks[TOTAL]))
    return list(s.years), out
