"""Presentation mode: full screen, panels away, a large caption, black screen.

Keeps what was visible before so leaving restores the window exactly.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


class Caption(QLabel):
    """The current step, large, across the bottom of the map (readable at the back)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "QLabel { background: rgba(20, 20, 20, 225); color: white; font-size: 21pt;"
            " padding: 10px 22px; border-radius: 8px; }"
        )
        self.hide()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = int(parent.width() * 0.96)
        self.setFixedWidth(width)
        height = self.heightForWidth(width)  # word-wrapped rich text: ask, don't guess
        self.setFixedHeight(height if height > 0 else self.sizeHint().height())
        self.move((parent.width() - width) // 2, parent.height() - self.height() - 8)
        self.raise_()


class BlackScreen(QWidget):
    """Covers everything, so the room looks at the people, not the screen."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setStyleSheet("background: black;")
        self.setAttribute(Qt.WA_StyledBackground)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()


class Presentation(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.active = False
        self._visible: list[QWidget] = []
        self._was_maximized = False
        self.caption = Caption(window.map_view)
        self.black = BlackScreen(window)
        window.map_view.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Resize and self.caption.isVisible():
            self.caption.place()
        return False

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self.active = True
        self._was_maximized = w.isMaximized()
        self._visible = [x for x in w.chrome_widgets() if x.isVisible()]
        for x in self._visible:
            x.hide()
        w.showFullScreen()
        w.map_view.fit()
        self.update_caption()

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        self.active = False
        self.black.hide()
        self.caption.hide()
        w.map_view.setViewportMargins(0, 0, 0, 0)
        for x in self._visible:
            x.show()
        if self._was_maximized:
            w.showMaximized()
        else:
            w.showNormal()
        w.map_view.fit()

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def update_caption(self) -> None:
        text = self.window.caption_text() if self.active else ""
        view = self.window.map_view
        if text:
            self.caption.setText(text)
            self.caption.show()
            self.caption.place()
            # the map fits in the space above the caption, so nothing hides behind it
            bottom = self.caption.height() + 16
        else:
            self.caption.hide()
            bottom = 0
        # Refit only when the room for the map changed, not on every step.
        if view.viewportMargins().bottom() != bottom:
            view.setViewportMargins(0, 0, 0, bottom)
            if view.auto_fit:
                view.fit()
