"""The phones' values that differ from what the desk typed, kept for the operator: listed by number,
and settled by keeping the desk's value or taking the phone's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import NotFoundError
from fest_desktop.phones.kinds import Keep
from fest_desktop.phones.submissions import phone_station
from fest_desktop.scoring.entering import score_in
from fest_desktop.storage.database import Database, hold_write_lock
from fest_desktop.storage.model import Competition, Criterion, Entry, Judge, Score, ScoreConflict


@dataclass(frozen=True)
class ConflictInfo:
    """A phone's points that differ from the desk's, waiting for the operator's choice. id is the
    number the operator settles it by; desk_value is what the desk holds now."""

    id: int
    competition_id: int
    competition: str
    entry_id: int
    entry_label: str
    judge_id: int
    judge_name: str
    criterion_id: int
    criterion: str
    phone_value: float | None
    desk_value: float | None
    received_at: dt.datetime
    address: str


def conflicts_of(
    session: Session,
    festival_id: int,
    competition_id: int | None = None,
    judge_id: int | None = None,
    conflict_id: int | None = None,
) -> list[ConflictInfo]:
    """The festival's conflicts waiting for the operator (of one competition, judge or number when
    given), oldest first."""
    query = (
        select(ScoreConflict, Entry, Judge, Criterion, Competition, Score.value)
        .join(Entry, Entry.id == ScoreConflict.entry_id)
        .join(Judge, Judge.id == ScoreConflict.judge_id)
        .join(Criterion, Criterion.id == ScoreConflict.criterion_id)
        .join(Competition, Competition.id == Judge.competition_id)
        .outerjoin(
            Score,
            and_(
                Score.entry_id == ScoreConflict.entry_id,
                Score.judge_id == ScoreConflict.judge_id,
                Score.criterion_id == ScoreConflict.criterion_id,
            ),
        )
        .where(Competition.festival_id == festival_id)
        .order_by(ScoreConflict.received_at, ScoreConflict.id)
    )
    if competition_id is not None:
        query = query.where(Competition.id == competition_id)
    if judge_id is not None:
        query = query.where(Judge.id == judge_id)
    if conflict_id is not None:
        query = query.where(ScoreConflict.id == conflict_id)
    return [
        ConflictInfo(
            conflict.id,
            competition.id,
            competition.name,
            entry.id,
            f"{entry.code} {entry.title}".strip(),
            judge.id,
            judge.name,
            criterion.id,
            criterion.name,
            conflict.phone_value,
            desk,
            conflict.received_at,
            conflict.address,
        )
        for conflict, entry, judge, criterion, competition, desk in session.execute(query)
    ]


def score_conflicts(db: Database, festival_id: int, competition_id: int | None = None) -> list[ConflictInfo]:
    """The conflicts of the festival (or of one competition) waiting for the operator, oldest first."""
    with db.session() as session:
        return conflicts_of(session, festival_id, competition_id)


def resolve_conflict(
    db: Database, festival_id: int, conflict_id: int, keep: Keep, *, station: str = ""
) -> Done[ConflictInfo]:
    """The operator's choice for the festival's conflict with that number: the desk's value stays, or
    the phone's replaces it (logged as a change from the phone, and refused like any score when the
    competition is locked or finalised). Either way the conflict is settled; returns what it was."""
    with db.session() as session:
        hold_write_lock(session)
        found = conflicts_of(session, festival_id, conflict_id=conflict_id)
        if not found:
            raise NotFoundError(f"没有编号为 {conflict_id} 的待核对分数（可能已处理过）。")
        [info] = found
        if keep == Keep.PHONE:
            score_in(
                session,
                info.entry_id,
                info.judge_id,
                info.criterion_id,
                "" if info.phone_value is None else info.phone_value,
                False,
                station or phone_station(info.judge_name, info.address),
            )
        session.execute(delete(ScoreConflict).where(ScoreConflict.id == conflict_id))
        return Done(info, Changed.SCORES)
