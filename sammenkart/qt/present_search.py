"""Ctrl+F while presenting: a search the room can see, or the facilitator's own.

In presentation the side panel (and the search field in it) is hidden, so
Ctrl+F used to put the keys into a field nobody saw (tester, room 9). Now:

- with the facilitator's window open on another screen, the search is there:
  the facilitator types on the laptop, the projector shows the map centring;
- otherwise a search box stands over the top of the projected map, its text
  sized for the room (``text_px``), inside the map's area so it never covers
  the step's caption band. Enter centres and flashes the service, as outside
  presentation (in a case it goes into the team's answer), and closes the box;
  Esc closes it and puts the map back as it was before the search (typing moves
  the map to each first hit); the keys going back to the map close it too, and
  presentation goes on.
"""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from ..i18n import N_
from .fonts import FAMILY
from .search import SearchBox

ROWS = 5  # results shown at most: the map stays the picture
MARGIN = 8  # px from the map's top edge and sides


def text_px(height: int) -> int:
    """Text size (px) of the box on a map area ``height`` px tall: as large as the
    caption's smaller text (``RoomLayout.relayout``: H/26 to H/52), at least 18 px;
    24 px at 768, 33 px at 1080."""
    return max(18, round(height / 32))


class PresentSearch(QFrame):
    """The search box over the presented map (a child of the map view)."""

    def __init__(self, window):
        super().__init__(window.map_view)
        self.window = window
        self.setObjectName("present-search")
        self.setStyleSheet("#present-search { background: rgba(22, 22, 22, 238); border-radius: 8px; }")
        self.box = SearchBox(window, rows=(ROWS, ROWS), in_panel=False,
                             placeholder=N_("Søk etter tjeneste – Enter viser den, Esc lukker"),
                             after_pick=self.close_search)
        self._before: tuple | None = None  # the view when the box opened (Esc goes back to it)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        lay.addWidget(self.box)
        self.box.edit.textChanged.connect(lambda _t: self.place())  # after the results (connected first)
        self.box.results.currentItemChanged.connect(lambda *_a: self.place())  # the map moved to another hit
        self.hide()
        window.room.overlay_extra.append(self)  # placed with the other overlays on every relayout
        QApplication.instance().focusChanged.connect(self._focus_changed)  # a slot of ours: let go with us
        window.presentation.active_changed.connect(lambda on: None if on else self.close_search())

    def open(self) -> None:
        """Show the box with the keys in its field (what was typed last is selected)."""
        if self.isHidden():
            self._before = self.window.map_view.view_state()
        self.show()
        self.place()
        self.box.edit.setFocus()
        self.box.edit.selectAll()

    def close_search(self) -> bool:
        """Close the box and give the keys to the map; False when it was not open."""
        if self.isHidden():
            return False
        self.hide()
        self.box.edit.clear()
        if self.window.map_view.window().isActiveWindow():
            self.window.give_keys_to_map()
        return True

    def cancel(self) -> None:
        """Esc in the box (``keys.py``): the map as the room saw it before the search (typing had moved it to each
        first hit, tester round 8), then closed."""
        before, self._before = self._before, None
        if before is not None and not self.isHidden():
            self.hide()  # closed first: the view's refit sees no box
            self.window.map_view.restore_view(before)
            self.show()
        self.close_search()

    def owns(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self or self.isAncestorOf(widget))

    def place(self) -> None:
        """Top centre of the map's area (which ends above the caption band), half its width
        or more (two thirds); never taller than the area."""
        if self.isHidden():
            return
        view = self.window.map_view
        W, H = view.width(), view.height()
        font = QFont(FAMILY)
        font.setPixelSize(text_px(self.window.room.height()))
        for w in (self.box.edit, self.box.results):
            if w.font().pixelSize() != font.pixelSize():
                w.setFont(font)
        width = min(W - 2 * MARGIN, max(480, W * 2 // 3))
        x, top = (W - width) // 2, MARGIN + view.viewportMargins().top()
        self.setGeometry(x, top, width, self.height())  # the rows wrap at this width
        self.layout().activate()
        self.box.layout().activate()
        self.box.results.doItemsLayout()  # the rows' heights at the width they wrap to
        self.box._make_room()
        height = 2 * MARGIN + self.box.edit.sizeHint().height()
        if not self.box.results.isHidden():
            height += self.box.layout().spacing() + self.box.results.minimumHeight()
        height = min(H - 2 * MARGIN, height)
        box = QRect(x, top, width, height)
        card = self._shown_card()
        if card is not None and card.intersects(box):
            box.moveBottom(H - MARGIN)  # not over the service it shows (the band stays below the map)
        self.setGeometry(box)
        self.raise_()

    def _shown_card(self) -> QRect | None:
        """Where the service the box shows now is on the map (view coordinates)."""
        sid = self.box.shown
        item = self.window.scene.cards.get(sid) if sid else None
        if item is None:
            return None
        view = self.window.map_view
        rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        return rect.translated(view.viewport().pos())

    def _focus_changed(self, _old, new) -> None:
        """Closed once the keys go elsewhere in the map window (Esc, a click on the map)."""
        try:
            if self.isVisible() and new is not None and new.window() is self.window and not self.owns(new):
                self.close_search()
        except RuntimeError:  # deleted meanwhile
            pass


def facilitator_elsewhere(window) -> QWidget | None:
    """The case's facilitator window when it is open on a screen other than the map window's."""
    f = getattr(getattr(window, "kasus", None), "facilitator", None)
    if f is None or not f.isVisible() or getattr(f, "search", None) is None:
        return None
    there = QGuiApplication.screenAt(f.geometry().center()) or f.screen()
    return f if there is not window.screen() else None


def find_service(window) -> None:
    """Ctrl+F: the side panel's search; while presenting, the facilitator's on their
    own screen, else the box over the projected map."""
    if not window.presentation.active:
        window.search.focus()
        return
    f = facilitator_elsewhere(window)
    if f is not None:
        f.focus_search()
        return
    window.present_search.open()
