"""The window's central area, map first: everything else gives way to the map.

``RoomLayout`` places, on every resize, the map view and what may share the
room with it:

- the **side panel** (tabs: maps and pathways, the pathway, a service, a
  case, problems) as a column on the right when the window is wide enough for
  both the panel and a readable map (``NARROW_BELOW``), otherwise as a
  **drawer** over the map's right edge that closes itself when the map is
  clicked or Esc is pressed. The map's viewport then ends at the drawer
  (viewport margins, the view keeps its size): the map refits into the part
  left and the step shown stays in view there. A running case keeps its column at any width: the
  table needs the story and questions while it clicks on the map;
- the **caption** band under the map (the current step large; in a case the
  step's questions and, when shown, its story), at most a fifth of the height,
  its text shrinking before the band grows (``Caption.fit``);
- small overlays on the map: the drawer handle, a hint while the keys go to a
  text field, a notice of problems in the files, a message for the room (the
  screen asked for is not there). Overlays that sit on the map's top edge
  never cover each other (``top_controls``: a banner placed later steps below
  them), and the lasting ones (handle, notice, banner) have a strip of their
  own above the map (``update_top_strip``), so they cover no card.

Widths in logical pixels. Nothing here knows about pathways or cases; the
window tells it what to show.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import N_
from . import live_text
from .fonts import FAMILY
from .side_panel import SidePanel  # noqa: F401 - the room's side panel (tests import it from here)

# Card text smaller than this on screen (px) is not readable: a side column
# that would shrink the map's smallest text below it folds into a drawer
# (the example map's 12-unit text: 9 px beside a column at 1024 px, 13 px without).
READABLE_PX = 11
# For a map that is not readable whole at any size (a region of thousands of
# services), the plain rule: below this window width the column folds.
NARROW_BELOW = 1200
GAP = 6
MESSAGE_MS = 30_000  # a message for the room stays this long unless clicked away


def column_width(width: int, case: bool) -> int:
    """The side column for a window ``width`` px wide: a case needs more room for
    its story and questions; the map keeps at least about two thirds."""
    if case:
        return max(340, min(520, int(width * 0.34)))
    return max(300, min(440, int(width * 0.26)))


def band_height(height: int) -> int:
    """The most a case's band under the map takes (where the map's shape leaves
    room below it); less where the map would not be readable (``RoomLayout.case_band``)."""
    return max(200, min(330, int(height * 0.36)))


# A case's band and column never shrink below this for the map (px): the timer,
# the answer's buttons and the way on, and a few lines of the story.
MIN_CASE_BAND = 160
MIN_CASE_COLUMN = 340


def least(ok, hi: int) -> int | None:
    """The least ``v`` in 1..``hi`` for which ``ok(v)`` holds (``ok`` false below
    some value and true from it on); None when not even ``hi`` will do."""
    if not ok(hi):
        return None
    lo = 1
    while lo < hi:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def drawer_width(width: int) -> int:
    return max(280, min(440, int(width * 0.42)))


def below(taken: list[QRect], box: QRect, gap: int = 4) -> int:
    """The top edge for ``box`` (moved only up or down) so that it covers none of
    ``taken``: its own top, or just below the lowest box it would overlap."""
    r = QRect(box)
    moved = True
    while moved:
        moved = False
        for t in taken:
            if r.intersects(t):
                r.moveTop(t.bottom() + 1 + gap)
                moved = True
    return r.top()


class Caption(QFrame):
    """A dark band with the current step, large; in a case also the story.

    ``fit`` picks the largest text that fits: first within an eighth of the
    height, shrinking to three quarters of the largest size; only then does the
    band grow, up to ``max_share`` of the height, shrinking further to the
    smallest size. Text that still does not fit is cut at the band's edge.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("caption")
        self.setStyleSheet(
            "#caption { background: rgba(22, 22, 22, 238); border-radius: 8px; }"
            " #caption QLabel { color: white; background: transparent; }")
        self.main = QLabel()
        self.main.setTextFormat(Qt.RichText)
        self.story = QLabel()
        self.story.setTextFormat(Qt.PlainText)  # data text, shown as written
        for lab in (self.main, self.story):
            lab.setWordWrap(True)
            lab.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        lay = QHBoxLayout(self)
        self.pad = 12
        lay.setContentsMargins(self.pad * 2, self.pad, self.pad * 2, self.pad)
        lay.setSpacing(self.pad * 3)
        lay.addWidget(self.story, 58)
        lay.addWidget(self.main, 42)
        self.story.hide()
        self.pixel_size = 0
        self.hide()

    def set_content(self, main_html: str, story: str | None = None) -> None:
        self.main.setText(main_html)
        self.story.setText(story or "")
        self.story.setVisible(bool(story))

    def has_text(self) -> bool:
        return bool(self.main.text() or (self.story.isVisibleTo(self) and self.story.text()))

    def text(self) -> str:
        """Everything the band says (tests read it)."""
        return "\n".join(t for t in (self.story.text() if self.story.isVisibleTo(self) else "", self.main.text()) if t)

    def _height_at(self, px: int, width: int) -> int:
        font = QFont(FAMILY)
        font.setPixelSize(px)
        inner = width - self.pad * 4
        labels = [self.main]
        if self.story.isVisibleTo(self):
            labels.append(self.story)
            inner -= self.pad * 3
            widths = [int(inner * 0.42), int(inner * 0.58)]
        else:
            widths = [inner]
        tallest = 0
        for lab, w in zip(labels, widths):
            lab.setFont(font)
            tallest = max(tallest, lab.heightForWidth(max(40, w)))
        return tallest + self.pad * 2

    def fit(self, width: int, height: int, max_px: int, min_px: int, max_share: float = 0.2) -> int:
        """Set the text size for a band ``width`` wide in an area ``height`` tall;
        return the band's height (≤ ``max_share`` × height)."""
        small, limit = int(height / 8), int(height * max_share)
        mid = max(min_px, int(max_px * 0.75))
        # The band's height grows with the type size: the largest size that fits is found
        # by halving (a few text layouts per step instead of one per pixel size).
        for lo, hi, room in ((mid, max_px, small), (min_px, mid, limit)):
            found = self._largest_fitting(lo, hi, room, width)
            if found is not None:
                self.pixel_size, h = found
                self._height_at(self.pixel_size, width)  # leave the labels at the size chosen
                return h
        self.pixel_size = min_px
        return limit

    def _largest_fitting(self, lo: int, hi: int, room: int, width: int) -> tuple[int, int] | None:
        """(size, height) of the largest size in [lo, hi] whose band is at most ``room`` high."""
        best = None
        while lo <= hi:
            px = (lo + hi) // 2
            h = self._height_at(px, width)
            if h <= room:
                best, lo = (px, h), px + 1
            else:
                hi = px - 1
        return best


