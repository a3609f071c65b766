"""Shared texts and local adaptations of pathways (format 1.1, ``grunnlag``).

The region writes a pathway once; a municipality's file names it with
``grunnlag:`` (a path relative to the file) and writes only what differs.
The rules (docs/format.md, "Felles tekst og lokal tilpasning"):

- ``navn``, ``beskrivelse``: written here, they replace the shared text
  (``beskrivelse: ""`` removes it); not written, the shared text holds.
- ``roller``: per reference and per heading. A heading written here replaces
  the shared heading (an empty text, ``tiltak: ""``, removes it); headings
  not written come from the shared role. A reference the shared text lacks
  is a role added here. Shared roles keep their order, added ones follow in
  this file's order. A role's ``revisjon`` is always this file's own (the
  verdict of this municipality), never inherited.
- ``flyt``, ``sjekkliste``: written here, the whole list replaces the shared
  one (``sjekkliste: []`` removes the checklist); not written, it is inherited.
- ``revidert`` is this file's own; ``id`` and ``malform`` must equal the
  shared file's.

A shared file may itself adapt another (a chain); a chain that comes back
to a file already in it is an error, as are a missing or broken shared file
and a different id or målform. Each file is read once per load
(``SharedFiles``). Pure Python.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from . import i18n
from .i18n import _
from . import paths
from .model import ROLE_KEYS, Pathway, Problem, Role

SNAPSHOT_FOLDER = "grunnlag-ved-revisjon"  # beside the local files: the shared text as last revised against
MAX_CHAIN = 20  # shared texts adapting shared texts; far beyond any real use

RawReader = Callable[[Path], tuple[Pathway | None, list[Problem]]]


class SharedFiles:
    """Pathway files as read from disk, each read once while it is unchanged.

    ``read(path)`` gives the file's own (unmerged) pathway and its problems.
    A load makes one (every shared file is then read once however many local
    files name it); the editor keeps one for its life, and a file changed on
    disk (other time or size) is read again. ``reads`` counts the reads."""

    def __init__(self, reader: RawReader):
        self._reader = reader
        # Problems are worded as a file is read: a reading is reused only in the
        # language it was worded in, or when it has none (``i18n.reads_now``).
        self._raw: dict[Path, tuple] = {}  # resolved path -> (stamp, language, (pathway, problems))
        self._merged: dict[Path, tuple] = {}  # resolved path -> (((path, stamp), ...), language, (pathway or None, why))
        self.reads = 0

    @staticmethod
    def _stamp(path: Path):
        try:
            st = os.stat(path)
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def read(self, path: Path) -> tuple[Pathway | None, list[Problem]]:
        key = Path(path).resolve()
        stamp = self._stamp(key)
        hit = self._raw.get(key)
        if hit is not None and hit[0] == stamp and stamp is not None and i18n.reads_now(hit[1], hit[2][1]):
            return hit[2]
        self.reads += 1
        result = self._reader(Path(path))
        self._raw[key] = (stamp, i18n.current_language(), result)
        self._merged.pop(key, None)
        return result


def merge(shared: Pathway, local: Pathway) -> Pathway:
    """``local`` (a file with ``grunnlag``) over ``shared`` (already merged
    itself): the pathway the app and the posters show. New objects; neither
    argument is changed."""
    roles: dict[str, Role] = {}
    for ref, srole in shared.roller.items():
        lrole = local.roller.get(ref)
        if lrole is None:  # inherited as it is: nothing of it is this file's own
            roles[ref] = replace(srole, revisjon=None, shared={}, added=False, written=frozenset())
        else:
            texts = {k: (getattr(lrole, k) or None) if k in lrole.written else getattr(srole, k) for k in ROLE_KEYS}
            roles[ref] = Role(**texts, revisjon=lrole.revisjon, source=lrole.source, written=lrole.written,
                              shared={k: getattr(srole, k) for k in ROLE_KEYS if k in lrole.written})
    for ref, lrole in local.roller.items():
        if ref not in shared.roller:
            texts = {k: getattr(lrole, k) or None for k in ROLE_KEYS}
            roles[ref] = Role(**texts, revisjon=lrole.revisjon, source=lrole.source, written=lrole.written,
                              shared={k: None for k in ROLE_KEYS if k in lrole.written}, added=True)
    mine = local.adapted
    return Pathway(
        id=local.id,
        navn=local.navn if "navn" in mine else shared.navn,
        flyt=list(local.flyt if "flyt" in mine else shared.flyt),
        malform=local.malform,
        beskrivelse=(local.beskrivelse or None) if "beskrivelse" in mine else shared.beskrivelse,
        roller=roles,
        sjekkliste=list(local.sjekkliste if "sjekkliste" in mine else shared.sjekkliste),
        revidert=local.revidert,
        grunnlag=local.grunnlag,
        grunnlag_source=local.grunnlag_source,
        base=shared,
        adapted=local.adapted,
        path=local.path,
        source=local.source,
    )


class _Resolver:
    def __init__(self, files: SharedFiles, known: dict, shown: Callable[[Path], str]):
        self.files = files
        self.known = known
        self.shown = shown

    def shared(self, path: Path, chain: list[Path]) -> tuple[Pathway | None, str | None]:
        """The shared file at ``path`` as users see it (merged with its own
        grunnlag), or (None, why it cannot be used)."""
        if path in chain:
            ring = " → ".join(self.shown(p) for p in [*chain[chain.index(path):], path])
            return None, _("grunnlaget går i ring: {ring}").format(ring=ring)
        if len(chain) > MAX_CHAIN:
            return None, _("grunnlaget viser videre til mer enn {n} andre filer").format(n=MAX_CHAIN)
        if path in self.known:
            return self._merged(path, self.known[path], chain)
        if not _exists(path):
            return None, self.missing(path)
        hit = self.files._merged.get(path)
        if hit is not None and all(self.files._stamp(p) == st for p, st in hit[0]) and not any(
                p in chain for p, _st in hit[0]) and i18n.reads_now(hit[1], hit[2][1]):
            return hit[2]
        raw = self.files.read(path)
        result = self._merged(path, raw, chain)
        if all(p not in self.known for p in self._chain_of(path, result)):
            # reused while neither this file nor the shared files under it change on disk
            self.files._merged[path] = (tuple((p, self.files._stamp(p)) for p in self._chain_of(path, result)),
                                        i18n.current_language(), result)
        return result

    @staticmethod
    def _chain_of(path: Path, result) -> tuple[Path, ...]:
        """The files a merged result was made from: ``path`` and the shared files under it."""
        out, p = [path], result[0]
        while p is not None and p.grunnlag is not None:
            out.append(p.grunnlag)
            p = p.base
        return tuple(out)

    def _merged(self, path: Path, raw_result, chain: list[Path]) -> tuple[Pathway | None, str | None]:
        raw, problems = raw_result
        first = next((p for p in problems if p.is_error), None)
        if raw is None or first is not None:
            why = str(first) if first is not None else _("fila har ikke noe forløp som kan brukes")
            return None, _("grunnlaget «{path}» kan ikke brukes: {why}").format(path=self.shown(path), why=why)
        if raw.grunnlag is None:
            return raw, None
        base, why = self.shared(raw.grunnlag, [*chain, path])
        if base is None:
            return None, why
        mismatch = self.mismatch(raw, base)
        if mismatch:
            return None, _("grunnlaget «{path}» kan ikke brukes: {why}").format(path=self.shown(path), why=mismatch)
        return merge(base, raw), None

    def missing(self, path: Path) -> str:
        """What to do when the shared file at ``path`` is not there: most often
        a local folder copied without the region's folder beside it. When the
        bundled example has a file of that name in the same place (the example
        region's shared texts), say which folder to copy, and where."""
        what = _("finner ikke grunnlaget «{path}», den felles teksten dette forløpet tilpasser").format(
            path=self.shown(path))
        bundled = paths.region_dir() / "kart" / "forlop" / path.name
        if path.parts[-4:-1] == ("region", "kart", "forlop") and _exists(bundled):
            return _("{what}: den følger med eksempeldataene. Kopier mappen «{source}» (hele, med de felles "
                     "forløpene) til «{target}», ved siden av mappen «kart»").format(
                what=what, source=paths.region_dir(), target=path.parents[2])
        return _("{what}: legg den felles fila der, eller rett stien i «grunnlag» (den er relativ til denne "
                 "fila)").format(what=what)

    def mismatch(self, local: Pathway, base: Pathway) -> str | None:
        if base.id != local.id:
            return _("grunnlaget «{path}» er forløpet «{other}», ikke «{id}»; en lokal tilpasning har samme id "
                     "som teksten den tilpasser").format(path=self.shown(local.grunnlag), other=base.id, id=local.id)
        if base.malform != local.malform:
            return _("grunnlaget «{path}» er skrevet på «{other}», men dette forløpet på «{malform}»; "
                     "en lokal tilpasning bruker samme målform som grunnlaget").format(
                path=self.shown(local.grunnlag), other=base.malform, malform=local.malform)
        return None


def resolve(p: Pathway, files: SharedFiles, known: dict | None = None,
            shown: Callable[[Path], str] = str) -> tuple[Pathway | None, list[Problem]]:
    """The pathway users see: ``p`` itself, or for a local adaptation ``p``
    merged over its shared text. ``known``: resolved path -> (pathway,
    problems) of files already read in this load (they are not read again;
    the editor's unsaved texts come this way). When the shared text cannot
    be used, returns (None, [the error at the «grunnlag» line])."""
    if p.grunnlag is None:
        return p, []
    where = p.grunnlag_source or p.source
    chain = [paths.resolved(p.path)] if p.path is not None else []
    r = _Resolver(files, known or {}, shown)
    base, why = r.shared(p.grunnlag, chain)
    if base is None:
        return None, [Problem(where, why)]
    mismatch = r.mismatch(p, base)
    if mismatch:
        return None, [Problem(where, mismatch)]
    return merge(base, p), []


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; False for a name the system refuses (too long,
    a NUL byte) where ``Path.exists`` would raise."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def snapshot_path(local: Path) -> Path:
    """Where the shared text a local file was last revised against is kept:
    ``<folder>/grunnlag-ved-revisjon/<same name>`` (docs/format.md)."""
    local = Path(local)
    return local.parent / SNAPSHOT_FOLDER / local.name

