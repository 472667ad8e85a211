"""The vocabulary of storage: what an import does with each thing it read."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class RowOutcome(StrEnum):
    """What committing an import does with a row of the file, or with a record the file left out."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    # Registered, and missing from the form that came back: left as it is, and said so.
    KEPT = "kept"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        match self:
            case RowOutcome.NEW:
                return "新增"
            case RowOutcome.CHANGED:
                return "修改"
            case RowOutcome.UNCHANGED:
                return "不变"
            case RowOutcome.KEPT:
                return "表中没有，保持不变"
            case RowOutcome.REFUSED:
                return "有问题"
        assert_never(self)
