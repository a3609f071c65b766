"""A new map from the template: a municipality's name, its målform and the
standard services to start with (*Fil → Nytt kart…*, ``sammenkart ny``);
``new_folder`` adds the bundled pathways and cases of that målform around it.

Nothing example-specific goes in: no web address, no contact details, no
``oppdatert`` date (a poster prints it; it is written when the map has been
checked), only what the role reference (``sammenkart.roles``) says of every
municipality."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import atomic
from ..i18n import _, language
from ..model import MALFORMER
from ..roles import PLASS_NAMES, PLASSER, STANDARD_ROLES, STARTER_LINKS, STARTER_TYPES
from . import render
from .changes import EditError
from .editor import slug


def new_map(folder, kommune_navn: str, malform: str = "nb", services=None, *, map_id: str | None = None,
            today: dt.date | None = None) -> Path:
    """Write a starter map and return its path.

    ``folder``: a ``kart/`` folder, or a folder that holds (or will hold) one;
    the file is ``kart/<id>.yaml`` with ``id`` = ``map_id`` or a slug of the
    name. ``services``: standard types (see ``sammenkart.roles``), default
    ``STARTER_TYPES``; each becomes a service with the type's usual name in
    the målform, its sector, level and (where the role reference gives one)
    ``tilgang``; the standing links of ``STARTER_LINKS`` between chosen types
    are written as ``samarbeid``. Raises EditError for an empty name,
    an unknown målform or type, or a file that exists already (never
    overwritten). The file passes ``sammenkart validate``."""
    name = (kommune_navn or "").strip()
    if not name:
        raise EditError(_("kartet må ha et navn"))
    if malform not in MALFORMER:
        raise EditError(_("målform må være en av {choices}, ikke «{value}»").format(
            choices=", ".join(MALFORMER), value=malform))
    types = list(STARTER_TYPES if services is None else services)
    if not types:
        raise EditError(_("kartet må ha minst én tjeneste"))
    unknown = [t for t in types if t not in STANDARD_ROLES]
    if unknown:
        raise EditError(_("ukjente standardtjenester: {types}").format(types=", ".join(unknown)))
    ident = map_id or slug(name)
    if not ident:
        raise EditError(_("finner ingen id i navnet «{name}»; gi en id med små bokstaver a–z").format(name=name))
    folder = Path(folder)
    kart = folder if folder.name == "kart" else folder / "kart"
    path = kart / f"{ident}.yaml"
    if path.exists():
        raise EditError(_("«{path}» finnes allerede").format(path=path))
    atomic.write_text(path, _text(name, ident, malform, types, today or dt.date.today()))
    return path


def _text(name: str, ident: str, malform: str, types: list[str], today: dt.date) -> str:
    with language(malform):
        lines = [
            "# " + _("Sammenkart-kart for {name}, laget fra malen {date}.").format(name=name, date=today.isoformat()),
            "# " + _("Skriv beskrivelse, alder og kontakt for hver tjeneste, og legg til de som mangler."),
            "sammenkart: 1",
            "id: " + render.scalar(ident, col=0, content_col=2),
            "navn: " + render.scalar(name, col=0, content_col=2),
            "type: kommune",
            f"malform: {malform}",
            "",
            # The levels say who provides (kommunen, stat og region, spesialisthelsetjenesten),
            # as in the example maps; written out so the user sees and can rename them.
            "nivaer:",
        ]
        names = PLASS_NAMES[malform]
        for n, _plass in enumerate(PLASSER):
            lines += [f"  - id: {n}", "    navn: " + render.scalar(names[n], col=4, content_col=6)]
        lines += ["", "tjenester:"]
        chosen = [STANDARD_ROLES[t] for t in dict.fromkeys(types)]
        for n in range(len(PLASSER)):
            here = [r for r in chosen if r.niva == n]
            if not here:
                continue
            lines.append(f"  # {'-' * 10} " + _("nivå {n}: {name}").format(n=n, name=names[n]))
            for role in here:
                item = {"id": role.type, "navn": role.navn(malform), "niva": role.niva, "sektor": role.sektor}
                if role.tilgang:
                    item["tilgang"] = role.tilgang
                lines.append("  " + render.item(item, dash_col=2))
                lines.append("")
        links = [(a, b) for a, b in STARTER_LINKS if a in types and b in types]
        if links:
            lines.append("# " + _("Faste samarbeid mellom tjenestene. Tar du bort en tjeneste, ta også bort linjene her som nevner den."))
            lines.append("samarbeid:")
            lines += [f"  - mellom: [{a}, {b}]" for a, b in links]
    return "\n".join(lines).rstrip("\n") + "\n"


def starter_types(pathways=(), cases=()) -> list[str]:
    """The standard roles a new municipality's map starts with: ``STARTER_TYPES``
    and every standard role the given pathways and cases refer to (so they work
    on the new map from the start), in the role reference's order."""
    wanted = set(STARTER_TYPES)
    for p in pathways:
        wanted.update(p.references())
    for c in cases:
        for st in c.steg:
            wanted.update([*st.involverte, *st.forslag])
    return [t for t in STANDARD_ROLES if t in wanted]


