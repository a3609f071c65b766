"""The text catalogues: extract, update, compile and check them with Babel.

    python scripts/translations.py extract   # the code's texts -> resources/translations/sammenkart.pot
    python scripts/translations.py update    # the .pot -> nb, nn and en .po (new texts empty, gone ones dropped)
    python scripts/translations.py compile   # .po -> .mo (committed: an installed copy needs no build tools)
    python scripts/translations.py check     # what tests/test_translations.py checks; exit 1 on a problem
    python scripts/translations.py all       # extract, update, compile, check

After changing a text in the code: ``all``, translate what ``check`` lists in
``resources/translations/{nn,en}/LC_MESSAGES/sammenkart.po`` (and ``nb`` for
argparse's and Qt's English texts), then ``compile``.

Which catalogue translates which text (``WANTED``): source strings are bokmål,
so ``nn`` and ``en`` translate those; argparse's own texts
(``sammenkart/argparse_texts.py``) are English, so ``nb`` and ``nn`` translate
them; the texts of Qt's dialogs (``sammenkart/qt/qt_texts.py``) are English and
only ``nb`` needs them (nynorsk comes with Qt as ``qtbase_nn.qm``), except
the few ``qtbase_nn.qm`` lacks (``sammenkart/qt/qt_texts_newer.py``), which
``nb`` and ``nn`` translate.
"""
from __future__ import annotations

import ast
import io
import re
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.extract import extract_python as extract_python_tokens
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sammenkart"
TRANSLATIONS = ROOT / "resources" / "translations"
POT = TRANSLATIONS / "sammenkart.pot"
DOMAIN = "sammenkart"
LANGUAGES = ("nb", "nn", "en")
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "ngettext_noop": (1, 2),
    "pgettext": ((1, "c"), 2),
    "QT_TRANSLATE_NOOP": ((1, "c"), 2),
}
# where a text comes from decides its source language
SOURCES = {"sammenkart/argparse_texts.py": "argparse", "sammenkart/qt/qt_texts.py": "qt",
           "sammenkart/qt/qt_texts_newer.py": "qt-newer"}
WANTED = {"nb": {"argparse", "qt", "qt-newer"}, "nn": {"bokmal", "argparse", "qt-newer"}, "en": {"bokmal"}}
WIDTH = 100
HEADER = {
    "pot": "# The texts of Sammenkart: bokmål, except argparse's and Qt's (English).\n"
           "# Made by `python scripts/translations.py extract`; do not edit.",
    "nb": "# Bokmål for argparse's and Qt's English texts (Sammenkart's own are bokmål already).\n"
          "# `python scripts/translations.py update` adds new texts; translate, then `compile`.",
    "nn": "# Nynorsk for all of Sammenkart's texts, and argparse's.\n"
          "# `python scripts/translations.py update` adds new texts; translate, then `compile`.",
    "en": "# English for Sammenkart's own (bokmål) texts.\n"
          "# `python scripts/translations.py update` adds new texts; translate, then `compile`.",
}


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def key(message) -> tuple[str | None, str]:
    mid = message.id[0] if isinstance(message.id, tuple) else message.id
    return message.context, mid


def source_of(message) -> str:
    kinds = {SOURCES.get(path, "bokmal") for path, _line in message.locations}
    return kinds.pop() if len(kinds) == 1 else "bokmal"


# -- extract ------------------------------------------------------------------
def _in_fstrings(source: bytes, keywords) -> list[tuple]:
    """The keyword calls inside f-strings, as Babel's extractors give them:
    (line, function, arguments (a string, or None for anything else), comments).
    Babel's Python extractor reads an f-string as one token before Python 3.12
    and never sees ``f"{_('Teamets valg')}"``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in keywords:
                args = tuple(a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                             for a in call.args)
                if any(a is not None for a in args):
                    found.append((call.lineno, call.func.id, args[0] if len(args) == 1 else args, []))
    return found


def extract_python(fileobj, keywords, comment_tags, options):
    """Babel's Python extractor, and the calls inside f-strings it does not see."""
    source = fileobj.read()
    yield from extract_python_tokens(io.BytesIO(source), keywords, comment_tags, options)
    yield from _in_fstrings(source, keywords)


def extract() -> Catalog:
    """Every text of the code marked for translation, as a template."""
    from sammenkart import __version__

    cat = Catalog(project="Sammenkart", version=__version__, domain=DOMAIN, fuzzy=False, charset="utf-8",
                  header_comment=HEADER["pot"])
    for path, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", extract_python)], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        cat.add(message, None, [(f"sammenkart/{Path(path).as_posix()}", lineno)], auto_comments=comments,
                context=context)
    return cat


def catalogue_text(cat: Catalog) -> str:
    buf = io.BytesIO()
    write_po(buf, cat, width=WIDTH, include_lineno=False, ignore_obsolete=True, sort_by_file=False)
    return buf.getvalue().decode("utf-8")


