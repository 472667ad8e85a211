"""The award rules as pure functions: how many of a group receive each level (by count or by share,
a tie never split), the best level, and the fingerprint of a finalised list. awards.py feeds them."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from fest_desktop.awards.kinds import RuleMode
from fest_desktop.scoring.rules import Rankable, assign_ranks, round_score


@dataclass(frozen=True)
class LevelRule:
    """One level of a group: amount places (COUNT), amount percent of the group's ranked entries
    (PERCENT), counted after the levels above it, or every ranked entry left (REST)."""

    level: str
    mode: RuleMode = RuleMode.COUNT
    amount: float = 0.0

    @property
    def text(self) -> str:
        amount = f"{self.amount:g}"
        if self.mode == RuleMode.REST:
            return f"{self.level}（其余）"
        return f"{self.level}{amount}名" if self.mode == RuleMode.COUNT else f"{self.level}{amount}%"


def places(rule: LevelRule, group_size: int) -> int:
    """How many places a level has in a group: the count, or the share rounded half up (20% of 12 → 2,
    of 13 → 3), never more than the group; the whole group for REST (what is left of it)."""
    if rule.mode == RuleMode.REST:
        return group_size
    if rule.mode == RuleMode.PERCENT:
        exact = Decimal(repr(rule.amount)) * group_size / 100
        return min(int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)), group_size)
    return min(max(int(rule.amount), 0), group_size)


def assign_levels(
    ranks: dict[Hashable, int | None], rules: Sequence[LevelRule], *, keep_one: bool = False
) -> dict[Hashable, str]:
    """The level of each ranked subject of one group from its competition rank (1, 2, 2, 4): a level's
    places are cumulative with the levels above it, and a subject whose rank falls within them gets
    the level, so subjects tied at a boundary all get the better level and the next level has as
    many fewer places. keep_one: a level by share that rounds to no place still has one while the
    group has subjects left. Unranked subjects get none."""
    ranked = [rank for rank in ranks.values() if rank is not None]
    size = len(ranked)
    levels: dict[Hashable, str] = {}
    boundary = 0
    for rule in rules:
        count = places(rule, size)
        if keep_one and count == 0 and rule.mode == RuleMode.PERCENT and rule.amount > 0 and boundary < size:
            count = 1
        boundary += count
        for key, rank in ranks.items():
            if rank is not None and key not in levels and rank <= boundary:
                levels[key] = rule.level
    return levels


def ties_over_places(
    ranks: dict[Hashable, int | None],
    rules: Sequence[LevelRule],
    levels: dict[Hashable, str],
    *,
    keep_one: bool = False,
) -> list[str]:
    """Levels that a tie made larger than the rule says (二等奖 2名 given to 3, 一等奖 10% of 20 given
    to 3), with the levels below left smaller for it: a decision for the organiser (a tie-break, or
    keep the tie), each named as "二等奖 2名 → 3名". Nothing when no level grew."""
    size = sum(rank is not None for rank in ranks.values())
    boundary = 0
    counted: list[tuple[str, int, int, int]] = []  # level, its places, what fits in the group, given
    for rule in rules:
        if rule.mode == RuleMode.REST:
            continue
        count = places(rule, size)
        if keep_one and count == 0 and rule.mode == RuleMode.PERCENT and rule.amount > 0 and boundary < size:
            count = 1
        fits = min(count, max(size - boundary, 0))
        boundary += count
        given = sum(1 for level in levels.values() if level == rule.level)
        counted.append((rule.level, count, fits, given))
    if not any(given > fits for _level, _count, fits, given in counted):
        return []
    return [f"{level} {count}名 → {given}名" for level, count, fits, given in counted if given != fits]


def group_surprise(size: int, prizes: int, unit: str) -> str:
    """A group where the rules give every ranked entry a prize, or all but one of three or more:
    "3 队都获奖", "4 件中 3 件获奖，只有 1 件没有"; "" otherwise. prizes leaves out a REST level (优秀奖)."""
    if size == 0:
        return ""
    if prizes >= size:
        return f"{size} {unit}都获奖" if size > 1 else f"只有 1 {unit}，也获奖"
    if prizes == size - 1 and size > 2:
        return f"{size} {unit}中 {prizes} {unit}获奖，只有 1 {unit}没有"
    return ""


def best_level(levels: Iterable[str], order: Sequence[str]) -> str:
    """The best of the levels by the festival's order, or "" when there is none."""
    position = {name: index for index, name in enumerate(order)}
    found = [level for level in levels if level in position]
    return min(found, key=position.__getitem__) if found else ""


def at_least(level: str, minimum: str, order: Sequence[str]) -> bool:
    """Whether level is minimum or better; an empty minimum admits every level."""
    if not minimum or minimum not in order:
        return level in order
    return level in order and order.index(level) <= order.index(minimum)


def rank_by_total(totals: dict[Hashable, float | None]) -> dict[Hashable, int | None]:
    """Competition ranks (1, 2, 2, 4) of class totals, higher first, compared to two decimals as
    finals are; classes without a total have none."""
    return assign_ranks(
        Rankable(key, None if total is None else round_score(total), True) for key, total in totals.items()
    )


def fingerprint(lines: Iterable[str]) -> str:
    """A short check code of an award list (8 hex digits as ABCD-1234): any changed line changes it."""
    digest = hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"
