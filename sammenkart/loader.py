"""Load maps, pathways and cases from files and folders into a Workspace.

Never raises for bad user data: every problem is collected in
``Workspace.problems`` with its file, line and column, and whatever loaded
cleanly is still there to use.
"""
from __future__ import annotations

import os
from pathlib import Path

from .checks import reference_hint
from .i18n import _
from . import adaptation, graph, paths, referral_rights
from .malform import malform_name, split_stem
from .model import Case, Map, Pathway, Problem, Source, Workspace
from .readers import read_case, read_map, read_pathway
from .yamlfile import load_yaml, parse_yaml, read_head
from . import figures

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


def read_parsed(parsed: tuple, path, kind: str):
    """``load_text`` from the text's parse already made: ``parsed`` is what
    ``yamlfile.parse_yaml(text, _shown(path))`` gives (data, problems).
    The editor reads an edited value again this way (``editing.reparse``)."""
    path = Path(path)
    data, problems = parsed
    return _read(data, list(problems), path, _shown(path), READERS[kind])


def load_map_file(path) -> tuple[Map | None, list[Problem]]:
    return _load(path, read_map)


def _raw_pathway(path) -> tuple[Pathway | None, list[Problem]]:
    return _load(path, read_pathway)


def shared_files() -> adaptation.SharedFiles:
    """A cache of pathway files for one load (``adaptation.SharedFiles``)."""
    return adaptation.SharedFiles(_raw_pathway)


def load_pathway_file(path, shared: adaptation.SharedFiles | None = None) -> tuple[Pathway | None, list[Problem]]:
    """A pathway as users see it: a local adaptation (``grunnlag``) comes merged
    over its shared text. ``shared``: the load's cache of pathway files, so a
    shared text named by many files is read once (a new one when None)."""
    shared = shared or shared_files()
    obj, problems = shared.read(path)
    if obj is None or obj.grunnlag is None:
        return obj, problems
    merged, more = adaptation.resolve(obj, shared, shown=_shown)
    return merged, problems + more


def load_case_file(path) -> tuple[Case | None, list[Problem]]:
    return _load(path, read_case)


