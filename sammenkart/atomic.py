"""Writes that never destroy: every output goes to a temporary file in the
target's folder and is renamed over the target only when it is complete.

A failure (an exception, a full disk, ``kill -9``) leaves the old file exactly
as it was; the temporary file is removed when we can, and left-over ones from
killed writers are removed by ``clean_stale`` (called by the next write).
Used for session files, PDFs, Markdown and (through the editor) map files.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from typing import Iterator

TMP_SUFFIX = ".sammenkart-tmp"
STALE_SECONDS = 15 * 60  # a writer older than this is gone; its left-over is junk


def _tmp_prefix(path: Path) -> str:
    return f".{path.name}."


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, make_parents: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it onto ``path`` on success.

    The caller writes the whole output to the yielded path (reportlab's
    ``Canvas(str(tmp))`` for instance). Raises whatever the caller raised, after
    removing the temporary file; ``path`` is then untouched. With
    ``make_parents`` False a missing folder is an OSError (FileNotFoundError),
    as for ``open``: a mistyped ``--out`` folder is not created behind the user's back.
    """
    path = Path(path)
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path), suffix=TMP_SUFFIX, dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        _keep_mode(path, tmp_path)
        os.replace(tmp_path, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise
    _fsync_dir(path.parent)


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see module docstring)."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 (newlines as given) to ``path`` atomically."""
    write_bytes(path, text.encode("utf-8"))


def clean_stale(folder: str | os.PathLike, older_than: float = STALE_SECONDS) -> int:
    """Remove our temporary files in ``folder`` older than ``older_than`` seconds.

    Returns how many were removed. Only names we create (``.NAME.*.sammenkart-tmp``)
    are touched, so nothing of the user's is ever deleted.
    """
    now = time.time()
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TMP_SUFFIX)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass
    return removed


def _keep_mode(target: Path, tmp: Path) -> None:
    # mkstemp makes 0600 files; a replaced file keeps the permissions it had,
    # a new one gets the usual ones (so a shared map stays readable by others).
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
