"""School days: weekends and mainland China's statutory holidays are days off, the official 调休 working
days are school days. The holidays come from the chinese-calendar library, which knows the years the
State Council has published; beyond them only weekends are known, and the calendar says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import chinese_calendar

from fest_desktop.values import month_day

WEEKDAYS = "一二三四五六日"


@cache
def known_years() -> range:
    """The years whose holidays and 调休 working days the library knows."""
    days = chinese_calendar.holidays.keys()
    return range(min(days).year, max(days).year + 1)


def holidays_known(year: int) -> bool:
    return year in known_years()


def weekday_name(day: dt.date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


@dataclass(frozen=True)
class DayOff:
    """A day the pupils are not at school: a statutory holiday (holiday 劳动节) or a weekend
    (holiday "")."""

    day: dt.date
    holiday: str = ""

    @property
    def reason(self) -> str:
        """劳动节假期 / 星期六."""
        return f"{self.holiday}假期" if self.holiday else weekday_name(self.day)

    @property
    def message(self) -> str:
        """5月1日是劳动节假期 / 12月5日是星期六."""
        return f"{month_day(self.day)}是{self.reason}"


def day_off(day: dt.date) -> DayOff | None:
    """Why the day is not a school day, or None when it is one (a 调休 Saturday is one)."""
    if holidays_known(day.year):
        resting, name = chinese_calendar.get_holiday_detail(day)
        if not resting:
            return None
        return DayOff(day, "" if name is None else chinese_calendar.Holiday(name).chinese)
    return DayOff(day) if day.weekday() >= 5 else None


def is_school_day(day: dt.date) -> bool:
    return day_off(day) is None


def school_day_from(day: dt.date, step: int = 1) -> dt.date:
    """The day itself when it is a school day, else the nearest one after it (step 1) or before it
    (step -1)."""
    while not is_school_day(day):
        day += dt.timedelta(days=step)
    return day


def school_day_by(day: dt.date, first: dt.date) -> dt.date:
    """The last school day on or before day and not before first (a date brought forward off a
    weekend or holiday), else the first school day from first. Days keep their order."""
    earlier = school_day_from(day, -1)
    return earlier if earlier >= first else school_day_from(first)


def unknown_years_note(years: Iterable[int]) -> str:
    """What the calendar says when a festival's dates lie in years whose holidays are not known yet."""
    unknown = sorted({year for year in years if not holidays_known(year)})
    if not unknown:
        return ""
    names = "、".join(f"{year}年" for year in unknown)
    return f"{names}的法定节假日和调休安排本程序还不知道，只标出了周末。"
