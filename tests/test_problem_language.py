"""Problems are worded as files are read: every reading that is kept (the
editor's workspaces and file snapshots, the shared texts it keeps, a loaded
workspace) is read again when the language spoken changes and it has
problems, and reused as it is when it has none."""
from __future__ import annotations

from pathlib import Path

from sammenkart import i18n, loader
from sammenkart.editing import Editor
from sammenkart.loader import load_pathway_file, load_workspace

BROKEN_MAP = """sammenkart: 1
id: vik
navn: Vik
malform: nn
tjenester:
  - {id: helse, navn: Skulehelsetenesta, type: skolehelsetjeneste, niva: 0, sektor: kommune}
  - {id: lege, navn: Legekontoret, type: fastlege, niva: 9, sektor: fastlege}
"""
GOOD_MAP = BROKEN_MAP.replace("niva: 9", "niva: 1")


def folder(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        f = root / name
        f.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            f.write_bytes(content)
        else:
            f.write_text(content, encoding="utf-8")
    return root


def messages(problems) -> list[str]:
    return [p.message for p in problems]


def in_language(lang: str, fn):
    with i18n.language(lang):
        return fn()


def test_the_editor_words_its_problems_in_the_language_spoken_now(tmp_path):
    root = folder(tmp_path, {"kart/vik.yaml": BROKEN_MAP})
    ed = Editor.open(root)
    ed.set_service("vik", "helse", navn="Skulehelsa")  # unsaved: read from the text, not the file
    bokmal = in_language("nb", ed.problems)
    nynorsk = in_language("nn", ed.problems)
    assert messages(bokmal) == ["nivå 9 finnes ikke; kjente nivåer er 0, 1, 2, 3",
                                "tjenesten «lege» vises ikke i kartet før feilen over er rettet"]
    assert messages(nynorsk) == ["nivå 9 finst ikkje; kjende nivå er 0, 1, 2, 3",
                                 "tenesta «lege» blir ikkje vist i kartet før feilen over er retta"]
    assert in_language("en", lambda: ed.workspace.problems_language) == "en"
    assert messages(in_language("nb", ed.problems)) == messages(bokmal), "and back"
    assert ed.dirty and ed.map("vik").service("helse").navn == "Skulehelsa" and ed.can_undo()


def test_a_reading_without_problems_is_kept_in_every_language(tmp_path):
    root = folder(tmp_path, {"kart/vik.yaml": GOOD_MAP})
    ed = Editor.open(root)
    ws = in_language("nb", lambda: ed.workspace)
    assert ws.problems == []
    assert in_language("nn", lambda: ed.workspace) is ws and in_language("en", lambda: ed.workspace) is ws
    assert loader.in_words_now(ws) is ws


def test_a_file_that_is_not_text_says_so_in_the_language_spoken_now(tmp_path):
    root = folder(tmp_path, {"kart/vik.yaml": GOOD_MAP, "kart/forlop/angst.yaml": b"\xff\xfe not utf-8"})
    ed = Editor.open(root)
    bokmal = messages(in_language("nb", ed.problems))
    nynorsk = messages(in_language("nn", ed.problems))
    assert bokmal == messages(in_language("nb", lambda: load_workspace(root).problems))
    assert nynorsk == messages(in_language("nn", lambda: load_workspace(root).problems))
    assert bokmal != nynorsk


def test_a_kept_shared_text_is_read_again_only_when_it_has_problems(tmp_path):
    shared_text = "sammenkart: 1\nid: angst\nmalform: nn\nnavn: Angst\nflyt:\n  - {fra: a, til: b, art: ukjend}\n"
    root = folder(tmp_path, {
        "region/angst.nn.yaml": shared_text,
        "kart/forlop/angst.nn.yaml": "sammenkart: 1\nid: angst\nmalform: nn\ngrunnlag: ../../region/angst.nn.yaml\n",
    })
    local = root / "kart/forlop/angst.nn.yaml"
    shared = loader.shared_files()  # kept for the editor's life
    said = {lang: messages(in_language(lang, lambda: load_pathway_file(local, shared)[1])) for lang in ("nb", "nn")}
    fresh = {lang: messages(in_language(lang, lambda: load_pathway_file(local)[1])) for lang in ("nb", "nn")}
    assert said == fresh and said["nb"] != said["nn"]
    assert said["nb"][0].startswith("grunnlaget «") and said["nn"][0].startswith("grunnlaget «")

    (root / "region/angst.nn.yaml").write_text(shared_text.replace("art: ukjend", "art: samarbeid"), encoding="utf-8")
    in_language("nb", lambda: load_pathway_file(local, shared))
    reads = shared.reads
    p, problems = in_language("nn", lambda: load_pathway_file(local, shared))
    assert p is not None and problems == [] and shared.reads == reads, "no problems: nothing read again"


def test_a_loaded_workspace_is_read_again_in_the_language_spoken_now(tmp_path):
    root = folder(tmp_path, {"kart/vik.yaml": BROKEN_MAP})
    ws = in_language("nb", lambda: load_workspace(root))
    assert ws.problems_language == "nb" and in_language("nb", lambda: loader.in_words_now(ws)) is ws
    again = in_language("nn", lambda: loader.in_words_now(ws))
    assert again is not ws and again.problems_language == "nn"
    assert messages(again.problems) == ["nivå 9 finst ikkje; kjende nivå er 0, 1, 2, 3",
                                        "tenesta «lege» blir ikkje vist i kartet før feilen over er retta"]
