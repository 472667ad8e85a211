"""The school's structure and people for one festival: sections, grades, classes, teachers, students."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from fest_desktop.backups import backup_before
from fest_desktop.classnames import SECTION_NAMES, class_display_name, grade_name, section_for_level
from fest_desktop.competitions import ensure_festival_class_entries
from fest_desktop.db import Database, delete_row, fetch
from fest_desktop.errors import ValidationError
from fest_desktop.model import Grade, SchoolClass, Section, Student, Teacher

GENDERS = ("", "男", "女")
YOUNGEST_AGE, OLDEST_AGE = 3, 25


@dataclass(frozen=True)
class GradeInfo:
    id: int
    section: str
    level: int
    name: str
    class_count: int
    student_count: int


@dataclass(frozen=True)
class ClassInfo:
    id: int
    section: str
    level: int
    grade_name: str
    number: int
    head_teacher_id: int | None
    head_teacher_name: str
    student_count: int

    @property
    def name(self) -> str:
        return class_display_name(self.grade_name, self.number)


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


# ---------------------------------------------------------------- grades and sections


def ensure_grade(session: Session, festival_id: int, level: int) -> Grade:
    """The festival's grade of that level, created with its section when missing."""
    grade = session.scalars(
        select(Grade).where(Grade.festival_id == festival_id, Grade.level == level)
    ).first()
    if grade is not None:
        return grade
    section_name = section_for_level(level)
    section = session.scalars(
        select(Section).where(Section.festival_id == festival_id, Section.name == section_name)
    ).first()
    if section is None:
        section = Section(
            festival_id=festival_id, name=section_name, position=SECTION_NAMES.index(section_name)
        )
        session.add(section)
        session.flush()
    grade = Grade(festival_id=festival_id, section_id=section.id, level=level, name=grade_name(level))
    session.add(grade)
    session.flush()
    return grade


def list_grades(db: Database, festival_id: int) -> list[GradeInfo]:
    with db.session() as session:
        class_counts = dict(
            session.execute(
                select(SchoolClass.grade_id, func.count())
                .where(SchoolClass.festival_id == festival_id)
                .group_by(SchoolClass.grade_id)
            ).all()
        )
        student_counts = dict(
            session.execute(
                select(SchoolClass.grade_id, func.count(Student.id))
                .join(Student, Student.class_id == SchoolClass.id)
                .where(SchoolClass.festival_id == festival_id)
                .group_by(SchoolClass.grade_id)
            ).all()
        )
        rows = session.execute(
            select(Grade, Section.name)
            .join(Section, Grade.section_id == Section.id)
            .where(Grade.festival_id == festival_id)
            .order_by(Grade.level)
        ).all()
        return [
            GradeInfo(g.id, section, g.level, g.name, class_counts.get(g.id, 0), student_counts.get(g.id, 0))
            for g, section in rows
        ]


def add_grade(db: Database, festival_id: int, level: int) -> GradeInfo:
    if not 1 <= level <= 12:
        raise ValidationError("年级应在一年级到高三之间。")
    with db.session() as session:
        grade = ensure_grade(session, festival_id, level)
        return GradeInfo(grade.id, grade.section.name, grade.level, grade.name, len(grade.classes), 0)


def rename_grade(db: Database, grade_id: int, name: str) -> None:
    """Some schools say 七年级 where others say 初一: the displayed name is the school's choice."""
    if not name.strip():
        raise ValidationError("年级名称不能为空。")
    with db.session() as session:
        fetch(session, Grade, grade_id, "这个年级已被删除。").name = name.strip()


def delete_grade(db: Database, grade_id: int) -> None:
    """Delete a grade with its classes and students, after a backup of the file."""
    backup_before(db, "删除年级")
    delete_row(db, Grade, grade_id)


# ---------------------------------------------------------------- classes


def _class_infos(session: Session, festival_id: int, class_id: int | None = None) -> list[ClassInfo]:
    counts = select(Student.class_id, func.count().label("n")).group_by(Student.class_id).subquery()
    query = (
        select(SchoolClass, Grade, Section.name, Teacher.name, counts.c.n)
        .join(Grade, SchoolClass.grade_id == Grade.id)
        .join(Section, Grade.section_id == Section.id)
        .outerjoin(Teacher, SchoolClass.head_teacher_id == Teacher.id)
        .outerjoin(counts, counts.c.class_id == SchoolClass.id)
        .where(SchoolClass.festival_id == festival_id)
        .order_by(Grade.level, SchoolClass.number)
    )
    if class_id is not None:
        query = query.where(SchoolClass.id == class_id)
    return [
        ClassInfo(c.id, section, g.level, g.name, c.number, c.head_teacher_id, head or "", n or 0)
        for c, g, section, head, n in session.execute(query).all()
    ]


