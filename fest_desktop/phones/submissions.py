"""What a phone sends: one entry's points from one judge, stored under the id the phone made for it
(sent twice, stored once), checked by the same rules as the desk, and never written over a different
value the desk typed meanwhile: that is kept apart for the operator. The phones' submissions are
written in batches, each with a fixed handful of statements whatever its size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.phones.kinds import Outcome
from fest_desktop.phones.links import EVERY_LINK, REFUSED, LinkRefused, Scope, opened_links
from fest_desktop.registration.competitions import CriterionInfo
from fest_desktop.scoring.entering import (
    ScoreCell,
    StoredScores,
    scoring_refusals,
    stored_scores,
    write_scores,
)
from fest_desktop.scoring.judges import stand_aside_reason
from fest_desktop.scoring.points import parse_points
from fest_desktop.storage.database import Database, hold_write_lock
from fest_desktop.storage.model import (
    Competition,
    Criterion,
    Entry,
    Judge,
    JudgeLink,
    PhoneSubmission,
    SchoolClass,
    ScoreConflict,
)

log = logging.getLogger(__name__)

SUBMISSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
HANDED_IN = "你已提交并锁定评分表，不能再修改。如需更正，请找管理员重新开放。"
NOT_YOURS = "这件作品不在你评的比赛项目里，请刷新页面。"
UNREADABLE = "提交编号不正确，请刷新页面后再提交。"
STATION_LENGTH = 60  # ScoreChange.station
LONGEST_ID = 2**31 - 1  # an entry id beyond any the database gives is refused without asking it


class SubmissionReused(FestError):
    """The id of a submission already stored, sent with other points: refused for good, since taking
    it for the first would silently drop what the judge sent now."""


class SubmissionBroke(FestError):
    """A submission the program failed on (a bug, logged): refused alone, the others of its batch
    still stored."""


def phone_station(judge_name: str, address: str) -> str:
    """How the audit log names a score that came from a judge's phone."""
    station = f"手机 · {judge_name} · {address}" if address else f"手机 · {judge_name}"
    return station[:STATION_LENGTH]


@dataclass(frozen=True)
class PhoneScores:
    """One entry's points as the judge submitted them (criterion id → points, None for cleared),
    and base: the points the phone showed before the judge changed them."""

    submission_id: str
    entry_id: int
    points: Mapping[int, object]
    base: Mapping[int, object]

    @property
    def digest(self) -> str:
        """What the submission holds, so that its id cannot stand for other points."""
        content = {"entry": self.entry_id, "points": sorted((str(k), str(v)) for k, v in self.points.items())}
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class Difference:
    """A phone's value that differs from the desk's, waiting for the operator."""

    criterion_id: int
    criterion: str
    desk: float | None
    phone: float | None

    @property
    def text(self) -> str:
        return f"「{self.criterion}」{waiting_text(self.desk, self.phone)}"


def waiting_text(desk: float | None, phone: float | None) -> str:
    """What the judge reads of a value of theirs that waits for the operator."""
    return f"电脑上已录入 {_shown(desk)}，你的 {_shown(phone)} 已交给管理员核对"


def _shown(value: float | None) -> str:
    return "空" if value is None else f"{value:g}"


@dataclass(frozen=True)
class SubmissionOutcome:
    judge_id: int
    stored: int
    conflicts: int
    repeated: bool = False
    differences: tuple[Difference, ...] = ()

    @property
    def message(self) -> str:
        if self.conflicts:
            return f"已提交；有 {self.conflicts} 项与电脑上录入的不同，已交给管理员核对。"
        return "已提交。"


@dataclass(frozen=True)
class Submission:
    """One request from a phone: its link's secret, its points, and where it came from."""

    secret: str
    scores: PhoneScores
    address: str = ""


Answer = SubmissionOutcome | FestError


def submit_scores(
    db: Database, secret: str, scores: PhoneScores, *, address: str = "", scope: Scope = EVERY_LINK
) -> Done[SubmissionOutcome]:
    """Store a phone's points for one entry, all or nothing, and answer only once committed.
    Raises LinkRefused for a link that opens nothing, ValidationError with the desk's words for a
    refused value, a locked or finalised competition or a sheet handed in."""
    [answer] = _submitted(db, [Submission(secret, scores, address)], scope)
    if isinstance(answer, FestError):
        raise answer
    return Done(answer, Changed.SCORES if answer.stored or answer.conflicts else Changed.NOTHING)


