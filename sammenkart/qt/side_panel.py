"""The side panel: the panels beside (or over) the map, one tab each.

The tabs are a row of buttons that wraps onto a second row where the column
is too narrow for every name (a 1280×720 laptop at 150 %: a column of 330 px
for "Kart og forløp", "Forløp", "Tjeneste", "Problemer (3)", "Kasus"): a
name is never shortened with "…", in any language, and no tab is scrolled
out of sight (tester 3, meeting room item 4; a ``QTabBar`` elides or
scrolls). The pages are a ``QStackedWidget``; the panel speaks the part of
``QTabWidget``'s language the window uses (``addTab``, ``indexOf``,
``currentWidget``, ``setTabVisible``, ``currentChanged``, …).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QMenu, QStackedWidget, QTabWidget, QToolButton, QWidget

from ..i18n import N_, _
from . import live_text

SPACING = 2  # px between two tabs and between two rows of tabs


class PanelTab(QToolButton):
    """One tab of the chooser: the panel's whole name, checked while it is in front."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setCheckable(True)
        self.setAutoRaise(False)
        self.setFocusPolicy(Qt.NoFocus)  # the clicker keys stay with the map
        self.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.setStyleSheet(
            "QToolButton { border: 1px solid #b9b9b9; border-radius: 4px; padding: 3px 8px;"
            " background: #ececec; color: #1f1f1f; }"
            " QToolButton:hover { background: #f7f7f7; }"
            " QToolButton:checked { background: white; border: 1px solid #8a8a8a;"
            " border-bottom: 3px solid #3c6e9f; padding-bottom: 1px; }")


