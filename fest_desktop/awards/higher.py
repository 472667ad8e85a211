"""The contests above the school, named by the school for each festival in the order a work goes up
(镇第十三届科技节 → 城口县第二届科技创新大赛 → 市青少年科技创新大赛), and what a recommended work
obtained at each level it reached."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import AwardAction
from fest_desktop.awards.log import log_award_change
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Competition, Entry, Festival, HigherLevel, HigherResult
from fest_desktop.values import TextLimit, clean_text

LEVEL_NAME = TextLimit("上级比赛名称", 60)
RESULT = TextLimit("上级比赛结果", 20)
MAX_LEVELS = 10
# What the 总结 and the district list call the level above the school when the school named none.
UNNAMED_LEVEL = "上级比赛"


@dataclass(frozen=True)
class HigherLevelInfo:
    """A contest above the school; id 0 for one not stored yet. results: works with a result there."""

    id: int
    name: str
    results: int = 0


def higher_levels(db: Database, festival_id: int) -> list[HigherLevelInfo]:
    """The festival's levels above the school, lowest first, each with how many works have a result there."""
    with db.session() as session:
        return higher_levels_of(session, festival_id)


def higher_levels_of(session: Session, festival_id: int) -> list[HigherLevelInfo]:
    """higher_levels within a session."""
    counts = dict(
        session.execute(
            select(HigherResult.level_id, func.count())
            .join(HigherLevel, HigherResult.level_id == HigherLevel.id)
            .where(HigherLevel.festival_id == festival_id)
            .group_by(HigherResult.level_id)
        ).all()
    )
    return [
        HigherLevelInfo(row.id, row.name, counts.get(row.id, 0))
        for row in session.scalars(
            select(HigherLevel)
            .where(HigherLevel.festival_id == festival_id)
            .order_by(HigherLevel.position, HigherLevel.id)
        )
    ]


def first_level_name(session: Session, festival_id: int) -> str:
    """The contest works are recommended to (the lowest level above the school), or 上级比赛."""
    levels = higher_levels_of(session, festival_id)
    return levels[0].name if levels else UNNAMED_LEVEL


def set_higher_levels(
    db: Database, festival_id: int, levels: Sequence[HigherLevelInfo]
) -> Done[list[HigherLevelInfo]]:
    """Make the festival's levels these, in this order: a level keeps its id (and its works' results)
    when renamed; a new one has id 0; a level left out is removed unless works have results there."""
    names = []
    for level in levels:
        name = clean_text(level.name)
        if not name:
            raise ValidationError("上级比赛的名称不能为空。")
        try:
            names.append(LEVEL_NAME.check(name))
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    if len(set(names)) != len(names):
        raise ValidationError("上级比赛的名称不能重复。")
    if len(names) > MAX_LEVELS:
        raise ValidationError(f"上级比赛最多 {MAX_LEVELS} 级。")
    with db.session() as session:
        fetch(session, Festival, festival_id, "这个科技节已被删除。")
        stored = {
            row.id: row
            for row in session.scalars(select(HigherLevel).where(HigherLevel.festival_id == festival_id))
        }
        kept = {level.id for level in levels if level.id}
        unknown = kept - set(stored)
        if unknown:
            raise ValidationError("有一级上级比赛已被删除（可能在另一个窗口），请重新打开设置。")
        before = higher_levels_of(session, festival_id)
        for gone in before:
            if gone.id not in kept and gone.results:
                raise ValidationError(
                    f"「{gone.name}」已记录了 {gone.results} 件作品的结果，不能删除；可以改名。"
                )
        for gone_id in set(stored) - kept:
            session.delete(stored[gone_id])
        session.flush()
        # Positions first moved out of the way: a renamed level may take another's old name.
        for row in stored.values():
            if row.id in kept:
                row.name = f"#{row.id}"
        session.flush()
        for position, (level, name) in enumerate(zip(levels, names, strict=True)):
            row = stored[level.id] if level.id else HigherLevel(festival_id=festival_id)
            row.name, row.position = name, position
            session.add(row)
        session.flush()
        return Done(higher_levels_of(session, festival_id), Changed.AWARDS)


def copy_higher_levels(session: Session, source_festival_id: int, target_festival_id: int) -> None:
    """A new festival starts with last year's levels (the school renames the editions)."""
    for position, level in enumerate(higher_levels_of(session, source_festival_id)):
        session.add(HigherLevel(festival_id=target_festival_id, name=level.name, position=position))
    session.flush()


