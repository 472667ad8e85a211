"""How an entries import's rows are matched with the festival's works and checked by the rules an entry
typed at the desk obeys (registration.entry_rules), into the plan of entry_plan.

A work is known by its number: a row with a number is that work (a teacher may correct it), a class
competition's row is its class's work, and a row without a number is a new work, unless it repeats a
registered work word for word (an old form handed back), which is then unchanged. A row never becomes a
change of another work by its authors alone. Blank cells leave what is registered as it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from fest_desktop.files.workbooks import Problem
from fest_desktop.registration.competitions import CompetitionInfo, competition_info
from fest_desktop.registration.entries import EntryDraft, draft_text_problems, is_late
from fest_desktop.registration.entry_files import COLUMN_TITLES, EntryFiles, EntryRow
from fest_desktop.registration.entry_plan import TITLE_FIELD, EntryImport, KeptEntry, PlannedEntry
from fest_desktop.registration.entry_rules import EntryRules, RosterClass, StudentRef, work_label
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.registration.quotas import quota_state
from fest_desktop.school.classnames import ClassNameError, parse_class
from fest_desktop.storage.importing import field_changes
from fest_desktop.storage.model import Competition, Entry, EntryAuthor, Student
from fest_desktop.values import NOTES, SUBTYPE, normalize, quoted

STATUS_BY_LABEL = {status.label: status for status in EntryStatus}


class _Work(NamedTuple):
    """A registered work as the import compares it."""

    id: int
    competition_id: int
    class_id: int | None  # None: a teacher's work, which no class form lists
    code: str
    subtype: str
    title: str
    advisor: str
    parent_name: str
    notes: str
    status: EntryStatus
    description: str


# The columns a _Work is read from, in its order.
WORK_COLUMNS = (
    Entry.id,
    Entry.competition_id,
    Entry.class_id,
    Entry.code,
    Entry.subtype,
    Entry.title,
    Entry.advisor,
    Entry.parent_name,
    Entry.notes,
    Entry.status,
    Entry.description,
)


class _Festival:
    """The festival's competitions, classes, students and works, loaded once for a whole import."""

    def __init__(self, session: Session, festival_id: int) -> None:
        self.competitions = {
            c.id: competition_info(c)
            for c in session.scalars(
                select(Competition)
                .where(Competition.festival_id == festival_id)
                .options(selectinload(Competition.criteria))
            )
        }
        self.rules = EntryRules(session, festival_id)
        self.class_by_place = {(c.level, c.number): c for c in self.rules.classes.values()}
        self.students_by_name: dict[str, list[StudentRef]] = {}
        self.students: dict[int, StudentRef] = {}
        # Plain rows through the connection, not the ORM: a large school's thousands of pupils and works
        # are read for every import, twice for a preview and its commit.
        connection = session.connection()
        for row in connection.execute(
            select(Student.id, Student.class_id, Student.name, Student.age).where(
                Student.festival_id == festival_id
            )
        ):
            student = StudentRef(*row)
            self.students_by_name.setdefault(student.name, []).append(student)
            self.students[student.id] = student
        self.entries = {
            work.id: work
            for work in (
                _Work(*row)
                for row in connection.execute(select(*WORK_COLUMNS).where(Entry.festival_id == festival_id))
            )
        }
        self.entry_by_code = {e.code.upper(): e for e in self.entries.values()}
        self.authors: dict[int, tuple[int, ...]] = {}
        for entry_id, student_id in connection.execute(
            select(EntryAuthor.entry_id, EntryAuthor.student_id)
            .join(Entry, EntryAuthor.entry_id == Entry.id)
            .where(Entry.festival_id == festival_id)
            .order_by(EntryAuthor.entry_id, EntryAuthor.position)
        ):
            self.authors[entry_id] = (*self.authors.get(entry_id, ()), student_id)
        # A work word for word (competition, class, authors, title), as an old form without numbers
        # repeats it; and each class's own work of a class competition.
        self.entry_by_words: dict[tuple[int, int, frozenset[int], str], _Work] = {}
        self.class_entry: dict[tuple[int, int], _Work] = {}
        for entry in sorted(self.entries.values(), key=lambda e: e.id):
            if entry.class_id is None:
                continue  # a teacher's work: no class form names it
            authors = frozenset(self.authors.get(entry.id, ()))
            words = (entry.competition_id, entry.class_id, authors, normalize(entry.title))
            self.entry_by_words.setdefault(words, entry)
            if self.competitions[entry.competition_id].is_class_competition:
                self.class_entry.setdefault((entry.competition_id, entry.class_id), entry)
        self._competition_cache: dict[str, CompetitionInfo | str] = {}
        self._class_cache: dict[str, RosterClass | str] = {}

    def find_competition(self, text: str) -> CompetitionInfo | str:
        """The competition a cell names (its full name, or a part only one name contains), or why not."""
        if text not in self._competition_cache:
            self._competition_cache[text] = self._match_competition(text)
        return self._competition_cache[text]

    def _match_competition(self, text: str) -> CompetitionInfo | str:
        wanted = normalize(text)
        named = [(normalize(c.name), c) for c in self.competitions.values()]
        by_name = [c for name, c in named if name == wanted]
        if not by_name:
            by_name = [c for name, c in named if wanted and (wanted in name or name in wanted)]
        if len(by_name) == 1:
            return by_name[0]
        names = "、".join(c.name for c in sorted(self.competitions.values(), key=lambda c: c.id))
        if by_name:
            return f"「{quoted(text)}」可以指好几个比赛项目：{'、'.join(c.name for c in by_name)}，请写全名"
        return f"本届科技节没有比赛项目「{quoted(text)}」（现有：{names or '无'}）"

    def find_class(self, text: str) -> RosterClass | str:
        """The festival's class a cell names, or why not."""
        if text not in self._class_cache:
            self._class_cache[text] = self._match_class(text)
        return self._class_cache[text]

    def _match_class(self, text: str) -> RosterClass | str:
        try:
            ref = parse_class(text)
        except ClassNameError as exc:
            return str(exc)
        if ref.level is None:
            return f"班级「{quoted(text)}」没有写年级，请写成“三年级(2)班”的形式"
        found = self.class_by_place.get((ref.level, ref.number))
        return found if found is not None else f"班级「{quoted(text)}」不在本届科技节的班级中"

    def stored_draft(self, entry: _Work) -> EntryDraft:
        return EntryDraft(
            competition_id=entry.competition_id,
            class_id=entry.class_id,
            subtype=entry.subtype,
            title=entry.title,
            author_ids=self.authors.get(entry.id, ()),
            advisor=entry.advisor,
            parent_name=entry.parent_name,
            notes=entry.notes,
            status=entry.status,
            description=entry.description,
        )

    def names(self, author_ids: tuple[int, ...]) -> tuple[str, ...]:
        return tuple(self.students[i].name if i in self.students else "?" for i in author_ids)

    def class_name(self, class_id: int | None) -> str:
        school_class = self.rules.classes.get(class_id) if class_id is not None else None
        return school_class.name if school_class else "?"


