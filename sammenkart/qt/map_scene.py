"""The map as a QGraphicsScene: draws a MapLayout and applies an Emphasis.

``set_content`` builds the items once per map; ``set_emphasis`` and
``set_variant`` only restyle them (arrows are reused while the same pathway
stays chosen), which keeps stepping fast on large region maps.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from ..emphasis import PLAIN, Emphasis
from ..layout.edges import arrow_points, lanes
from ..layout.geometry import MapLayout
from ..model import Map
from ..style import Palette, level_position, palette
from .arrow_layer import ArrowLayer, ArrowMark
from .items import BandItem, CardItem, LineItem


class MapScene(QGraphicsScene):
    service_clicked = Signal(str)
    emphasis_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Overlays swap hundreds of arrows on a region; the BSP index made each
        # removal cost about a millisecond. A linear scan of a few thousand
        # rectangles per paint or click is far cheaper than that.
        self.setItemIndexMethod(QGraphicsScene.NoIndex)
        self.map: Map | None = None
        self.layout: MapLayout | None = None
        self.variant = "normal"
        self.pal: Palette = palette()
        self.cards: dict[str, CardItem] = {}
        self.bands: list[BandItem] = []
        self.links: list[LineItem] = []
        self.arrow_layer = ArrowLayer()
        self._arrow_pairs: list = []
        self._arrow_points: list = []
        self.emphasis: Emphasis = PLAIN

    # -- building ---------------------------------------------------------
    def set_content(self, m: Map, layout: MapLayout) -> None:
        self.clear()
        self.map, self.layout = m, layout
        self.cards, self.bands, self.links = {}, [], []
        self.arrow_layer = ArrowLayer()
        self.addItem(self.arrow_layer)
        self._arrow_pairs, self._arrow_points = [], []
        n = len(m.nivaer)
        for band in layout.bands:
            pos = level_position(m, band.level_id)
            item = BandItem(band, self.pal.band_fill(pos, n), self.pal.text)
            self.addItem(item)
            self.bands.append(item)
        for link in layout.links:
            item = LineItem(link.points, self.pal.link, "samarbeid")
            self.addItem(item)
            self.links.append(item)
        for sid, card in layout.cards.items():
            item = CardItem(card, self.pal.fill_for(m, card.level), self.pal.text_for(m, card.level), self.pal.card_border)
            self.addItem(item)
            self.cards[sid] = item
        self.setSceneRect(0, 0, layout.width, layout.height)
        self.setBackgroundBrush(QColor(self.pal.background))
        self.set_emphasis(PLAIN, force=True)

    def set_variant(self, variant: str) -> None:
        """Switch palette (normal, hoykontrast, gratone) without rebuilding."""
        self.variant, self.pal = variant, palette(variant)
        if self.map is None:
            return
        n = len(self.map.nivaer)
        self.setBackgroundBrush(QColor(self.pal.background))
        for item in self.bands:
            pos = level_position(self.map, item.band.level_id)
            item.fill, item.text = QColor(self.pal.band_fill(pos, n)), QColor(self.pal.text)
            item.update()
        for item in self.cards.values():
            lv = item.card.level
            item.set_colours(self.pal.fill_for(self.map, lv), self.pal.text_for(self.map, lv), self.pal.card_border)
        self.set_emphasis(self.emphasis, force=True)  # restyles links and arrows too

    # -- emphasis ---------------------------------------------------------
    def set_emphasis(self, em: Emphasis, force: bool = False) -> None:
        if em == self.emphasis and not force:
            return
        self.emphasis = em
        pal = self.pal
        marked = {sid: i + 1 for i, sid in enumerate(em.marked)}
        for sid, item in self.cards.items():
            if sid in em.current:
                state, accent = "current", pal.current
            elif sid in em.highlighted:
                state, accent = "highlight", pal.highlight
            elif em.dim_others:
                state, accent = "dim", None
            else:
                state, accent = "normal", None
            item.set_state(state, accent, pal.dim_opacity)
            item.set_mark(marked.get(sid), pal.marked)
            verdict = None
            if em.revealed:
                verdict = "found" if sid in em.found else "missed" if sid in em.missed else "added" if sid in em.added else None
            item.set_verdict(verdict, {"found": pal.found, "missed": pal.missed, "added": pal.added}.get(verdict))
        link_opacity = 1.0 if em.show_links else 0.0
        for item in self.links:
            item.set_look(pal.link, 1.2, link_opacity * (0.5 if em.dim_others else 1.0))
        self._apply_arrows(em)
        self.emphasis_changed.emit()

    def _apply_arrows(self, em: Emphasis) -> None:
        valid = [a for a in em.arrows if a.fra in self.cards and a.til in self.cards]
        pairs = [(a.fra, a.til) for a in valid]
        if pairs != self._arrow_pairs:  # a new pathway: route the lines once
            self._arrow_pairs = pairs
            self._arrow_points = [arrow_points(self.layout, a, b, lane) for (a, b), lane in zip(pairs, lanes(pairs))]
        marks = [ArrowMark(a.fra, a.til, pts, a.art, a.number, a.current, a.faded)
                 for a, pts in zip(valid, self._arrow_points)]
        self.arrow_layer.set_marks(marks, self.pal.arrow, self.pal.arrow_current, self.pal.background)

    # -- queries used by the window and tests ------------------------------
    def highlighted_ids(self) -> set[str]:
        return {sid for sid, item in self.cards.items() if item.state in ("highlight", "current")}

    def current_ids(self) -> set[str]:
        return {sid for sid, item in self.cards.items() if item.state == "current"}

    def arrow_items(self) -> list[ArrowMark]:
        return sorted(self.arrow_layer.marks, key=lambda m: (m.number or 0))
