"""One competition's scoring sheet, kept current for every view of it (the grid, the ranking beside it
and the projector board), so that none of them loads it again."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from fest_desktop.errors import FestError
from fest_desktop.scoring.log import ScoreChangeInfo, changes_since
from fest_desktop.scoring.sheet import ScoringSheet, load_sheet
from fest_desktop.storage.database import Database
from ui.scoring.watcher import ScoreWatcher


class LiveSheet(QObject):
    """Changes committed in this window are applied at once (change_applied); what another window or
    PC committed is read when the watcher's stamp moves (reloaded). gone is emitted when the
    competition can no longer be read (deleted meanwhile).

    Its users (the tab, a projector board) hold it and release it: the last release stops it following
    the watcher, so a sheet nobody shows is neither kept up to date nor kept in memory."""

    change_applied = Signal(object)  # ScoreChangeInfo
    reloaded = Signal()
    gone = Signal()

    def __init__(
        self, db: Database, competition_id: int, watcher: ScoreWatcher, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.competition_id = competition_id
        self.sheet: ScoringSheet = load_sheet(db, competition_id)
        self.watcher = watcher
        self.users = 0
        watcher.changed.connect(self._stamp_moved)

    def hold(self) -> LiveSheet:
        self.users += 1
        return self

    def release(self) -> None:
        self.users -= 1
        if self.users == 0:
            if shiboken6.isValid(self.watcher):  # the tab and its watcher may be gone first, at quitting
                self.watcher.changed.disconnect(self._stamp_moved)
            self.deleteLater()

    def apply(self, change: ScoreChangeInfo) -> None:
        """A change this window just committed."""
        self.sheet.apply(change)
        self.change_applied.emit(change)

    def reload(self) -> None:
        try:
            self.sheet = load_sheet(self.db, self.competition_id)
        except FestError:
            self.gone.emit()
            return
        self.reloaded.emit()

    def _stamp_moved(self, stamp: int) -> None:
        if stamp == self.sheet.stamp:
            return
        try:
            changes = changes_since(self.db, self.watcher.festival_id, self.sheet.stamp)
        except FestError:
            return  # the file is busy for a moment: the next poll catches up
        if changes is not None and self.sheet.catch_up(changes):
            self.reloaded.emit()
        else:
            self.reload()
