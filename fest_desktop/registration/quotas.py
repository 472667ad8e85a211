"""Who has handed in: each class against each competition's quota, and each class's participation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.registration.competitions import CompetitionInfo, competitions_of
from fest_desktop.registration.entry_rules import EntryRules
from fest_desktop.registration.kinds import EntryStatus, QuotaState
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Entry, EntryAuthor, Student


@dataclass(frozen=True)
class QuotaCell:
    """One class against one competition: how many entries it has and whether that meets the quota."""

    class_id: int
    class_name: str
    competition_id: int
    count: int
    state: QuotaState


def quota_state(competition: CompetitionInfo, level: int, count: int) -> QuotaState:
    if not competition.accepts_level(level):
        return QuotaState.INELIGIBLE
    if competition.quota_max is not None and count > competition.quota_max:
        return QuotaState.OVER
    if competition.quota_min and count < competition.quota_min:
        return QuotaState.MISSING if count == 0 else QuotaState.UNDER
    return QuotaState.COMPLETE


def class_entry_count(db: Database, competition_id: int, class_id: int) -> int:
    """The entries of one class in one competition that take a place of its quota."""
    with db.session() as session:
        return (
            session.scalar(
                select(func.count()).where(
                    Entry.competition_id == competition_id,
                    Entry.class_id == class_id,
                    Entry.status != EntryStatus.DISQUALIFIED,
                )
            )
            or 0
        )


def quota_overview(
    db: Database, festival_id: int, competitions: Sequence[CompetitionInfo] | None = None
) -> list[QuotaCell]:
    """Every class against every competition (the festival's, unless given), in class and competition order."""
    with db.session() as session:
        return quota_cells(session, festival_id, competitions)


def quota_cells(
    session: Session, festival_id: int, competitions: Sequence[CompetitionInfo] | None = None
) -> list[QuotaCell]:
    """quota_overview within a session."""
    if competitions is None:
        competitions = competitions_of(session, festival_id)
    rules = EntryRules(session, festival_id)
    classes = sorted(rules.classes.values(), key=lambda c: (c.level, c.number))
    return [
        QuotaCell(
            c.id,
            c.name,
            competition.id,
            rules.counts[(competition.id, c.id)],
            quota_state(competition, c.level, rules.counts[(competition.id, c.id)]),
        )
        for c in classes
        for competition in competitions
    ]


def quota_warnings(db: Database, festival_id: int) -> list[str]:
    """One line per class below a competition's minimum (or over its maximum), for the teacher to chase."""
    with db.session() as session:
        competitions = competitions_of(session, festival_id)
        return quota_warning_lines(competitions, quota_cells(session, festival_id, competitions))


def quota_warning_lines(competitions: Sequence[CompetitionInfo], cells: Iterable[QuotaCell]) -> list[str]:
    """quota_warnings from an overview already computed."""
    names = {c.id: c for c in competitions}
    lines = []
    for cell in cells:
        competition = names[cell.competition_id]
        if cell.state.short_of:
            lines.append(
                f"{cell.class_name}「{competition.name}」只报了 {cell.count} 件，名额为{competition.quota_text}。"
            )
        elif cell.state == QuotaState.OVER:
            lines.append(
                f"{cell.class_name}「{competition.name}」报了 {cell.count} 件，超过名额（{competition.quota_text}）。"
            )
    return lines


@dataclass(frozen=True)
class ClassParticipation:
    """How much of a class takes part: entries counted, and students who are author of at least one."""

    class_id: int
    class_name: str
    level: int
    number: int
    student_count: int
    entry_count: int
    participant_count: int

    @property
    def share(self) -> float:
        return self.participant_count / self.student_count if self.student_count else 0.0


def participation_summary(db: Database, festival_id: int) -> list[ClassParticipation]:
    """Per class: students, entries (disqualified ones left out) and the students taking part."""
    with db.session() as session:
        return participation_of(session, festival_id)


def students_per_class(session: Session, festival_id: int) -> dict[int, int]:
    """class id → its number of students (a class without students is absent)."""
    return dict(
        session.execute(
            select(Student.class_id, func.count())
            .where(Student.festival_id == festival_id)
            .group_by(Student.class_id)
        ).all()
    )


def participants_per_class(session: Session, festival_id: int) -> dict[int, int]:
    """class id → its students who are author of at least one entry not disqualified, each counted
    once however many works they entered."""
    return dict(
        session.execute(
            select(Student.class_id, func.count(func.distinct(Student.id)))
            .join(EntryAuthor, EntryAuthor.student_id == Student.id)
            .join(Entry, EntryAuthor.entry_id == Entry.id)
            .where(Student.festival_id == festival_id, Entry.status != EntryStatus.DISQUALIFIED)
            .group_by(Student.class_id)
        ).all()
    )


def participation_of(session: Session, festival_id: int) -> list[ClassParticipation]:
    """participation_summary within a session."""
    rules = EntryRules(session, festival_id)
    students = students_per_class(session, festival_id)
    participants = participants_per_class(session, festival_id)
    entries: Counter[int] = Counter()
    for (_competition_id, class_id), count in rules.counts.items():
        if class_id is not None:  # a teacher's work counts for no class
            entries[class_id] += count
    return [
        ClassParticipation(
            c.id, c.name, c.level, c.number, students.get(c.id, 0), entries[c.id], participants.get(c.id, 0)
        )
        for c in sorted(rules.classes.values(), key=lambda c: (c.level, c.number))
    ]
