"""Scores and measured attempts entered one by one, checked and committed with their audit line;
undo and locking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.registration.competitions import (
    competition_info,
    competition_row,
)
from fest_desktop.registration.entries import ENTRY_GONE, entry_row
from fest_desktop.registration.kinds import EntryStatus, Judging
from fest_desktop.scoring.judges import judge_row, stand_aside_reason
from fest_desktop.scoring.kinds import ChangeAction
from fest_desktop.scoring.log import ScoreChangeInfo, change_info, default_station, log_change
from fest_desktop.scoring.opening import judging_refusal
from fest_desktop.scoring.points import parse_measure, parse_points
from fest_desktop.storage.database import Database, fetch, hold_write_lock
from fest_desktop.storage.model import (
    Attempt,
    AwardNotice,
    Competition,
    Criterion,
    Entry,
    Judge,
    SchoolClass,
    Score,
    ScoreChange,
)
from fest_desktop.values import clean_text


def finalised_refusal(session: Session, competition: Competition) -> str:
    """Why the competition's scores may not change: its 获奖名单 is finalised (定稿) and was made from
    them, so a changed score would make the printed list wrong. "" when they may."""
    notice = session.scalar(
        select(AwardNotice.id).where(
            AwardNotice.festival_id == competition.festival_id,
            AwardNotice.list_key == competition_list_key(competition.id),
        )
    )
    if notice is None:
        return ""
    return (
        f"「{competition.name}」的获奖名单已定稿，成绩不能再改。"
        "如需更正，请先在「奖项与证书 → 获奖名单」中撤销定稿（写明原因），改好后重新评奖并定稿。"
    )


def scoring_refusals(
    session: Session, competition: Competition, entries: Iterable[Entry], *, writing: bool = True
) -> dict[int, str]:
    """Why the scores of these entries may not change now, by entry id (an entry whose scores may change
    is left out): the competition's scores locked, its list finalised (定稿), its judging not yet open
    (scoring.opening), the entry disqualified.
    The one place for the rules of when a score may be written: the desk, the imports and the phones
    all ask here. writing, as every caller that writes: first take the database's write lock and read
    the competition again under it (on PostgreSQL with a share lock on its row, so that 锁定成绩 waits for
    this transaction), so nothing can lock or finalise between this check and the write that follows
    in the same transaction. A screen that only says why (the phone's sheet) passes writing=False and
    writes nothing."""
    if writing:
        hold_write_lock(session)
        session.refresh(competition, ["locked"], with_for_update={"read": True})
    if competition.locked:
        reason = f"「{competition.name}」的成绩已锁定。如需修改，请先解锁（解锁会记入修改记录）。"
    else:
        reason = finalised_refusal(session, competition) or judging_refusal(competition)
    refusals = {}
    for entry in entries:
        if reason:
            refusals[entry.id] = reason
        elif entry.status == EntryStatus.DISQUALIFIED:
            refusals[entry.id] = f"作品 {entry.code} 已取消资格，不再评分。"
    return refusals


def _scorable_entry(session: Session, entry_id: int) -> tuple[Entry, Competition]:
    """The entry and its competition, read under the write lock after the refusals were asked."""
    hold_write_lock(session)
    entry = entry_row(session, entry_id)
    competition = competition_row(session, entry.competition_id)
    refusal = scoring_refusals(session, competition, [entry]).get(entry.id)
    if refusal:
        raise ValidationError(refusal)
    return entry, competition


def _score_what(judge_name: str, criterion_name: str, check_pass: bool) -> str:
    return f"{judge_name} · {criterion_name}" + ("（第二遍）" if check_pass else "")


def write_score(
    session: Session,
    entry: Entry,
    competition: Competition,
    judge: Judge,
    criterion: Criterion,
    value: float | None,
    check_pass: bool,
    station: str,
) -> ScoreChange | None:
    """Store a checked value (first or second pass) in the session and log it; None when unchanged."""
    hold_write_lock(session)
    score = session.scalar(
        select(Score)
        .where(Score.entry_id == entry.id, Score.judge_id == judge.id, Score.criterion_id == criterion.id)
        .with_for_update()
    )
    old = None if score is None else (score.check_value if check_pass else score.value)
    if old == value:
        return None
    if score is None:
        score = Score(entry_id=entry.id, judge_id=judge.id, criterion_id=criterion.id)
        session.add(score)
    if check_pass:
        score.check_value = value
    else:
        score.value = value
    if score.value is None and score.check_value is None:
        session.delete(score)
    return log_change(
        session,
        competition,
        entry,
        ChangeAction.SCORE,
        _score_what(judge.name, criterion.name, check_pass),
        old,
        value,
        station,
        judge_id=judge.id,
        criterion_id=criterion.id,
        check_pass=check_pass,
    )


FEW_ENTRIES = 50


@dataclass(frozen=True)
class ScoreCell:
    """A checked first-pass value for one judge's criterion on one entry; station names where it came
    from when the cells of one write come from several places (the phones of a batch)."""

    entry_id: int
    judge_id: int
    criterion_id: int
    value: float | None
    station: str = ""


StoredScores = dict[
    tuple[int, int, int], Any
]  # rows of id, entry_id, judge_id, criterion_id, value, check_value


def stored_scores(session: Session, competition: Competition, entry_ids: set[int]) -> StoredScores:
    """The stored scores of those entries by (entry, judge, criterion): id, value and check_value, read
    under the write lock, for writing."""
    hold_write_lock(session)
    where = (
        # A phone's few cells: only their entry's scores; an import's thousands: the competition's.
        Score.entry_id.in_(entry_ids)
        if len(entry_ids) <= FEW_ENTRIES
        else Score.criterion_id.in_(select(Criterion.id).where(Criterion.competition_id == competition.id))
    )
    return {
        (row.entry_id, row.judge_id, row.criterion_id): row
        for row in session.execute(
            select(
                Score.id, Score.entry_id, Score.judge_id, Score.criterion_id, Score.value, Score.check_value
            )
            .where(where)
            .with_for_update()
        )
    }


def write_scores(
    session: Session,
    competition: Competition,
    cells: Sequence[ScoreCell],
    station: str,
    stored: StoredScores | None = None,
) -> int:
    """write_score for many cells of one competition at once, as a workbook import needs: a few
    statements instead of several per cell, so the write lock is held for moments. stored is what
    stored_scores gave, when the caller has read it already. Returns the number of cells changed."""
    # Plain rows rather than the competition's collections: a phone's batch writes a few cells, and
    # loading the ORM objects would cost more than the writes.
    judges = {
        row.id: row.name
        for row in session.execute(select(Judge.id, Judge.name).where(Judge.competition_id == competition.id))
    }
    criteria = {
        row.id: row.name
        for row in session.execute(
            select(Criterion.id, Criterion.name).where(Criterion.competition_id == competition.id)
        )
    }
    if stored is None:
        stored = stored_scores(session, competition, {cell.entry_id for cell in cells})
    inserted: list[dict[str, object]] = []
    updated: list[dict[str, object]] = []
    deleted: list[int] = []
    changes: list[dict[str, object]] = []
    now = dt.datetime.now().replace(microsecond=0)
    for cell in cells:
        row = stored.get((cell.entry_id, cell.judge_id, cell.criterion_id))
        old = None if row is None else row.value
        if old == cell.value:
            continue
        if row is None:
            inserted.append(
                {
                    "entry_id": cell.entry_id,
                    "judge_id": cell.judge_id,
                    "criterion_id": cell.criterion_id,
                    "value": cell.value,
                }
            )
        elif cell.value is None and row.check_value is None:
            deleted.append(row.id)
        else:
            updated.append({"score_id": row.id, "value": cell.value})
        changes.append(
            {
                "festival_id": competition.festival_id,
                "competition_id": competition.id,
                "entry_id": cell.entry_id,
                "action": ChangeAction.SCORE,
                "what": _score_what(judges[cell.judge_id], criteria[cell.criterion_id], False),
                "old_value": old,
                "new_value": cell.value,
                "station": cell.station or station,
                "changed_at": now,
                "judge_id": cell.judge_id,
                "criterion_id": cell.criterion_id,
                "check_pass": False,
            }
        )
    # On the connection, not the session: plain executemany, without the ORM's bookkeeping per row.
    connection = session.connection()
    if inserted:
        connection.execute(insert(Score), inserted)
    if updated:
        connection.execute(update(Score).where(Score.id == bindparam("score_id")), updated)
    if deleted:
        connection.execute(delete(Score).where(Score.id.in_(deleted)))
    if changes:
        connection.execute(insert(ScoreChange), changes)
    return len(changes)


def _written_elsewhere(what: str) -> FestError:
    """Two stations wrote the same empty cell at the same instant: the later one is told to retry."""
    return FestError(f"这个{what}刚被另一台电脑或窗口录入，请再输入一次。")


def _scored(change: ScoreChangeInfo | None) -> Done[ScoreChangeInfo | None]:
    """A score's operation done: the change committed, or None when the value was already there."""
    return Done(change, Changed.SCORES if change is not None else Changed.NOTHING)


def enter_score(
    db: Database,
    entry_id: int,
    judge_id: int,
    criterion_id: int,
    text: object,
    *,
    check_pass: bool = False,
    station: str = "",
) -> Done[ScoreChangeInfo | None]:
    """Validate and commit one judge's points on one criterion of an entry (an empty text clears it).
    check_pass writes the blind second pass of a double entry. Returns the audit line, or None when
    the value was already stored. Raises ValidationError with the reason when refused."""
    try:
        with db.session() as session:
            return _scored(score_in(session, entry_id, judge_id, criterion_id, text, check_pass, station))
    except IntegrityError as exc:
        raise _written_elsewhere("分数") from exc


def score_in(
    session: Session,
    entry_id: int,
    judge_id: int,
    criterion_id: int,
    text: object,
    check_pass: bool,
    station: str,
) -> ScoreChangeInfo | None:
    """enter_score within a session: checked, stored and logged, not yet committed."""
    entry, competition, judge, criterion, value = checked_score(
        session, entry_id, judge_id, criterion_id, text, check_pass
    )
    change = write_score(
        session, entry, competition, judge, criterion, value, check_pass, station or default_station()
    )
    return None if change is None else change_info(change)


def checked_score(
    session: Session, entry_id: int, judge_id: int, criterion_id: int, text: object, check_pass: bool
) -> tuple[Entry, Competition, Judge, Criterion, float | None]:
    """The rows a score is written to and its value, checked by every rule of the desk under the write
    lock; raises ValidationError with the reason when refused. Writes nothing else."""
    entry, competition = _scorable_entry(session, entry_id)
    judge = judge_row(session, judge_id)
    criterion = session.get(Criterion, criterion_id)
    if (
        judge.competition_id != competition.id
        or criterion is None
        or criterion.competition_id != competition.id
    ):
        raise ValidationError("评委或评分项不属于这件作品的比赛项目。")
    if check_pass and not competition.double_entry:
        raise ValidationError(f"「{competition.name}」没有开启双人核对录入。")
    head = session.scalar(select(SchoolClass.head_teacher_id).where(SchoolClass.id == entry.class_id))
    reason = stand_aside_reason(
        judge.name, judge.class_id, judge.teacher_id, entry.class_id, head, entry.teacher_id
    )
    if reason:
        raise ValidationError(reason)
    [rule] = [c for c in competition_info(competition).criteria if c.id == criterion_id]
    return entry, competition, judge, criterion, parse_points(text, rule)


def enter_attempt(
    db: Database, entry_id: int, number: int, text: object, *, station: str = ""
) -> Done[ScoreChangeInfo | None]:
    """Validate and commit attempt number (1…attempts) of a measured entry; an empty text clears it."""
    try:
        with db.session() as session:
            return _scored(attempt_in(session, entry_id, number, text, station))
    except IntegrityError as exc:
        raise _written_elsewhere("成绩") from exc


def attempt_in(
    session: Session, entry_id: int, number: int, text: object, station: str
) -> ScoreChangeInfo | None:
    """enter_attempt within a session: checked, stored and logged, not yet committed."""
    entry, competition = _scorable_entry(session, entry_id)
    if competition.judging != Judging.MEASURED:
        raise ValidationError(f"「{competition.name}」不是测量成绩的项目。")
    if not 1 <= number <= competition.attempts:
        raise ValidationError(f"「{competition.name}」每件作品只有 {competition.attempts} 次试次。")
    value = parse_measure(text, competition_info(competition))
    hold_write_lock(session)
    attempt = session.scalar(
        select(Attempt).where(Attempt.entry_id == entry.id, Attempt.number == number).with_for_update()
    )
    old = attempt.value if attempt else None
    if old == value:
        return None
    if value is None:
        if attempt is not None:
            session.delete(attempt)
    elif attempt is None:
        session.add(Attempt(entry_id=entry.id, number=number, value=value))
    else:
        attempt.value = value
    change = log_change(
        session,
        competition,
        entry,
        ChangeAction.ATTEMPT,
        f"第{number}次",
        old,
        value,
        station or default_station(),
        attempt=number,
    )
    return change_info(change)


def undo_change(db: Database, change_id: int, *, station: str = "") -> Done[ScoreChangeInfo | None]:
    """Put a score or attempt back to its value before that change, itself logged as a change.
    Refused when the cell was changed again since (by another judge's station, say)."""
    try:
        with db.session() as session:
            hold_write_lock(session)
            change = fetch(session, ScoreChange, change_id, "找不到这条修改记录。")
            entry_id, old = change.entry_id, change.old_value
            if change.action == ChangeAction.SCORE:
                current = session.scalar(
                    select(Score.check_value if change.check_pass else Score.value)
                    .where(
                        Score.entry_id == entry_id,
                        Score.judge_id == change.judge_id,
                        Score.criterion_id == change.criterion_id,
                    )
                    .with_for_update()
                )
            elif change.action == ChangeAction.ATTEMPT:
                current = session.scalar(
                    select(Attempt.value).where(
                        Attempt.entry_id == entry_id, Attempt.number == change.attempt
                    )
                )
            else:
                raise ValidationError("锁定和解锁不能撤销，请再锁定或解锁一次。")
            if entry_id is None:
                raise NotFoundError(ENTRY_GONE)
            if current != change.new_value:
                raise ValidationError(f"「{change.what}」之后又被改过，不能撤销这一步。")
            if change.action == ChangeAction.ATTEMPT:
                assert change.attempt is not None
                return _scored(attempt_in(session, entry_id, change.attempt, old, station))
            assert change.judge_id is not None and change.criterion_id is not None
            return _scored(
                score_in(
                    session,
                    entry_id,
                    change.judge_id,
                    change.criterion_id,
                    old if old is not None else "",
                    change.check_pass,
                    station,
                )
            )
    except IntegrityError as exc:
        raise _written_elsewhere("分数") from exc


def set_locked(
    db: Database, competition_id: int, locked: bool, *, reason: str = "", station: str = ""
) -> Done[None]:
    """Lock the results when judging ends, or unlock them (with the reason) to correct a score;
    both are written to the audit log."""
    with db.session() as session:
        competition = competition_row(session, competition_id)
        if competition.locked == locked:
            return Done(None, Changed.NOTHING)
        if not locked and not clean_text(reason):
            raise ValidationError("解锁需要写明原因（会记入修改记录）。")
        competition.locked = locked
        what = "锁定成绩" if locked else f"解锁成绩：{clean_text(reason)}"
        log_change(
            session,
            competition,
            None,
            ChangeAction.LOCK if locked else ChangeAction.UNLOCK,
            what,
            None,
            None,
            station or default_station(),
        )
    return Done(None, Changed.SCORES)
