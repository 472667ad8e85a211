"""The school's structure and people for one festival: sections, grades, classes, teachers, students."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.school.classnames import class_display_name
from fest_desktop.school.structure import class_infos
from fest_desktop.storage.database import Database, delete_row, fetch
from fest_desktop.storage.model import Grade, SchoolClass, Student, Teacher
from fest_desktop.values import (
    PERSON_NAME,
    STUDENT_NUMBER,
    SUBJECT,
    clean_name,
    clean_text,
    limit_problems,
    quoted,
)

GENDERS = ("", "男", "女")


YOUNGEST_AGE, OLDEST_AGE = 3, 25


@dataclass(frozen=True)
class TeacherInfo:
    id: int
    name: str
    subject: str
    head_of: str = ""


@dataclass(frozen=True)
class StudentInfo:
    """A student; class_name and level are derived and ignored when the student is saved."""

    id: int
    class_id: int
    name: str
    gender: str = ""
    student_number: str = ""
    birth_date: dt.date | None = None
    age: int | None = None
    class_name: str = ""
    level: int = 0


def list_teachers(db: Database, festival_id: int) -> list[TeacherInfo]:
    with db.session() as session:
        heads: dict[int, list[str]] = {}
        for info in class_infos(session, festival_id):
            if info.head_teacher_id is not None:
                heads.setdefault(info.head_teacher_id, []).append(info.name)
        teachers = session.scalars(
            select(Teacher).where(Teacher.festival_id == festival_id).order_by(Teacher.id)
        )
        return [TeacherInfo(t.id, t.name, t.subject, "、".join(heads.get(t.id, []))) for t in teachers]


def _teacher_name(name: str) -> str:
    clean = clean_name(name)
    if not clean:
        raise ValidationError("教师姓名不能为空。")
    try:
        return PERSON_NAME.check(clean)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def _subject(subject: str) -> str:
    for problem in limit_problems(((SUBJECT, subject),)):
        raise ValidationError(problem)
    return subject.strip()


def add_teacher(db: Database, festival_id: int, name: str, subject: str = "") -> Done[TeacherInfo]:
    clean = _teacher_name(name)
    subject = _subject(subject)
    with db.session() as session:
        teacher = Teacher(festival_id=festival_id, name=clean, subject=subject.strip())
        session.add(teacher)
        session.flush()
        return Done(TeacherInfo(teacher.id, teacher.name, teacher.subject), Changed.SCHOOL)


def update_teacher(db: Database, teacher_id: int, name: str, subject: str) -> Done[None]:
    clean = _teacher_name(name)
    subject = _subject(subject)
    with db.session() as session:
        teacher = fetch(session, Teacher, teacher_id, "这位教师已被删除。")
        teacher.name = clean
        teacher.subject = subject.strip()
    return Done(None, Changed.SCHOOL)


def delete_teachers(db: Database, teacher_ids: Sequence[int]) -> Done[None]:
    """Delete teachers; classes they headed keep no 班主任."""
    with db.session() as session:
        for teacher_id in teacher_ids:
            delete_row(session, Teacher, teacher_id)
    return Done(None, Changed.SCHOOL)


def _student_infos(
    session: Session, festival_id: int, student_ids: list[int] | None = None
) -> list[StudentInfo]:
    query = (
        select(Student, SchoolClass.number, Grade.name, Grade.level)
        .join(SchoolClass, Student.class_id == SchoolClass.id)
        .join(Grade, SchoolClass.grade_id == Grade.id)
        .where(Student.festival_id == festival_id)
        .order_by(Grade.level, SchoolClass.number, Student.id)
    )
    if student_ids is not None:
        query = query.where(Student.id.in_(student_ids))
    return [
        StudentInfo(
            s.id,
            s.class_id,
            s.name,
            s.gender,
            s.student_number,
            s.birth_date,
            s.age,
            class_display_name(grade, number),
            level,
        )
        for s, number, grade, level in session.execute(query).all()
    ]


def list_students(db: Database, festival_id: int) -> list[StudentInfo]:
    with db.session() as session:
        return _student_infos(session, festival_id)


def check_student_fields(
    name: str, gender: str, age: int | None, birth_date: dt.date | None, student_number: str = ""
) -> None:
    """The rules every student record obeys, whether typed in or imported."""
    if not name.strip():
        raise ValidationError("学生姓名不能为空。")
    try:
        PERSON_NAME.check(name)
        STUDENT_NUMBER.check(student_number)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    if gender not in GENDERS:
        raise ValidationError(f"性别应为“男”或“女”（填的是「{quoted(gender)}」）。")
    if age is not None and not YOUNGEST_AGE <= age <= OLDEST_AGE:
        raise ValidationError(f"年龄 {age} 不合理，应在{YOUNGEST_AGE}到{OLDEST_AGE}岁之间。")
    if birth_date is not None and not dt.date(1990, 1, 1) <= birth_date <= dt.date.today():
        raise ValidationError(f"出生日期 {birth_date:%Y-%m-%d} 不合理。")


def _check_student_number(session: Session, festival_id: int, number: str, student_id: int | None) -> None:
    if not number:
        return
    holder = session.execute(
        select(Student.id, Student.name).where(
            Student.festival_id == festival_id, Student.student_number == number
        )
    ).first()
    if holder is not None and holder.id != student_id:
        raise ValidationError(f"学号 {number} 已经属于学生「{holder.name}」。")


def save_student(db: Database, festival_id: int, info: StudentInfo) -> Done[StudentInfo]:
    """Insert (info.id == 0) or update a student after checking every rule; returns the stored row."""
    name, number = clean_name(info.name), clean_text(info.student_number)
    check_student_fields(name, info.gender, info.age, info.birth_date, number)
    with db.session() as session:
        school_class = session.get(SchoolClass, info.class_id)
        if school_class is None or school_class.festival_id != festival_id:
            raise ValidationError("所选班级不存在。")
        _check_student_number(session, festival_id, number, info.id or None)
        student = (
            fetch(session, Student, info.id, "这名学生已被删除。")
            if info.id
            else Student(festival_id=festival_id)
        )
        student.class_id = info.class_id
        student.name = name
        student.gender = info.gender
        student.student_number = number
        student.birth_date = info.birth_date
        student.age = info.age
        session.add(student)
        session.flush()
        return Done(_student_infos(session, festival_id, [student.id])[0], Changed.SCHOOL)


def delete_students(db: Database, student_ids: list[int]) -> Done[None]:
    with db.session() as session:
        session.execute(delete(Student).where(Student.id.in_(student_ids)))
    return Done(None, Changed.SCHOOL | Changed.ENTRIES)
