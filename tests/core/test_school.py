"""School structure and people: the rules that hold however a record is entered."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from fest_desktop.errors import ValidationError
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import (
    StudentInfo,
    add_teacher,
    delete_students,
    delete_teachers,
    list_students,
    list_teachers,
    save_student,
)
from fest_desktop.school.structure import (
    add_class,
    delete_class,
    list_classes,
    list_grades,
    rename_grade,
    update_class,
)
from fest_desktop.storage.database import Database


def test_classes_create_their_grade_and_section(db: Database, festival: FestivalInfo) -> None:
    add_class(db, festival.id, 8, 3)
    add_class(db, festival.id, 3, 1)
    grades = list_grades(db, festival.id)
    assert [(g.section, g.name, g.class_count) for g in grades] == [
        ("小学", "三年级", 1),
        ("初中", "初二", 1),
    ]
    assert [c.name for c in list_classes(db, festival.id)] == ["三年级(1)班", "初二(3)班"]


def test_a_class_cannot_exist_twice(db: Database, festival: FestivalInfo) -> None:
    add_class(db, festival.id, 3, 2)
    other = add_class(db, festival.id, 3, 3).value
    with pytest.raises(ValidationError, match=r"三年级\(2\)班已经存在"):
        add_class(db, festival.id, 3, 2)
    with pytest.raises(ValidationError, match="已经存在"):
        update_class(db, other.id, 2, None)


def test_renamed_grades_name_their_classes(db: Database, festival: FestivalInfo) -> None:
    info = add_class(db, festival.id, 7, 3).value
    grade = list_grades(db, festival.id)[0]
    rename_grade(db, grade.id, "七年级")
    assert list_classes(db, festival.id)[0].name == "七年级(3)班"
    assert info.name == "初一(3)班"


def test_deleting_a_head_teacher_leaves_the_class_without_one(db: Database, festival: FestivalInfo) -> None:
    teacher = add_teacher(db, festival.id, "林老师", "科学").value
    info = add_class(db, festival.id, 3, 2, teacher.id).value
    assert list_teachers(db, festival.id)[0].head_of == "三年级(2)班"
    delete_teachers(db, [teacher.id])
    assert list_classes(db, festival.id)[0] == dataclasses.replace(
        info, head_teacher_id=None, head_teacher_name=""
    )


def test_students_are_checked_on_every_save(db: Database, festival: FestivalInfo) -> None:
    info = add_class(db, festival.id, 3, 2).value
    saved = save_student(db, festival.id, StudentInfo(0, info.id, " 张小明 ", "男", "2023001", None, 9)).value
    assert (saved.name, saved.class_name) == ("张小明", "三年级(2)班")
    with pytest.raises(ValidationError, match="学号 2023001 已经属于学生「张小明」"):
        save_student(db, festival.id, StudentInfo(0, info.id, "李四", student_number="2023001"))
    with pytest.raises(ValidationError, match="性别"):
        save_student(db, festival.id, dataclasses.replace(saved, gender="未知"))
    with pytest.raises(ValidationError, match="年龄"):
        save_student(db, festival.id, dataclasses.replace(saved, age=40))
    with pytest.raises(ValidationError, match="出生日期"):
        save_student(db, festival.id, dataclasses.replace(saved, birth_date=dt.date(2099, 1, 1)))
    with pytest.raises(ValidationError, match="姓名不能为空"):
        save_student(db, festival.id, dataclasses.replace(saved, name=""))
    assert list_students(db, festival.id) == [saved]


def test_a_student_moves_class_by_saving_with_another_class(db: Database, festival: FestivalInfo) -> None:
    a = add_class(db, festival.id, 3, 1).value
    b = add_class(db, festival.id, 3, 2).value
    student = save_student(db, festival.id, StudentInfo(0, a.id, "王芳")).value
    moved = save_student(db, festival.id, dataclasses.replace(student, class_id=b.id)).value
    assert moved.class_name == "三年级(2)班"
    assert [c.student_count for c in list_classes(db, festival.id)] == [0, 1]


def test_editing_what_another_window_deleted_says_so(db: Database, festival: FestivalInfo) -> None:
    from fest_desktop.errors import NotFoundError

    info = add_class(db, festival.id, 3, 2).value
    student = save_student(db, festival.id, StudentInfo(0, info.id, "王芳")).value
    delete_students(db, [student.id])
    with pytest.raises(NotFoundError, match="这名学生已被删除"):
        save_student(db, festival.id, dataclasses.replace(student, name="王小芳"))
    delete_class(db, info.id)
    delete_class(db, info.id)  # deleting twice is harmless
    with pytest.raises(NotFoundError, match="这个班级已被删除"):
        update_class(db, info.id, 3, None)
    assert list_students(db, festival.id) == []