def work_results(db: Database, entry_id: int) -> tuple[list[HigherLevelInfo], dict[int, str]]:
    """The festival's levels above the school and what the work obtained at each (level id → result)."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        return higher_levels_of(session, entry.festival_id), results_of(session, entry.id)


def results_of(session: Session, entry_id: int) -> dict[int, str]:
    """level id → what the work obtained there."""
    return dict(
        session.execute(
            select(HigherResult.level_id, HigherResult.result).where(HigherResult.entry_id == entry_id)
        ).all()
    )


def record_higher_result(
    db: Database, entry_id: int, level: str | None, result: str, *, station: str = ""
) -> Done[tuple[tuple[str, str], ...]]:
    """Record what a recommended work obtained at one higher level ("" clears it); level None is the
    festival's only level. See set_higher_results for the rules; the work's results come back."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        levels = higher_levels_of(session, entry.festival_id)
        chosen = _chosen_level(levels, level)
        wanted = {**results_of(session, entry.id), chosen.id: clean_text(result)}
        return _write_results(session, entry, levels, wanted, station)


def set_higher_results(
    db: Database, entry_id: int, results: Mapping[int, str], *, station: str = ""
) -> Done[tuple[tuple[str, str], ...]]:
    """Record at once what a recommended work obtained at each level above the school (level id →
    result, "" for none), as the results dialog shows them: a work reaches a level only from the one
    below, so the levels with a result run from the lowest without a gap. Each change is logged;
    the work's results by level come back."""
    with db.session() as session:
        entry = fetch(session, Entry, entry_id, "这件作品已被删除。")
        levels = higher_levels_of(session, entry.festival_id)
        known = {level.id for level in levels}
        if set(results) - known:
            raise ValidationError("有一级上级比赛已被删除（可能在另一个窗口），请重新打开。")
        wanted = {**results_of(session, entry.id), **{key: clean_text(text) for key, text in results.items()}}
        return _write_results(session, entry, levels, wanted, station)


def _write_results(
    session: Session, entry: Entry, levels: Sequence[HigherLevelInfo], wanted: Mapping[int, str], station: str
) -> Done[tuple[tuple[str, str], ...]]:
    """Check the results a work would have (level id → result) and write what changed, logged."""
    for text in wanted.values():
        try:
            RESULT.check(text)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    before = results_of(session, entry.id)
    changed = [level for level in levels if wanted.get(level.id, "") != before.get(level.id, "")]
    if changed and not entry.recommended:
        raise ValidationError(f"作品 {entry.code} 没有推荐参加上级比赛，不能记录上级比赛结果。")
    reached = [bool(wanted.get(level.id)) for level in levels]
    for position in range(1, len(levels)):
        if reached[position] and not reached[position - 1]:
            lower, higher = levels[position - 1], levels[position]
            if before.get(lower.id) and before.get(higher.id):
                raise ValidationError(
                    f"作品 {entry.code} 在「{higher.name}」还有结果，请先清除更高一级的结果。"
                )
            raise ValidationError(
                f"作品 {entry.code} 还没有「{lower.name}」的结果：作品要先在下一级比赛中取得结果，"
                f"才能参加「{higher.name}」。"
            )
    competition = session.get(Competition, entry.competition_id)
    for level in changed:
        old, new = before.get(level.id, ""), wanted.get(level.id, "")
        log_award_change(
            session,
            entry.festival_id,
            AwardAction.HIGHER_RESULT,
            f"{competition.name if competition else ''} {entry.code}",
            old=old,
            new=new or "清除",
            reason=level.name,
            station=station,
        )
        session.execute(
            delete(HigherResult).where(HigherResult.entry_id == entry.id, HigherResult.level_id == level.id)
        )
        if new:
            session.add(HigherResult(entry_id=entry.id, level_id=level.id, result=new))
    session.flush()
    now = results_of(session, entry.id)
    return Done(
        tuple((level.name, now[level.id]) for level in levels if level.id in now),
        Changed.AWARDS if changed else Changed.NOTHING,
    )


def _chosen_level(levels: Sequence[HigherLevelInfo], level: str | None) -> HigherLevelInfo:
    if not levels:
        raise ValidationError(
            "还没有设置上级比赛：请先在「奖项与证书 → 推荐 → 上级比赛…」中按顺序写出上级比赛的名称"
            "（如 镇第十三届科技节、城口县第二届科技创新大赛）。"
        )
    names = "、".join(lv.name for lv in levels)
    if level is None:
        if len(levels) > 1:
            raise ValidationError(f"上级比赛有 {len(levels)} 级，请指明是哪一级：{names}")
        return levels[0]
    wanted = clean_text(level)
    matches = [lv for lv in levels if lv.name == wanted] or [
        lv for lv in levels if wanted and wanted in lv.name
    ]
    if len(matches) != 1:
        raise ValidationError(f"没有唯一名为「{level}」的上级比赛。可选：{names}")
    return matches[0]


def has_higher_results(session: Session, entry_id: int) -> str:
    """The first level where the work has a result ("" for none): its 推荐 cannot be taken off then."""
    return (
        session.scalar(
            select(HigherLevel.name)
            .join(HigherResult, HigherResult.level_id == HigherLevel.id)
            .where(HigherResult.entry_id == entry_id)
            .order_by(HigherLevel.position)
            .limit(1)
        )
        or ""
    )
