"""Edits of a pathway (roles, flow steps, checklist) and of a case (its steps)."""
from __future__ import annotations

from yaml.nodes import MappingNode

from ..i18n import _
from . import changes as ch
from . import fields as fl
from .changes import Change, EditError
from .core import _HEADER, _refuse, _same


class PathwayEdits:
    """Operations on pathway files (mixed into ``Editor``)."""

    # --- pathways ----------------------------------------------------------------
    def set_pathway(self, pathway_id: str, **values) -> Change | None:
        """Set the pathway's own keys (``navn``, ``beskrivelse``, ``malform``, ...)."""
        doc = self.document("pathway", pathway_id)
        _refuse(values, _HEADER + ("roller", "flyt", "sjekkliste"))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, (), (), values, _("forløpet"))
        return self._commit(tx, self._change(ch.PATHWAY_SET, doc, _("Endre {keys} i forløpet «{id}»").format(
            keys=", ".join(keys), id=self._title(doc)), keys=keys))

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
            ref=self._role_words(doc, reference), id=self._title(doc)), items=(reference,), keys=keys))

    def remove_role(self, pathway_id: str, reference: str) -> Change:
        doc = self.document("pathway", pathway_id)
        if self._tree(doc).node(("roller", reference)) is None:
            raise EditError(_("forløpet «{id}» har ingen rolle for «{ref}»").format(id=pathway_id, ref=reference))
        with self._transaction() as tx:
            self._delete_key(tx, doc, ("roller",), reference)
        return self._commit(tx, self._change(ch.ROLE_REMOVE, doc, _("Slett rollen til «{ref}» i «{id}»").format(
            ref=self._role_words(doc, reference), id=self._title(doc)), items=(reference,)))

    def add_step(self, pathway_id: str, fra: str, til: str, art: str | None = None, nar: str | None = None,
                 index: int | None = None) -> int:
        """Add a flow step (at ``index``, default last); returns its index."""
        doc = self.document("pathway", pathway_id)
        step = {k: v for k, v in (("fra", fra), ("til", til), ("art", art), ("nar", nar)) if v is not None}
        with self._transaction() as tx:
            i = self._insert(tx, doc, (), "flyt", index, step, fl.key_order("pathway", ()))
        self._commit(tx, self._change(ch.STEP_ADD, doc, _("Legg til steg {n} i «{id}»").format(
            n=i + 1, id=self._title(doc)), items=(i,), keys=tuple(step)))
        return i

    def set_step(self, pathway_id: str, index: int, **values) -> Change | None:
        """Set a flow step's ``fra``, ``til``, ``art``, ``nar`` (None removes ``art``/``nar``)."""
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("flyt",), index, _("steget"))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, ("flyt", index), ("flyt", "[]"), values,
                                    _("steg {n} i «flyt»").format(n=index + 1))
        return self._commit(tx, self._change(ch.STEP_SET, doc, _("Endre steg {n} i «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index,), keys=keys))

    def remove_step(self, pathway_id: str, index: int) -> Change:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("flyt",), index, _("steget"))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "flyt", index)
        return self._commit(tx, self._change(ch.STEP_REMOVE, doc, _("Slett steg {n} i «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index,)))

    def move_step(self, pathway_id: str, index: int, new_index: int) -> Change | None:
        """Move flow step ``index`` so that it becomes step ``new_index``."""
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("flyt",), index, _("steget"))
        with self._transaction() as tx:
            self._move_item(tx, doc, ("flyt",), index, new_index)
        return self._commit(tx, self._change(ch.STEP_MOVE, doc, _("Flytt steg {n} til plass {m} i «{id}»").format(
            n=index + 1, m=new_index + 1, id=self._title(doc)), items=(index, new_index)))

    def add_checklist_item(self, pathway_id: str, text: str, index: int | None = None) -> int:
        doc = self.document("pathway", pathway_id)
        with self._transaction() as tx:
            i = self._insert(tx, doc, (), "sjekkliste", index, text, fl.key_order("pathway", ()))
        self._commit(tx, self._change(ch.CHECKLIST_ADD, doc, _("Legg til punkt i sjekklisten i «{id}»").format(
            id=self._title(doc)), items=(i,)))
        return i

    def set_checklist_item(self, pathway_id: str, index: int, text: str) -> Change | None:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("sjekkliste",), index, _("punktet"))
        with self._transaction() as tx:
            node = self._tree(doc).node(("sjekkliste", index))
            if not _same(node, text):
                tx.apply(doc, self._tree(doc).set_item(("sjekkliste",), index, text))
        return self._commit(tx, self._change(ch.CHECKLIST_SET, doc, _("Endre punkt {n} i sjekklisten i «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index,)))

    def remove_checklist_item(self, pathway_id: str, index: int) -> Change:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("sjekkliste",), index, _("punktet"))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "sjekkliste", index)
        return self._commit(tx, self._change(ch.CHECKLIST_REMOVE, doc, _("Slett punkt {n} i sjekklisten i «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index,)))

    def move_checklist_item(self, pathway_id: str, index: int, new_index: int) -> Change | None:
        doc = self.document("pathway", pathway_id)
        self._index(doc, ("sjekkliste",), index, _("punktet"))
        with self._transaction() as tx:
            self._move_item(tx, doc, ("sjekkliste",), index, new_index)
        return self._commit(tx, self._change(ch.CHECKLIST_MOVE, doc, _("Flytt punkt {n} i sjekklisten i «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index, new_index)))


class CaseEdits:
    """Operations on case files (mixed into ``Editor``)."""

    # --- cases --------------------------------------------------------------------
    def set_case(self, case_id: str, **values) -> Change | None:
        """Set the case's own keys (``tittel``, ``ingress``, ``forlop``, ``alder``, ...)."""
        doc = self.document("case", case_id)
        _refuse(values, _HEADER + ("steg",))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, (), (), values, _("kasuset"))
        return self._commit(tx, self._change(ch.CASE_SET, doc, _("Endre {keys} i kasuset «{id}»").format(
            keys=", ".join(keys), id=self._title(doc)), keys=keys))

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
            n=i + 1, id=self._title(doc)), items=(i,), keys=tuple(step)))
        return i

    def set_case_step(self, case_id: str, index: int, **values) -> Change | None:
        doc = self.document("case", case_id)
        self._index(doc, ("steg",), index, _("steget"))
        with self._transaction() as tx:
            keys = self._set_fields(tx, doc, ("steg", index), ("steg", "[]"), values,
                                    _("steg {n}").format(n=index + 1))
        return self._commit(tx, self._change(ch.CASE_STEP_SET, doc, _("Endre steg {n} i kasuset «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index,), keys=keys))

    def remove_case_step(self, case_id: str, index: int) -> Change:
        doc = self.document("case", case_id)
        self._index(doc, ("steg",), index, _("steget"))
        with self._transaction() as tx:
            self._delete_item(tx, doc, (), "steg", index)
        return self._commit(tx, self._change(ch.CASE_STEP_REMOVE, doc, _("Slett steg {n} i kasuset «{id}»").format(
            n=index + 1, id=self._title(doc)), items=(index,)))

    def move_case_step(self, case_id: str, index: int, new_index: int) -> Change | None:
        doc = self.document("case", case_id)
        self._index(doc, ("steg",), index, _("steget"))
        with self._transaction() as tx:
            self._move_item(tx, doc, ("steg",), index, new_index)
        return self._commit(tx, self._change(ch.CASE_STEP_MOVE, doc, _("Flytt steg {n} til plass {m} i kasuset «{id}»").format(
            n=index + 1, m=new_index + 1, id=self._title(doc)), items=(index, new_index)))