def list_classes(db: Database, festival_id: int) -> list[ClassInfo]:
    with db.session() as session:
        return _class_infos(session, festival_id)


def _check_class_number(session: Session, grade: Grade, number: int, class_id: int | None) -> None:
    if not 1 <= number <= 99:
        raise ValidationError(f"班号应在1到99之间（填的是 {number}）。")
    taken = session.scalars(
        select(SchoolClass.id).where(SchoolClass.grade_id == grade.id, SchoolClass.number == number)
    ).first()
    if taken is not None and taken != class_id:
        raise ValidationError(f"{class_display_name(grade.name, number)}已经存在。")


def _check_teacher(session: Session, festival_id: int, teacher_id: int | None) -> None:
    if teacher_id is None:
        return
    teacher = session.get(Teacher, teacher_id)
    if teacher is None or teacher.festival_id != festival_id:
        raise ValidationError("所选班主任不在本届科技节的教师名单中。")


def add_class(
    db: Database, festival_id: int, level: int, number: int, head_teacher_id: int | None = None
) -> ClassInfo:
    with db.session() as session:
        grade = ensure_grade(session, festival_id, level)
        _check_class_number(session, grade, number, None)
        _check_teacher(session, festival_id, head_teacher_id)
        school_class = SchoolClass(
            festival_id=festival_id, grade_id=grade.id, number=number, head_teacher_id=head_teacher_id
        )
        session.add(school_class)
        session.flush()
        ensure_festival_class_entries(session, festival_id)
        return _class_infos(session, festival_id, school_class.id)[0]


def update_class(db: Database, class_id: int, number: int, head_teacher_id: int | None) -> ClassInfo:
    with db.session() as session:
        school_class = fetch(session, SchoolClass, class_id, "这个班级已被删除。")
        _check_class_number(session, school_class.grade, number, class_id)
        _check_teacher(session, school_class.festival_id, head_teacher_id)
        school_class.number = number
        school_class.head_teacher_id = head_teacher_id
        session.flush()
        return _class_infos(session, school_class.festival_id, class_id)[0]


def delete_class(db: Database, class_id: int) -> None:
    """Delete a class with its students, after a backup of the file."""
    backup_before(db, "删除班级")
    delete_row(db, SchoolClass, class_id)


# ---------------------------------------------------------------- teachers


def list_teachers(db: Database, festival_id: int) -> list[TeacherInfo]:
    with db.session() as session:
        heads: dict[int, list[str]] = {}
        for info in _class_infos(session, festival_id):
            if info.head_teacher_id is not None:
                heads.setdefault(info.head_teacher_id, []).append(info.name)
        teachers = session.scalars(
            select(Teacher).where(Teacher.festival_id == festival_id).order_by(Teacher.id)
        )
        return [TeacherInfo(t.id, t.name, t.subject, "、".join(heads.get(t.id, []))) for t in teachers]


def add_teacher(db: Database, festival_id: int, name: str, subject: str = "") -> TeacherInfo:
    if not name.strip():
        raise ValidationError("教师姓名不能为空。")
    with db.session() as session:
        teacher = Teacher(festival_id=festival_id, name=name.strip(), subject=subject.strip())
        session.add(teacher)
        session.flush()
        return TeacherInfo(teacher.id, teacher.name, teacher.subject)


def update_teacher(db: Database, teacher_id: int, name: str, subject: str) -> None:
    if not name.strip():
        raise ValidationError("教师姓名不能为空。")
    with db.session() as session:
        teacher = fetch(session, Teacher, teacher_id, "这位教师已被删除。")
        teacher.name = name.strip()
        teacher.subject = subject.strip()


def delete_teacher(db: Database, teacher_id: int) -> None:
    """Delete a teacher; classes they headed keep no 班主任."""
    delete_row(db, Teacher, teacher_id)


# ---------------------------------------------------------------- students


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


def check_student_fields(name: str, gender: str, age: int | None, birth_date: dt.date | None) -> None:
    """The rules every student record obeys, whether typed in or imported."""
    if not name.strip():
        raise ValidationError("学生姓名不能为空。")
    if gender not in GENDERS:
        raise ValidationError(f"性别应为“男”或“女”（填的是「{gender}」）。")
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


def save_student(db: Database, festival_id: int, info: StudentInfo) -> StudentInfo:
    """Insert (info.id == 0) or update a student after checking every rule; returns the stored row."""
    name, number = info.name.strip(), info.student_number.strip()
    check_student_fields(name, info.gender, info.age, info.birth_date)
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
        return _student_infos(session, festival_id, [student.id])[0]


def delete_students(db: Database, student_ids: list[int]) -> None:
    with db.session() as session:
        session.execute(delete(Student).where(Student.id.in_(student_ids)))
