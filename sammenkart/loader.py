"""Load maps, pathways and cases from files and folders into a Workspace.

Never raises for bad user data: every problem is collected in
``Workspace.problems`` with its file, line and column, and whatever loaded
cleanly is still there to use.
"""
from __future__ import annotations

import os
from pathlib import Path

from .i18n import _
from .model import Case, Map, Pathway, Problem, Source, Workspace
from .readers import read_case, read_map, read_pathway
from .yamlfile import load_yaml, parse_yaml
from . import paths

YAML_SUFFIXES = (".yaml", ".yml")


def _shown(path: Path) -> str:
    """The path as users will recognise it: relative to the working folder when inside it."""
    try:
        rel = Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.parts[:1] == ("..",) else str(rel)


def _load(path, reader):
    path = Path(path)
    shown = _shown(path)
    data, problems = load_yaml(path, shown)
    return _read(data, problems, path, shown, reader)


def _read(data, problems: list[Problem], path: Path, shown: str, reader):
    if data is None:
        return None, problems
    try:
        obj, more = reader(data, path, shown)
    except Exception as exc:  # noqa: BLE001 - a bug of ours must not become a user's traceback
        return None, problems + [Problem(Source(shown), _("intern feil ved lesing av filen ({error}); meld gjerne fra").format(
            error=f"{type(exc).__name__}: {exc}"))]
    return obj, problems + more


READERS = {"map": read_map, "pathway": read_pathway, "case": read_case}


def load_text(text: str, path, kind: str):
    """Read a file's text held in memory (the editor's unsaved state) exactly
    as ``load_*_file`` reads the file: (object or None, problems).
    ``kind``: "map", "pathway" or "case"."""
    path = Path(path)
    shown = _shown(path)
    data, problems = parse_yaml(text, shown)
    return _read(data, problems, path, shown, READERS[kind])


def load_map_file(path) -> tuple[Map | None, list[Problem]]:
    return _load(path, read_map)


def load_pathway_file(path) -> tuple[Pathway | None, list[Problem]]:
    return _load(path, read_pathway)


def load_case_file(path) -> tuple[Case | None, list[Problem]]:
    return _load(path, read_case)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES)


def add(ws: Workspace, store: dict, obj, problems: list[Problem], what: str) -> None:
    ws.problems.extend(problems)
    if obj is None:
        return
    if obj.id in store:
        first = store[obj.id]
        ws.problems.append(Problem(obj.source, _("{what} «{id}» finnes allerede i {other}").format(
            what=what, id=obj.id, other=_shown(first.path) if first.path else "?")))
        return
    store[obj.id] = obj


def _find_folders(path: Path) -> tuple[list[Path], Path | None, Path | None]:
    """(map files, pathway folder, case folder) for a path the user gave."""
    if path.is_file():
        kart = path.parent
        kasus = kart.parent / "kasus"
        return [path], kart / "forlop", kasus if kasus.is_dir() else None
    if (path / "kart").is_dir():
        return _yaml_files(path / "kart"), path / "kart" / "forlop", path / "kasus"
    if path.name == "forlop":
        return [], path, None
    if path.name == "kasus" or (_yaml_files(path) and all(looks_like_case(p) for p in _yaml_files(path))):
        return [], None, path
    return _yaml_files(path), path / "forlop", path.parent / "kasus" if (path.parent / "kasus").is_dir() else None


def looks_like_case(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return False
    return "\nsteg:" in head and "\ntjenester:" not in head


def load_workspace(path) -> Workspace:
    """Load a folder holding kart/ (and kasus/), a kart/ folder, or one map file."""
    path = Path(path)
    ws = Workspace(root=path)
    if not path.exists():
        ws.problems.append(Problem(Source(str(path)), _("finner ikke «{path}»").format(path=path)))
        return ws
    maps, forlop, kasus = _find_folders(path)
    for f in maps:
        add(ws, ws.maps, *load_map_file(f), _("kartet"))
    for f in _yaml_files(forlop) if forlop else []:
        add(ws, ws.pathways, *load_pathway_file(f), _("forløpet"))
    for f in _yaml_files(kasus) if kasus else []:
        add(ws, ws.cases, *load_case_file(f), _("kasuset"))
    ws.problems.extend(reference_problems(ws))
    return ws


def load_bundled() -> Workspace:
    """The example maps, pathways and cases shipped with Sammenkart.

    Installed or in a checkout, ``kart/`` and ``kasus/`` sit side by side, so
    the bundled data is just a workspace folder like any user's.
    """
    return load_workspace(paths.kart_dir().parent)


def merge(into: Workspace, other: Workspace) -> None:
    """Add another workspace's objects (e.g. bundled maps for checking loose cases)."""
    for store, extra in ((into.maps, other.maps), (into.pathways, other.pathways), (into.cases, other.cases)):
        for key, obj in extra.items():
            store.setdefault(key, obj)


def reference_problems(ws: Workspace) -> list[Problem]:
    """Warnings for pathway and case references a map cannot resolve (never errors)."""
    out: list[Problem] = []
    for m in ws.maps.values():
        for p in ws.pathways.values():
            for ref in p.references():
                if not m.resolve(ref):
                    out.append(Problem(_ref_source(p, ref), _("{map} har ingen «{ref}» i kartet (forløpet «{p}»)").format(
                        map=m.navn, ref=ref, p=p.navn), "warning"))
        for c in ws.cases.values():
            seen = set()
            for step in c.steg:
                for ref in [*step.involverte, *step.forslag]:
                    if ref not in seen and not m.resolve(ref):
                        seen.add(ref)
                        out.append(Problem(step.source, _("{map} har ingen «{ref}» i kartet (kasuset «{c}»)").format(
                            map=m.navn, ref=ref, c=c.tittel), "warning"))
    for c in ws.cases.values():
        if c.forlop and ws.pathways and c.forlop not in ws.pathways:
            out.append(Problem(c.source, _("kasuset viser til forløpet «{f}», som ikke finnes").format(f=c.forlop), "warning"))
    return out


def _ref_source(p: Pathway, ref: str) -> Source:
    if ref in p.roller:
        return p.roller[ref].source
    for st in p.flyt:
        if ref in (st.fra, st.til):
            return st.source
    return p.source
