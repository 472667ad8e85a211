"""Clashes between activities: one place twice at once, one person in two places, an activity outside
the festival or its phase, a deadline, judging day or phase boundary on a day off; and what is on a
given day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fest_desktop.calendar.events import EventInfo
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.school.festivals import FestivalInfo, PhaseInfo
from fest_desktop.school.school_days import day_off
from fest_desktop.values import clean_text, month_day


@dataclass(frozen=True)
class Clash:
    """A problem of the schedule: kind place, person, festival, phase, order or day_off. accepted when
    every event involved was kept deliberately (保留冲突). A phase boundary on a day off names no
    event."""

    kind: str
    event_ids: tuple[int, ...]
    message: str
    accepted: bool = False


def overlap(first: EventInfo, second: EventInfo) -> bool:
    """Whether two events are on at the same time; intervals that only touch do not overlap."""
    if first.end_date < second.start_date or second.end_date < first.start_date:
        return False
    (a_start, a_end), (b_start, b_end) = first.minutes(), second.minutes()
    return a_start < b_end and b_start < a_end


def people(responsible: str) -> set[str]:
    return {name for name in re.split(r"[、,，/;；\s]+", clean_text(responsible)) if name}


def _when(event: EventInfo) -> str:
    return f"{event.date_text} {event.time_text}"


def find_clashes(
    events: Iterable[EventInfo], festival: FestivalInfo, phases: Sequence[PhaseInfo]
) -> list[Clash]:
    """Two events in one place at overlapping times, one person in two places at once, an event
    outside the festival's dates or outside its phase; a competition's deadline or judging day, or a
    phase's first or last day, on a weekend or holiday. Derived deadlines are not checked otherwise."""
    own = [e for e in events if not e.is_derived]
    clashes: list[Clash] = []
    by_day: dict[dt.date, list[EventInfo]] = defaultdict(list)
    for event in own:
        for day in event.days:
            by_day[day].append(event)
    seen: set[tuple[int, int]] = set()
    for day_events in by_day.values():
        for position, first in enumerate(day_events):
            for second in day_events[position + 1 :]:
                pair = (min(first.id, second.id), max(first.id, second.id))
                if pair in seen or not overlap(first, second):
                    continue
                seen.add(pair)
                accepted = first.keep_clash and second.keep_clash
                if first.place and first.place == second.place:
                    clashes.append(
                        Clash(
                            "place",
                            pair,
                            f"「{first.title}」与「{second.title}」同时使用{first.place}（{_when(first)}；{_when(second)}）。",
                            accepted,
                        )
                    )
                elif first.place != second.place:
                    shared = people(first.responsible) & people(second.responsible)
                    if shared:
                        who = "、".join(sorted(shared))
                        clashes.append(
                            Clash(
                                "person",
                                pair,
                                f"{who}同时负责「{first.title}」（{first.place or '地点未定'}）和「{second.title}」（{second.place or '地点未定'}）。",
                                accepted,
                            )
                        )
    clashes.extend(_before_deadlines(events))
    clashes.extend(days_off_of(events, phases))
    by_id = {phase.id: phase for phase in phases}
    for event in own:
        if event.start_date < festival.start_date or event.end_date > festival.end_date:
            clashes.append(
                Clash(
                    "festival",
                    (event.id,),
                    f"「{event.title}」（{event.date_text}）不在科技节日期"
                    f"（{month_day(festival.start_date)}–{month_day(festival.end_date)}）之内。",
                    event.keep_clash,
                )
            )
        phase = by_id.get(event.phase_id or 0)
        if phase is not None and (event.start_date < phase.start_date or event.end_date > phase.end_date):
            clashes.append(
                Clash(
                    "phase",
                    (event.id,),
                    f"「{event.title}」（{event.date_text}）不在「{phase.name}」阶段"
                    f"（{month_day(phase.start_date)}–{month_day(phase.end_date)}）之内。",
                    event.keep_clash,
                )
            )
    return clashes


