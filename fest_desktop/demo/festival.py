"""The demo festival: an invented 小学+初中 school in the middle of its 第十届校园科技节.

Its competitions are the plans' main presets, with entries in every class except a few left missing or
short of their quota, so that every warning of the registration tab shows, and the teachers' 经验论文评比.
Today (or, on a weekend or holiday, the last school day) is its board-inspection day: five judges are
half-way through the classes' 科普板报, and some planes have been thrown; the quiz and the 四驱车 race were
held two school days before. Every date is a school day and every score lies in its competition's
judging. Its pupils are part-way through their 科普实践, and a car recommended last week has already gone
up two levels above the school. Its calendar runs from the 国旗下讲话 to the closing ceremony, with one
clash left to resolve and one kept on purpose."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fest_desktop.demo.calendar import plan_calendar
from fest_desktop.demo.practice import add_practice, add_teachers_contest, climb_two_levels
from fest_desktop.demo.scores import (
    award_finished,
    finish_measured,
    reassign_open_lists,
    score_boards_half_way,
    throw_planes,
)
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.entries import EntryDraft, insert_entry
from fest_desktop.registration.kinds import EntryStatus, Participation
from fest_desktop.registration.presets import MAIN_PRESETS, add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.school_days import school_day_from
from fest_desktop.school.structure import add_class
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition, Entry, SchoolClass, Student, Teacher

DEMO_SCHOOL = "启明实验学校"


DEMO_FESTIVAL = "第十届校园科技节"


DEMO_THEME = "探究身边的科学"


# Phases as days after the festival's first Monday; the demo is always in its 展评 week "today".
# 33 days: the plans' four phases fall on days 0–3, 4–20, 21–27 and 28–32 (new_festival.phases).
DEMO_DAYS = 33


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


# Titles by competition and, where the type shows in the title, by 作品类型: a 观察日记 is a diary, a
# 网页 a website.
TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "XZ": {
        "小制作": (
            "多功能笔筒",
            "简易潜望镜",
            "水火箭",
            "风力发电机模型",
            "橡皮筋动力车",
            "自制指南针",
            "空气炮",
            "节水马桶模型",
        ),
        "小发明": (
            "自动浇花器",
            "磁悬浮笔架",
            "废旧瓶子净水器",
            "声控小夜灯",
            "雨天自动收衣架",
            "防近视提醒台灯",
            "垃圾分类提醒桶",
            "书包称重器",
            "手摇发电手电筒",
            "盲人提示拐杖",
            "自动喂鱼器",
            "太阳能小车",
        ),
        "创意设计": ("未来教室设计图", "雨水回收屋顶设计", "智能校园导航设计"),
    },
    "HH": {
        "": (
            "未来城市",
            "海底家园",
            "太空电梯",
            "月球农场",
            "会飞的学校",
            "机器人医生",
            "沙漠变绿洲",
            "云端图书馆",
            "垃圾变能源",
            "星际快递",
            "火星基地",
            "会思考的房子",
            "能净化空气的树",
            "时光隧道列车",
            "海上风车城",
        )
    },
    "LW": {
        "科技小论文": ("鸡蛋为什么会浮起来", "校园植物调查", "家庭用水情况调查", "铁钉生锈的比较实验"),
        "观察日记": ("蚕宝宝成长日记", "绿豆发芽观察日记", "月相变化观察记录", "蚂蚁搬家观察日记"),
        "科普童话": ("影子长短的秘密", "小水滴旅行记"),
        "科普幻想": ("向日葵为什么向着太阳", "我在火星种土豆"),
    },
    "DN": {
        "电脑绘画": ("保护地球", "太阳系漫游"),
        "电脑动画": ("垃圾分类小课堂", "节约用水"),
        "网页": ("我的科技节网站",),
        "电子报刊": ("未来交通电子小报",),
    },
    "BB": {
        "": ("探究身边的科学", "科学就在我身边", "走近科学家", "小实验大发现", "科技改变生活", "向未来出发")
    },
}


def title_for(rng: random.Random, prefix: str, subtype: str) -> str:
    """A title that fits the competition and the work's type."""
    by_type = TITLES.get(prefix, {})
    titles = by_type.get(subtype) or by_type.get("") or next(iter(by_type.values()), ())
    return rng.choice(titles) if titles else ""


ADVISOR_SUBJECTS = {
    "XZ": "科学",
    "HH": "美术",
    "LW": "语文",
    "DN": "信息技术",
    "ZS": "科学",
    "SP": "科学",
    "SQ": "科学",
}


# Classes (level, number) → competition prefixes they have not handed in, or handed in short.
MISSING = {(4, 1): ("XZ", "HH"), (8, 2): ("LW",)}


