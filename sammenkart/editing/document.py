"""One open file: its text now, the text last saved, what is on disk.

The text is the single source of truth for a file being edited; the model
object (``Map``, ``Pathway`` or ``Case``) and its problems are read from the
text by the same loader ``sammenkart validate`` uses, once per text, and are
new objects every time (snapshots: nothing mutates them).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import i18n, loader
from ..i18n import _
from ..model import Problem
from ..yamlfile import MAX_BYTES, parse_yaml
from . import reparse
from .changes import EditError
from .yamltext import Tree

_BOM = "\ufeff"
_FILE_LOADERS = {"map": loader.load_map_file, "pathway": loader.load_pathway_file, "case": loader.load_case_file}


@dataclass(frozen=True)
class DiskState:
    """What a file on disk looked like: modification time (ns), size, SHA-256."""

    mtime_ns: int
    size: int
    sha256: str


def disk_state(path: Path) -> DiskState | None:
    """The file's state now, or None when it cannot be read (gone, no access)."""
    try:
        st = os.stat(path)
        data = Path(path).read_bytes()
    except OSError:
        return None
    return DiskState(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest())


def changed_on_disk(path: Path, known: DiskState | None) -> bool:
    """True when the file's content differs from ``known``.

    Time and size are compared first (cheap); when either differs the content
    hash decides, so a file touched without a change (``touch``, a checkout of
    the same content) is not reported. A file that appeared or disappeared is
    a change."""
    try:
        st = os.stat(path)
    except OSError:
        return known is not None
    if known is None:
        return True
    if st.st_mtime_ns == known.mtime_ns and st.st_size == known.size:
        return False
    now = disk_state(path)
    return now is None or now.sha256 != known.sha256


def _recent(kept: dict, key):
    """``kept[key]`` or None; a hit becomes the newest, so the few kept are the
    ones used last (a form's trial texts must not push out the text they try
    on: its tree, parse and snapshot are what every next trial starts from)."""
    hit = kept.pop(key, None)
    if hit is not None:
        kept[key] = hit
    return hit