def _before_deadlines(events: Iterable[EventInfo]) -> list[Clash]:
    """A competition judged before its works are in (or outside its board's making-and-inspection
    window), and an award ceremony held before a competition's deadline: the order of the days is
    wrong."""
    events = list(events)
    deadlines = {e.competition_id: e for e in events if e.source in ("deadline", "window")}
    found = []
    for judging in (e for e in events if e.source == "judging"):
        deadline = deadlines.get(judging.competition_id)
        if deadline is None:
            continue
        if deadline.source == "window":
            if not deadline.start_date <= judging.start_date <= deadline.end_date:
                found.append(
                    Clash(
                        "order",
                        (judging.id, deadline.id),
                        f"{judging.title}（{month_day(judging.start_date)}）不在{deadline.title}的时间"
                        f"（{month_day(deadline.start_date)}–{month_day(deadline.end_date)}）之内。",
                    )
                )
        elif judging.start_date < deadline.end_date:
            found.append(
                Clash(
                    "order",
                    (judging.id, deadline.id),
                    f"{judging.title}（{month_day(judging.start_date)}）在截止日（{month_day(deadline.end_date)}）之前："
                    "作品还没交齐就评审。",
                )
            )
    for ceremony in (e for e in events if e.kind == EventKind.CEREMONY and not e.is_derived):
        late = [d for d in deadlines.values() if d.end_date > ceremony.start_date]
        if late:
            names = "、".join(d.title.split("」")[0].lstrip("「") for d in late)
            found.append(
                Clash(
                    "order",
                    (ceremony.id,),
                    f"「{ceremony.title}」（{month_day(ceremony.start_date)}）在{names}的截止日之前：颁奖时还有作品未交。",
                    ceremony.keep_clash,
                )
            )
    return found


# The derived items whose day must be a school day, and which of their days: the works are handed in on
# the deadline (a board's window ends on it), the judges meet on the judging day.
_SCHOOL_DAY_ITEMS = {"deadline": "end", "window": "end", "judging": "start"}


def days_off_of(events: Iterable[EventInfo], phases: Sequence[PhaseInfo]) -> list[Clash]:
    """A deadline, a judging or inspection day, or a phase's first or last day on a weekend or a
    statutory holiday, said as 「科技创新绘画比赛」交稿截止（5月1日）：5月1日是劳动节假期。"""
    found = []
    for event in events:
        which = _SCHOOL_DAY_ITEMS.get(event.source)
        if which is None:
            continue
        day = event.end_date if which == "end" else event.start_date
        off = day_off(day)
        if off is not None:
            found.append(Clash("day_off", (event.id,), f"{event.title}（{month_day(day)}）：{off.message}。"))
    starts = {phase.start_date for phase in phases}
    for phase in phases:
        # A phase's end is a boundary only where no phase begins the next day.
        ends = [("开始", phase.start_date)]
        if phase.end_date != phase.start_date and phase.end_date + dt.timedelta(days=1) not in starts:
            ends.append(("结束", phase.end_date))
        for what, day in ends:
            off = day_off(day)
            if off is not None:
                found.append(
                    Clash("day_off", (), f"「{phase.name}」阶段{what}于{month_day(day)}：{off.message}。")
                )
    return found


def clashes_with(
    candidate: EventInfo, events: Iterable[EventInfo], festival: FestivalInfo, phases: Sequence[PhaseInfo]
) -> list[Clash]:
    """The clashes an event would have as the form describes it, before it is saved: with the other
    events (itself as stored left out) and with the festival's and its phase's dates."""
    probe = dataclasses.replace(candidate, id=PROBE_ID)
    others = [e for e in events if e.id != candidate.id]
    return [c for c in find_clashes([*others, probe], festival, phases) if PROBE_ID in c.event_ids]


# The id of an event being edited and not yet saved (stored ids are positive).
PROBE_ID = -1


def happening(events: Iterable[EventInfo], day: dt.date) -> list[EventInfo]:
    """What is on that day (for 今日 / 明日), all-day items first, then by time."""
    return sorted(
        (e for e in events if e.occupies(day)),
        key=lambda e: (not e.all_day, e.start_time or dt.time(0), e.title),
    )
