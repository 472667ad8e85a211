"""Scoring day: the judges' panel, scores committed one by one with an audit trail, locking, and the
scoring sheet of a competition from which progress, results and ranks are computed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import platform
from collections.abc import Hashable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fest_desktop import results as rules
from fest_desktop.classnames import class_display_name
from fest_desktop.competitions import CompetitionInfo, CriterionInfo, competition_info
from fest_desktop.db import Database, fetch
from fest_desktop.entries import UNCOUNTED_STATUS, entry_infos
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.model import (
    Attempt,
    Competition,
    Criterion,
    Entry,
    Grade,
    Judge,
    SchoolClass,
    Score,
    ScoreChange,
    Section,
    Teacher,
)
from fest_desktop.values import clean_text

SCHOOL_GROUP = "全校"


def default_station() -> str:
    """The name this PC writes into the audit log."""
    return platform.node() or "本机"


# ---------------------------------------------------------------- judges


@dataclass(frozen=True)
class JudgeInfo:
    """A judge of a competition's panel; class_id marks the class the judge belongs to (回避)."""

    id: int
    competition_id: int
    name: str
    teacher_id: int | None = None
    class_id: int | None = None
    class_name: str = ""


def _class_names(session: Session, festival_id: int) -> dict[int, str]:
    return {
        class_id: class_display_name(grade, number)
        for class_id, grade, number in session.execute(
            select(SchoolClass.id, Grade.name, SchoolClass.number)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(SchoolClass.festival_id == festival_id)
        )
    }


def _judge_infos(session: Session, competition: Competition) -> list[JudgeInfo]:
    names = _class_names(session, competition.festival_id)
    return [
        JudgeInfo(j.id, j.competition_id, j.name, j.teacher_id, j.class_id, names.get(j.class_id or 0, ""))
        for j in competition.judges
    ]


def list_judges(db: Database, competition_id: int) -> list[JudgeInfo]:
    with db.session() as session:
        return _judge_infos(session, _competition(session, competition_id))


def _check_judge(session: Session, competition: Competition, judge: JudgeInfo) -> str:
    name = clean_text(judge.name)
    if not name:
        raise ValidationError("评委的姓名不能为空。")
    if any(j.name == name and j.id != judge.id for j in competition.judges):
        raise ValidationError(f"「{competition.name}」的评委组里已经有「{name}」。")
    if judge.teacher_id is not None:
        teacher = session.get(Teacher, judge.teacher_id)
        if teacher is None or teacher.festival_id != competition.festival_id:
            raise NotFoundError("这位老师已不在名册中。")
    if judge.class_id is not None:
        school_class = session.get(SchoolClass, judge.class_id)
        if school_class is None or school_class.festival_id != competition.festival_id:
            raise NotFoundError("这个班级已不存在。")
    return name


def add_judge(
    db: Database, competition_id: int, name: str, teacher_id: int | None = None, class_id: int | None = None
) -> JudgeInfo:
    """Put a judge on the panel: a teacher of the roster (teacher_id) or an outside name."""
    with db.session() as session:
        competition = _competition(session, competition_id)
        clean = _check_judge(session, competition, JudgeInfo(0, competition_id, name, teacher_id, class_id))
        judge = Judge(
            name=clean, teacher_id=teacher_id, class_id=class_id, position=len(competition.judges) + 1
        )
        competition.judges.append(judge)
        session.flush()
        return next(j for j in _judge_infos(session, competition) if j.id == judge.id)


def update_judge(db: Database, info: JudgeInfo) -> JudgeInfo:
    """Rename a judge or change the class they belong to; their scores stay."""
    with db.session() as session:
        judge = fetch(session, Judge, info.id, "这位评委已不在评委组中。")
        competition = _competition(session, judge.competition_id)
        judge.name = _check_judge(session, competition, info)
        judge.teacher_id = info.teacher_id
        judge.class_id = info.class_id
        session.flush()
        return next(j for j in _judge_infos(session, competition) if j.id == judge.id)


