"""Competitions of a festival: the preset catalogue from the school plans, rules of entry, criteria."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.competition_rules import (
    check_competition,
    eligibility_text,
    measured_ranking_text,
    quota_text,
)
from fest_desktop.registration.kinds import (
    Combine,
    CriterionKind,
    Judging,
    Outcome,
    Participation,
    RankingGroup,
    deadline_word,
)
from fest_desktop.school.school_days import school_day_by
from fest_desktop.school.structure import ensure_class_entries
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database, delete_row, fetch
from fest_desktop.storage.model import Competition, Criterion, Entry, Festival, Score


@dataclass(frozen=True)
class CriterionInfo:
    """A judging criterion, or a deduction item (扣分项) whose max_points is its cap and step the
    points per case; id 0 means not stored yet."""

    name: str
    max_points: float
    step: float = 1.0
    description: str = ""
    id: int = 0
    kind: CriterionKind = CriterionKind.SCORE

    @property
    def is_deduction(self) -> bool:
        return self.kind == CriterionKind.DEDUCTION

    @property
    def rule_text(self) -> str:
        """The criterion with its rule, as the plans write it: 内容科学 30 分; 刊头超过版面1/4扣5分;
        错别字每处扣1分，最多扣5分."""
        if not self.is_deduction:
            return f"{self.name} {self.max_points:g} 分"
        if self.step >= self.max_points:
            return f"{self.name}扣{self.max_points:g}分"
        return f"{self.name}每处扣{self.step:g}分，最多扣{self.max_points:g}分"


@dataclass(frozen=True)
class CompetitionInfo:
    """A competition and its rules; id 0 means not stored yet. eligible_levels () means every grade."""

    id: int
    name: str
    category: str = ""
    code_prefix: str = ""
    participation: Participation = Participation.INDIVIDUAL
    team_size: int = 1
    works_per_student: int = 1
    parent_allowed: bool = False
    eligible_levels: tuple[int, ...] = ()
    quota_min: int | None = None
    quota_max: int | None = None
    deadline: dt.date | None = None
    judging_date: dt.date | None = None
    window_start: dt.date | None = None
    subtypes: tuple[str, ...] = ()
    judging: Judging = Judging.RUBRIC
    outcome: Outcome = Outcome.PRIZES
    combine: Combine = Combine.MEAN
    trim_min_judges: int = 5
    attempts: int = 1
    measure_unit: str = ""
    higher_is_better: bool = True
    ranking_group: RankingGroup = RankingGroup.GRADE
    responsible: str = ""
    criteria: tuple[CriterionInfo, ...] = ()
    double_entry: bool = False
    tie_break: tuple[int, ...] = ()
    outlier_percent: int = 15
    locked: bool = False
    entry_count: int = 0
    # 个人优秀奖若干名: the default award rules give 优秀奖 to the judged works left without a prize.
    merit_award: bool = False
    # Judging opened before its day (提前开始评审): when; None while it waits for its day.
    judging_opened_at: dt.datetime | None = None

    @property
    def is_class_competition(self) -> bool:
        return self.participation == Participation.CLASS

    @property
    def is_for_teachers(self) -> bool:
        """Entered by teachers (经验论文评比): its works belong to no class and count for no class."""
        return self.participation == Participation.TEACHER

    @property
    def quota_text(self) -> str:
        return quota_text(self.quota_min, self.quota_max, self.entry_unit)

    @property
    def deadline_word(self) -> str:
        return deadline_word(self.participation, self.judging, windowed=self.window_start is not None)

    @property
    def is_shortlist(self) -> bool:
        """Judged as a 初评: works are selected (入选), not given levels."""
        return self.outcome == Outcome.SHORTLIST

    @property
    def is_quiz_team(self) -> bool:
        """A team ranked by measurement (a 知识竞赛 team): no object of its own to label or show."""
        return self.participation == Participation.TEAM and self.judging == Judging.MEASURED

    @property
    def entry_unit(self) -> str:
        """What one entry is counted as, in the plans' words: a class's board is 期, a quiz team 队."""
        if self.is_class_competition:
            return "期"
        return "队" if self.participation == Participation.TEAM else "件"

    @property
    def eligibility_text(self) -> str:
        return "教师" if self.is_for_teachers else eligibility_text(self.eligible_levels)

    @property
    def participation_text(self) -> str:
        if self.participation == Participation.TEAM:
            text = f"团队（最多{self.team_size}人）"
        else:
            text = self.participation.label
        return text + ("，可与家长合作" if self.parent_allowed else "")

    @property
    def judging_text(self) -> str:
        if self.judging == Judging.MEASURED:
            return measured_ranking_text(self.measure_unit, self.higher_is_better, self.attempts)
        if self.judging == Judging.RUBRIC:
            return f"评委评分，{self.combine.label}"
        return self.judging.label

    def accepts_level(self, level: int) -> bool:
        """Whether a class of that grade may enter (no class enters a competition for teachers)."""
        if self.is_for_teachers:
            return False
        return not self.eligible_levels or level in self.eligible_levels

    @property
    def is_judged(self) -> bool:
        return self.judging != "none"

    @property
    def score_criteria(self) -> tuple[CriterionInfo, ...]:
        return tuple(c for c in self.criteria if not c.is_deduction)

    @property
    def deductions(self) -> tuple[CriterionInfo, ...]:
        return tuple(c for c in self.criteria if c.is_deduction)

    @property
    def criteria_text(self) -> str:
        """评分项：… ；扣分项：… — each with its rule, the deductions apart."""
        parts = []
        if self.score_criteria:
            parts.append("评分项：" + "、".join(c.rule_text for c in self.score_criteria))
        if self.deductions:
            parts.append("扣分项：" + "；".join(c.rule_text for c in self.deductions))
        return "；".join(parts)

    @property
    def max_total(self) -> float:
        return sum(c.max_points for c in self.score_criteria)

    @property
    def unscorable_reason(self) -> str:
        """Why judges cannot score it (a rubric without a single scored criterion), or "". Such a
        competition has no result and is never awarded."""
        if self.judging == Judging.RUBRIC and not self.score_criteria:
            return (
                f"「{self.name}」还没有计分的评分项，不能评分，也不会评奖。"
                "请在「作品报名 → 比赛项目」中为它添加评分项。"
            )
        return ""


def _check_unique(session: Session, festival_id: int, info: CompetitionInfo) -> None:
    others = session.execute(
        select(Competition.name, Competition.code_prefix).where(
            Competition.festival_id == festival_id, Competition.id != info.id
        )
    ).all()
    for name, prefix in others:
        if name == info.name.strip():
            raise ValidationError(f"已经有名为「{name}」的比赛项目。")
        if prefix == info.code_prefix:
            raise ValidationError(f"编号前缀「{prefix}」已被「{name}」使用，请换一个。")


def _criterion_info(criterion: Criterion) -> CriterionInfo:
    return CriterionInfo(
        criterion.name,
        criterion.max_points,
        criterion.step,
        criterion.description,
        criterion.id,
        CriterionKind(criterion.kind),
    )


def competition_info(competition: Competition, entry_count: int = 0) -> CompetitionInfo:
    return CompetitionInfo(
        id=competition.id,
        name=competition.name,
        category=competition.category,
        code_prefix=competition.code_prefix,
        participation=competition.participation,
        team_size=competition.team_size,
        works_per_student=competition.works_per_student,
        parent_allowed=competition.parent_allowed,
        eligible_levels=tuple(int(part) for part in competition.eligible_levels.split(",") if part),
        quota_min=competition.quota_min,
        quota_max=competition.quota_max,
        deadline=competition.deadline,
        judging_date=competition.judging_date,
        window_start=competition.window_start,
        subtypes=tuple(line for line in competition.subtypes.splitlines() if line),
        judging=competition.judging,
        outcome=competition.outcome,
        combine=competition.combine,
        trim_min_judges=competition.trim_min_judges,
        attempts=competition.attempts,
        measure_unit=competition.measure_unit,
        higher_is_better=competition.higher_is_better,
        ranking_group=competition.ranking_group,
        responsible=competition.responsible,
        criteria=tuple(_criterion_info(c) for c in competition.criteria),
        double_entry=competition.double_entry,
        tie_break=tuple(int(part) for part in competition.tie_break.split(",") if part),
        outlier_percent=competition.outlier_percent,
        locked=competition.locked,
        entry_count=entry_count,
        merit_award=competition.merit_award,
        judging_opened_at=competition.judging_opened_at,
    )


def list_competitions(db: Database, festival_id: int) -> list[CompetitionInfo]:
    """The festival's competitions in their display order, each with its number of entries."""
    with db.session() as session:
        return competitions_of(session, festival_id)


