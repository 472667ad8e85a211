"""The 班级考核 points a class earns besides its prizes, source by source (awards.kinds.PointSource):
each work handed in (已收到), each competition whose quota it met; the points per unit are the
festival's settings, none by default."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import PointSource
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.registration.kinds import EntryStatus, QuotaState
from fest_desktop.registration.quotas import quota_cells
from fest_desktop.school.festivals import festival_row
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import ClassPointRule, Entry

MAX_POINTS = 1000.0


def point_rules_of(session: Session, festival_id: int) -> dict[PointSource, float]:
    """The points per unit of every source (0 where the school set none)."""
    stored = {
        row.source: row.points
        for row in session.scalars(select(ClassPointRule).where(ClassPointRule.festival_id == festival_id))
    }
    return {source: stored.get(source, 0.0) for source in PointSource}


def point_rules(db: Database, festival_id: int) -> dict[PointSource, float]:
    with db.session() as session:
        return point_rules_of(session, festival_id)


def set_point_rules(
    db: Database, festival_id: int, rules: Mapping[PointSource, float]
) -> Done[dict[PointSource, float]]:
    """Set the points per unit of each source given (the others keep theirs)."""
    with db.session() as session:
        return Done(point_rules_in(session, festival_id, rules), Changed.AWARDS)


def point_rules_in(
    session: Session, festival_id: int, rules: Mapping[PointSource, float]
) -> dict[PointSource, float]:
    """set_point_rules within a session."""
    for source, points in rules.items():
        if not 0 <= points <= MAX_POINTS:
            raise ValidationError(f"「{source.label}」的考核分要在 0 到 {MAX_POINTS:g} 之间。")
    festival_row(session, festival_id)
    for source, points in rules.items():
        session.execute(
            delete(ClassPointRule).where(
                ClassPointRule.festival_id == festival_id, ClassPointRule.source == source
            )
        )
        if points:
            session.add(ClassPointRule(festival_id=festival_id, source=source, points=float(points)))
    session.flush()
    return point_rules_of(session, festival_id)


def _units(session: Session, festival_id: int, source: PointSource) -> Counter[int]:
    """How many units of the source each class has, by class id."""
    match source:
        case PointSource.WORKS:
            return Counter(
                session.scalars(
                    select(Entry.class_id).where(
                        Entry.festival_id == festival_id, Entry.status == EntryStatus.RECEIVED
                    )
                )
            )
        case PointSource.QUOTAS:
            return Counter(
                cell.class_id
                for cell in quota_cells(session, festival_id)
                if cell.count and cell.state == QuotaState.COMPLETE
            )


def source_points_of(session: Session, festival_id: int) -> dict[int, dict[PointSource, float]]:
    """class id → source → the class's points from it, for the sources the school gave points."""
    table: dict[int, dict[PointSource, float]] = defaultdict(dict)
    for source, per_unit in point_rules_of(session, festival_id).items():
        if not per_unit:
            continue
        for class_id, units in _units(session, festival_id, source).items():
            table[class_id][source] = units * per_unit
    return table