@dataclass
class _Matching:
    """What the rows planned so far have claimed: works identified, and the rows each key came from."""

    first_row: dict[tuple[object, ...], EntryRow] = field(default_factory=dict)
    identified: set[int] = field(default_factory=set)
    # New works have no id yet: each gets a negative one of its own for the rules' counts.
    next_new_id: int = -1


def plan_rows(session: Session, festival_id: int, files: EntryFiles, today: dt.date) -> EntryImport:
    """The plan of the rows read, against the festival as the session sees it; writes nothing."""
    plan = EntryImport(files=files, problems=list(files.problems))
    festival = _Festival(session, festival_id)
    matching = _Matching()
    for row in files.rows:
        _plan_row(festival, row, plan, matching, today)
    _kept(festival, plan, matching)
    _quota_warnings(festival, plan)
    return plan


FoundT = TypeVar("FoundT")


def _plan_row(
    festival: _Festival, row: EntryRow, plan: EntryImport, matching: _Matching, today: dt.date
) -> None:
    def problem(key: str, reason: str) -> None:
        plan.problems.append(Problem(row.sheet, row.row, COLUMN_TITLES.get(key, ""), reason, row.file))

    def found(key: str, text: str, find: Callable[[str], FoundT | str]) -> FoundT | None:
        """What the row's cell names, or None with its problem: empty, or not found (the reason)."""
        if not text:
            title = COLUMN_TITLES[key]
            problem(key, f"{title}为空（如果用了合并单元格，请取消合并并在每一行填上{title}）")
            return None
        match = find(text)
        if isinstance(match, str):
            problem(key, match)
            return None
        return match

    before = len(plan.problems)
    competition = found("competition", row.competition, festival.find_competition)
    school_class = found("class", row.class_text, festival.find_class)

    status: EntryStatus | None = None
    if row.status:
        label = row.status.removesuffix("（逾期）").removesuffix("(逾期)")
        if label not in STATUS_BY_LABEL:
            problem(
                "status", f"状态「{quoted(row.status)}」应为{'、'.join(s.label for s in EntryStatus)}之一"
            )
        else:
            status = STATUS_BY_LABEL[label]
    if competition is None or school_class is None or len(plan.problems) > before:
        return

    if competition.subtypes and row.subtype and row.subtype not in competition.subtypes:
        problem(
            "subtype",
            f"作品类型「{quoted(row.subtype)}」不是「{competition.name}」的类型（可选：{'、'.join(competition.subtypes)}）",
        )
        return
    for limit, text, column in ((SUBTYPE, row.subtype, "subtype"), (NOTES, row.notes, "notes")):
        try:
            limit.check(text)
        except ValueError as exc:
            problem(column, str(exc))

    authors = _authors(festival, row, school_class, problem)
    if len(plan.problems) > before:
        return
    author_ids = tuple(a.id for a in authors)
    title_words = normalize(row.title)
    stored = _identified(festival, row, competition, school_class.id, author_ids, title_words, problem)
    if len(plan.problems) > before:
        return
    if stored is not None:
        matching.identified.add(stored.id)
        key: tuple[object, ...] = ("entry", stored.id)
    elif competition.is_class_competition:
        key = ("class", competition.id, school_class.id)
    else:
        key = ("work", competition.id, school_class.id, frozenset(author_ids), title_words)
    twin = matching.first_row.get(key)
    if twin is not None:
        problem("", f"与{twin.where}是同一件作品，重复了")
        return
    matching.first_row[key] = row

    if stored is None:
        _plan_new(festival, row, competition, school_class, authors, status, plan, matching, today, problem)
    else:
        _plan_registered(festival, row, competition, school_class, authors, status, stored, plan, problem)


