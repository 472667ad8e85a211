"""The vocabulary of the festival's calendar, named once: the kinds of activity, each with the school's
word for it and its colour, and who an activity is for (a section, a grade, a class)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import assert_never

from fest_desktop.errors import ValidationError


class EventKind(StrEnum):
    PUBLICITY = "publicity"
    LECTURE = "lecture"
    FILM = "film"
    READING = "reading"
    VISIT = "visit"
    CONTEST = "contest"
    EXHIBITION = "exhibition"
    JUDGING = "judging"
    MEETING = "meeting"
    CEREMONY = "ceremony"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self._look()[0]

    @property
    def colour(self) -> str:
        return self._look()[1]

    def _look(self) -> tuple[str, str]:
        match self:
            case EventKind.PUBLICITY:
                return "宣传", "#e67e22"
            case EventKind.LECTURE:
                return "讲座", "#2e86de"
            case EventKind.FILM:
                return "影片", "#8e44ad"
            case EventKind.READING:
                return "读书", "#16a085"
            case EventKind.VISIT:
                return "参观", "#27ae60"
            case EventKind.CONTEST:
                return "比赛", "#c0392b"
            case EventKind.EXHIBITION:
                return "展览", "#d4ac0d"
            case EventKind.JUDGING:
                return "评审", "#e84393"
            case EventKind.MEETING:
                return "班会", "#34495e"
            case EventKind.CEREMONY:
                return "典礼", "#b9770e"
            case EventKind.OTHER:
                return "其他", "#7f8c8d"
        assert_never(self)

    @classmethod
    def named(cls, text: str) -> EventKind:
        """The kind written in Chinese (讲座) or as its code."""
        wanted = text.strip()
        for kind in cls:
            if wanted in (kind.value, kind.label):
                return kind
        raise ValidationError(f"活动类别「{text}」不存在。可选：{'、'.join(kind.label for kind in cls)}")


@dataclass(frozen=True)
class SectionAudience:
    """An event for a whole section of the school (小学, 初中, 高中), by its name."""

    name: str


@dataclass(frozen=True)
class GradeAudience:
    """An event for one grade, by its level (一年级 = 1 … 高三 = 12)."""

    level: int


@dataclass(frozen=True)
class ClassAudience:
    """An event for one class, by its id."""

    class_id: int


# Who an event is for, one part of it; an event for no part is for the whole school.
AudiencePart = SectionAudience | GradeAudience | ClassAudience


def spell_audience(parts: Sequence[AudiencePart]) -> str:
    """How an audience is stored: s:小学, g:3 and c:<class id> joined by commas."""
    spelled = []
    for part in parts:
        match part:
            case SectionAudience(name):
                spelled.append(f"s:{name}")
            case GradeAudience(level):
                spelled.append(f"g:{level}")
            case ClassAudience(class_id):
                spelled.append(f"c:{class_id}")
            case _:
                assert_never(part)
    return ",".join(spelled)


def read_audience(text: str) -> tuple[AudiencePart, ...]:
    """An audience as stored; ValidationError naming a part that is none of the three."""
    parts: list[AudiencePart] = []
    for token in filter(None, text.split(",")):
        scope, _, value = token.partition(":")
        if scope == "s" and value:
            parts.append(SectionAudience(value))
        elif scope == "g" and value.isdigit() and 1 <= int(value) <= 12:
            parts.append(GradeAudience(int(value)))
        elif scope == "c" and value.isdigit():
            parts.append(ClassAudience(int(value)))
        else:
            raise ValidationError(f"参加对象「{token[:20]}」无法识别。")
    return tuple(parts)
