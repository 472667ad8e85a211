"""The vocabulary of awards, named once: kinds of award (each also names its list, 定稿 as one), how a
level's places are counted, the 科技辅导员奖 rule, and the log's actions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import assert_never

ORGANISATION_LEVEL = "优秀组织奖"
# The level the plans give the judged works left without a prize (个人优秀奖若干名).
MERIT_LEVEL = "优秀奖"
# The one level of a competition judged as a 初评: the work is selected, and may then be 推荐.
SHORTLIST_LEVEL = "入选"
ADVISOR_TITLE = "科技辅导员奖"


class AwardKind(StrEnum):
    """Whose award: an entry's, a class's collective award, a class's 优秀组织奖, an advisor's."""

    ENTRY = "entry"
    CLASS = "class"
    ORGANISATION = "organisation"
    ADVISOR = "advisor"

    @property
    def label(self) -> str:
        match self:
            case AwardKind.ENTRY:
                return "作品奖"
            case AwardKind.CLASS:
                return "集体奖"
            case AwardKind.ORGANISATION:
                return ORGANISATION_LEVEL
            case AwardKind.ADVISOR:
                return ADVISOR_TITLE
        assert_never(self)


class RuleMode(StrEnum):
    """How a level's places are counted: a number of places, a share of the group, or every judged
    entry the levels above left without a prize (个人优秀奖若干名)."""

    COUNT = "count"
    PERCENT = "percent"
    REST = "rest"

    @property
    def label(self) -> str:
        match self:
            case RuleMode.COUNT:
                return "名额"
            case RuleMode.PERCENT:
                return "比例（%）"
            case RuleMode.REST:
                return "其余评过的全部"
        assert_never(self)


class AdvisorRule(StrEnum):
    """How many 科技辅导员奖 a teacher may receive."""

    PER_COMPETITION = "competition"
    PER_TEACHER = "festival"
    NONE = "none"

    @property
    def label(self) -> str:
        match self:
            case AdvisorRule.PER_COMPETITION:
                return "每位老师每个比赛项目一项"
            case AdvisorRule.PER_TEACHER:
                return "每位老师一项（取最好）"
            case AdvisorRule.NONE:
                return "不设"
        assert_never(self)


class PointSource(StrEnum):
    """Where a class's 班级考核 points come from besides its prizes ("凡上交作品…作为班级考核内容之一").
    A new source is a member here and its count in awards.point_sources."""

    WORKS = "works"
    QUOTAS = "quotas"

    @property
    def label(self) -> str:
        match self:
            case PointSource.WORKS:
                return "上交作品"
            case PointSource.QUOTAS:
                return "完成名额"
        assert_never(self)

    @property
    def per(self) -> str:
        """What one point step counts, for the rules dialog: 每件（期、队）已收到的作品."""
        match self:
            case PointSource.WORKS:
                return "每件（期、队）已收到的作品"
            case PointSource.QUOTAS:
                return "每个报满名额的比赛项目"
        assert_never(self)


class AwardAction(StrEnum):
    """What a line of the award log records."""

    RULES = "rules"
    MANUAL = "manual"
    REVERT = "revert"
    RECOMMEND = "recommend"
    HIGHER_RESULT = "higher"
    FINALISE = "finalise"
    UNFINALISE = "unfinalise"
    CONFIRM = "confirm"

    @property
    def label(self) -> str:
        match self:
            case AwardAction.RULES:
                return "按规则评奖"
            case AwardAction.MANUAL:
                return "手动调整"
            case AwardAction.REVERT:
                return "恢复规则结果"
            case AwardAction.RECOMMEND:
                return "推荐"
            case AwardAction.HIGHER_RESULT:
                return "上级比赛结果"
            case AwardAction.FINALISE:
                return "定稿"
            case AwardAction.UNFINALISE:
                return "撤销定稿"
            case AwardAction.CONFIRM:
                return "确认特殊情况"
        assert_never(self)


@dataclass(frozen=True)
class ListKey:
    """Which award list (the unit of 定稿) an award belongs to: a competition's (kind ENTRY with its
    competition), or the one list of a kind other than an entry's (advisor awards of every competition
    share one). Stored as "c:<competition id>" or the kind's value."""

    kind: AwardKind
    competition_id: int | None = None

    def __post_init__(self) -> None:
        if (self.kind == AwardKind.ENTRY) != (self.competition_id is not None):
            raise ValueError(f"award list key {self.kind}/{self.competition_id}")

    def __str__(self) -> str:
        return f"c:{self.competition_id}" if self.kind == AwardKind.ENTRY else self.kind.value

    @classmethod
    def parse(cls, text: str) -> ListKey:
        """The key a stored text names; ValueError for a text no list has."""
        scope, colon, number = text.partition(":")
        if colon:
            if scope != "c" or not number.isdigit():
                raise ValueError(f"award list key {text!r}")
            return cls(AwardKind.ENTRY, int(number))
        return cls(AwardKind(text))


CLASS_LIST = ListKey(AwardKind.CLASS)
ORGANISATION_LIST = ListKey(AwardKind.ORGANISATION)
ADVISOR_LIST = ListKey(AwardKind.ADVISOR)


def competition_list_key(competition_id: int) -> ListKey:
    return ListKey(AwardKind.ENTRY, competition_id)


def list_key_of(kind: AwardKind, competition_id: int | None) -> ListKey:
    """Which award list an award belongs to: its competition's for an entry award (advisor awards of
    every competition share one list)."""
    return ListKey(kind, competition_id if kind == AwardKind.ENTRY else None)


@dataclass(frozen=True)
class CollectiveBasis:
    """What the collective awards rank classes by: the 班级考核 points of all their awards
    (competition_id None), or their final in one competition (the board). Stored as "points" or
    "competition:<id>"."""

    competition_id: int | None = None

    def __str__(self) -> str:
        return "points" if self.competition_id is None else f"competition:{self.competition_id}"

    @classmethod
    def parse(cls, text: str) -> CollectiveBasis:
        kind, _, number = text.partition(":")
        if kind == "competition" and number.isdigit():
            return cls(int(number))
        if text == "points":
            return cls()
        raise ValueError(f"collective basis {text!r}")


BY_POINTS = CollectiveBasis()
