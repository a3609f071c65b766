"""Ctrl+Z and *Angre-historikk*: a QUndoStack over the editor's own history.

The editor's undo is the truth (it restores each file byte for byte); the
stack holds one command per entry of ``Editor.history``, named by the
change's text, and its undo/redo call ``editor.undo()``/``redo()``. An edit
made elsewhere (a script, a flag from a case) or history the editor dropped
(a file read again that was not text) is caught by comparing the two after
every change: the stack is then built again from the editor's history.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QUndoView, QVBoxLayout

from ..editing import changes as ch
from ..i18n import N_, _
from . import live_text


class EditorCommand(QUndoCommand):
    """One entry of the editor's history. ``redo`` does nothing the first time
    (QUndoStack.push calls it; the edit is already made)."""

    def __init__(self, bridge: "UndoBridge", text: str, done: bool = True):
        super().__init__(text)
        self.bridge = bridge
        self.skip_redo = done
        self.after_undo: list = []  # callables run after the editor undid it (window.edits.run's hooks)
        self.after_redo: list = []

    def redo(self) -> None:
        if self.skip_redo:
            self.skip_redo = False
            return
        if self.bridge.drive("redo"):
            for fn in self.after_redo:
                fn()

    def undo(self) -> None:
        if self.bridge.drive("undo"):
            for fn in self.after_undo:
                fn()


class UndoBridge(QObject):
    """Keeps ``stack`` in step with an editor (``set_editor``); ``changed(change)``
    is called by the window's one listener for every Change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.editor = None
        self._quiet = False  # the stack moves because the editor did: commands call nothing
        self.last_command: EditorCommand | None = None  # the one pushed for the latest edit
        self._driving = False  # a command is calling the editor: its Change is no news

    def set_editor(self, editor) -> None:
        self.editor = editor
        self.rebuild()

    def drive(self, what: str) -> bool:
        """Undo or redo in the editor for a command of the stack; True when it did."""
        if self._quiet or self.editor is None:
            return False
        self._driving = True
        try:
            change = self.editor.undo() if what == "undo" else self.editor.redo()
        finally:
            self._driving = False
        return change is not None

    def changed(self, change) -> None:
        ed = self.editor
        if ed is None or self._driving:
            return  # a command of the stack is undoing or redoing: the stack moves its index after
        if change.origin == ch.EDIT and change.kind != ch.FILE_SAVE:
            if ed.history_index == self.stack.index() + 1 and ed.history and ed.history[-1] is not None:
                self._quiet = True
                try:
                    self.last_command = EditorCommand(self, change.text or _("Endring"))
                    self.stack.push(self.last_command)
                finally:
                    self._quiet = False
        if not self.in_step():
            self.rebuild()

    def in_step(self) -> bool:
        ed = self.editor
        if ed is None:
            return self.stack.count() == 0
        return self.stack.count() == len(ed.history) and self.stack.index() == ed.history_index

    def rebuild(self) -> None:
        """The stack as the editor's history is now (no editor: empty)."""
        self._quiet = True
        try:
            self.stack.clear()
            if self.editor is not None:
                for change in self.editor.history:
                    self.stack.push(EditorCommand(self, change.text or _("Endring")))
                self.stack.setIndex(self.editor.history_index)
        finally:
            self._quiet = False


class HistoryDialog(QDialog):
    """*Angre-historikk*: every edit by name; choosing one undoes or redoes up to it."""

    def __init__(self, stack: QUndoStack, parent=None):
        super().__init__(parent)
        live_text.live(self, "setWindowTitle", N_("Angre-historikk"))
        self.view = QUndoView(stack)
        live_text.live(self.view, "setEmptyLabel", N_("Slik filene ble lest"))
        live_text.live(self.view, "setAccessibleName", N_("Angre-historikk"))
        hint = live_text.text(QLabel(), N_("Velg en linje for å gå tilbake dit (eller fram igjen). Ctrl+Z og "
                                           "Ctrl+Shift+Z går ett steg."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        live_text.text(buttons.button(QDialogButtonBox.Close), N_("Lukk"))
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.view)
        lay.addWidget(buttons)
        self.resize(420, 360)
