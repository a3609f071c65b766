"""The view onto the map: zoom with the wheel or +/−, drag to pan, 0 to fit."""
from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView

from . import step_frame
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
        # A map not readable whole shows the step (step_frame): the step's and its
        # receivers' cards (scene rects), the map's smallest text and the room's floor.
        self._focus: tuple | None = None
        self._whole = False  # 0 / "Tilpass til vinduet": the whole map until the step changes
        self.framed = False  # the last fit showed the step, not the whole map

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
        """Fit the view: the whole map, or, where it cannot be read whole, the step
        (``set_step_focus``); it fits again on every resize until the user zooms."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        framed = self._step_frame()
        if framed is None:
            m = self.fit_margin
            self.fitInView(rect.adjusted(-m, -m, m, m), Qt.KeepAspectRatio)
        else:
            zoom, cx, cy = framed
            self.setTransform(QTransform.fromScale(zoom, zoom))
            self.centerOn(cx, cy)
        self.framed = framed is not None
        self.auto_fit = True
        self._tell_scene()
        self.view_changed.emit()

    def fit_whole(self) -> None:
        """The whole map, however small (0, *Tilpass til vinduet*), until the step changes."""
        self._whole = True
        self.fit()

    def set_step_focus(self, step: list[tuple], receivers: list[tuple], min_text: float, readable_px: float) -> None:
        """The step shown now: its cards and the cards it goes to, as (x, y, w, h) in
        scene units; the map's smallest card text (scene units) and the least the room
        reads (px). A map not readable whole then shows the step (``step_frame``);
        one readable whole is left as the user has it."""
        focus = (tuple(step), tuple(receivers), min_text, readable_px)
        if focus == self._focus:
            return
        self._focus = focus
        self._whole = False
        if self.framed or self._step_frame() is not None:
            self.fit()

    def _step_frame(self) -> tuple[float, float, float] | None:
        if self._whole or self._focus is None or self.scene() is None:
            return None
        step, receivers, min_text, readable_px = self._focus
        r = self.scene().sceneRect()
        vp = self.viewport()
        whole = self.fit_scale_for(vp.width(), vp.height())
        if whole is None:
            return None
        return step_frame.frame((r.x(), r.y(), r.width(), r.height()), vp.width(), vp.height(), whole, min_text,
                                readable_px, list(step), list(receivers))

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
            self.fit_whole()
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