def remove_judge(db: Database, judge_id: int) -> None:
    """Take a judge off the panel; refused once they have scores, which must not vanish unseen."""
    with db.session() as session:
        judge = session.get(Judge, judge_id)
        if judge is None:
            return
        scored = session.scalar(
            select(func.count()).where(Score.judge_id == judge_id, Score.value.is_not(None))
        )
        if scored:
            raise ValidationError(
                f"评委「{judge.name}」已录入 {scored} 个分数，不能移出评委组。如确需移出，请先清空这些分数。"
            )
        session.delete(judge)


# ---------------------------------------------------------------- the audit log


@dataclass(frozen=True)
class ScoreChangeInfo:
    """One line of the audit log. action is score, attempt, lock or unlock."""

    id: int
    competition_id: int | None
    entry_id: int | None
    action: str
    what: str
    old_value: float | None
    new_value: float | None
    station: str
    changed_at: dt.datetime
    judge_id: int | None = None
    criterion_id: int | None = None
    attempt: int | None = None
    check_pass: bool = False

    @property
    def action_text(self) -> str:
        return {"score": "评分", "attempt": "成绩", "lock": "锁定", "unlock": "解锁"}[self.action]


def _change_info(row: ScoreChange) -> ScoreChangeInfo:
    return ScoreChangeInfo(
        row.id,
        row.competition_id,
        row.entry_id,
        row.action,
        row.what,
        row.old_value,
        row.new_value,
        row.station,
        row.changed_at,
        row.judge_id,
        row.criterion_id,
        row.attempt,
        row.check_pass,
    )


def entry_log(db: Database, entry_id: int) -> list[ScoreChangeInfo]:
    """Every change of the entry's scores, oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(ScoreChange).where(ScoreChange.entry_id == entry_id).order_by(ScoreChange.id)
        )
        return [_change_info(row) for row in rows]


def competition_log(db: Database, competition_id: int) -> list[ScoreChangeInfo]:
    """Every change of the competition's scores, locks and unlocks, oldest first."""
    with db.session() as session:
        rows = session.scalars(
            select(ScoreChange).where(ScoreChange.competition_id == competition_id).order_by(ScoreChange.id)
        )
        return [_change_info(row) for row in rows]


def scoring_stamp(db: Database, festival_id: int) -> int:
    """A number that grows with every score, attempt, lock or unlock committed to the festival, by
    this process or any other on the same database: windows poll it to know when to redraw."""
    with db.session() as session:
        return (
            session.scalar(select(func.max(ScoreChange.id)).where(ScoreChange.festival_id == festival_id))
            or 0
        )


# ---------------------------------------------------------------- entering scores


