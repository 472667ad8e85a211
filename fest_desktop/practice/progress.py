"""How far the 科普实践 has got: per item, per grade and per class, the pupils who have done it against
those who should; and the 班级考核 points it earns each class. The 总结, `practice progress` and the
window read these same figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.practice.items import PracticeItemInfo, items_of
from fest_desktop.practice.kinds import Completion
from fest_desktop.registration.quotas import students_per_class
from fest_desktop.school.classnames import class_display_name
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Grade, PracticeItem, PracticeMark, SchoolClass, Section, Student


@dataclass(frozen=True)
class Tally:
    """Pupils who have done an item against the pupils who should."""

    done: int
    of: int

    @property
    def share(self) -> float:
        return self.done / self.of if self.of else 0.0

    @property
    def completion(self) -> Completion:
        return Completion.of(self.done, self.of)

    @property
    def text(self) -> str:
        """18/30（60%）"""
        return f"{self.done}/{self.of}（{self.share:.0%}）"

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.done + other.done, self.of + other.of)


NO_TALLY = Tally(0, 0)


def total_of(tallies: dict[str, Tally]) -> Tally:
    return sum(tallies.values(), NO_TALLY)


@dataclass(frozen=True)
class ItemProgress:
    name: str
    levels_text: str
    points: float
    tally: Tally


@dataclass(frozen=True)
class ClassProgress:
    """A class's pupils against each item of its grade (items its grade does not do are absent)."""

    class_id: int
    class_name: str
    grade: str
    pupils: int
    items: dict[str, Tally]

    @property
    def total(self) -> Tally:
        return total_of(self.items)


@dataclass(frozen=True)
class GradeProgress:
    grade: str
    pupils: int
    items: dict[str, Tally]

    @property
    def total(self) -> Tally:
        return total_of(self.items)


@dataclass(frozen=True)
class PracticeProgress:
    items: list[ItemProgress]
    grades: list[GradeProgress]
    classes: list[ClassProgress]

    @property
    def total(self) -> Tally:
        return sum((item.tally for item in self.items), NO_TALLY)


def practice_progress(db: Database, festival_id: int) -> PracticeProgress:
    """Every item's, grade's and class's progress, classes in school order."""
    with db.session() as session:
        return progress_of(session, festival_id)


def progress_of(session: Session, festival_id: int) -> PracticeProgress:
    """practice_progress within a session: four festival-wide reads, never one per class."""
    items = items_of(session, festival_id)
    pupils = students_per_class(session, festival_id)
    marks = Counter(
        {
            (class_id, item_id): count
            for class_id, item_id, count in session.execute(
                select(Student.class_id, PracticeMark.item_id, func.count())
                .join(PracticeMark, PracticeMark.student_id == Student.id)
                .join(PracticeItem, PracticeMark.item_id == PracticeItem.id)
                .where(PracticeItem.festival_id == festival_id)
                .group_by(Student.class_id, PracticeMark.item_id)
            )
        }
    )
    classes = []
    for class_id, level, grade, number in session.execute(
        select(SchoolClass.id, Grade.level, Grade.name, SchoolClass.number)
        .join(Grade, SchoolClass.grade_id == Grade.id)
        .join(Section, Grade.section_id == Section.id)
        .where(SchoolClass.festival_id == festival_id)
        .order_by(Section.position, Grade.level, SchoolClass.number)
    ):
        size = pupils.get(class_id, 0)
        classes.append(
            ClassProgress(
                class_id,
                class_display_name(grade, number),
                grade,
                size,
                {
                    item.name: Tally(min(marks[(class_id, item.id)], size), size)
                    for item in items
                    if item.applies_to(level)
                },
            )
        )
    return PracticeProgress(_item_progress(items, classes), _grade_progress(classes), classes)


def _item_progress(items: list[PracticeItemInfo], classes: list[ClassProgress]) -> list[ItemProgress]:
    return [
        ItemProgress(
            item.name,
            item.levels_text,
            item.points,
            sum((c.items[item.name] for c in classes if item.name in c.items), NO_TALLY),
        )
        for item in items
    ]


def _grade_progress(classes: list[ClassProgress]) -> list[GradeProgress]:
    grades: dict[str, list[ClassProgress]] = {}
    for row in classes:
        grades.setdefault(row.grade, []).append(row)
    found = []
    for grade, rows in grades.items():
        tallies: dict[str, Tally] = {}
        for row in rows:
            for name, tally in row.items.items():
                tallies[name] = tallies.get(name, NO_TALLY) + tally
        found.append(GradeProgress(grade, sum(r.pupils for r in rows), tallies))
    return found


def practice_points_of(session: Session, festival_id: int) -> dict[int, float]:
    """class id → the 班级考核 points its 科普实践 earns: each item's points in proportion to the share of
    the class's pupils who have done it; classes that earn none are absent."""
    points = {item.name: item.points for item in items_of(session, festival_id) if item.points > 0}
    if not points:
        return {}
    found = {}
    for row in progress_of(session, festival_id).classes:
        earned = round(
            sum(points[name] * tally.share for name, tally in row.items.items() if name in points), 2
        )
        if earned:
            found[row.class_id] = earned
    return found


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {"done": tally.done, "of": tally.of, "share": round(tally.share, 4)}


def progress_json(progress: PracticeProgress) -> dict[str, Any]:
    """The figures as `practice progress --json` and `summary stats --json` print them, each share as a
    fraction."""
    return {
        "total": _tally_json(progress.total),
        "items": [
            {"name": i.name, "grades": i.levels_text, "points": i.points, **_tally_json(i.tally)}
            for i in progress.items
        ],
        "grades": [
            {
                "grade": g.grade,
                "pupils": g.pupils,
                "total": _tally_json(g.total),
                "items": {name: _tally_json(t) for name, t in g.items.items()},
            }
            for g in progress.grades
        ],
        "classes": [
            {
                "class": c.class_name,
                "grade": c.grade,
                "pupils": c.pupils,
                "total": _tally_json(c.total),
                "items": {name: _tally_json(t) for name, t in c.items.items()},
            }
            for c in progress.classes
        ],
    }
