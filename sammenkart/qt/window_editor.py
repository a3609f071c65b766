"""The window's editor: one ``editing.Editor`` on the open folder, one undo
stack, and the window showing the editor's state after every change.

Until the edit mode (*Rediger*, issue 8) owns the editor, the traffic
lights and the flags from a case edit through this. Its contract, which the
edit mode may keep or provide itself at ``window.edits``:

- ``edits.editor()`` -> the ``Editor`` of the folder the window shows (opened
  on first use; opened again when the window was given another folder).
  Raises ``EditError`` when the folder cannot be edited here (the example
  data shipped with the program).
- ``edits.run(op, on_undo=None, on_redo=None)``: ``op(editor) -> Change |
  None`` makes one edit; it becomes one step of ``edits.stack`` (a
  QUndoStack: *Rediger → Angre*, Ctrl+Z), is saved at once (there is no
  separate save here yet, and nothing may be lost), and the window is given
  the new state (``MainWindow.update_workspace``). Returns the Change.
  Raises ``EditError`` (nothing changed, on disk or in the window).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from .. import paths
from ..editing import EditError, Editor
from ..i18n import _


class _Step(QUndoCommand):
    """One edit already made in the editor; undo and redo ask the editor."""

    def __init__(self, owner: WindowEditor, text: str, on_undo=None, on_redo=None):
        super().__init__(text)
        self.owner, self.on_undo, self.on_redo = owner, on_undo, on_redo
        self.first = True

    def redo(self) -> None:
        if self.first:  # QUndoStack.push calls redo: the edit is already made
            self.first = False
            return
        self.owner._replay("redo")
        if self.on_redo:
            self.on_redo()

    def undo(self) -> None:
        self.owner._replay("undo")
        if self.on_undo:
            self.on_undo()


class WindowEditor(QObject):
    changed = Signal(object)  # the editor's Change, after the window shows it

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.stack = QUndoStack(self)
        self._editor: Editor | None = None
        self._given = None  # the workspace this put into the window (another one: a new folder)
        self.last_error: str | None = None

    # -- the editor ---------------------------------------------------------------
    def editor(self) -> Editor:
        ws = self.window.workspace
        if self._editor is not None and ws is self._given:
            return self._editor
        root = getattr(ws, "root", None)
        if root is None:
            raise EditError(_("ingen mappe er åpen"))
        root = Path(root)
        if _bundled(root):
            raise EditError(_("eksempeldataene som følger med programmet, kan ikke endres; åpne en egen mappe "
                              "(Fil → Åpne mappe…) eller lag en med «sammenkart ny»"))
        self._editor = Editor.open(root)
        self._given = ws
        self.stack.clear()
        return self._editor

    # -- edits --------------------------------------------------------------------
    def run(self, op, on_undo=None, on_redo=None):
        ed = self.editor()
        change = op(ed)
        if change is None:
            return None
        try:
            ed.save()
        except EditError:
            ed.undo()  # what is on disk is what the window shows
            raise
        self.stack.push(_Step(self, change.text, on_undo, on_redo))
        self._show(change)
        return change

    def _replay(self, how: str) -> None:
        ed = self._editor
        if ed is None:
            return
        change = ed.undo() if how == "undo" else ed.redo()
        if change is None:
            return
        try:
            ed.save()
            self.last_error = None
        except EditError as exc:  # the window still shows the editor's state; the user is told
            self.last_error = str(exc)
        self._show(change)
        if self.last_error:
            self.window.statusBar().showMessage(_("Kunne ikke lagre: {grunn}").format(grunn=self.last_error))

    def _show(self, change) -> None:
        ws = self._editor.workspace
        self._given = ws
        self.window.update_workspace(ws)
        self.changed.emit(change)


def _bundled(root: Path) -> bool:
    """The example data shipped with the program (its folder, or a map or folder in it)."""
    root = root.resolve()
    if root == paths.kart_dir().parent.resolve():
        return True
    for folder in (paths.kart_dir(), paths.kasus_dir(), paths.region_dir()):
        try:
            root.relative_to(folder.resolve())
            return True
        except ValueError:
            pass
    return False
