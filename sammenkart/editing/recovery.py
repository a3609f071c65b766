"""Recovery copies: unsaved edits kept in the user's data folder, so a crash
loses at most the last few seconds.

Pure functions; the GUI calls ``save_copies`` on a timer (every 30 s) and,
at start, ``find_copies`` to offer what a crashed session left. One JSON file
per edited file, written atomically, named by a hash of the file's absolute
path (so two folders with a ``kart/fjordvik.yaml`` each keep their own).
A copy is removed when its file is saved (``Editor.save``) or the user
declines it (``discard``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .. import atomic
from ..session.store import data_dir

FORMAT = 1
SUFFIX = ".json"


def recovery_dir() -> Path:
    return data_dir() / "gjenoppretting"


def _name(path: Path) -> str:
    key = str(Path(path).resolve())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20] + SUFFIX


@dataclass(frozen=True)
class RecoveryCopy:
    """An unsaved state of ``path`` written at ``saved_at`` (seconds since the epoch)."""

    path: Path
    text: str
    saved_at: float
    copy: Path

    @property
    def when(self) -> str:
        return dt.datetime.fromtimestamp(self.saved_at).astimezone().isoformat(timespec="seconds")


def save_copies(documents) -> list[Path]:
    """Write a recovery copy of every document with unsaved changes (and
    remove the copies of those without). Returns the copies written.
    ``documents``: ``Editor.documents``. Raises OSError when the data folder
    cannot be written (the GUI says so and tries again next time)."""
    written = []
    for doc in documents:
        if doc.kind == "snapshot":
            continue  # a copy of a shared text: written again by the next «revidert», nothing typed
        if not doc.dirty:
            discard(doc.path)
            continue
        target = recovery_dir() / _name(doc.path)
        record = {"sammenkart_gjenoppretting": FORMAT, "path": str(Path(doc.path).resolve()),
                  "saved_at": dt.datetime.now().timestamp(), "bom": doc.bom, "text": doc.text}
        atomic.write_text(target, json.dumps(record, ensure_ascii=False))
        written.append(target)
    return written


def _read(copy: Path) -> RecoveryCopy | None:
    try:
        record = json.loads(copy.read_text(encoding="utf-8"))
        if record.get("sammenkart_gjenoppretting") != FORMAT:
            return None
        return RecoveryCopy(Path(record["path"]), str(record["text"]), float(record["saved_at"]), copy)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def find_copies(paths=None) -> list[RecoveryCopy]:
    """Recovery copies newer than their file whose text differs from it
    (what a crash left unsaved), for the files in ``paths`` or for all.
    A copy of a file that no longer exists is offered too (nothing is lost)."""
    folder = recovery_dir()
    try:
        entries = sorted(folder.glob("*" + SUFFIX))
    except OSError:
        return []
    wanted = None if paths is None else {_name(Path(p)) for p in paths}
    out = []
    for entry in entries:
        if wanted is not None and entry.name not in wanted:
            continue
        rc = _read(entry)
        if rc is None:
            continue
        try:
            mtime = os.stat(rc.path).st_mtime
            on_disk = rc.path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
        except OSError:
            out.append(rc)
            continue
        if rc.saved_at > mtime and on_disk != rc.text:
            out.append(rc)
    return out


def discard(path) -> None:
    """Remove the recovery copy of ``path`` (after a save, or when declined)."""
    try:
        (recovery_dir() / _name(Path(path))).unlink()
    except OSError:
        pass
