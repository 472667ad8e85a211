"""Python's cycle collector run on the window's thread only.

The collector runs on whichever thread happens to allocate when a generation is full: the runner's
worker, the phones' server. A cycle of garbage holding a widget is then destroyed on that thread, where
Qt deadlocks with the window's thread or crashes. So automatic collection is turned off and the window's
thread collects, a generation at a time, whenever Python's own thresholds would have."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_MS = 200


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        young, middle, old = gc.get_count()
        if old > self.thresholds[2]:
            gc.collect(2)
        elif middle > self.thresholds[1]:
            gc.collect(1)
        elif young > self.thresholds[0]:
            gc.collect(0)


_collector: _Collector | None = None


def collect_on_window_thread() -> None:
    """Turn automatic collection off and collect from the window's thread (once per application)."""
    global _collector
    app = QCoreApplication.instance()
    if app is None or (_collector is not None and shiboken6.isValid(_collector)):
        return
    _collector = _Collector(app)