def competitions_of(session: Session, festival_id: int) -> list[CompetitionInfo]:
    """list_competitions within a session."""
    counts = dict(
        session.execute(
            select(Entry.competition_id, func.count())
            .where(Entry.festival_id == festival_id)
            .group_by(Entry.competition_id)
        ).all()
    )
    competitions = session.scalars(
        select(Competition)
        .where(Competition.festival_id == festival_id)
        .order_by(Competition.position, Competition.id)
    ).all()
    return [competition_info(c, counts.get(c.id, 0)) for c in competitions]


def get_competition(db: Database, competition_id: int) -> CompetitionInfo:
    with db.session() as session:
        return competition_info(competition_row(session, competition_id))


def competition_row(session: Session, competition_id: int) -> Competition:
    """The competition's row, or NotFoundError when it has been deleted (in another window, say)."""
    return fetch(session, Competition, competition_id, "这个比赛项目已不存在（可能已被删除）。")


def _apply(competition: Competition, info: CompetitionInfo) -> None:
    if info.participation == Participation.TEACHER:
        # A teacher's work belongs to no class: no grades, no class quota, one school-wide ranking.
        info = dataclasses.replace(
            info,
            eligible_levels=(),
            quota_min=None,
            quota_max=None,
            parent_allowed=False,
            ranking_group=RankingGroup.SCHOOL,
        )
    competition.name = info.name.strip()
    competition.category = info.category.strip()
    competition.code_prefix = info.code_prefix
    competition.participation = info.participation
    competition.team_size = info.team_size if info.participation == Participation.TEAM else 1
    competition.works_per_student = info.works_per_student
    competition.parent_allowed = info.parent_allowed
    competition.eligible_levels = ",".join(str(level) for level in sorted(set(info.eligible_levels)))
    competition.quota_min = info.quota_min
    competition.quota_max = info.quota_max
    competition.deadline = info.deadline
    competition.judging_date = info.judging_date
    # Only a class's board is made and inspected over a window; works are handed in by a deadline.
    competition.window_start = info.window_start if info.participation == Participation.CLASS else None
    competition.outcome = info.outcome
    competition.subtypes = "\n".join(s.strip() for s in info.subtypes if s.strip())
    competition.judging = info.judging
    competition.combine = info.combine
    competition.trim_min_judges = info.trim_min_judges
    competition.attempts = info.attempts
    competition.measure_unit = info.measure_unit.strip()
    competition.higher_is_better = info.higher_is_better
    competition.ranking_group = info.ranking_group
    competition.responsible = info.responsible.strip()
    competition.double_entry = info.double_entry
    competition.outlier_percent = info.outlier_percent
    competition.merit_award = info.merit_award


