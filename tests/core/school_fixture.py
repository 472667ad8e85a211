"""A small school for the registration tests: three classes with named students."""

from __future__ import annotations

from dataclasses import dataclass

from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import StudentInfo, save_student
from fest_desktop.school.structure import add_class
from fest_desktop.storage.database import Database

STUDENTS = {
    (3, 1): ("张子涵", "李梓轩", "王一诺", "曾浩然", "陈雨桐", "周宇航"),
    (3, 2): ("刘欣怡", "杨诗琪", "赵俊杰", "黄思远"),
    (1, 1): ("吴可馨", "徐天佑"),
}


@dataclass
class SmallSchool:
    festival_id: int
    class_ids: dict[str, int]
    student_ids: dict[str, int]


def make_small_school(db: Database, festival: FestivalInfo) -> SmallSchool:
    class_ids: dict[str, int] = {}
    student_ids: dict[str, int] = {}
    for (level, number), names in STUDENTS.items():
        info = add_class(db, festival.id, level, number).value
        class_ids[info.name] = info.id
        for name in names:
            student = save_student(db, festival.id, StudentInfo(0, info.id, name, age=8 + level)).value
            student_ids[name] = student.id
    return SmallSchool(festival.id, class_ids, student_ids)
