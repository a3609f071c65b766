"""File → Eksporter plakat…: choose paper, orientation, pathway, tiling, grey-scale;
see the page before saving.

The preview is drawn with QPainter from the very plan the PDF is made from
(``sammenkart.poster.export.prepare``), so what is previewed is what prints.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget)

from ..poster import export_handout, export_poster
from ..poster.draw_map import level_fill
from ..poster.export import prepare
from ..poster.pages import PAPERS, TILE_PAPERS, page_size
from ..poster.tiling import tile_grid
from ..printable import printable
from .plain import message, plain_label

PREVIEW_H = 420


class PosterDialog(QDialog):
    def __init__(self, main_window, parent: QWidget | None = None):
        parent = parent or (main_window if isinstance(main_window, QWidget) else None)
        super().__init__(parent)
        self.main_window = main_window
        self.map = main_window.current_map()
        ws = getattr(main_window, "workspace", None)
        self.pathways = ws.pathways_for(self.map) if ws is not None else []
        self.setWindowTitle(self.tr("Eksporter plakat"))

        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS))
        self.orientation = QComboBox()
        self.orientation.addItems([self.tr("Stående"), self.tr("Liggende")])
        self.pathway = QComboBox()
        self.pathway.addItem(self.tr("Ingen (hele kartet)"), None)
        for p in self.pathways:
            self.pathway.addItem(p.navn, p.id)
        self.tile = QComboBox()
        self.tile.addItem(self.tr("Ett ark"), None)
        for t in TILE_PAPERS:
            self.tile.addItem(self.tr("Del opp på {0}-ark").replace("{0}", t), t)
        self.grey = QCheckBox(self.tr("Gråtoner"))
        self.handout = QCheckBox(self.tr("A4-brosjyre for forløpet i stedet"))
        self.handout.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Papir:"), self.paper)
        form.addRow(self.tr("Retning:"), self.orientation)
        form.addRow(self.tr("Forløp:"), self.pathway)
        form.addRow(self.tr("Utskrift:"), self.tile)
        form.addRow("", self.grey)
        form.addRow("", self.handout)
        self.warning = plain_label()  # names files and quotes their text
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a03000;")
        form.addRow(self.warning)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_H, PREVIEW_H)
        self.preview.setAccessibleName(self.tr("Forhåndsvisning av siden"))

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Lagre PDF…"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        row.addLayout(left)
        row.addWidget(self.preview, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(row)
        outer.addWidget(buttons)

        for w in (self.paper, self.orientation, self.pathway, self.tile):
            w.currentIndexChanged.connect(self.refresh)
        for w in (self.grey, self.handout):
            w.toggled.connect(self.refresh)
        self.refresh()

    # -- choices -------------------------------------------------------------
    def options(self) -> dict:
        pid = self.pathway.currentData()
        return {
            "paper": self.paper.currentText(),
            "landscape": self.orientation.currentIndex() == 1,
            "pathway": next((p for p in self.pathways if p.id == pid), None),
            "tile": self.tile.currentData(),
            "greyscale": self.grey.isChecked(),
        }

    def refresh(self) -> None:
        o = self.options()
        self.handout.setEnabled(o["pathway"] is not None)
        handout = self.handout.isChecked() and o["pathway"] is not None
        for w in (self.paper, self.orientation, self.tile):
            w.setEnabled(not handout)
        if handout:
            problems: list = []  # what the handout cannot print as written (as the export will say)
            printable(self.map, problems)
            printable(o["pathway"], problems)
            self.warning.setText("\n".join([self.tr("Brosjyren er A4 med stegene i forløpet og kontaktene.")]
                                           + [str(p) for p in problems]))
            self.preview.setPixmap(self._blank_page())
            return
        layout, pal, variant, _em, plan = prepare(self.map, o["paper"], o["landscape"], o["pathway"],
                                                  o["greyscale"])
        self.warning.setText("\n".join([str(p) for p in plan.problems] + plan.warnings))
        self.preview.setPixmap(self._draw(layout, pal, variant, plan, o["tile"]))

    # -- preview -------------------------------------------------------------
    def _blank_page(self) -> QPixmap:
        w, h = page_size("A4")
        img = QImage(int(PREVIEW_H * w / h), PREVIEW_H, QImage.Format_RGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setPen(QPen(QColor("#888888")))
        p.drawRect(0, 0, img.width() - 1, img.height() - 1)
        p.setPen(QColor("#333333"))
        p.setFont(QFont("DejaVu Sans", 12, QFont.Bold))
        p.drawText(QRectF(16, 16, img.width() - 32, 40), (self.options()["pathway"] or self.map).navn)
        p.end()
        return QPixmap.fromImage(img)

    def _draw(self, layout, pal, variant, plan, tile) -> QPixmap:
        W, H = plan.size
        s = PREVIEW_H / max(W, H)
        img = QImage(max(1, int(W * s)), max(1, int(H * s)), QImage.Format_RGB32)
        img.fill(QColor(pal.background))
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        p.scale(s, s)

        def box(r, fill=None, pen=None):
            p.setPen(QPen(QColor(pen), 0) if pen else Qt.NoPen)
            p.setBrush(QColor(fill) if fill else Qt.NoBrush)
            p.drawRect(QRectF(r.x, r.y, r.w, r.h))

        p.setPen(QColor(pal.text))
        f = QFont("DejaVu Sans")
        f.setPixelSize(max(1, int(plan.pm.title_size)))
        f.setBold(True)
        p.setFont(f)
        p.drawText(QRectF(plan.header.x, plan.header.y, plan.header.w, plan.pm.title_size * 1.3),
                   plan.title_lines[0] if plan.title_lines else "")
        n = len(self.map.nivaer)
        from ..style import level_position

        for band in layout.bands:
            box(plan.to_page(band.rect), pal.band_fill(level_position(self.map, band.level_id), n))
        for card in layout.cards.values():
            box(plan.to_page(card.rect), level_fill(self.map, pal, variant, card.level), pal.card_border)
        for placed in plan.blocks:
            box(placed.rect, "#eeeeee")
        box(plan.footer, None, "#bbbbbb")
        if plan.qr_rect:
            box(plan.qr_rect, "#333333")
        if tile:
            grid = tile_grid(W, H, tile)
            for t in grid.tiles:
                box(t.window, None, "#c0392b")
        p.resetTransform()
        p.setPen(QPen(QColor("#888888")))
        p.setBrush(Qt.NoBrush)
        p.drawRect(0, 0, img.width() - 1, img.height() - 1)
        p.end()
        return QPixmap.fromImage(img)

    # -- saving --------------------------------------------------------------
    def save(self, path: str | None = None) -> bool:
        o = self.options()
        handout = self.handout.isChecked() and o["pathway"] is not None
        if not path:
            suggestion = f"{self.map.id}-{o['pathway'].id}.pdf" if o["pathway"] else f"{self.map.id}-plakat.pdf"
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Lagre PDF"), suggestion,
                                                        self.tr("PDF-filer (*.pdf)"))
        if not path:
            return False
        try:
            if handout:
                export_handout(self.map, o["pathway"], path, greyscale=o["greyscale"])
            else:
                export_poster(self.map, path, o["paper"], o["landscape"], o["pathway"], o["tile"],
                              o["greyscale"], getattr(self.main_window, "workspace", None))
        except OSError as exc:
            message(self, self.tr("Kunne ikke lagre"),
                    self.tr("Kunne ikke skrive filen:") + f"\n{path}\n{exc.strerror or exc}", QMessageBox.Warning)
            return False
        except Exception as exc:  # a fault of ours: say so; the file at ``path`` is as it was
            message(self, self.tr("Kunne ikke lagre"), self.tr("Kunne ikke lage filen (intern feil); den er ikke endret:")
                    + f"\n{path}\n{type(exc).__name__}: {exc}", QMessageBox.Warning)
            return False
        self.accept()
        return True