class Document:
    """A map, pathway or case file open in the editor.

    ``text`` is None when the file cannot be edited as text (not UTF-8, over
    5 MB, unreadable); then ``problems`` says why."""

    def __init__(self, path: Path, kind: str):
        self.path = Path(path)
        self.kind = kind
        self.text: str | None = None
        self.saved_text: str | None = None
        self.bom = False
        self.disk: DiskState | None = None
        self.gone_base: str | None = None  # the saved text when the file went from disk (a merge base if it comes back)
        # Service ids changed since the text last read or saved, as (before, after)
        # pairs in the order done (an undo adds its pair reversed): a save says the
        # net of them (``net_renames``), so what names the old ids elsewhere can follow.
        self.renames: list[tuple[str, str]] = []
        self._unreadable: tuple | None = None  # (language, (object, problems)) of a file without text
        self._snapshots: dict[str, tuple] = {}  # text -> (language, (object, problems))
        self._trees: dict[str, Tree] = {}  # by text: the current one and the one a trial edit comes back to
        self._parsed: dict[str, tuple] = {}  # by text: parse_yaml's (data, problems), which an edit follows
        self._derived_from: tuple | None = None  # (text before, the splice that made the text now)

    @property
    def id(self) -> str:
        """The map's, pathway's or case's id: the file's stem (the format requires them equal)."""
        return self.path.stem

    @classmethod
    def read(cls, path: Path, kind: str) -> "Document":
        doc = cls(path, kind)
        doc.load_from_disk()
        return doc

    def load_from_disk(self) -> None:
        """(Re)read the file; the text becomes the saved text."""
        self.disk = disk_state(self.path)
        text = self._decoded()
        self.saved_text = text
        self._set(text)

    def disk_text(self) -> str | None:
        return self._decoded()

    def _decoded(self) -> str | None:
        try:
            raw = self.path.read_bytes()
        except OSError:
            raw = None
        text = None
        if raw is not None and len(raw) <= MAX_BYTES:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = None
        if text is None:
            self._unreadable = (i18n.current_language(), _FILE_LOADERS[self.kind](self.path))
            return None
        self.bom = text.startswith(_BOM)
        return text[1:] if self.bom else text

    # --- text ----------------------------------------------------------------
    def set_text(self, text: str, splice=None) -> None:
        """The new text; ``splice`` (a ``yamltext.Splice``) made it from the text
        before, so its tree can follow the old one without composing it again."""
        if self.text is None:
            raise EditError(_("«{path}» kan ikke redigeres").format(path=self.path))
        before = self.text
        self._set(text)
        self._derived_from = (before, splice) if splice is not None else None

    def _set(self, text: str | None) -> None:
        self.text = text
        self._derived_from = None

    @property
    def dirty(self) -> bool:
        """Unsaved changes: the text differs from what was last read or saved."""
        return self.text is not None and self.text != self.saved_text

    def to_bytes(self) -> bytes:
        return ((_BOM if self.bom else "") + (self.text or "")).encode("utf-8")

    def write_out(self) -> None:
        """Write the text to the file, atomically. Raises OSError."""
        from .. import atomic

        atomic.write_bytes(self.path, self.to_bytes())

    # --- derived ---------------------------------------------------------------
    def tree(self) -> Tree:
        """The text's node tree. Raises ``EditError`` when the file cannot be
        edited now (not text, a YAML syntax error, anchors and aliases)."""
        hit = _recent(self._trees, self.text)
        if hit is not None:
            return hit
        if self.text is None:
            raise EditError(_("«{path}» kan ikke redigeres: {why}").format(
                path=loader._shown(self.path), why="; ".join(p.message for p in self.problems()) or "?"))
        tree = None
        if self._derived_from is not None:
            before, splice = self._derived_from
            prev = self._trees.get(before)
            tree = prev.after(splice, self.text) if prev is not None else None
        try:
            tree = tree or Tree(self.text)
        except yaml.YAMLError:
            first = next((p for p in self.problems() if p.is_error), None)
            raise EditError(_("«{path}» har en YAML-feil som må rettes før fila kan redigeres: {problem}").format(
                path=loader._shown(self.path), problem=first or "?")) from None
        if tree.root is None or not isinstance(tree.root, yaml.MappingNode):
            raise EditError(_("«{path}» er ikke en tabell med nøkler og kan ikke redigeres").format(
                path=loader._shown(self.path)))
        if tree.has_aliases:
            raise EditError(_("«{path}» bruker ankere og alias (& og *); slike filer kan bare redigeres for hånd").format(
                path=loader._shown(self.path)))
        if len(self._trees) >= 3:
            self._trees.pop(next(iter(self._trees)))
        self._trees[self.text] = tree
        return tree

    def snapshot(self) -> tuple:
        """(object or None, problems) for the current text, read as the loader reads,
        the problems in the language spoken now (read again after a switch)."""
        if self.text is None:
            if self._unreadable is None:
                return None, []
            worded, hit = self._unreadable
            if not i18n.reads_now(worded, hit[1]):  # the file itself again: there is no text to read
                self._unreadable = (i18n.current_language(), _FILE_LOADERS[self.kind](self.path))
            return self._unreadable[1]
        kept = _recent(self._snapshots, self.text)
        if kept is not None and i18n.reads_now(kept[0], kept[1][1]):
            return kept[1]
        hit = loader.read_parsed(self._parse(), self.path, self.kind)
        self._snapshots.pop(self.text, None)
        if len(self._snapshots) >= 4:  # the current text, the one before, a form's trial
            self._snapshots.pop(next(iter(self._snapshots)))
        self._snapshots[self.text] = (i18n.current_language(), hit)
        return hit

    def _parse(self) -> tuple:
        """``parse_yaml`` of the text: followed from the text before when the
        edit replaced one value in place (``reparse.follow``), else parsed whole."""
        shown = loader._shown(self.path)
        parsed = None
        if self._derived_from is not None:
            before, splice = self._derived_from
            prev, tree = _recent(self._parsed, before), _recent(self._trees, before)
            if prev is not None and tree is not None:
                parsed = reparse.follow(prev, tree, splice, self.text, shown)
        if parsed is None:
            parsed = parse_yaml(self.text, shown)
        if len(self._parsed) >= 3:  # a region's parse is large; an edit follows the newest
            self._parsed.pop(next(iter(self._parsed)))
        self._parsed[self.text] = parsed
        return parsed

    def object(self):
        return self.snapshot()[0]

    def problems(self) -> list[Problem]:
        return list(self.snapshot()[1])


class CopyDocument(Document):
    """A file the editor writes whole and never reads as data: the copy of a
    shared text a local pathway was last revised against
    (``grunnlag-ved-revisjon/``, see ``adaptation.snapshot_path``).

    A file that is not there (or not UTF-8 text) has the text "" and is not
    dirty; saving the text "" removes the file, so undoing the copy and
    saving leaves no empty file behind."""

    KIND = "snapshot"

    def __init__(self, path: Path, kind: str = KIND):
        super().__init__(path, self.KIND)

    @classmethod
    def read(cls, path: Path, kind: str = KIND) -> "CopyDocument":
        return super().read(path, cls.KIND)

    def _decoded(self) -> str | None:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return ""
        try:
            text = raw.decode("utf-8") if len(raw) <= MAX_BYTES else ""
        except UnicodeDecodeError:
            text = ""
        self.bom = text.startswith(_BOM)
        return text[1:] if self.bom else text

    def snapshot(self) -> tuple:
        return None, []

    def write_out(self) -> None:
        from .. import atomic

        if self.text:
            atomic.write_bytes(self.path, self.to_bytes())
        else:
            self.path.unlink(missing_ok=True)
