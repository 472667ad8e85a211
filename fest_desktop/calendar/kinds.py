"""The kinds of activity on the festival's calendar, named once, each with the school's word for it
and its colour."""

from __future__ import annotations

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
