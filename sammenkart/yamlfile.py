"""Safe YAML reading: every value as the text that was written, with its place.

Users' files are read by libyaml (PyYAML's C parser) as a stream of events,
and this module builds plain dicts, lists and strings from them. No YAML type
is guessed: ``08:15``, ``0301``, ``no`` and ``~`` stay the text written; only
an empty value is "nothing" (``None``). Which fields are numbers or dates is
decided later by the JSON Schema (``schema.py``), not by YAML 1.1's rules.

Each dict and list keeps the 1-based line and column of its keys and items, so
every later complaint can name a place. Text is normalised to Unicode NFC.

Refused with a problem at ``path:line:column`` (never an exception):
explicit tags (``!!int``, ``!x``), ``<<`` merges, duplicate keys, keys that are
not text, control characters other than tab and newline, undefined aliases,
syntax errors (located by libyaml's own marks), and files beyond the limits:
``MAX_BYTES``, ``MAX_DEPTH`` and the alias budget (``alias_budget``). Only
regular files are read: a FIFO, device or socket is refused without opening
it for reading in a way that could block.
"""
from __future__ import annotations

import bisect
import gc
import os
import re
import stat
import unicodedata

import yaml

from .i18n import _
from .os_errors import describe
from .model import Problem, Source

# libyaml parses about five times faster than the pure-Python parser; both give
# the same events and marks. BaseLoader: no implicit types, every scalar is text.
_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_BYTES = 5 * 1024 * 1024  # the format contract: a file over 5 MB is an error
MAX_DEPTH = 100  # nested lists/tables; the format itself needs six
# Aliases (*a) may add at most this many values and characters to what the
# file itself holds, or as many as the file holds, whichever is larger: a
# shared contact block reused by every service of a region fits, a "billion
# laughs" file or a megabyte of aliases to one long text does not.
ALIAS_MIN_VALUES = 100_000
ALIAS_MIN_CHARS = 1_000_000

# Characters a text may not hold: C0/C1 controls except tab and newline, DEL,
# and lone surrogates (only reachable through "\uD800"-style escapes).
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_characters(text: str) -> list[str]:
    """The characters a text value may not hold (control characters other than
    tab and newline, lone surrogates), as "U+XXXX", in order; the rule the
    reader reports and the editor refuses to write."""
    return [f"U+{ord(c):04X}" for c in _BAD_CHAR.findall(text)]


class YMap(dict):
    """A mapping that knows where it, its keys and its values were written."""

    source: Source
    key_sources: dict
    value_sources: dict


class YList(list):
    source: Source
    item_sources: list


def alias_budget(text_chars: int, written_values: int) -> tuple[int, int]:
    """(values, characters) aliases may add to a file of this size.

    Sized from the file itself so that a large, honest file (a region with
    10,000 services) is never refused, while expansion cannot run away."""
    return max(ALIAS_MIN_VALUES, written_values), max(ALIAS_MIN_CHARS, text_chars)


