"""The legend, compact, on the map: levels (colour), sectors (card shape) and the
kinds of arrow shown — the display list's own legend entries
(``display.legend_entries``), so screen and poster explain the same picture.

Unfolded (two short columns) it goes where the view has room beside the
drawn map (below, right or left of it), so it never covers a card; where
there is no such room it folds into one small button ("Tegnforklaring ▸"):
in the strip the room keeps above the map when there is one (the drawer
handle's), else in a corner where no card is, else as a smaller button of
three level swatches ("▪▪▪ ▸", the name in its tip) in such a corner, else
(the map fills the view: zoomed in, or a region's step shown readable) in a
strip of its own above the map. A click or L unfolds or folds it by hand, and then it stays as the
user chose. Hidden in presentation mode unless L asks for it.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..layout.geometry import Rect
from ..style import Palette, card_outline
from .fonts import FAMILY
from .items import outline_path, paint_symbol
from ..i18n import N_, _
from . import live_text

ROW = 17
SWATCH_W, SWATCH_H = 24, 12
PAD = 6
MARGIN = 8


class LegendWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.map = None
        self.pal: Palette | None = None
        self.columns: list[tuple[str, list]] = []  # (heading, display.LegendEntry rows)
        self.folded = True
        self.user_chose = False  # once the user folds or unfolds, keep it
        self.presenting = False  # presentation: hidden until L asks for it
        self.asked_in_presentation = False
        self.setCursor(Qt.PointingHandCursor)
        live_text.tip(self, N_("Tegnforklaring: klikk (eller L) for å vise eller skjule"))
        self.font_ = QFont(FAMILY)
        self.font_.setPixelSize(12)
        self.bold = QFont(self.font_)
        self.bold.setBold(True)
        self._widths: dict[tuple, int] = {}  # (heading, row labels) -> column width in px
        self.in_strip = False  # the folded button stands in the room's top strip (strip_bottom)
        self.compact = False  # folded to three swatches and ▸ (a corner too small for the name)
        self._strip_key: tuple | None = None  # the map and view size it went there for (kept for them)

    def set_map(self, m, pal: Palette, entries=()) -> None:
        """Show the legend of map ``m``: ``entries`` are the display list's
        (``DisplayList.legend``), one column per heading."""
        self.map, self.pal = m, pal
        self.columns = []
        for e in entries if m is not None else ():
            if e.kind == "head":
                self.columns.append((e.label, []))
            elif e.kind in ("level", "sector", "access", "art") and self.columns:
                self.columns[-1][1].append(e)
        self._update_visible()
        self.place()

    def _update_visible(self) -> None:
        self.setVisible(self.map is not None and (not self.presenting or self.asked_in_presentation))

    def set_presenting(self, on: bool) -> None:
        self.presenting = on
        self.asked_in_presentation = False
        self._update_visible()
        self.place()

    # -- folding -----------------------------------------------------------------
    def set_folded(self, folded: bool, by_user: bool = False) -> None:
        self.folded = folded
        self.user_chose = self.user_chose or by_user
        self.place()

    def toggle(self) -> None:
        if self.presenting:
            # L in presentation: show it unfolded, then hide it again.
            self.asked_in_presentation = not self.asked_in_presentation
            self._update_visible()
            self.set_folded(not self.asked_in_presentation)
            return
        self.set_folded(not self.folded, by_user=True)

    def mousePressEvent(self, event) -> None:
        if self.presenting:
            self.set_folded(not self.folded)
        else:
            self.toggle()
        event.accept()

    # -- size and place ------------------------------------------------------------
    def _column_width(self, rows, head: str) -> int:
        from PySide6.QtGui import QFontMetrics

        # every edit places the legend a few times; its fonts are fixed, so measure each text once
        key = (head, tuple(e.label for e in rows))
        width = self._widths.get(key)
        if width is None:
            fm, fb = QFontMetrics(self.font_), QFontMetrics(self.bold)
            widest = max((fm.horizontalAdvance(e.label) for e in rows), default=0)
            width = max(fb.horizontalAdvance(head), SWATCH_W + 6 + widest)
            if len(self._widths) > 64:
                self._widths.clear()
            self._widths[key] = width
        return width

    def sizeHint(self) -> QSize:
        from PySide6.QtGui import QFontMetrics

        if self.folded:
            fm = QFontMetrics(self.bold)
            if self.compact:
                return QSize(2 * PAD + 3 * SWATCH_H + 4 + fm.horizontalAdvance("▸") + 4, ROW + 2 * PAD - 4)
            return QSize(fm.horizontalAdvance(self._folded_text()) + 2 * PAD + 4, ROW + 2 * PAD - 4)
        w = sum(self._column_width(rows, head) for head, rows in self.columns) + 14 * max(0, len(self.columns) - 1)
        rows = 1 + max((len(rows) for _head, rows in self.columns), default=0)
        return QSize(w + 2 * PAD, rows * ROW + 2 * PAD)

    def _folded_text(self) -> str:
        return _("Tegnforklaring ▸")

    def _unfolded_size(self) -> QSize:
        folded = self.folded
        self.folded = False
        size = self.sizeHint()
        self.folded = folded
        return size

    def _free_spot(self, size: QSize):
        """A top-left point where ``size`` fits in the view without covering the
        drawn map, or None: below the map first, then right, then left."""
        view = self.parentWidget()
        vp = view.rect()
        drawn = view.map_rect_in_view() if hasattr(view, "map_rect_in_view") else None
        if drawn is None or drawn.isEmpty():
            return None
        if hasattr(view, "viewport"):  # strips kept above or below the map (bars) are not free room
            vp = view.viewport().geometry()
            drawn = drawn.translated(vp.topLeft())  # the map's place is in viewport pixels
        w, h, m = size.width(), size.height(), MARGIN
        if vp.bottom() - drawn.bottom() >= h + 2 * m:
            return QPoint(max(m, drawn.left()), vp.bottom() - h - m)
        if vp.right() - drawn.right() >= w + 2 * m:
            return QPoint(vp.right() - w - m, vp.bottom() - h - m)
        if drawn.left() - vp.left() >= w + 2 * m:
            return QPoint(m, vp.bottom() - h - m)
        if drawn.top() - vp.top() >= h + 2 * m:
            return QPoint(max(m, drawn.left()), m)
        return None

    def _card_rects(self) -> list[QRect]:
        """Where the cards are drawn, in the view's pixels."""
        view = self.parentWidget()
        cards = getattr(view.scene(), "cards", {}) if hasattr(view, "scene") and view.scene() else {}
        at = view.viewport().geometry().topLeft() if hasattr(view, "viewport") else QPoint()
        return [view.mapFromScene(c.sceneBoundingRect()).boundingRect().translated(at) for c in cards.values()]

    def _free_corner(self, size: QSize) -> QPoint | None:
        """The first corner (``_corner``'s order) where the button covers no card, or None."""
        spot = self._corner(size)
        return spot if not self._covers_card(QRect(spot, size)) else None

    def _covers_card(self, r: QRect) -> bool:
        return any(r.intersects(c) for c in self._card_rects())

    def _corner(self, size: QSize) -> QPoint:
        """A corner for the folded button over no card (the map fills the view): bottom left
        first, then bottom right, top right, top left; else the one covering least card."""
        view = self.parentWidget()
        vp = view.viewport().geometry() if hasattr(view, "viewport") else view.rect()
        w, h, m = size.width(), size.height(), MARGIN
        spots = [QPoint(vp.left() + m, vp.bottom() - h - m), QPoint(vp.right() - w - m, vp.bottom() - h - m),
                 QPoint(vp.right() - w - m, vp.top() + m), QPoint(vp.left() + m, vp.top() + m)]
        cards = self._card_rects()

        def covered(p: QPoint) -> int:
            r = QRect(p, size)
            return sum((r & c).width() * (r & c).height() for c in cards if r.intersects(c))

        return min(spots, key=lambda p: (covered(p) > 0, covered(p)))

    @property
    def on_top_edge(self) -> bool:
        """In the room's top strip: banners placed after it keep clear of it."""
        return self.in_strip and self.isVisible()

    def strip_bottom(self) -> int:
        """How far down the room's top strip must reach for the button (0: not there)."""
        return self.geometry().bottom() + 1 + 4 if self.in_strip and self.isVisibleTo(self.parentWidget()) else 0

    def _strip_spot(self, size: QSize, room, own: bool) -> QPoint | None:
        """A place in the top strip: left of the drawer handle and the problems notice,
        right of the banners; ``own``: the strip may be made for the button alone."""
        view = self.parentWidget()
        others = room.top_controls(exclude=self)
        strip = max([room.chip_strip()] + [r.bottom() + 1 for r in others])
        if not own and strip < size.height() + MARGIN:
            return None
        chips = [r for r in (room.handle.geometry(), room.notice.geometry()) if r in others]
        right = min([r.left() for r in chips] + [view.width()]) - MARGIN
        p = QPoint(right - size.width(), MARGIN)
        if p.x() < MARGIN or any(QRect(p, size).intersects(r) for r in others):
            return None
        return p

    def place(self) -> None:
        """Unfolded where the view has room beside the map, else folded: in the top
        strip, a free corner, or a strip of its own (see the module's text)."""
        view = self.parentWidget()
        if view is None or self.map is None:
            return
        room = view.parentWidget()
        in_room = hasattr(room, "top_controls") and hasattr(room, "handle")
        spot = self._free_spot(self._unfolded_size())
        if not self.user_chose and not self.presenting:
            self.folded = spot is None
        self.compact = False
        size = self.sizeHint()
        strip = False
        if self.folded or spot is None:
            # The map's scale is its own (a step shown readable, or zoomed by hand) only then
            # may the button take a strip of its own: a strip under a map fitted whole would
            # shrink the map, perhaps freeing a corner, and the two would take turns.
            fixed = getattr(view, "framed", False) or not getattr(view, "auto_fit", True)
            key = (id(self.map), view.width(), view.height())
            use_strip = in_room and not self.presenting
            spot = self._strip_spot(size, room, False) if use_strip else None
            strip = spot is not None
            kept = use_strip and fixed and self._strip_key == key  # in its own strip for this map and size
            if spot is None and not kept:
                spot = self._free_spot(size) or self._free_corner(size)
                if spot is None:  # the small button, in a corner where no card is
                    self.compact = True
                    size = self.sizeHint()
                    spot = self._free_corner(size)
                    if spot is None and not (use_strip and fixed):
                        spot = self._corner(size)  # the least card covered (a map fitted whole, full)
                    elif spot is None:
                        self.compact = False
                        size = self.sizeHint()
            if spot is None:
                spot = self._strip_spot(size, room, True)
                strip, self._strip_key = spot is not None, key
                if spot is None:
                    spot = self._corner(size)
        was = self.in_strip
        self.in_strip = strip
        self.resize(size)
        self.move(spot)
        self.raise_()
        self.update()
        if was != strip and in_room:
            room.update_top_strip()

    # -- drawing -------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if self.map is None or self.pal is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(QPen(QColor("#8a8a8a"), 1))
        p.setBrush(QColor(255, 255, 255, 235))
        p.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 6, 6)
        text = QColor("#1f1f1f")
        if self.folded:
            p.setFont(self.bold)
            p.setPen(text)
            if self.compact:  # the first column's first three swatches (the levels), then ▸
                rows = self.columns[0][1][:3] if self.columns else []
                x = PAD
                for e in rows:
                    p.setPen(QPen(QColor("#8a8a8a"), 1))
                    p.setBrush(QColor(e.fill or "#ffffff"))
                    p.drawRect(QRectF(x, (self.height() - SWATCH_H) / 2, SWATCH_H - 1, SWATCH_H))
                    x += SWATCH_H + 2
                p.setPen(text)
                p.drawText(QRectF(PAD + 3 * SWATCH_H + 4, 0, self.width(), self.height()), Qt.AlignVCenter, "▸")
            else:
                p.drawText(QRectF(PAD, 0, self.width() - 2 * PAD, self.height()), Qt.AlignVCenter,
                           self._folded_text())
            p.end()
            return
        x = PAD
        border = QColor(self.pal.card_border if self.pal.variant != "hoykontrast" else "#000000")
        for head, rows in self.columns:
            y = PAD
            p.setFont(self.bold)
            p.setPen(text)
            p.drawText(QRectF(x, y, 400, ROW), Qt.AlignVCenter, head)
            y += ROW
            p.setFont(self.font_)
            for e in rows:
                box = Rect(x, y + (ROW - SWATCH_H) / 2, SWATCH_W, SWATCH_H)
                if e.kind == "access":  # the symbol as the cards show it
                    # on the legend's white ground in every palette
                    paint_symbol(p, box.x + box.w / 2, box.y + box.h / 2, box.h / 2 + 1, e.symbol, "#ffffff",
                                 border.name(), "#1f1f1f", 10)
                elif e.kind == "art":
                    pen = QPen(QColor(e.colour), 2)
                    if e.dash:
                        pen.setDashPattern([max(0.5, d / 2) for d in e.dash])
                    p.setPen(pen)
                    p.drawLine(int(box.x), int(box.y + box.h / 2), int(box.right), int(box.y + box.h / 2))
                else:
                    p.setPen(QPen(border, 1))
                    p.setBrush(QColor(e.fill or "#ffffff"))
                    p.drawPath(outline_path(card_outline(e.shape or "rect", box)))
                p.setPen(text)
                p.drawText(QRectF(x + SWATCH_W + 6, y, 400, ROW), Qt.AlignVCenter, e.label)
                y += ROW
            x += self._column_width(rows, head) + 14
        p.end()