@dataclass(frozen=True)
class NewFolder:
    """What ``new_folder`` wrote: the map file, the pathway files, the case files."""

    map_path: Path
    pathways: tuple[Path, ...]
    cases: tuple[Path, ...]




def new_folder(folder, kommune_navn: str, malform: str = "nb", *, bundled=None, services=None,
               today: dt.date | None = None) -> NewFolder:
    """A starter workspace in ``folder``: ``kart/<id>.yaml`` from ``new_map``
    (the standard roles of ``starter_types`` for the bundled pathways and
    cases), the bundled pathways in ``malform`` (each pathway's version in that
    målform, file names kept) in ``kart/forlop/``, and the bundled cases written
    in ``malform`` in ``kasus/``. ``bundled``: the workspace to copy from
    (default ``loader.load_bundled()``). ``services``: the standard types
    the map starts with instead (*Fil → Nytt kart…* lets the user choose).

    Copies are the bundled files as they are, less their opening comments
    (``without_header``); a version that adapts a shared text brings the shared text. Raises EditError for a bad name or
    målform, or when any file to write exists already: then nothing is
    written (never overwritten)."""
    from ..loader import load_bundled

    if malform not in MALFORMER:
        raise EditError(_("målform må være en av {choices}, ikke «{value}»").format(
            choices=", ".join(MALFORMER), value=malform))
    name = (kommune_navn or "").strip()
    ident = slug(name) if name else ""
    if not ident:
        raise EditError(_("kartet må ha et navn") if not name else
                        _("finner ingen id i navnet «{name}»; gi en id med små bokstaver a–z").format(name=name))
    ws = bundled if bundled is not None else load_bundled()
    pathways = [p for p in (ws.pathway(pid, malform) for pid in ws.pathway_ids()) if p is not None and p.path]
    cases = [c for c in ws.cases.values() if c.malform == malform and c.path]
    folder = Path(folder)
    map_path = folder / "kart" / f"{ident}.yaml"
    # A bundled version that adapts a shared (regional) text brings the shared
    # text itself: a new municipality starts from the region's wording, not
    # from another municipality's adaptations (and its grunnlag path would
    # point nowhere in the new folder).
    copies = [(_shared_root(p).path, folder / "kart" / "forlop" / p.path.name) for p in pathways]
    copies += [(c.path, folder / "kasus" / c.path.name) for c in cases]
    taken = [t for t in [map_path, *(target for _src, target in copies)] if t.exists()]
    if taken:
        shown = ", ".join(str(t) for t in taken[:3])
        if len(taken) > 3:
            shown = _("{paths} og {n} til").format(paths=shown, n=len(taken) - 3)
        raise EditError(_("finnes allerede: {paths}; ingenting er skrevet").format(paths=shown))
    texts = [(target, without_header(src.read_text(encoding="utf-8"))) for src, target in copies]
    types = starter_types(pathways, cases) if services is None else list(services)
    made = new_map(folder, name, malform, types, map_id=ident, today=today)
    for target, text in texts:
        atomic.write_text(target, text)
    _forget_reviews(folder)
    n = len(pathways)
    return NewFolder(made, tuple(t for t, _x in texts[:n]), tuple(t for t, _x in texts[n:]))


def _forget_reviews(folder: Path) -> None:
    """A new municipality has reviewed nothing yet: the copied texts lose the
    region's traffic lights and revision dates (through the editor, so the rest
    of each file stays as written)."""
    from .editor import Editor

    ed = Editor.open(folder)
    for p in ed.workspace.all_pathways():
        file_id = p.path.stem
        for ref, role in p.roller.items():
            if getattr(role, "revisjon", None) is not None:
                ed.clear_revision(("role", file_id, ref))
        if getattr(p, "revidert", None) is not None:
            ed.set_pathway(file_id, revidert=None)
    ed.save()


def _shared_root(p):
    while getattr(p, "base", None) is not None:
        p = p.base
    return p


def without_header(text: str) -> str:
    """The file without its opening comment block (the editor's schema line,
    which points into the bundled folder, and notes about the example data
    that would be wrong in a new municipality's folder)."""
    lines = text.splitlines(keepends=True)
    while lines and (lines[0].lstrip().startswith("#") or not lines[0].strip()):
        lines = lines[1:]
    return "".join(lines)