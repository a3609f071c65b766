"""`sammenkart validate`: check any mix of files and folders in one pass.

A folder is checked alone: its maps, the pathways in its ``forlop/``, its
cases and its figures (``tal/``), never anything outside it. Only when the user gives loose pathway or
case files and no map at all are they checked against the bundled example
maps, and the result says so. The counts are the files that were read, also
those with errors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import figures, loader
from . import paths as data_paths
from .i18n import _
from .model import Problem, Workspace
from .yamlfile import read_head


@dataclass
class Result:
    problems: list[Problem]
    counts: dict[str, int]  # files read: "maps", "pathways", "cases", "figures"
    notes: list[str] = field(default_factory=list)  # what else was used to check them


def _kind(path: Path) -> str:
    """map, pathway or case, from where the file sits (and, failing that, its content)."""
    if path.parent.name == "forlop":
        return "pathway"
    head = read_head(path)  # "" for a FIFO or device: it is then refused as a map
    if path.parent.name == "kasus" or ("\nsteg:" in head and "\ntjenester:" not in head):
        return "case"
    return "pathway" if "\nflyt:" in head and "\ntjenester:" not in head else "map"


def _files(paths: list[str]) -> tuple[dict[str, list[Path]], bool, list[str]]:
    """Files per kind for what the user gave, each once; whether a folder was given;
    the folders in which nothing was found."""
    found: dict[str, list[Path]] = {"maps": [], "pathways": [], "cases": [], "figures": []}
    folder_given = False
    empty: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folder_given = True
            maps, pathways, cases = loader.workspace_files(path, siblings=False)
            tal = path if path.name == figures.FOLDER else path / figures.FOLDER
            found["maps"] += maps
            found["pathways"] += pathways
            found["cases"] += cases
            found["figures"] += figures.figure_files(tal)
            if not (maps or pathways or cases or figures.figure_files(tal)):
                empty.append(raw)
        elif path.suffix.lower() == figures.SUFFIX:
            found["figures"].append(path)
        else:
            found[{"map": "maps", "pathway": "pathways", "case": "cases"}[_kind(path)]].append(path)
    for kind, files in found.items():
        seen, unique = set(), []
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                unique.append(f)
        found[kind] = unique
    return found, folder_given, empty


def validate_paths(paths: list[str]) -> tuple[list[Problem], dict[str, int]]:
    """(problems, map/pathway/case files read) for the given files and folders; see ``validate``."""
    result = validate(paths)
    return result.problems, {k: result.counts[k] for k in ("maps", "pathways", "cases")}


def validate(paths: list[str]) -> Result:
    """Check the given files and folders (none: the bundled data); never raises for bad data."""
    shown_root = paths or None
    paths = paths or [str(data_paths.kart_dir().parent)]
    files, folder_given, empty = _files(paths)
    ws = Workspace()
    for f in files["maps"]:
        loader.add(ws, ws.maps, *loader.load_map_file(f), _("kartet"))
    for f in files["pathways"]:
        loader.add_pathway(ws, *loader.load_pathway_file(f))
    for f in files["cases"]:
        loader.add(ws, ws.cases, *loader.load_case_file(f), _("kasuset"))
    ws.problems.extend(figures.load_files(files["figures"], ws.maps, loader._shown, loader.load_map_file)[1])
    notes = [_("Fant ingen kart, forløp eller kasus i «{path}» (ventet .yaml-filer i kart/, kart/forlop/ eller kasus/).").format(
        path=p) for p in empty]
    context = ws
    if not folder_given and not files["maps"] and (files["pathways"] or files["cases"]):
        # Loose pathways or cases: their references are checked against the bundled maps.
        bundled = loader.load_bundled()
        pathways = ws if ws.pathways else bundled
        context = Workspace(maps=dict(bundled.maps), pathways=dict(pathways.pathways), cases=dict(ws.cases),
                            pathway_versions={pid: dict(v) for pid, v in pathways.pathway_versions.items()})
        notes.append(_("Ingen kart ble gitt: referansene er sjekket mot eksempelkartene som følger med ({names}).").format(
            names=", ".join(m.navn for m in bundled.maps.values())))
    problems = list(ws.problems)
    if shown_root is None:
        problems += loader.reference_problems(context)
    else:
        given = [Path(p).resolve() for p in shown_root]
        # Only what the user asked to check is reported, not bundled files used as context.
        problems += [p for p in loader.reference_problems(context) if _inside(Path(p.source.path).resolve(), given)]
    counts = {kind: len(found) for kind, found in files.items()}
    return Result(_unique(problems), counts, notes)


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
