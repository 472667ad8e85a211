"""The demo's 科普实践 part-way through (some classes done, some not started), its teachers' 经验论文评比
judged, awarded and finalised, and a recommended work that went up two levels above the school."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from sqlalchemy import insert, select

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.higher import HigherLevelInfo, record_higher_result, set_higher_levels
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.awards.lists import recommended_entries
from fest_desktop.practice.checklist import Mark, checklist_of, write_marks
from fest_desktop.practice.items import add_plan_items, list_items, update_item
from fest_desktop.registration.competitions import update_competition
from fest_desktop.registration.entries import EntryDraft, create_entry
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.school_days import school_day_from
from fest_desktop.school.structure import class_infos
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Competition, Criterion, Entry, Judge, Score, ScoreChange, Teacher

# The contests above the school, as the plans name theirs: the town's, the county's, the city's.
DEMO_HIGHER_LEVELS = (
    "全镇第十三届小学生科技创新大赛",
    "全县第十一届小学生科技创新作品大赛",
    "市第二十四届青少年科技创新大赛",
)

TEACHER_PAPERS = (
    ("科学", "在小制作中培养学生的动手与创新能力"),
    ("语文", "科普阅读与读后感写作的融合指导"),
    ("数学", "班级科技节活动的组织与评价"),
    ("科学", "引导学生从生活中发现小发明课题"),
    ("综合实践", "带领学生走进科普教育基地的实践与思考"),
)

# How far each class is with the 科普实践, by its position in the school: a few done, a few not started,
# the first part-way (as the window shows it first).
PROGRESS_BY_CLASS = (0.85, 1.0, 0.0, 0.75, 0.6, 1.0, 0.35, 0.8, 0.5, 0.0, 0.95, 0.7)


def add_practice(db: Database, festival: FestivalInfo, rng: random.Random) -> None:
    """The plans' 科普实践 items (visiting a base only from 三年级, the 读后感 worth 2 班级考核 points), each
    class ticked part-way through: the first classes done, a few not started, most between."""
    add_plan_items(db, festival.id)
    for item in list_items(db, festival.id):
        if item.name.startswith("读一本"):
            update_item(db, dataclasses.replace(item, points=2.0))
        elif item.name.startswith("参观"):
            update_item(db, dataclasses.replace(item, levels=tuple(range(3, 10))))
    # One transaction for the whole school: a file's first start should not wait for 24 of them.
    with db.session() as session:
        for position, class_id in enumerate(c.id for c in class_infos(session, festival.id)):
            checklist = checklist_of(session, class_id)
            share = PROGRESS_BY_CLASS[position % len(PROGRESS_BY_CLASS)]
            marks = [
                Mark(pupil.student_id, item.id, True)
                for index, item in enumerate(checklist.items)
                for pupil in checklist.pupils
                # Later items of the list lag behind the first: the 读后感 is begun before the visit.
                if rng.random() < share * (1.0 - 0.12 * index if share < 1.0 else 1.0)
            ]
            write_marks(session, class_id, marks, festival.start_date)


def add_teachers_contest(
    db: Database, festival: FestivalInfo, rng: random.Random, judged: dt.date, today: dt.date
) -> None:
    """The teachers' 经验论文评比: five papers handed in by the school day before `judged`, three judges
    who wrote none scoring every paper that day, the list awarded and finalised (its surprise, most
    papers with a prize, confirmed), so that a teacher's certificate can be printed."""
    contest = add_preset(db, festival.id, "经验论文评比").value
    contest = update_competition(
        db, dataclasses.replace(contest, deadline=school_day_from(judged - dt.timedelta(days=1), -1))
    ).value
    with db.session() as session:
        teachers: dict[str, list[tuple[int, str]]] = {}
        for teacher_id, name, subject in session.execute(
            select(Teacher.id, Teacher.name, Teacher.subject)
            .where(Teacher.festival_id == festival.id)
            .order_by(Teacher.id)
        ):
            teachers.setdefault(subject, []).append((teacher_id, name))
    authors: list[tuple[str, int]] = []
    for subject, title in TEACHER_PAPERS:
        teacher_id, _name = teachers[subject][len([a for a in authors if a[0] == subject])]
        authors.append((subject, teacher_id))
        create_entry(
            db,
            festival.id,
            EntryDraft(contest.id, None, title=title, teacher_id=teacher_id),
            today=festival.start_date,
        )
    writers = {teacher_id for _subject, teacher_id in authors}
    panel = [t for t in (*teachers["教务处"], *teachers["英语"], *teachers["美术"]) if t[0] not in writers][
        :3
    ]
    _score_everything(db, festival, contest.id, panel, rng, judged)
    assign_awards(db, festival.id, contest.name, station="演示数据", today=today)
    finalise(
        db, festival.id, competition_list_key(contest.id), station="演示数据", confirmed=True, today=today
    )


def _score_everything(
    db: Database,
    festival: FestivalInfo,
    competition_id: int,
    panel: list[tuple[int, str]],
    rng: random.Random,
    judged: dt.date,
) -> None:
    moment = dt.datetime.combine(judged, dt.time(15, 30))
    with db.session() as session:
        competition = session.get(Competition, competition_id)
        assert competition is not None
        judges = [
            Judge(name=name, teacher_id=teacher_id, position=i)
            for i, (teacher_id, name) in enumerate(panel, 1)
        ]
        competition.judges.extend(judges)
        session.flush()
        criteria = session.scalars(select(Criterion).where(Criterion.competition_id == competition_id)).all()
        entry_ids = session.scalars(
            select(Entry.id).where(Entry.competition_id == competition_id).order_by(Entry.code)
        ).all()
        scores, changes = [], []
        for entry_id in entry_ids:
            quality = rng.uniform(0.7, 0.95)
            for judge in judges:
                moment += dt.timedelta(seconds=rng.randint(30, 90))
                for criterion in criteria:
                    value = float(round(criterion.max_points * min(quality + rng.uniform(-0.05, 0.05), 1.0)))
                    scores.append(
                        {
                            "entry_id": entry_id,
                            "judge_id": judge.id,
                            "criterion_id": criterion.id,
                            "value": value,
                        }
                    )
                    changes.append(
                        {
                            "festival_id": festival.id,
                            "competition_id": competition_id,
                            "entry_id": entry_id,
                            "action": "score",
                            "check_pass": False,
                            "what": f"{judge.name} · {criterion.name}",
                            "new_value": value,
                            "station": "演示数据",
                            "changed_at": moment,
                            "judge_id": judge.id,
                            "criterion_id": criterion.id,
                        }
                    )
        session.execute(insert(Score), scores)
        session.execute(insert(ScoreChange), changes)


def climb_two_levels(db: Database, festival: FestivalInfo) -> None:
    """The school names the contests above it, and its first recommended work went up two of them."""
    set_higher_levels(db, festival.id, [HigherLevelInfo(0, name) for name in DEMO_HIGHER_LEVELS])
    recommended = sorted(recommended_entries(db, festival.id))
    if not recommended:
        return
    first = recommended[0]
    record_higher_result(db, first, DEMO_HIGHER_LEVELS[0], "一等奖", station="演示数据")
    record_higher_result(db, first, DEMO_HIGHER_LEVELS[1], "二等奖", station="演示数据")
