"""Saving sessions as JSON in the user's data folder, safely.

Every write goes to a temporary file in the same folder, is flushed to disk and
then renamed over the old file, so a crash or a power cut leaves either the old
or the new session, never half of one. A file that cannot be read is copied
aside before we say so, so nothing the team typed is lost.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import atomic
from ..i18n import _
from ..os_errors import describe
from .model import FLAG_KINDS, NOTE_KEYS, SCHEMA_VERSION, Flag, SessionState, StepState


class SessionError(Exception):
    """A session file could not be read or written; the message is for the user."""


def data_dir() -> Path:
    """The user's data folder for Sammenkart (not created here)."""
    env = os.environ.get("SAMMENKART_DATA_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / "Sammenkart"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Sammenkart"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "sammenkart"


def sessions_dir() -> Path:
    return data_dir() / "okter"


# --- JSON <-> state -----------------------------------------------------------

def to_dict(state: SessionState) -> dict:
    d = asdict(state)
    d["schema"] = SCHEMA_VERSION
    for st in d["steps"]:
        st["arrows"] = [list(a) for a in st["arrows"]]
    return d


def _text(value, default: str = "") -> str:
    return value if isinstance(value, str) else default


def from_dict(d: dict) -> SessionState:
    """Rebuild a state; raises ValueError/KeyError/TypeError on a malformed dict."""
    steps = []
    for raw in d["steps"]:
        notes = {k: _text(raw.get("notes", {}).get(k)) for k in NOTE_KEYS}
        steps.append(
            StepState(
                marked=[str(s) for s in raw.get("marked", [])],
                arrows=[(str(a), str(b)) for a, b in raw.get("arrows", [])],
                revealed=bool(raw.get("revealed", False)),
                notes=notes,
                timer_seconds=int(raw.get("timer_seconds", 300)),
                elapsed=float(raw.get("elapsed", 0.0)),
                opened_at=raw.get("opened_at"),
                revealed_at=raw.get("revealed_at"),
            )
        )
    if not steps:
        raise ValueError("no steps")
    flags = [_flag(raw, len(steps)) for raw in d.get("flags", [])]  # version 1 files have none
    current = int(d.get("current", 0))
    if not 0 <= current < len(steps):
        raise ValueError("current out of range")
    return SessionState(
        case_id=str(d["case_id"]),
        map_id=str(d["map_id"]),
        steps=steps,
        current=current,
        created=str(d["created"]),
        updated=str(d.get("updated", d["created"])),
        case_title=_text(d.get("case_title")),
        map_name=_text(d.get("map_name")),
        finished=bool(d.get("finished", False)),
        flags=flags,
        names=_names(d.get("names")),  # files before names were kept have none
        roles=_names(d.get("roles")),  # nor roles
    )


def _names(raw) -> dict[str, str]:
    if not isinstance(raw, dict):
        return {}
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}


def _flag(raw: dict, n_steps: int) -> Flag:
    kind, ref = raw["kind"], raw["ref"]
    if kind not in FLAG_KINDS or not isinstance(ref, str) or not ref:
        raise ValueError("flag")
    step = int(raw.get("step", 0))
    if not 0 <= step < n_steps:
        raise ValueError("flag step out of range")
    optional = {k: raw.get(k) if isinstance(raw.get(k), str) else None for k in ("pathway_id", "heading")}
    return Flag(kind, ref, _text(raw.get("note")), step, optional["pathway_id"], optional["heading"],
                _text(raw.get("label"), ref), _text(raw.get("created")), bool(raw.get("applied", False)))


# --- files --------------------------------------------------------------------

def file_name(state: SessionState) -> str:
    stamp = re.sub(r"[^0-9T]", "", state.created[:19]).replace("T", "-")
    slug = re.sub(r"[^a-z0-9-]+", "-", state.case_id.lower()).strip("-") or "kasus"
    return f"{stamp}-{slug}.json"


def atomic_write_text(path: Path, text: str) -> None:
    atomic.write_text(path, text)


def save(state: SessionState, path: Path | None = None) -> Path:
    """Write the session atomically; returns the file written."""
    path = Path(path) if path else sessions_dir() / file_name(state)
    text = json.dumps(to_dict(state), ensure_ascii=False, indent=2)
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise SessionError(
            _("Kunne ikke lagre økten i {sti}: {grunn}").format(sti=path, grunn=describe(exc))
        ) from exc
    return path


