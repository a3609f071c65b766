"""Recovery copies: unsaved edits kept in the user's data folder, so a crash
loses at most the last few seconds.

Pure functions; the GUI calls ``save_copies`` on a timer (every 30 s) and,
at start, ``find_copies`` to offer what a crashed session left. One JSON file
per edited file, written atomically, named by a hash of the file's absolute
path (so two folders with a ``kart/fjordvik.yaml`` each keep their own).
A copy is removed when its file is saved (``Editor.save``) or the user
declines it (``discard``).

A copy also holds the text its edits were made to (``base``), so that when
the file changed after the crash (a git pull, a sync) the edits can be
merged onto the new text (``Editor.recover``) instead of undoing that change.
What cannot be merged is never dropped: ``keep_beside`` writes a whole text
to ``gjenoppretting/`` beside the file, a folder the loader does not read.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from .. import atomic
from ..session.store import data_dir

FORMAT = 1
SUFFIX = ".json"
BESIDE = "gjenoppretting"  # the folder beside a file for versions kept aside (keep_beside)


def recovery_dir() -> Path:
    return data_dir() / "gjenoppretting"


def _name(path: Path) -> str:
    key = str(Path(path).resolve())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20] + SUFFIX


@dataclass(frozen=True)
class RecoveryCopy:
    """An unsaved state of ``path`` written at ``saved_at`` (seconds since the epoch).

    ``base``: the text the edits were made to (the file as last read or
    saved; None in copies written before it was kept, or for a file that was
    not there). ``changed_since``: the file on disk is no longer that text."""

    path: Path
    text: str
    saved_at: float
    copy: Path
    base: str | None = None
    changed_since: bool = False

    @property
    def when(self) -> str:
        """When the copy was written, in the user's language and local time."""
        from ..i18n import datetime_text

        return datetime_text(dt.datetime.fromtimestamp(self.saved_at))


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
                  "saved_at": dt.datetime.now().timestamp(), "bom": doc.bom, "text": doc.text,
                  "base": doc.saved_text}
        atomic.write_text(target, json.dumps(record, ensure_ascii=False))
        written.append(target)
    return written


def _read(copy: Path) -> RecoveryCopy | None:
    try:
        record = json.loads(copy.read_text(encoding="utf-8"))
        if record.get("sammenkart_gjenoppretting") != FORMAT:
            return None
        base = record.get("base")
        return RecoveryCopy(Path(record["path"]), str(record["text"]), float(record["saved_at"]), copy,
                            base if isinstance(base, str) else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def find_copies(paths=None) -> list[RecoveryCopy]:
    """Recovery copies whose text differs from their file (what a crash left
    unsaved), for the files in ``paths`` or for all. A file changed on disk
    after the crash still gets its copy offered, with ``changed_since`` set
    (a copy that knows no ``base`` counts the file as changed when it is
    newer than the copy). A copy of a file that no longer exists is offered
    too (nothing is lost)."""
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
            out.append(replace(rc, changed_since=rc.base is not None))
            continue
        if on_disk == rc.text:
            continue
        changed = on_disk != rc.base if rc.base is not None else mtime > rc.saved_at
        out.append(replace(rc, changed_since=changed))
    return out


def keep_beside(path, text: str, bom: bool = False, when: dt.datetime | None = None) -> Path:
    """Write ``text`` (a whole version of the file ``path`` that is not used
    now) to ``<its folder>/gjenoppretting/<stem>-<date>-<time>.yaml``, never
    over another file; returns where. The loader does not read that folder,
    so the copy never counts as a second map. Raises OSError."""
    path = Path(path)
    stamp = (when or dt.datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    folder = path.parent / BESIDE
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    n = 2
    while target.exists():
        target = folder / f"{path.stem}-{stamp}-{n}{path.suffix}"
        n += 1
    atomic.write_bytes(target, (("\ufeff" if bom else "") + text).encode("utf-8"))
    return target


def discard(path) -> None:
    """Remove the recovery copy of ``path`` (after a save, or when declined)."""
    try:
        (recovery_dir() / _name(Path(path))).unlink()
    except OSError:
        pass
