"""A user's own folder made by copying the bundled example (README, «Lag et
kart for din kommune»): what the docs say to copy gives a folder with no
errors, and copying too little says plainly what is missing and where it goes.
Fjordvik's nynorsk pathways adapt the example region's shared texts
(``grunnlag: ../../region/kart/forlop/…``, docs/format.md)."""
from __future__ import annotations

import shutil
from pathlib import Path

from editing_helpers import bundled_copy
from sammenkart import paths
from sammenkart.validation_run import validate_paths


def _errors(folder: Path) -> list[str]:
    problems, _counts = validate_paths([str(folder)])
    return [str(p) for p in problems if p.is_error]


def test_copying_kart_kasus_and_region_as_the_readme_says_gives_no_errors(tmp_path):
    readme = (paths.kart_dir().parent / "README.md").read_text(encoding="utf-8")
    assert "`kart/`, `kasus/` og `region/`" in readme  # what the docs tell a user to copy
    assert _errors(bundled_copy(tmp_path)) == []


def test_a_copy_without_region_names_the_folder_to_copy_and_where(tmp_path):
    root = tmp_path / "mine"
    shutil.copytree(paths.kart_dir(), root / "kart")
    shutil.copytree(paths.kasus_dir(), root / "kasus")
    errors = _errors(root)
    grunnlag = [e for e in errors if "grunnlaget" in e]
    assert len(grunnlag) == 7 and len(errors) == 7, errors  # one per adapted pathway, nothing else
    for e in grunnlag:
        assert e.startswith(str(root / "kart" / "forlop")), e  # at the «grunnlag» line of the local file
        assert f"Kopier mappen «{paths.region_dir()}»" in e and f"til «{root / 'region'}»" in e, e
    # doing what the message says fixes it
    shutil.copytree(paths.region_dir(), root / "region")
    assert _errors(root) == []


def test_a_missing_shared_text_of_ones_own_says_to_put_it_there_or_fix_the_path(tmp_path):
    forlop = tmp_path / "kart" / "forlop"
    forlop.mkdir(parents=True)
    shutil.copy(paths.kart_dir() / "fjordvik.yaml", tmp_path / "kart" / "fjordvik.yaml")
    (forlop / "angst.nn.yaml").write_text(
        "sammenkart: 1\nid: angst\nmalform: nn\ngrunnlag: ../../felles/angst.nn.yaml\n", encoding="utf-8")
    errors = _errors(tmp_path)
    assert len(errors) == 1 and "angst.nn.yaml:4:11:" in errors[0], errors
    assert "den felles teksten dette forløpet tilpasser" in errors[0]
    assert "legg den felles fila der, eller rett stien i «grunnlag»" in errors[0]
    assert "eksempeldataene" not in errors[0]
