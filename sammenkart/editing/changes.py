"""What an edit changed: the one message every view listens to.

A ``Change`` says *where* to look (which file, which map/pathway/case, which
services, links or steps, which keys); it never carries the new state. A
listener reads the state from the editor (``editor.workspace``), so no view
keeps a copy of what the map shows.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

# Kinds, by what was edited. A view that only cares "something in map X changed"
# can ignore the kind and look at ``file_kind``/``file_id``.
MAP_SET = "map.set"
SERVICE_SET = "service.set"
SERVICE_ADD = "service.add"
SERVICE_REMOVE = "service.remove"
SERVICE_MOVE = "service.move"
LINK_ADD = "link.add"
LINK_SET = "link.set"
LINK_REMOVE = "link.remove"
PATHWAY_SET = "pathway.set"
ROLE_SET = "role.set"
ROLE_REMOVE = "role.remove"
STEP_ADD = "step.add"
STEP_SET = "step.set"
STEP_REMOVE = "step.remove"
STEP_MOVE = "step.move"
CHECKLIST_ADD = "checklist.add"
CHECKLIST_SET = "checklist.set"
CHECKLIST_REMOVE = "checklist.remove"
CHECKLIST_MOVE = "checklist.move"
REVISION_SET = "revision.set"        # a traffic light (revisjon) set on a service or a role
REVISION_REMOVE = "revision.remove"  # a traffic light taken away
CASE_SET = "case.set"
CASE_STEP_ADD = "case_step.add"
CASE_STEP_SET = "case_step.set"
CASE_STEP_REMOVE = "case_step.remove"
CASE_STEP_MOVE = "case_step.move"
FILE_RELOAD = "file.reload"      # the file changed on disk and was read again
FILE_RECOVER = "file.recover"    # a recovery copy was taken back
FILE_SAVE = "file.save"          # written to disk: only the dirty state changed

# Where a change came from.
EDIT, UNDO, REDO, SAVE = "edit", "undo", "redo", "save"


class EditError(ValueError):
    """An edit that cannot be made (unknown service, a file that cannot be
    edited, ...). The message is for the user; nothing was changed."""


class FileChangedError(EditError):
    """Saving would overwrite a file another program changed since it was read."""

    def __init__(self, message: str, paths: list[Path]):
        super().__init__(message)
        self.paths = paths


@dataclass(frozen=True)
class Change:
    """One edit, undo, redo, reload or save, as broadcast to listeners.

    - ``kind``: one of the constants above;
    - ``path``: the file; ``file_kind``: "map", "pathway" or "case";
      ``file_id``: the map's, pathway's or case's id (the file's stem);
    - ``items``: what inside the file: service ids (str), step or list
      indexes (int) as they are *after* the change (for a removal: before it),
      role references (str);
    - ``links``: collaboration links touched, as (a, b) reference pairs
      (a removed service takes the links that named only it along);
    - ``keys``: format keys written (``("navn", "niva")``);
    - ``text``: a short description for the undo history, in the user's language;
    - ``origin``: "edit", "undo", "redo" or "save";
    - ``renamed``: services that got another id, as (id before, id after) pairs
      (an undo gives them the other way round), so a view showing one follows it;
      on a save (``FILE_SAVE``), the net id changes the written file holds
      against the text last read or saved (``core.net_renames``), so what is
      kept outside the files (saved case sessions) can follow them.
    """

    kind: str
    path: Path
    file_kind: str
    file_id: str
    items: tuple = ()
    links: tuple[tuple[str, str], ...] = ()
    keys: tuple[str, ...] = ()
    text: str = ""
    origin: str = EDIT
    renamed: tuple[tuple[str, str], ...] = ()

    def as_origin(self, origin: str) -> "Change":
        return replace(self, origin=origin)

    def undone(self) -> "Change":
        """This change as its undo is told: origin "undo", ids renamed back."""
        return replace(self, origin=UNDO, renamed=tuple((b, a) for a, b in self.renamed))
