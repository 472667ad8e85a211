"""Watching the database for scores committed anywhere: by this window, another window, or another PC."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from fest_desktop.errors import FestError
from fest_desktop.scoring.log import scoring_stamp
from fest_desktop.storage.database import Database

POLL_MILLISECONDS = 250


class ScoreWatcher(QObject):
    """Polls the festival's scoring stamp (the audit log's last id: one indexed lookup) four times a
    second and emits changed when it moved; check_now() does so at once after a local commit."""

    changed = Signal(int)

    def __init__(self, db: Database, festival_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.festival_id = festival_id
        self.stamp = scoring_stamp(db, festival_id)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MILLISECONDS)
        self._timer.timeout.connect(self.check_now)
        self._timer.start()

    def watch(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.check_now()

    def check_now(self) -> None:
        try:
            stamp = scoring_stamp(self.db, self.festival_id)
        except FestError:
            return  # the file is busy for a moment: the next poll will see it
        if stamp != self.stamp:
            self.stamp = stamp
            self.changed.emit(stamp)