def _apply_criteria(session: Session, competition: Competition, criteria: Iterable[CriterionInfo]) -> None:
    """Update criteria in place by id (scores will refer to them), add new ones, drop the ones left out."""
    existing = {c.id: c for c in competition.criteria}
    # One query for what every stored criterion already holds: (highest score, number of scores).
    scored: dict[int, tuple[float | None, int]] = {
        criterion_id: (max((v for v in (value, check) if v is not None), default=None), count)
        for criterion_id, value, check, count in session.execute(
            select(
                Score.criterion_id,
                func.max(Score.value),
                func.max(Score.check_value),
                func.count(Score.value),
            )
            .where(Score.criterion_id.in_(list(existing)))
            .group_by(Score.criterion_id)
        )
    }
    kept: list[Criterion] = []
    for position, info in enumerate(criteria):
        criterion = existing.pop(info.id, None) or Criterion()
        highest = scored.get(criterion.id, (None, 0))[0] if criterion.id is not None else None
        if highest is not None and info.max_points < highest:
            raise ValidationError(
                f"「{criterion.name}」已有 {highest:g} 分的成绩，满分不能改成 {info.max_points:g}。"
            )
        criterion.name = info.name.strip()
        criterion.max_points = float(info.max_points)
        criterion.step = float(info.step)
        criterion.description = info.description.strip()
        criterion.position = position
        criterion.kind = info.kind
        kept.append(criterion)
    for gone in existing.values():
        count = scored.get(gone.id, (None, 0))[1]
        if count:
            raise ValidationError(f"评分项「{gone.name}」已有 {count} 个分数，不能删除。")
        session.delete(gone)
    competition.criteria = kept


