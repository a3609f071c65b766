"""A new map from the template: a municipality's name, its målform and the
standard services to start with (*Fil → Nytt kart…*, ``sammenkart ny``)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import atomic
from ..i18n import _, language
from ..model import MALFORMER
from ..roles import PLASS_NAMES, PLASSER, STANDARD_ROLES, STARTER_TYPES
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
    the målform, its sector and level. Raises EditError for an empty name,
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
            f"oppdatert: {today.isoformat()}",
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
                lines.append("  " + render.item(item, dash_col=2))
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
