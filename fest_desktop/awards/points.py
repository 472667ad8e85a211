"""The 班级考核 table: each class's points from its awards, its 科普实践 and the other sources (works handed
in, quotas met), its collective awards and participation."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import AwardKind
from fest_desktop.awards.lists import class_rows
from fest_desktop.awards.point_sources import source_points_of
from fest_desktop.awards.totals import class_points_of
from fest_desktop.registration.competitions import competitions_of
from fest_desktop.registration.quotas import participation_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Award

# The 班级考核 column of the points a class's 科普实践 earns (each item's points by the share done).
PRACTICE_POINTS = "科普实践"


@dataclass(frozen=True)
class ClassPoints:
    """A class's line of the 班级考核 table: points per competition from its entries' awards, its
    collective and 优秀组织奖 awards, and how many of its students took part."""

    class_id: int
    class_name: str
    section: str
    points: dict[str, float]
    collective: str
    organisation: str
    share: float
    # Points from the sources other than prizes, by the source's label (上交作品 …).
    sources: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(self.points.values()) + sum(self.sources.values())


def class_points(db: Database, festival_id: int) -> list[ClassPoints]:
    """The 班级考核 table, classes in school order, points by the levels' current points."""
    with db.session() as session:
        return points_table(session, festival_id)


def points_table(session: Session, festival_id: int) -> list[ClassPoints]:
    """class_points within a session."""
    competitions = {c.id: c.name for c in competitions_of(session, festival_id)}
    shares = {p.class_id: p.share for p in participation_of(session, festival_id)}
    classes = class_rows(session, festival_id)
    table = class_points_of(session, festival_id)
    sources = source_points_of(session, festival_id)
    class_levels = {
        (kind, class_id): level
        for kind, class_id, level in session.execute(
            select(Award.kind, Award.class_id, Award.level).where(
                Award.festival_id == festival_id,
                Award.kind.in_((AwardKind.CLASS, AwardKind.ORGANISATION)),
                Award.level != "",
            )
        )
    }
    lines = []
    for class_id, (name, section, _position, _level, _number) in sorted(
        classes.items(), key=lambda item: (item[1][2], item[1][3], item[1][4])
    ):
        by_competition = table.get(class_id, {})
        points = {competitions[cid]: value for cid, value in by_competition.items() if cid in competitions}
        if None in by_competition:
            points[PRACTICE_POINTS] = by_competition[None]
        lines.append(
            ClassPoints(
                class_id,
                name,
                section,
                points,
                class_levels.get((AwardKind.CLASS, class_id), ""),
                class_levels.get((AwardKind.ORGANISATION, class_id), ""),
                shares.get(class_id, 0.0),
                {source.label: value for source, value in sources.get(class_id, {}).items()},
            )
        )
    return lines
