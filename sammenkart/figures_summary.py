"""The one computation of a map's referral and rejection figures for a year.

Pure Python. The window's figures panel and slide (``figures_view.tables``,
``trend_series``), the poster's figures block and ``sammenkart tal`` (terminal,
PDF, Markdown, CSV: ``figures_report``) all read a ``Summary`` made here, so
they cannot disagree (tester 5 found the window and the CLI giving different
totals for one file).

**Incomplete municipality-years** (docs/format.md, "Tall"). A row left out
for an error (``figures.FigureTable.left_out``) belongs to a year and a
municipality when they could be read (a misspelt municipality belongs to the
one suggested). That municipality-year is *incomplete*: what is left of it
would read as a fall in referrals that did not happen. So none of its rows
count anywhere, that year: its own line has no figure and is marked, the
receivers' lines and the total are summed over the other municipalities and
name the ones left out, and no change is computed from an incomplete year for
a line it touches. A left-out row whose municipality is unknown makes the
year's sums incomplete without naming anyone.

The derived figures are ``figures.Figure``'s (the data-format contract).
"""
from __future__ import annotations

from dataclasses import dataclass

from .figures import Figure, FigureRow, FigureTable, municipality_names, summarize
from .i18n import _
from .model import Map
from .regional import kommuner_shown, source_of


@dataclass(frozen=True)
class Summary:
    """Figures in scope up to ``year``: ``{key: {year: Figure}}`` per group, complete
    municipality-years only (an incomplete municipality-year has no entry)."""

    year: int
    years: tuple[int, ...]  # every year in scope up to ``year``, ascending
    kommuner: tuple[str, ...]  # in the map's order, then any other
    mottakere: tuple[str, ...]  # references, in order of first row
    per_kommune: dict[str, dict[int, Figure]]
    per_mottaker: dict[str, dict[int, Figure]]
    total: dict[int, Figure]
    missing: dict[int, tuple[str, ...]]  # year -> municipalities left out of that year's sums
    unplaced: dict[int, tuple[int, ...]]  # year -> lines of left-out rows of no known municipality
    lines: dict[int, tuple[int, ...]]  # year -> lines of every left-out row of that year in scope

    @property
    def first(self) -> int:
        return self.years[0]

    def complete(self, year: int) -> bool:
        return not self.missing.get(year) and not self.unplaced.get(year)

    def change(self, history: dict[int, Figure], measure: str, summed: bool = True) -> float | None:
        """``year``'s value minus the first year's, for ``measure`` "henvisningsrate"
        (per 1,000) or "avslagsprosent" (percentage points). None with one year, a
        missing value, or (for a line summed over municipalities) an incomplete end."""
        if len(self.years) < 2:
            return None
        if summed and not (self.complete(self.first) and self.complete(self.year)):
            return None
        a, b = history.get(self.first), history.get(self.year)
        va, vb = (getattr(a, measure) if a else None), (getattr(b, measure) if b else None)
        return None if va is None or vb is None else vb - va

    def kommune_label(self, name: str, year: int | None = None) -> str:
        """A municipality's name, marked when its ``year`` (default the summary's) is incomplete."""
        year = self.year if year is None else year
        return _("{navn} (ufullstendig)").format(navn=name) if name in self.missing.get(year, ()) else name

    def summed_label(self, name: str, year: int | None = None) -> str:
        """A line summed over municipalities (a receiver, the total), marked when ``year`` is incomplete."""
        year = self.year if year is None else year
        left = self.missing.get(year, ())
        if self.unplaced.get(year):
            return _("{navn} (ufullstendig)").format(navn=name)
        if left:
            return _("{navn} (uten {kommuner})").format(navn=name, kommuner=", ".join(left))
        return name

    def notes(self) -> list[str]:
        """A sentence per incomplete year up to ``year``: what is left out and why."""
        out = []
        for y in self.years:
            if self.complete(y):
                continue
            where = ", ".join(str(n) for n in self.lines.get(y, ()))
            who = ", ".join(self.missing.get(y, ())) or _("en ukjent kommune")
            out.append(_("Ufullstendig {ar}: rader med feil er utelatt (linje {linjer}). {kommuner} er ikke med i "
                         "summene for {ar}, og endringer blir ikke regnet ut fra et ufullstendig år.").format(
                ar=y, linjer=where, kommuner=who))
        return out


def scope(m: Map) -> list[str] | None:
    """The municipalities ``m`` stands for; None for a municipal map (its table counts whole)."""
    return None if source_of(m).type != "region" else kommuner_shown(m)


def scoped_rows(table: FigureTable, m: Map) -> list[FigureRow]:
    """The rows of the municipalities ``m`` stands for (all rows of a municipal map's table)."""
    wanted = scope(m)
    return list(table.rows) if wanted is None else [r for r in table.rows if r.kommune in set(wanted)]


def years_in_scope(m: Map, table: FigureTable) -> list[int]:
    wanted = scope(m)
    years = {r.ar for r in scoped_rows(table, m)}
    years |= {y for (y, k) in table.incomplete() if wanted is None or k in wanted}
    return sorted(years)


def summary(m: Map, table: FigureTable, year: int | None = None) -> Summary:
    """The figures of ``table`` as ``m`` shows them, for ``year`` (default: the latest
    in scope) and the years before it. Raises ``ValueError`` when ``year`` has none."""
    all_years = years_in_scope(m, table)
    if year is None:
        year = all_years[-1] if all_years else 0
    if year not in all_years:
        raise ValueError(_("det finnes ingen tall for {ar}; tallene gjelder {years}").format(
            ar=year, years=", ".join(str(y) for y in all_years) or "–"))
    years = tuple(y for y in all_years if y <= year)
    wanted = scope(m)
    whole = wanted is None or len(wanted) > 1  # a left-out row of no known municipality may be this scope's
    incomplete = {key: lines for key, lines in table.incomplete().items()
                  if key[0] in years and (wanted is None or key[1] in wanted)}
    unplaced = {y: tuple(lines) for y, lines in table.unplaced().items() if whole and y in years}
    rows = [r for r in scoped_rows(table, m) if r.ar in years and (r.ar, r.kommune) not in incomplete]
    order = municipality_names(m)
    present = list(dict.fromkeys([r.kommune for r in scoped_rows(table, m)] + [k for (_y, k) in incomplete]))
    kommuner = tuple([k for k in order if k in present] + [k for k in present if k not in order])
    missing: dict[int, tuple[str, ...]] = {}
    for y in years:
        left = [k for k in kommuner if (y, k) in incomplete]
        if left:
            missing[y] = tuple(left)
    lines: dict[int, tuple[int, ...]] = {}
    for y in years:
        found = sorted([n for (yy, _k), ls in incomplete.items() if yy == y for n in ls] + list(unplaced.get(y, ())))
        if found:
            lines[y] = tuple(found)

    def history(key) -> dict:
        out: dict = {}
        for (group, y), f in summarize(rows, lambda r: (key(r), r.ar)).items():
            out.setdefault(group, {})[y] = f
        return {g: dict(sorted(v.items())) for g, v in out.items()}

    return Summary(
        year=year, years=years, kommuner=kommuner,
        mottakere=tuple(dict.fromkeys(r.mottaker for r in scoped_rows(table, m))),
        per_kommune=history(lambda r: r.kommune), per_mottaker=history(lambda r: r.mottaker),
        total=history(lambda r: None).get(None, {}), missing=missing, unplaced=unplaced, lines=lines)
