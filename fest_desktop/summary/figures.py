"""The festival in figures: participation, entries, judging, awards and the works recommended to the
district, with last year's headline beside this year's. Every figure the tab, the report and
`summary stats --json` show is computed here, once."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.awards.higher import higher_levels_of
from fest_desktop.awards.kinds import ADVISOR_TITLE, SHORTLIST_LEVEL, AwardKind, ListKey, competition_list_key
from fest_desktop.awards.levels import levels_of
from fest_desktop.awards.lists import AwardInfo, awards_of, class_rows, notices_of
from fest_desktop.awards.totals import class_totals_of
from fest_desktop.practice.progress import PracticeProgress, progress_of
from fest_desktop.registration.competitions import CompetitionInfo, competitions_of
from fest_desktop.registration.entries import EntryInfo, entry_infos
from fest_desktop.registration.kinds import EntryStatus, Judging, Participation
from fest_desktop.registration.quotas import participants_per_class, students_per_class
from fest_desktop.school.classnames import grade_name
from fest_desktop.school.festivals import FestivalInfo, festival_of
from fest_desktop.scoring.sheet import sheet_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Award, Competition, Entry, Festival
from fest_desktop.summary.teachers import TeacherContest, teacher_contest

# Where a teacher's recommended work stands in the district list's 学部 column.
TEACHERS_SECTION = "教师"


@dataclass(frozen=True)
class ClassFigures:
    """One class: its students, its entries against the least its quotas ask, and who took part."""

    class_name: str
    grade: str
    section: str
    students: int
    entries: int
    quota: int  # the entries the quotas ask of it at least (每班至少报 …), over its competitions
    participants: int  # students author of at least one entry, each counted once

    @property
    def share(self) -> float:
        return self.participants / self.students if self.students else 0.0


@dataclass(frozen=True)
class GradeFigures:
    grade: str
    section: str
    classes: int
    students: int
    entries: int
    participants: int

    @property
    def share(self) -> float:
        return self.participants / self.students if self.students else 0.0


@dataclass(frozen=True)
class CompetitionFigures:
    """One competition: entries counted (late ones among them), disqualified ones apart, by section and
    grade; how far judging has got; its awards by level."""

    name: str
    unit: str  # 件, 期, 队
    entries: int
    late: int
    disqualified: int
    by_section: dict[str, int]
    by_grade: dict[str, int]
    judged: int  # entries whose result is complete
    scored: bool  # judged by score or measure at all
    awards: dict[str, int]
    final: bool = False  # its award list is 定稿

    @property
    def judging_share(self) -> float:
        return self.judged / self.entries if self.entries else 0.0


@dataclass(frozen=True)
class JudgeSpread:
    """A judge against the panel: the mean of (their total − the panel's mean) over the entries they
    scored with at least one other judge; positive scores high."""

    competition: str
    judge: str
    entries: int
    difference: float


@dataclass(frozen=True)
class NamedAward:
    """A collective award, a 优秀组织奖 or a 科技辅导员奖, as the 总结 names it."""

    kind: str
    level: str
    recipient: str
    detail: str = ""  # the section, or the competition of a 辅导员奖
    final: bool = False  # its list is 定稿; else provisional, and said so

    @property
    def level_text(self) -> str:
        return self.level if self.final else f"{self.level}（暂定）"


@dataclass(frozen=True)
class RecommendedWork:
    code: str
    competition: str
    title: str
    section: str
    class_name: str
    authors: str
    team: bool
    level: str  # the award it won here
    higher_result: str  # every level's result in one line
    subtype: str = ""
    advisor: str = ""
    description: str = ""  # 说明
    higher_results: tuple[tuple[str, str], ...] = ()  # (level, result), lowest level first


# What entries are counted in (CompetitionInfo.entry_unit): works 件, class boards 期, quiz teams 队.
UNITS = ("件", "期", "队")


def counted_text(by_unit: dict[str, int]) -> str:
    """300 件、24 期、19 队 (0 件 when there is nothing)."""
    return "、".join(f"{count} {unit}" for unit, count in by_unit.items()) or "0 件"


@dataclass(frozen=True)
class Headline:
    """The figures a 总结 opens with, for this festival and the one before it in the file."""

    festival: str
    classes: int
    classes_taking_part: int
    students: int
    participants: int
    entries: int
    awards: dict[str, int]
    recommended: int
    # The entries and each level's awards by what they are counted in: works 件, boards 期, quiz teams 队.
    entries_by_unit: dict[str, int] = field(default_factory=dict)
    awards_by_unit: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.participants / self.students if self.students else 0.0


@dataclass(frozen=True)
class SummaryFigures:
    festival: FestivalInfo
    headline: Headline
    previous: Headline | None
    levels: list[str]
    classes: list[ClassFigures]
    grades: list[GradeFigures]
    silent_classes: list[str]  # classes that entered nothing
    competitions: list[CompetitionFigures]
    judges: list[JudgeSpread]
    awards_by_grade: dict[str, dict[str, int]]
    awards_by_class: dict[str, dict[str, int]]
    named_awards: list[NamedAward]
    points: list[tuple[str, float]]  # 班级考核, best first
    recommended: list[RecommendedWork]
    recommended_by_section: dict[str, dict[str, int]] = field(default_factory=dict)  # 个人/团体
    # The contests above the school, lowest first, and how many works obtained a result at each.
    higher_levels: list[str] = field(default_factory=list)
    higher_counts: dict[str, int] = field(default_factory=dict)
    teacher_contests: list[TeacherContest] = field(default_factory=list)
    practice: PracticeProgress | None = None


def summary_figures(db: Database, festival_id: int) -> SummaryFigures:
    """Every figure of the festival's 总结, read in one transaction."""
    with db.session() as session:
        return figures_of(session, festival_id)


def figures_of(session: Session, festival_id: int) -> SummaryFigures:
    """summary_figures within a session."""
    festival = festival_of(session, festival_id)
    classes = class_rows(session, festival_id)  # id → (name, section, position, level, number)
    every_competition = competitions_of(session, festival_id)
    # The teachers' own contests are counted apart: their works are no class's and no pupil's.
    teachers = {c.id for c in every_competition if c.is_for_teachers}
    competitions = [c for c in every_competition if c.id not in teachers]
    every_entry = entry_infos(session, festival_id)
    entries = [e for e in every_entry if e.competition_id not in teachers]
    levels = [level.name for level in levels_of(session, festival_id)]
    counted = [e for e in entries if e.status != EntryStatus.DISQUALIFIED]
    final = set(notices_of(session, festival_id))

    students = students_per_class(session, festival_id)
    participants = participants_per_class(session, festival_id)
    class_figures = _class_figures(
        classes,
        competitions,
        Counter(e.class_id for e in counted if e.class_id is not None),
        students,
        participants,
    )
    grade_figures = _grade_figures(class_figures)
    awards = awards_of(session, festival_id, include_withdrawn=False)
    every_entry_award = [a for a in awards if a.kind == AwardKind.ENTRY and a.level]
    entry_awards = [a for a in every_entry_award if a.competition_id not in teachers]
    units = {competition.id: competition.entry_unit for competition in competitions}

    competition_figures = []
    judge_spreads: list[JudgeSpread] = []
    for competition in competitions:
        mine = [e for e in entries if e.competition_id == competition.id]
        judged, scored = _judging(session, competition, entries, judge_spreads)
        competition_figures.append(
            CompetitionFigures(
                name=competition.name,
                unit=competition.entry_unit,
                entries=sum(e.status != EntryStatus.DISQUALIFIED for e in mine),
                late=sum(e.late and e.status != EntryStatus.DISQUALIFIED for e in mine),
                disqualified=sum(e.status == EntryStatus.DISQUALIFIED for e in mine),
                by_section=_count_by(mine, lambda e: classes[e.class_id][1] if e.class_id else ""),
                by_grade=_count_by(mine, lambda e: grade_name(e.level)),
                judged=judged,
                scored=scored,
                awards=dict(Counter(a.level for a in entry_awards if a.competition_id == competition.id)),
                final=competition_list_key(competition.id) in final,
            )
        )
    teacher_contests = [
        teacher_contest(
            competition,
            every_entry,
            every_entry_award,
            final,
            _judging(session, competition, every_entry, judge_spreads),
        )
        for competition in every_competition
        if competition.id in teachers
    ]
    higher = higher_levels_of(session, festival_id)

    by_grade: dict[str, dict[str, int]] = defaultdict(Counter)
    by_class: dict[str, dict[str, int]] = defaultdict(Counter)
    for award in entry_awards:
        if award.class_id is not None and award.level != SHORTLIST_LEVEL:
            name, _section, _position, level, _number = classes[award.class_id]
            by_grade[grade_name(level)][award.level] += 1
            by_class[name][award.level] += 1

    recommended = recommended_of(session, festival_id)
    return SummaryFigures(
        festival=festival,
        headline=_headline(
            festival.title,
            class_figures,
            Counter(units[e.competition_id] for e in counted),
            Counter(
                (a.level, units[a.competition_id or 0]) for a in entry_awards if a.level != SHORTLIST_LEVEL
            ),
            len(recommended),
        ),
        previous=_previous_headline(session, festival),
        levels=[
            *levels,
            *([SHORTLIST_LEVEL] if any(a.level == SHORTLIST_LEVEL for a in entry_awards) else []),
        ],
        classes=class_figures,
        grades=grade_figures,
        silent_classes=[c.class_name for c in class_figures if c.entries == 0],
        competitions=competition_figures,
        judges=judge_spreads,
        awards_by_grade={grade: dict(counts) for grade, counts in by_grade.items()},
        awards_by_class={name: dict(counts) for name, counts in by_class.items()},
        named_awards=_named_awards(awards, classes, final),
        points=_points_ranking(session, festival_id, classes),
        recommended=recommended,
        recommended_by_section=recommended_counts(recommended),
        higher_levels=[level.name for level in higher],
        higher_counts={level.name: level.results for level in higher},
        teacher_contests=teacher_contests,
        practice=progress_of(session, festival_id),
    )


def _in_school_order(
    classes: dict[int, tuple[str, str, int, int, int]],
) -> list[tuple[int, tuple[str, str, int, int, int]]]:
    """(class id, its row) by section, grade and class number."""
    return sorted(classes.items(), key=lambda item: (item[1][2], item[1][3], item[1][4]))


def _points_ranking(
    session: Session, festival_id: int, classes: dict[int, tuple[str, str, int, int, int]]
) -> list[tuple[str, float]]:
    """Every class with its 班级考核 total (the sum the 班级考核 table shows), best first, in school order
    among equals."""
    table = class_totals_of(session, festival_id)
    ordered = _in_school_order(classes)
    totals = [(name, table.get(class_id, 0.0)) for class_id, (name, *_rest) in ordered]
    return sorted(totals, key=lambda item: -item[1])


def _count_by(entries: list[EntryInfo], key: Callable[[EntryInfo], str]) -> dict[str, int]:
    return dict(Counter(key(e) for e in entries if e.status != EntryStatus.DISQUALIFIED))


def _class_figures(
    classes: dict[int, tuple[str, str, int, int, int]],
    competitions: list[CompetitionInfo],
    entries: Counter[int],
    students: dict[int, int],
    participants: dict[int, int],
) -> list[ClassFigures]:
    ordered = _in_school_order(classes)
    return [
        ClassFigures(
            class_name=name,
            grade=grade_name(level),
            section=section,
            students=students.get(class_id, 0),
            entries=entries[class_id],
            quota=sum(c.quota_min or 0 for c in competitions if c.accepts_level(level)),
            participants=participants.get(class_id, 0),
        )
        for class_id, (name, section, _position, level, _number) in ordered
    ]


def _grade_figures(classes: list[ClassFigures]) -> list[GradeFigures]:
    grades: dict[str, list[ClassFigures]] = {}
    for row in classes:
        grades.setdefault(row.grade, []).append(row)
    return [
        GradeFigures(
            grade=grade,
            section=rows[0].section,
            classes=len(rows),
            students=sum(r.students for r in rows),
            entries=sum(r.entries for r in rows),
            participants=sum(r.participants for r in rows),
        )
        for grade, rows in grades.items()
    ]


def _judging(
    session: Session, competition: CompetitionInfo, entries: list[EntryInfo], spreads: list[JudgeSpread]
) -> tuple[int, bool]:
    """How many of the competition's entries have a complete result; the judges' spread of a rubric
    competition is added to spreads."""
    if competition.judging == Judging.NONE or competition.unscorable_reason:
        return 0, False
    sheet = sheet_of(session, competition.id, entries)
    results = [sheet.result(entry) for entry in sheet.entries]  # ranks are not needed here
    if competition.judging == Judging.RUBRIC:
        differences: dict[str, list[float]] = defaultdict(list)
        for result in results:
            totals = [(j.judge_name, j.total) for j in result.judges if j.total is not None and not j.blocked]
            if len(totals) < 2:
                continue
            mean = statistics.fmean(total for _name, total in totals)
            for name, total in totals:
                differences[name].append(total - mean)
        spreads.extend(
            JudgeSpread(competition.name, name, len(values), round(statistics.fmean(values), 2))
            for name, values in differences.items()
        )
    return sum(r.complete for r in results), True


def _named_awards(
    awards: list[AwardInfo], classes: dict[int, tuple[str, str, int, int, int]], final: set[ListKey]
) -> list[NamedAward]:
    named = []
    for award in awards:
        if not award.level or award.kind == AwardKind.ENTRY:
            continue
        if award.kind == AwardKind.ADVISOR:
            named.append(
                NamedAward(
                    ADVISOR_TITLE, award.level, award.teacher, award.competition, award.list_key in final
                )
            )
        elif award.class_id is not None:
            section = classes[award.class_id][1]
            named.append(
                NamedAward(
                    award.kind.label,
                    award.level,
                    award.class_name,
                    section,
                    award.list_key in final,
                )
            )
    return named


def recommended_of(session: Session, festival_id: int) -> list[RecommendedWork]:
    """The works 推荐参加上级比赛 (none disqualified) in school order, each with the award it won here."""
    ids = session.scalars(
        select(Entry.id).where(
            Entry.festival_id == festival_id,
            Entry.recommended.is_(True),
            Entry.status != EntryStatus.DISQUALIFIED,
        )
    ).all()
    if not ids:
        return []
    classes = class_rows(session, festival_id)
    level_of = dict(
        session.execute(
            select(Award.entry_id, Award.level).where(Award.kind == AwardKind.ENTRY, Award.entry_id.in_(ids))
        ).all()
    )
    teams = set(
        session.scalars(
            select(Competition.id).where(
                Competition.festival_id == festival_id,
                Competition.participation.in_((Participation.TEAM, Participation.CLASS)),
            )
        )
    )
    # A teacher's work (no class) comes after the pupils' and stands as 教师 where a section would.
    entries = sorted(
        entry_infos(session, festival_id, ids),
        key=lambda e: (classes[e.class_id][2] if e.class_id else 10**6, e.competition_id, e.code),
    )
    return [
        RecommendedWork(
            code=e.code,
            competition=e.competition_name,
            title=e.title,
            section=classes[e.class_id][1] if e.class_id else TEACHERS_SECTION,
            class_name=e.class_name,
            authors=e.author_names,
            team=e.competition_id in teams or len(e.authors) > 1,
            level=level_of.get(e.id, ""),
            higher_result=e.higher_result,
            subtype=e.subtype,
            advisor=e.advisor,
            description=e.description,
            higher_results=e.higher_results,
        )
        for e in entries
    ]


def recommended_counts(works: list[RecommendedWork]) -> dict[str, dict[str, int]]:
    """section → {"个人": n, "团体": m}, as district forms count the recommended works."""
    counts: dict[str, dict[str, int]] = {}
    for work in works:
        row = counts.setdefault(work.section, {"个人": 0, "团体": 0})
        row["团体" if work.team else "个人"] += 1
    return counts


def _headline(
    title: str,
    classes: list[ClassFigures],
    entries: Counter[str],
    awards: Counter[tuple[str, str]],
    recommended: int,
) -> Headline:
    """entries by unit (件, 期, 队), awards by (level, unit)."""
    by_level: dict[str, Counter[str]] = defaultdict(Counter)
    for (level, unit), count in awards.items():
        by_level[level][unit] += count
    return Headline(
        festival=title,
        classes=len(classes),
        classes_taking_part=sum(c.entries > 0 for c in classes),
        students=sum(c.students for c in classes),
        participants=sum(c.participants for c in classes),
        entries=sum(entries.values()),
        awards={level: sum(units.values()) for level, units in by_level.items()},
        recommended=recommended,
        entries_by_unit=_in_unit_order(entries),
        awards_by_unit={level: _in_unit_order(units) for level, units in by_level.items()},
    )


def _in_unit_order(counts: Counter[str]) -> dict[str, int]:
    return {unit: counts[unit] for unit in UNITS if counts.get(unit)}


def _previous_headline(session: Session, festival: FestivalInfo) -> Headline | None:
    """The headline of the festival held before this one in the same file (last year's), if any."""
    previous_id = session.scalar(
        select(Festival.id)
        .where(Festival.start_date < festival.start_date)
        .order_by(Festival.start_date.desc())
        .limit(1)
    )
    if previous_id is None:
        return None
    previous = festival_of(session, previous_id)
    # Counted in the database: last year's figures need no entry read whole; teachers' works apart.
    counted = (
        Entry.festival_id == previous_id,
        Entry.status != EntryStatus.DISQUALIFIED,
        Entry.class_id.is_not(None),
    )
    entries = Counter(
        {
            class_id: count
            for class_id, count in session.execute(
                select(Entry.class_id, func.count()).where(*counted).group_by(Entry.class_id)
            )
            if class_id is not None
        }
    )
    class_figures = _class_figures(
        class_rows(session, previous_id),
        competitions_of(session, previous_id),
        entries,
        students_per_class(session, previous_id),
        participants_per_class(session, previous_id),
    )
    units = {c.id: c.entry_unit for c in competitions_of(session, previous_id)}
    by_unit: Counter[str] = Counter()
    for entry_competition, entry_count in session.execute(
        select(Entry.competition_id, func.count()).where(*counted).group_by(Entry.competition_id)
    ):
        by_unit[units[entry_competition]] += entry_count
    awards: Counter[tuple[str, str]] = Counter()
    for level, competition_id, count in session.execute(
        select(Award.level, Award.competition_id, func.count())
        .join(Entry, Award.entry_id == Entry.id)
        .where(
            Award.festival_id == previous_id,
            Award.kind == AwardKind.ENTRY,
            Award.level.not_in(("", SHORTLIST_LEVEL)),
            Entry.class_id.is_not(None),
        )
        .group_by(Award.level, Award.competition_id)
    ):
        awards[(level, units.get(competition_id or 0, "件"))] += count
    recommended = session.scalar(select(func.count()).where(*counted, Entry.recommended.is_(True))) or 0
    return _headline(previous.title, class_figures, by_unit, awards, recommended)
