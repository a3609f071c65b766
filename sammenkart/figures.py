"""Referral and rejection figures (``tal/<kart-id>.csv``): read, check, derive.

Pure Python. The file format is fixed in the data-format contract ("Figures",
version 1.1) and described for users in docs/format.md: UTF-8 (a byte-order
mark is allowed), a header row naming the columns
``ar;kommune;mottaker;henvisninger;avslag;barn`` in any order, separator
``;`` or ``,`` (the header decides: ``;`` when it has one), one row per year,
municipality and receiving service. Lines starting with ``#`` are comments;
those before the header are the file's note (e.g. "example figures"), shown
with the figures. Cells may be quoted with ``"`` (Excel does it).

Every problem is a ``Problem`` at ``path:line:column``, the column being where
the offending cell starts (1-based, in characters). A row with an error is
left out and reported (``FigureTable.left_out``), and the municipality-year
it belongs to is *incomplete* (``incomplete``): the one computation of the
figures (``figures_summary``) then leaves that municipality out of the year's
sums and marks it, so a year is never shown as if the left-out row were not
there. A row whose municipality the map does not know is such a row (an
error: it must never enter a region's totals); a receiver the map does not
know is only warned about. A row with every cell empty (``;;;;;``, as Excel
saves an emptied row) is skipped like a blank line.

Derived figures (the contract, "Figures"): avslagsprosent = avslag /
henvisninger, given here in percent (0–100); henvisningsrate = henvisninger
per 1,000 barn (inhabitants aged 0–17). Children are counted once per
municipality and year, however many receivers it has rows for.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import SLUG, suggestion
from .i18n import _
from .model import Map, Problem, Source
from .yamlfile import read_text

FOLDER = "tal"
SUFFIX = ".csv"
COLUMNS = ("ar", "kommune", "mottaker", "henvisninger", "avslag", "barn")
COUNTS = ("henvisninger", "avslag", "barn")
FIRST_YEAR, LAST_YEAR = 1900, 2200  # a year outside is a typo (20244), not data
_DIGITS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class FigureRow:
    """One row of a figures file: one year, municipality and receiver."""

    ar: int
    kommune: str
    mottaker: str  # a reference: service id or type, like ``bup``
    henvisninger: int  # referrals received that year
    avslag: int  # referrals rejected, <= henvisninger
    barn: int  # inhabitants aged 0–17 in the municipality that year
    source: Source  # the row's line, column 1
    columns: tuple[int, ...] = ()  # where each cell starts, in the order of COLUMNS

    def at(self, name: str) -> Source:
        """Where the cell of column ``name`` was written (for a message about it)."""
        col = self.columns[COLUMNS.index(name)] if self.columns else 1
        return Source(self.source.path, self.source.line, col)


@dataclass(frozen=True)
class LeftOut:
    """A row left out for an error: its line, and the year and municipality it
    belongs to as far as they could be read (None: unknown)."""

    line: int
    ar: int | None
    kommune: str | None


@dataclass
class FigureTable:
    """The usable rows of one ``tal/<id>.csv`` (for the map with that id)."""

    id: str
    rows: list[FigureRow]
    note: str = ""  # the comment lines before the header, joined by newlines
    path: Path | None = None
    problems: list[Problem] = field(default_factory=list)  # what reading and checking found
    left_out: list[LeftOut] = field(default_factory=list)  # rows with an error, not in ``rows``
    usable: bool = True  # False: the file could not be used at all (no header, a column missing)

    def years(self) -> list[int]:
        return sorted({r.ar for r in self.rows})

    def kommuner(self) -> list[str]:
        """Municipalities in order of first appearance."""
        return list(dict.fromkeys(r.kommune for r in self.rows))

    def mottakere(self) -> list[str]:
        return list(dict.fromkeys(r.mottaker for r in self.rows))

    def incomplete(self) -> dict[tuple[int, str], list[int]]:
        """``{(year, municipality): [lines]}``: the municipality-years a left-out row belongs to."""
        out: dict[tuple[int, str], list[int]] = {}
        for r in self.left_out:
            if r.ar is not None and r.kommune is not None:
                out.setdefault((r.ar, r.kommune), []).append(r.line)
        return out

    def unplaced(self) -> dict[int | None, list[int]]:
        """``{year or None: [lines]}``: left-out rows whose municipality (or year) is not known."""
        out: dict[int | None, list[int]] = {}
        for r in self.left_out:
            if r.ar is None or r.kommune is None:
                out.setdefault(r.ar, []).append(r.line)
        return out


@dataclass(frozen=True)
class Figure:
    """Summed figures for a group of rows (a municipality, a receiver, a year)."""

    henvisninger: int
    avslag: int
    barn: int  # children counted once per municipality and year in the group

    @property
    def avslagsprosent(self) -> float | None:
        """Rejected referrals in percent of referrals (0–100); None without referrals."""
        return 100.0 * self.avslag / self.henvisninger if self.henvisninger else None

    @property
    def henvisningsrate(self) -> float | None:
        """Referrals per 1,000 children aged 0–17; None without children."""
        return 1000.0 * self.henvisninger / self.barn if self.barn else None


# ---------------------------------------------------------------- reading

def _cells(line: str, sep: str) -> tuple[list[tuple[str, int]], int | None]:
    """The cells of one line as (text, 1-based start column), and the column of an
    unterminated quote (None when the line is well formed).

    Spaces around a cell are ignored; the column is where its text starts.
    A quoted cell may hold the separator and doubled quotes (``""``).
    """
    cells: list[tuple[str, int]] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in " \t":
            i += 1
        start = i
        if i < n and line[i] == '"':
            i += 1
            text = []
            while True:
                if i >= n:
                    return cells, start + 1
                if line[i] == '"':
                    if i + 1 < n and line[i + 1] == '"':
                        text.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                text.append(line[i])
                i += 1
            j = line.find(sep, i)
            j = n if j < 0 else j
            cells.append(("".join(text) + line[i:j].rstrip(), start + 1))  # text after the quote stays
            i = j
        else:
            j = line.find(sep, i)
            j = n if j < 0 else j
            cells.append((line[i:j].strip(), start + 1))
            i = j
        if i >= n:
            return cells, None
        i += 1  # past the separator


def _lines(text: str) -> list[str]:
    # Only "\n" (and "\r\n") end a line, so line numbers agree with editors.
    return [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]


def read_figures(path, shown: str | None = None) -> tuple[FigureTable | None, list[Problem]]:
    """Read one figures file; returns (table or None, problems). Never raises for bad content.

    None when the file cannot be read at all (too big, not UTF-8, no header,
    a required column missing); otherwise the table of the rows without errors.
    """
    path = Path(path)
    shown = shown or str(path)
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    table, more = parse_figures(text, shown, path.stem)
    if table is not None:
        table.path = path
    return table, problems + more


def parse_figures(text: str, shown: str, ident: str) -> tuple[FigureTable | None, list[Problem]]:
    """Parse the text of a figures file (see the module docstring for the rules)."""
    problems: list[Problem] = []

    def error(line: int, col: int, message: str) -> None:
        problems.append(Problem(Source(shown, line, col), message))

    def warning(line: int, col: int, message: str) -> None:
        problems.append(Problem(Source(shown, line, col), message, "warning"))

    lines = _lines(text[1:] if text.startswith("\ufeff") else text)
    note: list[str] = []
    header_no = None
    for no, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("#"):
            note.append(stripped[1:].strip())
        elif stripped:
            header_no = no
            break
    if header_no is None:
        error(1, 1, _("filen har ingen overskriftsrad; den første raden skal være {columns}").format(
            columns=";".join(COLUMNS)))
        return None, problems

    header_line = lines[header_no - 1]
    sep = ";" if ";" in header_line else ","
    head, bad_quote = _cells(header_line, sep)
    if bad_quote:
        error(header_no, bad_quote, _("anførselstegnet blir ikke avsluttet på linjen"))
        return None, problems
    index: dict[str, int] = {}
    unknown: list[tuple[str, int]] = []
    for pos, (name, col) in enumerate(head):
        key = name.lower()
        if key in index:
            error(header_no, col, _("kolonnen «{name}» står to ganger").format(name=name))
        elif key in COLUMNS:
            index[key] = pos
        else:
            unknown.append((name, col))
    missing = [c for c in COLUMNS if c not in index]
    for name, col in unknown:
        near = suggestion(name.lower(), missing)
        if near:
            error(header_no, col, _("ukjent kolonne «{name}»; mente du «{near}»?").format(name=name, near=near))
            missing.remove(near)
        else:
            warning(header_no, col, _("ukjent kolonne «{name}» blir ikke lest (kjente kolonner: {columns})").format(
                name=name, columns=", ".join(COLUMNS)))
    for name in missing:
        error(header_no, len(header_line) + 1, _("kolonnen «{name}» mangler; overskriftsraden skal ha {columns}").format(
            name=name, columns=sep.join(COLUMNS)))
    if any(p.is_error for p in problems):
        return None, problems

    rows: list[FigureRow] = []
    left_out: list[LeftOut] = []

    def leave_out(no: int, cells: list[tuple[str, int]]) -> None:
        year = cells[index["ar"]][0] if index["ar"] < len(cells) else ""
        kommune = cells[index["kommune"]][0] if index["kommune"] < len(cells) else ""
        left_out.append(LeftOut(no, int(year) if _DIGITS.match(year) and FIRST_YEAR <= int(year) <= LAST_YEAR
                                else None, kommune or None))

    seen: dict[tuple[int, str, str], int] = {}
    barn_seen: dict[tuple[int, str], tuple[int, int]] = {}
    for no in range(header_no + 1, len(lines) + 1):
        line = lines[no - 1]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        cells, bad_quote = _cells(line, sep)
        if bad_quote:
            error(no, bad_quote, _("anførselstegnet blir ikke avsluttet på linjen"))
            leave_out(no, cells)
            continue
        if not any(text_ for text_, _col in cells):
            continue  # an emptied spreadsheet row (";;;;;"): a blank line
        if len(cells) != len(head):
            col = cells[len(head)][1] if len(cells) > len(head) else len(line) + 1
            error(no, col, _("raden har {n} celler, men overskriftsraden har {m}").format(n=len(cells), m=len(head)))
            leave_out(no, cells)
            continue
        row_errors = len([p for p in problems if p.is_error])
        value: dict[str, object] = {}
        for name in COLUMNS:
            text_, col = cells[index[name]]
            if name == "ar":
                if not _DIGITS.match(text_) or not FIRST_YEAR <= int(text_) <= LAST_YEAR:
                    error(no, col, _("«{value}» er ikke et årstall").format(value=text_))
                    continue
                value[name] = int(text_)
            elif name in COUNTS:
                if not _DIGITS.match(text_):
                    error(no, col, _("«{value}» i kolonnen «{name}» er ikke et helt tall (skriv sifrene uten mellomrom, for eksempel 1250)").format(
                        value=text_, name=name) if text_ else _("kolonnen «{name}» er tom; skriv et helt tall").format(name=name))
                    continue
                value[name] = int(text_)
            elif not text_:
                error(no, col, _("kolonnen «{name}» er tom").format(name=name))
            elif name == "mottaker" and not SLUG.match(text_):
                error(no, col, _("«{value}» er ikke en gyldig referanse (små bokstaver a–z, tall og bindestrek, som «bup»)").format(
                    value=text_))
            else:
                value[name] = text_
        if "avslag" in value and "henvisninger" in value and value["avslag"] > value["henvisninger"]:
            error(no, cells[index["avslag"]][1], _("avslag ({avslag}) er flere enn henvisninger ({henvisninger})").format(
                avslag=value["avslag"], henvisninger=value["henvisninger"]))
        if "barn" in value and value["barn"] == 0:
            error(no, cells[index["barn"]][1], _("«barn» må være større enn 0 (antall innbyggere 0–17 år)"))
        if len([p for p in problems if p.is_error]) > row_errors:
            leave_out(no, cells)
            continue
        key = (value["ar"], value["kommune"], value["mottaker"])
        if key in seen:
            error(no, cells[index["ar"]][1], _("samme år, kommune og mottaker som på linje {line}").format(line=seen[key]))
            leave_out(no, cells)
            continue
        seen[key] = no
        first = barn_seen.setdefault((value["ar"], value["kommune"]), (value["barn"], no))
        if first[0] != value["barn"]:
            warning(no, cells[index["barn"]][1], _("barn er {here} her, men {there} på linje {line} (samme år og kommune); tallet fra linje {line} blir brukt").format(
                here=value["barn"], there=first[0], line=first[1]))
        rows.append(FigureRow(source=Source(shown, no, 1), columns=tuple(cells[index[c]][1] for c in COLUMNS), **value))
    if not rows and not any(p.is_error for p in problems):
        warning(header_no, 1, _("filen har ingen rader med tall"))
    return FigureTable(ident, rows, "\n".join(note).strip(), left_out=left_out), problems


# ---------------------------------------------------------------- checking against a map

def municipality_names(m: Map) -> list[str]:
    """The names a figures row may use for ``kommune``: the map's municipalities
    (``kommune`` keys, in map order) and the map's own name."""
    names = dict.fromkeys(s.kommune for s in m.tjenester if s.kommune)
    names.setdefault(m.navn, None)
    return list(names)


