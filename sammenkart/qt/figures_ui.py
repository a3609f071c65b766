"""*Vis → Farge etter → Tall*: referral and rejection figures on the map, in a panel, and as a slide.

``install(window)`` adds a choice to the card colourings (``colouring_menu``:
one colouring at a time, so choosing the revision view turns the figures off),
a side panel and the presentation slide, using the window's public API only:

* **On the map** the cards are filled by the chosen measure and year
  (``window.set_colouring`` with ``figures_view.colouring``: which cards, the
  scale, the legend); the window's legend shows the scale.
* **The panel** has the year and the measure, the tables of
  ``figures_view.tables`` (before a name the mark of its line in the trend,
  behind the coloured number the colour its cards get, the scale above) and
  the trend over the years (``trend_chart.TrendChart``).
* **In presentation mode** the figures are a slide of their own after the
  map, for any map that has figures (whether or not its cards are coloured
  by them): *Next* on the last step of the pathway (or on the map when no
  pathway is chosen) shows it, *Previous* goes back to the map as it was,
  Home/End and Esc leave it. The window asks this controller first
  (``window.slides``).

What is shown follows the map that is shown (the regional view, one
municipality, the whole region): ``figures_view`` scopes the figures to it.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from .. import figures_view as fv
from ..figures_report import CHANGE, format_value
from ..i18n import N_, _
from ..layout.text import SOFT_HYPHEN, soft_hyphenated
from ..style import readable_on
from . import colouring_menu, live_text
from .figures_slide import FiguresSlide, headings, legend_intro
from .fonts import FAMILY
from .plain import plain_label
from .trend_chart import TrendChart, series_icon

KEY = "tal"  # the colouring menu's key for figures
COLUMNS = 4  # the panel's: swatch, name, per 1,000, rejected % (the chart shows the change)


def change_text(value: float | None, measure: str) -> str:
    text = format_value(value, CHANGE)
    return text + (" " + _("p.p.") if measure == "avslagsprosent" and value is not None else "")


def line_cells(line: fv.FigureLine, measure: str) -> list[str]:
    """The texts of a table row after its swatch: name, rate, rejected %, change."""
    f = line.figure
    ch = line.change_rate if measure == "henvisningsrate" else line.change_pct
    return [line.name, fv.format_number(f.henvisningsrate if f else None, "henvisningsrate"),
            fv.format_number(f.avslagsprosent if f else None, "avslagsprosent"), change_text(ch, measure)]


class ScaleStrip(QWidget):
    """The colouring's classes as a row of swatches in the panel, so the colours on the
    map are explained where the figures are read (the map's legend shows them too)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: tuple[tuple[str, str], ...] = ()
        self.font_ = QFont(FAMILY)
        self.font_.setPixelSize(12)
        live_text.live(self, "setAccessibleName", N_("Fargeskala"))

    def set_entries(self, entries) -> None:
        """(label, fill) of the classes; the strip says first what they colour."""
        self.entries = ((legend_intro() + ":", None),) + tuple(entries) if entries else ()
        self._fit()
        self.update()

    def _items(self, width: float) -> list[tuple[float, float, str, str]]:
        """(x, y, label, fill) of each swatch, flowing into rows ``width`` wide."""
        fm = QFontMetricsF(self.font_)
        h, sw = fm.height(), fm.height() * 1.4
        x, y, out = 0.0, 0.0, []
        for label, fill in self.entries:
            w = (sw + 4 if fill else 0) + fm.horizontalAdvance(label) + 12
            if x > 0 and x + w > width:
                x, y = 0.0, y + h + 4
            out.append((x, y, label, fill))
            x += w
        return out

    def _fit(self) -> None:
        items = self._items(max(100, self.width()))
        rows = len({y for _x, y, _l, _f in items}) if items else 0
        self.setFixedHeight(int(rows * (QFontMetricsF(self.font_).height() + 4)) + 2 if rows else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setFont(self.font_)
        fm = QFontMetricsF(self.font_)
        h, sw = fm.height(), fm.height() * 1.4
        for x, y, label, fill in self._items(self.width()):
            if fill:
                p.setPen(QColor("#3a3a3a"))
                p.setBrush(QColor(fill))
                p.drawRect(QRectF(x + 0.5, y + h * 0.15, sw, h * 0.7))
                x += sw + 4
            p.setPen(QColor("#1a1a1a"))
            p.drawText(QRectF(x, y, self.width() - x, h), Qt.AlignLeft | Qt.AlignVCenter, label)
        p.end()


class FigureTable(QTableWidget):
    """A table of the panel: names wrap in their column (never "BUP Brattfjord, Sjø…"),
    the figures keep their width, and the rows grow to the names whenever the
    panel's width changes; the table is as tall as its rows (no scrolling)."""

    def __init__(self, rows: int, columns: int):
        super().__init__(rows, columns)
        self._pending = False
        # the name column stretches after the table's own resize: fit the rows once it has
        self.horizontalHeader().sectionResized.connect(lambda *_a: self.fit_rows_later())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_rows_later()

    def fit_rows_later(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit_rows)  # not after the table is gone

    def fit_rows(self) -> None:
        self._pending = False
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + sum(self.rowHeight(i) for i in range(self.rowCount()))
        if self.height() != height + 4:
            self.setFixedHeight(height + 4)


class FiguresPanel(QWidget):
    """Year, measure, the tables and the trend, for the side panel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = plain_label()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.year_box = QComboBox()
        self.measure_box = QComboBox()
        for m in fv.MEASURES:
            self.measure_box.addItem(fv.measure_title(m), m)
        # as narrow as the column needs (the list opens as wide as its longest entry)
        self.measure_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.measure_box.setMinimumContentsLength(8)
        row = QHBoxLayout()
        row.addWidget(live_text.text(QLabel(), N_("År:")))
        row.addWidget(self.year_box)
        row.addSpacing(8)
        row.addWidget(self.measure_box, 1)
        self.scale = ScaleStrip()
        self.tables: list[QTableWidget] = []
        self.table_box = QVBoxLayout()
        self.chart = TrendChart()
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        # Everything in one scrolled page: where the column is short (1280×720) the
        # page scrolls rather than the tables being pressed over each other.
        self.page = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        lay = QVBoxLayout(self.page)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addWidget(self.scale)
        lay.addLayout(self.table_box)
        lay.addWidget(self.chart, 1)
        lay.addWidget(self.note)

    def show_tables(self, views: list[fv.FigureTableView], measure: str, fills: dict[str, str],
                    coloured_by: str, lang: str = "nb") -> None:
        """One table per view; before a name the mark of its line in the trend (``line.look``),
        behind the number the map is coloured by the fill its cards have there (``fills``).
        Long names may break at their hyphenation points in ``lang`` (the map's målform)."""
        for t in self.tables:
            self.table_box.removeWidget(t)
            t.deleteLater()
        self.tables = []
        for view in views:
            t = FigureTable(len(view.lines), COLUMNS)
            t.setAccessibleName(view.title)
            t.setHorizontalHeaderLabels(headings(view, measure)[:COLUMNS])
            t.verticalHeader().hide()
            t.setEditTriggers(QTableWidget.NoEditTriggers)
            t.setSelectionMode(QTableWidget.NoSelection)
            t.setFocusPolicy(Qt.NoFocus)  # the clicker keys stay with the map
            t.setWordWrap(True)
            for r, line in enumerate(view.lines):
                mark = QTableWidgetItem("")
                if line.look is not None:
                    mark.setIcon(series_icon(*line.look))
                    mark.setData(Qt.UserRole, line.look[0])
                t.setItem(r, 0, mark)
                fill = fills.get(line.key) if view.by == coloured_by and not line.is_total else None
                value_col = 2 if measure == "henvisningsrate" else 3  # the number the map is coloured by
                cells = line_cells(line, measure)
                for c, text in enumerate(cells[:COLUMNS - 1], start=1):
                    item = QTableWidgetItem(soft_hyphenated(text, lang) if c == 1 else text)
                    if c > 1:
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    if fill and c == value_col:
                        item.setBackground(QBrush(QColor(fill)))
                        item.setForeground(QBrush(QColor(readable_on(fill))))
                        item.setData(Qt.UserRole, fill)
                    if line.is_total:
                        f = item.font()
                        f.setBold(True)
                        item.setFont(f)
                    if line.figure is not None:
                        item.setToolTip(line.name + "\n" + _("{n} henvisninger, {a} avslag, {b} barn 0–17 år; endring siden første år: {e}").format(
                            n=line.figure.henvisninger, a=line.figure.avslag, b=line.figure.barn, e=cells[-1]))
                    else:
                        item.setToolTip(line.name)
                    t.setItem(r, c, item)
            head = t.horizontalHeader()
            head.setSectionResizeMode(QHeaderView.ResizeToContents)
            head.setSectionResizeMode(1, QHeaderView.Stretch)
            t.setColumnWidth(0, 14)
            t.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            t.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            t.setTextElideMode(Qt.ElideNone)  # a name too long for its column wraps instead
            t.fit_rows()
            self.table_box.addWidget(t)
            self.tables.append(t)

    def rows(self, index: int = 0) -> list[list[str]]:
        """The texts of one table (tests and the slide read them)."""
        t = self.tables[index]
        return [[t.item(r, c).text().replace(SOFT_HYPHEN, "") for c in range(1, COLUMNS)] for r in range(t.rowCount())]


class FiguresView(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.on = False
        self.measure: str | None = None  # None: the natural measure for what is coloured
        self.year: int | None = None
        self.panel = FiguresPanel()
        self.slide = FiguresSlide(window, line_cells)
        window.room.overlay_extra.append(self.slide)
        self.action = colouring_menu.add_choice(window, KEY, N_("Tall (henvisninger og avslag)"), self.colouring_for,
                                                "Ctrl+T")
        colouring_menu.of(window).changed.connect(lambda key: self._follow(key == KEY))
        window.workspace_updated.connect(self._map_shown)  # an edit: the same map, new objects
        self.panel.year_box.currentIndexChanged.connect(self._year_chosen)
        self.panel.measure_box.currentIndexChanged.connect(self._measure_chosen)
        window.map_changed.connect(lambda _id: self._map_shown())
        window.contrast_action.triggered.connect(lambda _on: self._restyle())
        window.slides = self
        language = getattr(window, "language_changed", None)
        if language is not None:
            language.connect(lambda _lang: self._retranslate())

    def _retranslate(self) -> None:
        """The measures' names, then the panel and slide (their texts are made from the figures)."""
        mb = self.panel.measure_box
        for i in range(mb.count()):
            mb.setItemText(i, fv.measure_title(mb.itemData(i)))
        if self.on:
            self._refresh()

    # -- state -------------------------------------------------------------------------
    def table(self):
        return fv.table_for(self.window.workspace, self.window.current_map()) if self.window.current_map() else None

    def current_measure(self) -> str:
        m = self.window.current_map()
        if self.measure is not None:
            return self.measure
        return "avslagsprosent" if m is not None and fv.grouping(m) == fv.BY_MOTTAKER else "henvisningsrate"

    def current_year(self) -> int | None:
        t, m = self.table(), self.window.current_map()
        years = fv.years_in_scope(m, t) if t is not None else []
        if not years:
            return None
        return self.year if self.year in years else years[-1]

    def colouring_for(self, m):
        """The window's colouring provider while figures are on."""
        t = fv.table_for(self.window.workspace, m)
        year = self.current_year()
        if t is None or year is None or m is not self.window.current_map():
            return None
        return fv.colouring(m, t, year, self.current_measure(), self.window.scene.variant)

    # -- switching -------------------------------------------------------------------
    def set_on(self, on: bool) -> None:
        """Figures on the map and their panel, or neither: through the colouring menu
        (one card colouring at a time), whose choice the panel follows."""
        if on != (colouring_menu.current(self.window) == KEY):
            colouring_menu.choose(self.window, KEY if on else colouring_menu.LEVEL)  # -> _follow
        else:
            self._follow(on)

    def _follow(self, on: bool) -> None:
        if on == self.on:
            return
        self.on = on
        w = self.window
        if on:
            w.add_side_panel(self.panel, N_("Tall"))
            self._fill()
            # Beside the map where a column leaves it readable; where the panel could
            # only be a drawer over the map, the room sees the coloured map and the
            # tables wait in front of the drawer for ☰ Paneler or F9 (tester 3, g14b).
            w.show_panel(self.panel, open_drawer=not w.room.narrow)
        else:
            self.leave()
            w.remove_side_panel(self.panel)

    def _map_shown(self) -> None:
        if self.on:
            self._fill()
        elif self.slide.isVisible() and not self._set_slide():
            self.leave()

    def _year_chosen(self, index: int) -> None:
        if index >= 0 and self.on:
            self.year = self.panel.year_box.itemData(index)
            self._refresh()

    def _measure_chosen(self, index: int) -> None:
        if index >= 0 and self.on:
            self.measure = self.panel.measure_box.itemData(index)
            self._refresh()

    def _restyle(self) -> None:
        """Another look: the map's colours, and the slide's series colours (each look has its own)."""
        if self.on:
            self._refresh()
        else:
            self._set_slide()

    def _fill(self) -> None:
        """The year list for the map shown, then everything else."""
        t, m = self.table(), self.window.current_map()
        box = self.panel.year_box
        box.blockSignals(True)
        box.clear()
        for y in (fv.years_in_scope(m, t) if t is not None else []):
            box.addItem(str(y), y)
        year = self.current_year()
        if year is not None:
            box.setCurrentIndex(box.findData(year))
        box.blockSignals(False)
        mb = self.panel.measure_box
        mb.blockSignals(True)
        mb.setCurrentIndex(mb.findData(self.current_measure()))
        mb.blockSignals(False)
        self._refresh()

    def _refresh(self) -> None:
        w, m, t = self.window, self.window.current_map(), self.table()
        year, measure = self.current_year(), self.current_measure()
        if m is None or t is None or year is None:
            self.panel.title.setText(_("Ingen tall for dette kartet (tal/<kart-id>.csv)."))
            self.panel.show_tables([], measure, {}, "")
            self.panel.scale.set_entries(())
            self.panel.chart.set_data([], [], measure, None, False)
            self.panel.note.setText("")
            self.leave()
            w.refresh_stress()
            return
        title = _("Henvisninger og avslag – {navn}").format(navn=m.navn)
        self.panel.title.setText(title)
        views = fv.tables(m, t, year)
        fills = fv.value_fills(m, t, year, measure, self.window.scene.variant)
        coloured_by = fv.grouping(m)
        self.panel.show_tables(views, measure, fills, coloured_by, m.malform)
        colouring = self.colouring_for(m)
        self.panel.scale.set_entries(colouring.legend if colouring is not None else ())
        years, series = fv.trend_series(m, t, measure)
        has_total = len(series) > 1
        chart_title = fv.trend_title(measure, years)
        self.panel.chart.set_data(years, series, measure, year, has_total, chart_title)
        self.panel.note.setText(self._note(m, t, year))
        self._set_slide()
        w.refresh_stress()

    def _set_slide(self) -> bool:
        """The slide's content for the map shown, the year and measure chosen (the
        latest year and the map's natural measure unless the panel chose others);
        the map's colours behind the numbers only while the cards are coloured by the figures.
        False: no figures."""
        m, t = self.window.current_map(), self.table()
        year, measure = self.current_year(), self.current_measure()
        if m is None or t is None or year is None:
            return False
        variant = self.window.scene.variant  # the slide's background is the look's
        views = fv.tables(m, t, year, variant)
        fills = fv.value_fills(m, t, year, measure, variant) if self.on else {}
        colouring = fv.colouring(m, t, year, measure, variant) if fills else None
        years, series = fv.trend_series(m, t, measure, variant)
        trend = fv.trend_title(measure, years)
        self.slide.set_content(_("Henvisninger og avslag {ar} – {navn}").format(ar=year, navn=m.navn), views,
                               measure, fills, fv.grouping(m),
                               (years, series, measure, year, len(series) > 1, trend),
                               self._note(m, t, year), colouring.legend if colouring is not None else (),
                               f"{trend} – {m.navn}")
        return True

    @staticmethod
    def _note(m, t, year: int) -> str:
        """What is incomplete and why (the same sentences as ``sammenkart tal``), then the file's note."""
        return " ".join(fv.notes(m, t, year) + ([t.note.replace("\n", " ")] if t.note else []))

    # -- the slide (window.slides) ----------------------------------------------------
    def slide_available(self) -> bool:
        """In presentation, for a map with figures (tal/<kart-id>.csv): whether or
        not the cards are coloured by them (Ctrl+T), a facilitator stepping through
        a pathway expects the figures after its last step."""
        return self.window.presentation.active and self.current_year() is not None

    def next_step(self) -> bool:
        """Next: after the map's last step, the figures slide (its tables, then the
        trend where they are two pages); on its last page, nothing further."""
        if self.slide.isVisible():
            self.slide.go_to(self.slide.page + 1)
            return True
        if not self.slide_available():
            return False
        p, step = self.window.current_pathway(), self.window.step
        if p is None or (step is not None and step >= len(p.flyt) - 1):
            self.show_slide()
            return True
        return False

    def previous_step(self) -> bool:
        """Previous: back through the slide's pages, then to the map as it was."""
        if self.slide.isVisible():
            if self.slide.page > 0:
                self.slide.go_to(self.slide.page - 1)
            else:
                self.leave()
            return True
        return False

    def show_slide(self) -> None:
        if not self._set_slide():
            return
        self.slide.page = 0
        self.slide.show()
        self.slide.place()

    def leave(self) -> None:
        self.slide.hide()


def install(window) -> FiguresView:
    return FiguresView(window)
