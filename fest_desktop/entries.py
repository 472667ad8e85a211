"""Entries (作品): registration under each competition's rules, stable numbers, quotas and participation."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from fest_desktop.classnames import class_display_name
from fest_desktop.competitions import CompetitionInfo, competition_info, list_competitions, next_entry_code
from fest_desktop.db import Database, fetch
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.model import Competition, Entry, EntryAuthor, Grade, SchoolClass, Student

STATUSES = {"registered": "已报名", "received": "已收到", "returned": "退回", "disqualified": "取消资格"}
# A disqualified entry no longer takes one of its class's places.
UNCOUNTED_STATUS = "disqualified"


class LateEntryError(FestError):
    """The competition's deadline has passed; the entry is registered only when the user confirms."""


@dataclass(frozen=True)
class AuthorInfo:
    student_id: int
    name: str
    age: int | None


@dataclass(frozen=True)
class EntryInfo:
    """An entry as shown: with its competition, class and authors resolved to names."""

    id: int
    code: str
    competition_id: int
    competition_name: str
    class_id: int
    class_name: str
    level: int
    class_number: int
    subtype: str = ""
    title: str = ""
    authors: tuple[AuthorInfo, ...] = ()
    advisor: str = ""
    parent_name: str = ""
    notes: str = ""
    status: str = "registered"
    late: bool = False

    @property
    def author_names(self) -> str:
        return "、".join(a.name for a in self.authors)

    @property
    def ages(self) -> str:
        return "、".join(str(a.age) for a in self.authors if a.age is not None)

    @property
    def status_text(self) -> str:
        return STATUSES[self.status] + ("（逾期）" if self.late else "")

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
        )


@dataclass(frozen=True)
class EntryDraft:
    """What the user fills in to register or change an entry."""

    competition_id: int
    class_id: int
    subtype: str = ""
    title: str = ""
    author_ids: tuple[int, ...] = ()
    advisor: str = ""
    parent_name: str = ""
    notes: str = ""
    status: str = "registered"


@dataclass(frozen=True)
class RosterClass:
    id: int
    level: int
    number: int
    name: str


@dataclass(frozen=True)
class StudentRef:
    id: int
    class_id: int
    name: str
    age: int | None


# ---------------------------------------------------------------- the rules


class EntryRules:
    """What is already entered in a festival, so that each new or changed entry can be checked.

    Used for one entry typed in the window and for every row of an import, where rows accepted earlier
    in the same file count as entered (record()).
    """

    def __init__(self, session: Session, festival_id: int) -> None:
        self.classes = {
            c.id: c
            for c in (
                RosterClass(class_id, level, number, class_display_name(grade, number))
                for class_id, level, number, grade in session.execute(
                    select(SchoolClass.id, Grade.level, SchoolClass.number, Grade.name)
                    .join(Grade, SchoolClass.grade_id == Grade.id)
                    .where(SchoolClass.festival_id == festival_id)
                )
            )
        }
        self.counts: Counter[tuple[int, int]] = Counter()
        self.entered_by: dict[tuple[int, int], tuple[int, str]] = {}
        for competition_id, class_id, count in session.execute(
            select(Entry.competition_id, Entry.class_id, func.count())
            .where(Entry.festival_id == festival_id, Entry.status != UNCOUNTED_STATUS)
            .group_by(Entry.competition_id, Entry.class_id)
        ):
            self.counts[(competition_id, class_id)] = count
        for competition_id, student_id, entry_id, code in session.execute(
            select(Entry.competition_id, EntryAuthor.student_id, Entry.id, Entry.code)
            .join(EntryAuthor, EntryAuthor.entry_id == Entry.id)
            .where(Entry.festival_id == festival_id)
        ):
            self.entered_by[(competition_id, student_id)] = (entry_id, code)

    def problems(
        self,
        competition: CompetitionInfo,
        class_id: int,
        authors: Sequence[StudentRef],
        *,
        entry_id: int = 0,
        counted: bool = True,
        counted_before: bool = False,
        class_before: int = 0,
    ) -> list[str]:
        """Every rule the entry breaks, as messages; entry_id, counted_before and class_before
        describe the stored entry being changed, whose own place must not count against it."""
        school_class = self.classes.get(class_id)
        if school_class is None:
            return ["所选班级不在本届科技节中。"]
        found: list[str] = []
        if not competition.accepts_level(school_class.level):
            found.append(
                f"{school_class.name}不能参加「{competition.name}」（限{competition.eligibility_text}）。"
            )
        if competition.is_class_competition:
            if authors:
                found.append(f"「{competition.name}」是班级集体项目，不填作者。")
        elif not authors:
            found.append("请填写作者。")
        elif competition.participation == "individual" and len(authors) > 1:
            found.append(
                f"「{competition.name}」是个人项目，每件作品只填一名作者（填了 {len(authors)} 名）。"
            )
        elif len(authors) > competition.team_size:
            found.append(
                f"「{competition.name}」每队最多 {competition.team_size} 人（填了 {len(authors)} 名）。"
            )
        seen: set[int] = set()
        for author in authors:
            if author.id in seen:
                found.append(f"作者「{author.name}」填了两次。")
                continue
            seen.add(author.id)
            if author.class_id != class_id:
                other = self.classes.get(author.class_id)
                where = other.name if other else "其他班级"
                found.append(f"「{author.name}」是{where}的学生，不在{school_class.name}。")
            earlier = self.entered_by.get((competition.id, author.id))
            if earlier is not None and earlier[0] != entry_id:
                found.append(
                    f"「{author.name}」已经报过「{competition.name}」（作品 {earlier[1]}），同一比赛每人只能报一件。"
                )
        if counted and competition.quota_max is not None:
            already = self.counts[(competition.id, class_id)]
            if counted_before and class_before == class_id:
                already -= 1
            if already + 1 > competition.quota_max:
                found.append(
                    f"{school_class.name}「{competition.name}」已报 {already} 件，"
                    f"名额为{competition.quota_text}，不能再报。"
                )
        return found

    def record(
        self, competition_id: int, class_id: int, author_ids: Iterable[int], entry_id: int, code: str
    ) -> None:
        self.counts[(competition_id, class_id)] += 1
        for student_id in author_ids:
            self.entered_by[(competition_id, student_id)] = (entry_id, code)


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