class Chip(QPushButton):
    """A small flat button on the map (drawer handle, problems notice)."""

    def __init__(self, text: str, parent: QWidget, style: str = ""):
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.NoFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.setStyleSheet(
            "QPushButton { background: rgba(255, 255, 255, 235); color: #1f1f1f; border: 1px solid #8a8a8a;"
            " border-radius: 6px; padding: 3px 10px; } QPushButton:hover { background: white; }" + style)
        self.hide()


class TypingHint(QLabel):
    """Says where the keys go while a text field has them."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setTextFormat(Qt.PlainText)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setStyleSheet("QLabel { background: rgba(40, 40, 40, 225); color: white; border-radius: 6px;"
                           " padding: 4px 10px; }")
        self.hide()


class RoomLayout(QWidget):
    """Central widget: places the map view, side panel, caption and overlays."""

    layout_changed = Signal(str)  # the side panel's mode: column, drawer, closed, hidden

    def __init__(self, map_view, parent: QWidget | None = None):
        super().__init__(parent)
        self.map_view = map_view
        map_view.setParent(self)
        self.side = SidePanel(self)
        self.side.hide_requested.connect(self.hide_side)
        self.caption = Caption(self)
        self.presentation = False
        self.case_running = False
        self.editing = False  # edit mode: the forms' column is wider (a case's width)
        self.column_wanted = True   # wide windows: the user's choice, remembered per screen size
        self.drawer_open = False    # narrow windows: opened on demand, closes itself
        self.drawer_left = False    # the drawer over the map's left edge (keep_in_view)
        self.caption_in_normal_mode = False
        self.caption_max_share = 0.2
        self.min_text = 12.0  # the map's smallest card text, map units (the window sets it)
        self._mode = ""
        self._drawer_on = False  # relayout: the side panel is an open drawer (_place_drawer)
        self._drawer_bottom = 0  # px: where the map ends, above the step's band
        self._shown = 0  # show_side calls: a click that opened a panel does not close it (eventFilter)
        self.handle = live_text.text(Chip("", map_view), N_("☰ Paneler"))
        live_text.tip(self.handle, N_("Vis sidepanelet: kart og forløp, forløpet, tjenesten (F9)"))
        self.handle.clicked.connect(lambda: self.show_side())
        self.notice = Chip("", map_view, " QPushButton { background: #fff1c4; border-color: #b58900; }")
        self.typing_hint = TypingHint(map_view)
        self.top_strip = 0  # px above the map kept for the chips on its top edge (update_top_strip)
        # A message for whoever is in the room (not a dialog: nothing waits for a click);
        # a click or MESSAGE_MS closes it.
        self.message = Chip("", map_view, " QPushButton { background: #e8f1fb; border-color: #3c6e9f; }")
        live_text.tip(self.message, N_("Klikk for å lukke meldingen"))
        self.message.clicked.connect(lambda: self.set_message(""))
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.set_message(""))
        self.overlay_extra: list[QWidget] = []  # e.g. the legend; placed by their owners
        self.empty: QWidget | None = None
        self.band_source = None  # a running case's panel: its band_wish (case_band)
        map_view.viewport().installEventFilter(self)

    # -- state ---------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        """True when a side column and a readable map do not both fit (edit mode's
        forms too: they go into the drawer then, as every panel does)."""
        if self.case_running:
            return False
        W, H = self.width(), self.height()
        fit = self.map_view.fit_scale_for
        whole = fit(W, H * 0.88)  # leaving room for the step's caption band
        if whole is None or whole * self.min_text < READABLE_PX:
            return W < NARROW_BELOW
        return fit(W - column_width(W, self.editing), H) * self.min_text < READABLE_PX

    def _readable(self, scale) -> bool:
        return scale is not None and scale * self.min_text >= READABLE_PX

    def case_band(self, W: int, H: int) -> int:
        """A case's band under a map ``W`` wide in ``H`` px: as tall as leaves the map
        readable (its smallest card text ``READABLE_PX``; ``band_height`` at most),
        taller only when the step needs it to be seen whole (``band_source``'s
        ``band_wish``: after a reveal with a long comparison, say)."""
        cap = band_height(H)
        room = H - self.top_strip
        fit = self.map_view.fit_scale_for
        h_map = least(lambda h: self._readable(fit(W, h)), room)
        base = cap if h_map is None else max(MIN_CASE_BAND, min(cap, room - h_map))
        wish = getattr(self.band_source, "band_wish", 0) if self.band_source is not None else 0
        return min(cap, max(base, wish))

    def case_column(self, W: int, H: int) -> int:
        """A case's column beside the map: ``column_width`` at most, narrower where
        that leaves the map readable, never below ``MIN_CASE_COLUMN``."""
        cap = column_width(W, True)
        fit = self.map_view.fit_scale_for
        w_map = least(lambda w: self._readable(fit(w, H - self.top_strip)), W)
        return cap if w_map is None else max(MIN_CASE_COLUMN, min(cap, W - w_map))

    def case_place(self) -> str:
        """Where a running case goes: "band" under the map when the map's shape
        leaves room below it (a 4:3 projector), else "column" beside it."""
        W, H = self.width(), self.height()
        fit = self.map_view.fit_scale_for
        beside = fit(W - self.case_column(W, H), H)
        under = fit(W, H - self.case_band(W, H))
        return "band" if beside is not None and under is not None and under > beside * 1.1 else "column"

    def mode(self) -> str:
        if self.presentation:
            return "hidden"
        if self.case_running and self.column_wanted:
            return self.case_place()
        if self.narrow:
            return "drawer" if self.drawer_open else "closed"
        return "column" if self.column_wanted else "closed"

    def side_visible(self) -> bool:
        return self.mode() in ("column", "band", "drawer")

    def show_side(self, widget: QWidget | None = None) -> None:
        self._shown += 1
        if widget is not None:
            self.side.show_panel(widget)
        if self.narrow:
            self.drawer_open = True
        else:
            self.column_wanted = True
        self.relayout()

    def hide_side(self) -> None:
        if self.narrow:
            self.drawer_open = False
            self.drawer_left = False
        else:
            self.column_wanted = False
        self.relayout()
        if self.side.isAncestorOf(self.focusWidget() or self):
            self.map_view.setFocus()

    def toggle_side(self) -> None:
        self.hide_side() if self.side_visible() else self.show_side()

    def keep_in_view(self, rect: QRect) -> None:
        """An open drawer goes over the map's other edge when it would cover
        ``rect`` (in this widget's pixels; the card whose form it shows) and the
        other edge does not; it goes back to the right edge when it closes."""
        if self.mode() != "drawer":
            return
        dw = drawer_width(self.width())
        under_right = rect.right() > self.width() - dw
        left = under_right and rect.left() >= dw
        if left != self.drawer_left:
            self.drawer_left = left
            self.relayout()

    def close_drawer(self) -> bool:
        """Close the drawer if it is open; True when it was."""
        if self.mode() != "drawer":
            return False
        self.hide_side()
        return True

    def set_presentation(self, on: bool) -> None:
        self.presentation = on
        self.drawer_open = False
        self.relayout()

    def set_case_running(self, on: bool) -> None:
        self.case_running = on
        self.relayout()

    # -- layout ----------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        # A click on the map closes the drawer (the map is what the room looks at).
        # After the click is handled: the map's viewport grows when the drawer goes, and
        # the card clicked must be the one under the pointer.
        # (A click on a card that shows its details keeps the drawer open: ``_shown`` counts.)
        if event.type() == QEvent.MouseButtonPress and self.mode() == "drawer":
            shown = self._shown
            QTimer.singleShot(0, lambda: self._close_drawer_after_click(shown))
        return False

    def _close_drawer_after_click(self, shown: int) -> None:
        if self.mode() == "drawer" and shown == self._shown:
            self.drawer_open = self.drawer_left = False
            self.relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        W, H = self.width(), self.height()
        mode = self.mode()
        map_w = W
        self.side.set_compact(mode == "band")
        if mode == "column":
            cw = self.case_column(W, H) if self.case_running else column_width(W, self.editing)
            map_w = W - cw
            self.side.setGeometry(map_w, 0, cw, H)
            self.side.show()
        elif mode == "band":
            bh = self.case_band(W, H)
            # one button for the panels beside the band: its height is for the case
            bw = self.side.menu_button.sizeHint().width()
            self.side.menu_button.setGeometry(0, H - bh, bw, bh)
            self.side.menu_button.raise_()
            self.side.setGeometry(bw, H - bh, W - bw, bh)
            self.side.show()
            H -= bh
        elif mode == "drawer":
            self.side.show()  # placed once the caption and the top strip are known (_place_drawer)
            self.side.raise_()
        else:
            self.side.hide()
        self.side.close_button.setText({"column": "»", "band": "⌄"}.get(mode, "✕"))

        map_h = H
        show_caption = self.caption.has_text() and (self.presentation or (self.caption_in_normal_mode and mode != "column"))
        if show_caption:
            gap = 8 if self.presentation else 0
            if self.presentation:
                max_px, min_px = max(18, round(H / 26)), max(14, round(H / 52))
            else:
                max_px, min_px = 20, 13
            cap_w = map_w - 2 * gap
            ch = self.caption.fit(cap_w, H, max_px, min_px, self.caption_max_share)
            self.caption.setGeometry(gap, H - ch - gap, cap_w, ch)
            self.caption.show()
            map_h = H - ch - 2 * gap
        else:
            self.caption.hide()
        self._drawer_on = mode == "drawer"
        self._drawer_bottom = map_h  # an open drawer stops above the step's band
        self.map_view.setGeometry(0, 0, map_w, max(0, map_h))
        if self.empty is not None:
            self.empty.setGeometry(0, 0, map_w, max(0, map_h))
            self.empty.raise_()
        if mode == "drawer":
            self.side.raise_()
        self._place_overlays(map_w)
        if mode != self._mode:
            self._mode = mode
            self.layout_changed.emit(mode)

    def _place_overlays(self, map_w: int) -> None:
        # isVisibleTo(map_view), not isVisible(): before the window is first shown
        # nothing is "visible", and the chips must still get their places.
        m = 8
        view = self.map_view
        self._map_w = map_w
        self.handle.setVisible(self.mode() == "closed" and not self.presentation)
        if self.handle.isVisibleTo(view):
            self.handle.adjustSize()
            self.handle.move(map_w - self.handle.width() - m, m)
            self.handle.raise_()
        right = map_w - (self.handle.width() + 2 * m if self.handle.isVisibleTo(view) else m)
        if self.notice.text() and not self.presentation and not self.side_visible():
            self.notice.adjustSize()
            self.notice.move(max(m, right - self.notice.width()), m)
            self.notice.show()
            self.notice.raise_()
        else:
            self.notice.hide()
        for w in self.overlay_extra:  # the banners keep clear of the chips (top_controls)
            place = getattr(w, "place", None)
            if callable(place):
                place()
        self.update_top_strip()

    def update_top_strip(self) -> None:
        """Keep a strip above the map for what stands on its top edge (the drawer
        handle and problems notice, an overlay's ``strip_bottom()`` such as the
        revision banner): they then cover no card. Kept while the drawer is open
        too, so the map does not jump when it opens or closes; none in presentation.
        The passing notes (typing hint, message) are placed again below them."""
        extra = [w.strip_bottom() for w in self.overlay_extra if callable(getattr(w, "strip_bottom", None))]
        top = max([self.chip_strip(), *extra])
        self.top_strip = top
        m = self.map_view.viewportMargins()
        if m.top() != top:
            self.map_view.set_margins(m.left(), top, m.right(), m.bottom())
        self._place_drawer()
        self._place_notes()

    def chip_strip(self) -> int:
        """The top strip the drawer handle and the problems notice need (px; 0: none)."""
        chips = 0
        if not self.presentation and self.mode() in ("closed", "drawer"):
            chips = 8 + self.handle.sizeHint().height() + 4
        if self.notice.isVisibleTo(self.map_view):
            chips = max(chips, self.notice.geometry().bottom() + 1 + 4)
        return chips

    def _place_drawer(self) -> None:
        """An open drawer covers the map between the top strip and the step's band:
        the banners and chips in the strip (edit mode's «Redigering», the revision
        banner) and the band the room reads stay in view whichever edge it is on."""
        left = right = 0
        if self._drawer_on:
            W, dw = self.width(), drawer_width(self.width())
            top, bottom = self.top_strip, self._drawer_bottom
            self.side.setGeometry(0 if self.drawer_left else W - dw, top, dw, max(0, bottom - top))
            left, right = (dw, 0) if self.drawer_left else (0, dw)
        # The map's viewport is the part the drawer leaves: the map refits there and the
        # step being shown stays in view (meeting room item 2: it went under the drawer).
        m = self.map_view.viewportMargins()
        if (m.left(), m.right()) != (left, right):
            self.map_view.set_margins(left, m.top(), right, m.bottom())

    def _place_notes(self) -> None:
        """The typing hint and the room's message: centred over the part of the map
        that shows (not under an open drawer), below whatever lasting overlay is
        there. They come and go, so the map keeps its place under them."""
        m = 8
        map_w = getattr(self, "_map_w", self.map_view.width())
        drawer = self.side.width() if self.mode() == "drawer" else 0
        seen, left = map_w - drawer, (drawer if self.drawer_left else 0)
        taken = self.top_controls()
        for note in (self.typing_hint, self.message):
            if not note.text():
                continue
            note.setMaximumWidth(max(100, seen - 2 * m))
            note.adjustSize()
            x = left + max(m, (seen - note.width()) // 2)
            note.move(x, below(taken, QRect(x, m, note.width(), note.height())))
            note.show()
            note.raise_()
            taken.append(note.geometry())

    # -- overlays ----------------------------------------------------------------
    def top_controls(self, exclude: QWidget | None = None) -> list[QRect]:
        """Where the lasting overlays on the map's top edge sit (view coordinates):
        the drawer handle, the problems notice and every overlay marked
        ``on_top_edge`` (the banners). One placed later keeps clear of these."""
        edge = [w for w in self.overlay_extra if getattr(w, "on_top_edge", False)]
        return [w.geometry() for w in (self.handle, self.notice, *edge)
                if w is not exclude and w.isVisibleTo(self.map_view)]

    def set_message(self, msgid: str, ms: int = 0, **fmt) -> None:
        """Show ``_(msgid).format(**fmt)`` on the map for the room (also in
        presentation; said again if the language changes) until it is clicked or
        ``ms`` milliseconds have passed (0: MESSAGE_MS); "" hides it."""
        self._message_timer.stop()
        if msgid:
            live_text.text(self.message, msgid, **fmt)
            self._message_timer.start(ms or MESSAGE_MS)
        else:
            live_text.forget(self.message, "setText")
            self.message.setText("")
            self.message.hide()
        self.relayout()

    def set_notice(self, text: str) -> None:
        if text == self.notice.text():
            return  # nothing new to place (every edit asks)
        self.notice.setText(text)
        self.relayout()

    def set_typing_hint(self, text: str) -> None:
        if text == self.typing_hint.text():
            return
        self.typing_hint.setText(text)
        if not text:
            self.typing_hint.hide()
        self.relayout()

    def set_empty(self, widget: QWidget | None) -> None:
        if widget is None and self.empty is None:
            return  # every edit says "a map is shown"; nothing to place again
        if self.empty is not None and self.empty is not widget:
            self.empty.hide()
            self.empty.deleteLater()
        self.empty = widget
        if widget is not None:
            widget.setParent(self)
            widget.show()
        self.relayout()


class EmptyState(QFrame):
    """Shown where the map would be when no map could be read."""

    def __init__(self, message: str, actions: list[tuple[str, object]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("empty-state")
        self.setStyleSheet("#empty-state { background: #f4f4f4; }")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        self.label = QLabel(message)
        self.label.setTextFormat(Qt.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignCenter)
        f = self.label.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        self.label.setFont(f)
        lay.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons = []
        for text, slot in actions:
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
            self.buttons.append(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)


class ResizeWatcher(QObject):
    """Calls ``fn`` after a watched widget is resized (for overlays that follow it)."""

    def __init__(self, widget: QWidget, fn):
        super().__init__(widget)
        self.fn = fn
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Resize:
            self.fn()
        return False
