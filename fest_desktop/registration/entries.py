"""Entries (作品): registration under each competition's rules, stable numbers, quotas and participation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.registration.competitions import CompetitionInfo, competition_info, competition_row
from fest_desktop.registration.entry_rules import EntryRules, StudentRef, TeacherRef
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.school.classnames import class_display_name
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import (
    Competition,
    Entry,
    EntryAuthor,
    Grade,
    HigherLevel,
    HigherResult,
    SchoolClass,
    Student,
    Teacher,
)
from fest_desktop.storage.numbering import next_entry_code
from fest_desktop.values import ADVISOR_NAMES, DESCRIPTION, PERSON_NAME, TITLE, clean_text, limit_problems

ENTRY_GONE = "这件作品已被删除。"


class LateEntryError(FestError):
    """The competition's deadline has passed; the entry is registered only when the user confirms."""


@dataclass(frozen=True)
class AuthorInfo:
    student_id: int
    name: str
    age: int | None


@dataclass(frozen=True)
class EntryInfo:
    """An entry as shown: with its competition, class and authors resolved to names. A teacher's work
    has no class (class_id None, level 0) and its teacher as author."""

    id: int
    code: str
    competition_id: int
    competition_name: str
    class_id: int | None
    class_name: str
    level: int
    class_number: int
    subtype: str = ""
    title: str = ""
    authors: tuple[AuthorInfo, ...] = ()
    advisor: str = ""
    parent_name: str = ""
    notes: str = ""
    status: EntryStatus = EntryStatus.REGISTERED
    late: bool = False
    description: str = ""
    recommended: bool = False
    # What it obtained at each higher level it reached, in the levels' order: (level, result).
    higher_results: tuple[tuple[str, str], ...] = ()
    teacher_id: int | None = None
    teacher_name: str = ""

    @property
    def author_names(self) -> str:
        if self.teacher_id is not None or self.teacher_name:
            return self.teacher_name
        return "、".join(a.name for a in self.authors)

    @property
    def higher_result(self) -> str:
        """The results above the school in one line: 镇第十三届科技节一等奖；城口县第二届科技创新大赛二等奖."""
        return higher_results_text(self.higher_results)

    @property
    def ages(self) -> str:
        return "、".join(str(a.age) for a in self.authors if a.age is not None)

    @property
    def status_text(self) -> str:
        return self.status.label + ("（逾期）" if self.late else "")

    @property
    def class_sort_key(self) -> tuple[int, int]:
        return (self.level, self.class_number)

    def draft(self) -> EntryDraft:
        return EntryDraft(
            competition_id=self.competition_id,
            class_id=self.class_id,
            subtype=self.subtype,
            title=self.title,
            author_ids=tuple(a.student_id for a in self.authors),
            advisor=self.advisor,
            parent_name=self.parent_name,
            notes=self.notes,
            status=self.status,
            description=self.description,
            teacher_id=self.teacher_id,
        )


def higher_results_text(results: Sequence[tuple[str, str]]) -> str:
    return "；".join(f"{level}{result}" for level, result in results)


@dataclass(frozen=True)
class EntryDraft:
    """What the user fills in to register or change an entry: a pupil's work belongs to a class, a
    teacher's (in a competition for teachers) to no class and names its teacher."""

    competition_id: int
    class_id: int | None
    subtype: str = ""
    title: str = ""
    author_ids: tuple[int, ...] = ()
    advisor: str = ""
    parent_name: str = ""
    notes: str = ""
    status: EntryStatus = EntryStatus.REGISTERED
    # 说明: what the work is, in a sentence or two, for the list of recommended works.
    description: str = ""
    teacher_id: int | None = None


def is_late(competition: CompetitionInfo, today: dt.date) -> bool:
    return competition.deadline is not None and today > competition.deadline


