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
        self.arrows: dict[tuple, LineItem] = {}
        self.emphasis: Emphasis = PLAIN

    # -- building ---------------------------------------------------------
    def set_content(self, m: Map, layout: MapLayout) -> None:
        self.clear()
        self.map, self.layout = m, layout
        self.cards, self.bands, self.links, self.arrows = {}, [], [], {}
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
        for item in self.links:
            item.colour = QColor(self.pal.link)
        self.set_emphasis(self.emphasis, force=True)

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
            item.set_look(pal.link, 1.2, link_opacity * (0.5 if em.dim_others else 1.0), False)
        self._apply_arrows(em)
        self.emphasis_changed.emit()

    def _arrow_key(self, a) -> tuple:
        return (a.fra, a.til, a.art, a.number)

    def _apply_arrows(self, em: Emphasis) -> None:
        keys = [self._arrow_key(a) for a in em.arrows if a.fra in self.cards and a.til in self.cards]
        if set(keys) != set(self.arrows):
            for item in self.arrows.values():
                self.removeItem(item)
            self.arrows = {}
            valid = [a for a in em.arrows if a.fra in self.cards and a.til in self.cards]
            for a, lane in zip(valid, lanes([(a.fra, a.til) for a in valid])):
                item = LineItem(arrow_points(self.layout, a.fra, a.til, lane), self.pal.arrow, a.art, True, a.number)
                self.addItem(item)
                self.arrows[self._arrow_key(a)] = item
        for a in em.arrows:
            item = self.arrows.get(self._arrow_key(a))
            if item is None:
                continue
            item.badge_fill = QColor(self.pal.background)
            if a.current:
                item.set_look(self.pal.arrow_current, 4.0, 1.0, True)
            else:
                item.set_look(self.pal.arrow, 2.6, 0.22 if a.faded else 1.0, False)

    # -- queries used by the window and tests ------------------------------
    def highlighted_ids(self) -> set[str]:
        return {sid for sid, item in self.cards.items() if item.state in ("highlight", "current")}

    def current_ids(self) -> set[str]:
        return {sid for sid, item in self.cards.items() if item.state == "current"}

    def arrow_items(self) -> list[LineItem]:
        return sorted(self.arrows.values(), key=lambda it: (it.number or 0))
