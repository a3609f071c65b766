"""The legend: levels (colour) and sectors (card shape) in use on the map."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ..layout.geometry import Rect
from ..style import SECTOR_ORDER, SECTOR_SHAPES, Palette, card_outline, sector_label
from .items import outline_path

ROW = 22
SWATCH_W, SWATCH_H = 38, 18


class LegendWidget(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.map = None
        self.pal: Palette | None = None
        self.rows: list[tuple[str, str, str]] = []  # (kind, key, text)

    def set_map(self, m, pal: Palette) -> None:
        self.map, self.pal = m, pal
        self.rows = []
        if m is not None:
            self.rows.append(("head", "", self.tr("Nivåer")))
            for lv in reversed(m.levels_bottom_up()):
                if any(s.niva == lv.id for s in m.tjenester):
                    self.rows.append(("level", str(lv.id), lv.navn))
            self.rows.append(("head", "", self.tr("Sektorer")))
            used = {s.sektor for s in m.tjenester}
            for sector in SECTOR_ORDER:
                if sector in used:
                    self.rows.append(("sector", sector, sector_label(sector)))
        widest = max((self.fontMetrics().horizontalAdvance(t) for _, _, t in self.rows), default=0)
        self.setMinimumWidth(8 + SWATCH_W + 8 + widest + 12)
        self.setMinimumHeight(len(self.rows) * ROW + 8)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, len(self.rows) * ROW + 8)

    def paintEvent(self, event) -> None:
        if self.map is None or self.pal is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        y = 4
        text_colour = self.palette().windowText().color()
        for kind, key, text in self.rows:
            if kind == "head":
                f = p.font()
                f.setBold(True)
                p.setFont(f)
                p.setPen(text_colour)
                p.drawText(QRectF(4, y, self.width() - 8, ROW), Qt.AlignVCenter, text)
                f.setBold(False)
                p.setFont(f)
            else:
                box = Rect(8, y + (ROW - SWATCH_H) / 2, SWATCH_W, SWATCH_H)
                if kind == "level":
                    fill = QColor(self.pal.fill_for(self.map, int(key)))
                    shape = "rect"
                else:
                    fill = QColor("#ffffff")
                    shape = SECTOR_SHAPES.get(key, "rect")
                p.setPen(QPen(QColor(self.pal.card_border if self.pal.variant != "hoykontrast" else "#000000"), 1.2))
                p.setBrush(fill)
                p.drawPath(outline_path(card_outline(shape, box)))
                p.setPen(text_colour)
                p.drawText(QRectF(8 + SWATCH_W + 8, y, self.width() - SWATCH_W - 20, ROW), Qt.AlignVCenter, text)
            y += ROW
        p.end()
