"""The vocabulary of 科普实践, named once: how far a class has got with an item, and the marks a class
sheet takes for done and not done."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

# What the class sheet writes for a pupil who has done an item.
DONE_MARK = "✓"
# What a 班主任 may write instead, as schools tick a list by hand or in Excel.
DONE_WORDS = frozenset(
    {"✓", "√", "✔", "☑", "是", "已完成", "完成", "有", "对", "1", "y", "yes", "v", "o", "○"}
)
NOT_DONE_WORDS = frozenset({"", "×", "✗", "✘", "否", "未完成", "没有", "无", "0", "n", "no", "x", "-", "—"})


class Completion(StrEnum):
    """How far a class (or grade, or the school) has got with an item."""

    NONE = "none"
    PART = "part"
    ALL = "all"

    @property
    def label(self) -> str:
        match self:
            case Completion.NONE:
                return "未开始"
            case Completion.PART:
                return "进行中"
            case Completion.ALL:
                return "已完成"
        assert_never(self)

    @staticmethod
    def of(done: int, of: int) -> Completion:
        if of and done >= of:
            return Completion.ALL
        return Completion.PART if done else Completion.NONE
