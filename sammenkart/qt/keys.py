"""One key policy for the map window, so the clicker never dies.

- Clicker keys (PageDown/PageUp, Right/Left, space/Backspace, Home/End, B and
  ".", Esc) act wherever the keyboard focus is, unless the user is typing in
  an *editable* field. Read-only text (a pathway's text, a service's details),
  lists and buttons never swallow them.
- In an editable field every key types; single-letter shortcuts (H, V, 0, T,
  …) never act there; Esc leaves the field and gives the keys back to the map.
- While the keys go to a field, the map shows a small hint saying so.

With the keys on the map, Ctrl+arrows move the focus ring between cards and
Enter clicks the card that has it (``map_view``); plain arrows stay clicker keys.
Ctrl+arrows outside a field bring the keys back to the map and move the ring;
F6 brings them back from anywhere. Tab goes from the map through the side
panel and back to the map: a text box never keeps it.

F5 and Shift+F5 are window actions: they never type anything, so they work
everywhere. The window says what each key does (``MainWindow.clicker_key``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget,
)

NEXT_KEYS = frozenset({Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Space})
PREV_KEYS = frozenset({Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Backspace})
CLICKER_KEYS = NEXT_KEYS | PREV_KEYS | {Qt.Key_Home, Qt.Key_End, Qt.Key_B, Qt.Key_Period, Qt.Key_Escape}
BLACK_KEYS = frozenset({Qt.Key_B, Qt.Key_Period})  # black screen: from any of the window's windows
_COMMAND_MODIFIERS = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier
RING_KEYS = {Qt.Key_Left: "left", Qt.Key_Right: "right", Qt.Key_Up: "up", Qt.Key_Down: "down"}


def is_editable(widget: QWidget | None) -> bool:
    """True for a field the user can type into (not a read-only text browser)."""
    if widget is None or not widget.isEnabled():
        return False
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False


def owns_keys(widget: QWidget | None) -> bool:
    """A widget in a panel that takes its own keys (the edit mode's forms set the
    property ``owns_keys``): Space ticks its box, arrows move in its list, letters
    search; only Esc goes back to the map."""
    while widget is not None:
        if widget.property("owns_keys"):
            return True
        widget = widget.parentWidget()
    return False


def types_text(event) -> bool:
    """A key press that puts a character into a field (letters, digits, space, …)."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return False
    text = event.text()
    return bool(text) and text.isprintable()


def _nothing_to_undo_here(widget, event) -> bool:
    """Ctrl+Z (Ctrl+Shift+Z, Ctrl+Y) in a text field that has no typing of its own to
    undo (or redo): a field shows the file again after each applied edit, so then the
    user means the window's undo, not the field's (tester 6: Ctrl+Z "did nothing")."""
    undo, redo = event.matches(QKeySequence.Undo), event.matches(QKeySequence.Redo)
    if not (undo or redo):
        return False
    if isinstance(widget, QLineEdit):
        return not (widget.isUndoAvailable() if undo else widget.isRedoAvailable())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        doc = widget.document()
        return not (doc.isUndoAvailable() if undo else doc.isRedoAvailable())
    return False


class KeyPolicy(QObject):
    """Watches the keys of one main window (an application event filter).

    ``window.clicker_key(key) -> bool`` performs a clicker key and says
    whether it was one; ``window.give_keys_to_map()`` moves the focus to the
    map; ``window.show_typing_hint(widget | None)`` shows or hides the hint.
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._detached = False
        app = QApplication.instance()
        app.installEventFilter(self)
        app.focusChanged.connect(self._focus_changed)
        window.destroyed.connect(lambda *_: self.detach())

    def detach(self) -> None:
        if self._detached:
            return
        self._detached = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass

    def _ours(self, obj) -> bool:
        """The event is for the focus widget of our window (seen once, not per parent)."""
        if not isinstance(obj, QWidget):
            return False
        try:
            if not self.window.isActiveWindow():
                return False
        except RuntimeError:  # window already deleted
            return False
        focus = QApplication.focusWidget()
        target = focus if focus is not None else self.window
        return obj is target and target.window() is self.window

    def _in_own_window(self, obj) -> bool:
        """The event is for the focus widget of another window of ours (the
        summary, a case dialog): B works there too, so the room never sees it."""
        if not isinstance(obj, QWidget):
            return False
        try:
            top = obj.window()
            if top is self.window or not top.isActiveWindow():
                return False
        except RuntimeError:
            return False
        focus = QApplication.focusWidget()
        if obj is not (focus if focus is not None else top):
            return False
        owner = top.parentWidget()
        return owner is not None and owner.window() is self.window

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        if not self._ours(obj):
            if (kind == QEvent.KeyPress and event.key() in BLACK_KEYS and self._in_own_window(obj)
                    and not (is_editable(obj) or owns_keys(obj))
                    and not event.modifiers() & _COMMAND_MODIFIERS):
                return bool(self.window.clicker_key(event.key()))
            return False
        editable = is_editable(obj) or owns_keys(obj)
        if kind == QEvent.ShortcutOverride:
            if editable and (types_text(event) or event.key() == Qt.Key_Escape):
                event.accept()  # the field gets the key; no single-letter shortcut fires
                return True
            if editable and _nothing_to_undo_here(obj, event):
                event.ignore()  # the field has nothing of its own to undo: the map's edit is undone
                return True
            return False
        key = event.key()
        if editable:
            if key == Qt.Key_Escape:
                box = getattr(self.window, "present_search", None)
                if box is not None and box.owns(obj):
                    box.cancel()  # the map back as it was before the search, then the keys to it
                else:
                    self.window.give_keys_to_map()
                return True
            return False  # typing
        mods = event.modifiers() & (_COMMAND_MODIFIERS | Qt.ShiftModifier)
        if mods == Qt.ControlModifier and key in RING_KEYS and getattr(self.window, "map_view", obj) is not obj:
            # Ctrl+arrows are the map's wherever the keys are outside a field: a tab bar
            # or a button in a drawer would take them as its own (tester round 6: the
            # drawer's tab switched from Tjeneste to Forløp)
            self.window.give_keys_to_map()
            self.window.map_view.move_card_focus(RING_KEYS[key])
            return True
        if event.modifiers() & _COMMAND_MODIFIERS:
            return False
        return bool(self.window.clicker_key(key))

    def _focus_changed(self, _old, new) -> None:
        try:
            mine = new is not None and new.window() is self.window
            if mine and isinstance(new, (QPlainTextEdit, QTextEdit)) and not new.tabChangesFocus():
                new.setTabChangesFocus(True)  # Tab goes on (to the map again), never into the text
            self.window.show_typing_hint(new if mine and is_editable(new) else None)
        except RuntimeError:
            pass
