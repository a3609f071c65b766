"""Editing maps, pathways and cases: pure operations, undo, saves that keep the user's file.

Qt-free; the GUI's edit mode and scripts use the same API (docs/editing.md)::

    from sammenkart.editing import Editor
    ed = Editor.open("kart/")
    ed.subscribe(print)
    ed.set_service("eksempelkommune", "ppt", navn="PPT Eksempelby")
    ed.undo()
"""
from .changes import Change, EditError, FileChangedError
from .document import DiskState, changed_on_disk, disk_state
from .editor import UNSET, Editor, slug
from .merge import Merge, merge3
from .recovery import RecoveryCopy, discard, find_copies, keep_beside, save_copies
from .template import new_folder, new_map

__all__ = ["Change", "DiskState", "EditError", "Editor", "FileChangedError", "Merge", "RecoveryCopy", "UNSET",
           "changed_on_disk", "discard", "disk_state", "find_copies", "keep_beside", "merge3", "new_folder",
           "new_map", "save_copies", "slug"]
