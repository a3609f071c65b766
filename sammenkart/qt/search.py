"""Find a service by name, another name or its description as you type; the map centres on it.

Each hit says why it was found when not by its name («annet navn: helsesykepleier»,
``textsearch.search``); no hit says so in the list ("Ingen treff for «…»"). While a
search is typed its results take the panel's room (at least ``MIN_ROWS`` rows):
the lists of maps and pathways give way until the field is cleared, and the
panel stays where it is. A hit in a description shows the words around it, as
written (``textsearch.snippet``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..i18n import N_, _
from ..textsearch import search
from . import live_text

MIN_ROWS = 6  # the results list at least this many rows tall while it has them
ALL_ROOM = 16777215  # Qt's QWIDGETSIZE_MAX: no limit


class SearchBox(QWidget):
    """The field and its results. ``window``: the map window whose map is searched
    and centred. ``rows``: (least, most) rows of results shown (the side panel's box: at least the first,
    then all the room there is). ``in_panel``: the
    side panel's box, which makes room for its results there (``_make_room``);
    the presentation's and the facilitator's boxes stand alone. ``after_pick``:
    called once a service was picked with Enter (such a box closes then)."""

    def __init__(self, window, rows: tuple[int, int] = (MIN_ROWS, MIN_ROWS), in_panel: bool = True,
                 placeholder: str = N_("Søk etter tjeneste (Ctrl+F)"), after_pick=None):
        super().__init__()
        self.window = window
        self.rows = rows
        self.in_panel = in_panel
        self.after_pick = after_pick
        self.shown: str | None = None  # the service the map was last centred on for this box
        self.edit = QLineEdit()
        live_text.live(self.edit, "setPlaceholderText", placeholder)
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollPerPixel)  # no row jumps half out of view
        self.results.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        lay.addWidget(self.results, 1)
        self.edit.textChanged.connect(self.update_results)
        self.edit.returnPressed.connect(self.choose_first)
        self.edit.installEventFilter(self)  # Down/Up in the field move in the results
        self.results.itemActivated.connect(self._picked)
        # moving in the results shows each service; only Enter (or a double click) picks one
        self.results.currentItemChanged.connect(lambda item, _old: self._chosen(item) if item else None)
        language = getattr(window, "language_changed", None)
        if language is not None:  # the reasons and "Ingen treff" in the new language
            language.connect(lambda _lang: self.update_results(self.edit.text()))

    def focus(self) -> None:
        self.window.show_panel(self.window.choose_panel)
        self.edit.setFocus()
        self.edit.selectAll()

    def update_results(self, text: str) -> None:
        found = search(self.window.current_map(), text)
        self.results.blockSignals(True)
        self.results.clear()
        for hit in found[:50]:
            label = hit.service.navn if hit.why is None else f"{hit.service.navn} – {hit.why}"
            item = QListWidgetItem(label, self.results)
            item.setData(Qt.UserRole, hit.service.id)
            item.setToolTip(label)
        if not found and text.strip():
            item = QListWidgetItem(_("Ingen treff for «{tekst}»").format(tekst=text.strip()), self.results)
            item.setFlags(Qt.ItemIsEnabled)  # says so in the text's own colour; nothing to choose
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        self.results.blockSignals(False)
        self.results.setVisible(bool(text.strip()))
        self._make_room()
        if found:
            self.shown = found[0].service.id
            self.window.map_view.center_on_service(found[0].service.id, flash=False)

    def _rows_height(self, n: int) -> int:
        """The height of the list's first ``n`` rows (a long name with its reason wraps)."""
        line = self.results.fontMetrics().height() + 2
        return sum(max(self.results.sizeHintForRow(i), line) if i < self.results.count() else line
                   for i in range(n))

    def _fit_whole_rows(self, count: int, least: int, most: int, searching: bool) -> None:
        """A box of its own: the list as tall as whole rows, measured where Qt laid them out.
        The scroll bar is decided first (only when there are more results than ``most``
        rows): coming after the height it narrowed the rows, they wrapped once more and
        the last row shown was cut (room 10: "BUP" at 1024×768)."""
        res = self.results
        res.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn if count > most else Qt.ScrollBarAlwaysOff)
        res.doItemsLayout()  # the rows' heights at the width they wrap to now
        heights = [res.visualItemRect(res.item(i)).height() for i in range(min(res.count(), most))]
        line = res.fontMetrics().height() + 2  # an empty list keeps one line's room
        gap = res.spacing()

        def rows(n: int) -> int:
            shown = heights[:n] or [line]
            return sum(shown) + gap * (2 * len(shown) - 1) + 2 * res.frameWidth()

        res.setMinimumHeight(rows(min(count, least)) if searching and least else 0)
        res.setMaximumHeight(rows(min(count, most)))

    def _make_room(self) -> None:
        """Results at least ``rows[0]`` rows tall while there are that many. A box of its own
        (presentation, facilitator) shows at most ``rows[1]``. The side panel's box takes the
        panel's room while a search shows its results (tester round 6: at 1024×768 three rows
        were cut in half over an empty half of the drawer): the maps' and pathways' lists give
        way until the field is cleared."""
        searching = self.results.isVisible()
        count = max(1, self.results.count())
        least, most = self.rows
        if not self.in_panel:
            self._fit_whole_rows(count, least, most, searching)
            return
        want = self._rows_height(min(count, least)) + 2 * self.results.frameWidth() + 4
        self.results.setMinimumHeight(want if searching else 0)
        self.results.setMaximumHeight(ALL_ROOM if searching else 0)
        for w in (getattr(self.window, "maps_list", None), getattr(self.window, "pathways_list", None)):
            if w is not None:
                w.setVisible(not searching)
        panel = self.parentWidget()
        lay = panel.layout() if panel is not None else None
        if lay is not None and lay.indexOf(self) >= 0:
            lay.setStretchFactor(self, 100 if searching else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.results.isVisible():
            self._make_room()

    def choose_first(self) -> None:
        """Enter in the field: the result chosen in the list, else the first."""
        item = self.results.currentItem() if self.results.isVisible() else None
        if item is None and self.results.count():
            item = self.results.item(0)
        if item is not None and item.data(Qt.UserRole):
            self._picked(item)

    def _chosen(self, item) -> None:
        sid = item.data(Qt.UserRole)
        if not sid:
            return
        self.shown = sid
        scene = self.window.scene
        scene.set_focus_card(sid, shown=scene.ring_shown)  # a focus ring, when shown, on it (not another card)
        self.window.map_view.center_on_service(sid)
        self.window.show_details(sid)

    def _picked(self, item) -> None:
        """Enter on a service: while a case runs it goes into the team's answer (or
        out of it), as a click on its card does, and the keys go back to the map;
        otherwise its details are shown."""
        sid = item.data(Qt.UserRole)
        if not sid:
            return
        pick = getattr(self.window.stepper, "pick_service", None)
        if callable(pick):
            self.window.map_view.center_on_service(sid)
            pick(sid)
            self.edit.clear()
            self.window.give_keys_to_map()
        else:
            self._chosen(item)
        if self.after_pick is not None:
            self.after_pick()

    def eventFilter(self, obj, event) -> bool:
        """Down and Up in the field choose the next or previous result (the map shows
        it; Enter picks it), the keys staying in the field for more typing."""
        if obj is self.edit and event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Down, Qt.Key_Up):
            n = self.results.count()
            if self.results.isVisible() and n:
                # no row chosen yet: the first is the one shown (and Enter's)
                row = max(0, self.results.currentRow()) + (1 if event.key() == Qt.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(n - 1, row)))
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.edit.clear()
            self.window.map_view.setFocus()
        else:
            super().keyPressEvent(event)
