"""Addresses left over from the example maps, warned about at their line.

The bundled example maps give every service a made-up web address and e-mail
on an ``example`` domain (``www.eksempelkommune.example.no``,
``post@fjordvik.example.no``; RFC 2606 reserves ``example`` names for such
use). A municipality that starts from a copy of an example and forgets one
would print it on a poster and a family handout, so ``validate`` warns at
the line of each one: the map's ``nettside`` and every field under a
service's ``kontakt``. The bundled examples themselves are exempt (they are
meant to carry them).
"""
from __future__ import annotations

import re

from . import paths
from .checks import Checker
from .i18n import _, ngettext
from .model import Problem
from .yamlfile import YList, YMap

EXAMPLE_LABEL = "example"
KIND = "example-address"  # Problem.kind of these warnings (grouped as one: problem_groups)
# A host name inside any text: in a URL, after the @ of an e-mail, or bare.
_HOST = re.compile(r"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*(?![\w-])", re.I)


def example_hosts(text: str) -> list[str]:
    """The host names in ``text`` that have ``example`` as one of their labels
    (``a.example.no``, ``example.com``, ``x.example``), in order."""
    hosts = _HOST.findall(text.replace("@", " "))
    return [h for h in hosts if EXAMPLE_LABEL in h.lower().split(".")]


def is_bundled(path) -> bool:
    """Whether ``path`` lies in the example data shipped with Sammenkart."""
    try:
        resolved = paths.resolved(path)
    except (OSError, RuntimeError):
        return False
    roots = [paths.resolved(p) for p in (paths.kart_dir(), paths.kasus_dir(), paths.region_dir())]
    return any(resolved == r or r in resolved.parents for r in roots)


def map_problems(obj: YMap, path) -> list[Problem]:
    """Warnings for example addresses in a map file's data (as read, before
    checking), at the line of each value; none for the bundled examples."""
    if path is None or is_bundled(path):
        return []
    out: list[Problem] = []
    _check(out, obj, "nettside", _("kartets «nettside»"))
    services = obj.get("tjenester")
    for s in services if isinstance(services, YList) else []:
        kontakt = s.get("kontakt") if isinstance(s, YMap) else None
        if not isinstance(kontakt, YMap):
            continue
        label = s.get("id") if isinstance(s.get("id"), str) else "?"
        for key in kontakt:
            _check(out, kontakt, key, _("«kontakt.{key}» i tjenesten «{id}»").format(key=key, id=label))
    return out


def _check(out: list[Problem], container: YMap, key, what: str) -> None:
    value = container.get(key)
    if not isinstance(value, str):
        return
    for host in dict.fromkeys(example_hosts(value)):
        out.append(Problem(Checker.at(container, key), _(
            "{what} er en eksempeladresse ({host}) fra eksempelkartene: skriv den riktige, eller ta linja bort").format(
                what=what, host=host), "warning", KIND))


def summary(n: int, files: list[str]) -> str:
    """The one entry for ``n`` example addresses in ``files`` (shown names), at the first one."""
    return ngettext(
        "{n} eksempeladresse fra eksempelkartene står igjen i {files}; den første står her. Skriv de riktige, "
        "eller ta linjene bort (hver for seg: «sammenkart validate --alle»)",
        "{n} eksempeladresser fra eksempelkartene står igjen i {files}; den første står her. Skriv de riktige, "
        "eller ta linjene bort (hver for seg: «sammenkart validate --alle»)", n).format(n=n, files=", ".join(files))