def map_problems(table: FigureTable, m: Map) -> list[Problem]:
    """Check ``table`` against its map; returns the problems and leaves out (from
    ``table.rows``, into ``table.left_out``) every row whose municipality the map
    does not know: such a row would count its children a second time in the
    map's totals (tester 5). It is a warning at the cell, as the format
    contract has it (/work/shared/format.md, "Figures": unknown municipality
    or reference), and the message says the row is not counted. The left-out row
    belongs to the suggested municipality when there is one ("Sjøvk" is
    Sjøvik's row), which makes that municipality-year incomplete. A receiver
    the map does not know is a warning and the row stays."""
    out: list[Problem] = []
    names = municipality_names(m)
    known = set(names)
    told: set[str] = set()
    kept: list[FigureRow] = []
    for r in table.rows:
        if r.kommune not in known:
            near = suggestion(r.kommune, names)
            hint = _("; mente du «{near}»?").format(near=near) if near else ""
            out.append(Problem(r.at("kommune"), _(
                "{map} har ingen kommune «{kommune}»{hint} Raden er ikke med i tallene.").format(
                map=m.navn, kommune=r.kommune, hint=hint or "."), "warning"))
            table.left_out.append(LeftOut(r.source.line, r.ar, near))
            continue
        kept.append(r)
        if not m.resolve(r.mottaker) and r.mottaker not in told:
            told.add(r.mottaker)
            out.append(Problem(r.at("mottaker"), _("{map} har ingen «{ref}» i kartet (mottaker i tallene)").format(
                map=m.navn, ref=r.mottaker), "warning"))
    table.rows = kept
    table.left_out.sort(key=lambda r: r.line)
    return out


