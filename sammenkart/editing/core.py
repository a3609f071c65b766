"""The editor's core: open files, the snapshot views read, the one broadcast,
undo/redo history, the steps every operation shares, saving and reloading.

Every operation changes the text of one or more files by splices
(``yamltext``), records how to undo them, and broadcasts one ``Change`` to
the listeners (``subscribe``). What the map shows is read from
``editor.workspace``: new model objects after every change, read by the same
loader ``sammenkart validate`` uses, so views never hold their own copy.
See docs/editing.md for the contract.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .. import loader
from ..i18n import N_, _, ngettext, quote
from ..ids import slug  # noqa: F401 - the editor's name for it (editing.slug)
from ..os_errors import describe
from ..model import Case, Map, Pathway, Problem, Workspace
from . import changes as ch
from . import fields as fl
from .changes import Change, EditError, FileChangedError
from .document import Document, changed_on_disk, disk_state
from .merge import OURS, THEIRS, Merge, Merger, merge3
from .yamltext import LastItem, Splice, Tree

Listener = Callable[[Change], None]


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()  # "leave as it is" where None means "remove"

_WHAT = {"map": N_("kartet"), "pathway": N_("forløpet"), "case": N_("kasuset")}
WORKSPACES_KEPT = 3  # the state now, the one before, a form's trial
_HEADER = ("sammenkart", "id")


@dataclass
class _Edit:
    change: Change
    steps: list  # (Document, forward Splice, inverse Splice), in the order applied


class _Transaction:
    """Splices applied so far in one operation, so a failure undoes them all."""

    def __init__(self):
        self.steps: list = []

    def apply(self, doc: Document, splice: Splice | None) -> bool:
        if splice is None:
            return False
        before = doc.text
        after = splice.apply(before)
        if after == before:
            return False
        doc.set_text(after, splice)
        self.steps.append((doc, splice, splice.inverse(before)))
        return True

    def rollback(self) -> None:
        for doc, _fwd, inv in reversed(self.steps):
            doc.set_text(inv.apply(doc.text), inv)
        self.steps.clear()


class EditorCore:
    """What every edit needs: the open files, reading, listening, history,
    the shared steps of operations, saving. ``Editor`` adds the operations."""

    def __init__(self, root: Path, documents: list[Document]):
        self.root = Path(root)
        self._docs = list(documents)
        self._history: list[_Edit] = []
        self._done = 0  # history[:_done] is applied
        self._listeners: list[Listener] = []
        self._revision = 0
        self._workspace: tuple[int, Workspace] | None = None
        # Workspaces of the last few states, by the open files' texts: a value checked
        # as the user types (check_field) and then applied gives the same texts, so the
        # edit reuses what the check read; undoing back to a state reuses it too.
        self._by_texts: dict[tuple, Workspace] = {}
        self._shared = loader.shared_files()  # shared texts (grunnlag) outside the open files, read once each
        self.last_change: Change | None = None
        self.last_merge: Merge | None = None  # what the last reload or recover merged (its conflicts)

    @classmethod
    def open(cls, path) -> Self:
        """Open a map file, a ``kart/`` folder or a folder holding ``kart/`` and
        ``kasus/`` (the same choices as ``load_workspace``). Never raises for
        bad file content: such files are open with their problems and refuse
        edits (``EditError``) until fixed."""
        path = Path(path)
        docs: list[Document] = []
        if path.exists():
            maps, pathways, cases = loader.workspace_files(path)
            docs += [Document.read(p, "map") for p in maps]
            docs += [Document.read(p, "pathway") for p in pathways]
            docs += [Document.read(p, "case") for p in cases]
        return cls(path, docs)

    # --- reading --------------------------------------------------------------
    @property
    def documents(self) -> list[Document]:
        return list(self._docs)

    def document(self, kind: str, file_id: str) -> Document:
        """The open file of a map ("map"), pathway or case by its id. Raises EditError."""
        for d in self._docs:
            if d.kind == kind and d.id == file_id:
                return d
        raise EditError(_("finner ikke {what} «{id}»").format(what=_(_WHAT[kind]), id=file_id))

    def document_at(self, path) -> Document:
        p = Path(path).resolve()
        for d in self._docs:
            if d.path.resolve() == p:
                return d
        raise EditError(_("«{path}» er ikke åpen").format(path=path))

    @property
    def workspace(self) -> Workspace:
        """Everything as it is now, built like ``load_workspace`` from the
        edited texts (new objects after each change; never mutate them).
        Read again in another language when its problems were worded in
        another (``Workspace.worded_now``): the same texts, other words."""
        if self._workspace is None or self._workspace[0] != self._revision or not self._workspace[1].worded_now():
            data = [d for d in self._docs if d.kind in _WHAT]  # not the copies of shared texts
            key = tuple(d.text for d in data)
            ws = self._by_texts.pop(key, None)  # a hit becomes the newest: trials do not push out the state now
            if ws is not None:
                self._by_texts[key] = ws
            if ws is None or not ws.worded_now():
                snapshots = {id(d): d for d in data}
                ws = loader.assemble(self.root, [(id(d), d.kind) for d in data],
                                     lambda key, _kind: snapshots[key].snapshot(), self._shared)
                if not self.root.exists():
                    ws.problems.insert(0, Problem(loader.Source(str(self.root)),
                                                  _("finner ikke «{path}»").format(path=self.root)))
                elif not data and not ws.figures:  # as load_workspace says it
                    ws.problems.insert(0, loader.nothing_found(self.root))
                if len(self._by_texts) >= WORKSPACES_KEPT:
                    self._by_texts.pop(next(iter(self._by_texts)))
                self._by_texts[key] = ws
            self._workspace = (self._revision, ws)
        return self._workspace[1]

    def map(self, map_id: str) -> Map | None:
        return self.workspace.maps.get(map_id)

    def pathway(self, pathway_id: str) -> Pathway | None:
        """The pathway read from the file ``pathway_id`` names: pathway files are
        addressed by their file stem, so ``"angst"`` is ``angst.yaml`` and
        ``"angst.nn"`` its nynorsk version ``angst.nn.yaml`` (both have id angst)."""
        try:
            path = self.document("pathway", pathway_id).path
        except EditError:
            return None
        ws = self.workspace
        return next((p for p in ws.all_pathways() if p.path == path), None)

    def case(self, case_id: str) -> Case | None:
        return self.workspace.cases.get(case_id)

    def problems(self) -> list[Problem]:
        """The validator's problems for the edited state (as ``load_workspace``
        would report them for the files if they were saved now)."""
        return list(self.workspace.problems)

    @property
    def dirty(self) -> bool:
        return any(d.dirty for d in self._docs)

    def dirty_paths(self) -> list[Path]:
        return [d.path for d in self._docs if d.dirty]

    # --- listening ---------------------------------------------------------------
    def subscribe(self, fn: Listener) -> None:
        """``fn(change)`` after every edit, undo, redo, reload and save."""
        self._listeners.append(fn)

    def unsubscribe(self, fn: Listener) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def _broadcast(self, change: Change) -> None:
        self.last_change = change
        for fn in list(self._listeners):
            fn(change)

    # --- history -----------------------------------------------------------------
    @property
    def history(self) -> list[Change]:
        """Every recorded edit, oldest first; ``history_index`` of them are applied."""
        return [e.change for e in self._history]

    @property
    def history_index(self) -> int:
        return self._done

    def can_undo(self) -> bool:
        return self._done > 0

    def can_redo(self) -> bool:
        return self._done < len(self._history)

    def undo(self) -> Change | None:
        """Take back the last applied edit (also after it was saved)."""
        if not self.can_undo():
            return None
        self._done -= 1
        edit = self._history[self._done]
        for doc, _fwd, inv in reversed(edit.steps):
            doc.set_text(inv.apply(doc.text), inv)
        return self._changed(edit.change.undone())

    def redo(self) -> Change | None:
        if not self.can_redo():
            return None
        edit = self._history[self._done]
        self._done += 1
        for doc, fwd, _inv in edit.steps:
            doc.set_text(fwd.apply(doc.text), fwd)
        return self._changed(edit.change.as_origin(ch.REDO))

    def _changed(self, change: Change) -> Change:
        self._revision += 1
        self._note_renames(change)
        self._broadcast(change)
        return change

    def _note_renames(self, change: Change) -> None:
        """Keep the file's id changes until it is saved (``Document.renames``);
        a file read again with nothing unsaved has none left to tell."""
        try:
            doc = self.document_at(change.path)
        except EditError:
            return
        if change.kind in (ch.FILE_RELOAD, ch.FILE_RECOVER) and doc.text == doc.saved_text:
            doc.renames.clear()
        doc.renames.extend(change.renamed)

    @contextlib.contextmanager
    def _transaction(self):
        tx = _Transaction()
        try:
            yield tx
        except BaseException:
            tx.rollback()
            raise

    def _commit(self, tx: _Transaction, change: Change) -> Change | None:
        if not tx.steps:
            return None
        del self._history[self._done:]
        self._history.append(_Edit(change, list(tx.steps)))
        self._done = len(self._history)
        return self._changed(change)

    # --- shared steps ------------------------------------------------------------
    @staticmethod
    def _tree(doc: Document) -> Tree:
        return doc.tree()

    def _set_fields(self, tx: _Transaction, doc: Document, path: tuple, where: tuple, values: dict,
                    what: str) -> list[str]:
        """Write ``values`` into the mapping at ``path`` (schema place ``where``):
        None removes a key, a dict for a mapping key sets its keys one by one.
        Returns the keys whose text changed."""
        fl.check_keys(doc.kind, where, values, what)
        props = fl.properties(doc.kind, where)
        order = tuple(props)
        written = []
        for key in order:
            if key not in values:
                continue
            value = fl.coerce(props[key], values[key])
            if isinstance(value, tuple):
                value = list(value)
            if value is None:
                mapping = self._tree(doc).node(path)
                present = [k.value for k, _v in mapping.value] if isinstance(mapping, MappingNode) else None
                if key in fl.required(doc.kind, where, present):
                    raise EditError(_("«{key}» må ha en verdi i {what}").format(key=key, what=what))
                if self._delete_key(tx, doc, path, key):
                    written.append(key)
                continue
            tree = self._tree(doc)
            old = tree.node((*path, key))
            if old is None and value == []:
                continue  # an empty list means the same as no key: nothing to write
            if isinstance(value, dict) and isinstance(old, MappingNode) and old.value:
                sub = self._set_fields(tx, doc, (*path, key), (*where, key), value, quote(key))
                if sub:
                    written.append(key)
                continue
            if isinstance(value, dict):
                value = {k: v for k, v in value.items() if v is not None}
                if not value:
                    if self._delete_key(tx, doc, path, key):
                        written.append(key)
                    continue
            if old is not None and _same(old, value):
                continue
            if tx.apply(doc, self._tree(doc).set_value(path, key, value, order)):
                written.append(key)
        return written

    def _delete_key(self, tx: _Transaction, doc: Document, path: tuple, key: str) -> bool:
        tree = self._tree(doc)
        mapping = tree.node(path)
        if tree.entry(mapping, key) is None:
            return False
        if len(mapping.value) == 1 and not mapping.flow_style:
            # the last key of a mapping: leave an empty mapping, not nothing
            parent, last = path[:-1], path[-1]
            if isinstance(last, str):
                return tx.apply(doc, tree.set_value(parent, last, {}))
        try:
            return tx.apply(doc, tree.delete_key(path, key))
        except LastItem:
            raise EditError(_("«{key}» kan ikke fjernes: den er det eneste i sin tabell").format(key=key)) from None

    def _insert(self, tx: _Transaction, doc: Document, parent: tuple, key: str, index: int | None, value,
                order: tuple = ()) -> int:
        """Insert ``value`` into the list ``parent[key]`` (creating the key);
        returns the index it got."""
        tree = self._tree(doc)
        seq = tree.node((*parent, key))
        if not isinstance(seq, SequenceNode) or not seq.value:
            tx.apply(doc, tree.set_value(parent, key, [value], order))
            return 0
        n = len(seq.value)
        index = n if index is None else max(0, min(index, n))
        tx.apply(doc, tree.insert_item((*parent, key), index, value=value))
        return index

    def _delete_item(self, tx: _Transaction, doc: Document, parent: tuple, key: str, index: int) -> None:
        tree = self._tree(doc)
        try:
            tx.apply(doc, tree.delete_item((*parent, key), index))
        except LastItem:
            tx.apply(doc, tree.set_value(parent, key, []))

    def _move_item(self, tx: _Transaction, doc: Document, path: tuple, index: int, new_index: int,
                   before_next: bool = False) -> bool:
        tree = self._tree(doc)
        seq = tree.node(path)
        n = len(seq.value)
        new_index = max(0, min(new_index, n - 1))
        if new_index == index:
            return False
        if seq.flow_style:
            parts = [tree.source(it) for it in seq.value]
            parts.insert(new_index, parts.pop(index))
            return tx.apply(doc, Splice(tree.ix(seq.start_mark), tree.ix(seq.end_mark), "[" + ", ".join(parts) + "]"))
        raw = tree.item_text(path, index)
        tx.apply(doc, tree.delete_item(path, index))
        tx.apply(doc, self._tree(doc).insert_item(path, new_index, raw=raw, before_next=before_next))
        return True

    def _change(self, kind: str, doc: Document, text: str, items=(), links=(), keys=(), renamed=()) -> Change:
        return Change(kind=kind, path=doc.path, file_kind=doc.kind, file_id=doc.id, items=tuple(items),
                      links=tuple(links), keys=tuple(keys), text=text, renamed=tuple(renamed))

    @staticmethod
    def _title(doc: Document) -> str:
        """A map's, pathway's or case's name as users know it (``navn``, ``tittel``),
        for the undo history; the file's id while the file cannot be read."""
        obj = doc.object()
        return getattr(obj, "navn", None) or getattr(obj, "tittel", None) or doc.id

    def _role_words(self, doc: Document, ref: str) -> str:
        """A pathway's reference as users know it, for the undo history: the service
        that fills it on the map its målform is for (``revision.role_label``) when
        the folder has one such map, else the standard role's name, else ``ref``."""
        from ..revision import role_label
        from ..roles import role_name

        p = doc.object()
        malform = getattr(p, "malform", None)
        maps = [m for m in self.workspace.maps.values() if m.malform == malform] if malform else []
        if len(maps) == 1:
            return role_label(maps[0], ref)
        return role_name(ref, malform) or ref

    @staticmethod
    def _count(tree: Tree, path: tuple) -> int:
        seq = tree.node(path)
        return len(seq.value) if isinstance(seq, SequenceNode) else 0

    def _index(self, doc: Document, path: tuple, index: int, what: str) -> int:
        n = self._count(self._tree(doc), path)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < n:
            raise EditError(_("{what} med indeks {index} finnes ikke; det er {count}").format(
                what=what, index=index, count=n))
        return index

    # --- files ----------------------------------------------------------------------
    def save(self, paths=None, *, overwrite: bool = False) -> list[Path]:
        """Write the files with unsaved changes (all, or those in ``paths``),
        each atomically; returns the paths written. Undo still works after.

        Raises ``FileChangedError`` (nothing written) when one of them was
        changed on disk by another program since it was read, unless
        ``overwrite``; raises EditError when a file cannot be written (those
        written before it stay saved)."""
        from . import recovery

        wanted = None if paths is None else {Path(p).resolve() for p in paths}
        docs = [d for d in self._docs if d.dirty and (wanted is None or d.path.resolve() in wanted)]
        conflicts = [d.path for d in docs if changed_on_disk(d.path, d.disk) and d.disk is not None]
        if conflicts and not overwrite:
            raise FileChangedError(ngettext(
                "{files} er endret av et annet program siden den ble lest; lagre likevel, eller les den inn på nytt",
                "{files} er endret av et annet program siden de ble lest; lagre likevel, eller les dem inn på nytt",
                len(conflicts)).format(files=", ".join(loader._shown(p) for p in conflicts)), conflicts)
        written = []
        for d in docs:
            try:
                d.write_out()
            except OSError as exc:
                raise EditError(_("kunne ikke lagre «{path}»: {error}").format(
                    path=loader._shown(d.path), error=describe(exc))) from exc
            d.saved_text = d.text
            d.disk = disk_state(d.path)
            recovery.discard(d.path)
            written.append(d.path)
            renamed, d.renames = net_renames(d.renames), []
            self._broadcast(self._change(ch.FILE_SAVE, d, _("Lagret «{path}»").format(
                path=loader._shown(d.path)), renamed=renamed).as_origin(ch.SAVE))
        return written

    def changed_on_disk(self) -> list[Path]:
        """Open files whose content on disk differs from what was last read or
        saved (another program wrote them). The GUI's file watcher calls this."""
        return [d.path for d in self._docs if changed_on_disk(d.path, d.disk)]

    def merge_preview(self, path) -> Merge | None:
        """What ``reload`` would make of the file's unsaved text and what is on
        disk now: a ``Merge`` (``conflicts`` empty when the two touch other
        lines), or None when there is no text to merge (not text now or before,
        or the file is gone). Reads the disk, changes nothing."""
        doc = self.document_at(path)
        if doc.text is None or not doc.path.exists():
            return None
        bom = doc.bom
        new = doc.disk_text()
        doc.bom = bom
        if new is None:
            return None
        return merge3(self._base(doc), doc.text, new)

    @staticmethod
    def _base(doc: Document) -> str:
        """The text the unsaved edits were made to: the one last read or saved
        (before the file went from disk, if it did)."""
        for text in (doc.saved_text, doc.gone_base, doc.text):
            if text is not None:
                return text

    def reload(self, path, keep: str = "disk") -> Change | None:
        """Read a file again from disk after another program changed it.

        The other program's change becomes the file's text, and the unsaved
        edits are kept on top of it where they touch other lines (a three-way
        merge against the text last read, ``merge.merge3``). Where both
        changed the same lines, ``keep`` decides: "disk" (their lines) or
        "mine". Every state in the undo history is moved onto the new text the
        same way, so undo and redo take back only the user's own edits and
        never the other program's change (which is now what is saved).
        ``last_merge`` tells the lines that conflicted. None when nothing
        differs. Raises EditError for an unknown ``keep``."""
        if keep not in ("disk", "mine"):
            raise EditError(f"keep={keep!r}")
        doc = self.document_at(path)
        shown = loader._shown(doc.path)
        self.last_merge = None
        self._by_texts.clear()  # shared texts and figures beside it may have changed on disk too
        if doc.text is not None and not doc.path.exists():
            # deleted by another program: keep what is open, unsaved; saving writes it back
            if doc.saved_text is not None:
                doc.gone_base = doc.saved_text
            doc.disk, doc.saved_text = None, None
            return self._changed(self._change(ch.FILE_RELOAD, doc, _(
                "«{path}» finnes ikke lenger på disken; lagre for å skrive den på nytt").format(path=shown)))
        new = doc.disk_text()
        if new is None or doc.text is None:
            # not text (now or before): start over with what is there; nothing to undo into
            self._drop_history(doc)
            doc.load_from_disk()
            return self._changed(self._change(ch.FILE_RELOAD, doc, _("Les «{path}» på nytt").format(path=shown)))
        before = (doc.text, doc.saved_text)
        self.last_merge = self._rebase(doc, self._base(doc), new, OURS if keep == "mine" else THEIRS)
        doc.disk = disk_state(doc.path)
        doc.saved_text = new
        if (doc.text, doc.saved_text) == before:
            return None
        return self._changed(self._change(ch.FILE_RELOAD, doc, _("Les «{path}» på nytt").format(path=shown)))

    def _drop_history(self, doc: Document) -> None:
        """Forget the history entries that touch ``doc`` (those of other files stay)."""
        kept = [(i, e) for i, e in enumerate(self._history) if all(s[0] is not doc for s in e.steps)]
        self._done = sum(1 for i, _e in kept if i < self._done)
        self._history = [e for _i, e in kept]

    def _rebase(self, doc: Document, base: str, disk: str, prefer: str) -> Merge:
        """Move ``doc``'s text and every state of it in the history from
        ``base`` onto ``disk`` (each state merged with ``merge3``); each
        history entry then holds the one splice between its two moved states.
        An entry left with nothing to do goes. Returns the merge of the
        current text."""
        n = len(self._history)
        states: list[str] = [doc.text] * (n + 1)
        text = doc.text
        for k in range(self._done - 1, -1, -1):
            for d, _fwd, inv in reversed(self._history[k].steps):
                if d is doc:
                    text = inv.apply(text)
            states[k] = text
        text = doc.text
        for k in range(self._done, n):
            for d, fwd, _inv in self._history[k].steps:
                if d is doc:
                    text = fwd.apply(text)
            states[k + 1] = text
        current = doc.text
        merger = Merger(base, disk)
        merged: dict[str, Merge] = {}
        for s in states:
            if s not in merged:
                merged[s] = merger.merge(s, prefer)
        moved = [merged[s].text for s in states]
        keep = []
        for k, entry in enumerate(self._history):
            if any(s[0] is doc for s in entry.steps):
                splice = _splice_between(moved[k], moved[k + 1])
                steps, placed = [], False
                for step in entry.steps:
                    if step[0] is not doc:
                        steps.append(step)
                    elif not placed:
                        placed = True
                        if splice is not None:
                            steps.append((doc, splice, splice.inverse(moved[k])))
                entry.steps = steps
            keep.append(bool(entry.steps))
        self._done = sum(keep[:self._done])
        self._history = [e for e, kept in zip(self._history, keep) if kept]
        doc.set_text(merged[current].text)
        return merged[current]

    def restore(self, path, text: str) -> Change | None:
        """Take back an unsaved state (a recovery copy's text) as an undoable edit."""
        doc = self.document_at(path)
        return self._replace_text(doc, text, ch.FILE_RECOVER, _("Hent tilbake ulagrede endringer i «{path}»").format(
            path=loader._shown(doc.path)))

    def recover(self, path, text: str, base: str | None) -> Change | None:
        """Take back a recovery copy as an undoable edit (undo gives the file as
        it is now). ``base``: the text the copy's edits were made to
        (``RecoveryCopy.base``). When the file has changed since (a git pull,
        a sync), the copy's edits are merged onto the text now: where both
        changed the same lines the copy's lines are used, and ``last_merge``
        says where. ``base`` None: the copy is taken whole."""
        doc = self.document_at(path)
        self.last_merge = None
        if base is not None and doc.text is not None and base != doc.text:
            self.last_merge = merge3(base, text, doc.text, OURS)
            text = self.last_merge.text
        return self.restore(path, text)

    def _replace_text(self, doc: Document, text: str, kind: str, description: str) -> Change | None:
        with self._transaction() as tx:
            tx.apply(doc, Splice(0, len(doc.text), text))
        if not tx.steps:
            self._revision += 1  # the dirty state may have changed
            return None
        return self._commit(tx, self._change(kind, doc, description))