def parse_points(text: object, criterion: CriterionInfo) -> float | None:
    """The points typed for a criterion, checked against its maximum and step; None for an empty cell."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
        shown = f"{value:g}"
    else:
        shown = clean_text(text)
        if not shown:
            return None
        try:
            value = float(shown)
        except ValueError:
            raise ValidationError(f"「{criterion.name}」填的「{shown}」不是数字。") from None
    what = "扣分" if criterion.is_deduction else "分数"
    if not math.isfinite(value) or value < 0:
        raise ValidationError(f"「{criterion.name}」的{what}不能是负数（填的是 {shown}）。")
    if value > criterion.max_points + 1e-9:
        limit = "最多扣" if criterion.is_deduction else "满分"
        raise ValidationError(
            f"「{criterion.name}」{limit} {criterion.max_points:g} 分，填的 {shown} 超出了。"
        )
    cases = value / criterion.step
    if abs(cases - round(cases)) > 1e-6:
        raise ValidationError(f"「{criterion.name}」按 {criterion.step:g} 分一档计分，{shown} 不在档上。")
    return round(value, 4)


def parse_measure(text: object, competition: CompetitionInfo) -> float | None:
    """A measured attempt (distance, time) as typed; None for an empty cell."""
    shown = (
        clean_text(text).removesuffix(competition.measure_unit).strip()
        if not isinstance(text, int | float)
        else f"{text:g}"
    )
    if not shown:
        return None
    try:
        value = float(shown)
    except ValueError:
        raise ValidationError(f"成绩「{shown}」不是数字。") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not competition.higher_is_better):
        raise ValidationError(f"成绩 {shown} 不合理：应大于 0。")
    return round(value, 4)


def _competition(session: Session, competition_id: int) -> Competition:
    return fetch(session, Competition, competition_id, "这个比赛项目已不存在（可能已被删除）。")


def _scorable_entry(session: Session, entry_id: int) -> tuple[Entry, Competition]:
    entry = fetch(session, Entry, entry_id, "这件作品已不存在（可能已被删除）。")
    competition = _competition(session, entry.competition_id)
    if competition.locked:
        raise ValidationError(
            f"「{competition.name}」的成绩已锁定。如需修改，请先解锁（解锁会记入修改记录）。"
        )
    if entry.status == UNCOUNTED_STATUS:
        raise ValidationError(f"作品 {entry.code} 已取消资格，不再评分。")
    return entry, competition


def stand_aside_reason(
    judge_name: str,
    judge_class_id: int | None,
    judge_teacher_id: int | None,
    class_id: int,
    head_teacher_id: int | None,
) -> str:
    """Why a judge does not score a class (they belong to it, or are its 班主任), or "" when they may."""
    if judge_class_id == class_id:
        return f"评委「{judge_name}」属于本班，回避本班作品。"
    if judge_teacher_id is not None and judge_teacher_id == head_teacher_id:
        return f"评委「{judge_name}」是本班班主任，回避本班作品。"
    return ""


def _log(
    session: Session,
    competition: Competition,
    entry: Entry | None,
    action: str,
    what: str,
    old: float | None,
    new: float | None,
    station: str,
    **keys: int | bool | None,
) -> ScoreChange:
    change = ScoreChange(
        festival_id=competition.festival_id,
        competition_id=competition.id,
        entry_id=entry.id if entry else None,
        action=action,
        what=what,
        old_value=old,
        new_value=new,
        station=station,
        changed_at=dt.datetime.now().replace(microsecond=0),
        **keys,
    )
    session.add(change)
    session.flush()
    return change


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
    score = session.scalar(
        select(Score).where(
            Score.entry_id == entry.id, Score.judge_id == judge.id, Score.criterion_id == criterion.id
        )
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
    what = f"{judge.name} · {criterion.name}" + ("（第二遍）" if check_pass else "")
    return _log(
        session,
        competition,
        entry,
        "score",
        what,
        old,
        value,
        station,
        judge_id=judge.id,
        criterion_id=criterion.id,
        check_pass=check_pass,
    )


def _written_elsewhere(what: str) -> FestError:
    """Two stations wrote the same empty cell at the same instant: the later one is told to retry."""
    return FestError(f"这个{what}刚被另一台电脑或窗口录入，请再输入一次。")


def enter_score(
    db: Database,
    entry_id: int,
    judge_id: int,
    criterion_id: int,
    text: object,
    *,
    check_pass: bool = False,
    station: str = "",
) -> ScoreChangeInfo | None:
    """Validate and commit one judge's points on one criterion of an entry (an empty text clears it).
    check_pass writes the blind second pass of a double entry. Returns the audit line, or None when
    the value was already stored. Raises ValidationError with the reason when refused."""
    try:
        with db.session() as session:
            entry, competition = _scorable_entry(session, entry_id)
            judge = fetch(session, Judge, judge_id, "这位评委已不在评委组中。")
            criterion = fetch(session, Criterion, criterion_id, "这个评分项已被删除。")
            if judge.competition_id != competition.id or criterion.competition_id != competition.id:
                raise ValidationError("评委或评分项不属于这件作品的比赛项目。")
            if check_pass and not competition.double_entry:
                raise ValidationError(f"「{competition.name}」没有开启双人核对录入。")
            head = session.scalar(select(SchoolClass.head_teacher_id).where(SchoolClass.id == entry.class_id))
            reason = stand_aside_reason(judge.name, judge.class_id, judge.teacher_id, entry.class_id, head)
            if reason:
                raise ValidationError(reason)
            info = competition_info(competition)
            value = parse_points(text, next(c for c in info.criteria if c.id == criterion_id))
            change = write_score(
                session, entry, competition, judge, criterion, value, check_pass, station or default_station()
            )
            return None if change is None else _change_info(change)
    except IntegrityError as exc:
        raise _written_elsewhere("分数") from exc


def enter_attempt(
    db: Database, entry_id: int, number: int, text: object, *, station: str = ""
) -> ScoreChangeInfo | None:
    """Validate and commit attempt number (1…attempts) of a measured entry; an empty text clears it."""
    try:
        with db.session() as session:
            entry, competition = _scorable_entry(session, entry_id)
            if competition.judging != "measured":
                raise ValidationError(f"「{competition.name}」不是测量成绩的项目。")
            if not 1 <= number <= competition.attempts:
                raise ValidationError(f"「{competition.name}」每件作品只有 {competition.attempts} 次试次。")
            value = parse_measure(text, competition_info(competition))
            attempt = session.scalar(
                select(Attempt).where(Attempt.entry_id == entry.id, Attempt.number == number)
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
            change = _log(
                session,
                competition,
                entry,
                "attempt",
                f"第{number}次",
                old,
                value,
                station or default_station(),
                attempt=number,
            )
            return _change_info(change)
    except IntegrityError as exc:
        raise _written_elsewhere("成绩") from exc


def undo_change(db: Database, change_id: int, *, station: str = "") -> ScoreChangeInfo | None:
    """Put a score or attempt back to its value before that change, itself logged as a change.
    Refused when the cell was changed again since (by another judge's station, say)."""
    with db.session() as session:
        change = fetch(session, ScoreChange, change_id, "找不到这条修改记录。")
        entry_id, action = change.entry_id, change.action
        old, new = change.old_value, change.new_value
        if action == "score":
            current = session.scalar(
                select(Score.check_value if change.check_pass else Score.value).where(
                    Score.entry_id == entry_id,
                    Score.judge_id == change.judge_id,
                    Score.criterion_id == change.criterion_id,
                )
            )
        elif action == "attempt":
            current = session.scalar(
                select(Attempt.value).where(Attempt.entry_id == entry_id, Attempt.number == change.attempt)
            )
        else:
            raise ValidationError("锁定和解锁不能撤销，请再锁定或解锁一次。")
        if entry_id is None:
            raise NotFoundError("这件作品已被删除。")
        if current != new:
            raise ValidationError(f"「{change.what}」之后又被改过，不能撤销这一步。")
        judge_id, criterion_id, attempt, check_pass = (
            change.judge_id,
            change.criterion_id,
            change.attempt,
            change.check_pass,
        )
    if action == "attempt":
        assert attempt is not None
        return enter_attempt(db, entry_id, attempt, old, station=station)
    assert judge_id is not None and criterion_id is not None
    return enter_score(
        db,
        entry_id,
        judge_id,
        criterion_id,
        old if old is not None else "",
        check_pass=check_pass,
        station=station,
    )


def set_locked(
    db: Database, competition_id: int, locked: bool, *, reason: str = "", station: str = ""
) -> None:
    """Lock the results when judging ends, or unlock them (with the reason) to correct a score;
    both are written to the audit log."""
    with db.session() as session:
        competition = _competition(session, competition_id)
        if competition.locked == locked:
            return
        if not locked and not clean_text(reason):
            raise ValidationError("解锁需要写明原因（会记入修改记录）。")
        competition.locked = locked
        what = "锁定成绩" if locked else f"解锁成绩：{clean_text(reason)}"
        _log(
            session,
            competition,
            None,
            "lock" if locked else "unlock",
            what,
            None,
            None,
            station or default_station(),
        )


# ---------------------------------------------------------------- the scoring sheet and results


@dataclass(frozen=True)
class ScoringEntry:
    """An entry as the scoring screens show it, with its ranking group."""

    id: int
    code: str
    class_id: int
    class_name: str
    title: str
    authors: str
    group: str
    group_order: int
    head_teacher_id: int | None
    level: int = 0
    class_number: int = 0

    @property
    def label(self) -> str:
        """How judges know it: the class for a class entry, else number, class and authors."""
        if not self.title and not self.authors:
            return self.class_name
        return f"{self.code} {self.class_name} {self.authors or self.title}"


@dataclass
class Cell:
    """A stored score: the first pass, and the blind second pass when double entry is on."""

    value: float | None = None
    check_value: float | None = None

    def state(self, double_entry: bool) -> str:
        """empty, pending (double entry waits for its other pass), conflict, or ok."""
        if self.value is None and self.check_value is None:
            return "empty"
        if not double_entry:
            return "ok" if self.value is not None else "empty"
        if self.value is None or self.check_value is None:
            return "pending"
        return "ok" if self.value == self.check_value else "conflict"


@dataclass(frozen=True)
class JudgeTotal:
    judge_id: int
    judge_name: str
    total: float | None
    blocked: bool = False
    dropped: str = ""  # "high" or "low" when the trimmed mean leaves it out
    outlier: bool = False


@dataclass(frozen=True)
class EntryResult:
    """An entry's place in its group: rank is None while incomplete (unless provisional) or unscored."""

    entry: ScoringEntry
    competition: str
    final: float | None
    complete: bool
    rank: int | None
    judges: tuple[JudgeTotal, ...] = ()
    attempts: tuple[float | None, ...] = ()
    missing_judges: tuple[str, ...] = ()
    conflicts: int = 0

    @property
    def final_text(self) -> str:
        return "" if self.final is None else f"{self.final:.2f}"


class ScoringSheet:
    """Everything needed to score one competition and rank it, loaded at once and kept current in
    memory by apply(); reload it when the stamp says another station changed something."""

    def __init__(
        self,
        competition: CompetitionInfo,
        judges: list[JudgeInfo],
        entries: list[ScoringEntry],
        cells: dict[tuple[int, int, int], Cell],
        attempts: dict[tuple[int, int], float],
        stamp: int,
    ) -> None:
        self.competition = competition
        self.judges = judges
        self.entries = entries
        self.cells = cells
        self.attempts = attempts
        self.stamp = stamp
        self._entries_by_id = {e.id: e for e in entries}
        # Computed per entry and forgotten when one of its cells changes: a score typed on scoring
        # day recomputes one entry, not the 6,000 cells of a school.
        self._totals: dict[tuple[int, int], float | None] = {}
        self._results: dict[int, EntryResult] = {}

    # ---- cells

    def entry(self, entry_id: int) -> ScoringEntry:
        return self._entries_by_id[entry_id]

    def blocked(self, entry: ScoringEntry, judge: JudgeInfo) -> bool:
        return bool(
            stand_aside_reason(
                judge.name, judge.class_id, judge.teacher_id, entry.class_id, entry.head_teacher_id
            )
        )

    def cell(self, entry_id: int, judge_id: int, criterion_id: int) -> Cell:
        return self.cells.get((entry_id, judge_id, criterion_id)) or Cell()

    def cell_state(self, entry_id: int, judge_id: int, criterion_id: int) -> str:
        return self.cell(entry_id, judge_id, criterion_id).state(self.competition.double_entry)

    def apply(self, change: ScoreChangeInfo) -> None:
        """Take a change this station just committed into the sheet, without reloading."""
        entry_id = change.entry_id or 0
        self._results.pop(entry_id, None)
        for stale in [key for key in self._totals if key[0] == entry_id]:
            del self._totals[stale]
        if change.action == "score":
            assert change.judge_id is not None and change.criterion_id is not None
            cell = self.cells.setdefault((entry_id, change.judge_id, change.criterion_id), Cell())
            if change.check_pass:
                cell.check_value = change.new_value
            else:
                cell.value = change.new_value
        elif change.action == "attempt":
            assert change.attempt is not None
            attempt_key = (entry_id, change.attempt)
            if change.new_value is None:
                self.attempts.pop(attempt_key, None)
            else:
                self.attempts[attempt_key] = change.new_value
        if change.id == self.stamp + 1:
            # Nothing else was committed in between; otherwise the stamp stays behind so that the
            # next poll reloads the sheet and picks up what another station wrote.
            self.stamp = change.id

    # ---- one judge, one entry

    def judge_points(self, entry_id: int, judge_id: int) -> dict[int, float] | None:
        """The judge's counted points per criterion, or None while a cell is not settled (missing
        score, double-entry pass pending or conflicting)."""
        points: dict[int, float] = {}
        double = self.competition.double_entry
        for criterion in self.competition.criteria:
            cell = self.cell(entry_id, judge_id, criterion.id)
            state = cell.state(double)
            if state == "ok":
                assert cell.value is not None
                points[criterion.id] = cell.value
            elif state != "empty" or not criterion.is_deduction:
                return None
        return points

    def judge_total(self, entry_id: int, judge_id: int) -> float | None:
        key = (entry_id, judge_id)
        if key not in self._totals:
            points = self.judge_points(entry_id, judge_id)
            self._totals[key] = (
                None if points is None else rules.judge_total(points, self.competition.criteria)
            )
        return self._totals[key]

    def panel(self, entry: ScoringEntry) -> list[JudgeInfo]:
        """The judges who score this entry (all but those who must stand aside)."""
        return [j for j in self.judges if not self.blocked(entry, j)]

    def judge_progress(self, judge_id: int) -> tuple[int, int]:
        """(entries this judge has finished, entries this judge scores)."""
        judge = next(j for j in self.judges if j.id == judge_id)
        own = [e for e in self.entries if not self.blocked(e, judge)]
        return sum(self.judge_total(e.id, judge_id) is not None for e in own), len(own)

    # ---- results

    def result(self, entry: ScoringEntry) -> EntryResult:
        """The entry's final score and completeness, without its rank."""
        if entry.id not in self._results:
            self._results[entry.id] = self._compute_result(entry)
        return self._results[entry.id]

    def _compute_result(self, entry: ScoringEntry) -> EntryResult:
        competition = self.competition
        if competition.judging == "measured":
            values = tuple(self.attempts.get((entry.id, n)) for n in range(1, competition.attempts + 1))
            best = rules.best_attempt((v for v in values if v is not None), competition.higher_is_better)
            return EntryResult(
                entry,
                competition.name,
                None if best is None else rules.round_score(best),
                all(v is not None for v in values),
                None,
                attempts=values,
            )
        panel = self.panel(entry)
        totals = {j.id: self.judge_total(entry.id, j.id) for j in panel}
        done = [j for j in panel if totals[j.id] is not None]
        scored = [totals[j.id] or 0.0 for j in done]
        combined = rules.combine_totals(scored, competition.combine, competition.trim_min_judges)
        dropped = {}
        if combined.dropped_high is not None and combined.dropped_low is not None:
            dropped = {done[combined.dropped_high].id: "high", done[combined.dropped_low].id: "low"}
        outliers = rules.outlier_judges(
            {j.id: totals[j.id] or 0.0 for j in done}, competition.max_total, competition.outlier_percent
        )
        judges = tuple(
            JudgeTotal(
                j.id,
                j.name,
                totals.get(j.id),
                blocked=j not in panel,
                dropped=dropped.get(j.id, ""),
                outlier=j.id in outliers,
            )
            for j in self.judges
        )
        conflicts = sum(
            1
            for j in panel
            for c in competition.criteria
            if self.cell_state(entry.id, j.id, c.id) == "conflict"
        )
        return EntryResult(
            entry,
            competition.name,
            combined.final,
            bool(panel) and len(done) == len(panel),
            None,
            judges=judges,
            missing_judges=tuple(j.name for j in panel if totals[j.id] is None),
            conflicts=conflicts,
        )

    def tie_values(self, entry: ScoringEntry) -> tuple[float, ...]:
        """The panel's mean on each tie-break criterion, in the competition's order."""
        values = []
        for criterion_id in self.competition.tie_break:
            points = [
                self.cell(entry.id, j.id, criterion_id).value
                for j in self.panel(entry)
                if self.judge_total(entry.id, j.id) is not None
            ]
            counted = [p for p in points if p is not None]
            values.append(rules.round_score(sum(counted) / len(counted)) if counted else 0.0)
        return tuple(values)

    def results(self, provisional: bool = False) -> list[EntryResult]:
        """Every entry with its rank in its group, groups in school order, best first within each."""
        unranked = [self.result(entry) for entry in self.entries]
        ranks: dict[Hashable, int | None] = {}
        groups: dict[str, list[EntryResult]] = {}
        for result in unranked:
            groups.setdefault(result.entry.group, []).append(result)
        for members in groups.values():
            ranks.update(
                rules.assign_ranks(
                    (
                        rules.Rankable(r.entry.id, r.final, r.complete, self.tie_values(r.entry))
                        for r in members
                    ),
                    self.competition.higher_is_better,
                    provisional,
                )
            )
        ranked = [dataclasses.replace(r, rank=ranks.get(r.entry.id)) for r in unranked]
        ranked.sort(
            key=lambda r: (
                r.entry.group_order,
                r.rank is None,
                r.rank or 0,
                r.final is None,
                -(r.final or 0) if self.competition.higher_is_better else (r.final or 0),
                r.entry.code,
            )
        )
        return ranked

    def progress(self) -> tuple[int, int]:
        """(entries complete, entries)."""
        return sum(self.result(e).complete for e in self.entries), len(self.entries)


def _group(
    ranking_group: str, level: int, grade: str, section: str, section_position: int
) -> tuple[str, int]:
    if ranking_group == "grade":
        return grade, level
    if ranking_group == "section":
        return section, section_position
    return SCHOOL_GROUP, 0


def load_sheet(db: Database, competition_id: int) -> ScoringSheet:
    """The competition's judges, entries (not disqualified), scores and attempts, and the stamp."""
    with db.session() as session:
        competition = _competition(session, competition_id)
        info = competition_info(competition)
        judges = _judge_infos(session, competition)
        classes = {
            class_id: (level, grade, section, position, head)
            for class_id, level, grade, section, position, head in session.execute(
                select(
                    SchoolClass.id,
                    Grade.level,
                    Grade.name,
                    Section.name,
                    Section.position,
                    SchoolClass.head_teacher_id,
                )
                .join(Grade, SchoolClass.grade_id == Grade.id)
                .join(Section, Grade.section_id == Section.id)
                .where(SchoolClass.festival_id == competition.festival_id)
            )
        }
        entries = []
        for entry in entry_infos(session, competition.festival_id, competition_id=competition_id):
            if entry.status == UNCOUNTED_STATUS:
                continue
            level, grade, section, position, head = classes[entry.class_id]
            group, order = _group(info.ranking_group, level, grade, section, position)
            entries.append(
                ScoringEntry(
                    entry.id,
                    entry.code,
                    entry.class_id,
                    entry.class_name,
                    entry.title,
                    entry.author_names,
                    group,
                    order,
                    head,
                    entry.level,
                    entry.class_number,
                )
            )
        entries.sort(key=lambda e: (e.group_order, e.level, e.class_number, e.code))
        in_competition = select(Entry.id).where(Entry.competition_id == competition_id)
        cells = {
            (entry_id, judge_id, criterion_id): Cell(value, check)
            for entry_id, judge_id, criterion_id, value, check in session.execute(
                select(
                    Score.entry_id, Score.judge_id, Score.criterion_id, Score.value, Score.check_value
                ).where(Score.entry_id.in_(in_competition))
            )
        }
        attempts = {
            (entry_id, number): value
            for entry_id, number, value in session.execute(
                select(Attempt.entry_id, Attempt.number, Attempt.value).where(
                    Attempt.entry_id.in_(in_competition)
                )
            )
        }
        stamp = (
            session.scalar(
                select(func.max(ScoreChange.id)).where(ScoreChange.festival_id == competition.festival_id)
            )
            or 0
        )
        return ScoringSheet(info, judges, entries, cells, attempts, stamp)


def judged_competitions(db: Database, festival_id: int) -> list[CompetitionInfo]:
    """The competitions that are scored (by judges or by measurement), in display order."""
    with db.session() as session:
        rows = session.scalars(
            select(Competition)
            .where(Competition.festival_id == festival_id, Competition.judging != "none")
            .order_by(Competition.position, Competition.id)
        )
        return [competition_info(c) for c in rows]


def find_judged_competition(db: Database, festival_id: int, name: str) -> CompetitionInfo:
    """The scored competition of that name, or the only one whose name contains it."""
    judged = judged_competitions(db, festival_id)
    wanted = clean_text(name)
    matches = [c for c in judged if c.name == wanted] or [c for c in judged if wanted and wanted in c.name]
    if len(matches) != 1:
        names = "、".join(c.name for c in judged)
        raise NotFoundError(f"没有唯一名为「{name}」的评分项目。可选：{names}")
    return matches[0]


def festival_results(
    db: Database, festival_id: int, competition_name: str | None = None, provisional: bool = False
) -> list[EntryResult]:
    """Results of every judged competition of the festival, or of the one named."""
    competitions = (
        judged_competitions(db, festival_id)
        if competition_name is None
        else [find_judged_competition(db, festival_id, competition_name)]
    )
    found: list[EntryResult] = []
    for competition in competitions:
        found.extend(load_sheet(db, competition.id).results(provisional))
    return found
