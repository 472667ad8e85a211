"""The result rules as pure functions: a judge's total, the panel's final score, ranks with ties,
and the judges whose totals lie far from the panel's. No database here: scoring.py feeds them."""

from __future__ import annotations

import statistics
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from fest_desktop.registration.competitions import CriterionInfo
from fest_desktop.registration.kinds import Combine


def round_score(value: float) -> float:
    """Two decimals, halves rounded up as a teacher would (84.625 → 84.63), not to even."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def judge_total(points: Mapping[int, float], criteria: Sequence[CriterionInfo]) -> float | None:
    """The sum of one judge's points less the deductions (floored at 0), or None while a score
    criterion is still missing. A deduction not entered counts as nothing deducted."""
    total = 0.0
    for criterion in criteria:
        value = points.get(criterion.id)
        if criterion.is_deduction:
            total -= value or 0.0
        elif value is None:
            return None
        else:
            total += value
    return max(total, 0.0)


@dataclass(frozen=True)
class Combined:
    """The panel's final score and which judge totals (by position) were dropped."""

    final: float | None
    dropped_high: int | None = None
    dropped_low: int | None = None


def combine_totals(totals: Sequence[float], rule: str, trim_min_judges: int) -> Combined:
    """The mean of the judges' totals, or with rule TRIMMED and at least trim_min_judges totals the
    mean without one highest and one lowest: when several share the highest, only one copy goes."""
    if not totals:
        return Combined(None)
    if rule != Combine.TRIMMED or len(totals) < max(trim_min_judges, 3):
        return Combined(round_score(sum(totals) / len(totals)))
    high = max(range(len(totals)), key=lambda i: (totals[i], -i))
    low = min((i for i in range(len(totals)) if i != high), key=lambda i: (totals[i], i))
    kept = [t for i, t in enumerate(totals) if i not in (high, low)]
    return Combined(round_score(sum(kept) / len(kept)), high, low)


def best_attempt(values: Iterable[float], higher_is_better: bool) -> float | None:
    """The best of the measured attempts: the longest throw, or the shortest time."""
    measured = list(values)
    if not measured:
        return None
    return max(measured) if higher_is_better else min(measured)


def outlier_judges(totals: Mapping[int, float], max_total: float, percent: int) -> frozenset[int]:
    """Judges whose total lies further than percent of the maximum from the panel's median; only
    flagged for a second look, never changed. A panel of fewer than three has no majority to follow."""
    if len(totals) < 3 or max_total <= 0:
        return frozenset()
    median = statistics.median(totals.values())
    limit = max_total * percent / 100
    return frozenset(judge for judge, total in totals.items() if abs(total - median) > limit + 1e-9)


@dataclass(frozen=True)
class Rankable:
    """What ranking needs of an entry: its final score, whether all judges scored it, and its
    tie-break values (the panel's mean on each tie-break criterion, in order; higher is better)."""

    key: Hashable
    final: float | None
    complete: bool
    tie_values: tuple[float, ...] = ()


def assign_ranks(
    items: Iterable[Rankable], higher_is_better: bool = True, provisional: bool = False
) -> dict[Hashable, int | None]:
    """Competition ranks (1, 2, 2, 4) within one group. Incomplete entries get a rank only when
    provisional ranks are asked for; entries without any final never do. Equal finals share a rank
    unless their tie-break values differ."""
    ranks: dict[Hashable, int | None] = {}
    ranked: list[tuple[tuple[float, ...], Hashable]] = []
    for item in items:
        if item.final is None or not (item.complete or provisional):
            ranks[item.key] = None
            continue
        final = item.final if higher_is_better else -item.final
        ranked.append(((final, *item.tie_values), item.key))
    ranked.sort(key=lambda pair: pair[0], reverse=True)
    previous: tuple[float, ...] | None = None
    rank = 0
    for position, (order, key) in enumerate(ranked, start=1):
        if order != previous:
            rank, previous = position, order
        ranks[key] = rank
    return ranks