def late_message(competition: CompetitionInfo) -> str:
    assert competition.deadline is not None
    return (
        f"「{competition.name}」的截止日期 {competition.deadline:%Y-%m-%d} 已过。"
        "确认后仍可登记，作品会标记为“逾期”。"
    )


def student_refs(session: Session, student_ids: Iterable[int]) -> list[StudentRef]:
    """The students in the order given; an id that is gone is refused."""
    ids = list(student_ids)
    if not ids:
        return []
    rows = {
        s.id: StudentRef(s.id, s.class_id, s.name, s.age)
        for s in session.scalars(select(Student).where(Student.id.in_(ids)))
    }
    missing = [i for i in ids if i not in rows]
    if missing:
        raise ValidationError("所选学生已不在花名册中（可能刚被删除），请重新选择。")
    return [rows[i] for i in ids]


def teacher_ref(session: Session, festival_id: int, teacher_id: int | None) -> TeacherRef | None:
    """The teacher of that id, or None for none; a teacher who is gone (or of another festival) is refused."""
    if teacher_id is None:
        return None
    teacher = session.get(Teacher, teacher_id)
    if teacher is None or teacher.festival_id != festival_id:
        raise ValidationError("所选老师已不在教师名单中（可能刚被删除），请重新选择。")
    return TeacherRef(teacher.id, teacher.name)


def check_draft(draft: EntryDraft) -> None:
    if draft.status not in EntryStatus.__members__.values():
        raise ValidationError(f"状态「{draft.status}」不是可选的状态。")
    for problem in draft_text_problems(draft):
        raise ValidationError(problem)


def draft_text_problems(draft: EntryDraft) -> list[str]:
    """What is too long in an entry's text: its title, its advisors, its parent's name."""
    return limit_problems(
        (
            (TITLE, draft.title),
            (ADVISOR_NAMES, draft.advisor),
            (PERSON_NAME, draft.parent_name),
            (DESCRIPTION, draft.description),
        )
    )


def entry_row(session: Session, entry_id: int) -> Entry:
    """The entry's row, or NotFoundError when it has been deleted (in another window, say)."""
    return fetch(session, Entry, entry_id, ENTRY_GONE)


def _competition(session: Session, competition_id: int) -> CompetitionInfo:
    return competition_info(competition_row(session, competition_id))


def apply_draft(entry: Entry, draft: EntryDraft) -> None:
    entry.class_id = draft.class_id
    entry.teacher_id = draft.teacher_id
    entry.subtype = draft.subtype.strip()
    entry.title = draft.title.strip()
    entry.advisor = draft.advisor.strip()
    entry.parent_name = draft.parent_name.strip()
    entry.notes = draft.notes.strip()
    entry.description = draft.description.strip()
    entry.status = draft.status
    entry.authors = [EntryAuthor(student_id=sid, position=i) for i, sid in enumerate(draft.author_ids)]


def insert_entry(
    session: Session, festival_id: int, competition: Competition, draft: EntryDraft, *, late: bool
) -> Entry:
    """Add an entry with the competition's next number; the caller has checked the rules."""
    entry = Entry(
        festival_id=festival_id,
        competition_id=competition.id,
        code=next_entry_code(session, competition),
        late=late,
    )
    apply_draft(entry, draft)
    session.add(entry)
    session.flush()
    return entry


def create_entry(
    db: Database,
    festival_id: int,
    draft: EntryDraft,
    *,
    today: dt.date | None = None,
    allow_late: bool = False,
) -> Done[EntryInfo]:
    """Register an entry under its competition's rules; after the deadline only with allow_late."""
    check_draft(draft)
    with db.session() as session:
        return Done(
            register_in(session, festival_id, draft, today or dt.date.today(), allow_late), Changed.ENTRIES
        )


