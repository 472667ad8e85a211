"""定稿: freezing an award list with the fingerprint of its awards, and reopening it with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from fest_desktop.awards import level_rules
from fest_desktop.awards.kinds import (
    ADVISOR_LIST,
    CLASS_LIST,
    ORGANISATION_LIST,
    AwardAction,
    ListKey,
    competition_list_key,
)
from fest_desktop.awards.levels import settings_of
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
from fest_desktop.awards.surprises import surprises_in
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.registration.competitions import competition_row, competitions_of
from fest_desktop.registration.kinds import Outcome
from fest_desktop.school.festivals import festival_row
from fest_desktop.scoring.opening import judging_refusal, open_early_in
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import AwardNotice


def fingerprint_lines(awards: Iterable[AwardInfo]) -> list[str]:
    return [f"{a.subject}|{a.award_name}|{a.group}" for a in awards if a.level]


class SurprisesToConfirm(ValidationError):
    """定稿 waits for the teacher to confirm what the rules did that a teacher would not expect."""

    def __init__(self, title: str, surprises: Sequence[str]) -> None:
        lines = "\n".join(f"· {line}" for line in surprises)
        super().__init__(
            f"「{title}」定稿前请先确认：\n{lines}\n如需调整，请改评奖规则或手动调整奖项；确认无误再定稿。"
        )
        self.surprises = list(surprises)


def finalise(
    db: Database,
    festival_id: int,
    list_key: ListKey,
    *,
    station: str = "",
    confirmed: bool = False,
    open_early: bool = False,
    today: dt.date | None = None,
) -> Done[NoticeInfo]:
    """Freeze a list (定稿): no rule run or hand change touches it until it is reopened, and its notice
    carries the fingerprint of its awards now, computed in the same transaction. Refused before the
    competition's judging opens (unless open_early opens it, logged), while a list it counts is not
    finalised, and, until confirmed (logged), while the rules gave a surprise (surprises_in)."""
    with db.session() as session:
        title = _list_title(session, festival_id, list_key)
        refuse_if_final(session, festival_id, list_key)
        competition_id = competition_of_list(session, festival_id, list_key)
        if competition_id is not None:
            row = competition_row(session, competition_id)
            if open_early and judging_refusal(row, today):
                open_early_in(session, row, station)
            refusal = judging_refusal(row, today, "定稿")
            if refusal:
                raise ValidationError(refusal)
        waiting = unfinalised_sources(session, festival_id, list_key)
        if waiting:
            raise ValidationError(
                f"「{title}」依据各比赛项目的获奖结果，还有 {len(waiting)} 个比赛项目未定稿："
                f"{'、'.join(waiting)}。请先把它们评完并定稿，再定稿「{title}」。"
            )
        awards = awards_of(session, festival_id, list_key, include_withdrawn=False)
        if not awards:
            raise ValidationError(f"「{title}」还没有获奖者，不能定稿。请先按规则评奖。")
        found = surprises_in(session, festival_id, list_key)
        if found and not confirmed:
            raise SurprisesToConfirm(title, found)
        if found:
            log_award_change(
                session,
                festival_id,
                AwardAction.CONFIRM,
                title,
                new="已确认",
                reason="；".join(found),
                station=station,
            )
        code = level_rules.fingerprint(fingerprint_lines(awards))
        finalised_at = now()
        session.add(
            AwardNotice(
                festival_id=festival_id, list_key=list_key, fingerprint=code, finalised_at=finalised_at
            )
        )
        log_award_change(session, festival_id, AwardAction.FINALISE, title, new=code, station=station)
        return Done(NoticeInfo(list_key, code, finalised_at), Changed.AWARDS)


def competition_of_list(session: Session, festival_id: int, list_key: ListKey) -> int | None:
    """The competition whose list it is; None for a festival-wide list."""
    for award_list in award_lists_of(session, festival_id):
        if award_list.key == list_key:
            return award_list.competition_id
    return None


def waiting_for(db: Database, festival_id: int, list_key: ListKey) -> list[str]:
    """unfinalised_sources in its own transaction, for a screen to say the list is provisional."""
    with db.session() as session:
        return unfinalised_sources(session, festival_id, list_key)


def surprises(db: Database, festival_id: int, list_key: ListKey) -> list[str]:
    """What 定稿 of the list will ask the teacher to confirm (surprises_in), to show before asking."""
    with db.session() as session:
        return surprises_in(session, festival_id, list_key)


# The lists computed from every competition's awards: provisional until those are finalised.
FESTIVAL_WIDE_LISTS = (CLASS_LIST, ORGANISATION_LIST, ADVISOR_LIST)


def unfinalised_sources(session: Session, festival_id: int, list_key: ListKey) -> list[str]:
    """The competitions a festival-wide list (集体奖, 优秀组织奖, 科技辅导员奖) counts that are not
    finalised yet, by name, those with no award yet included: until they are, that list is provisional
    and cannot be finalised. The 集体奖 ranked by one competition's finals counts that one only."""
    if list_key not in FESTIVAL_WIDE_LISTS:
        return []
    final = notices_of(session, festival_id)
    basis = settings_of(festival_row(session, festival_id)).basis_competition_id
    counted = [
        competition
        for competition in competitions_of(session, festival_id)
        # A 初评's 入选 earns no points nor 辅导员奖; a competition nobody entered has nothing to wait for.
        if competition.outcome == Outcome.PRIZES and competition.entry_count
    ]
    if list_key == CLASS_LIST and basis is not None:
        counted = [competition for competition in counted if competition.id == basis]
    return [c.name for c in counted if competition_list_key(c.id) not in final]


def reopen(
    db: Database, festival_id: int, list_key: ListKey, reason: str, *, station: str = ""
) -> Done[None]:
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
    return Done(None, Changed.AWARDS)


def _list_title(session: Session, festival_id: int, list_key: ListKey) -> str:
    for award_list in award_lists_of(session, festival_id):
        if award_list.key == list_key:
            return award_list.title
    raise NotFoundError("这份获奖名单已不存在。")


def current_fingerprint(db: Database, festival_id: int, list_key: ListKey) -> str:
    """The fingerprint the list's awards have now: differs from the finalised one when it changed."""
    with db.session() as session:
        return level_rules.fingerprint(
            fingerprint_lines(awards_of(session, festival_id, list_key, include_withdrawn=False))
        )