def _check_draft(draft: EntryDraft) -> None:
    if draft.status not in STATUSES:
        raise ValidationError(f"状态「{draft.status}」不是可选的状态。")


def _competition(session: Session, competition_id: int) -> CompetitionInfo:
    return competition_info(
        fetch(session, Competition, competition_id, "这个比赛项目已不存在（可能已被删除）。")
    )


def apply_draft(entry: Entry, draft: EntryDraft) -> None:
    entry.class_id = draft.class_id
    entry.subtype = draft.subtype.strip()
    entry.title = draft.title.strip()
    entry.advisor = draft.advisor.strip()
    entry.parent_name = draft.parent_name.strip()
    entry.notes = draft.notes.strip()
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


# ---------------------------------------------------------------- operations


def create_entry(
    db: Database,
    festival_id: int,
    draft: EntryDraft,
    *,
    today: dt.date | None = None,
    allow_late: bool = False,
) -> EntryInfo:
    """Register an entry under its competition's rules; after the deadline only with allow_late."""
    _check_draft(draft)
    today = today or dt.date.today()
    with db.session() as session:
        competition_row = fetch(session, Competition, draft.competition_id, "这个比赛项目已不存在。")
        competition = competition_info(competition_row)
        if competition.is_class_competition:
            raise ValidationError(
                f"「{competition.name}」是班级集体项目，每个班的作品已自动登记，不需要另报。"
            )
        rules = EntryRules(session, festival_id)
        problems = rules.problems(
            competition,
            draft.class_id,
            student_refs(session, draft.author_ids),
            counted=draft.status != UNCOUNTED_STATUS,
        )
        if problems:
            raise ValidationError("\n".join(problems))
        late = is_late(competition, today)
        if late and not allow_late:
            raise LateEntryError(late_message(competition))
        entry = insert_entry(session, festival_id, competition_row, draft, late=late)
        return entry_infos(session, festival_id, [entry.id])[0]


def update_entry(db: Database, entry_id: int, draft: EntryDraft) -> EntryInfo:
    """Save changes to an entry; its number and competition stay, every rule is checked again."""
    _check_draft(draft)
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
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
            counted=draft.status != UNCOUNTED_STATUS,
            counted_before=entry.status != UNCOUNTED_STATUS,
            class_before=entry.class_id,
        )
        if problems:
            raise ValidationError("\n".join(problems))
        apply_draft(entry, draft)
        session.flush()
        return entry_infos(session, entry.festival_id, [entry.id])[0]


def delete_entries(db: Database, entry_ids: Iterable[int]) -> None:
    """Delete entries; their numbers are not given out again."""
    ids = list(entry_ids)
    with db.session() as session:
        session.execute(delete(Entry).where(Entry.id.in_(ids)))


