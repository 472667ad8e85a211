"""A class's 科普实践 checklist: its pupils down, the items of its grade across, ticked by the 班主任."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.practice.items import PracticeItemInfo, items_of
from fest_desktop.school.classnames import class_display_name
from fest_desktop.storage.database import Database, fetch, hold_write_lock
from fest_desktop.storage.model import Grade, PracticeMark, SchoolClass, Student


@dataclass(frozen=True)
class PupilRow:
    """A pupil of the class and the items (ids) they have done."""

    student_id: int
    name: str
    student_number: str
    done: frozenset[int]


@dataclass(frozen=True)
class ClassChecklist:
    """One class's pupils against the items of its grade."""

    festival_id: int
    class_id: int
    class_name: str
    level: int
    items: tuple[PracticeItemInfo, ...]
    pupils: tuple[PupilRow, ...]

    def done_count(self, item_id: int) -> int:
        return sum(item_id in pupil.done for pupil in self.pupils)

    def share(self, item_id: int) -> float:
        return self.done_count(item_id) / len(self.pupils) if self.pupils else 0.0


@dataclass(frozen=True)
class Mark:
    """A pupil marked as having done an item, or not."""

    student_id: int
    item_id: int
    done: bool


def class_checklist(db: Database, class_id: int) -> ClassChecklist:
    """The class's pupils (in roster order) with the items of its grade and what each pupil has done."""
    with db.session() as session:
        return checklist_of(session, class_id)


def checklist_of(session: Session, class_id: int) -> ClassChecklist:
    """class_checklist within a session."""
    school_class = fetch(session, SchoolClass, class_id, "这个班级已被删除（可能在另一个窗口）。")
    grade = fetch(session, Grade, school_class.grade_id, "这个班级的年级已被删除。")
    items = tuple(i for i in items_of(session, school_class.festival_id) if i.applies_to(grade.level))
    item_ids = [i.id for i in items]
    done: dict[int, set[int]] = {}
    for student_id, item_id in session.execute(
        select(PracticeMark.student_id, PracticeMark.item_id)
        .join(Student, PracticeMark.student_id == Student.id)
        .where(Student.class_id == class_id, PracticeMark.item_id.in_(item_ids))
    ):
        done.setdefault(student_id, set()).add(item_id)
    pupils = tuple(
        PupilRow(student.id, student.name, student.student_number, frozenset(done.get(student.id, ())))
        for student in session.scalars(
            select(Student).where(Student.class_id == class_id).order_by(Student.student_number, Student.id)
        )
    )
    return ClassChecklist(
        school_class.festival_id,
        class_id,
        class_display_name(grade.name, school_class.number),
        grade.level,
        items,
        pupils,
    )


def set_marks(
    db: Database, class_id: int, marks: Sequence[Mark], *, today: dt.date | None = None
) -> Done[ClassChecklist]:
    """Tick (or untick) pupils of the class for items of its grade, all at once: a whole column, a
    selection, one cell. A pupil of another class or an item the grade does not do is refused, and then
    nothing is written. The class's checklist comes back."""
    with db.session() as session:
        write_marks(session, class_id, marks, today or dt.date.today())
        return Done(checklist_of(session, class_id), Changed.PRACTICE)


def write_marks(session: Session, class_id: int, marks: Sequence[Mark], today: dt.date) -> None:
    """set_marks within a session: checked against the class as it is stored, then written."""
    hold_write_lock(session)
    before = checklist_of(session, class_id)
    pupils = {p.student_id: p for p in before.pupils}
    items = {i.id: i for i in before.items}
    for mark in marks:
        if mark.student_id not in pupils:
            raise ValidationError(f"所选学生已不在{before.class_name}（可能刚被删除或调班），请刷新后再试。")
        if mark.item_id not in items:
            raise ValidationError(
                f"{before.class_name}所在年级不做这个实践项目（可能刚被修改），请刷新后再试。"
            )
    wanted = {(m.student_id, m.item_id): m.done for m in marks}
    add = [
        {"student_id": student_id, "item_id": item_id, "marked_on": today}
        for (student_id, item_id), done in wanted.items()
        if done and item_id not in pupils[student_id].done
    ]
    remove = [
        (student_id, item_id)
        for (student_id, item_id), done in wanted.items()
        if not done and item_id in pupils[student_id].done
    ]
    if add:
        # Another station may tick the same pupil at the same moment: the mark is there once either way.
        session.execute(_insert_once(session), add)
    for student_id, item_id in remove:
        session.execute(
            delete(PracticeMark).where(PracticeMark.student_id == student_id, PracticeMark.item_id == item_id)
        )
    session.flush()


def _insert_once(session: Session) -> Any:
    """INSERT … ON CONFLICT DO NOTHING into practice_mark, in the dialect of the festival's database."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(PracticeMark).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(PracticeMark).on_conflict_do_nothing()
