"""Whether another connection has committed to the festival file since it was last asked: another
window, another PC on a shared folder, or a thread of this program. SQLite says so in the
data_version of a connection of the watcher's own, at no cost; on a server (PostgreSQL) nothing that
cheap exists, and only the scores' stamp (scoring.log) is watched there."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from fest_desktop.storage.database import Database


class CommitWatch:
    """Asked now and then (the window asks every second) whether anything was committed since."""

    def __init__(self, db: Database) -> None:
        self._connection: sqlite3.Connection | None = None
        self._version = 0
        if db.is_file:
            try:
                self._connection = sqlite3.connect(
                    f"{Path(db.location).resolve().as_uri()}?mode=ro",
                    uri=True,
                    check_same_thread=False,
                    timeout=1,
                )
                self._version = self._read()
            except sqlite3.Error:
                self.close()  # nothing to watch with: the window still works, tabs follow its own changes

    def _read(self) -> int:
        assert self._connection is not None
        row = self._connection.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def moved(self) -> bool:
        """True when another connection committed since the last call."""
        if self._connection is None:
            return False
        try:
            version = self._read()
        except sqlite3.Error:
            return False  # busy for a moment: asked again next time
        moved, self._version = version != self._version, version
        return moved

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None
