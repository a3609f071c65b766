"""`sammenkart validate`: check any mix of files and folders in one pass."""
from __future__ import annotations

from pathlib import Path

from . import figures, loader
from .model import Problem, Workspace


def _kind(path: Path) -> str:
    """map, pathway or case, from where the file sits (and, failing that, its content)."""
    if path.parent.name == "forlop":
        return "pathway"
    if path.parent.name == "kasus" or loader.looks_like_case(path):
        return "case"
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return "map"
    return "pathway" if "\nflyt:" in head and "\ntjenester:" not in head else "map"


def validate_paths(paths: list[str]) -> tuple[list[Problem], dict[str, int]]:
    ws = Workspace()
    if not paths:
        ws = loader.load_bundled()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            part = loader.load_workspace(path)
            # reference warnings are checked again below, over everything given together;
            # other warnings (a file's own, e.g. in henvisningsrett) stay
            again = set(loader.reference_problems(part))
            part.problems = [p for p in part.problems if p not in again]
            ws.problems.extend(part.problems)
            loader.merge(ws, part)
            continue
        if path.suffix.lower() == figures.SUFFIX:
            ws.problems.extend(figures.load_files([path], {}, loader._shown, loader.load_map_file)[1])
            continue
        kind = _kind(path)
        if kind == "map":
            loader.add(ws, ws.maps, *loader.load_map_file(path), "kart")
        elif kind == "pathway":
            loader.add_pathway(ws, *loader.load_pathway_file(path))
        else:
            loader.add(ws, ws.cases, *loader.load_case_file(path), "kasus")
    if paths:
        # References are checked once, over everything given together; loose
        # pathways or cases are checked against the bundled maps.
        if not ws.maps and (ws.pathways or ws.cases):
            bundled = loader.load_bundled()
            ws.maps = dict(bundled.maps)
            if not ws.pathways:
                ws.pathways = dict(bundled.pathways)
                ws.pathway_versions = {pid: dict(v) for pid, v in bundled.pathway_versions.items()}
        given = [Path(p).resolve() for p in paths]
        ws.problems.extend(
            p for p in loader.reference_problems(ws) if _inside(Path(p.source.path).resolve(), given)
        )
    counts = {"maps": len(ws.maps), "pathways": len(ws.all_pathways()), "cases": len(ws.cases)}
    return _unique(ws.problems), counts


def _inside(path: Path, roots: list[Path]) -> bool:
    """Only report on what the user asked to check, not on bundled files used as context."""
    return any(path == r or r in path.parents for r in roots)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
