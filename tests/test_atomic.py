"""Writes never destroy: a failed write leaves the old file, left-overs are cleaned."""
import os
import time

import pytest

from sammenkart import atomic


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "plakat.pdf"
    target.write_bytes(b"old poster")
    with pytest.raises(RuntimeError):
        with atomic.atomic_path(target) as tmp:
            tmp.write_bytes(b"half a new")
            raise RuntimeError("disk full")
    assert target.read_bytes() == b"old poster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plakat.pdf"]


def test_a_successful_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "kart.yaml"
    target.write_text("a: 1\n")
    os.chmod(target, 0o644)
    atomic.write_text(target, "a: 2\n")
    assert target.read_text() == "a: 2\n"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["kart.yaml"]


def test_stale_temporaries_of_killed_writers_are_removed_and_nothing_else(tmp_path):
    old = tmp_path / ".kart.yaml.abc123.sammenkart-tmp"
    fresh = tmp_path / ".kart.yaml.def456.sammenkart-tmp"
    users = tmp_path / ".notes.tmp"
    for p in (old, fresh, users):
        p.write_text("x")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(users, (hour_ago, hour_ago))
    atomic.write_text(tmp_path / "kart.yaml", "ok\n")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([fresh.name, users.name, "kart.yaml"])
