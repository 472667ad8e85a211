"""What a phone sends: one entry's points from one judge, stored in one transaction under the id the
phone made for it (sent twice, stored once), checked by the same rules as the desk, and never
written over a different value the desk typed meanwhile: that is kept apart for the operator."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fest_desktop.errors import FestError, ValidationError
from fest_desktop.phones.links import open_link
from fest_desktop.scoring.entering import ScoreCell, checked_scores, score_in, stored_scores, write_scores
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import (
    Competition,
    Criterion,
    Entry,
    Judge,
    PhoneSubmission,
    ScoreConflict,
)

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
    judge_id: int
    stored: int
    conflicts: int
    repeated: bool = False

    @property
    def message(self) -> str:
        if self.conflicts:
            return f"已提交；有 {self.conflicts} 项与电脑上录入的不同，已交给管理员核对。"
        return "已提交。"


def _outcome_of(row: PhoneSubmission) -> SubmissionOutcome:
    return SubmissionOutcome(row.judge_id, 0, int(row.message or 0), repeated=True)


@dataclass(frozen=True)
class Submission:
    """One request from a phone: its link's secret, its points, and where it came from."""

    secret: str
    scores: PhoneScores
    address: str = ""


def submit_scores(
    db: Database, secret: str, scores: PhoneScores, *, address: str = "", competition_id: int | None = None
) -> SubmissionOutcome:
    """Store a phone's points for one entry, all or nothing, and answer only once committed.
    Raises LinkRefused for a link that opens nothing, ValidationError with the desk's words for a
    refused value, a locked competition or a sheet handed in."""
    [answer] = submit_together(db, [Submission(secret, scores, address)], competition_id)
    if isinstance(answer, FestError):
        raise answer
    return answer


def submit_together(
    db: Database, submissions: Sequence[Submission], competition_id: int | None = None
) -> list[SubmissionOutcome | FestError]:
    """Several phones' submissions in one transaction (thirty phones sending at once share one commit
    instead of queueing for thirty), each answered as if alone: its outcome, or the refusal that
    left it out. Nothing is answered before the commit."""
    try:
        with db.session() as session:
            taken: dict[str, SubmissionOutcome] = {}
            return [_submit_in(session, submission, competition_id, taken) for submission in submissions]
    except IntegrityError:
        if len(submissions) > 1:
            # Another PC stored one of these meanwhile: each on its own, so the others still go in.
            return [submit_together(db, [submission], competition_id)[0] for submission in submissions]
        # The same submission arrived twice at once (a phone resending while the first answer was on
        # its way): the other request stored it.
        with db.session() as session:
            row = session.get(PhoneSubmission, submissions[0].scores.submission_id)
            if row is None:
                return [FestError("这个分数刚被另一台电脑或窗口录入，请再提交一次。")]
            return [_outcome_of(row)]


def _submit_in(
    session: Session, submission: Submission, competition_id: int | None, taken: dict[str, SubmissionOutcome]
) -> SubmissionOutcome | FestError:
    """One submission within a shared transaction. Every check comes before the first write, so a
    refused submission leaves nothing behind."""
    scores = submission.scores
    try:
        if not SUBMISSION_ID.fullmatch(scores.submission_id):
            raise ValidationError("提交编号不正确，请刷新页面后再提交。")
        link, judge = open_link(session, submission.secret, competition_id)
        if scores.submission_id in taken:  # sent twice within one transaction
            return dataclasses.replace(taken[scores.submission_id], stored=0, repeated=True)
        repeated = session.get(PhoneSubmission, scores.submission_id)
        if repeated is not None:
            if repeated.judge_id != judge.id:
                raise ValidationError("提交编号不正确，请刷新页面后再提交。")
            return _outcome_of(repeated)
        if link.handed_in:
            raise ValidationError(HANDED_IN)
        checked = _checked(session, judge, scores)
    except FestError as refused:
        return refused
    station = phone_station(judge.name, submission.address)
    stored, conflicts = _store(session, checked, scores, station, submission.address)
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
    taken[scores.submission_id] = SubmissionOutcome(judge.id, stored, conflicts)
    return taken[scores.submission_id]


Checked = tuple[Entry, Competition, Judge, dict[int, tuple[Criterion, float | None]]]


def _checked(session: Session, judge: Judge, scores: PhoneScores) -> Checked:
    entry = session.get(Entry, scores.entry_id)
    if entry is None or entry.competition_id != judge.competition_id:
        raise ValidationError("这件作品不在你评的比赛项目里，请刷新页面。")
    texts = {criterion_id: "" if sent is None else sent for criterion_id, sent in scores.points.items()}
    return checked_scores(session, entry.id, judge.id, texts, False)


def _store(
    session: Session, checked: Checked, scores: PhoneScores, station: str, address: str
) -> tuple[int, int]:
    entry, competition, judge, values = checked
    stored = stored_scores(session, competition, {entry.id})
    cells = []
    conflicts = 0
    now = dt.datetime.now().replace(microsecond=0)
    for criterion_id, (_, value) in values.items():
        row = stored.get((entry.id, judge.id, criterion_id))
        desk = None if row is None else row.value
        if desk is not None and desk != value and desk != scores.base.get(criterion_id):
            _keep_conflict(session, entry.id, judge.id, criterion_id, value, desk, now, address)
            conflicts += 1
        else:
            cells.append(ScoreCell(entry.id, judge.id, criterion_id, value))
    return write_scores(session, competition, cells, station, stored), conflicts


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