def visible(text: str, limit: int = 80) -> str:
    """Text safe to print in a message on a terminal: control characters and
    lone surrogates as U+XXXX, long texts cut with an ellipsis."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return _BAD_CHAR.sub(lambda m: f"U+{ord(m.group()):04X}", text)


# ----------------------------------------------------------------- reading
def _is_regular(mode: int) -> bool:
    return stat.S_ISREG(mode)


def _not_regular_message(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("er en mappe, ikke en fil")
    if stat.S_ISFIFO(mode):
        kind = _("en FIFO (navngitt rør)")
    elif stat.S_ISSOCK(mode):
        kind = _("en socket")
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = _("en enhet")
    else:
        kind = _("ikke en vanlig fil")
    return _("filen blir ikke lest: den er {kind}, ikke en vanlig fil").format(kind=kind)


def _too_big_message(size: int) -> str:
    return _("filen er {mb:.1f} MB; største tillatte størrelse er {limit} MB").format(
        mb=size / (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))


def read_limited(path: str | os.PathLike, limit: int | None = None) -> tuple[bytes | None, str | None]:
    """The bytes of a regular file of at most ``limit`` bytes, or (None, reason).

    The type and size are checked before reading (stat follows links, so a link
    to /dev/zero is a device), the file is opened without blocking (a FIFO
    would otherwise wait for a writer), checked again on the open handle, and
    the read itself stops after ``limit + 1`` bytes in case the file grows or
    its size says nothing (files in /proc)."""
    limit = MAX_BYTES if limit is None else limit
    raw, reason = _read_regular(path, limit + 1, limit)
    if raw is not None and len(raw) > limit:
        return None, _too_big_message(len(raw))
    return raw, reason


def _read_regular(path, most: int, size_limit: int | None) -> tuple[bytes | None, str | None]:
    """At most ``most`` bytes of a regular file; refused when its stated size
    is over ``size_limit`` (None: any size, only the start is read)."""
    try:
        st = os.stat(path)
        if not _is_regular(st.st_mode):
            return None, _not_regular_message(st.st_mode)
        if size_limit is not None and st.st_size > size_limit:
            return None, _too_big_message(st.st_size)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            if not _is_regular(os.fstat(fd).st_mode):  # replaced between stat and open
                return None, _not_regular_message(os.fstat(fd).st_mode)
            chunks, total = [], 0
            while total < most:
                chunk = os.read(fd, min(1 << 20, most - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        return None, _("kan ikke lese filen: {error}").format(error=describe(exc))
    return b"".join(chunks), None


def read_head(path: str | os.PathLike, chars: int = 4000) -> str:
    """The first characters of a regular file ("" for anything else), for
    guessing what kind of file it is without ever blocking on a FIFO."""
    raw, _reason = _read_regular(path, chars * 4, None)
    return raw.decode("utf-8", errors="replace")[:chars] if raw else ""


_BOM = b"\xef\xbb\xbf"


def _decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    # The byte-order mark is taken off before decoding, so a bad byte's offset
    # (and the line and column counted from it) is in the text after the mark,
    # where an editor puts the cursor; the mark is no column of line 1.
    document = office_document(raw)
    if document:  # not text at all (even when its bytes happen to decode): say what it is
        return None, [Problem(Source(path, 1, 1), _(
            "filen er et {kind}, ikke en tekstfil; lagre den som ren tekst med koding UTF-8 i programmet som "
            "laget den, eller skriv teksten i et program for ren tekst, som Notisblokk").format(kind=document))]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16's byte-order mark: Notepad's «Unicode»
        return None, [Problem(Source(path, 1, 1), _(
            "filen er lagret som UTF-16 («Unicode»), ikke UTF-8; åpne den og lagre den på nytt med koding UTF-8 "
            "(i Notisblokk: Fil → Lagre som → Koding: UTF-8)"))]
    body = raw[len(_BOM):] if raw.startswith(_BOM) else raw
    try:
        return body.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = body[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", errors="replace")) + 1
        if looks_like_latin1(body):
            return None, [Problem(Source(path, line, col), _(
                "filen er ikke UTF-8: den ser ut til å være lagret som Latin-1/Windows-1252 (byte 0x{byte:02x} er "
                "«{char}» der); åpne den og lagre den på nytt med koding UTF-8 (i Notisblokk: Fil → Lagre som → "
                "Koding: UTF-8)").format(byte=body[exc.start], char=bytes([body[exc.start]]).decode("cp1252")))]
        return None, [Problem(Source(path, line, col), _("filen er ikke UTF-8 (byte 0x{byte:02x}); lagre den som UTF-8").format(
            byte=body[exc.start]))]


# Files that are documents of an office program, not text: their first bytes say so.
_OFFICE = ((b"PK\x03\x04", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"), (b"%PDF-", "pdf"), (b"{\\rtf", "rtf"))


def office_document(raw: bytes) -> str | None:
    """What kind of office document ``raw`` is, in words for a message ("et Word- eller
    Office-dokument (.docx)"), by its first bytes (a zip file, as .docx/.xlsx/.odt
    are, an old .doc/.xls, a PDF, RTF); None for anything else."""
    for magic, kind in _OFFICE:
        if raw.startswith(magic):
            return {"zip": _("Word- eller Office-dokument (.docx, .xlsx, .odt: en zip-fil)"),
                    "ole": _("Word- eller Excel-dokument (.doc, .xls)"),
                    "pdf": _("PDF-dokument"), "rtf": _("RTF-dokument")}[kind]
    return None


def looks_like_latin1(body: bytes) -> bool:
    """Whether text that is not UTF-8 reads as Latin-1/Windows-1252 (a file saved by an
    old Windows program): every byte is a character there, no control characters
    but tab and line breaks, and its non-ASCII bytes are letters (æ ø å é …) or the
    usual signs (– « » ’ €)."""
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        return False
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        return False
    odd = [c for c in text if ord(c) > 127]
    return bool(odd) and all(c in _WESTERN for c in odd)


# What a Norwegian text saved by an old Windows program has beyond ASCII: letters of
# Norwegian, Sámi and the neighbours' languages, and the usual signs.
_WESTERN = frozenset("æøåÆØÅäöüÄÖÜéèêëáàâóòôúùûíìîïçñÉÈÊËÁÀÂÓÒÔÚÙÛÍÌÎÏÇÑšžŠŽ–—«»‘’“”„€§°½¼¾·×")


def read_text(path: str | os.PathLike, shown: str | None = None) -> tuple[str | None, list[Problem]]:
    """A user's data file as text, under the limits every data file shares.

    Returns (text, problems); text is None when the file is not a regular
    file, is too big, cannot be read or is not UTF-8 (a byte-order mark is
    allowed). Used for the YAML files and for the figures (``tal/*.csv``), so
    both follow the same rules."""
    shown = shown or str(path)
    raw, reason = read_limited(path)
    if raw is None:
        return None, [Problem(Source(shown, 1, 1), reason)]
    return _decode(raw, shown)


def load_yaml(path: str | os.PathLike, shown: str | None = None) -> tuple[object | None, list[Problem]]:
    """Read one YAML file; returns (data, problems). Never raises for bad content."""
    shown = shown or str(path)
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    return parse_yaml(text, shown)


# ----------------------------------------------------------------- parsing
class _Stop(Exception):
    """The file cannot be read further; the problem is already recorded."""


def _short_tag(tag: str) -> str:
    """A tag as it is usually written: !!int for YAML's own, !<...> for a full one."""
    if tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:"):]
    return tag if tag.startswith("!") else f"!<{tag}>"


_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")


class _Places:
    """Line and column (from 1) of a libyaml mark as editors, grep and git count
    them: only a line feed ends a line. libyaml also ends lines at U+0085,
    U+2028 and U+2029 (YAML 1.1 line breaks), so in a file that has one its
    own line numbers run ahead of what the user's editor shows."""

    def __init__(self, text: str):
        self.text = text
        self.exact = _OTHER_BREAKS.search(text) is None  # the usual file: libyaml's numbers are right
        self._starts: list[int] | None = None

    def __call__(self, mark) -> tuple[int, int]:
        if self.exact:
            return mark.line + 1, mark.column + 1
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_right(self._starts, mark.index) - 1
        return i + 1, mark.index - self._starts[i] + 1


class _Builder:
    """Builds YMap/YList/str from libyaml's events, without recursion."""

    def __init__(self, text: str, shown: str):
        self.text = text
        self.shown = shown
        self.place = _Places(text)
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[object, int, int]] = {}  # name -> (value, values, chars)
        self.written_values = 0  # values (scalars, lists, tables) written in the file
        self.values = 0  # the same with aliases expanded; and their characters
        self.chars = 0
        self.alias_values = 0  # what aliases added
        self.alias_chars = 0

    def src(self, mark) -> Source:
        return Source(self.shown, *self.place(mark))

    def problem(self, mark, message: str) -> None:
        self.problems.append(Problem(self.src(mark), message))

    def scalar(self, ev) -> str | None:
        if ev.tag is not None:
            self.problem(ev.start_mark, _("YAML-merket «{tag}» er ikke tillatt: Sammenkart bestemmer selv typen til hver nøkkel; "
                                          "skriv verdien uten merke").format(tag=visible(_short_tag(ev.tag))))
        value = ev.value
        if not ev.style and value == "":
            return None  # nothing written: the one way to say "no value"
        if not value.isascii():
            if _BAD_CHAR.search(value):
                value = self._clean(ev, value)
            value = unicodedata.normalize("NFC", value)
        elif ev.style == '"' and _BAD_CHAR.search(value):
            value = self._clean(ev, value)
        return value

    def _clean(self, ev, value: str) -> str:
        """Report each forbidden character at the escape that wrote it, and
        replace it with U+FFFD so nothing raw reaches a screen or a terminal."""
        places = _escape_places(self.text, ev.start_mark.index, ev.end_mark.index)
        for m in _BAD_CHAR.finditer(value):
            code = ord(m.group())
            what = _("en halv surrogat (ugyldig Unicode)") if 0xD800 <= code <= 0xDFFF else _("et kontrolltegn")
            found = places.get(code)
            index = found.pop(0) if found else ev.start_mark.index
            line, col = _line_col(self.text, index)
            self.problems.append(Problem(Source(self.shown, line, col), _(
                "teksten inneholder U+{code:04X}, {what}, som ikke er tillatt").format(code=code, what=what)))
        return _BAD_CHAR.sub("\ufffd", value)

    def build(self, loader) -> object | None:
        get = loader.get_event
        get()  # StreamStart
        ev = get()
        if isinstance(ev, yaml.StreamEndEvent):
            return None
        root = self._document(get)
        ev = get()
        if not isinstance(ev, yaml.StreamEndEvent):
            self.problem(ev.start_mark, _("filen har mer enn ett YAML-dokument (---); bare ett er tillatt"))
            raise _Stop
        return root

    def _document(self, get):
        """The values of one document; ends after its DocumentEndEvent."""
        # A frame: [container, pending key, key's place, anchor, expanded values and chars at its start]
        stack: list[list] = []
        root = None
        while True:
            ev = get()
            cls = type(ev)
            if cls is yaml.ScalarEvent:
                value = self.scalar(ev)
                size = len(value) if value else 0
                self.written_values += 1
                self.values += 1
                self.chars += size
                if ev.anchor is not None:
                    self.anchors[ev.anchor] = (value, 1, size)
                where = self.src(ev.start_mark)
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                if ev.tag is not None:
                    self.problem(ev.start_mark, _("YAML-merket «{tag}» er ikke tillatt").format(tag=visible(_short_tag(ev.tag))))
                if len(stack) >= MAX_DEPTH:
                    self.problem(ev.start_mark, _("filen er for dypt nøstet til å leses (mer enn {n} nivåer)").format(n=MAX_DEPTH))
                    raise _Stop
                if cls is yaml.MappingStartEvent:
                    box = YMap()
                    box.key_sources, box.value_sources = {}, {}
                else:
                    box = YList()
                    box.item_sources = []
                box.source = self.src(ev.start_mark)
                stack.append([box, _NO_KEY, None, ev.anchor, self.values, self.chars])
                self.written_values += 1
                self.values += 1
                continue
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                value, _key, _where, anchor, values0, chars0 = stack.pop()
                if anchor is not None:
                    self.anchors[anchor] = (value, self.values - values0, self.chars - chars0)
                where = value.source
            elif cls is yaml.AliasEvent:
                value = self._alias(ev)
                where = self.src(ev.start_mark)
            elif cls is yaml.DocumentEndEvent:
                return root
            else:  # pragma: no cover - libyaml gives no other events inside a document
                continue
            if stack:
                self._add(stack[-1], value, where)
            else:
                root = value

    def _alias(self, ev):
        found = self.anchors.get(ev.anchor)
        if found is None:
            self.problem(ev.start_mark, _("aliaset «*{name}» viser til et anker (&{name}) som ikke er definert før").format(
                name=visible(ev.anchor)))
            return None
        value, values, chars = found
        self.alias_values += values
        self.alias_chars += chars
        max_values, max_chars = alias_budget(len(self.text), self.written_values)
        if self.alias_values > max_values or self.alias_chars > max_chars:
            self.problem(ev.start_mark, _(
                "aliasene (*{name}) utvider filen med mer enn {values} verdier eller {chars} tegn; den blir ikke lest").format(
                name=visible(ev.anchor), values=max_values, chars=max_chars))
            raise _Stop
        # an anchor around aliases weighs what it expands to
        self.values += values
        self.chars += chars
        return value

    def _add(self, frame, value, where: Source) -> None:
        box = frame[0]
        if type(box) is YList:
            box.append(value)
            box.item_sources.append(where)
            return
        if frame[1] is _NO_KEY:  # this value is a key
            frame[1], frame[2] = value, where
            return
        key, key_where = frame[1], frame[2]
        frame[1] = _NO_KEY
        if not isinstance(key, str):
            what = _("ingenting") if key is None else _("en liste") if isinstance(key, list) else _("en tabell")
            self.problems.append(Problem(key_where, _("en nøkkel må være tekst, ikke {what}").format(what=what)))
            return
        if key == "<<":
            self.problems.append(Problem(key_where, _("«<<» (sammenslåing av tabeller) støttes ikke; skriv nøklene ut")))
            return
        if key in box:
            self.problems.append(Problem(key_where, _("nøkkelen «{key}» står to ganger; den første gjelder (linje {line})").format(
                key=visible(key), line=box.key_sources[key].line)))
            return
        box[key] = value
        box.key_sources[key] = key_where
        box.value_sources[key] = where


_NO_KEY = object()
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SHORT_ESCAPES = {"0": 0, "a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, "e": 27, "N": 0x85}


def _escape_places(text: str, start: int, end: int) -> dict[int, list[int]]:
    """Character code -> text indexes of the escapes in text[start:end] that write it."""
    places: dict[int, list[int]] = {}
    for m in _ESCAPE.finditer(text, start, end):
        body = m.group(1)
        code = int(body[1:], 16) if len(body) > 1 else _SHORT_ESCAPES.get(body)
        if code is not None:
            places.setdefault(code, []).append(m.start())
    return places


def _line_col(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def parse_yaml(text: str, shown: str) -> tuple[object | None, list[Problem]]:
    """Parse YAML text into plain values; returns (data, problems). Never raises."""
    builder = _Builder(text, shown)
    loader = _LOADER(text)
    # The tree built here has no cycles (an alias can only name a finished
    # anchor), so the cyclic garbage collector has nothing to find while it
    # grows; pausing it saves 10-15 % on a 10,000-service region.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = builder.build(loader)
    except _Stop:
        return None, builder.problems
    except yaml.MarkedYAMLError as exc:
        return None, builder.problems + [_syntax_problem(exc, shown, builder.place)]
    except yaml.reader.ReaderError as exc:
        return None, builder.problems + [_reader_problem(exc, text, shown)]
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is one of the above
        return None, builder.problems + [Problem(Source(shown, 1, 1), _("YAML-feil: {error}").format(error=visible(str(exc), 200)))]
    finally:
        loader.dispose()
        if collecting:
            gc.enable()
    if data is None and not builder.problems:
        return None, [Problem(Source(shown, 1, 1), _("filen er tom"))]
    return data, builder.problems


# ----------------------------------------------------------------- syntax errors
def _reader_problem(exc, text: str, shown: str) -> Problem:
    """libyaml's reader counts bytes of UTF-8; turn its offset into line and column."""
    raw = text.encode("utf-8", errors="surrogatepass")[: max(exc.position, 0)]
    before = raw.decode("utf-8", errors="replace")
    line = before.count("\n") + 1
    col = len(before) - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return Problem(Source(shown, line, col), _("tegnet U+{code:04X} er ikke tillatt i en YAML-fil").format(code=char))


def _contexts():
    """libyaml's context texts in the user's language. "{where}" is the start of
    the construct; block structures are named by where the problem was found."""
    return {
        "while scanning a simple key": _("i nøkkelen som begynner her"),
        "while scanning a quoted scalar": _("i teksten i anførselstegn som begynner her"),
        "while parsing a quoted scalar": _("i teksten i anførselstegn som begynner her"),
        "while scanning a plain scalar": _("i teksten som begynner her"),
        "while scanning a block scalar": _("i tekstblokken (| eller >) som begynner her"),
        "while parsing a flow sequence": _("i lista med [ som begynner her"),
        "while parsing a flow mapping": _("i tabellen med { som begynner her"),
        "while parsing a flow node": _("i verdien som begynner her"),
        "while scanning an anchor": _("i ankeret (&) som begynner her"),
        "while scanning an alias": _("i aliaset (*) som begynner her"),
        "while scanning a tag": _("i YAML-merket (!) som begynner her"),
        "while parsing a tag": _("i YAML-merket (!) som begynner her"),
        "while scanning a directive": _("i direktivet (%) som begynner her"),
        "while scanning a %YAML directive": _("i direktivet (%) som begynner her"),
        "while scanning a %TAG directive": _("i direktivet (%) som begynner her"),
        "while scanning a tag directive": _("i direktivet (%) som begynner her"),
        "while parsing a tag directive": _("i direktivet (%) som begynner her"),
        "while parsing a %TAG directive": _("i direktivet (%) som begynner her"),
        "while increasing flow level": _("i lista eller tabellen som begynner her"),
        "while increasing block level": _("i lista eller tabellen som begynner her"),
    }


# Block structure has no opening bracket: its start may be the top of the file,
# so these errors are placed where the problem was found, with the start as
# the second place.
_BLOCK_CONTEXTS = {
    "while parsing a block mapping": lambda: _("i tabellen som begynner på linje {line}, kolonne {col}"),
    "while parsing a block collection": lambda: _("i lista som begynner på linje {line}, kolonne {col}"),
    "while parsing a block node": lambda: _("i verdien som begynner på linje {line}, kolonne {col}"),
    "while parsing a node": lambda: _("i verdien som begynner på linje {line}, kolonne {col}"),
    "while scanning for the next token": lambda: "",
}


def _problems():
    return {
        "could not find expected ':'": _("fant ikke «:» etter nøkkelen (mangler det et kolon, eller skulle teksten stå i anførselstegn?)"),
        "found unexpected end of stream": _("filen slutter før dette er avsluttet (mangler det avsluttende anførselstegnet?)"),
        "did not find expected ',' or ']'": _("fant ikke «,» eller «]» (mangler den avsluttende «]»?)"),
        "did not find expected ',' or '}'": _("fant ikke «,» eller «}» (mangler den avsluttende «}»?)"),
        "mapping values are not allowed in this context": _(
            "kolon med mellomrom eller linjeskift etter er ikke tillatt her; sett teksten i anførselstegn, eller sjekk innrykket"),
        "did not find expected key": _("fant ikke en nøkkel der den skulle stå; sjekk innrykket (mellomrom foran) på denne linja"),
        "did not find expected '-' indicator": _("fant ikke «-» for neste punkt i lista; sjekk innrykket på denne linja"),
        "did not find expected node content": _("fant ingen verdi der en verdi skulle stå"),
        "found character that cannot start any token": _(
            "dette tegnet kan ikke begynne en verdi (tabulator i innrykk, eller @, ` eller % først?); bruk mellomrom, "
            "eller sett teksten i anførselstegn"),
        "block sequence entries are not allowed in this context": _("«- » (et punkt i en liste) er ikke tillatt her; sjekk innrykket"),
        "mapping keys are not allowed in this context": _("«? » (en nøkkel) er ikke tillatt her"),
        "found unknown escape character": _("ukjent skiftesekvens etter \\ i teksten; skriv \\\\ for en omvendt skråstrek"),
        "did not find expected hexdecimal number": _("skiftesekvensen etter \\ mangler heksadesimale sifre"),
        "found invalid Unicode character escape code": _(
            "skiftesekvensen gir et ugyldig Unicode-tegn (en halv surrogat?); skriv tegnet selv, eller bruk \\U og åtte sifre"),
        "found unexpected document indicator": _("«---» eller «...» midt i en tekst i anførselstegn"),
        "found a tab character that violates indentation": _("tabulator i innrykket; bruk mellomrom"),
        "found a tab character where an indentation space is expected": _("tabulator i innrykket; bruk mellomrom"),
        "found an indentation indicator equal to 0": _("innrykk-tallet etter | eller > kan ikke være 0"),
        "did not find expected comment or line break": _("uventet tekst på samme linje; bare en kommentar (#) kan stå her"),
        "did not find expected alphabetic or numeric character": _("navnet mangler eller har ugyldige tegn (bare bokstaver, tall, - og _)"),
        "did not find the expected '>'": _("fant ikke den avsluttende «>»"),
        "did not find expected whitespace or line break": _("mangler mellomrom eller linjeskift etter merket"),
        "found undefined tag handle": _("ukjent YAML-merke"),
        "found unknown directive name": _("ukjent direktiv; bare %YAML og %TAG finnes"),
        "found incompatible YAML document": _("YAML-versjonen i %YAML er ikke støttet"),
        "did not find expected <document start>": _("uventet innhold etter slutten av dokumentet («...»)"),
        "found unexpected ':'": _("uventet «:»; sett teksten i anførselstegn"),
        "exceeded maximum nesting depth": _("filen er for dypt nøstet til å leses"),
    }


def _syntax_problem(exc: yaml.MarkedYAMLError, shown: str, place: _Places) -> Problem:
    """A syntax error at the start of the broken construct (libyaml's context
    mark), with where libyaml noticed it (the problem mark) as a second place.

    Block structure (indented tables and lists) has no opening bracket and may
    start at the top of the file, so there the place found comes first and the
    start is named in the message."""
    raw_problem = exc.problem or ""
    problem = _problems().get(raw_problem, visible(raw_problem, 200))
    context = exc.context or ""
    start, noticed = exc.context_mark, exc.problem_mark or exc.context_mark
    if raw_problem == "exceeded maximum nesting depth" or context in _BLOCK_CONTEXTS or start is None:
        phrase = _BLOCK_CONTEXTS.get(context, lambda: "")()
        if phrase and start is not None and raw_problem != "exceeded maximum nesting depth":
            line, col = place(start)
            problem += " (" + phrase.format(line=line, col=col) + ")"
        return Problem(Source(shown, *place(noticed)), _("YAML-syntaksfeil: {problem}").format(problem=problem))
    message = _("YAML-syntaksfeil {where}: {problem}").format(where=_contexts().get(context, visible(context, 200)), problem=problem)
    if noticed is not None and place(noticed) != place(start):
        line, col = place(noticed)
        message += _("; oppdaget på linje {line}, kolonne {col}").format(line=line, col=col)
    return Problem(Source(shown, *place(start)), message)
