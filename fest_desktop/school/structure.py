"""Sections, grades and classes, with each class's entry in the class competitions (科普板报)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.kinds import Participation
from fest_desktop.school.classnames import SECTION_NAMES, class_display_name, grade_name, section_for_level
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database, delete_row, fetch
from fest_desktop.storage.model import Competition, Entry, Grade, SchoolClass, Section, Student, Teacher
from fest_desktop.storage.numbering import next_entry_code
from fest_desktop.values import GRADE_NAME, limit_problems


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


def add_grade(db: Database, festival_id: int, level: int) -> Done[GradeInfo]:
    if not 1 <= level <= 12:
        raise ValidationError("年级应在一年级到高三之间。")
    with db.session() as session:
        grade = ensure_grade(session, festival_id, level)
        return Done(
            GradeInfo(grade.id, grade.section.name, grade.level, grade.name, len(grade.classes), 0),
            Changed.SCHOOL,
        )


def rename_grade(db: Database, grade_id: int, name: str) -> Done[None]:
    """Some schools say 七年级 where others say 初一: the displayed name is the school's choice."""
    if not name.strip():
        raise ValidationError("年级名称不能为空。")
    for problem in limit_problems(((GRADE_NAME, name),)):
        raise ValidationError(problem)
    with db.session() as session:
        fetch(session, Grade, grade_id, "这个年级已被删除。").name = name.strip()
    return Done(None, Changed.SCHOOL)


def delete_grade(db: Database, grade_id: int) -> Done[None]:
    """Delete a grade with its classes and students, after a backup of the file."""
    backup_before(db, "删除年级")
    with db.session() as session:
        delete_row(session, Grade, grade_id)
    return Done(None, Changed.SCHOOL | Changed.ENTRIES | Changed.SCORES | Changed.AWARDS)


def class_infos(session: Session, festival_id: int, class_id: int | None = None) -> list[ClassInfo]:
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
        return class_infos(session, festival_id)


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
) -> Done[ClassInfo]:
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
        return Done(class_infos(session, festival_id, school_class.id)[0], Changed.SCHOOL | Changed.ENTRIES)


def update_class(db: Database, class_id: int, number: int, head_teacher_id: int | None) -> Done[ClassInfo]:
    with db.session() as session:
        school_class = fetch(session, SchoolClass, class_id, "这个班级已被删除。")
        _check_class_number(session, school_class.grade, number, class_id)
        _check_teacher(session, school_class.festival_id, head_teacher_id)
        before = _teacher_name(session, school_class.head_teacher_id)
        school_class.number = number
        school_class.head_teacher_id = head_teacher_id
        # The class's board is the 班主任's to guide: its 指导老师 follows a new 班主任 unless someone
        # else was written in by hand.
        after = _teacher_name(session, head_teacher_id)
        for entry in session.scalars(
            select(Entry)
            .join(Competition, Competition.id == Entry.competition_id)
            .where(Entry.class_id == class_id, Competition.participation == Participation.CLASS)
        ):
            if entry.advisor in ("", before):
                entry.advisor = after
        session.flush()
        return Done(class_infos(session, school_class.festival_id, class_id)[0], Changed.SCHOOL)


def _teacher_name(session: Session, teacher_id: int | None) -> str:
    teacher = session.get(Teacher, teacher_id) if teacher_id is not None else None
    return teacher.name if teacher is not None else ""


def delete_class(db: Database, class_id: int) -> Done[None]:
    """Delete a class with its students, after a backup of the file."""
    backup_before(db, "删除班级")
    with db.session() as session:
        delete_row(session, SchoolClass, class_id)
    return Done(None, Changed.SCHOOL | Changed.ENTRIES | Changed.SCORES | Changed.AWARDS)


def ensure_class_entries(session: Session, competition: Competition) -> int:
    """A class competition has one entry per eligible class: create the missing ones; returns their count."""
    if competition.participation != "class":
        return 0
    levels = {int(part) for part in competition.eligible_levels.split(",") if part}
    classes = session.execute(
        select(SchoolClass.id, Grade.level, SchoolClass.head_teacher_id)
        .join(Grade, SchoolClass.grade_id == Grade.id)
        .where(SchoolClass.festival_id == competition.festival_id)
        .order_by(Grade.level, SchoolClass.number)
    ).all()
    entered = set(session.scalars(select(Entry.class_id).where(Entry.competition_id == competition.id)))
    created = 0
    for class_id, level, head_teacher_id in classes:
        if class_id in entered or (levels and level not in levels):
            continue
        session.add(
            Entry(
                festival_id=competition.festival_id,
                competition_id=competition.id,
                class_id=class_id,
                code=next_entry_code(session, competition),
                title="",
                advisor=_teacher_name(session, head_teacher_id),  # the 班主任 guides the class's board
            )
        )
        session.flush()
        created += 1
    return created


def ensure_festival_class_entries(session: Session, festival_id: int) -> None:
    """After classes are added: give each new class its entry in every class competition (科普板报)."""
    for competition in session.scalars(
        select(Competition).where(
            Competition.festival_id == festival_id, Competition.participation == Participation.CLASS
        )
    ):
        ensure_class_entries(session, competition)
