"""定稿: freezing an award list with the fingerprint of its awards, and reopening it with a reason."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from fest_desktop.awards import level_rules
from fest_desktop.awards.kinds import ADVISOR_LIST, CLASS_LIST, ORGANISATION_LIST, AwardAction
from fest_desktop.awards.lists import (
    AwardInfo,
    NoticeInfo,
    award_lists_of,
    awards_of,
    notice_row,
    notices_of,
    refuse_if_final,
)
from fest_desktop.awards.log import log_award_change, now
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import AwardNotice


def fingerprint_lines(awards: Iterable[AwardInfo]) -> list[str]:
    return [f"{a.subject}|{a.award_name}|{a.group}" for a in awards if a.level]


def finalise(db: Database, festival_id: int, list_key: str, *, station: str = "") -> NoticeInfo:
    """Freeze a list (定稿): no rule run or hand change touches it until it is reopened, and its notice
    carries the fingerprint of its awards now, computed in the same transaction."""
    with db.session() as session:
        title = _list_title(session, festival_id, list_key)
        refuse_if_final(session, festival_id, list_key)
        waiting = unfinalised_sources(session, festival_id, list_key)
        if waiting:
            raise ValidationError(
                f"「{title}」依据各比赛项目的获奖结果：请先把{'、'.join(f'「{name}」' for name in waiting)}定稿，"
                f"再定稿「{title}」。"
            )
        awards = awards_of(session, festival_id, list_key, include_withdrawn=False)
        if not awards:
            raise ValidationError(f"「{title}」还没有获奖者，不能定稿。请先按规则评奖。")
        code = level_rules.fingerprint(fingerprint_lines(awards))
        finalised_at = now()
        session.add(
            AwardNotice(
                festival_id=festival_id, list_key=list_key, fingerprint=code, finalised_at=finalised_at
            )
        )
        log_award_change(session, festival_id, AwardAction.FINALISE, title, new=code, station=station)
        return NoticeInfo(list_key, code, finalised_at)


def waiting_for(db: Database, festival_id: int, list_key: str) -> list[str]:
    """unfinalised_sources in its own transaction, for a screen to say the list is provisional."""
    with db.session() as session:
        return unfinalised_sources(session, festival_id, list_key)


# The lists computed from every competition's awards: provisional until those are finalised.
FESTIVAL_WIDE_LISTS = (CLASS_LIST, ORGANISATION_LIST, ADVISOR_LIST)


def unfinalised_sources(session: Session, festival_id: int, list_key: str) -> list[str]:
    """The competitions a festival-wide list (集体奖, 优秀组织奖, 科技辅导员奖) is computed from that are
    not finalised yet, by name: until they are, that list is provisional and cannot be finalised."""
    return unfinalised_competitions(session, festival_id) if list_key in FESTIVAL_WIDE_LISTS else []


def unfinalised_competitions(session: Session, festival_id: int) -> list[str]:
    """The competitions with awards whose list is not finalised yet, by name."""
    final = notices_of(session, festival_id)
    with_awards = {award.list_key for award in awards_of(session, festival_id, include_withdrawn=False)}
    return [
        award_list.title
        for award_list in award_lists_of(session, festival_id)
        if award_list.competition_id is not None
        and award_list.key in with_awards
        and award_list.key not in final
    ]


def reopen(db: Database, festival_id: int, list_key: str, reason: str, *, station: str = "") -> None:
    """Undo 定稿 with a reason (logged); certificates already printed keep their numbers."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明撤销定稿的原因，它会记入修改记录。")
    with db.session() as session:
        title = _list_title(session, festival_id, list_key)
        notice = notice_row(session, festival_id, list_key)
        if notice is None:
            raise ValidationError(f"「{title}」还没有定稿。")
        log_award_change(
            session,
            festival_id,
            AwardAction.UNFINALISE,
            title,
            old=notice.fingerprint,
            reason=reason,
            station=station,
        )
        session.delete(notice)


def _list_title(session: Session, festival_id: int, list_key: str) -> str:
    for award_list in award_lists_of(session, festival_id):
        if award_list.key == list_key:
            return award_list.title
    raise NotFoundError("这份获奖名单已不存在。")


def current_fingerprint(db: Database, festival_id: int, list_key: str) -> str:
    """The fingerprint the list's awards have now: differs from the finalised one when it changed."""
    with db.session() as session:
        return level_rules.fingerprint(
            fingerprint_lines(awards_of(session, festival_id, list_key, include_withdrawn=False))
        )