def _apply_tie_break(competition: Competition, tie_break: Iterable[int]) -> None:
    """Keep only tie-break criteria that are still score criteria of the competition, in order."""
    usable = {c.id for c in competition.criteria if c.kind == CriterionKind.SCORE}
    competition.tie_break = ",".join(str(i) for i in dict.fromkeys(tie_break) if i in usable)


def add_competition(db: Database, festival_id: int, info: CompetitionInfo) -> Done[CompetitionInfo]:
    """Store a new competition; a class competition gets its entry for every eligible class at once."""
    with db.session() as session:
        return Done(insert_competition(session, festival_id, info), Changed.COMPETITIONS | Changed.ENTRIES)


def insert_competition(session: Session, festival_id: int, info: CompetitionInfo) -> CompetitionInfo:
    """add_competition within a session."""
    info = dataclasses.replace(info, id=0)
    check_competition(info)
    _check_unique(session, festival_id, info)
    last = session.scalar(
        select(func.max(Competition.position)).where(Competition.festival_id == festival_id)
    )
    competition = Competition(festival_id=festival_id, position=(last or 0) + 1, next_number=1)
    _apply(competition, info)
    session.add(competition)
    session.flush()
    _apply_criteria(session, competition, info.criteria)
    session.flush()
    created = ensure_class_entries(session, competition)
    return competition_info(competition, created)


def update_competition(db: Database, info: CompetitionInfo) -> Done[CompetitionInfo]:
    """Save edited rules and criteria; entries keep their numbers even when the prefix changes."""
    check_competition(info)
    with db.session() as session:
        competition = competition_row(session, info.id)
        _check_unique(session, competition.festival_id, info)
        if info.participation != competition.participation and _entry_count(session, competition.id):
            raise ValidationError(
                f"「{competition.name}」已有作品，不能再改参赛方式（个人、团队或班级集体）。"
            )
        _apply(competition, info)
        _apply_criteria(session, competition, info.criteria)
        session.flush()
        _apply_tie_break(competition, info.tie_break)
        ensure_class_entries(session, competition)
        return Done(
            competition_info(competition, _entry_count(session, competition.id)),
            Changed.COMPETITIONS | Changed.ENTRIES,
        )


def delete_competition(db: Database, competition_id: int) -> Done[None]:
    """Delete a competition with all its entries, after a backup of the file."""
    backup_before(db, "删除比赛")
    with db.session() as session:
        delete_row(session, Competition, competition_id)
    return Done(None, Changed.COMPETITIONS | Changed.ENTRIES | Changed.SCORES | Changed.AWARDS)


def _entry_count(session: Session, competition_id: int) -> int:
    return session.scalar(select(func.count()).where(Entry.competition_id == competition_id)) or 0


def copy_competitions(
    session: Session, source_festival_id: int, target: Festival, shift: dt.timedelta
) -> None:
    """Copy a festival's competitions and criteria (not entries) into a new one, deadlines shifted and
    each brought forward to a school day."""

    def shifted(day: dt.date | None) -> dt.date | None:
        return None if day is None else school_day_by(day + shift, target.start_date)

    competitions = session.scalars(
        select(Competition)
        .where(Competition.festival_id == source_festival_id)
        .order_by(Competition.position)
    ).all()
    for source in competitions:
        info = competition_info(source)
        copy = Competition(festival_id=target.id, position=source.position, next_number=1)
        _apply(
            copy,
            dataclasses.replace(
                info,
                deadline=shifted(info.deadline),
                judging_date=shifted(info.judging_date),
                window_start=shifted(info.window_start),
            ),
        )
        session.add(copy)
        session.flush()
        _apply_criteria(session, copy, [dataclasses.replace(c, id=0) for c in info.criteria])
        session.flush()
        new_ids = {old.id: new.id for old, new in zip(info.criteria, copy.criteria, strict=True)}
        _apply_tie_break(copy, [new_ids[i] for i in info.tie_break if i in new_ids])
        ensure_class_entries(session, copy)
