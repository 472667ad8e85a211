"""Awards changed by hand, with the reason the log keeps, and the 推荐 mark on entries (what a recommended
work obtained above the school is in higher.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.higher import has_higher_results
from fest_desktop.awards.kinds import SHORTLIST_LEVEL, AwardAction, AwardKind, list_key_of
from fest_desktop.awards.levels import is_shortlist, levels_for
from fest_desktop.awards.lists import AwardInfo, award_infos, refuse_if_final
from fest_desktop.awards.log import log_award_change
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.registration.entries import entry_row
from fest_desktop.scoring.sheet import sheet_of
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Award, Competition, Entry
from fest_desktop.values import clean_text


def _award_row(session: Session, award_id: int) -> Award:
    return fetch(session, Award, award_id, "这项奖已被删除（可能在另一个窗口重新评了奖）。")


def change_award(
    db: Database, award_id: int, level: str, reason: str, *, station: str = ""
) -> Done[AwardInfo]:
    """Set an award's level by hand ("" withdraws it) with the reason, which the log keeps; the rules
    will not change it again until it is reverted."""
    with db.session() as session:
        return Done(_change(session, _award_row(session, award_id), level, reason, station), Changed.AWARDS)


def _change(session: Session, row: Award, level: str, reason: str, station: str) -> AwardInfo:
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明调整的原因，它会记入修改记录。")
    refuse_if_final(session, row.festival_id, list_key_of(row.kind, row.competition_id))
    _check_level(session, row.festival_id, row.kind, level, row.competition_id)
    info = award_infos(session, row.festival_id, [row])[0]
    log_award_change(
        session,
        row.festival_id,
        AwardAction.MANUAL,
        info.subject,
        award_id=row.id,
        old=row.level,
        new=level,
        reason=reason,
        station=station,
    )
    row.level, row.manual, row.reason = level, True, reason
    session.flush()
    return award_infos(session, row.festival_id, [row])[0]


def _check_level(
    session: Session, festival_id: int, kind: AwardKind, level: str, competition_id: int | None
) -> None:
    allowed = levels_for(session, festival_id, kind, competition_id)
    if level and level not in allowed:
        raise ValidationError(f"没有「{level}」这个奖项等级。可选：{'、'.join(allowed)}")


def award_entry(
    db: Database, entry_id: int, level: str, reason: str, *, station: str = ""
) -> Done[AwardInfo]:
    """Give an entry an award by hand (or change the one it has), with the reason; a refused change
    leaves nothing behind, as it is one transaction."""
    with db.session() as session:
        entry = entry_row(session, entry_id)
        row = session.scalar(select(Award).where(Award.kind == AwardKind.ENTRY, Award.entry_id == entry_id))
        if row is None:
            row = Award(
                festival_id=entry.festival_id,
                kind=AwardKind.ENTRY,
                competition_id=entry.competition_id,
                entry_id=entry.id,
                level="",
                auto_level="",
                manual=True,
            )
            session.add(row)
            session.flush()
        return Done(_change(session, row, level, reason, station), Changed.AWARDS)


def find_entry_award_target(db: Database, festival_id: int, code: str) -> int:
    """The id of the entry numbered code (XZ-0012)."""
    with db.session() as session:
        entry_id = session.scalar(
            select(Entry.id).where(Entry.festival_id == festival_id, Entry.code == clean_text(code).upper())
        )
    if entry_id is None:
        raise NotFoundError(f"没有编号为「{code}」的作品。")
    return entry_id


def entry_levels(db: Database, entry_id: int) -> tuple[str, list[str]]:
    """The entry as the log names it, and the levels it may be given by hand (入选 in a 初评)."""
    with db.session() as session:
        entry = entry_row(session, entry_id)
        competition = session.get(Competition, entry.competition_id)
        subject = f"{competition.name if competition else ''} {entry.code} {entry.title}".strip()
        return subject, levels_for(session, entry.festival_id, AwardKind.ENTRY, entry.competition_id)


def revert_award(db: Database, award_id: int, *, station: str = "") -> Done[None]:
    """Undo the manual change: the award goes back to what the rules gave (and goes if they gave none)."""
    with db.session() as session:
        row = _award_row(session, award_id)
        refuse_if_final(session, row.festival_id, list_key_of(row.kind, row.competition_id))
        if not row.manual:
            return Done(None, Changed.AWARDS)
        info = award_infos(session, row.festival_id, [row])[0]
        log_award_change(
            session,
            row.festival_id,
            AwardAction.REVERT,
            info.subject,
            award_id=row.id,
            old=row.level,
            new=row.auto_level,
            station=station,
        )
        if row.auto_level:
            row.level, row.manual, row.reason = row.auto_level, False, ""
        else:
            session.delete(row)
    return Done(None, Changed.AWARDS)


def set_recommended(db: Database, entry_id: int, recommended: bool, *, station: str = "") -> Done[None]:
    """Mark an entry 推荐参加上级比赛 (or take the mark off); logged."""
    with db.session() as session:
        entry = entry_row(session, entry_id)
        if entry.recommended == recommended:
            return Done(None, Changed.AWARDS | Changed.ENTRIES)
        competition = session.get(Competition, entry.competition_id)
        name = competition.name if competition else ""
        if recommended:
            _refuse_unjudged(session, entry, name)
        reached = has_higher_results(session, entry.id) if not recommended else ""
        if reached:
            raise ValidationError(
                f"作品 {entry.code} 已记录「{reached}」的结果，请先清除上级比赛结果再取消推荐。"
            )
        entry.recommended = recommended
        subject = f"{name} {entry.code}"
        log_award_change(
            session,
            entry.festival_id,
            AwardAction.RECOMMEND,
            subject,
            old="推荐" if not recommended else "",
            new="推荐" if recommended else "取消推荐",
            station=station,
        )
    return Done(None, Changed.AWARDS | Changed.ENTRIES)


def _refuse_unjudged(session: Session, entry: Entry, competition_name: str) -> None:
    """Only a judged work is recommended: in a 初评 one selected (入选), elsewhere one with a result
    (every judge's score or its attempts) or an award."""
    level = session.scalar(
        select(Award.level).where(Award.kind == AwardKind.ENTRY, Award.entry_id == entry.id)
    )
    if is_shortlist(session, entry.competition_id):
        if level != SHORTLIST_LEVEL:
            raise ValidationError(
                f"「{competition_name}」是初评：作品 {entry.code} 还没有{SHORTLIST_LEVEL}，"
                f"请先选为{SHORTLIST_LEVEL}，再推荐。"
            )
        return
    if level:
        return
    result = next(
        (r for r in sheet_of(session, entry.competition_id).results() if r.entry.id == entry.id), None
    )
    if result is None or not result.complete or result.final is None:
        raise ValidationError(
            f"作品 {entry.code} 在「{competition_name}」还没有评完（没有成绩），不能推荐参加上级比赛。请先评审。"
        )
