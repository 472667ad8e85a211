"""A measured competition whose results the award tests set by hand: one throw per student, so each
entry's final is exactly the distance given."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fest_desktop.registration.competitions import CompetitionInfo, add_competition
from fest_desktop.registration.entries import EntryDraft, create_entry
from fest_desktop.registration.kinds import Judging, RankingGroup
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import StudentInfo, list_students, save_student
from fest_desktop.school.structure import add_class
from fest_desktop.scoring.entering import enter_attempt
from fest_desktop.storage.database import Database

# Two sections: 小学 (三年级 two classes, 一年级 one) and 初中 (初一 one class).
CLASSES = {
    (3, 1): ("张子涵", "李梓轩", "王一诺", "曾浩然", "陈雨桐", "周宇航"),
    (3, 2): ("刘欣怡", "杨诗琪", "赵俊杰", "黄思远"),
    (1, 1): ("吴可馨", "徐天佑"),
    (7, 1): ("孙浩宇", "马晓彤", "朱一鸣"),
}
TODAY = dt.date(2026, 4, 20)


@dataclass
class Throws:
    festival_id: int
    competition: CompetitionInfo
    class_ids: dict[str, int]
    student_ids: dict[str, int]
    entry_ids: dict[str, int]  # by author

    def throw(self, db: Database, distances: dict[str, float]) -> None:
        for name, distance in distances.items():
            enter_attempt(db, self.entry_ids[name], 1, distance)


def make_school(db: Database, festival: FestivalInfo) -> tuple[dict[str, int], dict[str, int]]:
    class_ids: dict[str, int] = {}
    student_ids: dict[str, int] = {}
    for (level, number), names in CLASSES.items():
        info = add_class(db, festival.id, level, number).value
        class_ids[info.name] = info.id
        for name in names:
            student_ids[name] = save_student(db, festival.id, StudentInfo(0, info.id, name)).value.id
    return class_ids, student_ids


def add_throws(
    db: Database,
    festival: FestivalInfo,
    class_ids: dict[str, int],
    student_ids: dict[str, int],
    authors: dict[str, str],
    *,
    name: str = "手抛飞机",
    prefix: str = "FJ",
    ranking_group: RankingGroup = RankingGroup.SCHOOL,
) -> Throws:
    """A one-throw competition with an entry for each author (name → advisor)."""
    competition = add_competition(
        db,
        festival.id,
        CompetitionInfo(
            0,
            name,
            code_prefix=prefix,
            judging=Judging.MEASURED,
            measure_unit="米",
            ranking_group=ranking_group,
        ),
    ).value
    by_student = {sid: name for name, sid in student_ids.items()}
    class_of = {}
    for student in list_students(db, festival.id):
        class_of[student.id] = student.class_id
    entry_ids = {}
    for author, advisor in authors.items():
        student_id = student_ids[author]
        entry = create_entry(
            db,
            festival.id,
            EntryDraft(competition.id, class_of[student_id], author_ids=(student_id,), advisor=advisor),
            today=TODAY,
        ).value
        entry_ids[by_student[student_id]] = entry.id
    return Throws(festival.id, competition, class_ids, student_ids, entry_ids)


def make_throws(db: Database, festival: FestivalInfo, authors: dict[str, str], **options: str) -> Throws:
    class_ids, student_ids = make_school(db, festival)
    return add_throws(db, festival, class_ids, student_ids, authors, **options)