def _authors(
    festival: _Festival, row: EntryRow, school_class: RosterClass, problem: Callable[[str, str], None]
) -> list[StudentRef]:
    """The students a row names, found in its class first (the rules name one of another class)."""
    authors: list[StudentRef] = []
    for name in row.authors:
        candidates = festival.students_by_name.get(name, [])
        in_class = [s for s in candidates if s.class_id == school_class.id]
        if len(in_class) > 1:
            problem(
                "authors",
                f"{school_class.name}有 {len(in_class)} 名学生叫「{quoted(name)}」，请在系统中直接登记这件作品",
            )
        elif in_class:
            authors.append(in_class[0])
        elif candidates:
            authors.append(candidates[0])
        else:
            problem("authors", f"花名册中没有学生「{quoted(name)}」")
    return authors


def _identified(
    festival: _Festival,
    row: EntryRow,
    competition: CompetitionInfo,
    class_id: int,
    author_ids: tuple[int, ...],
    title_words: str,
    problem: Callable[[str, str], None],
) -> _Work | None:
    """The registered work a row is about: by its number, the class's own work of a class competition,
    or a registered work it repeats word for word; None for a new work."""
    if row.code:
        entry = festival.entry_by_code.get(row.code.upper())
        if entry is None:
            problem("code", f"作品编号「{quoted(row.code)}」不存在；新作品请把编号留空")
        elif entry.competition_id != competition.id:
            problem(
                "code", f"作品编号 {entry.code} 属于「{festival.competitions[entry.competition_id].name}」"
            )
        return entry
    if competition.is_class_competition:
        return festival.class_entry.get((competition.id, class_id))
    return festival.entry_by_words.get(
        (competition.id, class_id, frozenset(author_ids), normalize(row.title))
    )


def _plan_new(
    festival: _Festival,
    row: EntryRow,
    competition: CompetitionInfo,
    school_class: RosterClass,
    authors: list[StudentRef],
    status: EntryStatus | None,
    plan: EntryImport,
    matching: _Matching,
    today: dt.date,
    problem: Callable[[str, str], None],
) -> None:
    draft = EntryDraft(
        competition_id=competition.id,
        class_id=school_class.id,
        subtype=row.subtype,
        title=row.title,
        author_ids=tuple(a.id for a in authors),
        advisor=row.advisor,
        parent_name=row.parent,
        notes=row.notes,
        status=status or EntryStatus.REGISTERED,
    )
    entry_id = matching.next_new_id
    matching.next_new_id -= 1
    found = festival.rules.problems(
        competition,
        school_class.id,
        authors,
        entry_id=entry_id,
        counted=draft.status != EntryStatus.DISQUALIFIED,
    )
    found += draft_text_problems(draft)
    for reason in found:
        problem("", reason)
    if found:
        return
    label = work_label(row.title, row.where)
    festival.rules.record(competition.id, school_class.id, draft.author_ids, entry_id, label)
    planned = PlannedEntry(row, competition, school_class.name, draft, tuple(a.name for a in authors))
    plan.new.append(planned)
    if is_late(competition, today):
        plan.late.append(planned)