def submit_together(
    db: Database, submissions: Sequence[Submission], scope: Scope = EVERY_LINK
) -> Done[list[Answer]]:
    """Several phones' submissions written together (thirty phones sending at once share one commit
    instead of queueing for thirty), each answered as if alone: its outcome, or the refusal that left
    it out; a bad one is refused alone. Nothing is answered before the commit."""
    answers = _submitted(db, submissions, scope)
    stored = any(isinstance(a, SubmissionOutcome) and (a.stored or a.conflicts) for a in answers)
    return Done(answers, Changed.SCORES if stored else Changed.NOTHING)


def _submitted(db: Database, submissions: Sequence[Submission], scope: Scope) -> list[Answer]:
    answers: dict[int, Answer] = {}
    waiting = list(range(len(submissions)))
    while waiting:
        # Two submissions of one batch that change the same cell go one after the other, so the
        # audit log chains their values.
        batch = [submissions[index] for index in waiting]
        try:
            with db.session() as session:
                written = _write_batch(session, batch, scope)
        except IntegrityError:
            if len(batch) == 1:
                answers[waiting[0]] = _stored_meanwhile(db, batch[0])
                break
            # Another PC stored one of these meanwhile: each on its own, so the others still go in.
            for index in waiting:
                answers[index] = _submitted(db, [submissions[index]], scope)[0]
            break
        except FestError as busy:
            answers.update((index, busy) for index in waiting)
            break
        except Exception:
            if len(batch) == 1:
                log.exception("phone submission failed")
                answers[waiting[0]] = SubmissionBroke(
                    "这份分数没能保存（程序出错，已记入日志）。请把分数交给管理员录入。"
                )
                break
            for index in waiting:  # a failure of the write itself: find the one it came from
                answers[index] = _submitted(db, [submissions[index]], scope)[0]
            break
        deferred = []
        for index, answer in zip(waiting, written, strict=True):
            if answer is None:
                deferred.append(index)
            else:
                answers[index] = answer
        waiting = deferred
    return [answers[index] for index in range(len(submissions))]


def _stored_meanwhile(db: Database, submission: Submission) -> Answer:
    """The same submission arrived twice at once (a phone resending while the first answer was on
    its way): the other request stored it."""
    with db.session() as session:
        row = session.get(PhoneSubmission, submission.scores.submission_id)
        if row is None:
            return FestError("这个分数刚被另一台电脑或窗口录入，请再提交一次。")
        if row.content and row.content != submission.scores.digest:
            return SubmissionReused(_reused())
        return _repeated(row)


def _reused() -> str:
    return "这个提交编号已经用于另一份分数，这次的分数没有保存。请重新打开这件作品再提交一次。"


def _repeated(row: PhoneSubmission) -> SubmissionOutcome:
    return SubmissionOutcome(row.judge_id, 0, row.conflicts, repeated=True)


Cell = tuple[int, int, int]  # entry, judge, criterion


@dataclass
class _Batch:
    """What one transaction read for a batch of submissions, and what it will write."""

    links: dict[str, tuple[JudgeLink, Judge]]
    known: dict[str, PhoneSubmission]
    entries: dict[int, tuple[Entry, int | None]]  # with the class's 班主任
    competitions: dict[int, Competition]
    rules: dict[int, dict[int, CriterionInfo]]  # by competition, then criterion
    refusals: dict[int, str]  # by entry
    stored: dict[int, StoredScores]  # by competition, the rows as read
    values: dict[Cell, float | None]  # what is stored now, then what this batch writes
    conflicts: dict[Cell, ScoreConflict]
    now: dt.datetime
    cells: dict[int, list[ScoreCell]] = field(default_factory=dict)  # by competition
    touched: set[Cell] = field(default_factory=set)
    new_conflicts: list[dict[str, object]] = field(default_factory=list)
    changed_conflicts: list[dict[str, object]] = field(default_factory=list)
    settled_conflicts: list[int] = field(default_factory=list)
    received: list[dict[str, object]] = field(default_factory=list)
    taken: dict[str, tuple[str, SubmissionOutcome]] = field(default_factory=dict)


