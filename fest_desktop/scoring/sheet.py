"""Scoring day: the judges' panel, scores committed one by one with an audit trail, locking, and the
scoring sheet of a competition from which progress, results and ranks are computed."""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.errors import NotFoundError
from fest_desktop.registration.competitions import CompetitionInfo, competition_info, competition_row
from fest_desktop.registration.entries import EntryInfo, entry_infos
from fest_desktop.registration.kinds import EntryStatus, Judging, RankingGroup
from fest_desktop.scoring import rules
from fest_desktop.scoring.judges import JudgeInfo, judge_infos, stand_aside_reason
from fest_desktop.scoring.kinds import CellState, ChangeAction, Dropped
from fest_desktop.scoring.log import ScoreChangeInfo
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import (
    Attempt,
    Competition,
    Entry,
    Grade,
    SchoolClass,
    Score,
    ScoreChange,
    Section,
)
from fest_desktop.values import clean_text, final_text

SCHOOL_GROUP = "全校"


@dataclass(frozen=True)
class ScoringEntry:
    """An entry as the scoring screens show it, with its ranking group."""

    id: int
    code: str
    class_id: int | None  # None: a teacher's work
    class_name: str
    title: str
    authors: str
    group: str
    group_order: int
    head_teacher_id: int | None
    level: int = 0
    class_number: int = 0
    author_teacher_id: int | None = None

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

    def state(self, double_entry: bool) -> CellState:
        """Whether the cell is settled; with double entry, whether both passes agree."""
        if self.value is None and self.check_value is None:
            return CellState.EMPTY
        if not double_entry:
            return CellState.OK if self.value is not None else CellState.EMPTY
        if self.value is None or self.check_value is None:
            return CellState.PENDING
        return CellState.OK if self.value == self.check_value else CellState.CONFLICT