def _plan_registered(
    festival: _Festival,
    row: EntryRow,
    competition: CompetitionInfo,
    school_class: RosterClass,
    authors: list[StudentRef],
    status: EntryStatus | None,
    stored: _Work,
    plan: EntryImport,
    problem: Callable[[str, str], None],
) -> None:
    before = festival.stored_draft(stored)
    names = tuple(a.name for a in authors) or festival.names(before.author_ids)
    if not row.code and not competition.is_class_competition:
        # An old form's row repeating the work: it is that work, and changes nothing of it.
        differing = field_changes(
            (name, getattr(before, attribute), value)
            for name, attribute, value in (
                ("作品类型", "subtype", row.subtype),
                ("指导老师", "advisor", row.advisor),
                ("家长", "parent_name", row.parent),
                ("备注", "notes", row.notes),
            )
            if value
        )
        note = (
            "表中的"
            + "、".join(c.field for c in differing)
            + "与登记的不同，没有改动；要修改，请用新的报名表中带编号的那一行"
            if differing
            else ""
        )
        plan.unchanged.append(
            PlannedEntry(
                row, competition, school_class.name, before, names, stored.id, stored.code, note=note
            )
        )
        return
    if competition.is_class_competition and school_class.id != stored.class_id:
        problem(
            "class",
            f"作品 {stored.code} 是{festival.class_name(stored.class_id)}的班级集体作品，不能改到别的班",
        )
        return
    draft = EntryDraft(
        competition_id=competition.id,
        class_id=school_class.id,
        subtype=row.subtype or before.subtype,
        title=row.title or before.title,
        author_ids=tuple(a.id for a in authors) or before.author_ids,
        advisor=row.advisor or before.advisor,
        parent_name=row.parent or before.parent_name,
        notes=row.notes or before.notes,
        status=status or before.status,
        description=before.description,
    )
    if draft == before:
        plan.unchanged.append(
            PlannedEntry(row, competition, school_class.name, draft, names, stored.id, stored.code)
        )
        return
    refs = authors or [festival.students[i] for i in draft.author_ids if i in festival.students]
    found = festival.rules.problems(
        competition,
        school_class.id,
        refs,
        entry_id=stored.id,
        counted=draft.status != EntryStatus.DISQUALIFIED,
        counted_before=before.status != EntryStatus.DISQUALIFIED,
        class_before=before.class_id,
    )
    found += draft_text_problems(draft)
    for reason in found:
        problem("", reason)
    if found:
        return
    if before.status == EntryStatus.DISQUALIFIED and draft.status != EntryStatus.DISQUALIFIED:
        festival.rules.record(
            competition.id, school_class.id, (), stored.id, work_label(stored.title, stored.code)
        )
    changes = field_changes(
        (
            ("班级", festival.class_name(before.class_id), festival.class_name(draft.class_id)),
            ("作品类型", before.subtype, draft.subtype),
            (TITLE_FIELD, before.title, draft.title),
            (
                "作者",
                "、".join(festival.names(before.author_ids)),
                "、".join(festival.names(draft.author_ids)),
            ),
            ("指导老师", before.advisor, draft.advisor),
            ("家长", before.parent_name, draft.parent_name),
            ("备注", before.notes, draft.notes),
            ("状态", before.status.label, draft.status.label),
        )
    )
    plan.changed.append(
        PlannedEntry(row, competition, school_class.name, draft, names, stored.id, stored.code, changes)
    )


def _kept(festival: _Festival, plan: EntryImport, matching: _Matching) -> None:
    """The registered works of each returned form's class that no row of the import is about."""
    for form in plan.files.forms:
        school_class = festival.find_class(form.class_text)
        if isinstance(school_class, str):
            continue
        for entry in sorted(festival.entries.values(), key=lambda e: e.code):
            if entry.class_id == school_class.id and entry.id not in matching.identified:
                matching.identified.add(entry.id)
                plan.kept.append(
                    KeptEntry(
                        entry.code,
                        festival.competitions[entry.competition_id].name,
                        entry.title,
                        "、".join(festival.names(festival.authors.get(entry.id, ()))),
                        form,
                    )
                )


def _quota_warnings(festival: _Festival, plan: EntryImport) -> None:
    """Classes of this import still below a competition's minimum once it is in."""
    touched = sorted(
        {
            (p.competition.id, p.draft.class_id)
            for p in [*plan.new, *plan.changed, *plan.unchanged]
            if p.draft.class_id is not None
        },
        key=lambda key: (festival.rules.classes[key[1]].level, festival.rules.classes[key[1]].number, key[0]),
    )
    for competition_id, class_id in touched:
        competition = festival.competitions[competition_id]
        school_class = festival.rules.classes[class_id]
        count = festival.rules.counts[(competition_id, class_id)]
        if quota_state(competition, school_class.level, count).short_of:
            plan.warnings.append(
                f"{school_class.name}「{competition.name}」导入后共 {count} 件，少于名额（{competition.quota_text}）"
            )