# ---------------------------------------------------------------- folders and workspaces

def folder_for(path) -> Path | None:
    """The ``tal/`` folder that belongs with a path given to the loader:
    a folder holding ``kart/``, a ``kart/`` folder, a map file, or ``tal/`` itself."""
    path = Path(path)
    if path.is_file():
        return path.parent.parent / FOLDER
    if path.name == FOLDER:
        return path
    if (path / "kart").is_dir():
        return path / FOLDER
    if path.name == "kart":
        return path.parent / FOLDER
    return None


def figure_files(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == SUFFIX)


def load_files(files: list[Path], maps: dict[str, Map], shown: Callable[[Path], str] = str,
               load_map: Callable | None = None) -> tuple[dict[str, FigureTable], list[Problem]]:
    """Read figures files, each checked against the map with its id.

    ``maps`` are the maps already loaded; ``load_map(path) -> (Map | None, problems)``
    reads ``kart/<id>.yaml`` beside the ``tal/`` folder when the map is not among
    them (``sammenkart validate tal`` or one CSV file). Returns (tables by id,
    problems). A file that cannot be read gives a table without rows, so its
    problems stay with it (``FigureTable.problems``).
    """
    tables: dict[str, FigureTable] = {}
    problems: list[Problem] = []
    for f in files:
        name = shown(f)
        table, found = read_figures(f, name)
        if table is None:
            table = FigureTable(f.stem, [], path=f, usable=False)
        m = maps.get(f.stem)
        beside = f.parent.parent / "kart" / f"{f.stem}.yaml"
        if m is None and load_map is not None and beside.is_file():
            m = load_map(beside)[0]
        owner = _owner_by_name(f.stem, maps, f.parent.parent / "kart") if m is None else None
        if owner is not None:
            # "brattfjord-2025.csv": a year's figures in a file of their own are never read
            # as the map's; say where they go rather than "no such map" (tester 5).
            found.append(Problem(Source(name, 1, 1), _(
                "tallene for kartet «{id}» skal stå i tal/{id}.csv (alle år i én fil); flytt radene fra "
                "denne filen dit. Denne filen blir ikke brukt.").format(id=owner)))
            table.rows = []
        elif table.rows and m is None:
            found.append(Problem(Source(name, 1, 1), _(
                "fant ikke kartet «{id}» (kart/{id}.yaml) som tallene hører til; kommuner og mottakere blir ikke sjekket").format(
                id=f.stem), "warning"))
        elif m is not None:
            found.extend(map_problems(table, m))
        if table.id in tables:
            found.append(Problem(Source(name, 1, 1), _("tallene for «{id}» finnes allerede i {other}").format(
                id=table.id, other=shown(tables[table.id].path))))
        else:
            tables[table.id] = table
        table.problems = found
        problems.extend(found)
    return tables, problems


