"""The 班级考核 totals a class is ranked by: its prizes' points per competition, the other point sources,
the totals the collective awards and the 优秀组织奖 rank by."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import SHORTLIST_LEVEL, AwardKind
from fest_desktop.awards.levels import AwardSettings, levels_of
from fest_desktop.awards.point_sources import source_points_of
from fest_desktop.practice.progress import practice_points_of
from fest_desktop.registration.quotas import participation_of
from fest_desktop.scoring.sheet import sheet_of
from fest_desktop.storage.model import Award, Entry


def effective_entry_levels(session: Session, festival_id: int) -> list[tuple[int | None, int, str, str]]:
    """(competition id, class id, level, advisor) of every entry award that counts: a 初评's 入选 earns
    neither points nor a 辅导员奖, and a teacher's own work (no class) neither."""
    return [
        (competition_id, class_id, level, advisor)
        for competition_id, class_id, level, advisor in session.execute(
            select(Award.competition_id, Entry.class_id, Award.level, Entry.advisor)
            .join(Entry, Award.entry_id == Entry.id)
            .where(
                Award.festival_id == festival_id,
                Award.kind == AwardKind.ENTRY,
                Award.level.not_in(("", SHORTLIST_LEVEL)),
            )
        )
        if class_id is not None
    ]


def class_points_of(session: Session, festival_id: int) -> dict[int, dict[int | None, float]]:
    """class id → competition id → 班级考核 points from the class's entry awards, and under None the points
    its pupils' 科普实践 earns (the other sources are awards.point_sources)."""
    points = {level.name: level.points for level in levels_of(session, festival_id)}
    table: dict[int, dict[int | None, float]] = defaultdict(lambda: defaultdict(float))
    for competition_id, class_id, level, _advisor in effective_entry_levels(session, festival_id):
        table[class_id][competition_id] += points.get(level, 0.0)
    for class_id, earned in practice_points_of(session, festival_id).items():
        table[class_id][None] += earned
    return table


def class_totals_of(session: Session, festival_id: int) -> dict[int, float]:
    """class id → its 班级考核 total: the points of its prizes and of every other source."""
    totals: dict[int, float] = defaultdict(float)
    for class_id, by_competition in class_points_of(session, festival_id).items():
        totals[class_id] += sum(by_competition.values())
    for class_id, by_source in source_points_of(session, festival_id).items():
        totals[class_id] += sum(by_source.values())
    return totals


def collective_totals(
    session: Session, festival_id: int, settings: AwardSettings
) -> dict[int, float | None] | str:
    """class id → what the collective awards rank it by: its 班级考核 total, or its best final in the
    competition the school chose (the board); or why that competition cannot be used yet."""
    totals: dict[int, float | None] = {}
    basis = settings.basis_competition_id
    if basis is None:
        for class_id, total in class_totals_of(session, festival_id).items():
            totals[class_id] = total if total > 0 else None
        return totals
    sheet = sheet_of(session, basis)
    results = sheet.results()
    waiting = sum(not r.complete for r in results)
    if waiting or not results:
        return f"集体奖：「{sheet.competition.name}」还有 {waiting} 件作品未评完，未评奖。"
    for result in results:
        entry_class = result.entry.class_id
        if entry_class is None:
            continue
        best = totals.get(entry_class)
        if result.final is not None and (best is None or result.final > best):
            totals[entry_class] = result.final
    return totals


def organisation_totals(
    session: Session, festival_id: int, settings: AwardSettings
) -> dict[int, float | None]:
    """class id → 班级考核 total of the classes where enough students take part for the 优秀组织奖."""
    points = class_totals_of(session, festival_id)
    eligible = {
        p.class_id
        for p in participation_of(session, festival_id)
        if p.student_count and p.share * 100 >= settings.organisation_min_share
    }
    return {class_id: points.get(class_id, 0.0) for class_id in eligible}
