"""The demo's inspection day half done, its measured competitions finished, awarded and finalised; each
score stamped on its competition's judging day."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select

from fest_desktop.awards.kinds import AwardKind, RuleMode
from fest_desktop.registration.kinds import CriterionKind, Participation
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.scoring.judge_keys import issue_keys
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import (
    Attempt,
    Competition,
    Criterion,
    Entry,
    Grade,
    Judge,
    SchoolClass,
    Score,
    ScoreChange,
    Teacher,
)


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


def score_boards_half_way(db: Database, festival: FestivalInfo, day: dt.date, rng: random.Random) -> None:
    """On inspection day, five judges, one of them a 班主任 who stands aside for her class; the lower
    grades fully scored, the next classes partly, the upper grades not yet."""
    with db.session() as session:
        board = session.scalars(
            select(Competition).where(
                Competition.festival_id == festival.id, Competition.participation == Participation.CLASS
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
        issue_keys(session, judges)
        criteria = session.scalars(
            select(Criterion).where(Criterion.competition_id == board.id).order_by(Criterion.position)
        ).all()
        scores, changes = [], []
        moment = dt.datetime.combine(day, dt.time(8, 30))
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
                    if criterion.kind == CriterionKind.DEDUCTION:
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


def throw_planes(db: Database, festival: FestivalInfo, day: dt.date, rng: random.Random) -> None:
    """That afternoon, three throws for two planes in three, the rest still to come."""
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
        moment = dt.datetime.combine(day, dt.time(14, 0))
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


def finish_measured(db: Database, festival: FestivalInfo, day: dt.date, rng: random.Random) -> None:
    """The 知识竞赛 (a test out of 100) and the 四驱车 runs (seconds, shorter is better) were held that
    day, and are over."""
    with db.session() as session:
        attempts, changes = [], []
        moment = dt.datetime.combine(day, dt.time(15, 30))
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


def award_finished(db: Database, festival: FestivalInfo, today: dt.date) -> None:
    """The rules run over what is finished and open, and the two finished lists are finalised for
    printing (what they ask to confirm, confirmed: the school keeps its rule)."""
    from fest_desktop.awards.assignment import assign_awards
    from fest_desktop.awards.finalising import finalise
    from fest_desktop.awards.kinds import competition_list_key
    from fest_desktop.awards.level_rules import LevelRule
    from fest_desktop.awards.rules import RuleKey, set_rules

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
    # Two or three teams a grade: the school gives one 一等奖 in each, not a prize to nearly every team.
    set_rules(db, festival.id, RuleKey(AwardKind.ENTRY, quiz), [LevelRule("一等奖", RuleMode.COUNT, 1)])
    assign_awards(db, festival.id, station="演示数据", today=today)
    for competition_id in (quiz, cars):
        key = competition_list_key(competition_id)
        finalise(db, festival.id, key, station="演示数据", confirmed=True, today=today)
    _recommend_fastest_cars(db, festival.id, cars)


def reassign_open_lists(db: Database, festival: FestivalInfo, today: dt.date) -> None:
    """The rules run again over every list not yet 定稿 (the finalised ones stay as they are)."""
    from fest_desktop.awards.assignment import assign_awards

    assign_awards(db, festival.id, station="演示数据", today=today)


def _recommend_fastest_cars(db: Database, festival_id: int, cars: int) -> None:
    """The 一等奖 cars are 推荐参加县（区）青少年科技创新大赛, each with the 说明 the county's 造册 asks."""
    from fest_desktop.awards.changes import set_recommended
    from fest_desktop.awards.kinds import competition_list_key
    from fest_desktop.awards.lists import list_awards
    from fest_desktop.registration.entries import set_description

    for award in list_awards(db, festival_id, competition_list_key(cars)):
        if award.level == "一等奖" and award.entry_id is not None:
            set_recommended(db, award.entry_id, True, station="演示数据")
            set_description(
                db,
                festival_id,
                award.code,
                f"{award.recipient_text}自己改装齿轮比、给车身减重，校内赛跑出 {award.score:.2f} 秒。",
            )
