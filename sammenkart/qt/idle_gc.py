"""Python's full garbage collections while the window is idle, not on a step.

A region's layout, display list and routed arrows are a few hundred thousand
Python objects. A full (generation 2) collection walks all of them, 60–150 ms
on a 2-core machine, and Python starts one whenever enough new objects have
piled up: on some step, at random, doubling that step's time. Here automatic
full collections are off while the map is in use; one runs when the map has
been left alone for ``IDLE_MS`` (or after ``EVERY`` changes without a pause),
where nobody waits for it. The young generations are collected as usual.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 2500
EVERY = 400  # changes without a pause before a full collection is made anyway
_NEVER = 1_000_000_000  # the third threshold: no automatic full collections
_live = 0  # windows with a collector: Python's own rule comes back when the last one goes


class IdleCollector(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(IDLE_MS)
        self.timer.timeout.connect(self.collect)
        self.changes = 0
        self.collections = 0
        global _live
        _live += 1
        first, second, _third = gc.get_threshold()
        gc.set_threshold(first, second, _NEVER)
        window.scene.emphasis_changed.connect(self.changed)
        window.destroyed.connect(lambda *_a: self.restore())

    def changed(self) -> None:
        self.changes += 1
        if self.changes >= EVERY:
            self.collect()
        else:
            self.timer.start()  # restarts: the collection waits for a pause

    def collect(self) -> None:
        self.timer.stop()
        self.changes = 0
        self.collections += 1
        gc.collect()

    @staticmethod
    def restore() -> None:
        global _live
        _live -= 1
        if _live <= 0:
            _live = 0
            first, second, _third = gc.get_threshold()
            gc.set_threshold(first, second, 10)


def install(window) -> IdleCollector:
    return IdleCollector(window)
