"""Edits of the local revision (format 1.1): traffic lights on service cards
and pathway roles (``revisjon``), and marking a map or pathway as revised
(``revidert``, with the copy of the shared text it was revised against)."""
from __future__ import annotations

import datetime as dt

from yaml.nodes import MappingNode

from .. import adaptation
from ..i18n import _
from ..model import REVISION_STATUSES
from ..revision import status_label
from . import changes as ch
from . import fields as fl
from .changes import Change, EditError
from .core import UNSET
from .document import CopyDocument, Document
from .snapshot import snapshot_text

_REVISION_KEYS = ("status", "merknad", "dato", "ansvar")


class RevisionEdits:
    """Operations on the local revision (mixed into ``Editor``)."""

    def set_revision(self, target: tuple, status: str, *, merknad=UNSET, dato=UNSET, ansvar=UNSET) -> Change | None:
        """Set the traffic light of a service card or a role.

        ``target``: ("service", map_id, service_id) or ("role", pathway_id,
        reference) (a pathway by its file stem, as in ``pathway``; a role the
        file inherits from its shared text gets an entry of its own holding
        just the ``revisjon``). ``status``: "gronn", "gul" or "rod".
        ``dato``: left out, today; None removes it. ``merknad``, ``ansvar``:
        left out, what is there stays; None removes. Returns the Change
        (kind "revision.set"), None when nothing changed. Raises EditError."""
        if status not in REVISION_STATUSES:
            raise EditError(_("ukjent status «{status}»; bruk {choices}").format(
                status=status, choices=", ".join(REVISION_STATUSES)))
        values = {"status": status, "merknad": merknad, "dato": dt.date.today() if dato is UNSET else dato,
                  "ansvar": ansvar}
        values = {k: values[k] for k in _REVISION_KEYS if values[k] is not UNSET}
        return self._revision_edit(
            ch.REVISION_SET, target, values,
            lambda tx, doc, file_id, ref: self._set_role_revision(tx, doc, file_id, ref, values),
            lambda name: _("Sett status {status} på «{name}»").format(status=status_label(status), name=name),
            lambda ref, doc: _("Sett status {status} på rollen til «{ref}» i «{id}»").format(
                status=status_label(status), ref=self._role_words(doc, ref), id=self._title(doc)))

    def clear_revision(self, target: tuple) -> Change | None:
        """Take the traffic light away (the card or role is "not reviewed" again).
        A role entry that held nothing but its ``revisjon`` goes with it.
        None when there was none. Raises EditError for an unknown target."""
        return self._revision_edit(
            ch.REVISION_REMOVE, target, None,
            lambda tx, doc, file_id, ref: self._clear_role_revision(tx, doc, ref),
            lambda name: _("Fjern status på «{name}»").format(name=name),
            lambda ref, doc: _("Fjern status på rollen til «{ref}» i «{id}»").format(
                ref=self._role_words(doc, ref), id=self._title(doc)))

    def _revision_edit(self, change_kind: str, target: tuple, value, role_edit, service_text, role_text):
        """Write ``value`` as the ``revisjon`` of a service card, or run
        ``role_edit(tx, doc, file_id, ref)`` for a role, in one transaction;
        the Change of ``change_kind`` named by ``service_text(name)`` or
        ``role_text(ref, doc)``, None when nothing changed."""
        kind, file_id, ref = _target(target)
        if kind == "service":
            doc = self.document("map", file_id)
            with self._transaction() as tx:
                i = self._service_index(doc, ref)
                name = self._service_name(doc, i)
                keys = self._set_fields(tx, doc, ("tjenester", i), ("tjenester", "[]"), {"revisjon": value},
                                        _("tjenesten «{id}»").format(id=name))
            text = service_text(name)
        else:
            doc = self.document("pathway", file_id)
            with self._transaction() as tx:
                keys = role_edit(tx, doc, file_id, ref)
            text = role_text(ref, doc)
        return self._commit(tx, self._change(change_kind, doc, text, items=(ref,), keys=keys))

    def mark_revised(self, target: tuple, dato=UNSET, *, neste_revisjon=UNSET) -> Change | None:
        """Write ``revidert`` (default today) on a map (("map", map_id); also
        ``neste_revisjon`` when given) or a pathway (("pathway", file stem)).
        For a local adaptation the shared text as it reads now is copied to
        ``grunnlag-ved-revisjon/`` in the same edit (one undo takes back both;
        saving writes both), so the next revision report can show what the
        region changed since. Returns the Change ("map.set"/"pathway.set")."""
        dato = dt.date.today() if dato is UNSET else dato
        kind, file_id = target[0], target[1]
        if kind == "map":
            doc = self.document("map", file_id)
            values = {"revidert": dato}
            if neste_revisjon is not UNSET:
                values["neste_revisjon"] = neste_revisjon
            with self._transaction() as tx:
                keys = self._set_fields(tx, doc, (), (), values, _("kartet"))
            return self._commit(tx, self._change(ch.MAP_SET, doc, _("Merk kartet som revidert"), keys=keys))
        if kind != "pathway":
            raise EditError(_("bare et kart eller et forløp kan merkes som revidert, ikke «{kind}»").format(kind=kind))
        doc = self.document("pathway", file_id)
        p = self.pathway(file_id)
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, (), (), {"revidert": dato}, _("forløpet"))
            if p is not None and p.base is not None:
                copy = self._copy_document(adaptation.snapshot_path(doc.path))
                new = snapshot_text(p.base, doc.path, copy.path, dato)
                if tx.apply(copy, _whole(copy.text, new)):
                    keys.append(adaptation.SNAPSHOT_FOLDER)
        return self._commit(tx, self._change(ch.PATHWAY_SET, doc, _("Merk «{id}» som revidert").format(id=file_id),
                                             keys=keys))

    # --- helpers -----------------------------------------------------------------
    def _copy_document(self, path) -> CopyDocument:
        for d in self._docs:
            if d.kind == CopyDocument.KIND and d.path.resolve() == path.resolve():
                return d
        doc = CopyDocument.read(path)
        self._docs.append(doc)
        return doc

    def _role_exists(self, doc: Document, file_id: str, ref: str) -> bool:
        if isinstance(self._tree(doc).node(("roller", ref)), MappingNode):
            return True
        p = self.pathway(file_id)
        return p is not None and ref in p.roller

    def _set_role_revision(self, tx, doc: Document, file_id: str, ref: str, values: dict) -> list[str]:
        what = _("rollen til «{ref}»").format(ref=ref)
        if not self._role_exists(doc, file_id, ref):
            raise EditError(_("forløpet «{id}» har ingen rolle for «{ref}»").format(id=file_id, ref=ref))
        tree = self._tree(doc)
        if isinstance(tree.node(("roller", ref)), MappingNode) and tree.node(("roller", ref)).value:
            return self._set_fields(tx, doc, ("roller", ref), ("roller", "*"), {"revisjon": values}, what)
        body = {"revisjon": {k: v for k, v in values.items() if v is not None}}
        roller = tree.node(("roller",))
        if isinstance(roller, MappingNode) and roller.value:
            if roller.flow_style:
                raise EditError(_("«roller» er skrevet på én linje ({...}); skriv den som en blokk for å sette status"))
            tx.apply(doc, tree.set_value(("roller",), ref, body))
        else:  # no roles written here yet (an adaptation inheriting them all), or "roller: {}"
            tx.apply(doc, tree.set_value((), "roller", {ref: body}, fl.key_order("pathway", ())))
        return ["revisjon"]

    def _clear_role_revision(self, tx, doc: Document, ref: str) -> list[str]:
        tree = self._tree(doc)
        role = tree.node(("roller", ref))
        if not isinstance(role, MappingNode) or tree.entry(role, "revisjon") is None:
            return []
        roller = tree.node(("roller",))
        if len(role.value) > 1:
            self._delete_key(tx, doc, ("roller", ref), "revisjon")
        elif len(roller.value) > 1:
            self._delete_key(tx, doc, ("roller",), ref)
        else:  # the only role held only the status: the file goes back to inheriting every role
            self._delete_key(tx, doc, (), "roller")
        return ["revisjon"]


def _target(target: tuple) -> tuple[str, str, str]:
    if not isinstance(target, tuple) or len(target) != 3 or target[0] not in ("service", "role"):
        raise EditError(_("ukjent mål for status: {target}; bruk (\"service\", kart, tjeneste) eller "
                          "(\"role\", forløp, referanse)").format(target=target))
    return target


def _whole(old: str | None, new: str):
    from .yamltext import Splice

    return Splice(0, len(old or ""), new)
