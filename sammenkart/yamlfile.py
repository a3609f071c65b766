"""Safe YAML reading that remembers where every value was written.

Users' files are read with PyYAML's safe composer; the node tree is turned into
plain dicts, lists and scalars, and each dict and list keeps the 1-based line
and column of its keys and items, so every later complaint can name a place.
Limits guard against files that would hang or exhaust the program.
"""
from __future__ import annotations

import os
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from .i18n import _
from .model import Problem, Source

# libyaml composes about five times faster and gives the same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 100_000  # after expanding aliases; guards against "billion laughs"

_STANDARD_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class YMap(dict):
    """A mapping that knows where it, its keys and its values were written."""

    source: Source
    key_sources: dict
    value_sources: dict


class YList(list):
    source: Source
    item_sources: list


class _TooBig(Exception):
    pass


class _Converter:
    def __init__(self, path: str, problems: list[Problem]):
        self.path = path
        self.problems = problems
        self.count = 0
        self.constructor = SafeConstructor()

    def src(self, node: yaml.Node) -> Source:
        return Source(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: yaml.Node):
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(Problem(self.src(node), _("ukjent YAML-merke «{tag}» er ikke tillatt").format(tag=node.tag)))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            out = YList()
            out.source = self.src(node)
            out.item_sources = []
            for item in node.value:
                out.append(self.convert(item))
                out.item_sources.append(self.src(item))
            return out
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            # e.g. "!!int x" or the date 2026-13-45: say which value, not Python's words
            self.problems.append(Problem(self.src(node), _("«{value}» er ikke en gyldig {kind}").format(
                value=node.value, kind=_("dato") if node.tag.endswith("timestamp") else _("verdi av typen {tag}").format(
                    tag=node.tag.rsplit(":", 1)[-1]))))
            return None

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        out = YMap()
        out.source = self.src(node)
        out.key_sources, out.value_sources = {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(self.src(key_node), _("«<<» (sammenslåing av tabeller) støttes ikke")))
                continue
            key = self.convert(key_node)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self.problems.append(Problem(self.src(key_node), _("en nøkkel må være tekst")))
                continue
            key = str(key)
            if key in out:
                self.problems.append(
                    Problem(self.src(key_node), _("nøkkelen «{key}» står to ganger").format(key=key))
                )
                continue
            out[key] = self.convert(value_node)
            out.key_sources[key] = self.src(key_node)
            out.value_sources[key] = self.src(value_node)
        return out


def _decode(raw: bytes, path: str, problems: list[Problem]) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.append(
            Problem(Source(path, line, col), _("filen er ikke UTF-8 (byte 0x{byte:02x}); lagre den som UTF-8").format(byte=raw[exc.start]))
        )
        return None


def load_yaml(path: str | os.PathLike, shown: str | None = None) -> tuple[object | None, list[Problem]]:
    """Read one YAML file; returns (data, problems). Never raises for bad content."""
    shown = shown or str(path)
    problems: list[Problem] = []
    where = Source(shown, 1, 1)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            mb = size / (1024 * 1024)
            return None, [Problem(where, _("filen er {mb:.1f} MB; største tillatte størrelse er 5 MB").format(mb=mb))]
        raw = Path(path).read_bytes()
    except OSError as exc:
        return None, [Problem(where, _("kan ikke lese filen: {error}").format(error=exc.strerror or exc))]
    text = _decode(raw, shown, problems)
    if text is None:
        return None, problems
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str) -> tuple[object | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=_loader_for(text))
    except RecursionError:
        return None, [Problem(Source(shown, 1, 1), _("filen er for dypt nøstet til å leses"))]
    except yaml.YAMLError:
        # Only a broken file gets here: the pure-Python parser names the bad character.
        return _syntax_problem(text, shown)
    if node is None:
        return None, [Problem(Source(shown, 1, 1), _("filen er tom"))]
    return _convert(node, shown, problems)


def _loader_for(text: str):
    """libyaml crashes the process on absurdly deep nesting; such text goes to the
    pure-Python parser, which stops with a RecursionError instead."""
    brackets = text.count("[") + text.count("{")
    lead = max((len(line) - len(line.lstrip(" -?:")) for line in text.splitlines()), default=0)
    return _LOADER if brackets + lead < 5000 else yaml.SafeLoader


def _syntax_problem(text: str, shown: str) -> tuple[None, list[Problem]]:
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        return None, [Problem(Source(shown, 1, 1), _("filen er for dypt nøstet til å leses"))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or str(exc)
        return None, [Problem(Source(shown, line, col), _("YAML-syntaksfeil: {problem}").format(problem=what))]
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        where = Source(shown, before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        return None, [Problem(where, _("tegnet U+{code:04X} er ikke tillatt i en YAML-fil").format(code=exc.character))]
    except yaml.YAMLError as exc:
        return None, [Problem(Source(shown, 1, 1), _("YAML-feil: {error}").format(error=exc))]
    return None, [Problem(Source(shown, 1, 1), _("YAML-feil"))]


def _convert(node, shown: str, problems: list[Problem]) -> tuple[object | None, list[Problem]]:
    conv = _Converter(shown, problems)
    try:
        data = conv.convert(node)
    except _TooBig:
        return None, [
            Problem(
                Source(shown, 1, 1),
                _("filen utvider seg til mer enn {n} verdier (ankere og alias?); den blir ikke lest").format(n=MAX_NODES),
            )
        ]
    except RecursionError:
        return None, [Problem(Source(shown, 1, 1), _("filen er for dypt nøstet til å leses"))]
    return data, problems
