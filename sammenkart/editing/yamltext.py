"""Edits of a YAML file as splices of its text, so what is not edited stays byte for byte.

A ``Tree`` is a file's text plus PyYAML's node tree, which knows where every
key, value and list item starts and ends. Each edit below is one ``Splice``
(replace ``text[start:end]`` with new text) computed from those places: a
changed value replaces just that value (a comment after it on the line
stays); a new key or item is inserted as whole lines at the indentation of its
neighbours; a deleted key or item takes its own lines (and one blank
separator line) with it. Comments between items stay where they are.

Why not a whole round-trip dump (ruamel.yaml's ``load``/``dump``)? It
re-flows a plain text written over several lines, re-spaces ``[ 1,  5 ]``,
re-indents files with mixed indentation and drops a byte-order mark, so a
file could change where the user edited nothing. Splicing cannot.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import render
from .render import Style

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple  # steps: a key (str) or a list index (int)


@dataclass(frozen=True)
class Splice:
    """Replace ``text[start:end]`` with ``new`` (character offsets)."""

    start: int
    end: int
    new: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.new + text[self.end:]

    def inverse(self, text: str) -> "Splice":
        """The splice that undoes this one; ``text`` is the text before it."""
        return Splice(self.start, self.start + len(self.new), text[self.start:self.end])


class LastItem(Exception):
    """The item to delete is the only one of its block list (the caller writes ``[]``)."""


MAX_SHIFTS = 64  # scalar replacements a tree follows before the text is composed afresh


class Tree:
    """A file's text with its node tree and style. Raises ``yaml.YAMLError``
    for text that is not YAML (such a file cannot be edited until fixed).

    Node marks keep the offsets of the text they were composed from; ``ix``
    gives a mark's offset in this tree's text. ``after`` follows the most
    common edit, one scalar value replaced on its line, without composing
    the whole text again (a 440 KB region takes 0.1–0.2 s to compose)."""

    def __init__(self, text: str):
        self.text = text
        self.root = yaml.compose(text, Loader=_LOADER)
        self.has_aliases = self._has_aliases()
        self.style = self._detect_style()
        self._shifts: tuple[tuple[int, int], ...] = ()  # (composed offset, chars added from there on)
        self._ats: list[int] = []
        self._adds: list[int] = [0]

    # --- positions -------------------------------------------------------
    def ix(self, mark) -> int:
        """Offset in ``text`` of a node's mark."""
        if not self._ats:
            return mark.index
        return mark.index + self._adds[bisect_right(self._ats, mark.index)]

    def line_of(self, mark) -> int:
        """The line (from 1) of a node's mark as editors and the loader count
        lines: only a line feed ends one (libyaml's ``mark.line`` also counts
        U+0085, U+2028 and U+2029)."""
        return self.text.count("\n", 0, self.ix(mark)) + 1

    def after(self, splice: Splice, text: str) -> "Tree | None":
        """The tree of ``text`` (= ``splice`` applied to this text) when the
        splice replaces one scalar of a block mapping or block list with
        another (one line, or a ``|``/``>`` block): the path to it copied, the
        rest shared (never changed), later offsets shifted by ``ix``. None when
        the edit is not of that kind (then compose ``text``).

        Marks of nodes after the splice keep the ``line`` they had when composed
        (offsets are what edits use: ``ix``, ``end``); their columns are right."""
        new_text = splice.new
        if len(self._shifts) >= MAX_SHIFTS or splice.start == splice.end or not new_text \
                or new_text != new_text.strip() or "\r" in new_text:
            return None
        if "\n" in new_text:
            head = new_text.split("\n", 1)[0]
            if head[:1] not in ("|", ">") or any(c.isdigit() for c in head):
                return None  # only a block text; an indentation digit means something else out of context
            stop = text.find("\n", splice.start + len(new_text))
            if text[splice.start + len(new_text):len(text) if stop < 0 else stop].strip():
                return None  # what follows on the block's last line (a comment) became part of its text
        found = self._scalar_path(splice.start, splice.end)
        if found is None:
            return None
        chain, node = found
        if "\n" in self.text[splice.start:splice.end] and node.style not in ("|", ">"):
            return None  # a plain or quoted text over several lines
        follows = text[splice.start + len(new_text):splice.start + len(new_text) + 1]
        try:  # a block text keeps its last line break when one follows it in the file (chomping)
            new = yaml.compose(new_text + ("\n" if follows == "\n" and "\n" in new_text else ""), Loader=_LOADER)
        except yaml.YAMLError:
            return None
        if not isinstance(new, ScalarNode) or new.start_mark.index != 0 or \
                new_text[:new.end_mark.index].rstrip() != new_text:
            return None
        # the old scalar's end where ``end`` puts it (a block text: before its trailing blank lines)
        trimmed_end = node.end_mark.index - (self.ix(node.end_mark) - splice.end)
        end_mark = yaml.Mark(node.end_mark.name, trimmed_end, node.end_mark.line, node.end_mark.column, None, None)
        child: Node = ScalarNode(new.tag, new.value, node.start_mark, end_mark, style=new.style)
        for parent, i in reversed(chain):
            items = list(parent.value)
            items[i] = (items[i][0], child) if isinstance(parent, MappingNode) else child
            child = type(parent)(parent.tag, items, parent.start_mark, parent.end_mark, flow_style=parent.flow_style)
        out = Tree.__new__(Tree)
        out.text, out.root, out.has_aliases, out.style = text, child, self.has_aliases, self.style
        shifts = sorted(self._shifts + ((trimmed_end, len(new_text) - (splice.end - splice.start)),))
        out._shifts = tuple(shifts)
        out._ats = [at for at, _d in shifts]
        out._adds = [0]
        for _at, d in shifts:
            out._adds.append(out._adds[-1] + d)
        return out

    def _scalar_path(self, start: int, end: int):
        """([(block collection, index of the child)...], scalar) for the scalar
        written exactly at ``text[start:end]`` as a value of a block mapping or
        an item of a block list; None otherwise."""
        chain = []
        n = self.root
        while isinstance(n, (MappingNode, SequenceNode)) and not n.flow_style:
            children = [v for _k, v in n.value] if isinstance(n, MappingNode) else n.value
            starts = [self.ix(c.start_mark) for c in children]
            i = bisect_right(starts, start) - 1
            if i < 0:
                return None
            c = children[i]
            if isinstance(n, MappingNode) and self.ix(n.value[i][0].start_mark) > start:
                return None
            chain.append((n, i))
            if isinstance(c, ScalarNode):
                return (chain, c) if starts[i] == start and self.end(c) == end else None
            n = c
        return None

    def line_start(self, i: int) -> int:
        return self.text.rfind("\n", 0, i) + 1

    def line_after(self, i: int) -> int:
        """Offset just after the newline that ends the line holding ``i``."""
        j = self.text.find("\n", i)
        return len(self.text) if j < 0 else j + 1

    def end(self, node: Node) -> int:
        """Where ``node``'s own text ends (block scalars without their trailing
        blank lines; block collections at their last content)."""
        if isinstance(node, ScalarNode):
            i = self.ix(node.end_mark)
            if node.style in ("|", ">"):
                # back over trailing blank lines, then forward over the last
                # content line's own trailing spaces: they are part of the text
                j = i
                while j > self.ix(node.start_mark) and self.text[j - 1] in " \t\r\n":
                    j -= 1
                while j < i and self.text[j] in " \t":
                    j += 1
                return j
            return i
        if node.flow_style or not node.value:
            return self.ix(node.end_mark)
        last = node.value[-1]
        if isinstance(node, MappingNode):
            return max(self.end(last[0]), self.end(last[1]))
        return self.end(last)

    def first_on_line(self, i: int) -> bool:
        return not self.text[self.line_start(i):i].strip()

    def column(self, node: Node) -> int:
        return node.start_mark.column

    # --- finding -----------------------------------------------------------
    @staticmethod
    def entry(mapping: Node, key: str) -> tuple[ScalarNode, Node] | None:
        if not isinstance(mapping, MappingNode):
            return None
        for k, v in mapping.value:
            if isinstance(k, ScalarNode) and k.value == key:
                return k, v
        return None

    def node(self, path: Path_) -> Node | None:
        """The node at ``path`` (keys and list indexes), or None."""
        n = self.root
        for step in path:
            if isinstance(step, int):
                if not isinstance(n, SequenceNode) or not 0 <= step < len(n.value):
                    return None
                n = n.value[step]
            else:
                e = self.entry(n, step)
                if e is None:
                    return None
                n = e[1]
        return n

    def find_item(self, seq_path: Path_, key: str, value: str) -> int | None:
        """Index of the first mapping item of the list whose ``key`` is written as ``value``."""
        seq = self.node(seq_path)
        if not isinstance(seq, SequenceNode):
            return None
        for i, it in enumerate(seq.value):
            e = self.entry(it, key)
            if e and isinstance(e[1], ScalarNode) and e[1].value == value:
                return i
        return None

    def source(self, node: Node) -> str:
        return self.text[self.ix(node.start_mark):self.end(node)]

    # --- style -------------------------------------------------------------
    def _has_aliases(self) -> bool:
        if "*" not in self.text:
            return False  # an alias is written *name; no star, no alias (saves a walk of a big tree)
        seen: set[int] = set()
        stack = [self.root] if self.root is not None else []
        while stack:
            n = stack.pop()
            if id(n) in seen:
                return True
            seen.add(id(n))
            if isinstance(n, MappingNode):
                for k, v in n.value:
                    stack += [k, v]
            elif isinstance(n, SequenceNode):
                stack += n.value
        return False

    def _detect_style(self) -> Style:
        indent = dash = after = None
        stack = [self.root] if isinstance(self.root, MappingNode) else []
        while stack and (indent is None or dash is None):
            m = stack.pop(0)
            for k, v in m.value:
                if isinstance(v, MappingNode) and not v.flow_style and v.value:
                    if indent is None and v.start_mark.line > k.start_mark.line:
                        indent = v.start_mark.column - k.start_mark.column
                    stack.append(v)
                elif isinstance(v, SequenceNode) and not v.flow_style and v.value:
                    if dash is None:
                        dash = v.start_mark.column - k.start_mark.column
                        first = v.value[0]
                        if first.start_mark.line == v.start_mark.line:
                            after = first.start_mark.column - v.start_mark.column
                    stack += [it for it in v.value if isinstance(it, MappingNode)]
        nl = "\r\n" if "\r\n" in self.text else "\n"
        d = render.DEFAULT_STYLE
        after = after if after and after > 0 else None
        # no nested mapping to learn from: a file that puts items 4 columns after
        # their dash most likely indents by 4 too
        indent = indent if indent and indent > 0 else (after or d.indent)
        return Style(indent=indent, dash=dash if dash is not None and dash >= 0 else d.dash,
                     after_dash=after or d.after_dash, newline=nl)

    # --- edits of a mapping ---------------------------------------------------
    def set_value(self, path: Path_, key: str, value, order: tuple[str, ...] = ()) -> Splice:
        """Write ``key: value`` in the mapping at ``path``: replace the value if
        the key is there, else insert the key after the keys ``order`` puts before it."""
        mapping = self.node(path)
        if not isinstance(mapping, MappingNode):
            raise KeyError(path)
        if mapping.flow_style:
            return self._flow_mapping(mapping, key, value, order, delete=False)
        e = self.entry(mapping, key)
        if e is not None:
            return self._replace_value(*e, key, value)
        return self._insert_key(mapping, key, value, order)

    def _replace_value(self, k: ScalarNode, v: Node, key: str, value) -> Splice:
        col = self.column(k)
        st = self.style
        if render.is_scalar(value) and isinstance(v, ScalarNode):
            text = render.scalar(value, col=col, content_col=col + st.indent, style=st, old_style=v.style or None,
                                 old_width=self._block_width(v))
            start, end = self.ix(v.start_mark), self.end(v)
            if start == end and v.value == "":
                text = " " + text  # "key:" had no value at all
            return self._scalar_splice(start, end, text)
        if isinstance(value, (list, tuple)) and isinstance(v, SequenceNode) and v.flow_style and \
                all(render.is_scalar(x) for x in value):
            return Splice(self.ix(v.start_mark), self.ix(v.end_mark), render.flow_list(list(value), col=col))
        keep_flow = isinstance(v, SequenceNode) and v.flow_style and isinstance(value, (list, tuple)) and \
            all(render.is_scalar(x) for x in value)
        new = render.entry(key, value, col=col, style=st, flow=True if keep_flow else None)
        return Splice(self.ix(k.start_mark), self.end(v), new)

    def _scalar_splice(self, start: int, end: int, text: str) -> Splice:
        """Replace the scalar at ``start:end`` by ``text``. A block text ("|" or
        ">" and its lines) takes a comment that followed the old value onto its
        header line: left where it was, the comment would become a line of the
        new text."""
        if "\n" not in text:
            return Splice(start, end, text)
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = self.text[end:line_end]
        if not rest.strip():
            return Splice(start, end, text)
        header, body = text.split("\n", 1)
        return Splice(start, line_end, header + rest.rstrip() + "\n" + body)

    def _block_width(self, v: ScalarNode) -> int:
        if v.style != ">":
            return 0
        lines = self.text[self.ix(v.start_mark):self.end(v)].split("\n")[1:]
        return max((len(line.rstrip("\r")) for line in lines), default=0)

    def _insert_key(self, mapping: MappingNode, key: str, value, order: tuple[str, ...]) -> Splice:
        st = self.style
        first_key = mapping.value[0][0]
        col = self.column(first_key)
        rank = {k: i for i, k in enumerate(order)}
        mine = rank.get(key, len(order))
        before = [(k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and rank.get(k.value, len(order)) <= mine]
        rendered = render.entry(key, value, col=col, style=st)
        if not before:
            # goes first: in front of the first key, on its line (also after "- ")
            return Splice(self.ix(first_key.start_mark), self.ix(first_key.start_mark),
                          rendered + st.newline + " " * col)
        k, v = before[-1]
        pos = self.line_after(self.end(v))
        lines = " " * col + rendered + st.newline
        if isinstance(v, (MappingNode, SequenceNode)) and not v.flow_style and self._blank_at(pos):
            # a section after a section: keep the blank line between them --
            # unless the section is this mapping's last key and what follows the
            # blank lines is outside the mapping (the next list item): that blank
            # line separates items, and the new key goes directly under the last one
            nxt = pos
            while nxt < len(self.text) and self._blank_at(nxt):
                nxt = self.line_after(nxt)
            outside = mapping.value[-1][1] is v and nxt < len(self.text)
            if not outside:
                pos = nxt
                if pos < len(self.text):
                    lines += st.newline
        return self._insert_lines(pos, lines)

    def _blank_at(self, pos: int) -> bool:
        return pos < len(self.text) and not self.text[pos:self.line_after(pos)].strip()

    def _insert_lines(self, pos: int, lines: str) -> Splice:
        """Insert whole lines at ``pos`` (a line start, or the end of a file that
        may lack its last newline)."""
        nl = self.style.newline
        if pos == len(self.text) and self.text and not self.text.endswith("\n"):
            return Splice(pos, pos, nl + lines[: -len(nl)] if lines.endswith(nl) else nl + lines)
        return Splice(pos, pos, lines)

    def delete_key(self, path: Path_, key: str) -> Splice | None:
        """Remove ``key`` and its value (None when it is not there)."""
        mapping = self.node(path)
        e = self.entry(mapping, key) if mapping is not None else None
        if e is None:
            return None
        if mapping.flow_style:
            return self._flow_mapping(mapping, key, None, (), delete=True)
        k, v = e
        if not self.first_on_line(self.ix(k.start_mark)):
            # "- key: value" on the dash line: the next key moves up onto it
            i = next(i for i, (kk, _) in enumerate(mapping.value) if kk is k)
            if i + 1 >= len(mapping.value):
                raise LastItem(key)
            return Splice(self.ix(k.start_mark), self.ix(mapping.value[i + 1][0].start_mark), "")
        return self._delete_lines(self.line_start(self.ix(k.start_mark)), self.line_after(self.end(v)))

    def _delete_lines(self, start: int, stop: int) -> Splice:
        if stop == len(self.text) and not self.text.endswith("\n") and start > 0:
            start -= 1
            if self.text[start - 1:start] == "\r":
                start -= 1
        return Splice(start, stop, "")

    def _flow_mapping(self, mapping: MappingNode, key: str, value, order, delete: bool) -> Splice:
        parts, done = [], False
        col = self.column(mapping)
        rank = {k: i for i, k in enumerate(order)}
        for k, v in mapping.value:
            if k.value == key:
                done = True
                if not delete:
                    parts.append(f"{self.source(k)}: {self._flow_scalar(value, col)}")
                continue
            if not delete and not done and rank.get(k.value, len(order)) > rank.get(key, len(order)):
                parts.append(f"{key}: {self._flow_scalar(value, col)}")
                done = True
            parts.append(self.text[self.ix(k.start_mark):self.end(v)])
        if not delete and not done:
            parts.append(f"{key}: {self._flow_scalar(value, col)}")
        return Splice(self.ix(mapping.start_mark), self.ix(mapping.end_mark), "{" + ", ".join(parts) + "}")

    @staticmethod
    def _flow_scalar(value, col: int) -> str:
        if isinstance(value, (list, tuple)):
            return render.flow_list(list(value), col=col)
        return render.flow_list([value], col=col)[1:-1]

    # --- edits of a list -------------------------------------------------------
    def dash(self, seq: SequenceNode, i: int) -> int:
        """Offset of the ``-`` of block item ``i``."""
        return self.text.rfind("-", 0, self.ix(seq.value[i].start_mark))

    def separated(self, seq: SequenceNode) -> bool:
        """Whether the file leaves a blank line between the items of this list."""
        if len(seq.value) < 2 or seq.flow_style:
            return False
        between = self.text[self.line_after(self.end(seq.value[0])):self.line_start(self.dash(seq, 1))]
        return any(not line.strip() for line in between.split("\n")[:-1])

    def item_text(self, path: Path_, i: int) -> str:
        """The exact lines of block item ``i`` (with a final newline)."""
        seq = self.node(path)
        text = self.text[self.line_start(self.dash(seq, i)):self.line_after(self.end(seq.value[i]))]
        return text if text.endswith("\n") else text + self.style.newline

    def insert_item(self, path: Path_, index: int, value=None, raw: str | None = None,
                    before_next: bool = False) -> Splice:
        """Insert ``value`` (rendered) or ``raw`` (exact item lines) as item ``index``.

        The lines go right after item ``index - 1``, so comment lines above
        the item that was at ``index`` stay above it; with ``before_next`` they
        go right above that item instead (below its comments: the top of a
        group the comments head)."""
        seq = self.node(path)
        if not isinstance(seq, SequenceNode):
            raise KeyError(path)
        index = max(0, min(index, len(seq.value)))
        if seq.flow_style or not seq.value:
            parts = [self.source(it) for it in seq.value]
            parts.insert(index, self._flow_scalar(value, self.column(seq)))
            return Splice(self.ix(seq.start_mark), self.ix(seq.end_mark), "[" + ", ".join(parts) + "]")
        nl = self.style.newline
        if raw is None:
            dash = self.dash(seq, 0)
            dash_col = dash - self.line_start(dash)
            style = self.style
            first = seq.value[0]
            if first.start_mark.line == seq.value[0].start_mark.line and self.text.count("\n", dash, self.ix(first.start_mark)) == 0:
                style = replace(style, after_dash=max(1, first.start_mark.column - dash_col))  # this list's own spacing
            raw = " " * dash_col + render.item(value, dash_col=dash_col, style=style) + nl
        gap = nl if self.separated(seq) else ""
        if index == 0 or (before_next and index < len(seq.value)):
            at = self.line_start(self.dash(seq, index))
            return Splice(at, at, raw + gap)
        if index == 0:
            return Splice(self.line_start(self.dash(seq, 0)), self.line_start(self.dash(seq, 0)), raw + gap)
        return self._insert_lines(self.line_after(self.end(seq.value[index - 1])), gap + raw)

    def delete_item(self, path: Path_, index: int) -> Splice:
        """Remove item ``index`` with its lines (and one blank separator line).
        Raises ``LastItem`` for the only item of a block list."""
        seq = self.node(path)
        if not isinstance(seq, SequenceNode) or not 0 <= index < len(seq.value):
            raise IndexError(index)
        if seq.flow_style:
            parts = [self.source(it) for j, it in enumerate(seq.value) if j != index]
            return Splice(self.ix(seq.start_mark), self.ix(seq.end_mark), "[" + ", ".join(parts) + "]")
        if len(seq.value) == 1:
            raise LastItem(index)
        start = self.line_start(self.dash(seq, index))
        stop = self.line_after(self.end(seq.value[index]))
        if self.separated(seq):
            after = self.line_after(stop) if stop < len(self.text) else stop
            if stop < len(self.text) and not self.text[stop:after].strip():
                stop = after
            elif index == len(seq.value) - 1 and start > 0:
                before = self.line_start(start - 1)
                if not self.text[before:start].strip():
                    start = before
        return self._delete_lines(start, stop)

    def set_item(self, path: Path_, index: int, value) -> Splice:
        """Replace a scalar item (a checklist line, a question) by ``value``."""
        seq = self.node(path)
        it = seq.value[index]
        if not isinstance(it, ScalarNode) or not render.is_scalar(value):
            raise TypeError("only scalar items are replaced whole")
        if seq.flow_style:
            return Splice(self.ix(it.start_mark), self.end(it), self._flow_scalar(value, self.column(seq)))
        col = self.column(it)
        text = render.scalar(value, col=col, content_col=col, style=self.style, old_style=it.style or None,
                             old_width=self._block_width(it))
        return self._scalar_splice(self.ix(it.start_mark), self.end(it), text)
