"""The festival's 科普实践 items: what every pupil (or the pupils of some grades) does, in the plans'
words, added, renamed, moved and removed by the teacher."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.competition_rules import eligibility_text
from fest_desktop.storage.backups import backup_before
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Competition, Festival, PracticeItem, PracticeMark
from fest_desktop.values import TextLimit, clean_text

ITEM_NAME = TextLimit("实践项目名称", 50)
MAX_POINTS = 100.0

# The plans' own words: "学生每人选读一本科普读物，写出读后感"; "看一部科普教育的电影、电视片；讲一位科学家的
# 故事；参观一处科普教育基地；写一篇科普小征文".
PLAN_ITEMS = (
    "读一本科普读物并写读后感",
    "看一部科普影片",
    "讲一位科学家的故事",
    "参观一处科普教育基地",
    "写一篇科普小征文",
)


@dataclass(frozen=True)
class PracticeItemInfo:
    """A practice item; id 0 for one not stored yet. levels () means every grade. points: the 班级考核
    points of a class all of whose pupils have done it. competition_id: where a pupil's written work
    of this item is entered by default (读后感, 征文), or None."""

    id: int
    name: str
    levels: tuple[int, ...] = ()
    points: float = 0.0
    competition_id: int | None = None
    marks: int = 0  # pupils who have done it

    @property
    def levels_text(self) -> str:
        return eligibility_text(self.levels)

    def applies_to(self, level: int) -> bool:
        return not self.levels or level in self.levels


def _info(row: PracticeItem, marks: int = 0) -> PracticeItemInfo:
    return PracticeItemInfo(
        row.id,
        row.name,
        tuple(int(part) for part in row.eligible_levels.split(",") if part),
        row.points,
        row.competition_id,
        marks,
    )


def list_items(db: Database, festival_id: int) -> list[PracticeItemInfo]:
    """The festival's practice items in their order, each with how many pupils have done it."""
    with db.session() as session:
        return items_of(session, festival_id)


def items_of(session: Session, festival_id: int) -> list[PracticeItemInfo]:
    """list_items within a session."""
    marks = dict(
        session.execute(
            select(PracticeMark.item_id, func.count())
            .join(PracticeItem, PracticeMark.item_id == PracticeItem.id)
            .where(PracticeItem.festival_id == festival_id)
            .group_by(PracticeMark.item_id)
        ).all()
    )
    return [
        _info(row, marks.get(row.id, 0))
        for row in session.scalars(
            select(PracticeItem)
            .where(PracticeItem.festival_id == festival_id)
            .order_by(PracticeItem.position, PracticeItem.id)
        )
    ]


def _checked(session: Session, festival_id: int, info: PracticeItemInfo) -> PracticeItemInfo:
    """The item with its name cleaned, or ValidationError saying what is wrong."""
    name = clean_text(info.name)
    if not name:
        raise ValidationError("实践项目的名称不能为空。")
    try:
        ITEM_NAME.check(name)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    bad = [level for level in info.levels if not 1 <= level <= 12]
    if bad:
        raise ValidationError(f"年级 {bad[0]} 不存在。")
    if not 0 <= info.points <= MAX_POINTS:
        raise ValidationError(f"班级考核分应在 0 到 {MAX_POINTS:g} 之间。")
    taken = session.scalar(
        select(PracticeItem.id).where(
            PracticeItem.festival_id == festival_id, PracticeItem.name == name, PracticeItem.id != info.id
        )
    )
    if taken is not None:
        raise ValidationError(f"已经有名为「{name}」的实践项目。")
    if info.competition_id is not None:
        competition = session.get(Competition, info.competition_id)
        if competition is None or competition.festival_id != festival_id:
            raise ValidationError("所选的比赛项目已不存在（可能已被删除）。")
    return PracticeItemInfo(
        info.id, name, tuple(sorted(set(info.levels))), float(info.points), info.competition_id
    )


def _apply(row: PracticeItem, info: PracticeItemInfo) -> None:
    row.name = info.name
    row.eligible_levels = ",".join(str(level) for level in info.levels)
    row.points = info.points
    row.competition_id = info.competition_id


def _next_position(session: Session, festival_id: int) -> int:
    last = session.scalar(
        select(func.max(PracticeItem.position)).where(PracticeItem.festival_id == festival_id)
    )
    return (last or 0) + 1


