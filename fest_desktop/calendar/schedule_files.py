"""The 活动安排表 written as PDF, .xlsx or .ics (calendar programs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fest_desktop.calendar.events import EventInfo, events_of, sort_key
from fest_desktop.errors import FestError
from fest_desktop.files.saving import write_bytes
from fest_desktop.files.workbooks import put_row
from fest_desktop.school.festivals import FestivalInfo, festival_of
from fest_desktop.school.school_days import WEEKDAYS
from fest_desktop.storage.database import Database
from fest_desktop.values import year_month_day

SCHEDULE_COLUMNS = ("序号", "日期", "星期", "时间", "活动内容", "地点", "负责人", "参加对象")


def weekday_text(start: dt.date, end: dt.date) -> str:
    """周三; 周一至周三 over several days of one week, 周五至下周三 into the next; nothing for a longer
    span, whose dates say it better."""
    first, last = (f"周{WEEKDAYS[day.weekday()]}" for day in (start, end))
    weeks = (
        (end - dt.timedelta(days=end.weekday())) - (start - dt.timedelta(days=start.weekday()))
    ).days // 7
    if end == start:
        return first
    return {0: f"{first}至{last}", 1: f"{first}至下{last}"}.get(weeks, "")


def schedule_rows(events: Sequence[EventInfo]) -> list[tuple[str, ...]]:
    """The rows of the 活动安排表: numbered, in date order."""
    return [
        (
            str(number),
            event.date_text,
            weekday_text(event.start_date, event.end_date),
            event.time_text,
            event.title,
            event.place,
            event.responsible,
            event.audience_text,
        )
        for number, event in enumerate(sorted(events, key=sort_key), start=1)
    ]


def write_schedule_pdf(festival: FestivalInfo, events: Sequence[EventInfo], path: Path) -> None:
    """The printable 活动安排表 (A4, the school and festival in the heading, the columns fitted to what
    they hold, the issuing body and date at the foot, fonts embedded); set a little tighter when that
    saves a page, so no page 2 holds two rows."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from fest_desktop.files.pdf import (
        build_document,
        closing_block,
        document_styles,
        fitted_widths,
        heavy,
        ruled_table,
    )

    rows = [list(SCHEDULE_COLUMNS), *(list(row) for row in schedule_rows(events))]
    theme = f"主题：{festival.theme}　" if festival.theme else ""

    def story(compact: bool = False) -> list[Any]:
        styles = document_styles(compact=compact)
        return [
            Paragraph(heavy(f"{festival.school_name}{festival.name}活动安排表"), styles["title"]),
            Paragraph(
                escape(f"{theme}{year_month_day(festival.start_date)}至{year_month_day(festival.end_date)}"),
                styles["subtitle"],
            ),
            Spacer(1, 5 * mm),
            ruled_table(rows, fitted_widths(rows, A4[0] - 24 * mm, compact=compact), compact=compact),
            closing_block(festival.school_name, dt.date.today()),
        ]

    build_document(
        path,
        story(),
        A4,
        f"{festival.name}活动安排表",
        festival.school_name,
        top_mm=14,
        compact=lambda: story(compact=True),
    )


def write_schedule_xlsx(festival: FestivalInfo, events: Sequence[EventInfo], path: Path) -> None:
    """The same 活动安排表 as a workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from fest_desktop.files.workbooks import save_workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "活动安排表"
    put_row(sheet, [f"{festival.school_name}{festival.name}活动安排表"])
    sheet["A1"].font = Font(bold=True, size=14)
    put_row(sheet, list(SCHEDULE_COLUMNS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in schedule_rows(events):
        put_row(sheet, [int(row[0]), *row[1:]])
    for column, width in zip("ABCDEFGH", (6, 16, 12, 13, 36, 16, 14, 18), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    save_workbook(workbook, path)


def write_schedule_ics(festival: FestivalInfo, events: Sequence[EventInfo], path: Path) -> None:
    """An iCalendar file that calendar programs import; a timed event over several days repeats daily."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//科技节 desktop//fest-desktop//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{festival.school_name}{festival.name}")
    for event in sorted(events, key=sort_key):
        item = CalendarEvent()
        uid = f"{event.source or 'event'}-{event.competition_id or event.id}-{festival.id}@fest-desktop"
        item.add("uid", uid)
        item.add("summary", event.title)
        item.add("dtstamp", dt.datetime.now(dt.UTC))
        if event.start_time is None:
            item.add("dtstart", event.start_date)
            item.add("dtend", event.end_date + dt.timedelta(days=1))
        else:
            assert event.end_time is not None
            item.add("dtstart", dt.datetime.combine(event.start_date, event.start_time))
            item.add("dtend", dt.datetime.combine(event.start_date, event.end_time))
            if event.end_date != event.start_date:
                item.add("rrule", {"freq": "daily", "count": len(event.days)})
        if event.place:
            item.add("location", event.place)
        details = [
            f"负责人：{event.responsible}" if event.responsible else "",
            f"参加对象：{event.audience_text}",
        ]
        if event.notes:
            details.append(event.notes)
        item.add("description", "\n".join(d for d in details if d))
        item.add("categories", [event.kind_label])
        calendar.add_component(item)
    write_bytes(path, calendar.to_ical())


EXPORTERS = {".pdf": write_schedule_pdf, ".xlsx": write_schedule_xlsx, ".ics": write_schedule_ics}


def export_schedule(db: Database, festival_id: int, path: Path) -> int:
    """Write the schedule in the format the file's extension names; returns the number of rows."""
    writer = EXPORTERS.get(path.suffix.lower())
    if writer is None:
        raise FestError(f"「{path.name}」：日程可导出为 .pdf（打印）、.xlsx 或 .ics（日历程序）。")
    with db.session() as session:
        festival = festival_of(session, festival_id)
        events = events_of(session, festival_id)
    writer(festival, events, path)
    return len(events)