# --- small helpers ---------------------------------------------------------------------

def net_renames(pairs) -> tuple[tuple[str, str], ...]:
    """What a row of id changes ((before, after), in the order done) comes to:
    (id at the start, id at the end) for every id that ends up another, so
    a→b, b→c gives a→c and a→b, b→a (an edit and its undo) gives nothing."""
    now: dict[str, str] = {}  # id at the start -> its id now
    for old, new in pairs:
        starts = [k for k, v in now.items() if v == old]
        for k in starts:
            now[k] = new
        if not starts and old not in now:
            now[old] = new
    return tuple((a, b) for a, b in now.items() if a != b)


def _splice_between(a: str, b: str) -> Splice | None:
    """The one splice that makes ``b`` from ``a`` (their common head and tail kept)."""
    if a == b:
        return None
    n = min(len(a), len(b))
    head = _longest(lambda k: a[:k] == b[:k], n)  # by halving: slices compare in C
    tail = _longest(lambda k: a[len(a) - k:] == b[len(b) - k:], n - head)
    return Splice(head, len(a) - tail, b[head:len(b) - tail])


def _longest(holds, most: int) -> int:
    """The largest k <= ``most`` for which ``holds(k)`` (true for 0, and for
    every k below one it holds for)."""
    lo, hi = 0, most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if holds(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _refuse(values: dict, keys: tuple) -> None:
    for key in keys:
        if key in values:
            raise EditError(_("«{key}» kan ikke endres her").format(key=key))


def _same(node, value) -> bool:
    """Whether ``node`` already reads as ``value`` (so writing it would change nothing)."""
    try:
        old = SafeConstructor().construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError):
        return False
    if isinstance(value, tuple):
        value = list(value)
    return type(old) is type(value) and old == value


def _int(node) -> int | None:
    return _int_value(node.value) if isinstance(node, ScalarNode) else None


def _int_value(v) -> int | None:
    try:
        return int(str(v).strip())
    except ValueError:
        return None