class PanelChooser(QWidget):
    """The tabs as buttons in rows: as many names on a row as fit its width, the
    rest on the next; the close button at the first row's right end."""

    def __init__(self, panel: "SidePanel"):
        super().__init__(panel)
        self.panel = panel
        self.buttons: list[PanelTab] = []
        self.close_button: QToolButton | None = None

    def add(self, index: int) -> PanelTab:
        b = PanelTab(self)
        b.clicked.connect(lambda _on=False, b=b: self.panel.setCurrentIndex(self.buttons.index(b)))
        self.buttons.insert(index, b)
        b.show()
        return b

    def remove(self, index: int) -> None:
        b = self.buttons.pop(index)
        b.hide()
        b.deleteLater()

    def rows(self, width: int) -> list[list[tuple[PanelTab, int]]]:
        """The visible tabs in rows for ``width`` px: (button, width) each, in order.
        A name wider than a whole row gets a row of its own, as wide as the row."""
        close_w = self.close_button.sizeHint().width() + SPACING if self.close_button is not None else 0
        room = max(40, width - close_w)
        rows: list[list[tuple[PanelTab, int]]] = [[]]
        x = 0
        for b in self.buttons:
            if b.isHidden():
                continue
            w = b.sizeHint().width()
            if rows[-1] and x + w > room:
                rows.append([])
                x = 0
            rows[-1].append((b, min(w, room)))
            x += w + SPACING
        return rows if rows[-1] else rows[:-1] or [[]]

    def row_height(self) -> int:
        heights = [b.sizeHint().height() for b in self.buttons if not b.isHidden()]
        if self.close_button is not None:
            heights.append(self.close_button.sizeHint().height())
        return max(heights, default=24)

    def height_for(self, width: int) -> int:
        n = len(self.rows(width))
        return n * self.row_height() + (n - 1) * SPACING + 2 * SPACING

    def place(self) -> None:
        h = self.row_height()
        y = SPACING
        for row in self.rows(self.width()):
            x = 0
            for b, w in row:
                b.setGeometry(x, y, w, h)
                x += w + SPACING
            y += h + SPACING
        if self.close_button is not None:
            cw = self.close_button.sizeHint().width()
            self.close_button.setGeometry(self.width() - cw, SPACING, cw, h)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.width(), self.height_for(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.place()


class SidePanel(QWidget):
    """The panels beside (or over) the map, one tab each.

    Every tab's name is shown whole: the tabs wrap onto more rows where the
    panel is narrow (``PanelChooser``), and the whole name is also the tab's
    tip. In a case's band under the map, where the tabs cannot be read up its
    side, one button (``menu_button``, placed by the room) lists the panels
    instead.
    """

    hide_requested = Signal()
    currentChanged = Signal(int)  # noqa: N815 - QTabWidget's name, which callers use

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("side-panel")
        self.setAutoFillBackground(True)  # a drawer over the map is opaque
        self._titles: dict[QWidget, tuple[str, dict]] = {}  # tab -> (text for _(), placeholders)
        self._texts: list[str] = []
        self._compact = False
        self.chooser = PanelChooser(self)
        self.pages = QStackedWidget(self)
        self.pages.currentChanged.connect(self.currentChanged)
        self.menu_button = QToolButton(parent)
        self.menu_button.setText("☰")
        live_text.tip(self.menu_button, N_("Velg panel"))
        self.menu_button.setFocusPolicy(Qt.NoFocus)
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.InstantPopup)
        self.menu_button.setMenu(QMenu(self.menu_button))
        self.menu_button.menu().aboutToShow.connect(self._fill_menu)
        self.menu_button.hide()
        self.close_button = QToolButton(self.chooser)
        self.close_button.setText("»")
        live_text.tip(self.close_button, N_("Skjul sidepanelet (F9): kartet får hele bredden"))
        self.close_button.setFocusPolicy(Qt.NoFocus)
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide_requested)
        self.chooser.close_button = self.close_button

    # -- what QTabWidget offered the window ---------------------------------------
    def count(self) -> int:
        return self.pages.count()

    def widget(self, index: int) -> QWidget | None:
        return self.pages.widget(index)

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        return self.pages.indexOf(widget)

    def currentIndex(self) -> int:  # noqa: N802
        return self.pages.currentIndex()

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self.pages.currentWidget()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if 0 <= index < self.count():
            self.pages.setCurrentIndex(index)
        self._checks()

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        self.setCurrentIndex(self.indexOf(widget))

    def addTab(self, widget: QWidget, text: str) -> int:  # noqa: N802
        index = self.pages.addWidget(widget)
        self._texts.insert(index, text)
        self.chooser.add(index).setText(text)
        self._changed()
        return index

    def removeTab(self, index: int) -> None:  # noqa: N802
        if not 0 <= index < self.count():
            return
        widget = self.pages.widget(index)
        self.pages.removeWidget(widget)
        self._texts.pop(index)
        self.chooser.remove(index)
        if self.count() and not self.isTabVisible(self.currentIndex()):
            self._front_visible()
        self._changed()

    def tabText(self, index: int) -> str:  # noqa: N802
        return self._texts[index] if 0 <= index < len(self._texts) else ""

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802
        if 0 <= index < len(self._texts):
            self._texts[index] = text
            self.chooser.buttons[index].setText(text)
            self._changed()

    def setTabToolTip(self, index: int, text: str) -> None:  # noqa: N802
        if 0 <= index < len(self._texts):
            self.chooser.buttons[index].setToolTip(text)

    def isTabVisible(self, index: int) -> bool:  # noqa: N802
        return 0 <= index < self.count() and not self.chooser.buttons[index].isHidden()

    def setTabVisible(self, index: int, shown: bool) -> None:  # noqa: N802
        if not 0 <= index < self.count():
            return
        self.chooser.buttons[index].setVisible(shown)
        if not shown and index == self.currentIndex():
            self._front_visible()
        self._changed()

    def tab_rects(self) -> list[dict]:
        """Each visible tab as placed: its name, the text shown, x and width in the
        chooser's pixels, the width it needs, its row (tests and the probe read them)."""
        out = []
        for r, row in enumerate(self.chooser.rows(self.chooser.width())):
            for b, _w in row:
                g = b.geometry()
                out.append({"text": self._texts[self.chooser.buttons.index(b)], "shown": b.text(), "x": g.x(),
                            "right": g.right(), "width": g.width(), "needs": b.sizeHint().width(), "row": r,
                            "bar": self.chooser.width()})
        return out

    def _front_visible(self) -> None:
        """The current tab was hidden or removed: the nearest visible one comes to the front."""
        i = self.currentIndex()
        order = list(range(i + 1, self.count())) + list(range(i - 1, -1, -1))
        for j in order:
            if self.isTabVisible(j):
                self.pages.setCurrentIndex(j)
                break

    def _checks(self) -> None:
        for i, b in enumerate(self.chooser.buttons):
            b.setChecked(i == self.currentIndex())

    def _changed(self) -> None:
        self._checks()
        self._place()

    # -- the panel's own ----------------------------------------------------------
    def add_panel(self, widget: QWidget, title: str, **fmt) -> QWidget:
        """A tab titled ``_(title).format(**fmt)``, said again when the language changes."""
        self.addTab(widget, "")
        self.set_title(widget, title, **fmt)
        return widget

    def titles(self) -> list[str]:
        return [self.tabText(i) for i in range(self.count())]

    def _fill_menu(self) -> None:
        menu = self.menu_button.menu()
        menu.clear()
        for i, title in enumerate(self.titles()):
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(i == self.currentIndex())
            action.triggered.connect(lambda _on=False, i=i: self.setCurrentIndex(i))
        menu.addSeparator()
        menu.addAction(self.close_button.toolTip()).triggered.connect(self.hide_requested)

    def set_compact(self, on: bool) -> None:
        """In a band: the tabs give way to ``menu_button`` beside the panel."""
        self._compact = on
        self.chooser.setVisible(not on)
        self.menu_button.setVisible(on)
        self._place()

    def remove_panel(self, widget: QWidget) -> None:
        self._titles.pop(widget, None)
        i = self.indexOf(widget)
        if i >= 0:
            self.removeTab(i)

    def show_panel(self, widget: QWidget) -> None:
        """Bring ``widget``'s tab to the front: its own, or the tab of a group it
        is a page of (a ``QTabWidget`` tab, whose page is then chosen). A tab
        hidden for now (``set_tab_shown``) is left where it is."""
        i = self.indexOf(widget)
        if i < 0:
            i = next((j for j in range(self.count()) if self.widget(j).isAncestorOf(widget)), -1)
        if i < 0 or not self.isTabVisible(i):
            return
        self.setCurrentIndex(i)
        group = self.widget(i)
        if group is not widget and isinstance(group, QTabWidget) and group.indexOf(widget) >= 0:
            group.setCurrentWidget(widget)

    def set_tab_shown(self, widget: QWidget, shown: bool) -> None:
        """Show or hide ``widget``'s tab (it keeps its place): edit mode hides
        the tabs its forms stand in for."""
        i = self.indexOf(widget)
        if i >= 0:
            self.setTabVisible(i, shown)

    def set_title(self, widget: QWidget, title: str, **fmt) -> None:
        """``title``: a text for ``_()`` (marked ``N_``), ``fmt`` its placeholders."""
        self._titles[widget] = (title, fmt)
        i = self.indexOf(widget)
        if i >= 0:
            text = (_(title).format(**fmt) if fmt else _(title)) if title else ""
            self.setTabText(i, text)
            self.setTabToolTip(i, text)

    def retranslate(self) -> None:
        for i in range(self.count()):
            w = self.widget(i)
            if w in self._titles:
                title, fmt = self._titles[w]
                self.set_title(w, title, **fmt)
        self._place()

    # -- layout -------------------------------------------------------------------
    def _place(self) -> None:
        W, H = self.width(), self.height()
        top = 0
        if not self._compact:
            top = self.chooser.height_for(W)
            self.chooser.setGeometry(0, 0, W, top)
            self.chooser.place()
        self.pages.setGeometry(0, top, W, max(0, H - top))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._place()  # the tabs' widths change
