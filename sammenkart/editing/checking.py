"""Check as you type: the validator's problems for a value not yet applied."""
from __future__ import annotations

from yaml.nodes import MappingNode

from .. import loader
from ..i18n import _, mentions
from ..model import Problem
from .changes import EditError
from .core import _WHAT, _Transaction
from .document import Document


class FieldChecks:
    """``check_field`` (mixed into ``Editor``)."""

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
                if kind == "service" and key == "id":  # an id is changed with what names it (rename_service)
                    if value != rest[0]:
                        self._rename(tx, doc, rest[0], value)
                else:
                    self._set_fields(tx, doc, path, where, {key: value}, what)
            except EditError as exc:
                tree = self._tree(doc)
                node = tree.node(path)
                line = tree.line_of(node.start_mark) if node is not None else 1
                return [Problem(loader.Source(loader._shown(doc.path), line, 1), str(exc))]
            tree = self._tree(doc)
            obj_node = tree.node(path)
            entry = tree.entry(obj_node, key) if obj_node is not None else None
            lines = (tree.line_of(entry[0].start_mark), tree.text.count("\n", 0, tree.end(entry[1])) + 1) if entry else None
            obj_line = tree.line_of(obj_node.start_mark) if obj_node is not None else 0
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
            at_object = p.source.line == obj_line and any(mentions(p.message, n) for n in (key, *values))
            if on_lines or at_object:
                out.append(p)
        return out

    def _target_path(self, doc: Document, kind: str, rest: list) -> tuple[tuple, tuple, str]:
        """(path in the file, place in the schema, words for messages) of a check_field target."""
        if kind in ("map", "pathway", "case"):
            return (), (), _(_WHAT[kind])
        if kind == "service":
            i = self._service_index(doc, rest[0])
            return ("tjenester", i), ("tjenester", "[]"), _("tjenesten «{id}»").format(id=self._service_name(doc, i))
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

