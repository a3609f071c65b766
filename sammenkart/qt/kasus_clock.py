"""The discussion timer: one clock per session, shown in several windows.

The clock only ticks; the time itself lives in the session state, so it is
saved with everything else and resumes where it was.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from ..session.controller import Session
from ..i18n import N_, _
from . import live_text


def format_clock(seconds: float) -> str:
    s = int(round(seconds))
    sign = "-" if s < 0 else ""
    m, s = divmod(abs(s), 60)
    return f"{sign}{m}:{s:02d}"


class SessionClock(QObject):
    running_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self.running:
            self._timer.start()
            self.running_changed.emit(True)

    def pause(self) -> None:
        if self.running:
            self._timer.stop()
            self.session.add_elapsed(0, persist=True)  # save the time used so far
            self.running_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        self.pause()
        self.session.reset_timer()

    def _tick(self) -> None:
        # Save every half minute: a crash loses at most that much of the clock.
        persist = int(self.session.step.elapsed + 1) % 30 == 0
        self.session.add_elapsed(1, persist=persist)


class TimerWidget(QWidget):
    """Remaining time, start/pause, reset and the minutes for this step."""

    def __init__(self, clock: SessionClock, big_pt: int = 28, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = clock
        self.session = clock.session
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.display = QLabel()
        f = self.display.font()
        f.setPointSize(big_pt)
        f.setBold(True)
        self.display.setFont(f)
        self.display.setObjectName("kasus-timer")
        self.start_pause = QPushButton()
        self.start_pause.clicked.connect(clock.toggle)
        self.reset_button = live_text.text(QPushButton(), N_("Nullstill"))
        self.reset_button.clicked.connect(clock.reset)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        live_text.live(self.minutes, "setSuffix", N_(" min"))
        live_text.tip(self.minutes, N_("Diskusjonstid for dette steget"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        for b in (self.start_pause, self.reset_button):
            b.setFocusPolicy(Qt.NoFocus)  # Space must stay the clicker's "next"
            b.setMinimumHeight(34)
        lay.addWidget(self.display, 1)
        lay.addWidget(self.start_pause)
        lay.addWidget(self.reset_button)
        lay.addWidget(self.minutes)
        clock.running_changed.connect(lambda _r: self.refresh())
        self.session.subscribe(self._on_change)
        self.destroyed.connect(lambda *_a, s=self.session, f=self._on_change: s.unsubscribe(f))
        self.refresh()

    def _on_change(self, what: str) -> None:
        self.refresh()

    def _minutes_changed(self, value: int) -> None:
        if value * 60 != self.session.step.timer_seconds:
            self.session.set_timer(value * 60)

    def refresh(self) -> None:
        remaining = self.session.state.remaining()
        over = remaining < 0
        text = format_clock(-remaining) if over else format_clock(remaining)
        self.display.setText(("+" + text) if over else text)
        self.display.setStyleSheet("color: #b00020;" if over else "")
        self.display.setToolTip(_("Over tiden") if over else _("Tid igjen"))
        self.start_pause.setText(_("Pause") if self.clock.running else _("Start"))
        self.minutes.blockSignals(True)
        self.minutes.setValue(max(1, self.session.step.timer_seconds // 60))
        self.minutes.blockSignals(False)