def register_in(
    session: Session, festival_id: int, draft: EntryDraft, today: dt.date, allow_late: bool
) -> EntryInfo:
    """create_entry within a session: the draft checked against its competition's rules and what the
    festival holds, then inserted."""
    competition_stored = competition_row(session, draft.competition_id)
    competition = competition_info(competition_stored)
    if competition.is_class_competition:
        raise ValidationError(f"「{competition.name}」是班级集体项目，每个班的作品已自动登记，不需要另报。")
    rules = EntryRules(session, festival_id)
    problems = rules.problems(
        competition,
        draft.class_id,
        student_refs(session, draft.author_ids),
        counted=draft.status != EntryStatus.DISQUALIFIED,
        teacher=teacher_ref(session, festival_id, draft.teacher_id),
    )
    if problems:
        raise ValidationError("\n".join(problems))
    late = is_late(competition, today)
    if late and not allow_late:
        raise LateEntryError(late_message(competition))
    entry = insert_entry(session, festival_id, competition_stored, draft, late=late)
    return entry_infos(session, festival_id, [entry.id])[0]


def update_entry(db: Database, entry_id: int, draft: EntryDraft) -> Done[EntryInfo]:
    """Save changes to an entry; its number and competition stay, every rule is checked again."""
    check_draft(draft)
    with db.session() as session:
        entry = entry_row(session, entry_id)
        if draft.competition_id != entry.competition_id:
            raise ValidationError("作品登记后不能改比赛项目：请删除后在新的比赛项目中重新登记。")
        competition = _competition(session, entry.competition_id)
        if competition.is_class_competition and draft.class_id != entry.class_id:
            raise ValidationError("班级集体项目的作品属于它的班级，不能改到别的班。")
        rules = EntryRules(session, entry.festival_id)
        problems = rules.problems(
            competition,
            draft.class_id,
            student_refs(session, draft.author_ids),
            entry_id=entry.id,
            counted=draft.status != EntryStatus.DISQUALIFIED,
            counted_before=entry.status != EntryStatus.DISQUALIFIED,
            class_before=entry.class_id,
            teacher=teacher_ref(session, entry.festival_id, draft.teacher_id),
        )
        if problems:
            raise ValidationError("\n".join(problems))
        apply_draft(entry, draft)
        session.flush()
        return Done(entry_infos(session, entry.festival_id, [entry.id])[0], Changed.ENTRIES)


def set_description(db: Database, festival_id: int, code: str, text: str) -> Done[None]:
    """Write the 说明 of the entry numbered code."""
    problems = draft_text_problems(EntryDraft(0, 0, description=text))
    if problems:
        raise ValidationError("\n".join(problems))
    with db.session() as session:
        entry = session.scalar(
            select(Entry).where(Entry.festival_id == festival_id, Entry.code == clean_text(code).upper())
        )
        if entry is None:
            raise NotFoundError(f"没有编号为「{code}」的作品。")
        entry.description = text.strip()
    return Done(None, Changed.ENTRIES)


def delete_entries(db: Database, entry_ids: Iterable[int]) -> Done[None]:
    """Delete entries; their numbers are not given out again."""
    ids = list(entry_ids)
    with db.session() as session:
        session.execute(delete(Entry).where(Entry.id.in_(ids)))
    return Done(None, Changed.ENTRIES | Changed.SCORES | Changed.AWARDS)


def restore_entries(db: Database, festival_id: int, infos: Sequence[EntryInfo]) -> Done[list[EntryInfo]]:
    """Put back deleted entries with their own numbers (undo of a delete), all or none."""
    with db.session() as session:
        entries = []
        for info in infos:
            entry = Entry(
                festival_id=festival_id, competition_id=info.competition_id, code=info.code, late=info.late
            )
            apply_draft(entry, info.draft())
            session.add(entry)
            entries.append(entry)
        session.flush()
        return Done(entry_infos(session, festival_id, [entry.id for entry in entries]), Changed.ENTRIES)


def list_entries(db: Database, festival_id: int) -> list[EntryInfo]:
    """Every entry of the festival, by competition and number."""
    with db.session() as session:
        return entry_infos(session, festival_id)


