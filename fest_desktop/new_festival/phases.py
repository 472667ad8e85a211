"""The four phases the school plans give a festival (宣传动员 / 准备 / 展评 / 总结), spread over its
dates; and an earlier year's phases stretched to a new festival's length. A phase starts on a school
day, and the last one ends on one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from fest_desktop.school.school_days import school_day_from

# Days of each phase in a festival of 33 days, as the plans spread them (a few days to launch it,
# most to prepare, a week to show and judge, the last days to sum up).
PLAN_PHASES = (("宣传动员", 4), ("准备", 17), ("展评", 7), ("总结", 5))

PhaseDates = tuple[str, dt.date, dt.date]


def plan_phases(start: dt.date, end: dt.date) -> list[PhaseDates]:
    """The plans' phases over start…end, in the plans' proportions, each at least a day and together
    every day once; none for a festival shorter than the four phases."""
    days = (end - start).days + 1
    if days < len(PLAN_PHASES):
        return []
    total = sum(weight for _, weight in PLAN_PHASES)
    found = []
    first = cumulative = 0
    for position, (name, weight) in enumerate(PLAN_PHASES):
        cumulative += weight
        left = len(PLAN_PHASES) - position - 1  # phases still to place, a day each at least
        last = (
            days - 1 if not left else min(max(first, round(days * cumulative / total) - 1), days - left - 1)
        )
        found.append((name, start + dt.timedelta(days=first), start + dt.timedelta(days=last)))
        first = last + 1
    return on_school_days(found)


def on_school_days(phases: Sequence[PhaseDates]) -> list[PhaseDates]:
    """Each phase starting on a school day, and ending where the next begins or, at the end, on its
    last school day; a phase without a school day keeps its days."""
    starts = [school_day_from(first) for _name, first, _last in phases]
    kept = []
    for position, (name, first, last) in enumerate(phases):
        follows = position + 1 < len(phases) and phases[position + 1][1] == last + dt.timedelta(days=1)
        end = starts[position + 1] - dt.timedelta(days=1) if follows else school_day_from(last, -1)
        kept.append((name, starts[position], end) if starts[position] <= end else (name, first, last))
    return kept


def stretched_phases(
    phases: Sequence[PhaseDates], source_start: dt.date, source_end: dt.date, start: dt.date, end: dt.date
) -> list[PhaseDates]:
    """An earlier festival's phases for new dates, in the same proportions of the festival's length."""
    old, new = max((source_end - source_start).days, 1), (end - start).days

    def place(day: dt.date) -> dt.date:
        offset = round((day - source_start).days * new / old)
        return start + dt.timedelta(days=min(max(offset, 0), new))

    return on_school_days([(name, place(first), place(last)) for name, first, last in phases])
