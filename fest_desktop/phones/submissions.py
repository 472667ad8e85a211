"""What a phone sends: one entry's points from one judge, stored in one transaction under the id the
phone made for it (sent twice, stored once), checked by the same rules as the desk, and never
written over a different value the desk typed meanwhile: that is kept apart for the operator."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fest_desktop.errors import FestError, ValidationError
from fest_desktop.phones.links import open_link
from fest_desktop.registration.competitions import competition_row
from fest_desktop.scoring.entering import checked_score, score_in
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Criterion, Entry, Judge, PhoneSubmission, Score, ScoreConflict

SUBMISSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
HANDED_IN = "你已提交并锁定评分表，不能再修改。如需更正，请找管理员重新开放。"


def phone_station(judge_name: str, address: str) -> str:
    """How the audit log names a score that came from a judge's phone."""
    return f"手机 · {judge_name} · {address}" if address else f"手机 · {judge_name}"


@dataclass(frozen=True)
class PhoneScores:
    """One entry's points as the judge submitted them (criterion id → points, None for cleared),
    and base: the points the phone showed before the judge changed them."""

    submission_id: str
    entry_id: int
    points: Mapping[int, float | None]
    base: Mapping[int, float | None]


@dataclass(frozen=True)
class SubmissionOutcome:
    stored: int
    conflicts: int
    repeated: bool = False

    @property
    def message(self) -> str:
        if self.conflicts:
            return f"已提交；有 {self.conflicts} 项与电脑上录入的不同，已交给管理员核对。"
        return "已提交。"


def _outcome_of(row: PhoneSubmission) -> SubmissionOutcome:
    conflicts = int(row.message or 0)
    return SubmissionOutcome(0, conflicts, repeated=True)


def submit_scores(
    db: Database, secret: str, scores: PhoneScores, *, address: str = "", competition_id: int | None = None
) -> SubmissionOutcome:
    """Store a phone's points for one entry, all or nothing, and answer only once committed.
    Raises LinkRefused for a link that opens nothing, ValidationError with the desk's words for a
    refused value, a locked competition or a sheet handed in."""
    if not SUBMISSION_ID.fullmatch(scores.submission_id):
        raise ValidationError("提交编号不正确，请刷新页面后再提交。")
    try:
        with db.session() as session:
            link, judge = open_link(session, secret, competition_id)
            repeated = session.get(PhoneSubmission, scores.submission_id)
            if repeated is not None:
                if repeated.judge_id != judge.id:
                    raise ValidationError("提交编号不正确，请刷新页面后再提交。")
                return _outcome_of(repeated)
            if link.handed_in:
                raise ValidationError(HANDED_IN)
            stored, conflicts = _store(session, judge, scores, phone_station(judge.name, address), address)
            session.add(
                PhoneSubmission(
                    id=scores.submission_id,
                    judge_id=judge.id,
                    entry_id=scores.entry_id,
                    received_at=dt.datetime.now().replace(microsecond=0),
                    outcome="conflict" if conflicts else "stored",
                    message=str(conflicts),
                )
            )
            return SubmissionOutcome(stored, conflicts)
    except IntegrityError:
        # The same submission arrived twice at once (a phone resending while the first answer was on
        # its way): the other request stored it.
        with db.session() as session:
            row = session.get(PhoneSubmission, scores.submission_id)
            if row is None:
                raise FestError("这个分数刚被另一台电脑或窗口录入，请再提交一次。") from None
            return _outcome_of(row)


def _store(
    session: Session, judge: Judge, scores: PhoneScores, station: str, address: str
) -> tuple[int, int]:
    entry = fetch(session, Entry, scores.entry_id, "这件作品已不存在（可能已被删除）。")
    if entry.competition_id != judge.competition_id:
        raise ValidationError("这件作品不在你评的比赛项目里。")
    criteria = {c.id: c for c in competition_row(session, judge.competition_id).criteria}
    stored_now = dict(
        session.execute(
            select(Score.criterion_id, Score.value).where(
                Score.entry_id == entry.id, Score.judge_id == judge.id
            )
        ).all()
    )
    stored = conflicts = 0
    now = dt.datetime.now().replace(microsecond=0)
    for criterion_id, sent in scores.points.items():
        if criterion_id not in criteria:
            raise ValidationError("评分项已被管理员修改，请刷新页面后再评。")
        value = checked_score(session, entry.id, judge.id, criterion_id, "" if sent is None else sent, False)[
            4
        ]
        desk = stored_now.get(criterion_id)
        if desk is not None and desk != value and desk != scores.base.get(criterion_id):
            _keep_conflict(session, entry.id, judge.id, criterion_id, value, desk, now, address)
            conflicts += 1
        elif score_in(
            session, entry.id, judge.id, criterion_id, "" if value is None else value, False, station
        ):
            stored += 1
    return stored, conflicts


def _keep_conflict(
    session: Session,
    entry_id: int,
    judge_id: int,
    criterion_id: int,
    phone_value: float | None,
    desk_value: float,
    now: dt.datetime,
    address: str,
) -> None:
    conflict = session.scalar(
        select(ScoreConflict).where(
            ScoreConflict.entry_id == entry_id,
            ScoreConflict.judge_id == judge_id,
            ScoreConflict.criterion_id == criterion_id,
        )
    )
    if conflict is None:
        conflict = ScoreConflict(entry_id=entry_id, judge_id=judge_id, criterion_id=criterion_id)
        session.add(conflict)
    conflict.phone_value = phone_value
    conflict.desk_value = desk_value
    conflict.received_at = now
    conflict.address = address[:60]


@dataclass(frozen=True)
class ConflictInfo:
    """A phone's points that differ from the desk's, waiting for the operator's choice."""

    id: int
    entry_id: int
    entry_label: str
    judge_id: int
    judge_name: str
    criterion: str
    phone_value: float | None
    desk_value: float | None
    received_at: dt.datetime


def score_conflicts(db: Database, competition_id: int) -> list[ConflictInfo]:
    """The conflicts of a competition waiting for the operator, oldest first."""
    with db.session() as session:
        rows = session.execute(
            select(ScoreConflict, Entry, Judge, Criterion)
            .join(Entry, Entry.id == ScoreConflict.entry_id)
            .join(Judge, Judge.id == ScoreConflict.judge_id)
            .join(Criterion, Criterion.id == ScoreConflict.criterion_id)
            .where(Judge.competition_id == competition_id)
            .order_by(ScoreConflict.received_at, ScoreConflict.id)
        ).all()
        return [
            ConflictInfo(
                conflict.id,
                entry.id,
                f"{entry.code} {entry.title}".strip(),
                judge.id,
                judge.name,
                criterion.name,
                conflict.phone_value,
                conflict.desk_value,
                conflict.received_at,
            )
            for conflict, entry, judge, criterion in rows
        ]


def resolve_conflict(db: Database, conflict_id: int, *, use_phone: bool, station: str = "") -> None:
    """The operator's choice: the phone's points replace the desk's (logged as a change from the
    phone), or the desk's stay. Either way the conflict is settled."""
    with db.session() as session:
        conflict = fetch(session, ScoreConflict, conflict_id, "这条待核对的分数已处理过。")
        if use_phone:
            judge = fetch(session, Judge, conflict.judge_id, "这位评委已不在评委组中。")
            value = conflict.phone_value
            score_in(
                session,
                conflict.entry_id,
                conflict.judge_id,
                conflict.criterion_id,
                "" if value is None else value,
                False,
                station or phone_station(judge.name, conflict.address),
            )
        session.delete(conflict)