SHORT = {(5, 3): "HH"}


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
    end = start + dt.timedelta(days=DEMO_DAYS - 1)
    festival = create_festival(db, DEMO_FESTIVAL, DEMO_SCHOOL, start, end, theme=DEMO_THEME).value

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
            school_class = add_class(db, festival.id, level, number, next(heads)).value
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
    _add_competitions_and_entries(db, festival, rng)
    inspection, race = _date_the_judging(db, festival, today)
    score_boards_half_way(db, festival, inspection, rng)
    throw_planes(db, festival, inspection, rng)
    finish_measured(db, festival, race, rng)
    award_finished(db, festival, today)
    # A stream of its own, so that what came before stays as it was (the shipped sample form).
    more = random.Random(seed + 1)
    add_teachers_contest(db, festival, more, race, today)
    climb_two_levels(db, festival)
    add_practice(db, festival, more)
    # The collective lists count the 科普实践 and the teachers' contest too: run the rules again over
    # the lists not yet 定稿, so that what the demo shows is what 按规则评奖 gives.
    reassign_open_lists(db, festival, today)
    plan_calendar(db, festival, start)
    return festival


def _date_the_judging(db: Database, festival: FestivalInfo, today: dt.date) -> tuple[dt.date, dt.date]:
    """Put the judging the demo has done around today, on school days: the boards are inspected on the
    last school day up to today, inside their making-and-inspection window (which closes on the next
    school day); the planes are thrown that afternoon; the quiz and the 四驱车 race were held two school
    days before, their teams and cars named three school days before that. Returns (inspection day,
    race day)."""
    inspection = school_day_from(today, -1)
    race = school_day_from(inspection - dt.timedelta(days=2), -1)
    named = school_day_from(race - dt.timedelta(days=3), -1)
    closes = min(school_day_from(inspection + dt.timedelta(days=1)), school_day_from(festival.end_date, -1))
    opens = school_day_from(inspection - dt.timedelta(days=7), -1)
    days = {
        "BB": (max(closes, inspection), inspection, opens),
        "SP": (named, inspection, None),
        "ZS": (named, race, None),
        "SQ": (named, race, None),
    }
    with db.session() as session:
        for competition in session.scalars(select(Competition).where(Competition.festival_id == festival.id)):
            if competition.code_prefix in days:
                deadline, judging, window = days[competition.code_prefix]
                competition.deadline, competition.judging_date = deadline, judging
                competition.window_start = window
    return inspection, race


def _add_competitions_and_entries(db: Database, festival: FestivalInfo, rng: random.Random) -> None:
    for preset in MAIN_PRESETS:
        add_preset(db, festival.id, preset.name)
    with db.session() as session:
        competitions = session.scalars(
            select(Competition).where(Competition.festival_id == festival.id).order_by(Competition.position)
        ).all()
        advisors: dict[str, list[str]] = {}
        for name, subject in session.execute(
            select(Teacher.name, Teacher.subject).where(Teacher.festival_id == festival.id)
        ):
            advisors.setdefault(subject, []).append(name)
        classes = session.execute(
            select(SchoolClass.id, SchoolClass.number)
            .where(SchoolClass.festival_id == festival.id)
            .order_by(SchoolClass.id)
        ).all()
        for class_id, number in classes:
            school_class = session.get(SchoolClass, class_id)
            assert school_class is not None
            level = school_class.grade.level
            students = list(
                session.scalars(select(Student.id).where(Student.class_id == class_id).order_by(Student.id))
            )
            rng.shuffle(students)
            for competition in competitions:
                _enter_class(
                    session, festival.id, competition, (level, number), class_id, students, advisors, rng
                )


def _enter_class(
    session: Session,
    festival_id: int,
    competition: Competition,
    place: tuple[int, int],
    class_id: int,
    students: list[int],
    advisors: dict[str, list[str]],
    rng: random.Random,
) -> None:
    prefix = competition.code_prefix
    levels = {int(part) for part in competition.eligible_levels.split(",") if part}
    if levels and place[0] not in levels:
        return
    if competition.participation == Participation.CLASS:
        board = session.scalars(
            select(Entry).where(Entry.competition_id == competition.id, Entry.class_id == class_id)
        ).one()
        board.title = title_for(rng, prefix, "")
        board.status = EntryStatus.RECEIVED
        return
    if prefix in MISSING.get(place, ()):
        return
    low = competition.quota_min or 0
    high = competition.quota_max or 2
    count = 1 if SHORT.get(place) == prefix else rng.randint(max(low, 1), min(high, low + 2) if low else high)
    if prefix == "SQ":
        count = rng.randint(0, 2)
    team = competition.team_size if competition.participation == Participation.TEAM else 1
    subtypes = [line for line in competition.subtypes.splitlines() if line]
    subject = ADVISOR_SUBJECTS.get(prefix, "科学")
    for _ in range(count):
        authors = tuple(students.pop() for _ in range(team))
        subtype = rng.choice(subtypes) if subtypes else ""
        draft = EntryDraft(
            competition_id=competition.id,
            class_id=class_id,
            subtype=subtype,
            title=title_for(rng, prefix, subtype),
            author_ids=authors,
            advisor=rng.choice(advisors.get(subject, [""])),
            status=rng.choice((EntryStatus.REGISTERED, EntryStatus.RECEIVED, EntryStatus.RECEIVED)),
        )
        insert_entry(session, festival_id, competition, draft, late=False)