def add_item(db: Database, festival_id: int, info: PracticeItemInfo) -> Done[PracticeItemInfo]:
    """Add a practice item at the end of the list."""
    with db.session() as session:
        fetch(session, Festival, festival_id, "这个科技节已被删除。")
        checked = _checked(
            session,
            festival_id,
            PracticeItemInfo(0, info.name, info.levels, info.points, info.competition_id),
        )
        row = PracticeItem(festival_id=festival_id, position=_next_position(session, festival_id))
        _apply(row, checked)
        session.add(row)
        session.flush()
        return Done(_info(row), Changed.PRACTICE)


def add_plan_items(db: Database, festival_id: int) -> Done[list[PracticeItemInfo]]:
    """Add the plans' items the festival does not have yet (for every grade, no points); the items
    added come back."""
    with db.session() as session:
        fetch(session, Festival, festival_id, "这个科技节已被删除。")
        have = set(session.scalars(select(PracticeItem.name).where(PracticeItem.festival_id == festival_id)))
        position = _next_position(session, festival_id)
        added = []
        for name in PLAN_ITEMS:
            if name in have:
                continue
            row = PracticeItem(
                festival_id=festival_id, name=name, position=position, eligible_levels="", points=0.0
            )
            session.add(row)
            session.flush()
            added.append(_info(row))
            position += 1
        return Done(added, Changed.PRACTICE if added else Changed.NOTHING)


def update_item(db: Database, info: PracticeItemInfo) -> Done[PracticeItemInfo]:
    """Rename an item or change its grades, points or competition. A grade taken off keeps the marks of
    its pupils (they count again if the grade is put back) but no longer counts them."""
    with db.session() as session:
        row = fetch(session, PracticeItem, info.id, "这个实践项目已被删除（可能在另一个窗口）。")
        checked = _checked(session, row.festival_id, info)
        _apply(row, checked)
        session.flush()
        return Done(_one(session, row), Changed.PRACTICE)


def _one(session: Session, row: PracticeItem) -> PracticeItemInfo:
    marks = session.scalar(select(func.count()).where(PracticeMark.item_id == row.id)) or 0
    return _info(row, marks)


def move_item(db: Database, item_id: int, step: int) -> Done[list[PracticeItemInfo]]:
    """Move an item up (step −1) or down (+1) the list; the list comes back."""
    with db.session() as session:
        row = fetch(session, PracticeItem, item_id, "这个实践项目已被删除（可能在另一个窗口）。")
        rows = list(
            session.scalars(
                select(PracticeItem)
                .where(PracticeItem.festival_id == row.festival_id)
                .order_by(PracticeItem.position, PracticeItem.id)
            )
        )
        index = rows.index(row)
        target = max(0, min(len(rows) - 1, index + step))
        rows.insert(target, rows.pop(index))
        for position, item in enumerate(rows, start=1):
            item.position = position
        session.flush()
        return Done(items_of(session, row.festival_id), Changed.PRACTICE)


def remove_item(db: Database, item_id: int) -> Done[str]:
    """Remove an item with every pupil's mark of it, after a backup of the file; its name comes back."""
    backup_before(db, "删除实践项目")
    with db.session() as session:
        row = fetch(session, PracticeItem, item_id, "这个实践项目已被删除（可能在另一个窗口）。")
        name = row.name
        session.delete(row)
        return Done(name, Changed.PRACTICE)


def find_item(items: Sequence[PracticeItemInfo], name: str) -> PracticeItemInfo:
    """The item of that name (a part only one name contains is enough), or ValidationError listing them."""
    wanted = clean_text(name)
    matches = [i for i in items if i.name == wanted] or [i for i in items if wanted and wanted in i.name]
    if len(matches) != 1:
        names = "、".join(i.name for i in items) or "无"
        raise ValidationError(f"没有唯一名为「{name}」的实践项目。现有：{names}")
    return matches[0]


def copy_items(session: Session, source_festival_id: int, target_festival_id: int) -> None:
    """A new festival copied from last year's starts with its practice items (not the marks); an item's
    competition is found again by name among the copied competitions."""
    names = dict(
        session.execute(
            select(Competition.id, Competition.name).where(Competition.festival_id == source_festival_id)
        ).all()
    )
    targets = dict(
        session.execute(
            select(Competition.name, Competition.id).where(Competition.festival_id == target_festival_id)
        ).all()
    )
    for item in items_of(session, source_festival_id):
        row = PracticeItem(
            festival_id=target_festival_id, position=_next_position(session, target_festival_id)
        )
        competition = targets.get(names.get(item.competition_id, "")) if item.competition_id else None
        _apply(row, PracticeItemInfo(0, item.name, item.levels, item.points, competition))
        session.add(row)
        session.flush()
