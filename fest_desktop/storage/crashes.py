"""A trace of the program's native crashes, and the word at the next start that it stopped unexpectedly.

Python's excepthook sees only Python errors; a fault inside Qt or a C library ends the process without
a word. faulthandler writes the Python stack of every thread into the crash log instead. Each running
window also leaves a marker naming its process; a marker whose process is gone at the next start means
the program did not close normally (a native crash, the task manager, a power cut).
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import psutil

CRASH_LOG_NAME = "fest-desktop-crash.log"
MARKERS_FOLDER = "running"


@dataclass(frozen=True)
class UnexpectedStop:
    """A window that stopped without closing: when it started, and the log that may say why."""

    started: dt.datetime
    crash_log: Path
    traced: bool  # the crash log received a trace after that start (a native crash, not a power cut)


class CrashWatch:
    """The running window's marker and open crash log; `close()` when the window closes normally."""

    def __init__(self, marker: Path | None, log: TextIO | None, previous: tuple[UnexpectedStop, ...]) -> None:
        self._marker = marker
        self._log = log
        self.previous = previous

    def close(self) -> None:
        if faulthandler.is_enabled() and self._log is not None:
            faulthandler.disable()
        if self._log is not None:
            self._log.close()
        if self._marker is not None:
            self._marker.unlink(missing_ok=True)


def _process_start(pid: int) -> float | None:
    try:
        return psutil.Process(pid).create_time()
    except (psutil.Error, OSError):
        return None


def _traced_since(crash_log: Path, offset: int) -> bool:
    """Whether faulthandler wrote a trace into the log after that offset (other windows only add their
    start lines)."""
    try:
        with crash_log.open("rb") as log:
            log.seek(offset)
            return b"Fatal Python error" in log.read()
    except OSError:
        return False


def _stopped_windows(markers: Path, crash_log: Path) -> list[UnexpectedStop]:
    """The markers of processes that are gone (removed once read), oldest first."""
    stops = []
    for marker in sorted(markers.glob("*.json")):
        try:
            record = json.loads(marker.read_text(encoding="utf-8"))
            pid, created = int(record["pid"]), float(record["created"])
            started = dt.datetime.fromisoformat(record["started"])
            log_offset = int(record["log_offset"])
        except (OSError, ValueError, KeyError, TypeError):
            marker.unlink(missing_ok=True)  # not ours or half-written: nothing to say of it
            continue
        alive = _process_start(pid)
        if alive is not None and abs(alive - created) < 1:
            continue  # another window still running (the same file may be open twice)
        stops.append(UnexpectedStop(started, crash_log, traced=_traced_since(crash_log, log_offset)))
        marker.unlink(missing_ok=True)
    return stops


def watch_for_crashes(folder: Path) -> CrashWatch:
    """Trace native crashes into `folder`'s crash log and leave this window's marker; says which earlier
    windows stopped unexpectedly. Never fails: without a writable folder the program runs untraced."""
    crash_log = folder / CRASH_LOG_NAME
    markers = folder / MARKERS_FOLDER
    log = None
    try:
        markers.mkdir(parents=True, exist_ok=True)
        previous = tuple(_stopped_windows(markers, crash_log))
        log = crash_log.open("a", encoding="utf-8")
        now = dt.datetime.now()
        log.write(f"{now:%Y-%m-%d %H:%M:%S} 程序启动（进程 {os.getpid()}）\n")
        log.flush()
        faulthandler.enable(file=log, all_threads=True)
        record = {
            "pid": os.getpid(),
            "created": _process_start(os.getpid()) or 0.0,
            "started": now.isoformat(timespec="seconds"),
            "log_offset": log.tell(),
        }
        marker = markers / f"{os.getpid()}.json"
        marker.write_text(json.dumps(record), encoding="utf-8")
    except OSError:
        if log is not None:
            faulthandler.disable()
            log.close()
        return CrashWatch(None, None, ())
    return CrashWatch(marker, log, previous)