def _owner_by_name(stem: str, maps: dict[str, Map], kart: Path) -> str | None:
    """The map a figures file named ``<map id>-<something>`` was meant for, if that map exists."""
    ids = set(maps) | ({p.stem for p in kart.glob("*.yaml")} if kart.is_dir() else set())
    owners = [i for i in ids if stem.startswith(i + "-")]
    return max(owners, key=len) if owners else None


def load_into(ws, path, shown: Callable[[Path], str] = str, load_map: Callable | None = None) -> list[Problem]:
    """The loader's hook: load the figures that belong with ``path`` (what the user
    gave ``load_workspace``) into ``ws.figures``; returns their problems."""
    tables, problems = load_files(figure_files(folder_for(path)), ws.maps, shown, load_map)
    ws.figures.update(tables)
    return problems


def problems_of(ws) -> list[Problem]:
    """Every problem the workspace's figures files gave (errors and warnings)."""
    return [p for t in ws.figures.values() for p in t.problems]


# ---------------------------------------------------------------- derived figures

def summarize(rows: Iterable[FigureRow], key: Callable[[FigureRow], Hashable]) -> dict:
    """Sum rows into groups: ``{key(row): Figure}``, groups in order of first row.

    Children are counted once per (year, municipality) within each group, so a
    municipality with rows for BUP and habilitering is not counted twice.
    """
    henv: dict = {}
    avsl: dict = {}
    barn: dict = {}
    counted: dict = {}
    for r in rows:
        k = key(r)
        henv[k] = henv.get(k, 0) + r.henvisninger
        avsl[k] = avsl.get(k, 0) + r.avslag
        seen = counted.setdefault(k, set())
        if (r.ar, r.kommune) not in seen:
            seen.add((r.ar, r.kommune))
            barn[k] = barn.get(k, 0) + r.barn
    return {k: Figure(henv[k], avsl[k], barn[k]) for k in henv}