def _without_dates(text: str) -> str:
    return re.sub(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', "", text, flags=re.M)


def _write_if_changed(path: Path, text: str) -> bool:
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old is not None and _without_dates(old) == _without_dates(text):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def write_template(cat: Catalog) -> bool:
    return _write_if_changed(POT, catalogue_text(cat))


def read_template() -> Catalog:
    with POT.open("rb") as f:
        return read_po(f)


# -- update -------------------------------------------------------------------
def template_for(lang: str, template: Catalog) -> Catalog:
    """The part of the template ``lang``'s catalogue translates (``WANTED``)."""
    part = Catalog(locale=lang, domain=DOMAIN, project=template.project, version=template.version,
                   creation_date=template.creation_date, fuzzy=False)
    for m in template:
        if m.id and source_of(m) in WANTED[lang]:
            part.add(m.id, None, m.locations, auto_comments=m.auto_comments, context=m.context, flags=m.flags)
    return part


def read_catalogue(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="Sammenkart", fuzzy=False, header_comment=HEADER[lang])
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def update(template: Catalog) -> list[str]:
    changed = []
    for lang in LANGUAGES:
        cat = read_catalogue(lang)
        cat.update(template_for(lang, template), no_fuzzy_matching=False, update_header_comment=False)
        cat.obsolete.clear()
        cat.header_comment = HEADER[lang]
        if _write_if_changed(po_path(lang), catalogue_text(cat)):
            changed.append(lang)
    return changed


# -- compile ------------------------------------------------------------------
def compiled(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)
    return buf.getvalue()


def compile_all() -> list[str]:
    changed = []
    for lang in LANGUAGES:
        data = compiled(read_catalogue(lang))
        path = mo_path(lang)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
            changed.append(lang)
    return changed


# -- check --------------------------------------------------------------------
_FORMATTER = string.Formatter()
_PERCENT = re.compile(r"%(\([a-z_]+\))?[sdr]")
_QT_ARG = re.compile(r"%\d")
_MNEMONIC = re.compile(r"&(?=[^&\s])")


def placeholders(text: str) -> tuple:
    """What a translation must keep: {names}, %-conversions, Qt's %1, a mnemonic
    (&), and the whitespace at either end (argparse's "usage: ", a "\\n")."""
    try:
        braces = sorted(f for _lit, f, _spec, _conv in _FORMATTER.parse(text) if f is not None)
    except ValueError:
        braces = ["<unbalanced braces>"]
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return (tuple(braces), tuple(sorted(m.group(0) for m in _PERCENT.finditer(text))),
            tuple(sorted(_QT_ARG.findall(text))), len(_MNEMONIC.findall(text)) > 0, lead, trail)


def _shown(message) -> str:
    mid = key(message)[1]
    ctx = f"[{message.context}] " if message.context else ""
    return f"{ctx}«{mid[:70]}{'…' if len(mid) > 70 else ''}»"


def check(template: Catalog | None = None) -> list[str]:
    """Everything wrong with the catalogues, one line each; empty when all is well:
    the template out of date with the code; a text a catalogue should translate
    that is missing, empty or fuzzy; a translation of a text the code no longer
    has; a translation that lost a placeholder; a .mo out of date with its .po."""
    problems = []
    code = extract()
    on_disk = read_template() if POT.exists() else None
    if on_disk is None:
        problems.append(f"{POT.relative_to(ROOT)} is missing: run scripts/translations.py extract")
    else:
        have = {key(m): source_of(m) for m in on_disk if m.id}
        want = {key(m): source_of(m) for m in code if m.id}
        for k in sorted(set(want) - set(have), key=str):
            problems.append(f"sammenkart.pot: «{k[1][:70]}» is in the code but not in the template (run extract)")
        for k in sorted(set(have) - set(want), key=str):
            problems.append(f"sammenkart.pot: «{k[1][:70]}» is no longer in the code (run extract)")
        for k in sorted(set(have) & set(want), key=str):
            if have[k] != want[k]:
                problems.append(f"sammenkart.pot: «{k[1][:70]}» moved between source languages (run extract)")
    template = template or code
    for lang in LANGUAGES:
        name = po_path(lang).relative_to(ROOT)
        if not po_path(lang).exists():
            problems.append(f"{name} is missing: run scripts/translations.py update")
            continue
        cat = read_catalogue(lang)
        wanted = {key(m): m for m in template_for(lang, template) if m.id}
        present = {key(m): m for m in cat if m.id}
        for k, m in wanted.items():
            t = present.get(k)
            strings = [] if t is None else list(t.string) if isinstance(t.string, (tuple, list)) else [t.string]
            if t is None:
                problems.append(f"{name}: {_shown(m)} is not in the catalogue (run update, then translate it)")
            elif t.fuzzy:
                problems.append(f"{name}: {_shown(m)} is fuzzy: check the translation and remove the fuzzy flag")
            elif not all(strings):
                problems.append(f"{name}: {_shown(m)} is not translated")
            else:
                ids = list(t.id) if isinstance(t.id, tuple) else [t.id]
                expected = placeholders(ids[-1])
                for s in strings:
                    if placeholders(s)[:4] != expected[:4] or placeholders(s)[4:] != placeholders(ids[0])[4:]:
                        problems.append(f"{name}: {_shown(m)}: the translation «{s[:70]}» does not keep its "
                                        f"placeholders, & or surrounding spaces")
                        break
        for k in sorted(set(present) - set(wanted), key=str):
            problems.append(f"{name}: {_shown(present[k])} is not in the template (run update)")
        mo = mo_path(lang)
        if not mo.exists():
            problems.append(f"{mo.relative_to(ROOT)} is missing: run scripts/translations.py compile")
            continue
        if mo.read_bytes() != compiled(cat):  # what `compile` would write now
            problems.append(f"{mo.relative_to(ROOT)} is out of date with its .po: run scripts/translations.py compile")
    return problems


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) > 1 else "check"
    if what not in ("extract", "update", "compile", "check", "all"):
        print(__doc__)
        return 2
    if what in ("extract", "all"):
        print("sammenkart.pot:", "updated" if write_template(extract()) else "unchanged")
    if what in ("update", "all"):
        print("updated:", ", ".join(update(read_template())) or "none")
    if what in ("compile", "all"):
        print("compiled:", ", ".join(compile_all()) or "none")
    if what in ("check", "all"):
        problems = check()
        for p in problems:
            print(p)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv))
