"""The view onto the map: zoom with the wheel or +/−, drag to pan, 0 to fit."""
from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView

from .map_scene import MapScene

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 12.0


class MapView(QGraphicsView):
    # The map moved or was zoomed in the view (overlays that keep off the map follow).
    view_changed = Signal()

    def __init__(self, scene: MapScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setFrameShape(QFrame.NoFrame)
        self.setFocusPolicy(Qt.StrongFocus)
        self.auto_fit = True  # refit on resize until the user zooms
        self.fit_margin = 4
        self.first_paint_done = False
        self._flash_anim: QVariantAnimation | None = None

    def map_scene(self) -> MapScene:
        return self.scene()

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        new = self.zoom_factor() * factor
        if MIN_ZOOM <= new <= MAX_ZOOM:
            self.auto_fit = False
            self.scale(factor, factor)
            self._tell_scene()
            self.view_changed.emit()

    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        m = self.fit_margin
        self.fitInView(rect.adjusted(-m, -m, m, m), Qt.KeepAspectRatio)
        self.auto_fit = True
        self._tell_scene()
        self.view_changed.emit()

    def _tell_scene(self) -> None:
        """The scene draws cards differently far out (``MapScene.set_zoom``)."""
        scene = self.scene()
        if hasattr(scene, "set_zoom"):
            scene.set_zoom(self.zoom_factor())

    def map_rect_in_view(self) -> QRect:
        """Where the map is drawn in the viewport (px); empty with no map."""
        scene = self.scene()
        rect = getattr(scene, "content_rect", None) if scene is not None else None
        if rect is None:
            rect = scene.itemsBoundingRect() if scene is not None else QRectF()
        return self.mapFromScene(rect).boundingRect() if not rect.isEmpty() else QRect()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.view_changed.emit()

    def fit_scale_for(self, width: float, height: float) -> float | None:
        """The zoom ``fit`` would choose for a view of ``width`` × ``height`` px
        (None with no map): lets the window weigh where panels may go."""
        rect = self.scene().sceneRect() if self.scene() is not None else None
        if rect is None or rect.isEmpty() or width <= 0 or height <= 0:
            return None
        m = self.fit_margin
        return min((width - 2 * m) / (rect.width() + 2 * m), (height - 2 * m) / (rect.height() + 2 * m))

    def center_on_service(self, service_id: str, flash: bool = True) -> bool:
        item = self.map_scene().cards.get(service_id)
        if item is None:
            return False
        r: QRectF = item.sceneBoundingRect()
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if not visible.contains(r):
            self.auto_fit = False
        self.centerOn(item)
        if flash:
            self._flash(item)
        return True

    def _flash(self, item) -> None:
        if self._flash_anim is not None:
            self._flash_anim.stop()
        anim = QVariantAnimation(self)
        anim.setDuration(1200)
        anim.setStartValue(0)
        anim.setEndValue(6)

        def step(v):
            item.flash = int(v) % 2 == 0
            item.update()

        anim.valueChanged.connect(step)
        anim.finished.connect(lambda: (setattr(item, "flash", False), item.update()))
        anim.start()
        self._flash_anim = anim

    # -- Qt overrides ----------------------------------------------------
    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP)
        event.accept()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key_Plus, Qt.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key_Minus, Qt.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            QTimer.singleShot(0, self.fit)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.first_paint_done:
            self.first_paint_done = True
            hook = getattr(self, "on_first_paint", None)
            if callable(hook):
                hook()
