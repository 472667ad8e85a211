"""The vocabulary of scoring, named once: what a line of the audit log records, and where a stored
score stands when double entry checks it."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class ChangeAction(StrEnum):
    SCORE = "score"
    ATTEMPT = "attempt"
    LOCK = "lock"
    UNLOCK = "unlock"
    OPEN_EARLY = "open"

    @property
    def label(self) -> str:
        match self:
            case ChangeAction.SCORE:
                return "评分"
            case ChangeAction.ATTEMPT:
                return "成绩"
            case ChangeAction.LOCK:
                return "锁定"
            case ChangeAction.UNLOCK:
                return "解锁"
            case ChangeAction.OPEN_EARLY:
                return "提前开始评审"
        assert_never(self)


class CellState(StrEnum):
    """A stored score: nothing yet, waiting for its other pass (double entry), the two passes
    disagreeing, or settled."""

    EMPTY = "empty"
    PENDING = "pending"
    CONFLICT = "conflict"
    OK = "ok"


class Dropped(StrEnum):
    """Which judge total the trimmed mean leaves out."""

    NONE = ""
    HIGH = "high"
    LOW = "low"
