"""Finding services by what people type: the same letters match however they were stored.

Text pasted from macOS or a PDF is often decomposed (NFD: "a" + a combining
accent), while a keyboard types composed letters (NFC). Both sides are brought
to NFC and case-folded before comparing, so "Kárášjohka" typed finds a service
written either way, and "BUP" finds "bup".

Besides a service's name, id and type, a search reads the standard role's usual
names (nb and nn, ``roles.py``), the other names people use (``resources/synonymer.yaml``:
«helsesøster» finds the health centre and the school health service) and the
description; each hit says why it was found when it was not by its name (``Hit.why``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .i18n import _
from .paths import resources_dir

MIN_PREFIX = 3  # a typed word shorter than this finds no other name (too many would match)


def fold(text: str) -> str:
    """``text`` in NFC, case-folded (folding can decompose, e.g. "İ", so NFC again)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


@dataclass(frozen=True)
class Synonyms:
    """One group of ``resources/synonymer.yaml``: the name shown, the words people type
    (folded), the standard roles whose services the group covers."""

    navn: str
    words: tuple[str, ...]
    types: frozenset[str]


def synonyms_file():
    return resources_dir() / "synonymer.yaml"


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[Synonyms, ...]:
    """The groups of ``resources/synonymer.yaml``, read once. Raises ValueError for a
    group without ``navn``, ``ord`` or ``typer`` (a packaging mistake; a test reads them all)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(synonyms_file().read_text(encoding="utf-8"), Loader=loader) or []
    out = []
    for k, entry in enumerate(data):
        if not (isinstance(entry, dict) and isinstance(entry.get("navn"), str) and entry.get("ord")
                and isinstance(entry.get("typer"), list)):
            raise ValueError(f"{synonyms_file()}: group {k + 1} needs navn, ord and typer")
        out.append(Synonyms(entry["navn"], tuple(fold(str(w)) for w in entry["ord"]),
                            frozenset(str(t) for t in entry["typer"])))
    return tuple(out)


def _names_word(typed: str, word: str) -> bool:
    """A typed word finds a group's word: it begins the word, or the word begins it
    («helsesøsteren» finds «helsesøster»)."""
    return len(typed) >= MIN_PREFIX and (word.startswith(typed) or typed.startswith(word))


def _groups_for(typed: str) -> list[Synonyms]:
    return [g for g in synonym_groups() if any(_names_word(typed, w) for w in g.words)]


def _whole_word(text: str, word: str) -> bool:
    """``word`` stands in ``text`` as a word of its own («lege» is not in «legevakt»)."""
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None


def _word_start(text: str, typed: str):
    """Where ``typed`` begins a word of ``text`` («lege» in «alvorlege» does not count); None."""
    return re.search(r"(?<!\w)" + re.escape(typed), text)


def _starts_word(text: str, typed: str) -> bool:
    return _word_start(text, typed) is not None


def _in_group(s, name: str, group: Synonyms) -> bool:
    return s.role in group.types or any(_whole_word(name, w) for w in group.words if len(w) >= MIN_PREFIX)


@dataclass(frozen=True)
class Hit:
    """A service found, and why when not by its name, id or type: «annet navn:
    helsesykepleier», «beskrivelse: … med PPT og skolen …» (translated; ``snippet``);
    None by its name."""

    service: object
    why: str | None = None


def _word_in(text: str, typed: str) -> str:
    """The whole word of ``text`` (folded) in which ``typed`` was found."""
    found = _word_start(text, typed)
    i = found.start() if found else text.find(typed)
    start = i
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    end = i + len(typed)
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return text[start:end]


SNIPPET_CHARS = 56  # about this much of a description around the word found (a row of the list)


def snippet(text: str, typed: str, around: int = SNIPPET_CHARS) -> str:
    """The part of ``text`` (a description, as written) around the first word that
    ``typed`` (folded) begins, whole words only, about ``around`` characters, with
    "…" where it is cut: «… samarbeider med PPT og helsesykepleier …» (tester round 6:
    a hit read «beskrivelse: ppt», the query lower-cased). ``text`` itself when short;
    "" when ``typed`` is not in it."""
    original = unicodedata.normalize("NFC", " ".join(text.split()))
    folded, at = [], []  # the folded text, and where each of its characters came from
    for i, ch in enumerate(original):
        f = fold(ch)
        folded.append(f)
        at.extend([i] * len(f))
    hay = "".join(folded)
    found = _word_start(hay, typed)
    if found is None:
        return ""
    if len(original) <= around:
        return original
    start, end = at[found.start()], at[max(found.end() - 1, found.start())] + 1
    pad = max(0, around - (end - start)) // 2
    lo, hi = max(0, start - pad), min(len(original), end + pad)
    lo = max(0, min(lo, len(original) - around))
    hi = min(len(original), max(hi, lo + around))
    if lo > 0:  # whole words: cut at a space
        space = original.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(original):
        space = original.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return ("… " if lo > 0 else "") + original[lo:hi].strip() + (" …" if hi < len(original) else "")


def _role_names(s) -> str:
    from .roles import STANDARD_ROLES

    r = STANDARD_ROLES.get(s.role)
    if r is None:
        return ""
    return fold(" ".join({r.navn("nb"), r.navn("nn"), r.short("nb"), r.short("nn")}))


def _found_by(w: str, s, name: str, hay: str, roles: str, about: str, groups) -> tuple[int, str | None] | None:
    """How one typed word ``w`` finds service ``s``: (rank, why), rank 0 by its name, id or
    type, 1 by another name, 2 by its description; None when it does not."""
    if w in hay:
        return 0, None
    if _starts_word(roles, w):
        return 1, _("annet navn: {ord}").format(ord=_word_in(roles, w))
    group = next((g for g in groups if _in_group(s, name, g)), None)
    if group is not None:
        return 1, _("annet navn: {ord}").format(ord=group.navn)
    if _starts_word(about, w):
        return 2, _("beskrivelse: {ord}").format(ord=snippet(s.beskrivelse or "", w))
    return None


def search(m, text: str) -> list[Hit]:
    """Services of ``m`` in which every word typed is found (any case, any Unicode normal
    form), best first: by name (those whose name starts with the first word first), by
    another name (the standard role's names, ``synonymer.yaml``), then by description.
    The whole text may also be one of a group's phrases («barne- og ungdomspsykiatrisk»)."""
    typed = fold(text)
    words = typed.split()
    if not words or m is None:
        return []
    phrase = " ".join(words)
    phrase_groups = _groups_for(phrase) if len(words) > 1 else []
    word_groups = {w: _groups_for(w) for w in words}
    found = []
    for s in m.tjenester:
        name = fold(s.navn)
        hay = f"{name} {fold(s.id)} {fold(s.role)}"
        group = next((g for g in phrase_groups if _in_group(s, name, g)), None)
        if group is not None and not all(w in hay for w in words):
            ways = [(1, _("annet navn: {ord}").format(ord=group.navn))]
        else:
            roles, about = _role_names(s), fold(s.beskrivelse or "")
            ways = [_found_by(w, s, name, hay, roles, about, word_groups[w]) for w in words]
            if None in ways:
                continue
        rank = max(r for r, _why in ways)
        why = next((y for _r, y in ways if y), None)
        found.append((rank, not name.startswith(words[0]), name, Hit(s, why)))
    found.sort(key=lambda t: t[:3])
    return [hit for *_key, hit in found]


def matches(m, text: str) -> list:
    """The services ``search`` finds, best first."""
    return [hit.service for hit in search(m, text)]