def _read_batch(session: Session, submissions: Sequence[Submission], scope: Scope) -> _Batch:
    """Everything the checks of a batch read, in a handful of queries, under the write lock (and, on
    PostgreSQL, share locks on the links and competitions), so what is checked is what is written."""
    hold_write_lock(session)
    links = opened_links(session, {s.secret for s in submissions}, scope)
    ids = {s.scores.submission_id for s in submissions if SUBMISSION_ID.fullmatch(s.scores.submission_id)}
    known = (
        {row.id: row for row in session.scalars(select(PhoneSubmission).where(PhoneSubmission.id.in_(ids)))}
        if ids
        else {}
    )
    entry_ids = {s.scores.entry_id for s in submissions if 0 < s.scores.entry_id <= LONGEST_ID}
    entries = {
        entry.id: (entry, head)
        for entry, head in session.execute(
            select(Entry, SchoolClass.head_teacher_id)
            .join(SchoolClass, SchoolClass.id == Entry.class_id)
            .where(Entry.id.in_(entry_ids))
        )
    }
    competition_ids = {judge.competition_id for _, judge in links.values()}
    competitions = {
        competition.id: competition
        for competition in session.scalars(select(Competition).where(Competition.id.in_(competition_ids)))
    }
    rules: dict[int, dict[int, CriterionInfo]] = {competition_id: {} for competition_id in competitions}
    for row in session.execute(
        select(Criterion).where(Criterion.competition_id.in_(competition_ids))
    ).scalars():
        rules[row.competition_id][row.id] = CriterionInfo(
            row.name, row.max_points, row.step, row.description, row.id, row.kind
        )
    refusals: dict[int, str] = {}
    for competition in competitions.values():
        mine = [entry for entry, _ in entries.values() if entry.competition_id == competition.id]
        refusals.update(scoring_refusals(session, competition, mine))
    mine_ids = {entry_id for entry_id, (entry, _) in entries.items() if entry.competition_id in competitions}
    stored = {}
    for competition in competitions.values():
        ids_here = {i for i in mine_ids if entries[i][0].competition_id == competition.id}
        if ids_here:
            stored[competition.id] = stored_scores(session, competition, ids_here)
    values = {key: row.value for rows in stored.values() for key, row in rows.items()}
    conflicts = (
        {
            (row.entry_id, row.judge_id, row.criterion_id): row
            for row in session.scalars(select(ScoreConflict).where(ScoreConflict.entry_id.in_(mine_ids)))
        }
        if mine_ids
        else {}
    )
    return _Batch(
        links,
        known,
        entries,
        competitions,
        rules,
        refusals,
        stored,
        values,
        conflicts,
        dt.datetime.now().replace(microsecond=0),
    )


def _write_batch(session: Session, submissions: Sequence[Submission], scope: Scope) -> list[Answer | None]:
    """The batch in the session: each submission checked and planned alone (a refusal or a failure
    leaves the others as they are), then every write made at once. None for a submission that must
    wait for the next transaction (it changes a cell another one of this batch changes)."""
    batch = _read_batch(session, submissions, scope)
    answers: list[Answer | None] = []
    for submission in submissions:
        try:
            answers.append(_plan(batch, submission))
        except FestError as refused:
            answers.append(refused)
        except Exception:
            log.exception("phone submission failed")
            answers.append(
                SubmissionBroke("这份分数没能保存（程序出错，已记入日志）。请把分数交给管理员录入。")
            )
    _write(session, batch)
    return answers


