"""定稿: freezing an award list with the fingerprint of its awards, and reopening it with a reason."""

from __future__ import annotations

from collections.abc import Iterable

from fest_desktop.awards import level_rules
from fest_desktop.awards.lists import (
    AwardInfo,
    NoticeInfo,
    _notice,
    _refuse_if_final,
    award_lists,
    list_awards,
)
from fest_desktop.awards.log import _log, _now
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import AwardNotice


def fingerprint_lines(awards: Iterable[AwardInfo]) -> list[str]:
    return [f"{a.subject}|{a.award_name}|{a.group}" for a in awards if a.level]


def finalise(db: Database, festival_id: int, list_key: str, *, station: str = "") -> NoticeInfo:
    """Freeze a list (定稿): no rule run or hand change touches it until it is reopened, and its notice
    carries the fingerprint of its awards now."""
    awards = list_awards(db, festival_id, list_key, include_withdrawn=False)
    title = _list_title(db, festival_id, list_key)
    if not awards:
        raise ValidationError(f"「{title}」还没有获奖者，不能定稿。请先按规则评奖。")
    code = level_rules.fingerprint(fingerprint_lines(awards))
    with db.session() as session:
        _refuse_if_final(session, festival_id, list_key)
        finalised_at = _now()
        session.add(
            AwardNotice(
                festival_id=festival_id, list_key=list_key, fingerprint=code, finalised_at=finalised_at
            )
        )
        _log(session, festival_id, "finalise", title, new=code, station=station)
    return NoticeInfo(list_key, code, finalised_at)


def reopen(db: Database, festival_id: int, list_key: str, reason: str, *, station: str = "") -> None:
    """Undo 定稿 with a reason (logged); certificates already printed keep their numbers."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明撤销定稿的原因，它会记入修改记录。")
    title = _list_title(db, festival_id, list_key)
    with db.session() as session:
        notice = _notice(session, festival_id, list_key)
        if notice is None:
            raise ValidationError(f"「{title}」还没有定稿。")
        _log(
            session, festival_id, "unfinalise", title, old=notice.fingerprint, reason=reason, station=station
        )
        session.delete(notice)


def _list_title(db: Database, festival_id: int, list_key: str) -> str:
    for award_list in award_lists(db, festival_id):
        if award_list.key == list_key:
            return award_list.title
    raise NotFoundError("这份获奖名单已不存在。")


def current_fingerprint(db: Database, festival_id: int, list_key: str) -> str:
    """The fingerprint the list's awards have now: differs from the finalised one when it changed."""
    return level_rules.fingerprint(
        fingerprint_lines(list_awards(db, festival_id, list_key, include_withdrawn=False))
    )