def keep_damaged_copy(path: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.stem}.damaged-{stamp}.json")
    n = 1
    while copy.exists():
        copy = path.with_name(f"{path.stem}.damaged-{stamp}-{n}.json")
        n += 1
    shutil.copy2(path, copy)
    return copy


def load(path: Path) -> SessionState:
    """Read a saved session; any problem is a SessionError that says what to do."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SessionError(
            _("Kunne ikke åpne økten {sti}: {grunn}").format(sti=path, grunn=describe(exc))
        ) from exc
    try:
        d = json.loads(raw.decode("utf-8"))
        if not isinstance(d, dict):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError) as exc:
        raise _damaged(path, _("filen er ufullstendig eller skadet")) from exc
    version = d.get("schema")
    if not isinstance(version, int) or version > SCHEMA_VERSION or version < 1:
        raise SessionError(
            _("Økten {sti} er lagret med en versjon ({versjon}) dette programmet ikke kjenner. "
              "Oppdater Sammenkart for å åpne den.").format(sti=path, versjon=version)
        )
    try:
        return from_dict(d)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _damaged(path, _("innholdet mangler eller har feil form")) from exc


def _damaged(path: Path, why: str) -> SessionError:
    try:
        copy = keep_damaged_copy(path)
        where = _("En kopi av filen er tatt vare på som {kopi}.").format(kopi=copy.name)
    except OSError:
        where = _("Filen er ikke endret.")
    return SessionError(
        _("Kunne ikke lese økten {navn}: {grunn}. {kopi}").format(navn=path.name, grunn=why, kopi=where)
    )


def follow_renames(map_id: str, renamed, m=None, folder: Path | None = None, skip=()) -> tuple[list[Path], list[str]]:
    """Make the saved sessions of map ``map_id`` name the services' new ids:
    ``renamed`` holds (id before, id after) pairs, as a save's
    ``Change.renamed`` gives them for the map's file; ``m`` the map as saved
    (the sessions then remember its names and roles for the new ids). Each
    file is rewritten atomically, and only when it names one of the old ids;
    ``skip``: files a running session writes itself. Returns (files
    rewritten, one sentence per file that could not be read or written: it
    is left as it was, and opening it finds the service by name or role)."""
    folder = Path(folder) if folder else sessions_dir()
    pairs = tuple((a, b) for a, b in renamed if a != b)
    done: list[Path] = []
    failed: list[str] = []
    if not pairs or not folder.is_dir():
        return done, failed
    skipped = {Path(p).resolve() for p in skip}
    for p in sorted(folder.glob("*.json")):
        if ".damaged-" in p.name or p.resolve() in skipped:
            continue
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
            if not isinstance(d, dict) or d.get("map_id") != map_id:
                continue
            state = from_dict(d)
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            failed.append(_("Kunne ikke lese økten {navn}: {grunn}").format(
                navn=p.name, grunn=_("innholdet mangler eller har feil form")))
            continue
        updated = state.updated  # not the team's doing: the list of recent sessions keeps its order
        if not state.rename_services(pairs):
            continue
        state.updated = updated
        if m is not None:
            state.remember_names(m)
        try:
            save(state, p)
        except SessionError as exc:
            failed.append(str(exc))
            continue
        done.append(p)
    return done, failed


@dataclass(frozen=True)
class RecentSession:
    path: Path
    case_id: str
    case_title: str
    map_name: str
    updated: str
    current: int
    n_steps: int
    finished: bool


def recent(limit: int = 10, folder: Path | None = None) -> list[RecentSession]:
    """Saved sessions, newest change first; unreadable files are skipped here."""
    folder = Path(folder) if folder else sessions_dir()
    if not folder.is_dir():
        return []
    found: list[RecentSession] = []
    for p in folder.glob("*.json"):
        if ".damaged-" in p.name:
            continue
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
            found.append(
                RecentSession(
                    p, str(d["case_id"]), _text(d.get("case_title")), _text(d.get("map_name")),
                    str(d.get("updated", "")), int(d.get("current", 0)), len(d["steps"]),
                    bool(d.get("finished", False)),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
    found.sort(key=lambda r: r.updated, reverse=True)
    return found[:limit]