def _plan(batch: _Batch, submission: Submission) -> SubmissionOutcome | None:
    """Check one submission against what the batch read and add what it writes to the batch."""
    scores = submission.scores
    if not SUBMISSION_ID.fullmatch(scores.submission_id):
        raise ValidationError(UNREADABLE)
    opened = batch.links.get(submission.secret)
    if opened is None:
        raise LinkRefused(REFUSED)
    link, judge = opened
    digest = scores.digest
    if scores.submission_id in batch.taken:  # sent twice within one batch
        first_digest, first = batch.taken[scores.submission_id]
        if first_digest != digest:
            raise SubmissionReused(_reused())
        return dataclasses.replace(first, stored=0, repeated=True)
    known = batch.known.get(scores.submission_id)
    if known is not None:
        if known.judge_id != judge.id:
            raise ValidationError(UNREADABLE)
        if known.content and known.content != digest:
            raise SubmissionReused(_reused())
        return _repeated(known)
    if link.handed_in:
        raise ValidationError(HANDED_IN)
    found = batch.entries.get(scores.entry_id)
    if found is None or found[0].competition_id != judge.competition_id:
        raise ValidationError(NOT_YOURS)
    entry, head = found
    refusal = batch.refusals.get(entry.id) or stand_aside_reason(
        judge.name, judge.class_id, judge.teacher_id, entry.class_id, head
    )
    if refusal:
        raise ValidationError(refusal)
    rules = batch.rules[judge.competition_id]
    values = {}
    for criterion_id, text in scores.points.items():
        if criterion_id not in rules:
            raise ValidationError("评委或评分项不属于这件作品的比赛项目。")
        values[criterion_id] = parse_points("" if text is None else text, rules[criterion_id])
    cells = {(entry.id, judge.id, criterion_id) for criterion_id in values}
    if cells & batch.touched:
        return None
    return _add(batch, submission, judge, entry, values, digest)


def _add(
    batch: _Batch,
    submission: Submission,
    judge: Judge,
    entry: Entry,
    values: dict[int, float | None],
    digest: str,
) -> SubmissionOutcome:
    """The writes of a checked submission: its scores, or, where the desk typed another value since
    the phone last saw it, a conflict for the operator."""
    scores = submission.scores
    station = phone_station(judge.name, submission.address)
    address = submission.address[:60]
    stored = 0
    differences = []
    for criterion_id, value in values.items():
        key = (entry.id, judge.id, criterion_id)
        batch.touched.add(key)
        desk = batch.values.get(key)
        waiting = batch.conflicts.get(key)
        name = batch.rules[judge.competition_id][criterion_id].name
        if waiting is not None:
            # The operator has not chosen yet: the judge's new value goes to them, not over the desk's.
            if value == desk:
                batch.settled_conflicts.append(waiting.id)  # the judge now agrees with the desk
            else:
                batch.changed_conflicts.append(
                    {
                        "conflict_id": waiting.id,
                        "phone_value": value,
                        "received_at": batch.now,
                        "address": address,
                    }
                )
                differences.append(Difference(criterion_id, name, desk, value))
        elif desk is not None and desk != value and desk != _number(scores.base.get(criterion_id)):
            batch.new_conflicts.append(
                {
                    "entry_id": entry.id,
                    "judge_id": judge.id,
                    "criterion_id": criterion_id,
                    "phone_value": value,
                    "desk_value": desk,
                    "received_at": batch.now,
                    "address": address,
                }
            )
            differences.append(Difference(criterion_id, name, desk, value))
        elif value != desk:
            batch.cells.setdefault(judge.competition_id, []).append(
                ScoreCell(entry.id, judge.id, criterion_id, value, station)
            )
            batch.values[key] = value
            stored += 1
    batch.received.append(
        {
            "id": scores.submission_id,
            "judge_id": judge.id,
            "entry_id": entry.id,
            "received_at": batch.now,
            "outcome": Outcome.CONFLICT if differences else Outcome.STORED,
            "conflicts": len(differences),
            "content": digest,
        }
    )
    outcome = SubmissionOutcome(judge.id, stored, len(differences), differences=tuple(differences))
    batch.taken[scores.submission_id] = (digest, outcome)
    return outcome


def _number(value: object) -> float | None:
    """A base value as the phone sent it, for comparing with what is stored."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return round(float(value), 4)
        except OverflowError:
            return None
    return None


def _write(session: Session, batch: _Batch) -> None:
    """Every write of the batch, a few statements each, on the connection (no ORM bookkeeping)."""
    for competition_id, cells in batch.cells.items():
        write_scores(session, batch.competitions[competition_id], cells, "", batch.stored[competition_id])
    connection = session.connection()
    if batch.new_conflicts:
        connection.execute(insert(ScoreConflict), batch.new_conflicts)
    if batch.changed_conflicts:
        connection.execute(
            update(ScoreConflict).where(ScoreConflict.id == bindparam("conflict_id")), batch.changed_conflicts
        )
    if batch.settled_conflicts:
        connection.execute(delete(ScoreConflict).where(ScoreConflict.id.in_(batch.settled_conflicts)))
    if batch.received:
        connection.execute(insert(PhoneSubmission), batch.received)
