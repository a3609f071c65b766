"""Where a service's id is named as a reference, for giving the service another id.

A reference (docs/format.md, "Referanser") is written in a map's
``samarbeid`` (``mellom``) and ``henvisningsrett`` (keys and lists), a
pathway's ``roller`` (keys) and ``flyt`` (``fra``, ``til``), a case step's
``involverte`` and ``forslag``, and the figures' ``mottaker`` column. Those in
the open files are found as spans of their text (so a rename rewrites just
those words); those the editor cannot write (a shared text a local adaptation
builds on, the figures) are found as places to name in a refusal.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .. import loader
from .document import Document
from .yamltext import Tree


@dataclass
class Found:
    """``spans``: document -> (start, end) of each scalar naming the id, in file order;
    ``elsewhere``: places ("path:line:column") the editor cannot change."""

    spans: dict[Document, list[tuple[int, int]]] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)

    def outside(self, own: Document) -> bool:
        """Whether anything but the map's own file names the id."""
        return bool(self.elsewhere) or any(d is not own and s for d, s in self.spans.items())


def _scalars(nodes, ref: str):
    return [n for n in nodes if isinstance(n, ScalarNode) and n.value == ref]


def _items(node) -> list:
    return list(node.value) if isinstance(node, SequenceNode) else []


def _keys(node) -> list:
    return [k for k, _v in node.value] if isinstance(node, MappingNode) else []


def _entries(node, *keys) -> list:
    out = []
    for key in keys:
        e = Tree.entry(node, key)
        if e is not None:
            out.append(e[1])
    return out


def reference_nodes(tree: Tree, kind: str, ref: str) -> list[ScalarNode]:
    """The scalars of a map, pathway or case file (``kind``) that name ``ref`` as a reference."""
    root = tree.root
    found: list[ScalarNode] = []
    if kind == "map":
        for link in _items(tree.node(("samarbeid",))):
            for refs in _entries(link, "mellom"):
                found += _scalars(_items(refs), ref)
        rights = tree.node(("henvisningsrett",))
        found += _scalars(_keys(rights), ref)
        if isinstance(rights, MappingNode):
            for _k, senders in rights.value:
                found += _scalars(_items(senders), ref)
    elif kind == "pathway":
        found += _scalars(_keys(tree.node(("roller",))), ref)
        for step in _items(tree.node(("flyt",))):
            found += _scalars(_entries(step, "fra", "til"), ref)
    elif kind == "case":
        for step in _items(tree.node(("steg",))):
            for refs in _entries(step, "involverte", "forslag"):
                found += _scalars(_items(refs), ref)
    return found if root is not None else []


def find(docs: list[Document], own: Document, ws, ref: str) -> Found:
    """Every place naming ``ref``: in the open files (``own``, the map's file, for
    its links and rights; every open pathway and case) and, from the workspace
    ``ws`` read from them, in shared texts and figures the editor cannot write."""
    out = Found()
    shown = set()
    for doc in docs:
        if doc.kind not in ("map", "pathway", "case") or (doc.kind == "map" and doc is not own):
            continue
        shown.add(loader._shown(doc.path))
        try:
            tree = doc.tree()
        except (yaml.YAMLError, TypeError, AttributeError):
            continue  # a file that is not YAML now names nothing the editor could rewrite
        spans = [(tree.ix(n.start_mark), tree.end(n)) for n in reference_nodes(tree, doc.kind, ref)]
        if spans:
            out.spans[doc] = sorted(spans)
    for p in ws.all_pathways():
        places = [role.source for r, role in p.roller.items() if r == ref]
        places += [(where or st.source) for st in p.flyt
                   for r, where in ((st.fra, st.fra_source), (st.til, st.til_source)) if r == ref]
        out.elsewhere += [str(s) for s in places if s.path not in shown]
    table = ws.figures.get(own.id) if isinstance(ws.figures, dict) else None
    for row in getattr(table, "rows", ()):
        if row.mottaker == ref:
            out.elsewhere.append(str(row.at("mottaker")))
    out.elsewhere = list(dict.fromkeys(out.elsewhere))
    return out
