"""A large school for benchmarks: 100 classes, 5,000 students, 150 teachers, and its roster workbook."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert

from fest_desktop.new_festival.creating import create_festival
from fest_desktop.school.classnames import GRADE_NAMES, class_display_name
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.structure import add_class
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Student, Teacher

CLASS_COUNT, STUDENT_COUNT, TEACHER_COUNT = 100, 5000, 150
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕"
GIVEN = (
    "子涵梓轩一诺欣怡浩然雨桐宇航诗琪俊杰思远可馨天佑语嫣明哲嘉怡博文若曦晨阳佳琪志远梦瑶昊天静怡文轩雅婷泽宇"
)


def class_layout() -> list[tuple[int, int]]:
    """(grade level, class number) for 100 classes over 12 grades: 9 in 一至四年级, 8 in the others."""
    per_grade = [9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]
    return [
        (level, number) for level, count in enumerate(per_grade, start=1) for number in range(1, count + 1)
    ]


def roster_rows(seed: int = 1) -> list[tuple[str, str, str, str, str, dt.date]]:
    """5,000 students as (grade, class, name, gender, number, birth date), spread over the classes."""
    rng = random.Random(seed)
    layout = class_layout()
    rows = []
    for serial in range(STUDENT_COUNT):
        level, number = layout[serial % len(layout)]
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2))
        birth = dt.date(2019 - level, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        grade = GRADE_NAMES[level - 1]
        rows.append(
            (grade, class_display_name(grade, number), name, rng.choice("男女"), f"S{serial:05d}", birth)
        )
    return rows


def write_large_roster(path: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(["年级", "班级", "姓名", "性别", "学号", "出生日期"])
    for row in roster_rows():
        sheet.append(list(row))
    workbook.save(path)
    return path


def make_large_school(
    db: Database, name: str = "第十届校园科技节", start: dt.date = dt.date(2026, 4, 11)
) -> FestivalInfo:
    """A current festival (of a month from start) with the large school's classes, teachers and
    students."""
    festival = create_festival(db, name, "大型实验学校", start, start + dt.timedelta(days=30)).value
    with db.session() as session:
        session.execute(
            insert(Teacher),
            [
                {"festival_id": festival.id, "name": f"教师{i:03d}", "subject": "科学"}
                for i in range(TEACHER_COUNT)
            ],
        )
    class_ids = {
        (level, number): add_class(db, festival.id, level, number).value.id
        for level, number in class_layout()
    }
    layout = class_layout()
    rows = roster_rows()
    with db.session() as session:
        session.execute(
            insert(Student),
            [
                {
                    "festival_id": festival.id,
                    "class_id": class_ids[layout[i % len(layout)]],
                    "name": name,
                    "gender": gender,
                    "student_number": number,
                    "birth_date": birth,
                    "age": None,
                }
                for i, (_, _, name, gender, number, birth) in enumerate(rows)
            ],
        )
    return festival
