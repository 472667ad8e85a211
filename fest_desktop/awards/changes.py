"""Awards changed by hand, with the reason the log keeps, and the 推荐 mark on entries."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import ORGANISATION_LEVEL, competition_list_key, list_key_of
from fest_desktop.awards.levels import _levels
from fest_desktop.awards.lists import AwardInfo, _load_awards, _refuse_if_final
from fest_desktop.awards.log import _log
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Award, Competition, Entry
from fest_desktop.values import clean_text


def _award_row(session: Session, award_id: int) -> Award:
    return fetch(session, Award, award_id, "这项奖已被删除（可能在另一个窗口重新评了奖）。")


def change_award(db: Database, award_id: int, level: str, reason: str, *, station: str = "") -> AwardInfo:
    """Set an award's level by hand ("" withdraws it) with the reason, which the log keeps; the rules
    will not change it again until it is reverted."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明调整的原因，它会记入修改记录。")
    with db.session() as session:
        row = _award_row(session, award_id)
        _refuse_if_final(session, row.festival_id, list_key_of(row.kind, row.competition_id))
        _check_level(session, row.festival_id, row.kind, level)
        info = _load_awards(session, row.festival_id, [row])[0]
        _log(
            session,
            row.festival_id,
            "manual",
            info.subject,
            award_id=row.id,
            old=row.level,
            new=level,
            reason=reason,
            station=station,
        )
        row.level, row.manual, row.reason = level, True, reason
        session.flush()
        return _load_awards(session, row.festival_id, [row])[0]


def _check_level(session: Session, festival_id: int, kind: str, level: str) -> None:
    allowed = (
        [ORGANISATION_LEVEL] if kind == "organisation" else [lv.name for lv in _levels(session, festival_id)]
    )
    if level and level not in allowed:
        raise ValidationError(f"没有「{level}」这个奖项等级。可选：{'、'.join(allowed)}")


def award_entry(db: Database, entry_id: int, level: str, reason: str, *, station: str = "") -> AwardInfo:
    """Give an entry an award by hand (or change the one it has), with the reason."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        row = session.scalar(select(Award).where(Award.kind == "entry", Award.entry_id == entry_id))
        if row is None:
            _refuse_if_final(session, entry.festival_id, competition_list_key(entry.competition_id))
            _check_level(session, entry.festival_id, "entry", level)
            row = Award(
                festival_id=entry.festival_id,
                kind="entry",
                competition_id=entry.competition_id,
                entry_id=entry.id,
                level="",
                auto_level="",
                manual=True,
            )
            session.add(row)
            session.flush()
        award_id = row.id
    try:
        return change_award(db, award_id, level, reason, station=station)
    except FestError:
        with db.session() as session:
            created = session.get(Award, award_id)
            if (
                created is not None
                and created.manual
                and not created.level
                and not created.auto_level
                and not created.reason
            ):
                session.delete(created)
        raise


def find_entry_award_target(db: Database, festival_id: int, code: str) -> int:
    """The id of the entry numbered code (XZ-0012)."""
    with db.session() as session:
        entry_id = session.scalar(
            select(Entry.id).where(Entry.festival_id == festival_id, Entry.code == clean_text(code).upper())
        )
    if entry_id is None:
        raise NotFoundError(f"没有编号为「{code}」的作品。")
    return entry_id


def revert_award(db: Database, award_id: int, *, station: str = "") -> None:
    """Undo the manual change: the award goes back to what the rules gave (and goes if they gave none)."""
    with db.session() as session:
        row = _award_row(session, award_id)
        _refuse_if_final(session, row.festival_id, list_key_of(row.kind, row.competition_id))
        if not row.manual:
            return
        info = _load_awards(session, row.festival_id, [row])[0]
        _log(
            session,
            row.festival_id,
            "revert",
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


def set_recommended(db: Database, entry_id: int, recommended: bool, *, station: str = "") -> None:
    """Mark an entry 推荐参加上级比赛 (or take the mark off); logged."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        if entry.recommended == recommended:
            return
        entry.recommended = recommended
        competition = session.get(Competition, entry.competition_id)
        subject = f"{competition.name if competition else ''} {entry.code}"
        _log(
            session,
            entry.festival_id,
            "recommend",
            subject,
            old="推荐" if not recommended else "",
            new="推荐" if recommended else "取消推荐",
            station=station,
        )