def restore_entry(db: Database, festival_id: int, info: EntryInfo) -> EntryInfo:
    """Put back a deleted entry with its own number (undo of a delete)."""
    with db.session() as session:
        entry = Entry(
            festival_id=festival_id, competition_id=info.competition_id, code=info.code, late=info.late
        )
        apply_draft(entry, info.draft())
        session.add(entry)
        session.flush()
        return entry_infos(session, festival_id, [entry.id])[0]


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
    query = (
        select(Entry, Competition.name, Grade.level, Grade.name, SchoolClass.number)
        .join(Competition, Entry.competition_id == Competition.id)
        .join(SchoolClass, Entry.class_id == SchoolClass.id)
        .join(Grade, SchoolClass.grade_id == Grade.id)
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
    if entry_ids is not None:
        query = query.where(Entry.id.in_(entry_ids))
        author_query = author_query.where(EntryAuthor.entry_id.in_(entry_ids))
    if competition_id is not None:
        query = query.where(Entry.competition_id == competition_id)
        author_query = author_query.where(Entry.competition_id == competition_id)
    authors: dict[int, list[AuthorInfo]] = {}
    for entry_id, student_id, name, age in session.execute(author_query):
        authors.setdefault(entry_id, []).append(AuthorInfo(student_id, name, age))
    return [
        EntryInfo(
            id=entry.id,
            code=entry.code,
            competition_id=entry.competition_id,
            competition_name=competition_name,
            class_id=entry.class_id,
            class_name=class_display_name(grade, number),
            level=level,
            class_number=number,
            subtype=entry.subtype,
            title=entry.title,
            authors=tuple(authors.get(entry.id, ())),
            advisor=entry.advisor,
            parent_name=entry.parent_name,
            notes=entry.notes,
            status=entry.status,
            late=entry.late,
        )
        for entry, competition_name, level, grade, number in session.execute(query)
    ]


# ---------------------------------------------------------------- who has handed in


@dataclass(frozen=True)
class QuotaCell:
    """One class against one competition: how many entries it has and whether that meets the quota.

    state: "ineligible", "missing" (none yet, some required), "under" (fewer than the minimum),
    "complete" (within the quota, or any number where none is set) or "over" (more than the maximum).
    """

    class_id: int
    class_name: str
    competition_id: int
    count: int
    state: str


def quota_state(competition: CompetitionInfo, level: int, count: int) -> str:
    if not competition.accepts_level(level):
        return "ineligible"
    if competition.quota_max is not None and count > competition.quota_max:
        return "over"
    if competition.quota_min and count < competition.quota_min:
        return "missing" if count == 0 else "under"
    return "complete"


def class_entry_count(db: Database, competition_id: int, class_id: int) -> int:
    """The entries of one class in one competition that take a place of its quota."""
    with db.session() as session:
        return (
            session.scalar(
                select(func.count()).where(
                    Entry.competition_id == competition_id,
                    Entry.class_id == class_id,
                    Entry.status != UNCOUNTED_STATUS,
                )
            )
            or 0
        )


def quota_overview(
    db: Database, festival_id: int, competitions: Sequence[CompetitionInfo] | None = None
) -> list[QuotaCell]:
    """Every class against every competition (the festival's, unless given), in class and competition order."""
    if competitions is None:
        competitions = list_competitions(db, festival_id)
    with db.session() as session:
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
    competitions = list_competitions(db, festival_id)
    return quota_warning_lines(competitions, quota_overview(db, festival_id, competitions))


def quota_warning_lines(competitions: Sequence[CompetitionInfo], cells: Iterable[QuotaCell]) -> list[str]:
    """quota_warnings from an overview already computed."""
    names = {c.id: c for c in competitions}
    lines = []
    for cell in cells:
        competition = names[cell.competition_id]
        if cell.state in ("missing", "under"):
            lines.append(
                f"{cell.class_name}「{competition.name}」只报了 {cell.count} 件，名额为{competition.quota_text}。"
            )
        elif cell.state == "over":
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
        rules = EntryRules(session, festival_id)
        students = dict(
            session.execute(
                select(Student.class_id, func.count())
                .where(Student.festival_id == festival_id)
                .group_by(Student.class_id)
            ).all()
        )
        participants = dict(
            session.execute(
                select(Student.class_id, func.count(func.distinct(Student.id)))
                .join(EntryAuthor, EntryAuthor.student_id == Student.id)
                .join(Entry, EntryAuthor.entry_id == Entry.id)
                .where(Student.festival_id == festival_id, Entry.status != UNCOUNTED_STATUS)
                .group_by(Student.class_id)
            ).all()
        )
    entries: Counter[int] = Counter()
    for (_competition_id, class_id), count in rules.counts.items():
        entries[class_id] += count
    return [
        ClassParticipation(
            c.id, c.name, c.level, c.number, students.get(c.id, 0), entries[c.id], participants.get(c.id, 0)
        )
        for c in sorted(rules.classes.values(), key=lambda c: (c.level, c.number))
    ]
