"""The roster import: the students read from a workbook (roster_files) matched with the festival's
pupils, previewed (new, changed field by field, unchanged, refused), then committed whole or not at all.

A pupil is known by the 学号; without one, by name in their class only when nothing the row says
contradicts the pupil of that name (gender, date of birth): two pupils are never merged by name alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.files.workbooks import Problem
from fest_desktop.school.classnames import class_display_name, grade_name
from fest_desktop.school.roster_files import RosterFile, RosterRow
from fest_desktop.school.structure import ensure_festival_class_entries, ensure_grade
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import (
    FieldChange,
    ImportWords,
    PreviewLine,
    commit_plan,
    field_changes,
    problem_line,
)
from fest_desktop.storage.kinds import RowOutcome
from fest_desktop.storage.model import Grade, SchoolClass, Student

WORDS = ImportWords(
    action="导入花名册",
    problems="花名册有 {0} 处问题，未导入任何数据。请改正后重新导入。",
    changed="预览之后，学校的班级或学生有了变化（可能另一个窗口或电脑刚刚修改过），没有导入任何数据。",
)


@dataclass(frozen=True)
class _Stored:
    """A pupil of the festival as the import compares it."""

    id: int
    level: int
    class_number: int
    name: str
    gender: str
    student_number: str
    birth_date: dt.date | None
    age: int | None

    @property
    def class_name(self) -> str:
        return class_display_name(grade_name(self.level), self.class_number)

    @property
    def described(self) -> str:
        """The pupil with what tells them apart: 「张伟」（男，2015-03-02）."""
        facts = [self.gender, f"{self.birth_date:%Y-%m-%d}" if self.birth_date else "", self.student_number]
        shown = "，".join(fact for fact in facts if fact)
        return f"「{self.name}」" + (f"（{shown}）" if shown else "")


@dataclass(frozen=True)
class StudentChange:
    """A pupil the roster changes: each field as it is and as it will be."""

    student_id: int
    row: RosterRow
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class _Kept:
    student_id: int
    row: RosterRow


@dataclass
class RosterImport:
    """What committing the roster will do, and every problem that prevents it."""

    file: RosterFile
    problems: list[Problem] = field(default_factory=list)
    new_grades: list[str] = field(default_factory=list)
    new_classes: list[str] = field(default_factory=list)
    new_students: list[RosterRow] = field(default_factory=list)
    changed_students: list[StudentChange] = field(default_factory=list)
    unchanged: list[_Kept] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.file.source

    @property
    def skipped_sheets(self) -> list[str]:
        return self.file.skipped_sheets

    @property
    def unchanged_count(self) -> int:
        return len(self.unchanged)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"新年级 {len(self.new_grades)} 个，新班级 {len(self.new_classes)} 个，"
            f"新学生 {len(self.new_students)} 名，更新 {len(self.changed_students)} 名，"
            f"不变 {self.unchanged_count} 名，问题 {len(self.problems)} 处"
            + "".join(f"；{note}" for note in self.skipped_sheets)
        )

    def lines(self) -> list[PreviewLine]:
        """Every row by what the import does with it, and every problem."""

        def where(row: RosterRow) -> str:
            return f"工作表「{row.sheet}」第{row.row}行"

        return [
            *(problem_line(problem) for problem in self.problems),
            *(
                PreviewLine(RowOutcome.NEW, where(row), f"{row.class_name} {row.name}", _facts(row))
                for row in self.new_students
            ),
            *(
                PreviewLine(
                    RowOutcome.CHANGED,
                    where(change.row),
                    f"{change.row.class_name} {change.row.name}",
                    tuple(str(c) for c in change.changes),
                )
                for change in self.changed_students
            ),
            *(
                PreviewLine(RowOutcome.UNCHANGED, where(kept.row), f"{kept.row.class_name} {kept.row.name}")
                for kept in self.unchanged
            ),
        ]

    def effect(self) -> object:
        return (
            tuple(self.new_students),
            tuple((c.student_id, c.changes) for c in self.changed_students),
            tuple(self.new_classes),
        )


def _facts(row: RosterRow) -> tuple[str, ...]:
    facts = [row.gender, f"{row.birth_date:%Y-%m-%d}" if row.birth_date else "", row.student_number]
    return tuple(fact for fact in facts if fact)


def _plan(session: Session, festival_id: int, file: RosterFile) -> RosterImport:
    plan = RosterImport(file, list(file.problems))
    grades = {
        level: name
        for level, name in session.execute(
            select(Grade.level, Grade.name).where(Grade.festival_id == festival_id)
        )
    }
    classes = {
        (level, number)
        for level, number in session.execute(
            select(Grade.level, SchoolClass.number)
            .join(SchoolClass, SchoolClass.grade_id == Grade.id)
            .where(Grade.festival_id == festival_id)
        )
    }
    stored = [
        _Stored(*row)
        for row in session.execute(
            select(
                Student.id,
                Grade.level,
                SchoolClass.number,
                Student.name,
                Student.gender,
                Student.student_number,
                Student.birth_date,
                Student.age,
            )
            .join(SchoolClass, Student.class_id == SchoolClass.id)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(Student.festival_id == festival_id)
        )
    ]
    by_number = {s.student_number: s for s in stored if s.student_number}
    by_name: dict[tuple[int, int, str], list[_Stored]] = {}
    for student in stored:
        by_name.setdefault((student.level, student.class_number, student.name), []).append(student)

    new_grades = sorted({row.level for row in file.rows} - set(grades))
    plan.new_grades = [grade_name(level) for level in new_grades]
    new_classes = sorted({(row.level, row.class_number) for row in file.rows} - classes)
    plan.new_classes = [class_display_name(grades.get(lv, grade_name(lv)), n) for lv, n in new_classes]

    claimed: set[int] = set()
    for row in file.rows:
        match = _match(row, by_number, by_name.get((row.level, row.class_number, row.name), []), plan)
        if match is None:
            continue
        if isinstance(match, str):
            plan.new_students.append(row)
            continue
        if match.id in claimed:
            plan.problems.append(
                Problem(
                    row.sheet,
                    row.row,
                    "姓名",
                    f"这一行和前面的另一行都是{match.class_name}的{match.described}",
                )
            )
            continue
        claimed.add(match.id)
        changes = field_changes(
            (
                ("姓名", match.name, row.name),
                ("性别", match.gender, row.gender or match.gender),
                ("学号", match.student_number, row.student_number or match.student_number),
                ("出生日期", _date(match.birth_date), _date(row.birth_date or match.birth_date)),
                ("年龄", match.age, row.age if row.age is not None else match.age),
            )
        )
        if changes:
            plan.changed_students.append(StudentChange(match.id, row, changes))
        else:
            plan.unchanged.append(_Kept(match.id, row))
    return plan


def _date(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else ""


def _match(
    row: RosterRow, by_number: dict[str, _Stored], same_name: Sequence[_Stored], plan: RosterImport
) -> _Stored | str | None:
    """The pupil a row is: by 学号, else the one pupil of that name in the class whose details do not
    contradict the row; "new" for a pupil not yet on the roster; None when refused (a problem noted)."""

    def problem(column: str, reason: str) -> None:
        plan.problems.append(Problem(row.sheet, row.row, column, reason))

    if row.student_number:
        match = by_number.get(row.student_number)
        if match is not None:
            if (match.level, match.class_number) != (row.level, row.class_number):
                problem(
                    "学号",
                    f"学号 {row.student_number} 在系统中属于{match.class_name}的「{match.name}」，"
                    f"花名册中却在{row.class_name}：一名学生不能同时在两个班",
                )
                return None
            return match
        # A pupil of that name entered without a 学号 is this one, unless the row contradicts them;
        # a pupil of that name with another 学号 is someone else.
        candidates = [s for s in same_name if not s.student_number and not _contradicts(s, row)]
        if len(candidates) > 1:
            problem(
                "学号",
                f"{row.class_name}有 {len(candidates)} 名没有学号的学生叫「{row.name}」，无法确定学号 "
                f"{row.student_number} 是哪一名：请先在“学生”中给他们填上学号",
            )
            return None
        return candidates[0] if candidates else "new"
    if len(same_name) > 1:
        problem("姓名", f"{row.class_name}有 {len(same_name)} 名学生叫「{row.name}」，请填写学号加以区分")
        return None
    if not same_name:
        return "new"
    if _contradicts(same_name[0], row):
        problem(
            "姓名",
            f"{row.class_name}已有{same_name[0].described}，与本行（{'，'.join(_facts(row))}）不一致："
            "如果是同名的另一名学生，请填写学号加以区分；如果是同一名学生，请先在“学生”中改正",
        )
        return None
    return same_name[0]


def _contradicts(student: _Stored, row: RosterRow) -> bool:
    """Whether the row says something of the pupil that the roster knows otherwise."""
    return bool(
        (row.gender and student.gender and row.gender != student.gender)
        or (row.birth_date and student.birth_date and row.birth_date != student.birth_date)
    )


def plan_roster_import(db: Database, festival_id: int, file: RosterFile) -> RosterImport:
    """What importing the students read would create or change, and every problem; writes nothing."""
    with db.session() as session:
        return _plan(session, festival_id, file)


def commit_roster_import(
    db: Database, festival_id: int, file: RosterFile, *, previewed: RosterImport | None = None
) -> Done[RosterImport]:
    """Plan the students read again inside one transaction and write them after a backup, or nothing:
    refused while any row has a problem, or when the plan is no longer the one previewed."""
    plan = commit_plan(
        db,
        lambda session: _plan(session, festival_id, file),
        lambda session, planned: _write(session, festival_id, planned),
        WORDS,
        previewed=previewed,
    )
    changes = Changed.SCHOOL | (Changed.ENTRIES if plan.new_classes else Changed.NOTHING)
    return Done(plan, changes)


def _write(session: Session, festival_id: int, plan: RosterImport) -> None:
    class_ids: dict[tuple[int, int], int] = {}
    for level, number in sorted({(r.level, r.class_number) for r in plan.new_students}):
        grade = ensure_grade(session, festival_id, level)
        class_id = session.scalars(
            select(SchoolClass.id).where(SchoolClass.grade_id == grade.id, SchoolClass.number == number)
        ).first()
        if class_id is None:
            school_class = SchoolClass(festival_id=festival_id, grade_id=grade.id, number=number)
            session.add(school_class)
            session.flush()
            class_id = school_class.id
        class_ids[(level, number)] = class_id
    if plan.new_classes:
        ensure_festival_class_entries(session, festival_id)
    if plan.new_students:
        session.execute(
            insert(Student),
            [
                {
                    "festival_id": festival_id,
                    "class_id": class_ids[(r.level, r.class_number)],
                    "name": r.name,
                    "gender": r.gender,
                    "student_number": r.student_number,
                    "birth_date": r.birth_date,
                    "age": r.age,
                }
                for r in plan.new_students
            ],
        )
    if plan.changed_students:
        stored = {
            s.id: s
            for s in session.scalars(
                select(Student).where(Student.id.in_([c.student_id for c in plan.changed_students]))
            )
        }
        session.execute(
            update(Student),
            [
                {
                    "id": change.student_id,
                    "name": change.row.name,
                    "gender": change.row.gender or stored[change.student_id].gender,
                    "student_number": change.row.student_number or stored[change.student_id].student_number,
                    "birth_date": change.row.birth_date or stored[change.student_id].birth_date,
                    "age": change.row.age if change.row.age is not None else stored[change.student_id].age,
                }
                for change in plan.changed_students
            ],
        )
