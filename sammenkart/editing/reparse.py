"""Read an edited text again from the parse of the text before it.

Most edits replace one value in place (a description, a name, a telephone
number). Parsing the whole file again for each (2.5 ms of the 4 ms it takes
to read the example map; 0.1–0.2 s on the 2,472-service region, see
docs/performance.md) gives the same plain values as before with one scalar
changed, so ``follow`` copies the path to that scalar and parses only the
new value's text. The model objects and problems are then read from those
values by the loader's own readers, as ``sammenkart validate`` would.

It answers only when the result is certainly what ``yamlfile.parse_yaml``
would give for the whole text, and None otherwise (the caller parses the
whole text):
- the text before parsed without a problem (problems carry lines, and a
  problem of the old value would have to go);
- the splice replaces one scalar of a block mapping or block list
  (``Tree.after`` accepts it: one line, or a ``|``/``>`` block); when it
  changes the number of lines, every place below moves by as many lines
  (the text has no line breaks but ``\n``, so lines are counted as the
  parser counts them);
- the keys on the way are plain text written once in their mapping (a
  repeated key: the first one wins, which this would not know);
- the new value parses alone without a problem to text.
"""
from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..model import Source
from ..yamlfile import YList, YMap, parse_yaml
from .yamltext import Splice, Tree


def follow(parsed: tuple, before: Tree, splice: Splice, text: str, shown: str) -> tuple | None:
    """(data, problems) of ``text`` (= ``splice`` applied to ``before.text``)
    as ``parse_yaml(text, shown)`` gives them, from ``parsed`` (that of the
    text before); None when it cannot be told without parsing ``text``."""
    data, problems = parsed
    if problems or data is None:
        return None
    old = before.text
    moved = splice.new.count("\n") - old.count("\n", splice.start, splice.end)
    if moved and any(c in old or c in splice.new for c in _OTHER_BREAKS):
        return None
    if before.after(splice, text) is None:  # not one scalar replaced in place
        return None
    found = before._scalar_path(splice.start, splice.end)
    if found is None:
        return None
    chain, _node = found
    steps = []
    box = data
    for parent, i in chain:
        if isinstance(parent, MappingNode):
            key_node = parent.value[i][0]
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                return None
            key = key_node.value
            if not key or not key.isascii() or key == "<<" or not isinstance(box, YMap) or key not in box:
                return None
            if any(isinstance(k, ScalarNode) and k.value == key for k, _v in parent.value[:i]):
                return None  # written twice: the first one is the value read
            steps.append(key)
            box = box[key]
        elif isinstance(parent, SequenceNode):
            if not isinstance(box, YList) or i >= len(box):
                return None
            steps.append(i)
            box = box[i]
        else:  # pragma: no cover - _scalar_path walks block collections only
            return None
    if not steps or (box is not None and not isinstance(box, str)):
        return None
    fragment = splice.new
    follows = text[splice.start + len(fragment):splice.start + len(fragment) + 1]
    if "\n" in fragment and follows == "\n":
        fragment += "\n"  # a block text keeps its last line break when one follows it (as Tree.after)
    value, more = parse_yaml(fragment, shown)
    if more or not isinstance(value, str):
        return None
    data = _replaced(data, steps, value)
    if moved:
        below = old.count("\n", 0, splice.end) + 1  # the old value's last line (1-based); places after it move
        data = _moved(data, below, moved)
    return data, []


_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")  # line breaks to the parser besides \n (YAML 1.1)


def _replaced(box, steps: list, value):
    """A copy of ``box`` with the value at ``steps`` replaced; what is off the path is shared."""
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    if isinstance(box, YMap):
        out = YMap(box)
        out.source, out.key_sources, out.value_sources = box.source, box.key_sources, box.value_sources
    else:
        out = YList(box)
        out.source, out.item_sources = box.source, box.item_sources
    out[step] = _replaced(box[step], rest, value)
    return out


def _moved(box, below: int, lines: int):
    """``box`` with every place (``Source``) on a line after ``below`` moved
    down by ``lines`` (up when negative): copies where a place moved, the
    rest shared. Values are in the order written, so one whose next sibling
    starts on or above ``below`` lies wholly above it and is not looked into."""
    if isinstance(box, YMap):
        keys = list(box)
        starts = [box.key_sources[k].line for k in keys]
        values = {}
        for j, k in enumerate(keys):
            v = box[k]
            values[k] = v if j + 1 < len(keys) and starts[j + 1] <= below else _moved(v, below, lines)
        if box.source.line <= below and (not starts or starts[-1] <= below) and \
                all(values[k] is box[k] for k in keys) and all(s.line <= below for s in box.value_sources.values()):
            return box
        out = YMap(values)
        out.source = _move(box.source, below, lines)
        out.key_sources = {k: _move(s, below, lines) for k, s in box.key_sources.items()}
        out.value_sources = {k: _move(s, below, lines) for k, s in box.value_sources.items()}
        return out
    if isinstance(box, YList):
        starts = [s.line for s in box.item_sources]
        items = [v if j + 1 < len(box) and starts[j + 1] <= below else _moved(v, below, lines)
                 for j, v in enumerate(box)]
        if box.source.line <= below and (not starts or starts[-1] <= below) and \
                all(a is b for a, b in zip(items, box)):
            return box
        out = YList(items)
        out.source = _move(box.source, below, lines)
        out.item_sources = [_move(s, below, lines) for s in box.item_sources]
        return out
    return box


def _move(source: Source, below: int, lines: int) -> Source:
    return Source(source.path, source.line + lines, source.column) if source.line > below else source
