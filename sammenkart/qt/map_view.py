"""The view onto the map: zoom with the wheel or +/−, drag to pan, 0 to fit.

A bar or banner that comes or goes takes its strip from the view's edge
(viewport margins), and the map is fitted again into what is left. Cards
must not move under the pointer then (tester round 4, item 6: turning on
Trafikklys put its bar under the map, the map refitted, and a click aimed at
Fastlege hit PPT). So such a refit (``_refit_in_place``) keeps the scene point
under the pointer where it is, shrinking the map a little toward it if need
be; when that would take too much, the map stays exactly as it is (the bar
covers its bottom for a while) until the pointer leaves the map, and only
then moves into the new room. Without the pointer over the map it moves as
little as the new room needs. A window resized, "Tilpass til vinduet" and a
new map fit and centre it as before (``fit``).

Cards are reached from the keyboard (tester round 5): with the keys on the map,
Ctrl+arrow keys move a focus ring to the nearest card that way
(``layout.nearest``), Enter does what a click on that card does
(``card_activated``; the window decides what that is in its mode). Plain
arrows, Space and Backspace stay the clicker's step keys (``keys.py``). The
ring shows from the first Ctrl+arrow or Tab into the map until the mouse is
used on the map; it is hidden while the keys are elsewhere.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QCursor, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView

from ..layout.geometry import Rect
from ..layout.nearest import card_nearest, nearest_card, nearest_from
from . import step_frame
from .keys import RING_KEYS
from .map_scene import MapScene

ZOOM_STEP = 1.25
# A bar opening under the pointer may shrink the map this far (a share of the fit's
# scale) to keep the card under the pointer where it is; more, and the map slides.
KEEP_UNDER_POINTER = 0.85
MIN_ZOOM, MAX_ZOOM = 0.05, 12.0


class MapView(QGraphicsView):
    # The map moved or was zoomed in the view (overlays that keep off the map follow).
    view_changed = Signal()
    # Enter on the card with the keyboard focus (its service id): what a click on it does.
    card_activated = Signal(str)

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
        # Where the last fit put the map: (the view's size, the viewport's place in
        # the view, the scene's origin in view coordinates, the scale).
        self._placed: tuple | None = None
        self._refit_due = False
        self._held = False  # a refit waits until the pointer leaves the map
        # A map not readable whole shows the step (step_frame): the step's and its
        # receivers' cards (scene rects), the map's smallest text and the room's floor.
        self._focus: tuple | None = None
        self._named: dict[str, tuple] = {}  # the step's cards by id (markers for those off the view)
        self._pan: tuple[float, float] | None = None  # a framed step moved along (pan_step): the centre
        self._whole = False  # 0 / "Tilpass til vinduet": the whole map until the step changes
        self.framed = False  # the last fit showed the step, not the whole map
        self.keyboard_cards = False  # the focus ring is in use (Ctrl+arrows, Tab) until the mouse is
        self._fitted(True)
        scene.sceneRectChanged.connect(self._scene_rect_changed)
        if hasattr(scene, "service_clicked"):
            scene.service_clicked.connect(self.note_card)  # a click, or Enter on the ring

    def map_scene(self) -> MapScene:
        return self.scene()

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        new = self.zoom_factor() * factor
        if MIN_ZOOM <= new <= MAX_ZOOM:
            self._fitted(False)
            self.scale(factor, factor)
            self._tell_scene()
            self.view_changed.emit()

    def _fitted(self, on: bool) -> None:
        """Whether the map is fitted (refit on resize) or the user zoomed and pans.
        A fitted map never needs a scroll bar: none comes and goes while a bar's strip
        changes the viewport (each would resize it again)."""
        self.auto_fit = on
        policy = Qt.ScrollBarAlwaysOff if on else Qt.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        if not on and self._held:  # the part the bar covered can be panned to now
            self._held = False
            self.setSceneRect(self.sceneRect().united(self.scene().sceneRect()))

    def fit(self) -> None:
        """Fit the view: the whole map, centred, or, where it cannot be read whole, the
        step (``set_step_focus``); it fits again on every resize until the user zooms."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self._fitted(True)
        self._held = False
        self.setSceneRect(QRectF())  # the scene's own rect again (``_place`` may have set one)
        framed = self._step_frame()
        if framed is None:
            m = self.fit_margin
            self.fitInView(rect.adjusted(-m, -m, m, m), Qt.KeepAspectRatio)
        else:
            zoom, cx, cy = framed
            if self._pan is not None:
                cx, cy = self._pan
            self.setTransform(QTransform.fromScale(zoom, zoom))
            self.centerOn(cx, cy)
        self.framed = framed is not None
        self._remember_place()
        self._tell_scene()
        self.view_changed.emit()

    def fit_whole(self) -> None:
        """The whole map, however small (0, *Tilpass til vinduet*), until the step changes."""
        self._whole = True
        self._pan = None
        self.fit()

    def set_step_focus(self, step: list[tuple], receivers: list[tuple], min_text: float, readable_px: float,
                       named: dict[str, tuple] | None = None) -> None:
        """The step shown now: its cards and the cards it goes to, as (x, y, w, h) in
        scene units; the map's smallest card text (scene units) and the least the room
        reads (px); ``named``: all of the step's cards by service id (``off_view_step``).
        A map not readable whole then shows the step (``step_frame``); one readable
        whole is left as the user has it."""
        focus = (tuple(step), tuple(receivers), min_text, readable_px)
        self._named = dict(named or {})
        if focus == self._focus:
            return
        self._focus = focus
        self._whole = False
        self._pan = None
        if self.framed or self._step_frame() is not None:
            self.fit()

    def step_cards(self) -> dict[str, tuple]:
        """The step's cards by service id, (x, y, w, h) in scene units ({}: no step)."""
        return dict(self._named)

    def off_view_step(self) -> dict[str, list[str]]:
        """While the step is framed (and not zoomed by hand): its cards not wholly in
        view, by edge ("left", "right", "up", "down"; ``step_frame.off_view``)."""
        if not (self.framed and self.auto_fit and self._named):
            return {}
        r = self._seen_rect()
        return step_frame.off_view(self._named, (r.x(), r.y(), r.width(), r.height()))

    def pan_step(self, side: str) -> bool:
        """Move a framed step's view toward ``side`` to the step's cards beyond that
        edge, at the same size (``step_frame.pan``); False when none are there."""
        group = self.off_view_step().get(side)
        if not group:
            return False
        r = self._seen_rect()
        self._pan = step_frame.pan((r.x(), r.y(), r.width(), r.height()), [self._named[s] for s in group], side,
                                   step_frame.MARGIN / self.zoom_factor())
        self.fit()
        return True

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

    def _remember_place(self) -> None:
        origin = self.viewport().geometry().topLeft() + self.mapFromScene(QPointF(0, 0))
        self._placed = (self.size(), self.viewport().geometry(), QPointF(origin), self.zoom_factor())

    def _scene_rect_changed(self, _rect) -> None:
        if not self.sceneRect().isNull() and self.sceneRect() != self.scene().sceneRect():
            self.setSceneRect(QRectF())  # another map: the view follows the scene's rect again
            self._held = False

    def _refit(self) -> None:
        self._refit_due = False
        if not self.auto_fit:
            return
        placed = self._placed
        if (placed is None or placed[0] != self.size() or self.scene().sceneRect().isEmpty() or self.framed
                or self._step_frame() is not None):
            self.fit()  # resized, nothing placed yet, or a step framed (or to be, in the room left): fit anew
        elif placed[1] != self.viewport().geometry():
            if self._readable_lost(placed[3]):
                self._keep_scale(*placed[2:])
            else:
                self._refit_in_place(*placed[1:])

    def _readable_lost(self, old_scale: float) -> bool:
        """The map was readable and would not be if fitted into the viewport it has now
        (a drawer took part of it; the window tells the floor with ``set_step_focus``)."""
        if self._focus is None:
            return False
        min_text, readable_px = self._focus[2], self._focus[3]
        vp = self.viewport()
        scale = self.fit_scale_for(vp.width(), vp.height())
        return scale is not None and old_scale * min_text >= readable_px > scale * min_text

    def _keep_scale(self, origin: QPointF, scale: float) -> None:
        """Keep the map where and as large as it is (``origin``: the scene's origin in
        view coordinates), the whole of it reachable by dragging: what a drawer covered
        can be moved into the part it leaves (it could not be before)."""
        self._held = False
        self.resetTransform()
        self.scale(scale, scale)
        vp = self.viewport().geometry()
        seen = QRectF((vp.left() - origin.x()) / scale, (vp.top() - origin.y()) / scale, vp.width() / scale,
                      vp.height() / scale)
        # the scene's rect and what is seen now: nothing moves, not even at the map's edge
        self.setSceneRect(self.scene().sceneRect().united(seen))
        self.centerOn(seen.center())
        self._remember_place()
        self._tell_scene()
        self.view_changed.emit()

    def pointer_on_map(self) -> QPointF | None:
        """Where the pointer is, in view coordinates, while it is over the map's viewport."""
        if not self.viewport().underMouse():
            return None
        p = QPointF(self.mapFromGlobal(QCursor.pos()))
        return p if self.viewport().geometry().contains(p.toPoint()) else None

    def _refit_in_place(self, old_viewport: QRect, old_origin: QPointF, old_scale: float) -> None:
        """Fit the map into a viewport a bar's strip changed (``old_viewport``: where it
        was, with the scene's origin at ``old_origin`` at ``old_scale``), so no card
        moves under the pointer (see the module's text)."""
        rect = self.scene().sceneRect()
        vp = self.viewport().geometry()  # view coordinates
        m = self.fit_margin
        scale = self.fit_scale_for(vp.width(), vp.height())
        if scale is None or scale <= 0:
            return
        low = QPointF(vp.left() + m, vp.top() + m)
        high = QPointF(vp.right() + 1 - m, vp.bottom() + 1 - m)
        pointer = self.pointer_on_map()
        if pointer is not None and old_viewport.contains(pointer.toPoint()):
            at = (pointer - old_origin) / old_scale  # the scene point under the pointer
            bounds = [scale]  # the largest scale that keeps it there and the map inside
            for p, a, lo, hi, r0, r1 in ((pointer.x(), at.x(), low.x(), high.x(), rect.left(), rect.right()),
                                          (pointer.y(), at.y(), low.y(), high.y(), rect.top(), rect.bottom())):
                if a > r0:
                    bounds.append((p - lo) / (a - r0))
                if r1 > a:
                    bounds.append((hi - p) / (r1 - a))
            if min(bounds) < scale * KEEP_UNDER_POINTER:
                self._held = True  # stay as it is until the pointer leaves the map
                self._place(old_scale, old_origin, vp)
                return
            scale = min(bounds)
            origin = pointer - at * scale
        else:
            centre = old_origin + QPointF(rect.center().x(), rect.center().y()) * old_scale
            origin = centre - (centre - old_origin) * (scale / old_scale)
        self._held = False
        origin = QPointF(_clamp(origin.x(), low.x() - rect.left() * scale, high.x() - rect.right() * scale),
                         _clamp(origin.y(), low.y() - rect.top() * scale, high.y() - rect.bottom() * scale))
        self._place(scale, origin, vp)

    def _place(self, scale: float, origin: QPointF, vp: QRect) -> None:
        """Draw the map at ``scale`` with the scene's origin at ``origin`` (view
        coordinates). The view centres a scene rect that is smaller than its
        viewport, so it is given one as large as the viewport (a pixel less each
        way) around that place; the map's rect inside it is what is seen."""
        self.resetTransform()
        self.scale(scale, scale)
        left, top = (vp.left() + 1 - origin.x()) / scale, (vp.top() + 1 - origin.y()) / scale
        self.setSceneRect(QRectF(left, top, (vp.width() - 2) / scale, (vp.height() - 2) / scale))
        self._remember_place()
        self._tell_scene()
        self.view_changed.emit()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Leave and self._held and self.auto_fit:
            # the pointer left the map: now the map may take the room it was given
            QTimer.singleShot(0, lambda: self._held and self.auto_fit and self._placed is not None
                              and self._refit_in_place(*self._placed[1:]))
        return super().viewportEvent(event)

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

    def view_state(self) -> tuple:
        """Where the view is now (fitted or zoomed, scale, scroll, the ring's card): what
        ``restore_view`` goes back to once a look elsewhere is cancelled."""
        scene = self.map_scene()
        return (self.auto_fit, self.transform(), self.sceneRect(), self.horizontalScrollBar().value(),
                self.verticalScrollBar().value(), scene.focus_id, scene.ring_shown)

    def restore_view(self, state: tuple) -> None:
        fitted, transform, rect, h, v, focus_id, ring = state
        if fitted:
            self.fit()  # the step's frame (or the whole map) as it is now
        else:
            self._fitted(False)
            self.setSceneRect(rect)
            self.setTransform(transform)
            self.horizontalScrollBar().setValue(h)
            self.verticalScrollBar().setValue(v)
            self._tell_scene()
            self.view_changed.emit()
        scene = self.map_scene()
        if focus_id is None or focus_id in scene.cards:
            scene.set_focus_card(focus_id, shown=ring)

    def center_on_service(self, service_id: str, flash: bool = True) -> bool:
        item = self.map_scene().cards.get(service_id)
        if item is None:
            return False
        self.note_card(service_id)
        r: QRectF = item.sceneBoundingRect()
        visible = self._seen_rect()
        if not visible.contains(r):
            self._fitted(False)
            self.setSceneRect(QRectF())  # the whole map to scroll in
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

    # -- the keyboard focus on the cards ---------------------------------------
    def focused_card(self) -> str | None:
        """The service whose card has the keyboard focus ring, or None."""
        scene = self.scene()
        return scene.focus_id if scene is not None and scene.ring_shown else None

    def move_card_focus(self, direction: str) -> str | None:
        """The focus ring to the nearest card in ``direction`` ("left", "right", "up",
        "down"), kept in the part of the map not under a drawer; the card's id. The
        first move (no ring yet) goes from the card last chosen, searched for or
        clicked (``note_card``) when it is in view, otherwise from the middle of the
        view (tester round 6: it always began at the top left card, whatever the key)."""
        scene = self.map_scene()
        self.keyboard_cards = True
        if scene.ring_shown and scene.focus_id is not None:
            current = scene.focus_id
            target = nearest_card(scene.layout, current, direction) or current
        else:
            start = self._start_card()
            if start is not None and start == scene.focus_id:
                target = nearest_card(scene.layout, start, direction) or start
            else:  # from the middle of the view: the nearest card that way, or the one there
                c = self.mapToScene(self.viewport().rect().center())
                target = nearest_from(scene.layout, Rect(c.x(), c.y(), 0.0, 0.0), direction) or start
        scene.set_focus_card(target, shown=True)
        if target is not None:
            self._keep_in_view(target)
        return target

    def note_card(self, service_id: str) -> None:
        """The card the user chose, searched for or clicked: where the keyboard focus
        goes on from (the ring moves there when it shows)."""
        scene = self.scene()
        if scene is not None and hasattr(scene, "set_focus_card") and service_id in scene.cards:
            scene.set_focus_card(service_id, shown=scene.ring_shown)

    def _seen_rect(self) -> QRectF:
        """The part of the map the viewport shows (scene units): a drawer's strip is not in it."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _in_view(self, service_id: str | None) -> bool:
        card = self.map_scene().cards.get(service_id) if service_id is not None else None
        return card is not None and self._seen_rect().intersects(card.sceneBoundingRect())

    def _start_card(self) -> str | None:
        """Where the ring shows first: the card last noted when it is in view, else the
        card nearest the middle of the view."""
        scene = self.map_scene()
        if self._in_view(scene.focus_id):
            return scene.focus_id
        c = self._seen_rect().center()
        return card_nearest(scene.layout, c.x(), c.y())

    def _keep_in_view(self, service_id: str) -> None:
        card = self.map_scene().cards.get(service_id)
        if card is None:
            return
        if not self._seen_rect().contains(card.sceneBoundingRect()):
            self.center_on_service(service_id, flash=False)

    def _show_ring(self, on: bool) -> None:
        scene = self.scene()
        if scene is None or not hasattr(scene, "set_focus_card"):
            return
        sid = (scene.focus_id if scene.ring_shown else self._start_card()) if on else scene.focus_id
        scene.set_focus_card(sid, shown=on)
        if on and sid is not None:
            self._keep_in_view(sid)

    def show_ring_now(self) -> None:
        """The keys are on the map from the keyboard (Tab, F6): the ring shows at once."""
        self.keyboard_cards = True
        if self.hasFocus():
            self._show_ring(True)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.TabFocusReason, Qt.BacktabFocusReason, Qt.ShortcutFocusReason):
            self.keyboard_cards = True  # the keyboard brought the keys here: show where they are
        if self.keyboard_cards:
            self._show_ring(True)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        scene = self.scene()
        if scene is not None and hasattr(scene, "set_focus_card"):
            scene.set_focus_card(scene.focus_id, shown=False)  # hidden; the card is remembered

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        # Tab with no other stop in the window (the side panel closed) leaves the keys
        # here: the ring shows all the same, so Tab always says where the keys are.
        moved = super().focusNextPrevChild(next)
        if self.hasFocus():
            self.show_ring_now()
        return moved

    def mouse_used(self) -> None:
        """The mouse is back on the map: no ring until the keys move it again."""
        if self.keyboard_cards:
            self.keyboard_cards = False
            self._show_ring(False)

    def mousePressEvent(self, event) -> None:
        self.mouse_used()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        mods = event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.ShiftModifier | Qt.MetaModifier)
        if mods == Qt.ControlModifier and key in RING_KEYS:
            self.move_card_focus(RING_KEYS[key])
            return
        if key in (Qt.Key_Return, Qt.Key_Enter) and not mods:
            sid = self.focused_card()
            if sid is not None:
                self.card_activated.emit(sid)
                return
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
        if self.auto_fit and not self._refit_due:
            self._refit_due = True
            QTimer.singleShot(0, self._refit)

    def set_margins(self, left: int, top: int, right: int, bottom: int) -> None:
        """The strips of the view that are not the map's (px): a bar above it, a drawer
        over its side. The map is placed again at once (what is under a card is asked
        right after: ``RoomLayout.keep_in_view``), also when the viewport only moved
        (a drawer going from the right edge to the left: same size)."""
        before, sides = self.viewport().geometry(), self.viewportMargins()
        scene = self.scene()
        card = getattr(scene, "focus_id", None)
        card_seen = self._in_view(card)
        self.setViewportMargins(left, top, right, bottom)
        if self.viewport().geometry() == before or not self.isVisible():
            return
        if self.auto_fit:
            self._refit()
        elif (sides.left(), sides.right()) != (left, right):  # a drawer, not a bar: the step back in view
            self.keep_step_in_view()
        if card_seen and (sides.left(), sides.right()) != (left, right):
            # the card just chosen, found or ringed stays in the part the drawer leaves
            # (tester round 6: details opened over it, the ring went on under the drawer)
            self._keep_in_view(card)

    def keep_step_in_view(self) -> None:
        """Zoomed by the user and a drawer opened or closed (``set_margins``):
        the step's cards are moved back into view when they are not all in it."""
        if self.auto_fit or self._focus is None or not self._focus[0]:
            return
        box = step_frame.union(list(self._focus[0]) + list(self._focus[1]))
        vp, zoom, m = self.viewport().rect(), self.zoom_factor(), step_frame.MARGIN
        rect = QRectF(*box)
        if self.mapToScene(vp).boundingRect().contains(rect.adjusted(-m / zoom, -m / zoom, m / zoom, m / zoom)):
            return
        fit = min((vp.width() - 2 * m) / max(rect.width(), 1.0), (vp.height() - 2 * m) / max(rect.height(), 1.0))
        if fit < zoom:  # the step does not fit at this zoom: out as far as it needs
            self.scale(fit / zoom, fit / zoom)
            self._tell_scene()
        self.centerOn(rect.center())
        self.view_changed.emit()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self.first_paint_done:
            self.first_paint_done = True
            hook = getattr(self, "on_first_paint", None)
            if callable(hook):
                hook()




def _clamp(value: float, low: float, high: float) -> float:
    """``value`` within [low, high]; the middle when the range is empty."""
    return (low + high) / 2 if low > high else min(max(value, low), high)
