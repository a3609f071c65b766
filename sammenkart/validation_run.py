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
    the folders in which nothing was found (an error each: a folder with nothing
    to check is not a folder that passed)."""
    found: dict[str, list[Path]] = {"maps": [], "pathways": [], "cases": [], "figures": []}
    folder_given = False
    empty: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not loader.named_as_file(path):
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
    """Check the given files and folders (none: the bundled data); never raises for bad data.

    Pathways apply to the maps of their own ``kart/`` folder (docs/format.md),
    so with several folders given (``kart region``) each folder's maps are
    checked against its own pathways, and the same pathway id in two folders
    (a region's shared text and a municipality's adaptation) is no clash.
    Shared texts named by ``grunnlag`` are read once for the whole run."""
    shown_root = paths or None
    paths = paths or [str(data_paths.kart_dir().parent)]
    files, folder_given, empty = _files(paths)
    shared = loader.shared_files()
    ws = Workspace()
    for f in files["maps"]:
        loader.add(ws, ws.maps, *loader.load_map_file(f), _("kartet"))
    groups: dict[Path, Workspace] = {}  # kart/ folder -> its pathways
    for f in files["pathways"]:
        group = groups.setdefault(_kart_folder(f), Workspace())
        loader.add_pathway(group, *loader.load_pathway_file(f, shared), written=shared.read(f)[0])
        ws.problems.extend(group.problems)
        group.problems.clear()
    for f in files["cases"]:
        loader.add(ws, ws.cases, *loader.load_case_file(f), _("kasuset"))
    ws.problems.extend(figures.load_files(files["figures"], ws.maps, loader._shown, loader.load_map_file)[1])
    every = Workspace()
    for group in groups.values():
        loader.merge(every, group)
    notes: list[str] = []
    problems = [loader.nothing_found(Path(p)) for p in empty] + ws.problems
    if not folder_given and not files["maps"] and (files["pathways"] or files["cases"]):
        # Loose pathways or cases: their references are checked against the bundled maps.
        bundled = loader.load_bundled()
        pathways = every if every.pathways else bundled
        context = Workspace(maps=dict(bundled.maps), pathways=dict(pathways.pathways), cases=dict(ws.cases),
                            pathway_versions={pid: dict(v) for pid, v in pathways.pathway_versions.items()},
                            unusable_versions=pathways.unusable_versions)
        notes.append(_("Ingen kart ble gitt: referansene er sjekket mot eksempelkartene som følger med ({names}).").format(
            names=", ".join(m.navn for m in bundled.maps.values())))
        # Only what the user asked to check is reported, not bundled files used as context
        # (the shared texts the given pathways adapt are theirs: inherited steps point there).
        given = [Path(p).resolve() for p in shown_root or ()] + _shared_texts(every)
        problems += [p for p in loader.reference_problems(context) if _inside(Path(p.source.path).resolve(), given)]
    else:
        problems += _reference_problems(ws, groups, every)
    counts = {kind: len(found) for kind, found in files.items()}
    return Result(_unique(problems), counts, notes)


def _kart_folder(pathway_file: Path) -> Path:
    """The ``kart/`` folder whose maps a pathway file applies to (``kart/forlop/x.yaml`` -> ``kart/``)."""
    folder = pathway_file.resolve().parent
    return folder.parent if folder.name == "forlop" else folder


def _reference_problems(ws: Workspace, groups: dict[Path, Workspace], every: Workspace) -> list[Problem]:
    """Each map against the pathways of its own folder (all given pathways when
    its folder has none); cases against every given pathway."""
    by_folder: dict[Path | None, dict] = {}
    for m in ws.maps.values():
        folder = m.path.resolve().parent if m.path is not None else None
        by_folder.setdefault(folder if folder in groups else None, {})[m.id] = m
    out = []
    for folder, maps in by_folder.items():
        pw = groups[folder] if folder is not None else every
        context = Workspace(maps=maps, pathways=dict(pw.pathways), cases=dict(ws.cases),
                            pathway_versions={pid: dict(v) for pid, v in pw.pathway_versions.items()},
                            unusable_versions=pw.unusable_versions)
        out += loader.map_reference_problems(context)
    return out + loader.case_pathway_problems(Workspace(
        pathways=dict(every.pathways), cases=dict(ws.cases),
        pathway_versions={pid: dict(v) for pid, v in every.pathway_versions.items()},
        unusable_versions=every.unusable_versions))


def _shared_texts(ws: Workspace) -> list[Path]:
    out = []
    for p in ws.all_pathways():
        while p is not None and p.grunnlag is not None:
            out.append(p.grunnlag)
            p = p.base
    return out


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
