"""Edits of a map: its own keys, services (add, duplicate, remove, move) and links."""
from __future__ import annotations

import re

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from ..checks import SLUG, SLUG_PATTERN, Checker
from ..i18n import _, quote
from ..model import Map
from ..roles import STANDARD_ROLES
from . import changes as ch
from . import fields as fl
from . import references
from .changes import Change, EditError
from .core import _HEADER, UNSET, EditorCore, _int, _int_value, _refuse, slug
from .document import Document
from .yamltext import Splice, Tree

_MAP_LISTS = ("tjenester", "samarbeid")
PLACE_DECIMALS = 1  # plassering is written in map units to one decimal


class MapEdits:
    """Operations on map files (mixed into ``Editor``)."""

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
        values = dict(values)
        level = self._level_value(values.get("niva"))
        if level is not None:
            values.pop("niva")  # a new level moves the entry too, as a drag does (move_service)
        renamed = ()
        with self._transaction() as tx:
            i = self._service_index(doc, service_id)
            name = self._service_name(doc, i)
            auto = self._auto_id(doc, service_id, name)
            keys = self._set_fields(tx, doc, ("tjenester", i), ("tjenester", "[]"), values,
                                    _("tjenesten «{id}»").format(id=name))
            if level is not None:
                keys = [*self._relevel(tx, doc, service_id, level, None), *keys]
            sid = service_id
            if auto and "navn" in keys:  # a new service's id follows its name while nothing names the id
                i = self._service_index(doc, service_id)
                new = self._new_id(self._tree(doc), self._service_name(doc, i), skip=i)
                if new != service_id and not references.find(self._docs, doc, self.workspace, service_id).outside(doc):
                    keys += self._rename(tx, doc, service_id, new)
                    sid, renamed = new, ((service_id, new),)
        return self._commit(tx, self._change(ch.SERVICE_SET, doc, _("Endre {keys} for «{name}»").format(
            keys=", ".join(dict.fromkeys(keys)), name=name), items=(sid,), keys=tuple(dict.fromkeys(keys)),
            renamed=renamed))

    def rename_service(self, map_id: str, service_id: str, new_id: str) -> Change | None:
        """Give a service another ``id``, as one edit (one undo takes it all back).

        What named the old id is made to name the new one: the map's own
        ``samarbeid`` and ``henvisningsrett``, and the open pathways' and cases'
        references. A service without a ``type`` whose id is a standard role
        (docs/roller.md) keeps that role: ``type: <old id>`` is written, and the
        references, which name the role, stay as they are. Returns the Change
        (``renamed`` holds the pair), None when the id is the same.

        Raises EditError (nothing changed) when the new id is not a slug, is
        taken (another service's id or type), or when the old id is named
        where the editor cannot write it (a shared text a local adaptation
        builds on, the figures) or where it may mean another map's service."""
        doc = self.document("map", map_id)
        if new_id == service_id:
            return None
        with self._transaction() as tx:
            i = self._service_index(doc, service_id)
            name = self._service_name(doc, i)
            keys = self._rename(tx, doc, service_id, new_id)
        return self._commit(tx, self._change(ch.SERVICE_SET, doc, _("Endre id for «{name}» til {id}").format(
            name=name, id=new_id), items=(new_id,), keys=keys, renamed=((service_id, new_id),)))

    def _rename(self, tx, doc: Document, old: str, new) -> list[str]:
        """The steps of ``rename_service`` inside a transaction; returns the keys written."""
        i = self._service_index(doc, old)
        name = self._service_name(doc, i)
        what = _("tjenesten «{id}»").format(id=name)
        if not isinstance(new, str) or not new.strip():
            raise EditError(_("«{key}» må ha en verdi i {what}").format(key="id", what=what))
        if not SLUG.search(new):
            raise EditError(Checker._pattern_message(SLUG_PATTERN, quote("id"), "id", new, what))
        tree = self._tree(doc)
        if tree.find_item(("tjenester",), "id", new) is not None:
            raise EditError(_("kartet har allerede en tjeneste med id «{id}»").format(id=new))
        m = doc.object()
        taken = [s for s in (m.tjenester if isinstance(m, Map) else ()) if s.id != old and s.role == new]
        if taken:
            raise EditError(_("«{id}» er typen til «{name}» i kartet; velg en annen id").format(id=new, name=taken[0].navn))
        entry = tree.entry(tree.node(("tjenester", i)), "type")
        written_type = entry[1].value if entry is not None and isinstance(entry[1], ScalarNode) else None
        keep_role = written_type is None and old in STANDARD_ROLES  # its id was its role: the role stays
        found = None
        if written_type != old and not keep_role:  # what named the old id would name nothing
            found = references.find(self._docs, doc, self.workspace, old)
            self._may_rename(doc, old, found)
        id_node = tree.node(("tjenester", i, "id"))
        spans = {doc: [(tree.ix(id_node.start_mark), tree.end(id_node))]}
        for d, ss in (found.spans.items() if found is not None else ()):
            spans.setdefault(d, []).extend(ss)
        for d, ss in spans.items():
            for start, end in sorted(set(ss), reverse=True):  # the last first: earlier offsets stay right
                tx.apply(d, Splice(start, end, new))
        keys = ["id"]
        if keep_role:
            order = fl.key_order("map", ("tjenester", "[]"))
            tx.apply(doc, self._tree(doc).set_value(("tjenester", i), "type", old, order))
            keys.append("type")
        return keys

    def _may_rename(self, doc: Document, old: str, found) -> None:
        """Refuse (EditError) a rename whose references cannot all follow."""
        if found.elsewhere:
            shown = found.elsewhere[:3] + (["…"] if len(found.elsewhere) > 3 else [])
            raise EditError(_("id-en «{id}» kan ikke endres her: den er nevnt i {places}, som ikke kan endres herfra; "
                              "endre referansen der først, eller gi tjenesten typen «{id}»").format(
                id=old, places=", ".join(shown)))
        if found.outside(doc):
            ws = self.workspace
            other = next((m for m in ws.maps.values() if m.id != doc.id and m.resolve(old)), None)
            if other is not None:
                raise EditError(_("id-en «{id}» kan ikke endres her: forløp og kasus som nevner «{id}», gjelder også "
                                  "kartet «{map}», som har en tjeneste med den id-en eller typen").format(
                    id=old, map=other.navn))

    def _auto_id(self, doc: Document, service_id: str, name: str) -> bool:
        """Whether a service's id is still the one the program made: the service
        is new (not in the file as last read or saved) and its id is the slug of
        its name, or of the service it was copied from, with a number or none."""
        if doc.saved_text is None:
            return False
        try:
            if Tree(doc.saved_text).find_item(("tjenester",), "id", service_id) is not None:
                return False
        except yaml.YAMLError:
            return False
        if re.fullmatch(re.escape(slug(name) or "tjeneste") + r"(-[0-9]+)?", service_id):
            return True
        copied = re.fullmatch(r"(.+)-[0-9]+", service_id)
        return bool(copied) and self._tree(doc).find_item(("tjenester",), "id", copied.group(1)) is not None

    @staticmethod
    def _level_value(niva):
        """``niva`` as a level number to move to, or None (not given, or not a number:
        then it is written as given and the validator says what is wrong)."""
        if niva is None or niva is UNSET:
            return None
        value = _int_value(niva)
        return value if not isinstance(niva, bool) else None

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
            if self._tree(doc).node(("tjenester", i + 1, "type")) is None:
                # the original's id was its role (type defaults to id): the copy fills the same role
                tx.apply(doc, self._tree(doc).set_value(("tjenester", i + 1), "type", service_id, order))
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
            name = self._service_name(doc, self._service_index(doc, service_id))
            keys = self._relevel(tx, doc, service_id, niva, position)
            if plassering is not UNSET:
                i = self._service_index(doc, service_id)
                place = None if plassering is None else [_round(v) for v in plassering]
                keys += self._set_fields(tx, doc, ("tjenester", i), ("tjenester", "[]"), {"plassering": place},
                                         _("tjenesten"))
        return self._commit(tx, self._change(ch.SERVICE_MOVE, doc, _("Flytt «{name}»").format(name=name),
                                             items=(service_id,), keys=keys))

    def _relevel(self, tx, doc: Document, service_id: str, niva, position) -> list[str]:
        """Put a service in band ``niva`` (None: its own) at ``position`` among the
        band's services (None with a new level: last; None else: where it is).
        The band's order is the file's order, so the entry moves in the file: a
        new level always takes the entry to its band's part of the file. The one
        place both the form's level field (``set_service``) and a drag or
        Alt+arrow (``move_service``) change a level. Returns the keys written."""
        i = self._service_index(doc, service_id)
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
        return keys

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
        return self._commit(tx, self._change(ch.LINK_ADD, doc, _("Legg til samarbeid «{a}» – «{b}»").format(**self._link_names(doc, a, b)),
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
        return self._commit(tx, self._change(ch.LINK_SET, doc, _("Endre samarbeid «{a}» – «{b}»").format(**self._link_names(doc, a, b)),
                                             links=((a, b),), keys=keys))

    def remove_link(self, map_id: str, a: str, b: str) -> Change:
        """Delete the link between ``a`` and ``b`` (either order). Raises EditError."""
        doc = self.document("map", map_id)
        j = self._link_index(doc, a, b)
        if j is None:
            raise EditError(_("det finnes ikke noe samarbeid mellom «{a}» og «{b}»").format(a=a, b=b))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "samarbeid", j)
        return self._commit(tx, self._change(ch.LINK_REMOVE, doc, _("Slett samarbeid «{a}» – «{b}»").format(**self._link_names(doc, a, b)),
                                             links=((a, b),)))

    @staticmethod
    def _link_names(doc: Document, a: str, b: str) -> dict[str, str]:
        """The two ends of a link as users know them (``revision.role_label``: the
        service's name on the map, else the standard role's), for the undo history."""
        from ..revision import role_label

        m = doc.object()
        if not isinstance(m, Map):
            return {"a": a, "b": b}
        return {"a": role_label(m, a), "b": role_label(m, b)}

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
        for j in range(EditorCore._count(tree, ("tjenester",))):
            if j == skip:
                continue
            level = _int(tree.node(("tjenester", j, "niva")))
            if level is not None and target is not None and level <= target:
                end = j + 1
        return end

    @staticmethod
    def _new_id(tree: Tree, name: str, skip: int | None = None) -> str:
        """A free id made from ``name`` (``ids.slug``, "-2", "-3" … when taken; the
        service at list position ``skip`` does not count)."""
        base = slug(name) or "tjeneste"
        sid, n = base, 2
        while tree.find_item(("tjenester",), "id", sid) not in (None, skip):
            sid, n = f"{base}-{n}", n + 1
        return sid


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


def _round(v) -> int | float:
    r = round(float(v), PLACE_DECIMALS)
    return int(r) if r.is_integer() else r