def _yaml_files(folder: Path) -> list[Path]:
    """The entries of a folder named like data files (``*.yaml``, ``*.yml``).
    Every such entry is listed, whatever it is, so a folder, FIFO or device
    named like a data file is reported at its path (and never read), not
    silently skipped."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES)


def named_as_file(path: Path) -> bool:
    """True for a path the user gave that should be one data file: anything
    that is not a folder, and a folder named like a data file (``x.yaml``),
    which is then reported as a folder where a file should be."""
    return not path.is_dir() or path.suffix in YAML_SUFFIXES


def nothing_found(path: Path) -> Problem:
    """The error for a folder in which no data file was found (an empty folder,
    or one holding nothing Sammenkart reads)."""
    return Problem(Source(_shown(path)), _(
        "fant ingen kart, forløp eller kasus i mappen (ventet .yaml-filer i kart/, kart/forlop/ eller kasus/)"))


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


def add_pathway(ws: Workspace, obj: Pathway | None, problems: list[Problem], written: Pathway | None = None) -> None:
    """Keep one version of a pathway per målform (``angst.yaml`` and ``angst.nn.yaml``
    share the id ``angst``); ``ws.pathways`` keeps the bokmål one, or the first.

    ``obj`` None: the file gave no usable pathway. Its version (id and målform
    from ``written``, the file as read before its ``grunnlag`` was merged, or
    else from the file's name) is kept in ``ws.unusable_versions`` with its first
    error, so maps of that målform are not given the other målform's text."""
    ws.problems.extend(problems)
    if obj is None:
        key = _version_of(written, problems)
        first = next((p for p in problems if p.is_error), None)
        if key is not None and first is not None:
            ws.unusable_versions.setdefault(key[0], {}).setdefault(key[1], first)
        return
    versions = ws.pathway_versions.setdefault(obj.id, {})
    first = versions.get(obj.malform)
    if first is not None:
        ws.problems.append(Problem(obj.source, _("forløpet «{id}» på «{malform}» finnes allerede i {other}").format(
            id=obj.id, malform=obj.malform, other=_shown(first.path) if first.path else "?")))
        return
    versions[obj.malform] = obj
    if obj.id not in ws.pathways or obj.malform == "nb":
        ws.pathways[obj.id] = obj


def unusable_text(ws: Workspace, pathway_id: str, malform: str | None) -> str | None:
    """Why a map in ``malform`` is offered no version of a pathway although one
    was written for it (``Workspace.unusable``): one line naming the pathway,
    the målform and the error at its place; None when nothing was held back."""
    problem = ws.unusable(pathway_id, malform)
    if problem is None:
        return None
    return _("forløpet «{id}» på {malform} kan ikke brukes: {problem}").format(
        id=pathway_id, malform=malform_name(malform), problem=problem)


def _version_of(written: Pathway | None, problems: list[Problem]) -> tuple[str, str] | None:
    """(id, målform) of a pathway file that gave no pathway: as written in it, or,
    when it could not be read at all, from its name (``angst.nn.yaml``: angst, nn;
    without a målform in the name a file is bokmål, docs/format.md)."""
    if written is not None:
        return written.id, written.malform
    if not problems:
        return None
    name = Path(problems[0].source.path).name
    stem, dot, suffix = name.rpartition(".")
    if not dot or "." + suffix not in YAML_SUFFIXES:
        return None
    pid, malform = split_stem(stem)
    return pid, malform or "nb"


def workspace_files(path: Path, siblings: bool = True) -> tuple[list[Path], list[Path], list[Path]]:
    """(map files, pathway files, case files) for a path the user gave.

    ``path`` is a folder holding ``kart/`` (and ``kasus/``), a ``kart/`` folder
    (its ``forlop/`` inside), a ``forlop/`` or ``kasus/`` folder, or one map file.
    With ``siblings`` a map file or ``kart/`` folder also brings the ``kasus/``
    folder beside it (the app opens a whole workspace); without, only what is
    inside the path is listed (``validate MAPPE`` checks that folder and nothing else)."""
    if named_as_file(path):  # a file, or something else in its place: read (or refused) as a map
        kart = path.parent
        kasus = kart.parent / "kasus"
        return [path], _yaml_files(kart / "forlop") if siblings else [], _yaml_files(kasus) if siblings else []
    if (path / "kart").is_dir() or (path / "kasus").is_dir():
        return _yaml_files(path / "kart"), _yaml_files(path / "kart" / "forlop"), _yaml_files(path / "kasus")
    if path.name == "forlop":
        return [], _yaml_files(path), []
    if path.name == "kasus" or (_yaml_files(path) and all(looks_like_case(p) for p in _yaml_files(path))):
        return [], [], _yaml_files(path)
    kasus = path.parent / "kasus"
    return _yaml_files(path), _yaml_files(path / "forlop"), _yaml_files(kasus) if siblings else []


def looks_like_case(path: Path) -> bool:
    head = read_head(path)
    return "\nsteg:" in head and "\ntjenester:" not in head


def load_workspace(path) -> Workspace:
    """Load a folder holding kart/ (and kasus/), a kart/ folder, or one map file."""
    path = Path(path)
    if not path.exists():
        ws = Workspace(root=path)
        ws.problems.append(Problem(Source(str(path)), _("finner ikke «{path}»").format(path=path)))
        return ws
    maps, pathways, cases = workspace_files(path)
    files = [(f, "map") for f in maps] + [(f, "pathway") for f in pathways] + [(f, "case") for f in cases]
    ws = assemble(path, files, lambda f, kind: _load(f, READERS[kind]))
    if not files and not ws.figures:
        ws.problems.insert(0, nothing_found(path))
    return ws


def in_words_now(ws: Workspace) -> Workspace:
    """``ws``, or its folder read again when its problems were worded in
    another language than the one spoken now (``Workspace.worded_now``):
    the window reads again after switching language. A workspace not read
    from a path (``root`` None) is given back as it is."""
    if ws.worded_now() or ws.root is None:
        return ws
    return load_workspace(ws.root)


def assemble(root: Path, files, read, shared: adaptation.SharedFiles | None = None) -> Workspace:
    """A Workspace from ``files`` [(path, kind)], each read by ``read(path, kind)``
    -> (object or None, problems); kind is "map", "pathway" or "case".

    The one place that puts a workspace together (ids, målform versions,
    local adaptations merged over their shared texts, reference warnings,
    figures beside ``kart/``): ``load_workspace`` reads the files on disk, the
    editor its unsaved texts. A shared text among ``files`` is taken from
    there; others are read through ``shared`` (the editor keeps one; a load
    gets a new one), once each."""
    ws = Workspace(root=root)
    shared = shared or shared_files()
    read_all = [(kind, *read(f, kind)) for f, kind in files]
    known = {paths.resolved(obj.path): (obj, problems) for kind, obj, problems in read_all
             if kind == "pathway" and obj is not None and obj.path is not None}
    for kind, obj, problems in read_all:
        if kind == "pathway":
            written = obj
            if obj is not None and obj.grunnlag is not None:
                obj, more = adaptation.resolve(obj, shared, known, _shown)
                problems = problems + more
            add_pathway(ws, obj, problems, written)
        else:
            add(ws, ws.maps if kind == "map" else ws.cases, obj, problems, _("kartet") if kind == "map" else _("kasuset"))
    ws.problems.extend(reference_problems(ws))
    ws.problems.extend(figures.load_into(ws, root, _shown, load_map_file))  # tal/*.csv beside kart/
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
    for pid in other.pathway_ids():
        for malform, p in other.versions(pid).items():
            into.pathway_versions.setdefault(pid, {}).setdefault(malform, p)
    for pid, errors in other.unusable_versions.items():
        for malform, problem in errors.items():
            into.unusable_versions.setdefault(pid, {}).setdefault(malform, problem)


def reference_problems(ws: Workspace) -> list[Problem]:
    """Warnings for pathway and case references a map cannot resolve, and for
    pathway steps a map cannot draw (never errors).

    Each map is checked against what it is offered: the pathway version in its
    målform, and the cases written in its målform (``cases_for_map``). A step
    is drawn between the services its references match on the map
    (``graph.step_pairs``); one with no such pair is warned at the step's line,
    per map, saying why: a reference the map lacks, a step from a service to
    itself, or (on a region map) services in different municipalities. A
    ``henvisning`` step from a sender without the right to refer is warned
    per map too (``referral_rights``)."""
    return map_reference_problems(ws) + case_pathway_problems(ws)


def map_reference_problems(ws: Workspace) -> list[Problem]:
    """The part of ``reference_problems`` about each map: its pathways and cases, and
    ``plassering`` values its picture cannot honour exactly (``layout.pins``)."""
    out: list[Problem] = []
    for m in ws.maps.values():
        if any(s.plassering is not None for s in m.tjenester):  # read against the map's picture
            from .layout.pins import pin_problems
            out.extend(pin_problems(m, ws.pathways_for(m)))
        for pid in ws.pathway_ids():
            p = ws.pathway(pid, m.malform)
            if p is None:  # its version in the map's målform cannot be used: reported where it is written
                continue
            out.extend(_from_shared_text(p, _pathway_problems(m, p) + referral_rights.pathway_problems(m, p)))
        for c in cases_for_map(ws, m):
            seen = set()
            for step in c.steg:
                for ref in [*step.involverte, *step.forslag]:
                    if ref not in seen and not m.resolve(ref):
                        seen.add(ref)
                        out.append(Problem(step.ref_sources.get(ref, step.source), _(
                            "{map} har ingen «{ref}» i kartet (kasuset «{c}»)").format(
                            map=m.navn, ref=ref, c=c.tittel) + _missing_hint(ref, m), "warning"))
    return out


def case_pathway_problems(ws: Workspace) -> list[Problem]:
    """The part of ``reference_problems`` about cases naming a pathway that does not exist."""
    out: list[Problem] = []
    for c in ws.cases.values():
        if not c.forlop or ws.pathway(c.forlop, c.malform) is not None:
            continue
        where = c.forlop_source or c.source
        broken = ws.unusable(c.forlop, c.malform) or next(iter(ws.unusable_versions.get(c.forlop, {}).values()), None)
        if broken is not None:  # the file is there, but has an error: say which, not that it is missing
            out.append(Problem(where, _("kasuset viser til forløpet «{f}», men fila har en feil og kan ikke brukes (se {where})").format(
                f=c.forlop, where=broken.source), "warning"))
        elif ws.pathway_ids():
            out.append(Problem(where, _("kasuset viser til forløpet «{f}», som ikke finnes").format(f=c.forlop), "warning"))
    return out


def _from_shared_text(p: Pathway, problems: list[Problem]) -> list[Problem]:
    """A local adaptation's problems at a line of its shared text (an inherited
    step or role) say which local file they are about."""
    if p.grunnlag is None or p.path is None:
        return problems
    mine = _shown(p.path)
    return [pr if pr.source.path == mine else Problem(pr.source, _("{message} (fra grunnlaget til {local})").format(
        message=pr.message, local=mine), pr.severity) for pr in problems]


def _pathway_problems(m, p: Pathway) -> list[Problem]:
    out = []
    in_steps = {ref for st in p.flyt for ref in (st.fra, st.til)}
    for ref, role in p.roller.items():
        if ref not in in_steps and not m.resolve(ref):
            out.append(Problem(role.source, _("{map} har ingen «{ref}» i kartet (forløpet «{p}»)").format(
                map=m.navn, ref=ref, p=p.navn) + _missing_hint(ref, m), "warning"))
    for rs in graph.resolve_steps(m, p):
        st, n = rs.step, rs.index + 1
        if st.fra == st.til:
            continue  # a step written from a reference to itself is warned once, by the reader
        missing = [(ref, where) for ref, ids, where in ((st.fra, rs.fra, st.fra_source), (st.til, rs.til, st.til_source))
                   if not ids]
        for ref, where in missing:  # each at its own line, with the nearest name the map has
            out.append(Problem(where or st.source, _(
                "{map} har ingen «{ref}» i kartet, så steg {n} i forløpet «{p}» kan ikke tegnes").format(
                map=m.navn, ref=ref, n=n, p=p.navn) + _missing_hint(ref, m), "warning"))
        if not missing and not graph.step_pairs(m, rs):
            if set(rs.fra) == set(rs.til):
                why = _("«{fra}» og «{til}» er samme tjeneste i {map}").format(fra=st.fra, til=st.til, map=m.navn)
            else:
                why = _("«{fra}» og «{til}» hører til ulike kommuner i {map}").format(fra=st.fra, til=st.til, map=m.navn)
            out.append(Problem(st.source, _("steg {n} i forløpet «{p}» kan ikke tegnes som en pil: {why}").format(
                n=n, p=p.navn, why=why), "warning"))
    return out


def _missing_hint(ref: str, m) -> str:
    """" – mente du «bup»?" for a pathway's or case's reference the map lacks, when
    the map has a name near it; none for a standard role (docs/roller.md): a map
    without that role is not a typo, and a near name would be another service."""
    from .roles import STANDARD_ROLES

    return "" if ref in STANDARD_ROLES else reference_hint(ref, map_names(m))


def map_names(m) -> set[str]:
    """Every id and type a map's services have (what a reference may name)."""
    return {s.id for s in m.tjenester} | {s.role for s in m.tjenester}


def cases_for_and_others(ws: Workspace, m) -> tuple[list[Case], list[Case]]:
    """(the cases written for ``m`` (``cases_for_map``), the other cases), each in
    title order: a case picker lists the first, and the others marked with their
    målform. ``m`` None: every case, and no others."""
    by_title = sorted(ws.cases.values(), key=lambda c: c.tittel)
    if m is None:
        return by_title, []
    mine = {c.id for c in cases_for_map(ws, m)}
    return [c for c in by_title if c.id in mine], [c for c in by_title if c.id not in mine]


def cases_for_map(ws: Workspace, m) -> list[Case]:
    """The cases written for a map: those in its målform, or every case when
    none is (a case names no map; its language says which maps it fits)."""
    same = [c for c in ws.cases.values() if c.malform == m.malform]
    return same or list(ws.cases.values())
