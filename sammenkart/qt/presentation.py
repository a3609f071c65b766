"""Presentation mode: full screen, the map and a large caption, black screen.

The caption band is laid out by the room layout after the window has its
final size and on every resize (at most a fifth of the height; see
``room_layout.Caption``). During a case it carries the step's questions and,
unless turned off with T, the step's story, so the room reads what the table
discusses. What was visible before is put back on leaving; nothing of
presentation mode is ever saved as the window's state. ``active_changed``
says when it starts and ends: what would otherwise pop up over the projected
picture (a file changed on disk) waits for the end (``edit_files.py``).
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget


class BlackScreen(QWidget):
    """Covers everything, so the room looks at the people, not the screen.

    Everything on the window's screen: the window's own other windows there
    (the summary, a case dialog, the facilitator window on a single screen)
    are hidden while it is black and shown again after. A window on another
    screen (the facilitator's laptop) stays.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setStyleSheet("background: black;")
        self.setAttribute(Qt.WA_StyledBackground)
        self._hidden: list[QWidget] = []
        self.hide()

    def _windows_on_screen(self) -> list[QWidget]:
        """The main window's other visible top-level windows on its screen."""
        main = self.parentWidget().window()
        screen = main.screen()
        found = []
        for w in QApplication.topLevelWidgets():
            if w is main or not w.isVisible() or w.windowType() in (Qt.Popup, Qt.ToolTip):
                continue
            owner = w.parentWidget()
            while owner is not None and owner.window() is not main:
                owner = owner.parentWidget()
            if owner is None:
                continue  # not one of this window's (another map window keeps its screen)
            here = QGuiApplication.screenAt(w.geometry().center()) or w.screen()
            if here is screen:
                found.append(w)
        return found

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.setGeometry(self.parentWidget().rect())
            self._hidden = self._windows_on_screen()
            for w in self._hidden:
                w.hide()
            self.show()
            self.raise_()
            main = self.parentWidget().window()
            main.activateWindow()  # the keys (B again, Esc) come back to this window
            give_back = getattr(main, "give_keys_to_map", None)
            if callable(give_back) and not main.isAncestorOf(QApplication.focusWidget() or self):
                give_back()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        if not self.isHidden():
            return  # the window itself was hidden (minimised): the others stay as they are
        hidden, self._hidden = self._hidden, []
        for w in hidden:
            try:
                w.show()
            except RuntimeError:  # closed and deleted meanwhile
                pass


class Presentation(QObject):
    active_changed = Signal(bool)  # after entering (True) or leaving (False)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.room = window.room
        self.caption = window.room.caption
        self.active = False
        self.show_story = True
        self.normal_geometry = QByteArray()  # what to save if the app quits while presenting
        self._visible: list[QWidget] = []
        self._was_maximized = False
        self.black = BlackScreen(window)

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self.active = True
        self.normal_geometry = w.saveGeometry()
        self._was_maximized = w.isMaximized()
        self._visible = [x for x in w.chrome_widgets() if x.isVisible()]
        for x in self._visible:
            x.hide()
        self.room.set_presentation(True)
        w.legend.set_presenting(True)
        w.showFullScreen()
        w.map_view.setFocus()
        self.update_caption()
        w.map_view.fit()
        self.active_changed.emit(True)

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        self.active = False
        self.black.hide()
        for x in self._visible:
            x.show()
        self.room.set_presentation(False)
        w.legend.set_presenting(False)
        if self._was_maximized:
            w.showMaximized()
        else:
            w.showNormal()
        self.update_caption()
        w.map_view.fit()
        self.active_changed.emit(False)

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def toggle_story(self) -> None:
        self.show_story = not self.show_story
        self.update_caption()

    def update_caption(self) -> None:
        """Put the current step's text in the band and lay the room out again."""
        w = self.window
        text = w.caption_text()
        story = None
        stepper = w.stepper
        if self.active and self.show_story and stepper is not None and hasattr(stepper, "story_text"):
            story = stepper.story_text()
        # Outside presentation the band shows a pathway's step only when the
        # side panel (which shows it too) is folded away.
        self.room.caption_in_normal_mode = stepper is None
        self.caption.set_content(text, story)
        self.room.relayout()
