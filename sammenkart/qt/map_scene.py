"""The map as a QGraphicsScene: draws the display list of a layout and an emphasis.

``set_content`` builds the items once per map; ``set_emphasis`` and
``set_variant`` compute the display list (pure code, ``sammenkart.display``)
and hand each item its part, so a step restyles and never rebuilds. What the
scene last drew is ``self.display``: the same list the poster would draw.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from .. import display as dl
from ..emphasis import PLAIN, Emphasis
from ..layout.geometry import MapLayout
from ..model import Map
from ..style import Palette, palette
from .room_layout import READABLE_PX
from .arrow_layer import ArrowLayer, ArrowMark
from .items import TEXT_MIN_PX, BandItem, CardBatch, CardItem, FocusRingItem
from .plain import tooltip


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
        self.arrow_layer = ArrowLayer()
        self.emphasis: Emphasis = PLAIN
        self.display: dl.DisplayList | None = None
        self.content_rect = None  # what the bands and cards cover (QRectF), once per map
        self.card_batch = CardBatch()
        self.far: bool | None = None  # cards drawn as one batch of boxes (see set_zoom)
        # The card with the keyboard focus (Ctrl+arrows, ``map_view``) and whether its ring shows.
        self.focus_id: str | None = None
        self.ring_shown = False
        self.zoom = 1.0  # px per map unit (the view tells: set_zoom); the ring is sized in px
        self.ring = FocusRingItem()
        self.addItem(self.ring)

    # -- building ---------------------------------------------------------
    def set_content(self, m: Map, layout: MapLayout) -> None:
        self.clear()
        self.map, self.layout = m, layout
        self.cards, self.bands = {}, []
        self.emphasis = PLAIN
        d = dl.build(m, layout, PLAIN, self.variant)
        for item in d.bands:
            band = BandItem(item)
            self.addItem(band)
            self.bands.append(band)
        for item in d.cards:
            card = CardItem(layout.cards[item.id], item)
            self.addItem(card)
            self.cards[item.id] = card
        self.arrow_layer = ArrowLayer()
        self.addItem(self.arrow_layer)
        self.card_batch = CardBatch()
        self.card_batch.setVisible(False)
        self.addItem(self.card_batch)
        self.far = None
        self.setSceneRect(0, 0, layout.width, layout.height)
        # Bands and cards do not move until the next map: measured once (the legend asks on
        # every step, and itemsBoundingRect asks thousands of items each time).
        self.content_rect = self.itemsBoundingRect()
        if self.focus_id not in self.cards:  # the card with the focus is gone (deleted, another map)
            self.focus_id = None
        self._place_ring()
        self._draw(d)
        self.emphasis_changed.emit()

    def clear(self) -> None:
        super().clear()
        self.content_rect = None
        self.far = None
        self.ring = FocusRingItem()  # the old one went with the other items
        self.addItem(self.ring)

    def set_zoom(self, zoom: float) -> None:
        """The view's scale (pixels per map unit). Far out, where no card's text would
        be drawn, the cards are painted as one batch of boxes (``CardBatch``)."""
        if zoom != self.zoom:
            self.zoom = zoom
            self._place_ring()  # its widths are px on screen
        if not self.cards or self.layout is None:
            return
        smallest = min(c.font_size for c in self.layout.cards.values())
        far = zoom * smallest < TEXT_MIN_PX
        if far == self.far:
            return
        self.far = far
        for card in self.cards.values():
            card.setFlag(CardItem.ItemHasNoContents, far)
            card.update()
        self.card_batch.setVisible(far)

    def update_content(self, m: Map, layout: MapLayout) -> bool:
        """Show an edited map whose cards and bands kept their places (``layout.reuse``):
        the items stay, cards get their new labels, the picture is drawn again with
        the current emphasis. False (nothing done) when a place changed; then call
        ``set_content``."""
        old = self.layout
        if (old is None or self.map is None or old.cards.keys() != layout.cards.keys()
                or any(old.cards[sid].rect != c.rect for sid, c in layout.cards.items())
                or [b.rect for b in old.bands] != [b.rect for b in layout.bands]):
            return False
        self.map, self.layout = m, layout
        self._place_ring()
        for sid, card in self.cards.items():
            geom = layout.cards[sid]
            if geom is not card.card:
                card.card = geom
                card.setToolTip(tooltip(" ".join(geom.lines)))
        self._draw(dl.build(m, layout, self.emphasis, self.variant))
        self.emphasis_changed.emit()
        return True

    def set_variant(self, variant: str) -> None:
        """Switch palette (normal, hoykontrast, gratone) without rebuilding."""
        self.variant, self.pal = variant, palette(variant)
        self._place_ring()
        if self.map is not None:
            self.set_emphasis(self.emphasis, force=True)

    # -- the keyboard focus ---------------------------------------------------
    def set_focus_card(self, service_id: str | None, shown: bool = True) -> None:
        """The card with the keyboard focus (None: none), its ring drawn when ``shown``."""
        self.focus_id = service_id if service_id in self.cards else None
        self.ring_shown = shown
        self._place_ring()

    def _place_ring(self) -> None:
        ring = (dl.focus_ring(self.layout, self.focus_id, self.variant, self.zoom, READABLE_PX)
                if self.ring_shown else None)
        self.ring.set_ring(ring)

    def focus_ring_rect(self):
        """Where the focus ring is drawn (``display.RingItem``), or None when none shows (tests)."""
        return self.ring.ring if self.ring.isVisible() else None

    # -- emphasis ---------------------------------------------------------
    def set_emphasis(self, em: Emphasis, force: bool = False) -> None:
        if self.map is None or (em == self.emphasis and not force):
            return
        self.emphasis = em
        self._draw(dl.build(self.map, self.layout, em, self.variant))
        self.emphasis_changed.emit()

    def _draw(self, d: dl.DisplayList) -> None:
        self.display = d
        if self.backgroundBrush().color() != QColor(d.background):
            self.setBackgroundBrush(QColor(d.background))  # setting it repaints the whole view
        for band, item in zip(self.bands, d.bands):
            band.set_item(item)
        marks = {m.owner: m for m in d.marks if m.kind == "mark"}
        verdicts = {m.owner: m for m in d.marks if m.kind == "verdict"}
        cards = self.cards
        for item in d.cards:
            card = cards.get(item.id)
            if card is None:
                continue
            if card.item is not item:
                card.set_item(item)
            if marks or verdicts or card.mark is not None or card.verdict is not None:
                mark = marks.get(item.id)
                card.mark = int(mark.text) if mark else None
                verdict = verdicts.get(item.id)
                card.verdict = {"✓": "found", "?": "missed", "+": "added"}.get(verdict.text) if verdict else None
        self.arrow_layer.set_items(d.links, d.arrows, d.badges, d.marks, d.background)
        self.card_batch.set_cards(d.cards, d.background, self.content_rect or self.sceneRect())

    # -- queries used by the window and tests ------------------------------
    def highlighted_ids(self) -> set[str]:
        return {sid for sid, item in self.cards.items() if item.state in ("highlight", "current")}

    def current_ids(self) -> set[str]:
        return {sid for sid, item in self.cards.items() if item.state == "current"}

    def arrow_items(self) -> list[ArrowMark]:
        return sorted(self.arrow_layer.marks, key=lambda m: (m.number or 0))

    @property
    def links(self) -> list:
        """The collaboration lines drawn now."""
        return list(self.display.links) if self.display else []
