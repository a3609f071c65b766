"""The editor: one owner of the open files, their edits, undo and saving.

Every operation changes the text of one or more files by splices
(``yamltext``), records how to undo them, and broadcasts one ``Change`` to
the listeners (``subscribe``). What the map shows is read from
``editor.workspace``: new model objects after every change, read by the
same loader ``sammenkart validate`` uses, so views never hold their own copy.
See docs/editing.md for the contract.
"""
from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .. import loader
from ..i18n import _
from ..model import Case, Map, Pathway, Problem, Workspace
from . import changes as ch
from . import fields as fl
from .changes import Change, EditError, FileChangedError
from .document import Document, changed_on_disk, disk_state
from .yamltext import LastItem, Splice, Tree

Listener = Callable[[Change], None]


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()  # "leave as it is" where None means "remove"

_WHAT = {"map": "kartet", "pathway": "forløpet", "case": "kasuset"}
_HEADER = ("sammenkart", "id")
_MAP_LISTS = ("tjenester", "samarbeid")
PLACE_DECIMALS = 1  # plassering is written in map units to one decimal


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
        doc.set_text(after)
        self.steps.append((doc, splice, splice.inverse(before)))
        return True

    def rollback(self) -> None:
        for doc, _fwd, inv in reversed(self.steps):
            doc.set_text(inv.apply(doc.text))
        self.steps.clear()


