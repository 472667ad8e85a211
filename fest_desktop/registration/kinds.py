"""The vocabulary of registration, named once: how a competition is entered, judged and ranked, the
kinds of criterion, where an entry stands, and how a class stands against a quota."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class Participation(StrEnum):
    """Who enters: a pupil, a team of pupils, a class as a whole, or a teacher (经验论文评比, 科技活动方案),
    whose work belongs to no class."""

    INDIVIDUAL = "individual"
    TEAM = "team"
    CLASS = "class"
    TEACHER = "teacher"

    @property
    def label(self) -> str:
        match self:
            case Participation.INDIVIDUAL:
                return "个人"
            case Participation.TEAM:
                return "团队"
            case Participation.CLASS:
                return "班级集体"
            case Participation.TEACHER:
                return "教师"
        assert_never(self)


class Judging(StrEnum):
    RUBRIC = "rubric"
    MEASURED = "measured"
    NONE = "none"

    @property
    def label(self) -> str:
        match self:
            case Judging.RUBRIC:
                return "评委评分"
            case Judging.MEASURED:
                return "测量成绩"
            case Judging.NONE:
                return "不评分"
        assert_never(self)


class Outcome(StrEnum):
    """What judging a competition gives: levels of prizes, or a 初评 that selects works (入选) from
    which the school recommends some to the higher level."""

    PRIZES = "prizes"
    SHORTLIST = "shortlist"

    @property
    def label(self) -> str:
        match self:
            case Outcome.PRIZES:
                return "评出等级奖"
            case Outcome.SHORTLIST:
                return "初评：选出入选作品，再推荐参加上级比赛"
        assert_never(self)


class Combine(StrEnum):
    """How the judges' totals make the final score."""

    MEAN = "mean"
    TRIMMED = "trimmed"

    @property
    def label(self) -> str:
        match self:
            case Combine.MEAN:
                return "取平均分"
            case Combine.TRIMMED:
                return "去掉一个最高分和一个最低分后取平均"
        assert_never(self)


class RankingGroup(StrEnum):
    """Within what entries are ranked (and awards given)."""

    GRADE = "grade"
    SECTION = "section"
    SCHOOL = "school"

    @property
    def label(self) -> str:
        match self:
            case RankingGroup.GRADE:
                return "按年级"
            case RankingGroup.SECTION:
                return "按学部"
            case RankingGroup.SCHOOL:
                return "全校"
        assert_never(self)


class CriterionKind(StrEnum):
    """A criterion scored up to its maximum, or a deduction item (扣分项) whose maximum is its cap."""

    SCORE = "score"
    DEDUCTION = "deduction"

    @property
    def label(self) -> str:
        match self:
            case CriterionKind.SCORE:
                return "评分项"
            case CriterionKind.DEDUCTION:
                return "扣分项"
        assert_never(self)


class EntryStatus(StrEnum):
    REGISTERED = "registered"
    RECEIVED = "received"
    RETURNED = "returned"
    # A disqualified entry is not scored and no longer takes one of its class's places.
    DISQUALIFIED = "disqualified"

    @property
    def label(self) -> str:
        match self:
            case EntryStatus.REGISTERED:
                return "已报名"
            case EntryStatus.RECEIVED:
                return "已收到"
            case EntryStatus.RETURNED:
                return "退回"
            case EntryStatus.DISQUALIFIED:
                return "取消资格"
        assert_never(self)


class QuotaState(StrEnum):
    """How a class stands against a competition's quota."""

    INELIGIBLE = "ineligible"
    MISSING = "missing"  # none yet, some required
    UNDER = "under"  # fewer than the minimum
    COMPLETE = "complete"  # within the quota, or any number where none is set
    OVER = "over"  # more than the maximum

    @property
    def short_of(self) -> bool:
        return self in (QuotaState.MISSING, QuotaState.UNDER)


WINDOW_WORD = "制作与检查"


def deadline_word(participation: str, judging: str, *, windowed: bool = False) -> str:
    """What a competition's deadline is called, for what happens on it: a class's board made and
    inspected in its window (制作与检查) or finished (完成截止), a quiz team named (报名截止), works
    handed in (交稿截止)."""
    if windowed:
        return WINDOW_WORD
    if participation == Participation.CLASS:
        return "完成截止"
    if participation == Participation.TEAM and judging == Judging.MEASURED:
        return "报名截止"
    return "交稿截止"