def for_year(table: FigureTable, year: int) -> list[FigureRow]:
    return [r for r in table.rows if r.ar == year]


def by_kommune(table: FigureTable, year: int) -> dict[str, Figure]:
    """Each municipality's figures for one year, all receivers together."""
    return summarize(for_year(table, year), lambda r: r.kommune)


def by_mottaker(table: FigureTable, year: int) -> dict[str, Figure]:
    """Each receiving service's figures for one year, all municipalities together;
    the rate is per 1,000 children of the municipalities with rows for it."""
    return summarize(for_year(table, year), lambda r: r.mottaker)


def total(table: FigureTable, year: int) -> Figure:
    """The whole map's figures for one year (the region total on a region map)."""
    return summarize(for_year(table, year), lambda r: None).get(None, Figure(0, 0, 0))


def trend(table: FigureTable, key: Callable[[FigureRow], Hashable], years: Iterable[int] | None = None) -> dict:
    """``{group: {year: Figure}}`` over the years (all years of the table by default)."""
    wanted = set(table.years() if years is None else years)
    per = summarize((r for r in table.rows if r.ar in wanted), lambda r: (key(r), r.ar))
    out: dict = {}
    for (group, year), fig in per.items():
        out.setdefault(group, {})[year] = fig
    return {g: dict(sorted(v.items())) for g, v in out.items()}


def change(series: dict[int, Figure], measure: str) -> float | None:
    """Last year's value minus the first year's, for ``measure`` "henvisningsrate"
    (per 1,000) or "avslagsprosent" (percentage points); None when either is missing
    or there is only one year."""
    if len(series) < 2:
        return None
    years = sorted(series)
    first, last = getattr(series[years[0]], measure), getattr(series[years[-1]], measure)
    return None if first is None or last is None else last - first