class Editor:
    """Open files, edit them, undo, save. Create with ``Editor.open(path)``."""

    def __init__(self, root: Path, documents: list[Document]):
        self.root = Path(root)
        self._docs = list(documents)
        self._history: list[_Edit] = []
        self._done = 0  # history[:_done] is applied
        self._listeners: list[Listener] = []
        self._revision = 0
        self._workspace: tuple[int, Workspace] | None = None
        self.last_change: Change | None = None

    @classmethod
    def open(cls, path) -> "Editor":
        """Open a map file, a ``kart/`` folder or a folder holding ``kart/`` and
        ``kasus/`` (the same choices as ``load_workspace``). Never raises for
        bad file content: such files are open with their problems and refuse
        edits (``EditError``) until fixed."""
        path = Path(path)
        docs: list[Document] = []
        if path.exists():
            maps, forlop, kasus = loader._find_folders(path)
            docs += [Document.read(p, "map") for p in maps]
            docs += [Document.read(p, "pathway") for p in (loader._yaml_files(forlop) if forlop else [])]
            docs += [Document.read(p, "case") for p in (loader._yaml_files(kasus) if kasus else [])]
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
        edited texts (new objects after each change; never mutate them)."""
        if self._workspace is None or self._workspace[0] != self._revision:
            ws = Workspace(root=self.root)
            if not self.root.exists():
                ws.problems.append(Problem(loader.Source(str(self.root)),
                                           _("finner ikke «{path}»").format(path=self.root)))
            stores = {"map": ws.maps, "pathway": ws.pathways, "case": ws.cases}
            for d in self._docs:
                obj, problems = d.snapshot()
                loader.add(ws, stores[d.kind], obj, problems, _(_WHAT[d.kind]))
            ws.problems.extend(loader.reference_problems(ws))
            self._workspace = (self._revision, ws)
        return self._workspace[1]

    def map(self, map_id: str) -> Map | None:
        return self.workspace.maps.get(map_id)

    def pathway(self, pathway_id: str) -> Pathway | None:
        return self.workspace.pathways.get(pathway_id)

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
            doc.set_text(inv.apply(doc.text))
        return self._changed(edit.change.as_origin(ch.UNDO))

    def redo(self) -> Change | None:
        if not self.can_redo():
            return None
        edit = self._history[self._done]
        self._done += 1
        for doc, fwd, _inv in edit.steps:
            doc.set_text(fwd.apply(doc.text))
        return self._changed(edit.change.as_origin(ch.REDO))

    def _changed(self, change: Change) -> Change:
        self._revision += 1
        self._broadcast(change)
        return change

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
                if key in fl.required(doc.kind, where):
                    raise EditError(_("«{key}» må ha en verdi i {what}").format(key=key, what=what))
                if self._delete_key(tx, doc, path, key):
                    written.append(key)
                continue
            tree = self._tree(doc)
            old = tree.node((*path, key))
            if isinstance(value, dict) and isinstance(old, MappingNode) and old.value:
                sub = self._set_fields(tx, doc, (*path, key), (*where, key), value, f"«{key}»")
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
            return tx.apply(doc, Splice(seq.start_mark.index, seq.end_mark.index, "[" + ", ".join(parts) + "]"))
        raw = tree.item_text(path, index)
        tx.apply(doc, tree.delete_item(path, index))
        tx.apply(doc, self._tree(doc).insert_item(path, new_index, raw=raw, before_next=before_next))
        return True

    def _change(self, kind: str, doc: Document, text: str, items=(), links=(), keys=()) -> Change:
        return Change(kind=kind, path=doc.path, file_kind=doc.kind, file_id=doc.id, items=tuple(items),
                      links=tuple(links), keys=tuple(keys), text=text)

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

    # --- maps --------------------------------------------------------------------
    def _service_index(self, doc: Document, service_id: str) -> int:
        i = self._tree(doc).find_item(("tjenester",), "id", service_id)
        if i is None:
            raise EditError(_("kartet «{map}» har ingen tjeneste med id «{id}»").format(map=doc.id, id=service_id))
        return i

    def _service_name(self, doc: Document, i: int) -> str:
        node = self._tree(doc).node(("tjenester", i, "navn"))
        return node.value if isinstance(node, ScalarNode) else "?"

    def set_map(self, map_id: str, **values) -> Change | None:
        """Set the map's own keys (``navn``, ``oppdatert``, ``nivaer``, ...; None removes).
        Not ``sammenkart``, ``id``, ``tjenester``, ``samarbeid`` (their own operations)."""
        doc = self.document("map", map_id)
        _refuse(values, _HEADER + _MAP_LISTS)
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, (), (), values, _("kartet"))
        return self._commit(tx, self._change(ch.MAP_SET, doc, _("Endre {keys} for kartet").format(
            keys=", ".join(keys)), keys=keys))

    def set_service(self, map_id: str, service_id: str, **values) -> Change | None:
        """Set a service's keys: ``navn``, ``type``, ``niva``, ``sektor``,
        ``beskrivelse``, ``alder``, ``kontakt`` (a dict; its keys are set one by
        one), ``plassering``, ``kommune`` and any other key the schema has.
        None removes an optional key. Text for a number (``niva="2"``) is
        typed by the schema. The ``id`` is not changed here. Returns the
        Change, or None when nothing changed. Raises EditError."""
        doc = self.document("map", map_id)
        _refuse(values, ("id",))
        with self._transaction() as tx:
            i = self._service_index(doc, service_id)
            name = self._service_name(doc, i)
            keys = self._set_fields(tx, doc, ("tjenester", i), ("tjenester", "[]"), values,
                                    _("tjenesten «{id}»").format(id=service_id))
        return self._commit(tx, self._change(ch.SERVICE_SET, doc, _("Endre {keys} for «{name}»").format(
            keys=", ".join(keys), name=name), items=(service_id,), keys=keys))

    def add_service(self, map_id: str, *, index: int | None = None, **values) -> str:
        """Add a service; returns its id. ``id`` defaults to a slug of ``navn``
        (made unique); ``navn`` to "Ny tjeneste", ``niva`` to the lowest level,
        ``sektor`` to "kommune". Goes after the last service of its level
        (or at list position ``index``)."""
        doc = self.document("map", map_id)
        tree = self._tree(doc)
        values = {k: v for k, v in values.items() if v is not None}
        fl.check_keys("map", ("tjenester", "[]"), values, _("tjenesten"))
        props = fl.properties("map", ("tjenester", "[]"))
        values.setdefault("navn", _("Ny tjeneste"))
        values.setdefault("niva", self._lowest_level(doc))
        values.setdefault("sektor", "kommune")
        sid = values.pop("id", None) or self._new_id(tree, values["navn"])
        if tree.find_item(("tjenester",), "id", sid) is not None:
            raise EditError(_("kartet har allerede en tjeneste med id «{id}»").format(id=sid))
        item = {"id": sid}
        for key in props:
            if key in values:
                item[key] = fl.coerce(props[key], values[key])
        if index is None:
            index = self._band_end(tree, item["niva"])
        with self._transaction() as tx:
            self._insert(tx, doc, (), "tjenester", index, item, fl.key_order("map", ()))
        self._commit(tx, self._change(ch.SERVICE_ADD, doc, _("Legg til «{name}»").format(name=item["navn"]),
                                      items=(sid,), keys=tuple(item)))
        return sid

    def duplicate_service(self, map_id: str, service_id: str) -> str:
        """Copy a service (every key and comment inside it) right after it, with
        a new id and "(kopi)" after the name; a pinned position is not copied.
        Returns the new id."""
        doc = self.document("map", map_id)
        tree = self._tree(doc)
        i = self._service_index(doc, service_id)
        name = self._service_name(doc, i)
        new_name = _("{name} (kopi)").format(name=name)
        sid = self._new_id(tree, service_id)
        order = fl.key_order("map", ("tjenester", "[]"))
        with self._transaction() as tx:
            tx.apply(doc, tree.insert_item(("tjenester",), i + 1, raw=tree.item_text(("tjenester",), i)))
            tx.apply(doc, self._tree(doc).set_value(("tjenester", i + 1), "id", sid, order))
            tx.apply(doc, self._tree(doc).set_value(("tjenester", i + 1), "navn", new_name, order))
            self._delete_key(tx, doc, ("tjenester", i + 1), "plassering")
        self._commit(tx, self._change(ch.SERVICE_ADD, doc, _("Kopier «{name}»").format(name=name),
                                      items=(sid,), keys=("id", "navn")))
        return sid

    def remove_service(self, map_id: str, service_id: str) -> Change:
        """Delete a service, and with it every collaboration link (``samarbeid``)
        that named it and no longer names any service (a link to a *type*
        another service still has stays). Pathways and cases are not changed:
        their references are shared text, and a missing one is a warning.
        One undo brings the service and its links back, comments included."""
        doc = self.document("map", map_id)
        tree = self._tree(doc)
        i = self._service_index(doc, service_id)
        name = self._service_name(doc, i)
        before = _declared_names(tree)
        removed_links = []
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "tjenester", i)
            after = _declared_names(self._tree(doc))
            gone = before - after
            links = self._tree(doc).node(("samarbeid",))
            doomed = []
            for j, ln in enumerate(links.value if isinstance(links, SequenceNode) else []):
                refs = _link_refs(ln)
                if refs and any(r in gone for r in refs):
                    doomed.append(j)
                    removed_links.append(tuple(refs[:2]))
            for j in reversed(doomed):
                self._delete_item(tx, doc, (), "samarbeid", j)
        return self._commit(tx, self._change(ch.SERVICE_REMOVE, doc, _("Slett «{name}»").format(name=name),
                                             items=(service_id,), links=removed_links))

    def move_service(self, map_id: str, service_id: str, *, niva: int | None = None, position: int | None = None,
                     plassering=UNSET) -> Change | None:
        """Move a card: to level ``niva`` (a band) and/or to ``position`` among
        the services of its band (0 = first; the file's order is the band's
        order). ``plassering``: (x, y) pins the card there, None unpins it, left
        out leaves it. A new level without a position puts the card last in its band."""
        doc = self.document("map", map_id)
        with self._transaction() as tx:
            i = self._service_index(doc, service_id)
            name = self._service_name(doc, i)
            tree = self._tree(doc)
            keys = []
            current = _int(tree.node(("tjenester", i, "niva")))
            target = current if niva is None else int(niva)
            if niva is not None and target != current:
                keys += self._set_fields(tx, doc, ("tjenester", i), ("tjenester", "[]"), {"niva": target},
                                         _("tjenesten"))
                if position is None:
                    position = 1 << 30
            if position is not None:
                tree = self._tree(doc)
                band = [j for j in range(self._count(tree, ("tjenester",)))
                        if j != i and _int(tree.node(("tjenester", j, "niva"))) == target]
                # k: the list position (counted with the card still in) it goes before
                ahead = position < len(band)
                if ahead:
                    k = band[max(0, position)]
                elif band:
                    k = band[-1] + 1
                else:
                    k = self._band_end(tree, target, skip=i)
                new = k - 1 if k > i else k  # the list is one shorter once it is taken out
                if self._move_item(tx, doc, ("tjenester",), i, new, before_next=ahead):
                    keys.append("rekkefølge")
                    i = new
            if plassering is not UNSET:
                place = None if plassering is None else [_round(v) for v in plassering]
                keys += self._set_fields(tx, doc, ("tjenester", i), ("tjenester", "[]"), {"plassering": place},
                                         _("tjenesten"))
        return self._commit(tx, self._change(ch.SERVICE_MOVE, doc, _("Flytt «{name}»").format(name=name),
                                             items=(service_id,), keys=keys))

    def add_link(self, map_id: str, a: str, b: str, merknad: str | None = None) -> Change | None:
        """Add a collaboration link between references ``a`` and ``b`` (service
        ids or types); None when the two are already linked."""
        doc = self.document("map", map_id)
        if self._link_index(doc, a, b) is not None:
            return None
        link = {"mellom": [a, b]}
        if merknad:
            link["merknad"] = merknad
        with self._transaction() as tx:
            self._insert(tx, doc, (), "samarbeid", None, link, fl.key_order("map", ()))
        return self._commit(tx, self._change(ch.LINK_ADD, doc, _("Legg til samarbeid {a} – {b}").format(a=a, b=b),
                                             links=((a, b),), keys=tuple(link)))

    def set_link(self, map_id: str, a: str, b: str, **values) -> Change | None:
        """Set a link's ``merknad`` (None removes it)."""
        doc = self.document("map", map_id)
        j = self._link_index(doc, a, b)
        if j is None:
            raise EditError(_("det finnes ikke noe samarbeid mellom «{a}» og «{b}»").format(a=a, b=b))
        _refuse(values, ("mellom",))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, ("samarbeid", j), ("samarbeid", "[]"), values, _("samarbeidet"))
        return self._commit(tx, self._change(ch.LINK_SET, doc, _("Endre samarbeid {a} – {b}").format(a=a, b=b),
                                             links=((a, b),), keys=keys))

    def remove_link(self, map_id: str, a: str, b: str) -> Change:
        """Delete the link between ``a`` and ``b`` (either order). Raises EditError."""
        doc = self.document("map", map_id)
        j = self._link_index(doc, a, b)
        if j is None:
            raise EditError(_("det finnes ikke noe samarbeid mellom «{a}» og «{b}»").format(a=a, b=b))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "samarbeid", j)
        return self._commit(tx, self._change(ch.LINK_REMOVE, doc, _("Slett samarbeid {a} – {b}").format(a=a, b=b),
                                             links=((a, b),)))

    def _link_index(self, doc: Document, a: str, b: str) -> int | None:
        links = self._tree(doc).node(("samarbeid",))
        for j, ln in enumerate(links.value if isinstance(links, SequenceNode) else []):
            if sorted(_link_refs(ln)) == sorted([a, b]):
                return j
        return None

    def _lowest_level(self, doc: Document) -> int:
        m = doc.object()
        levels = m.levels_bottom_up() if isinstance(m, Map) else []
        return levels[0].id if levels else 0

    @staticmethod
    def _band_end(tree: Tree, niva, skip: int | None = None) -> int:
        """List position after the last service at level ``niva`` or below."""
        target = _int_value(niva)
        end = 0
        for j in range(Editor._count(tree, ("tjenester",))):
            if j == skip:
                continue
            level = _int(tree.node(("tjenester", j, "niva")))
            if level is not None and target is not None and level <= target:
                end = j + 1
        return end

    @staticmethod
    def _new_id(tree: Tree, name: str) -> str:
        base = slug(name) or "tjeneste"
        sid, n = base, 2
        while tree.find_item(("tjenester",), "id", sid) is not None:
            sid, n = f"{base}-{n}", n + 1
        return sid

    # --- pathways ----------------------------------------------------------------
    def set_pathway(self, pathway_id: str, **values) -> Change | None:
        """Set the pathway's own keys (``navn``, ``beskrivelse``, ``malform``, ...)."""
        doc = self.document("pathway", pathway_id)
        _refuse(values, _HEADER + ("roller", "flyt", "sjekkliste"))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, (), (), values, _("forløpet"))
        return self._commit(tx, self._change(ch.PATHWAY_SET, doc, _("Endre {keys} i forløpet «{id}»").format(
            keys=", ".join(keys), id=pathway_id), keys=keys))

    def set_role(self, pathway_id: str, reference: str, **headings) -> Change | None:
        """Set the headings of one reference's role (``rolle``, ``kartlegging``,
        ``tiltak``, ``evaluering``, ``samarbeid``, ``henvisning``; None removes
        one). A reference without a role gets one, after the others."""
        doc = self.document("pathway", pathway_id)
        what = _("rollen til «{ref}»").format(ref=reference)
        fl.check_keys("pathway", ("roller", "*"), headings, what)
        with self._transaction() as tx:
            tree = self._tree(doc)
            if not isinstance(tree.node(("roller",)), MappingNode):
                body = {k: v for k, v in headings.items() if v is not None}
                tx.apply(doc, tree.set_value((), "roller", {reference: body}, fl.key_order("pathway", ())))
                keys = list(body)
            elif not isinstance(tree.node(("roller", reference)), MappingNode):
                body = {k: headings[k] for k in fl.key_order("pathway", ("roller", "*"))
                        if headings.get(k) is not None}
                tx.apply(doc, tree.set_value(("roller",), reference, body))
                keys = list(body)
            else:
                keys = self._set_fields(tx, doc, ("roller", reference), ("roller", "*"), headings, what)
        return self._commit(tx, self._change(ch.ROLE_SET, doc, _("Endre rollen til «{ref}» i «{id}»").format(
            ref=reference, id=pathway_id), items=(reference,), keys=keys))

    def remove_role(self, pathway_id: str, reference: str) -> Change:
        doc = self.document("pathway", pathway_id)
        if self._tree(doc).node(("roller", reference)) is None:
            raise EditError(_("forløpet «{id}» har ingen rolle for «{ref}»").format(id=pathway_id, ref=reference))
        with self._transaction() as tx:
            self._delete_key(tx, doc, ("roller",), reference)
        return self._commit(tx, self._change(ch.ROLE_REMOVE, doc, _("Slett rollen til «{ref}» i «{id}»").format(
            ref=reference, id=pathway_id), items=(reference,)))

    def add_step(self, pathway_id: str, fra: str, til: str, art: str | None = None, nar: str | None = None,
                 index: int | None = None) -> int:
        """Add a flow step (at ``index``, default last); returns its index."""
        doc = self.document("pathway", pathway_id)
        step = {k: v for k, v in (("fra", fra), ("til", til), ("art", art), ("nar", nar)) if v is not None}
        with self._transaction() as tx:
            i = self._insert(tx, doc, (), "flyt", index, step, fl.key_order("pathway", ()))
        self._commit(tx, self._change(ch.STEP_ADD, doc, _("Legg til steg {n} i «{id}»").format(
            n=i + 1, id=pathway_id), items=(i,), keys=tuple(step)))
        return i

    def set_step(self, pathway_id: str, index: int, **values) -> Change | None:
        """Set a flow step's ``fra``, ``til``, ``art``, ``nar`` (None removes ``art``/``nar``)."""
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("flyt",), index, _("steget"))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, ("flyt", index), ("flyt", "[]"), values,
                                    _("steg {n} i «flyt»").format(n=index + 1))
        return self._commit(tx, self._change(ch.STEP_SET, doc, _("Endre steg {n} i «{id}»").format(
            n=index + 1, id=pathway_id), items=(index,), keys=keys))

    def remove_step(self, pathway_id: str, index: int) -> Change:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("flyt",), index, _("steget"))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "flyt", index)
        return self._commit(tx, self._change(ch.STEP_REMOVE, doc, _("Slett steg {n} i «{id}»").format(
            n=index + 1, id=pathway_id), items=(index,)))

    def move_step(self, pathway_id: str, index: int, new_index: int) -> Change | None:
        """Move flow step ``index`` so that it becomes step ``new_index``."""
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("flyt",), index, _("steget"))
        with self._transaction() as tx:
            self._move_item(tx, doc, ("flyt",), index, new_index)
        return self._commit(tx, self._change(ch.STEP_MOVE, doc, _("Flytt steg {n} til plass {m} i «{id}»").format(
            n=index + 1, m=new_index + 1, id=pathway_id), items=(index, new_index)))

    def add_checklist_item(self, pathway_id: str, text: str, index: int | None = None) -> int:
        doc = self.document("pathway", pathway_id)
        with self._transaction() as tx:
            i = self._insert(tx, doc, (), "sjekkliste", index, text, fl.key_order("pathway", ()))
        self._commit(tx, self._change(ch.CHECKLIST_ADD, doc, _("Legg til punkt i sjekklisten i «{id}»").format(
            id=pathway_id), items=(i,)))
        return i

    def set_checklist_item(self, pathway_id: str, index: int, text: str) -> Change | None:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("sjekkliste",), index, _("punktet"))
        with self._transaction() as tx:
            node = self._tree(doc).node(("sjekkliste", index))
            if not _same(node, text):
                tx.apply(doc, self._tree(doc).set_item(("sjekkliste",), index, text))
        return self._commit(tx, self._change(ch.CHECKLIST_SET, doc, _("Endre punkt {n} i sjekklisten i «{id}»").format(
            n=index + 1, id=pathway_id), items=(index,)))

    def remove_checklist_item(self, pathway_id: str, index: int) -> Change:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("sjekkliste",), index, _("punktet"))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "sjekkliste", index)
        return self._commit(tx, self._change(ch.CHECKLIST_REMOVE, doc, _("Slett punkt {n} i sjekklisten i «{id}»").format(
            n=index + 1, id=pathway_id), items=(index,)))

    def move_checklist_item(self, pathway_id: str, index: int, new_index: int) -> Change | None:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("sjekkliste",), index, _("punktet"))
        with self._transaction() as tx:
            self._move_item(tx, doc, ("sjekkliste",), index, new_index)
        return self._commit(tx, self._change(ch.CHECKLIST_MOVE, doc, _("Flytt punkt {n} i sjekklisten i «{id}»").format(
            n=index + 1, id=pathway_id), items=(index, new_index)))

    # --- cases --------------------------------------------------------------------
    def set_case(self, case_id: str, **values) -> Change | None:
        """Set the case's own keys (``tittel``, ``ingress``, ``forlop``, ``alder``, ...)."""
        doc = self.document("case", case_id)
        _refuse(values, _HEADER + ("steg",))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, (), (), values, _("kasuset"))
        return self._commit(tx, self._change(ch.CASE_SET, doc, _("Endre {keys} i kasuset «{id}»").format(
            keys=", ".join(keys), id=case_id), keys=keys))

    def add_case_step(self, case_id: str, tittel: str, tekst: str, index: int | None = None, **values) -> int:
        """Add a step (``tittel``, ``tekst``, and ``sporsmal``, ``involverte``,
        ``forslag``, ``fasilitator`` if given); returns its index."""
        doc = self.document("case", case_id)
        fl.check_keys("case", ("steg", "[]"), values, _("steget"))
        props = fl.properties("case", ("steg", "[]"))
        given = {"tittel": tittel, "tekst": tekst, **values}
        step = {k: fl.coerce(props[k], given[k]) for k in props if given.get(k) is not None}
        with self._transaction() as tx:
            i = self._insert(tx, doc, (), "steg", index, step, fl.key_order("case", ()))
        self._commit(tx, self._change(ch.CASE_STEP_ADD, doc, _("Legg til steg {n} i kasuset «{id}»").format(
            n=i + 1, id=case_id), items=(i,), keys=tuple(step)))
        return i

    def set_case_step(self, case_id: str, index: int, **values) -> Change | None:
        doc = self.document("case", case_id)
        self._index(doc, ("steg",), index, _("steget"))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, ("steg", index), ("steg", "[]"), values,
                                    _("steg {n}").format(n=index + 1))
        return self._commit(tx, self._change(ch.CASE_STEP_SET, doc, _("Endre steg {n} i kasuset «{id}»").format(
            n=index + 1, id=case_id), items=(index,), keys=keys))

    def remove_case_step(self, case_id: str, index: int) -> Change:
        doc = self.document("case", case_id)
        self._index(doc, ("steg",), index, _("steget"))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "steg", index)
        return self._commit(tx, self._change(ch.CASE_STEP_REMOVE, doc, _("Slett steg {n} i kasuset «{id}»").format(
            n=index + 1, id=case_id), items=(index,)))

    def move_case_step(self, case_id: str, index: int, new_index: int) -> Change | None:
        doc = self.document("case", case_id)
        self._index(doc, ("steg",), index, _("steget"))
        with self._transaction() as tx:
            self._move_item(tx, doc, ("steg",), index, new_index)
        return self._commit(tx, self._change(ch.CASE_STEP_MOVE, doc, _("Flytt steg {n} til plass {m} i kasuset «{id}»").format(
            n=index + 1, m=new_index + 1, id=case_id), items=(index, new_index)))

    # --- checking a value before it is applied ----------------------------------------
    def check_field(self, target: tuple, key: str, value) -> list[Problem]:
        """The validator's problems a form field would get with ``value``,
        without changing anything ("check as you type").

        ``target``: ("map", map_id), ("service", map_id, service_id),
        ("link", map_id, a, b), ("pathway", pathway_id), ("role", pathway_id,
        reference), ("step", pathway_id, index), ("case", case_id),
        ("case_step", case_id, index). The value is written into a trial copy
        of the file, which is read by the loader; the problems on the lines of
        that key (and those at the object naming the key) are returned, with
        the same messages as ``sammenkart validate``. Raises EditError for a
        target that does not exist."""
        kind, file_id, *rest = target
        doc_kind = {"map": "map", "service": "map", "link": "map", "pathway": "pathway", "role": "pathway",
                    "step": "pathway", "case": "case", "case_step": "case"}[kind]
        doc = self.document(doc_kind, file_id)
        path, where, what = self._target_path(doc, kind, rest)
        tx = _Transaction()
        try:
            try:
                self._set_fields(tx, doc, path, where, {key: value}, what)
            except EditError as exc:
                node = self._tree(doc).node(path)
                line = node.start_mark.line + 1 if node is not None else 1
                return [Problem(loader.Source(loader._shown(doc.path), line, 1), str(exc))]
            tree = self._tree(doc)
            obj_node = tree.node(path)
            entry = tree.entry(obj_node, key) if obj_node is not None else None
            lines = (entry[0].start_mark.line + 1, tree.text.count("\n", 0, tree.end(entry[1])) + 1) if entry else None
            obj_line = obj_node.start_mark.line + 1 if obj_node is not None else 0
            self._revision += 1
            problems = self.workspace.problems
        finally:
            tx.rollback()
            self._revision += 1
        shown = loader._shown(doc.path)
        values = [str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v is not None]
        out = []
        for p in problems:
            if p.source.path != shown:
                continue
            on_lines = lines is not None and lines[0] <= p.source.line <= lines[1]
            at_object = p.source.line == obj_line and (f"«{key}»" in p.message or any(f"«{v}»" in p.message for v in values))
            if on_lines or at_object:
                out.append(p)
        return out

    def _target_path(self, doc: Document, kind: str, rest: list) -> tuple[tuple, tuple, str]:
        """(path in the file, place in the schema, words for messages) of a check_field target."""
        if kind in ("map", "pathway", "case"):
            return (), (), _(_WHAT[kind])
        if kind == "service":
            return (("tjenester", self._service_index(doc, rest[0])), ("tjenester", "[]"),
                    _("tjenesten «{id}»").format(id=rest[0]))
        if kind == "link":
            j = self._link_index(doc, rest[0], rest[1])
            if j is None:
                raise EditError(_("det finnes ikke noe samarbeid mellom «{a}» og «{b}»").format(a=rest[0], b=rest[1]))
            return ("samarbeid", j), ("samarbeid", "[]"), _("samarbeidet")
        if kind == "role":
            if not isinstance(self._tree(doc).node(("roller", rest[0])), MappingNode):
                raise EditError(_("forløpet «{id}» har ingen rolle for «{ref}»").format(id=doc.id, ref=rest[0]))
            return ("roller", rest[0]), ("roller", "*"), _("rollen til «{ref}»").format(ref=rest[0])
        if kind == "step":
            i = self._index(doc, ("flyt",), rest[0], _("steget"))
            return ("flyt", i), ("flyt", "[]"), _("steg {n} i «flyt»").format(n=i + 1)
        i = self._index(doc, ("steg",), rest[0], _("steget"))
        return ("steg", i), ("steg", "[]"), _("steg {n}").format(n=i + 1)

    # --- files ----------------------------------------------------------------------
    def save(self, paths=None, *, overwrite: bool = False) -> list[Path]:
        """Write the files with unsaved changes (all, or those in ``paths``),
        each atomically; returns the paths written. Undo still works after.

        Raises ``FileChangedError`` (nothing written) when one of them was
        changed on disk by another program since it was read, unless
        ``overwrite``; raises EditError when a file cannot be written (those
        written before it stay saved)."""
        from .. import atomic
        from . import recovery

        wanted = None if paths is None else {Path(p).resolve() for p in paths}
        docs = [d for d in self._docs if d.dirty and (wanted is None or d.path.resolve() in wanted)]
        conflicts = [d.path for d in docs if changed_on_disk(d.path, d.disk) and d.disk is not None]
        if conflicts and not overwrite:
            raise FileChangedError(_("{files} er endret av et annet program siden de ble lest; lagre likevel, "
                                     "eller les dem inn på nytt").format(
                files=", ".join(loader._shown(p) for p in conflicts)), conflicts)
        written = []
        for d in docs:
            try:
                atomic.write_bytes(d.path, d.to_bytes())
            except OSError as exc:
                raise EditError(_("kunne ikke lagre «{path}»: {error}").format(
                    path=loader._shown(d.path), error=exc.strerror or exc)) from exc
            d.saved_text = d.text
            d.disk = disk_state(d.path)
            recovery.discard(d.path)
            written.append(d.path)
            self._broadcast(self._change(ch.FILE_SAVE, d, _("Lagret «{path}»").format(
                path=loader._shown(d.path))).as_origin(ch.SAVE))
        return written

    def changed_on_disk(self) -> list[Path]:
        """Open files whose content on disk differs from what was last read or
        saved (another program wrote them). The GUI's file watcher calls this."""
        return [d.path for d in self._docs if changed_on_disk(d.path, d.disk)]

    def reload(self, path) -> Change | None:
        """Read a file again from disk. Recorded as an edit, so an unsaved
        state it replaced comes back with undo; None when nothing differs."""
        doc = self.document_at(path)
        new = doc.disk_text()
        if new is None or doc.text is None:
            # not text (now or before): start over with what is there; nothing to undo into
            self._history = [e for e in self._history if all(s[0] is not doc for s in e.steps)]
            self._done = min(self._done, len(self._history))
            doc.load_from_disk()
            return self._changed(self._change(ch.FILE_RELOAD, doc, _("Les «{path}» på nytt").format(
                path=loader._shown(doc.path))))
        doc.disk = disk_state(doc.path)
        doc.saved_text = new
        return self._replace_text(doc, new, ch.FILE_RELOAD, _("Les «{path}» på nytt").format(
            path=loader._shown(doc.path)))

    def restore(self, path, text: str) -> Change | None:
        """Take back an unsaved state (a recovery copy's text) as an undoable edit."""
        doc = self.document_at(path)
        return self._replace_text(doc, text, ch.FILE_RECOVER, _("Hent tilbake ulagrede endringer i «{path}»").format(
            path=loader._shown(doc.path)))

    def _replace_text(self, doc: Document, text: str, kind: str, description: str) -> Change | None:
        with self._transaction() as tx:
            tx.apply(doc, Splice(0, len(doc.text), text))
        if not tx.steps:
            self._revision += 1  # the dirty state may have changed
            return None
        return self._commit(tx, self._change(kind, doc, description))


# --- small helpers ---------------------------------------------------------------------

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


def _round(v) -> int | float:
    r = round(float(v), PLACE_DECIMALS)
    return int(r) if r.is_integer() else r


def _link_refs(link) -> list[str]:
    e = Tree.entry(link, "mellom")
    if e is None or not isinstance(e[1], SequenceNode):
        return []
    return [it.value for it in e[1].value if isinstance(it, ScalarNode)]


def _declared_names(tree: Tree) -> set[str]:
    """Every service id and type written in the map (as the reader collects
    them for checking links)."""
    names = set()
    seq = tree.node(("tjenester",))
    for it in seq.value if isinstance(seq, SequenceNode) else []:
        for key in ("id", "type"):
            e = Tree.entry(it, key)
            if e and isinstance(e[1], ScalarNode):
                names.add(e[1].value)
    return names


_TRANSLIT = {"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"}


def slug(text: str) -> str:
    """An id from a name: "Helsestasjon for ungdom" → "helsestasjon-for-ungdom"."""
    text = "".join(_TRANSLIT.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
