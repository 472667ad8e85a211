"""Award levels (一等奖 …) with their 班级考核 points, and the festival-wide award settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import (
    BY_POINTS,
    ORGANISATION_LEVEL,
    SHORTLIST_LEVEL,
    AdvisorRule,
    AwardKind,
    CollectiveBasis,
)
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.kinds import Outcome
from fest_desktop.school.festivals import festival_row
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Award, AwardLevel, AwardRule, Competition, Festival
from fest_desktop.values import clean_text

DEFAULT_LEVELS = (("一等奖", 5.0), ("二等奖", 3.0), ("三等奖", 2.0), ("优秀奖", 1.0))


@dataclass(frozen=True)
class LevelInfo:
    name: str
    points: float


def levels_of(session: Session, festival_id: int) -> list[LevelInfo]:
    rows = session.scalars(
        select(AwardLevel).where(AwardLevel.festival_id == festival_id).order_by(AwardLevel.position)
    ).all()
    if not rows:
        return [LevelInfo(name, points) for name, points in DEFAULT_LEVELS]
    return [LevelInfo(row.name, row.points) for row in rows]


def is_shortlist(session: Session, competition_id: int | None) -> bool:
    """Whether the competition is judged as a 初评 shortlist rather than by prizes."""
    if competition_id is None:
        return False
    competition = session.get(Competition, competition_id)
    return competition is not None and competition.outcome == Outcome.SHORTLIST


def levels_for(
    session: Session, festival_id: int, kind: AwardKind, competition_id: int | None = None
) -> list[str]:
    """The levels an award of that kind may have: the 优秀组织奖 is its own level, a 初评's works are
    only 入选, every other kind takes the festival's levels."""
    if kind == AwardKind.ORGANISATION:
        return [ORGANISATION_LEVEL]
    if kind == AwardKind.ENTRY and is_shortlist(session, competition_id):
        return [SHORTLIST_LEVEL]
    return [level.name for level in levels_of(session, festival_id)]


def allowed_levels(
    db: Database, festival_id: int, kind: AwardKind, competition_id: int | None = None
) -> list[str]:
    """levels_for, for the window's choice of a level by hand."""
    with db.session() as session:
        return levels_for(session, festival_id, kind, competition_id)


def award_levels(db: Database, festival_id: int) -> list[LevelInfo]:
    """The festival's award levels, best first, with their 班级考核 points."""
    with db.session() as session:
        return levels_of(session, festival_id)


def set_award_levels(db: Database, festival_id: int, levels: Sequence[LevelInfo]) -> Done[list[LevelInfo]]:
    """Replace the levels; a level still named by a rule or an award cannot be removed."""
    with db.session() as session:
        return Done(levels_in(session, festival_id, levels), Changed.AWARDS)


def levels_in(session: Session, festival_id: int, levels: Sequence[LevelInfo]) -> list[LevelInfo]:
    """set_award_levels within a session."""
    cleaned = [LevelInfo(clean_text(level.name), float(level.points)) for level in levels]
    names = [level.name for level in cleaned]
    if not cleaned:
        raise ValidationError("至少要有一个奖项等级。")
    if any(not name for name in names):
        raise ValidationError("奖项名称不能为空。")
    if len(set(names)) != len(names):
        raise ValidationError("奖项名称不能重复。")
    if ORGANISATION_LEVEL in names:
        raise ValidationError(f"「{ORGANISATION_LEVEL}」是单独的奖项，不必列为等级。")
    if any(level.points < 0 for level in cleaned):
        raise ValidationError("考核分不能为负数。")
    used = set(
        session.scalars(
            select(AwardRule.level).where(
                AwardRule.festival_id == festival_id, AwardRule.scope != AwardKind.ORGANISATION
            )
        )
    ) | set(
        session.scalars(
            select(Award.level).where(Award.festival_id == festival_id, Award.kind != AwardKind.ORGANISATION)
        )
    )
    dropped = sorted(used - set(names) - {""})
    if dropped:
        raise ValidationError(f"「{'、'.join(dropped)}」还在评奖规则或获奖名单中使用，不能删除。")
    session.execute(delete(AwardLevel).where(AwardLevel.festival_id == festival_id))
    for position, level in enumerate(cleaned):
        session.add(
            AwardLevel(festival_id=festival_id, name=level.name, points=level.points, position=position)
        )
    return cleaned


@dataclass(frozen=True)
class AwardSettings:
    """The festival-wide award settings: what collective awards rank by, the 优秀组织奖 and
    科技辅导员奖 rules, the certificates' date and their numbering."""

    collective_basis: CollectiveBasis = BY_POINTS
    organisation_min_share: int = 60
    advisor_rule: AdvisorRule = AdvisorRule.PER_TEACHER
    advisor_min_level: str = ""
    certificate_prefix: str = "KJJ{年}-"
    certificate_digits: int = 4
    award_date: dt.date | None = None
    share_keeps_one_place: bool = True

    @property
    def basis_competition_id(self) -> int | None:
        return self.collective_basis.competition_id


def settings_of(festival: Festival) -> AwardSettings:
    return AwardSettings(
        festival.collective_basis,
        festival.organisation_min_share,
        festival.advisor_rule,
        festival.advisor_min_level,
        festival.certificate_prefix,
        festival.certificate_digits,
        festival.award_date,
        festival.share_keeps_one_place,
    )


def award_settings(db: Database, festival_id: int) -> AwardSettings:
    with db.session() as session:
        return settings_of(festival_row(session, festival_id))


def update_award_settings(db: Database, festival_id: int, settings: AwardSettings) -> Done[AwardSettings]:
    """Store the settings after checking each: a basis competition of this festival, a share between
    0 and 100, a known advisor rule and level, a prefix and 1–8 digits."""
    with db.session() as session:
        return Done(settings_in(session, festival_id, settings), Changed.AWARDS)


def settings_in(session: Session, festival_id: int, settings: AwardSettings) -> AwardSettings:
    """update_award_settings within a session."""
    if not 0 <= settings.organisation_min_share <= 100:
        raise ValidationError("优秀组织奖的参与率要在 0 到 100 之间。")
    if settings.advisor_rule not in AdvisorRule.__members__.values():
        raise ValidationError(f"未知的科技辅导员奖规则「{settings.advisor_rule}」。")
    if not 1 <= settings.certificate_digits <= 8:
        raise ValidationError("证书编号的序号位数要在 1 到 8 之间。")
    prefix = clean_text(settings.certificate_prefix)
    if len(prefix) > 30:
        raise ValidationError("证书编号前缀最多 30 个字符。")
    festival = festival_row(session, festival_id)
    basis = settings.basis_competition_id
    if basis is not None and session.get(Competition, basis) is None:
        raise ValidationError("集体奖依据的比赛项目不存在。")
    levels = [level.name for level in levels_of(session, festival_id)]
    if settings.advisor_min_level and settings.advisor_min_level not in levels:
        raise ValidationError(f"没有「{settings.advisor_min_level}」这个奖项等级。")
    festival.collective_basis = settings.collective_basis
    festival.organisation_min_share = settings.organisation_min_share
    festival.advisor_rule = settings.advisor_rule
    festival.advisor_min_level = settings.advisor_min_level
    festival.share_keeps_one_place = settings.share_keeps_one_place
    festival.certificate_prefix = prefix
    festival.certificate_digits = settings.certificate_digits
    festival.award_date = settings.award_date
    return settings_of(festival)
