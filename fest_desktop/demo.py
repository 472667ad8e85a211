"""The demo festival: an invented 小学+初中 school in the middle of its 第十届校园科技节.

Its competitions are the presets, with entries in every class except a few left missing or short of
their quota, so that every warning of the registration tab shows. Today is its board-inspection day:
five judges are half-way through the classes' 科普板报, and some planes have been thrown. Its calendar
runs from the 国旗下讲话 to the closing ceremony, with one clash left to resolve and one kept on purpose.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fest_desktop.competitions import PRESETS, add_preset
from fest_desktop.db import Database
from fest_desktop.entries import EntryDraft, insert_entry
from fest_desktop.festivals import FestivalInfo, add_phase, create_festival, list_phases
from fest_desktop.model import (
    Attempt,
    Competition,
    Criterion,
    Entry,
    Event,
    Grade,
    Judge,
    SchoolClass,
    Score,
    ScoreChange,
    Student,
    Teacher,
)
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


TITLES = {
    "XZ": (
        "自动浇花器",
        "太阳能小车",
        "多功能笔筒",
        "磁悬浮笔架",
        "废旧瓶子净水器",
        "声控小夜灯",
        "简易潜望镜",
        "水火箭",
        "雨天自动收衣架",
        "防近视提醒台灯",
        "风力发电机模型",
        "垃圾分类提醒桶",
        "书包称重器",
        "手摇发电手电筒",
        "橡皮筋动力车",
        "自制指南针",
        "空气炮",
        "盲人提示拐杖",
        "节水马桶模型",
        "自动喂鱼器",
    ),
    "HH": (
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
    ),
    "LW": (
        "蚕宝宝成长日记",
        "绿豆发芽观察日记",
        "蚂蚁搬家的秘密",
        "鸡蛋为什么会浮起来",
        "校园植物调查",
        "家庭用水情况调查",
        "月相变化观察记录",
        "铁钉生锈的比较实验",
        "影子长短的秘密",
        "向日葵为什么向着太阳",
    ),
    "DN": ("我的科技节", "节约用水", "太阳系漫游", "垃圾分类小课堂", "保护地球", "未来交通"),
    "BB": ("探究身边的科学", "科学就在我身边", "走近科学家", "小实验大发现", "科技改变生活", "向未来出发"),
}
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
SAMPLE_CLASS = (4, 1)
SAMPLE_NAME = "示例-四年级(1)班-作品报名表.xlsx"


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
    _add_competitions_and_entries(db, festival, rng)
    _score_boards_half_way(db, festival, today, rng)
    _throw_planes(db, festival, today, rng)
    _finish_measured(db, festival, today, rng)
    _award_finished(db, festival)
    _plan_calendar(db, festival, start)
    return festival


def _add_competitions_and_entries(db: Database, festival: FestivalInfo, rng: random.Random) -> None:
    for preset in PRESETS:
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
    titles = TITLES.get(prefix, ())
    if competition.participation == "class":
        board = session.scalars(
            select(Entry).where(Entry.competition_id == competition.id, Entry.class_id == class_id)
        ).one()
        board.title = rng.choice(titles)
        board.status = "received"
        return
    if prefix in MISSING.get(place, ()):
        return
    low = competition.quota_min or 0
    high = competition.quota_max or 2
    count = 1 if SHORT.get(place) == prefix else rng.randint(max(low, 1), min(high, low + 2) if low else high)
    if prefix == "SQ":
        count = rng.randint(0, 2)
    team = competition.team_size if competition.participation == "team" else 1
    subtypes = [line for line in competition.subtypes.splitlines() if line]
    subject = ADVISOR_SUBJECTS.get(prefix, "科学")
    for _ in range(count):
        authors = tuple(students.pop() for _ in range(team))
        draft = EntryDraft(
            competition_id=competition.id,
            class_id=class_id,
            subtype=rng.choice(subtypes) if subtypes else "",
            title=rng.choice(titles) if titles else "",
            author_ids=authors,
            advisor=rng.choice(advisors.get(subject, [""])),
            status=rng.choice(("registered", "received", "received")),
        )
        insert_entry(session, festival_id, competition, draft, late=False)


def _logged(
    festival_id: int,
    competition_id: int | None,
    entry_id: int,
    what: str,
    value: float,
    moment: dt.datetime,
    **keys: int,
) -> dict[str, object]:
    """The audit line of a demo score, as if typed in at that moment."""
    return {
        "festival_id": festival_id,
        "competition_id": competition_id,
        "entry_id": entry_id,
        "action": "attempt" if "attempt" in keys else "score",
        "check_pass": False,
        "what": what,
        "new_value": value,
        "station": "演示数据",
        "changed_at": moment,
        **keys,
    }


def _score_boards_half_way(db: Database, festival: FestivalInfo, today: dt.date, rng: random.Random) -> None:
    """Five judges, one of them a 班主任 who stands aside for her class; the lower grades fully scored,
    the next classes partly, the upper grades not yet."""
    with db.session() as session:
        board = session.scalars(
            select(Competition).where(
                Competition.festival_id == festival.id, Competition.participation == "class"
            )
        ).one()
        teachers = {
            subject: list(
                session.scalars(
                    select(Teacher).where(Teacher.festival_id == festival.id, Teacher.subject == subject)
                )
            )
            for subject in ("科学", "美术", "信息技术")
        }
        entries = session.execute(
            select(Entry.id, SchoolClass.head_teacher_id)
            .join(SchoolClass, Entry.class_id == SchoolClass.id)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(Entry.competition_id == board.id)
            .order_by(Grade.level, SchoolClass.number)
        ).all()
        head = session.get(Teacher, entries[4][1])  # the 班主任 of 二年级(2)班
        assert head is not None
        panel = [*teachers["科学"][:2], teachers["美术"][0], teachers["信息技术"][0], head]
        judges = [Judge(name=t.name, teacher_id=t.id, position=i) for i, t in enumerate(panel, start=1)]
        board.judges.extend(judges)
        session.flush()
        criteria = session.scalars(
            select(Criterion).where(Criterion.competition_id == board.id).order_by(Criterion.position)
        ).all()
        scores, changes = [], []
        moment = dt.datetime.combine(today, dt.time(8, 30))
        for position, (entry_id, head_id) in enumerate(entries):
            if position < 14:
                present = judges
            elif position < 19:
                present = judges[: rng.randint(1, 4)]
            else:
                break
            quality = rng.uniform(0.62, 0.95)
            for judge in present:
                if judge.teacher_id == head_id:
                    continue
                leniency = 0.04 if judge is judges[2] else 0.0
                moment += dt.timedelta(seconds=rng.randint(20, 50))
                for criterion in criteria:
                    if criterion.kind == "deduction":
                        if rng.random() > 0.06:
                            continue
                        value = criterion.step
                    else:
                        share = min(quality + leniency + rng.uniform(-0.06, 0.06), 1.0)
                        value = float(round(criterion.max_points * share))
                    scores.append(
                        {
                            "entry_id": entry_id,
                            "judge_id": judge.id,
                            "criterion_id": criterion.id,
                            "value": value,
                        }
                    )
                    changes.append(
                        _logged(
                            festival.id,
                            board.id,
                            entry_id,
                            f"{judge.name} · {criterion.name}",
                            value,
                            moment,
                            judge_id=judge.id,
                            criterion_id=criterion.id,
                        )
                    )
        session.execute(insert(Score), scores)
        session.execute(insert(ScoreChange), changes)


def _throw_planes(db: Database, festival: FestivalInfo, today: dt.date, rng: random.Random) -> None:
    """Three throws for two planes in three, the rest still to come."""
    with db.session() as session:
        planes = session.scalars(
            select(Entry.id)
            .join(Competition, Entry.competition_id == Competition.id)
            .where(Competition.festival_id == festival.id, Competition.code_prefix == "SP")
            .order_by(Entry.code)
        ).all()
        competition_id = session.scalar(
            select(Competition.id).where(
                Competition.festival_id == festival.id, Competition.code_prefix == "SP"
            )
        )
        attempts, changes = [], []
        moment = dt.datetime.combine(today, dt.time(14, 0))
        for position, entry_id in enumerate(planes):
            if position % 3 == 2:
                continue
            for number in (1, 2, 3):
                value = round(rng.uniform(6.0, 24.0), 1)
                moment += dt.timedelta(seconds=rng.randint(15, 40))
                attempts.append({"entry_id": entry_id, "number": number, "value": value})
                changes.append(
                    _logged(
                        festival.id, competition_id, entry_id, f"第{number}次", value, moment, attempt=number
                    )
                )
        session.execute(insert(Attempt), attempts)
        session.execute(insert(ScoreChange), changes)


def _finish_measured(db: Database, festival: FestivalInfo, today: dt.date, rng: random.Random) -> None:
    """The 知识竞赛 (a test out of 100) and the 四驱车 runs (seconds, shorter is better) are over."""
    with db.session() as session:
        attempts, changes = [], []
        moment = dt.datetime.combine(today - dt.timedelta(days=2), dt.time(15, 30))
        for prefix, low, high, runs in (("ZS", 58, 100, 1), ("SQ", 9.0, 16.0, 2)):
            competition_id = session.scalar(
                select(Competition.id).where(
                    Competition.festival_id == festival.id, Competition.code_prefix == prefix
                )
            )
            entries = session.scalars(
                select(Entry.id).where(Entry.competition_id == competition_id).order_by(Entry.code)
            ).all()
            for entry_id in entries:
                for number in range(1, runs + 1):
                    value = (
                        float(rng.randint(int(low), int(high)))
                        if prefix == "ZS"
                        else round(rng.uniform(low, high), 2)
                    )
                    moment += dt.timedelta(seconds=rng.randint(15, 40))
                    attempts.append({"entry_id": entry_id, "number": number, "value": value})
                    changes.append(
                        _logged(
                            festival.id,
                            competition_id,
                            entry_id,
                            f"第{number}次",
                            value,
                            moment,
                            attempt=number,
                        )
                    )
        session.execute(insert(Attempt), attempts)
        session.execute(insert(ScoreChange), changes)


def _award_finished(db: Database, festival: FestivalInfo) -> None:
    """The rules run over what is finished, and the two finished lists are finalised for printing."""
    from fest_desktop.award_rules import LevelRule
    from fest_desktop.awards import RuleKey, assign_awards, competition_list_key, finalise, set_rules

    with db.session() as session:
        quiz, cars = (
            session.scalar(
                select(Competition.id).where(
                    Competition.festival_id == festival.id, Competition.code_prefix == prefix
                )
            )
            for prefix in ("ZS", "SQ")
        )
    assert quiz is not None and cars is not None
    # Three teams a grade: the school gives one 一等奖 and one 二等奖 in each.
    set_rules(
        db,
        festival.id,
        RuleKey("entry", quiz),
        [LevelRule("一等奖", "count", 1), LevelRule("二等奖", "count", 1)],
    )
    assign_awards(db, festival.id, station="演示数据")
    for competition_id in (quiz, cars):
        finalise(db, festival.id, competition_list_key(competition_id), station="演示数据")


# (first day, last day after the festival's start, start–end time or "" for all day, title, kind,
#  place, responsible, audience tokens, phase name, kept clash)
DEMO_EVENTS = (
    (0, 0, "07:50-08:10", "国旗下讲话：科技节开幕", "publicity", "操场", "校长", "", "宣传动员", False),
    (0, 2, "", "宣传周：各班出一期科技小报", "publicity", "各班教室", "各班班主任", "", "宣传动员", False),
    (
        1,
        1,
        "14:00-15:00",
        "科普讲座：身边的物理",
        "lecture",
        "报告厅",
        "科学组",
        "g:5,g:6",
        "宣传动员",
        False,
    ),
    (
        2,
        2,
        "14:00-15:30",
        "科技影片《流浪地球》展播",
        "film",
        "报告厅",
        "信息技术组",
        "s:初中",
        "宣传动员",
        False,
    ),
    (4, 18, "", "科普读书月：读一本科普书", "reading", "图书馆", "语文组", "s:小学", "准备", False),
    (7, 7, "13:30-16:30", "参观市科技馆", "visit", "市科技馆", "德育处", "g:7", "准备", False),
    (8, 8, "14:00-15:00", "科普讲座：人工智能与未来", "lecture", "报告厅", "科学组", "s:初中", "准备", False),
    (9, 11, "15:10-16:00", "航模兴趣小组辅导", "other", "科学室", "科学组", "g:4,g:5,g:6", "准备", False),
    (10, 10, "14:00-14:40", "主题班会：我身边的科学", "meeting", "各班教室", "各班班主任", "", "准备", False),
    (15, 15, "09:00-11:00", "科技知识竞赛初赛", "contest", "阶梯教室", "科学组", "s:初中", "准备", False),
    (21, 23, "", "科技作品展", "exhibition", "体育馆", "教务处", "", "展评", True),
    (
        22,
        22,
        "09:00-11:30",
        "小制作与小发明评审（作品展现场）",
        "judging",
        "体育馆",
        "科学组",
        "",
        "展评",
        True,
    ),
    (
        23,
        23,
        "14:00-15:00",
        "科普讲座：显微镜下的世界",
        "lecture",
        "报告厅",
        "生物组",
        "s:初中",
        "展评",
        False,
    ),
    (
        23,
        23,
        "14:30-16:00",
        "科技影片《十万个为什么》",
        "film",
        "报告厅",
        "信息技术组",
        "s:小学",
        "展评",
        False,
    ),
    (24, 24, "09:00-10:30", "科技创新绘画评审", "judging", "美术室", "美术组", "", "展评", False),
    (26, 26, "15:00-16:00", "电脑作品评审", "judging", "计算机房", "信息技术组", "", "展评", False),
    (
        28,
        28,
        "14:00-14:40",
        "总结班会：我的科技节收获",
        "meeting",
        "各班教室",
        "各班班主任",
        "",
        "总结",
        False,
    ),
    (
        30,
        30,
        "15:00-16:30",
        "科技节闭幕式暨颁奖典礼",
        "ceremony",
        "报告厅",
        "校长、教务处",
        "",
        "总结",
        False,
    ),
    (31, 32, "", "优秀作品推荐参加区科技节", "other", "教务处", "教务处", "", "总结", False),
)


def _plan_calendar(db: Database, festival: FestivalInfo, start: dt.date) -> None:
    """The demo's schedule over its four phases; the two films and talks in 报告厅 on one afternoon
    clash, the judging inside the exhibition is a clash kept on purpose."""
    phases = {phase.name: phase.id for phase in list_phases(db, festival.id)}
    with db.session() as session:
        for first, last, times, title, kind, place, responsible, audience, phase, keep in DEMO_EVENTS:
            start_time, end_time = (
                (dt.time.fromisoformat(part) for part in times.split("-")) if times else (None, None)
            )
            session.add(
                Event(
                    festival_id=festival.id,
                    phase_id=phases[phase],
                    title=title,
                    kind=kind,
                    start_date=start + dt.timedelta(days=first),
                    end_date=start + dt.timedelta(days=last),
                    start_time=start_time,
                    end_time=end_time,
                    place=place,
                    responsible=responsible,
                    audience=audience,
                    keep_clash=keep,
                )
            )


def write_import_sample(db: Database, festival_id: int, path: Path) -> Path:
    """The demo's sample registration form, filled in by 四年级(1)班, which has not handed in yet:
    one painting too many, so the import shows its over-quota problem."""
    from openpyxl import load_workbook

    from fest_desktop.entry_sheets import write_class_forms
    from fest_desktop.school import list_classes, list_students

    target = next(c for c in list_classes(db, festival_id) if (c.level, c.number) == SAMPLE_CLASS)
    folder = path.parent
    written = next(p for p in write_class_forms(db, festival_id, folder) if p.name.startswith(target.name))
    for other in folder.glob("*-作品报名表.xlsx"):
        if other != written:
            other.unlink()
    names = [s.name for s in list_students(db, festival_id) if s.class_id == target.id]
    rows = [
        ("科技创新小制作与小发明", "小制作", "自动浇花器", names[0], "", "王女士"),
        ("科技创新小制作与小发明", "小发明", "雨天自动收衣架", names[1]),
        ("科技创新小制作与小发明", "小制作", "橡皮筋动力车", names[2]),
        ("科技创新绘画比赛", "水彩画", "未来城市", names[3]),
        ("科技创新绘画比赛", "蜡笔画", "海底家园", names[4]),
        ("科技创新绘画比赛", "国画", "会飞的学校", names[5]),
        ("科技创新绘画比赛", "电脑画", "星际快递", names[6]),
    ]
    workbook = load_workbook(written)
    sheet = workbook["报名表"]
    header = next(c.row for c in sheet["D"] if c.value == "作者")
    row = header + 1
    while sheet.cell(row, 1).value:
        if sheet.cell(row, 1).value == "科普板报比赛":
            sheet.cell(row, 3, "科学就在我身边")
        row += 1
    for values in rows:
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
        row += 1
    workbook.save(path)
    written.unlink()
    return path
