"""The demo festival: an invented 小学+初中 school in the middle of its 第十届校园科技节."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert

from fest_desktop.db import Database
from fest_desktop.festivals import FestivalInfo, add_phase, create_festival
from fest_desktop.model import Student, Teacher
from fest_desktop.school import add_class

DEMO_SCHOOL = "启明实验学校"
DEMO_FESTIVAL = "第十届校园科技节"
DEMO_THEME = "探究身边的科学"
# Phases as days after the festival's first Monday; the demo is always in its 展评 week "today".
DEMO_PHASES = (("宣传动员", 0, 3), ("准备", 4, 20), ("展评", 21, 27), ("总结", 28, 32))
CLASSES_PER_GRADE = {1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 2, 8: 2, 9: 2}

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
)
GIVEN_CHARS = [
    "子涵",
    "梓轩",
    "一诺",
    "欣怡",
    "浩然",
    "雨桐",
    "宇航",
    "诗琪",
    "俊杰",
    "思远",
    "可馨",
    "天佑",
    "语嫣",
    "明哲",
    "嘉怡",
    "博文",
    "若曦",
    "晨阳",
    "佳琪",
    "志远",
    "梦瑶",
    "昊天",
    "静怡",
    "文轩",
    "雅婷",
    "泽宇",
    "心怡",
    "俊熙",
    "紫萱",
    "皓轩",
    "婉清",
    "子墨",
    "欣然",
    "承泽",
    "乐瑶",
    "安琪",
    "铭泽",
    "书瑶",
    "亦凡",
    "晓彤",
    "景行",
    "清扬",
    "思琪",
    "睿哲",
    "语桐",
    "星辰",
    "沐阳",
    "可欣",
    "知远",
    "若楠",
]
SINGLE_GIVEN_CHARS = "浩琳杰婷磊洋静勇敏涛颖超丹鹏悦晨萌瑞航欣"
SUBJECT_TEACHERS = (
    ("科学", 4),
    ("美术", 3),
    ("信息技术", 2),
    ("物理", 2),
    ("生物", 1),
    ("数学", 4),
    ("语文", 4),
    ("英语", 2),
    ("综合实践", 1),
    ("教务处", 1),
)


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        given = rng.choice(SINGLE_GIVEN_CHARS) if rng.random() < 0.2 else rng.choice(GIVEN_CHARS)
        name = rng.choice(SURNAMES) + given
        if name not in used:
            used.add(name)
            return name


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def demo_start(today: dt.date) -> dt.date:
    """The demo festival starts on the Monday three weeks before this week's, so today is 展评."""
    return today - dt.timedelta(days=today.weekday() + 21)


def create_demo_festival(db: Database, today: dt.date | None = None, seed: int = 10) -> FestivalInfo:
    """Create the demo festival (made current), with phases, 24 classes, teachers and students."""
    today = today or dt.date.today()
    start = demo_start(today)
    end = start + dt.timedelta(days=DEMO_PHASES[-1][2])
    festival = create_festival(db, DEMO_FESTIVAL, DEMO_SCHOOL, start, end, theme=DEMO_THEME)
    for name, first, last in DEMO_PHASES:
        add_phase(db, festival.id, name, start + dt.timedelta(days=first), start + dt.timedelta(days=last))

    rng = random.Random(seed)
    teacher_names: set[str] = set()
    with db.session() as session:
        head_ids = []
        class_count = sum(CLASSES_PER_GRADE.values())
        subjects = ["语文" if i % 2 == 0 else "数学" for i in range(class_count)]
        for subject in subjects:
            teacher = Teacher(festival_id=festival.id, name=_name(rng, teacher_names), subject=subject)
            session.add(teacher)
            session.flush()
            head_ids.append(teacher.id)
        for subject, count in SUBJECT_TEACHERS:
            for _ in range(count):
                session.add(Teacher(festival_id=festival.id, name=_name(rng, teacher_names), subject=subject))

    student_names: set[str] = set()
    heads = iter(head_ids)
    school_year = start.year if start.month >= 9 else start.year - 1
    rows = []
    serial = 0
    for level, count in CLASSES_PER_GRADE.items():
        for number in range(1, count + 1):
            school_class = add_class(db, festival.id, level, number, next(heads))
            for _ in range(rng.randint(26, 32)):
                serial += 1
                # A child who is six by 31 August starts 一年级 that September.
                birth = dt.date(school_year - level - 5, 8, 31) - dt.timedelta(days=rng.randint(0, 364))
                rows.append(
                    {
                        "festival_id": festival.id,
                        "class_id": school_class.id,
                        "name": _name(rng, student_names),
                        "gender": rng.choice("男女"),
                        "student_number": f"{school_year - level + 1}{number:02d}{serial:04d}",
                        "birth_date": birth,
                        "age": age_on(birth, start),
                    }
                )
    with db.session() as session:
        session.execute(insert(Student), rows)
    return festival
