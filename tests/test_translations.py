"""The one translation system (issue 17): every text of the code is in the
catalogues, translated, not fuzzy, keeps its placeholders, and the compiled
.mo files are the .po files as they are (``scripts/translations.py check``,
the check CI runs). argparse's own texts are all listed for the catalogues."""
from __future__ import annotations

import ast
import argparse
import io
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def translations():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import translations as module
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def test_the_catalogues_are_complete_and_compiled(translations):
    problems = translations.check()
    shown = "\n".join(problems[:60]) + (f"\n… and {len(problems) - 60} more" if len(problems) > 60 else "")
    assert not problems, (f"{len(problems)} problems with the catalogues (python scripts/translations.py all, "
                          f"then translate):\n{shown}")


def test_texts_inside_f_strings_are_extracted(translations):
    source = b'x = f"{escape(_(\'Teamets valg\'))}: {n}"\ny = _("vanlig")\n'
    found = list(translations.extract_python(io.BytesIO(source), translations.KEYWORDS, [], {}))
    assert (1, "_", "Teamets valg", []) in found and any(m == "vanlig" for _l, _f, m, _c in found)


def test_the_check_finds_an_untranslated_text(translations, tmp_path, monkeypatch):
    """The check is not one that cannot fail: a catalogue missing a text is reported."""
    from babel.messages.catalog import Catalog

    template = Catalog()
    template.add("Et nytt ord", locations=[("sammenkart/x.py", 1)])
    template.add("Et annet ord", locations=[("sammenkart/x.py", 2)])
    for lang in translations.LANGUAGES:
        cat = Catalog(locale=lang)
        cat.add("Et nytt ord", "Eit nytt ord" if lang == "nn" else "A new word")
        path = tmp_path / lang / "LC_MESSAGES" / "sammenkart.po"
        path.parent.mkdir(parents=True)
        path.write_text(translations.catalogue_text(cat), encoding="utf-8")
    monkeypatch.setattr(translations, "TRANSLATIONS", tmp_path)
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "POT", tmp_path / "sammenkart.pot")
    problems = translations.check(template)
    assert any("nn/LC_MESSAGES/sammenkart.po" in p and "Et annet ord" in p and "not in the catalogue" in p
               for p in problems), problems
    assert any("sammenkart.mo is missing" in p for p in problems)


def _argparse_texts() -> set[str]:
    """Every text the running Python's argparse asks gettext for."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    texts = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            for a in node.args[: 1 if node.func.id == "_" else 2]:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    texts.add(a.value)
    return texts


def test_every_text_argparse_asks_for_is_in_the_catalogues():
    from sammenkart import argparse_texts

    listed = set(argparse_texts.TEXTS) | {t for pair in argparse_texts.PLURALS for t in pair}
    missing = _argparse_texts() - listed
    assert not missing, f"add to sammenkart/argparse_texts.py: {sorted(missing)}"
