"""paths.resolved: Path.resolve remembered, but never for the wrong folder."""
import os

from sammenkart import paths


def test_resolved_is_resolve_and_a_relative_path_follows_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "lenke").symlink_to(tmp_path / "a", target_is_directory=True)
    assert paths.resolved(tmp_path / "b" / "lenke" / "kart.yaml") == (tmp_path / "a" / "kart.yaml").resolve()
    monkeypatch.chdir(tmp_path / "a")
    here = paths.resolved("kart.yaml")
    monkeypatch.chdir(tmp_path / "b")
    there = paths.resolved("kart.yaml")
    assert here == (tmp_path / "a" / "kart.yaml").resolve()
    assert there == (tmp_path / "b" / "kart.yaml").resolve() != here
    assert paths.resolved(os.path.join("..", "a")) == (tmp_path / "a").resolve()
