"""The editor: one owner of the open files, their edits, undo and saving.

``Editor`` is the core (``core.EditorCore``: open files, snapshots, the one
broadcast, history, saving) with the operations on maps (``map_edits``),
pathways and cases (``pathway_edits``), the local revision's traffic lights
(``revision_edits``) and the field checks (``checking``).
See docs/editing.md for the contract.
"""
from __future__ import annotations

from .checking import FieldChecks
from .core import UNSET, EditorCore, slug
from .map_edits import MapEdits
from .pathway_edits import CaseEdits, PathwayEdits
from .revision_edits import RevisionEdits

__all__ = ["Editor", "UNSET", "slug"]


class Editor(MapEdits, PathwayEdits, CaseEdits, RevisionEdits, FieldChecks, EditorCore):
    """Open files, edit them, undo, save. Create with ``Editor.open(path)``."""