def entry_infos(
    session: Session,
    festival_id: int,
    entry_ids: Sequence[int] | None = None,
    competition_id: int | None = None,
) -> list[EntryInfo]:
    """Entries of the festival (only those ids, or of that competition) with names resolved."""
    # Columns, not Entry objects: reading thousands of rows into the identity map is what made a
    # festival-wide list slow. A teacher's work has no class, hence the outer joins.
    query = (
        select(
            Entry.id,
            Entry.code,
            Entry.competition_id,
            Entry.class_id,
            Entry.subtype,
            Entry.title,
            Entry.advisor,
            Entry.parent_name,
            Entry.notes,
            Entry.status,
            Entry.late,
            Entry.description,
            Entry.recommended,
            Entry.teacher_id,
            Teacher.name,
            Competition.name,
            Grade.level,
            Grade.name,
            SchoolClass.number,
        )
        .join(Competition, Entry.competition_id == Competition.id)
        .outerjoin(SchoolClass, Entry.class_id == SchoolClass.id)
        .outerjoin(Grade, SchoolClass.grade_id == Grade.id)
        .outerjoin(Teacher, Entry.teacher_id == Teacher.id)
        .where(Entry.festival_id == festival_id)
        .order_by(Competition.position, Entry.code)
    )
    author_query = (
        select(EntryAuthor.entry_id, Student.id, Student.name, Student.age)
        .join(Student, EntryAuthor.student_id == Student.id)
        .join(Entry, EntryAuthor.entry_id == Entry.id)
        .where(Entry.festival_id == festival_id)
        .order_by(EntryAuthor.entry_id, EntryAuthor.position)
    )
    result_query = (
        select(HigherResult.entry_id, HigherLevel.name, HigherResult.result)
        .join(HigherLevel, HigherResult.level_id == HigherLevel.id)
        .where(HigherLevel.festival_id == festival_id)
        .order_by(HigherResult.entry_id, HigherLevel.position)
    )
    if entry_ids is not None:
        query = query.where(Entry.id.in_(entry_ids))
        author_query = author_query.where(EntryAuthor.entry_id.in_(entry_ids))
        result_query = result_query.where(HigherResult.entry_id.in_(entry_ids))
    if competition_id is not None:
        query = query.where(Entry.competition_id == competition_id)
        author_query = author_query.where(Entry.competition_id == competition_id)
        result_query = result_query.where(
            HigherResult.entry_id.in_(select(Entry.id).where(Entry.competition_id == competition_id))
        )
    authors: dict[int, list[AuthorInfo]] = {}
    for entry_id, student_id, name, age in session.execute(author_query):
        authors.setdefault(entry_id, []).append(AuthorInfo(student_id, name, age))
    results: dict[int, list[tuple[str, str]]] = {}
    for entry_id, level, result in session.execute(result_query):
        results.setdefault(entry_id, []).append((level, result))
    return [
        EntryInfo(
            id=entry_id,
            code=code,
            competition_id=competition_id_,
            competition_name=competition_name,
            class_id=class_id,
            class_name=class_display_name(grade, number) if grade is not None and number is not None else "",
            level=level or 0,
            class_number=number or 0,
            subtype=subtype,
            title=title,
            authors=tuple(authors.get(entry_id, ())),
            advisor=advisor,
            parent_name=parent_name,
            notes=notes,
            status=EntryStatus(status),
            late=late,
            description=description,
            recommended=recommended,
            higher_results=tuple(results.get(entry_id, ())),
            teacher_id=teacher_id,
            teacher_name=teacher_name or "",
        )
        for (
            entry_id,
            code,
            competition_id_,
            class_id,
            subtype,
            title,
            advisor,
            parent_name,
            notes,
            status,
            late,
            description,
            recommended,
            teacher_id,
            teacher_name,
            competition_name,
            level,
            grade,
            number,
        ) in session.execute(query)
    ]
