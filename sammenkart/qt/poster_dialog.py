"""File → Eksporter plakat…: choose paper, orientation, pathway, tiling, grey-scale;
see the page before saving.

The preview is drawn with QPainter from the very plan the PDF is made from
(``sammenkart.poster.export.prepare``): the map is the plan's display list,
the same one the PDF draws; title, legend, steps, contacts and QR code are
the plan's blocks. So what is previewed is what prints.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget)

from ..poster import export_handout, export_poster
from ..poster.handout import prepare_handout
from ..poster.composition import contact_pages_note
from ..poster.export import prepare
from ..poster.pages import PAPERS, TILE_PAPERS, page_size
from ..poster.tiling import plan_tiles
from ..i18n import _, language, output_language
from ..os_errors import describe
from ..public_edition import HANDOUT, POSTER_DIALOG, PUBLIC_BY_DEFAULT, left_out_note
from ..regional import spans_municipalities
from .fonts import scene_font
from .items import outline_path, paint_display, paint_symbol
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
        self.setWindowTitle(_("Eksporter plakat"))

        self.paper = QComboBox()
        self.paper.addItems(list(PAPERS))
        self.orientation = QComboBox()
        self.orientation.addItems([_("Stående"), _("Liggende")])
        self.pathway = QComboBox()
        self.pathway.addItem(_("Ingen (hele kartet)"), None)
        for p in self.pathways:
            self.pathway.addItem(p.navn, p.id)
        # the pathway shown in the window is the one the poster is most likely for
        chosen = getattr(main_window, "current_pathway", lambda: None)()
        if chosen is not None and self.pathway.findData(chosen.id) >= 0:
            self.pathway.setCurrentIndex(self.pathway.findData(chosen.id))
        self.confirmation: QMessageBox | None = None
        self.tile = QComboBox()
        self.tile.addItem(_("Ett ark"), None)
        for t in TILE_PAPERS:
            self.tile.addItem(_("Del opp på {ark}-ark").format(ark=t), t)
        # the referral figures as a table on the poster (the years of tal/<id>.csv for what is shown)
        from .. import figures_view

        self.figures_table = figures_view.table_for(ws, self.map) if ws is not None else None
        self.figures = QComboBox()
        self.figures.addItem(_("Ingen"), None)
        for year in reversed(figures_view.years_in_scope(self.map, self.figures_table) if self.figures_table else []):
            self.figures.addItem(_("Tabell for {ar}").format(ar=year), year)
        self.figures.setEnabled(self.figures.count() > 1)
        self.grey = QCheckBox(_("Gråtoner"))
        self.handout = QCheckBox(_("A4-brosjyre for forløpet i stedet"))
        self.handout.setEnabled(False)
        # the same default as the command line (public_edition.PUBLIC_BY_DEFAULT says why)
        self.public = QCheckBox(_("For publikum (uten interne kontakter)"))
        self.public.setChecked(PUBLIC_BY_DEFAULT)
        self.public.setToolTip(_("Kontakter merket «intern» i kartet kommer ikke med. Brosjyren har dem aldri."))

        form = QFormLayout()
        form.addRow(_("Papir:"), self.paper)
        form.addRow(_("Retning:"), self.orientation)
        form.addRow(_("Forløp:"), self.pathway)
        form.addRow(_("Utskrift:"), self.tile)
        form.addRow(_("Tall:"), self.figures)
        form.addRow("", self.grey)
        form.addRow("", self.public)
        form.addRow("", self.handout)
        self.warning = plain_label()  # names files and quotes their text
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a03000;")
        form.addRow(self.warning)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_H, PREVIEW_H)
        self.preview.setAccessibleName(_("Forhåndsvisning av siden"))

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(_("Lagre PDF…"))
        buttons.button(QDialogButtonBox.Cancel).setText(_("Avbryt"))
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

        for w in (self.paper, self.orientation, self.pathway, self.tile, self.figures):
            w.currentIndexChanged.connect(self.refresh)
        for w in (self.grey, self.handout, self.public):
            w.toggled.connect(self.refresh)
        self.refresh()

    def reread(self) -> None:
        """The map or its pathways were edited (or read again from disk): show
        them as the window's workspace has them now. Closes when the map is gone."""
        ws = getattr(self.main_window, "workspace", None)
        m = ws.maps.get(self.map.id) if ws is not None and self.map is not None else None
        if m is None:
            self.reject()
            return
        self.map, self.pathways = m, ws.pathways_for(m)
        chosen = self.pathway.currentData()
        self.pathway.blockSignals(True)
        self.pathway.clear()
        self.pathway.addItem(_("Ingen (hele kartet)"), None)
        for p in self.pathways:
            self.pathway.addItem(p.navn, p.id)
        self.pathway.setCurrentIndex(max(0, self.pathway.findData(chosen)))
        self.pathway.blockSignals(False)
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
            "figures": (self.figures_table, self.figures.currentData()) if self.figures.currentData() else None,
            "publikum": self.public.isChecked(),
        }

    def _handout(self, o: dict) -> bool:
        """Whether the handout is what will be made: a pathway chosen, the box ticked,
        and one municipality's map (``regional.spans_municipalities``)."""
        return self.handout.isChecked() and o["pathway"] is not None and not spans_municipalities(self.map)

    def refresh(self) -> None:
        o = self.options()
        whole_region = spans_municipalities(self.map)
        self.handout.setEnabled(o["pathway"] is not None and not whole_region)
        self.handout.setToolTip(_("Brosjyren for familier gjelder én kommune: velg kommunen under Vis → Kommune.")
                                if whole_region else "")
        handout = self._handout(o)
        self._show_handout_sheet(handout)
        for w in (self.paper, self.orientation, self.tile, self.public):
            w.setEnabled(not handout)
        self.figures.setEnabled(not handout and self.figures.count() > 1)
        if handout:
            problems: list = []  # what the handout cannot print as written (as the export will say)
            plan = prepare_handout(self.map, o["pathway"], o["greyscale"], problems)
            pages = len(plan.pages)
            self.warning.setText("\n".join(
                [_("Brosjyre for familier, A4, {sider}: kontakter merket «intern» kommer ikke med.").format(
                    sider=_("1 side") if pages == 1 else _("{n} sider").format(n=pages))]
                + [str(p) for p in problems]))
            self.preview.setPixmap(self._draw_handout(plan))
            return
        layout, pal, variant, _em, plan = prepare(self.map, o["paper"], o["landscape"], o["pathway"],
                                                  o["greyscale"], self.pathways, o["tile"], o["publikum"],
                                                  o["figures"])
        self._last = (layout, pal, variant, _em, plan)
        self.warning.setText("\n".join([str(p) for p in plan.problems] + plan.warnings))
        self.preview.setPixmap(self._draw(layout, pal, variant, plan, o["tile"]))

    def _show_handout_sheet(self, handout: bool) -> None:
        """The greyed poster choices show what the handout prints (A4, portrait, one sheet,
        for the public: tester round 5) while it is ticked; the poster's own come back after."""
        widgets = (self.paper, self.orientation, self.tile, self.public)
        if handout and getattr(self, "_poster_choice", None) is None:
            self._poster_choice = [w.currentIndex() if isinstance(w, QComboBox) else w.isChecked() for w in widgets]
            shown = [self.paper.findText("A4"), 0, 0, True]
        elif not handout and getattr(self, "_poster_choice", None) is not None:
            shown, self._poster_choice = self._poster_choice, None
        else:
            return
        for w, value in zip(widgets, shown):
            w.blockSignals(True)  # one refresh, the one running now
            w.setCurrentIndex(value) if isinstance(w, QComboBox) else w.setChecked(value)
            w.blockSignals(False)

    # -- preview -------------------------------------------------------------
    def _draw_handout(self, plan) -> QPixmap:
        """The handout's first page, drawn from the plan the PDF is made from."""
        from ..layout.text import REGULAR
        from ..poster.handout import FOOTER_SIZE, page_number

        w, h = page_size("A4")
        s = PREVIEW_H / h
        img = QImage(int(w * s), PREVIEW_H, QImage.Format_RGB32)
        img.fill(QColor(plan.colours.background))
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        p.scale(s, s)
        for placed in plan.pages[0]:
            if placed.block.kind == "map":
                _k, x, y, scale = placed.block.ops[0]
                p.save()
                p.translate(placed.rect.x + x, placed.rect.y + y)
                p.scale(scale, scale)
                p.translate(-plan.map_origin[0], -plan.map_origin[1])
                paint_display(p, plan.display)
                p.restore()
            else:
                self._block(p, placed)
        base = plan.footer_baseline
        self._text(p, plan.content.x, base, plan.footer, REGULAR, FOOTER_SIZE, plan.colours.muted_text)
        with language(output_language(self.map.malform)):  # as the PDF says it
            number = page_number(1, len(plan.pages))
        if number:
            from ..layout.text import text_width

            self._text(p, plan.content.right - text_width(number, FOOTER_SIZE, REGULAR), base, number, REGULAR,
                       FOOTER_SIZE, plan.colours.muted_text)
        p.resetTransform()
        p.setPen(QPen(QColor("#888888")))
        p.setBrush(Qt.NoBrush)
        p.drawRect(0, 0, img.width() - 1, img.height() - 1)
        p.end()
        return QPixmap.fromImage(img)

    def _draw(self, layout, pal, variant, plan, tile) -> QPixmap:
        W, H = plan.size
        s = PREVIEW_H / max(W, H)
        img = QImage(max(1, int(W * s)), max(1, int(H * s)), QImage.Format_RGB32)
        img.fill(QColor(pal.background))
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing)
        p.setRenderHint(QPainter.TextAntialiasing)
        p.scale(s, s)
        self._header(p, plan, pal)
        p.save()
        p.translate(plan.map_rect.x, plan.map_rect.y)
        p.scale(plan.scale, plan.scale)
        p.translate(-plan.origin[0], -plan.origin[1])
        paint_display(p, plan.display)
        p.restore()
        for placed in plan.blocks:
            self._block(p, placed)
        self._footer(p, plan, pal)
        if tile:
            grid = plan_tiles(plan, tile)
            for t in grid.tiles:
                p.setPen(QPen(QColor("#c0392b"), 0))
                p.setBrush(Qt.NoBrush)
                p.drawRect(QRectF(t.window.x, t.window.y, t.window.w, t.window.h))
        p.resetTransform()
        p.setPen(QPen(QColor("#888888")))
        p.setBrush(Qt.NoBrush)
        p.drawRect(0, 0, img.width() - 1, img.height() - 1)
        p.end()
        return QPixmap.fromImage(img)

    @staticmethod
    def _text(p, x: float, baseline: float, text: str, font: str, size: float, colour: str) -> None:
        p.setPen(QColor(colour))
        p.setFont(scene_font(font, size))
        p.drawText(QPointF(x, baseline), text)

    def _header(self, p, plan, pal) -> None:
        from ..layout.text import BOLD, REGULAR

        y, size = plan.header.y, plan.title_size or plan.pm.title_size
        for line in plan.title_lines:
            self._text(p, plan.header.x, y + size * 0.95, line, BOLD, size, pal.text)
            y += size * 1.2
        for line in plan.subtitle_lines:
            self._text(p, plan.header.x, y + plan.pm.subtitle_size * 0.95, line, REGULAR, plan.pm.subtitle_size,
                       pal.muted_text)
            y += plan.pm.subtitle_size * 1.3

    def _footer(self, p, plan, pal) -> None:
        from ..layout.text import REGULAR

        f, size = plan.footer, plan.pm.footer_size
        for i, line in enumerate(reversed(plan.footer_lines)):
            self._text(p, f.x, f.bottom - size * (0.3 + 1.4 * i), line, REGULAR, size, pal.muted_text)
        if plan.qr_rect and plan.qr_value:
            from ..poster.qr import QUIET, qr_matrix

            dark = qr_matrix(plan.qr_value) or ()
            n = len(dark)
            r = plan.qr_rect
            box = r.w / (n + 2 * QUIET)
            p.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor("#ffffff"))
            for row in range(n):
                for col in range(n):
                    if dark[row][col]:
                        p.fillRect(QRectF(r.x + (QUIET + col) * box, r.y + (QUIET + row) * box, box, box),
                                   QColor("#000000"))

    def _block(self, p, placed) -> None:
        ox, oy = placed.rect.x, placed.rect.y
        for op in placed.block.ops:
            kind = op[0]
            if kind == "text":
                _k, x, baseline, text, font, size, colour = op
                self._text(p, ox + x, oy + baseline, text, font, size, colour)
            elif kind in ("swatch", "shape"):
                if kind == "swatch":
                    _k, r, fill, stroke = op
                    commands = [("M", r.x, r.y), ("L", r.right, r.y), ("L", r.right, r.bottom),
                                ("L", r.x, r.bottom), ("Z",)]
                else:
                    from ..style import card_outline

                    _k, shape, r, fill, stroke = op
                    commands = card_outline(shape, r)
                p.save()
                p.translate(ox, oy)
                p.setPen(QPen(QColor(stroke), max(0.5, r.h / 14)))
                p.setBrush(QColor(fill))
                p.drawPath(outline_path(commands))
                p.restore()
            elif kind == "badge":
                _k, x, y, r, symbol, fill, ring, text, size = op
                paint_symbol(p, ox + x, oy + y, r, symbol, fill, ring, text, size)
            elif kind == "dash":
                _k, x, y, w, dash, colour, width = op
                pen = QPen(QColor(colour), width)
                if dash:
                    pen.setDashPattern([d / 2.0 for d in dash])
                p.setPen(pen)
                p.drawLine(QPointF(ox + x, oy + y), QPointF(ox + x + w, oy + y))

    # -- saving --------------------------------------------------------------
    def save(self, path: str | None = None) -> bool:
        o = self.options()
        handout = self._handout(o)
        if not path:
            suggestion = f"{self.map.id}-{o['pathway'].id}.pdf" if o["pathway"] else f"{self.map.id}-plakat.pdf"
            path, _filter = QFileDialog.getSaveFileName(self, _("Lagre PDF"), suggestion,
                                                        _("PDF-filer (*.pdf)"))
        if not path:
            return False
        try:
            result = None
            if handout:
                export_handout(self.map, o["pathway"], path, greyscale=o["greyscale"])
            else:
                result = export_poster(self.map, path, o["paper"], o["landscape"], o["pathway"], o["tile"],
                                       o["greyscale"], getattr(self.main_window, "workspace", None),
                                       publikum=o["publikum"], figures=o["figures"])
        except OSError as exc:
            message(self, _("Kunne ikke lagre"),
                    _("Kunne ikke skrive filen:") + f"\n{path}\n{describe(exc)}", QMessageBox.Warning)
            return False
        except Exception as exc:  # a fault of ours: say so; the file at ``path`` is as it was
            message(self, _("Kunne ikke lagre"), _("Kunne ikke lage filen (intern feil); den er ikke endret:")
                    + f"\n{path}\n{type(exc).__name__}: {exc}", QMessageBox.Warning)
            return False
        left_out = (left_out_note(self.map, HANDOUT) if handout
                    else left_out_note(self.map, POSTER_DIALOG) if o["publikum"] else None)
        self._confirm(path, None if handout else result, left_out)
        self.accept()
        return True

    def _confirm(self, path: str, result, left_out: str | None = None) -> None:
        """Say where the PDF went (and what it holds: contact pages, the contacts the public
        edition left out), without stopping the user."""
        if result is None:
            text = _("Brosjyren er lagret:") + f"\n{path}"
        elif result.pages == 1:
            text = _("Plakaten er lagret (1 side):") + f"\n{path}"
        else:
            text = _("Plakaten er lagret ({n} sider):").format(n=result.pages) + f"\n{path}"
        note = contact_pages_note(result.plan) if result is not None else None
        if note:
            text += "\n\n" + note
        if left_out:
            text += "\n\n" + left_out
        if result is not None and result.warnings:
            text += "\n\n" + "\n".join(result.warnings)
        parent = self.main_window if isinstance(self.main_window, QWidget) else self.parentWidget()
        box = QMessageBox(QMessageBox.Information, _("Eksporter plakat"), text, QMessageBox.Ok, parent)
        box.setModal(False)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.show()
        self.confirmation = box
        status = getattr(self.main_window, "statusBar", None)
        if callable(status):
            status().showMessage(text.replace("\n", " "), 10000)