@dataclass(frozen=True)
class JudgeTotal:
    judge_id: int
    judge_name: str
    total: float | None
    blocked: bool = False
    dropped: Dropped = Dropped.NONE
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
    unit: str = ""  # of a measured result (秒, 米); a rubric's points go without

    @property
    def final_text(self) -> str:
        return final_text(self.final, self.unit)


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
                judge.name,
                judge.class_id,
                judge.teacher_id,
                entry.class_id,
                entry.head_teacher_id,
                entry.author_teacher_id,
            )
        )

    def cell(self, entry_id: int, judge_id: int, criterion_id: int) -> Cell:
        return self.cells.get((entry_id, judge_id, criterion_id)) or Cell()

    def cell_state(self, entry_id: int, judge_id: int, criterion_id: int) -> CellState:
        return self.cell(entry_id, judge_id, criterion_id).state(self.competition.double_entry)

    def apply(self, change: ScoreChangeInfo) -> None:
        """Take a change this station just committed into the sheet, without reloading."""
        entry_id = change.entry_id or 0
        self._results.pop(entry_id, None)
        for judge in self.judges:
            self._totals.pop((entry_id, judge.id), None)
        if change.action == ChangeAction.SCORE:
            assert change.judge_id is not None and change.criterion_id is not None
            cell = self.cells.setdefault((entry_id, change.judge_id, change.criterion_id), Cell())
            if change.check_pass:
                cell.check_value = change.new_value
            else:
                cell.value = change.new_value
        elif change.action == ChangeAction.ATTEMPT:
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

    def catch_up(self, changes: list[ScoreChangeInfo]) -> bool:
        """Take what other stations committed since the stamp (changes_since) into the sheet, so that a
        phone's score recomputes one entry rather than reloading the competition. False, with nothing
        applied, when only a reload will do (a lock or unlock, an entry the sheet does not hold)."""
        own = [change for change in changes if change.competition_id == self.competition.id]
        for change in own:
            if change.action not in (ChangeAction.SCORE, ChangeAction.ATTEMPT):
                return False
            if change.entry_id not in self._entries_by_id:
                return False
        for change in own:
            self.apply(change)
        if changes:
            self.stamp = max(self.stamp, changes[-1].id)
        return True

    # ---- one judge, one entry

    def judge_points(self, entry_id: int, judge_id: int) -> dict[int, float] | None:
        """The judge's counted points per criterion, or None while a cell is not settled (missing
        score, double-entry pass pending or conflicting)."""
        if self.competition.unscorable_reason:
            return None  # nothing to score by: never a total of 0
        points: dict[int, float] = {}
        double = self.competition.double_entry
        for criterion in self.competition.criteria:
            cell = self.cell(entry_id, judge_id, criterion.id)
            state = cell.state(double)
            if state == CellState.OK:
                assert cell.value is not None
                points[criterion.id] = cell.value
            elif state != CellState.EMPTY or not criterion.is_deduction:
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
        if competition.judging == Judging.MEASURED:
            values = tuple(self.attempts.get((entry.id, n)) for n in range(1, competition.attempts + 1))
            best = rules.best_attempt((v for v in values if v is not None), competition.higher_is_better)
            return EntryResult(
                entry,
                competition.name,
                None if best is None else rules.round_score(best),
                all(v is not None for v in values),
                None,
                attempts=values,
                unit=competition.measure_unit,
            )
        panel = self.panel(entry)
        totals = {j.id: self.judge_total(entry.id, j.id) for j in panel}
        done = [j for j in panel if totals[j.id] is not None]
        scored = [totals[j.id] or 0.0 for j in done]
        combined = rules.combine_totals(scored, competition.combine, competition.trim_min_judges)
        dropped = {}
        if combined.dropped_high is not None and combined.dropped_low is not None:
            dropped = {
                done[combined.dropped_high].id: Dropped.HIGH,
                done[combined.dropped_low].id: Dropped.LOW,
            }
        outliers = rules.outlier_judges(
            {j.id: totals[j.id] or 0.0 for j in done}, competition.max_total, competition.outlier_percent
        )
        judges = tuple(
            JudgeTotal(
                j.id,
                j.name,
                totals.get(j.id),
                blocked=j not in panel,
                dropped=dropped.get(j.id, Dropped.NONE),
                outlier=j.id in outliers,
            )
            for j in self.judges
        )
        conflicts = sum(
            1
            for j in panel
            for c in competition.criteria
            if self.cell_state(entry.id, j.id, c.id) == CellState.CONFLICT
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
    if ranking_group == RankingGroup.GRADE:
        return grade, level
    if ranking_group == RankingGroup.SECTION:
        return section, section_position
    return SCHOOL_GROUP, 0


def load_sheet(db: Database, competition_id: int) -> ScoringSheet:
    """The competition's judges, entries (not disqualified), scores and attempts, and the stamp."""
    with db.session() as session:
        return sheet_of(session, competition_id)


def sheet_of(
    session: Session, competition_id: int, festival_entries: Sequence[EntryInfo] | None = None
) -> ScoringSheet:
    """load_sheet within a session; a caller loading every competition's sheet passes the festival's
    entries, read once, instead of a read per sheet."""
    competition = competition_row(session, competition_id)
    info = competition_info(competition)
    judges = judge_infos(session, competition)
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
    stored = (
        entry_infos(session, competition.festival_id, competition_id=competition_id)
        if festival_entries is None
        else [e for e in festival_entries if e.competition_id == competition_id]
    )
    for entry in stored:
        if entry.status == EntryStatus.DISQUALIFIED:
            continue
        if entry.class_id is None:  # a teacher's work: ranked school-wide, no class to stand aside for
            group, order, head = SCHOOL_GROUP, 0, None
        else:
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
                entry.teacher_id,
            )
        )
    entries.sort(key=lambda e: (e.group_order, e.level, e.class_number, e.code))
    in_competition = select(Entry.id).where(Entry.competition_id == competition_id)
    cells = {
        (entry_id, judge_id, criterion_id): Cell(value, check)
        for entry_id, judge_id, criterion_id, value, check in session.execute(
            select(Score.entry_id, Score.judge_id, Score.criterion_id, Score.value, Score.check_value).where(
                Score.entry_id.in_(in_competition)
            )
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
        return judged_of(session, festival_id)


def judged_of(session: Session, festival_id: int) -> list[CompetitionInfo]:
    """judged_competitions within a session."""
    rows = session.scalars(
        select(Competition)
        .where(Competition.festival_id == festival_id, Competition.judging != "none")
        .order_by(Competition.position, Competition.id)
    )
    return [competition_info(c) for c in rows]


def find_judged_competition(db: Database, festival_id: int, name: str) -> CompetitionInfo:
    """The scored competition of that name, or the only one whose name contains it."""
    with db.session() as session:
        return chosen_competitions(session, festival_id, name)[0]


def chosen_competitions(session: Session, festival_id: int, name: str | None) -> list[CompetitionInfo]:
    """Every scored competition of the festival, or the one named (a unique part of a name is
    enough); NotFoundError lists the names when there is no single match."""
    judged = judged_of(session, festival_id)
    if name is None:
        return judged
    wanted = clean_text(name)
    matches = [c for c in judged if c.name == wanted] or [c for c in judged if wanted and wanted in c.name]
    if len(matches) != 1:
        names = "、".join(c.name for c in judged)
        raise NotFoundError(f"没有唯一名为「{name}」的评分项目。可选：{names}")
    return matches


def festival_results(
    db: Database, festival_id: int, competition_name: str | None = None, provisional: bool = False
) -> list[EntryResult]:
    """Results of every judged competition of the festival, or of the one named."""
    with db.session() as session:
        return [
            result
            for competition in chosen_competitions(session, festival_id, competition_name)
            for result in sheet_of(session, competition.id).results(provisional)
        ]
