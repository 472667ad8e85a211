"""The calendar: events, derived deadlines, clashes at their edges, phases, and the three exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import text

from fest_desktop.calendar.clashes import find_clashes, happening
from fest_desktop.calendar.events import (
    EventInfo,
    add_event,
    delete_event,
    duplicate_event,
    list_events,
    move_event,
    restore_event,
    update_event,
)
from fest_desktop.calendar.kinds import ClassAudience, EventKind, GradeAudience
from fest_desktop.calendar.schedule_files import SCHEDULE_COLUMNS, export_schedule, weekday_text
from fest_desktop.errors import ValidationError
from fest_desktop.registration.competitions import update_competition
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo, add_phase, list_phases
from fest_desktop.storage.database import Database
from tests.core.school_fixture import make_small_school
from tests.pdf_checks import fonts, page_text

DAY = dt.date(2026, 4, 20)


def event(
    title: str, day: dt.date = DAY, start: str | None = None, end: str | None = None, **fields: object
) -> EventInfo:
    return EventInfo(
        0,
        title,
        EventKind(fields.pop("kind", EventKind.LECTURE)),
        day,
        fields.pop("end_date", day),  # type: ignore[arg-type]
        dt.time.fromisoformat(start) if start else None,
        dt.time.fromisoformat(end) if end else None,
        **fields,  # type: ignore[arg-type]
    )


def numbered(*events: EventInfo) -> list[EventInfo]:
    return [dataclasses.replace(e, id=i) for i, e in enumerate(events, start=1)]


def clash_kinds(
    events: list[EventInfo], festival: FestivalInfo, phases: list | None = None
) -> list[tuple[str, tuple[int, ...]]]:
    return [(c.kind, c.event_ids) for c in find_clashes(events, festival, phases or [])]


def test_same_place_overlapping_times_clash_and_touching_ones_do_not(festival: FestivalInfo) -> None:
    events = numbered(
        event("科普讲座", start="09:00", end="10:30", place="报告厅"),
        event("科技影片", start="10:00", end="11:00", place="报告厅"),
        event("航模讲座", start="10:30", end="11:30", place="报告厅"),  # touches the first: no clash
        event("参观", start="09:00", end="10:30", place="科技馆"),
    )
    assert clash_kinds(events, festival) == [("place", (1, 2)), ("place", (2, 3))]


def test_all_day_and_multi_day_events(festival: FestivalInfo) -> None:
    events = numbered(
        event("科技作品展", end_date=DAY + dt.timedelta(days=2), place="体育馆", kind=EventKind.EXHIBITION),
        event("颁奖典礼", DAY + dt.timedelta(days=2), "15:00", "16:00", place="体育馆"),
        event("板报评比", DAY + dt.timedelta(days=3), place="体育馆"),  # the day after the exhibition
        event("晨会", DAY - dt.timedelta(days=1), "07:40", "08:00", place="体育馆"),
    )
    assert clash_kinds(events, festival) == [("place", (1, 2))]


def test_a_timed_event_over_several_days_occupies_the_same_hours_each_day(festival: FestivalInfo) -> None:
    events = numbered(
        event("小制作辅导", start="14:00", end="15:00", end_date=DAY + dt.timedelta(days=4), place="科学室"),
        event("实验课", DAY + dt.timedelta(days=3), "15:00", "16:00", place="科学室"),  # touches
        event("兴趣小组", DAY + dt.timedelta(days=4), "14:30", "15:30", place="科学室"),
    )
    assert clash_kinds(events, festival) == [("place", (1, 3))]


def test_one_person_in_two_places_at_once(festival: FestivalInfo) -> None:
    events = numbered(
        event("科普讲座", start="09:00", end="10:00", place="报告厅", responsible="王老师、教务处"),
        event("参观科技馆", start="09:30", end="11:00", place="科技馆", responsible="王老师"),
        event("读书会", start="09:30", end="11:00", place="图书馆", responsible="李老师"),
    )
    clashes = find_clashes(events, festival, [])
    assert [(c.kind, c.event_ids) for c in clashes] == [("person", (1, 2))]
    assert "王老师同时负责" in clashes[0].message


def test_outside_the_festival_or_its_phase(db: Database, festival: FestivalInfo) -> None:
    preparation = add_phase(db, festival.id, "准备", dt.date(2026, 4, 15), dt.date(2026, 4, 30)).value
    events = numbered(
        event("开幕式", dt.date(2026, 4, 10), kind=EventKind.CEREMONY),  # the festival starts on 4月11日
        event("小制作辅导", dt.date(2026, 5, 2), phase_id=preparation.id),
        event("班会", dt.date(2026, 4, 20), phase_id=preparation.id),
    )
    clashes = find_clashes(events, festival, list_phases(db, festival.id))
    assert [(c.kind, c.event_ids) for c in clashes] == [("festival", (1,)), ("phase", (2,))]
    assert "不在「准备」阶段" in clashes[1].message


def test_a_clash_kept_deliberately_is_listed_as_accepted(festival: FestivalInfo) -> None:
    events = numbered(
        event("升旗仪式", start="07:50", end="08:20", place="操场", keep_clash=True),
        event("国旗下讲话", start="08:00", end="08:10", place="操场", keep_clash=True),
    )
    assert [c.accepted for c in find_clashes(events, festival, [])] == [True]
    events[1] = dataclasses.replace(events[1], keep_clash=False)
    assert [c.accepted for c in find_clashes(events, festival, [])] == [False]


def test_events_are_stored_checked_moved_duplicated_and_restored(
    db: Database, festival: FestivalInfo
) -> None:
    small = make_small_school(db, festival)
    talk = add_event(
        db,
        festival.id,
        event(
            "科普讲座：身边的物理",
            start="09:00",
            end="10:00",
            place="报告厅",
            audience=(GradeAudience(3), ClassAudience(small.class_ids["一年级(1)班"])),
        ),
    ).value
    assert talk.audience_text == "三年级、一年级(1)班" and talk.levels == {1, 3}
    with db.session() as session:  # stored as files have always held it, so older files read as before
        stored = session.scalar(text("SELECT audience FROM event WHERE id = :id"), {"id": talk.id})
    assert stored == f"g:3,c:{small.class_ids['一年级(1)班']}"
    with pytest.raises(ValidationError, match="不存在的年级"):
        add_event(db, festival.id, event("十三年级", audience=(GradeAudience(13),)))
    with pytest.raises(ValidationError, match="结束时间 09:00 不晚于开始时间 10:00"):
        add_event(db, festival.id, event("倒过来", start="10:00", end="09:00"))
    with pytest.raises(ValidationError, match="活动内容不能为空"):
        add_event(db, festival.id, event(" "))
    moved = move_event(db, talk.id, DAY + dt.timedelta(days=3)).value
    assert (moved.start_date, moved.start_time) == (DAY + dt.timedelta(days=3), dt.time(9))
    copy = duplicate_event(db, festival.id, talk.id).value
    assert copy.title == "科普讲座：身边的物理（副本）" and copy.id != talk.id
    gone = delete_event(db, talk.id).value
    assert gone is not None
    assert [e.title for e in list_events(db, festival.id)] == ["科普讲座：身边的物理（副本）"]
    restore_event(db, festival.id, gone)
    assert len(list_events(db, festival.id)) == 2


def test_deadlines_and_judging_days_follow_the_competitions(db: Database, festival: FestivalInfo) -> None:
    board = add_preset(db, festival.id, "科普板报比赛").value  # made and inspected end − 14 … end − 7
    derived = list_events(db, festival.id)
    # end − 7 is 5月4日, in the 五一 holiday: the window closes and the judges inspect on 4月30日.
    assert [(e.title, e.start_date, e.end_date, e.source) for e in derived] == [
        ("「科普板报比赛」制作与检查", dt.date(2026, 4, 27), dt.date(2026, 4, 30), "window"),
        ("「科普板报比赛」评审", dt.date(2026, 4, 30), dt.date(2026, 4, 30), "judging"),
    ]
    update_competition(db, dataclasses.replace(board, judging_date=dt.date(2026, 5, 6)))
    assert list_events(db, festival.id)[1].start_date == dt.date(2026, 5, 6)
    with pytest.raises(ValidationError, match="在“作品报名 → 比赛项目”中修改"):
        update_event(db, derived[0])


@pytest.fixture
def planned(db: Database, festival: FestivalInfo) -> list[EventInfo]:
    add_preset(db, festival.id, "科普板报比赛")
    add_event(
        db,
        festival.id,
        event(
            "国旗下讲话：启动科技节",
            dt.date(2026, 4, 13),
            "07:50",
            "08:10",
            place="操场",
            kind=EventKind.PUBLICITY,
            responsible="校长",
        ),
    )
    add_event(
        db,
        festival.id,
        event(
            "科技作品展",
            dt.date(2026, 5, 5),
            end_date=dt.date(2026, 5, 7),
            place="体育馆",
            kind=EventKind.EXHIBITION,
        ),
    )
    add_event(
        db,
        festival.id,
        event(
            "小制作辅导",
            dt.date(2026, 4, 20),
            "14:00",
            "15:00",
            end_date=dt.date(2026, 4, 22),
            place="科学室",
        ),
    )
    return list_events(db, festival.id)


def test_the_ics_parses_back_to_the_same_events(
    db: Database, festival: FestivalInfo, planned: list[EventInfo], tmp_path: Path
) -> None:
    path = tmp_path / "schedule.ics"
    assert export_schedule(db, festival.id, path) == 5
    calendar = Calendar.from_ical(path.read_bytes())
    parsed = {}
    for item in calendar.walk("VEVENT"):
        start, end = item.decoded("dtstart"), item.decoded("dtend")
        if isinstance(start, dt.datetime):
            count = int(item["rrule"]["COUNT"][0]) if "rrule" in item else 1
            parsed[str(item["summary"])] = (
                start.date(),
                start.date() + dt.timedelta(days=count - 1),
                start.time(),
                end.time(),
                str(item.get("location", "")),
            )
        else:
            parsed[str(item["summary"])] = (
                start,
                end - dt.timedelta(days=1),
                None,
                None,
                str(item.get("location", "")),
            )
    assert parsed == {e.title: (e.start_date, e.end_date, e.start_time, e.end_time, e.place) for e in planned}


def test_the_xlsx_and_pdf_hold_one_row_per_event(
    db: Database, festival: FestivalInfo, planned: list[EventInfo], tmp_path: Path
) -> None:
    workbook_path, pdf_path = tmp_path / "schedule.xlsx", tmp_path / "schedule.pdf"
    export_schedule(db, festival.id, workbook_path)
    rows = list(load_workbook(workbook_path).active.iter_rows(values_only=True))
    assert rows[0][0] == "启明实验学校第十届校园科技节活动安排表"
    assert rows[1] == SCHEDULE_COLUMNS
    assert [r[4] for r in rows[2:]] == [e.title for e in planned]
    assert rows[2][:4] == (1, "4月13日", "周一", "07:50–08:10")
    export_schedule(db, festival.id, pdf_path)
    assert fonts(pdf_path) and all(fonts(pdf_path).values())
    text = page_text(pdf_path, 0)
    assert "启明实验学校第十届校园科技节活动安排表" in text
    # Issued and dated at its foot; one page, so no page number.
    assert "单位（盖章）：" in text and "启明实验学校科技节组委会" in text and "共 1 页" not in text
    for title in ("国旗下讲话：启动科技节", "科技作品展", "小制作辅导"):
        assert text.count(title) == 1, title
    with pytest.raises(Exception, match=r"可导出为 \.pdf"):
        export_schedule(db, festival.id, tmp_path / "schedule.docx")


def test_today_and_tomorrow(planned: list[EventInfo]) -> None:
    assert [e.title for e in happening(planned, dt.date(2026, 4, 21))] == ["小制作辅导"]
    # Every day of the board's window, the board is on the day's list.
    assert "「科普板报比赛」制作与检查" in [e.title for e in happening(planned, dt.date(2026, 4, 29))]
    assert happening(planned, dt.date(2026, 4, 12)) == []


def test_a_board_judged_outside_its_window_is_a_clash_and_without_a_window_it_has_a_deadline(
    db: Database, festival: FestivalInfo
) -> None:
    board = add_preset(db, festival.id, "科普板报比赛").value
    assert board.deadline_word == "制作与检查" and board.window_start == dt.date(2026, 4, 27)

    def order_clashes() -> list[str]:
        events = list_events(db, festival.id)
        return [c.message for c in find_clashes(events, festival, []) if c.kind == "order"]

    assert order_clashes() == []
    inside = update_competition(db, dataclasses.replace(board, judging_date=dt.date(2026, 4, 29))).value
    assert order_clashes() == []  # inspected on a day of the window, before its last day: fine
    update_competition(db, dataclasses.replace(inside, judging_date=dt.date(2026, 4, 25)))
    assert order_clashes() == [
        "「科普板报比赛」评审（4月25日）不在「科普板报比赛」制作与检查的时间（4月27日–4月30日）之内。"
    ]
    with pytest.raises(ValidationError, match="制作与检查开始日期 2026-05-06 要早于它的截止日期"):
        update_competition(db, dataclasses.replace(inside, window_start=dt.date(2026, 5, 6)))
    plain = update_competition(db, dataclasses.replace(inside, window_start=None)).value
    assert plain.deadline_word == "完成截止"
    assert [e.source for e in list_events(db, festival.id)] == ["judging", "deadline"]
    # Without a window, inspecting on 4月29日 is before the boards are finished.
    assert order_clashes() == ["「科普板报比赛」评审（4月29日）在截止日（4月30日）之前：作品还没交齐就评审。"]


def test_judging_or_a_ceremony_before_a_deadline_is_a_clash(db: Database, festival: FestivalInfo) -> None:
    paint = add_preset(db, festival.id, "科技创新绘画比赛").value
    early = update_competition(
        db,
        dataclasses.replace(paint, judging_date=paint.deadline - dt.timedelta(days=2)),  # type: ignore[operator]
    ).value
    add_event(
        db,
        festival.id,
        EventInfo(
            0,
            "颁奖典礼",
            EventKind.CEREMONY,
            early.deadline - dt.timedelta(days=1),
            early.deadline - dt.timedelta(days=1),
        ),  # type: ignore[operator]
    )
    messages = [
        c.message for c in find_clashes(list_events(db, festival.id), festival, []) if c.kind == "order"
    ]
    assert any("「科技创新绘画比赛」评审" in m and "作品还没交齐就评审" in m for m in messages)
    assert any("「颁奖典礼」" in m and "科技创新绘画比赛的截止日之前" in m for m in messages)


@pytest.mark.parametrize("days", [3, 7, 14, 30, 60])
def test_every_preset_is_judged_after_its_deadline_or_inside_its_window_whatever_the_festivals_length(
    days: int,
) -> None:
    from fest_desktop.registration.presets import PRESETS, preset_dates

    start = dt.date(2026, 4, 11)
    end = start + dt.timedelta(days=days)
    for preset in PRESETS:
        deadline, judging, window_start = preset_dates(preset, start, end)
        for day in (deadline, judging, window_start):
            assert day is None or start <= day <= end, (preset.name, day)
        if window_start is not None:
            assert deadline is not None and judging is not None
            assert window_start <= judging <= deadline, preset.name
        elif deadline is not None and judging is not None:
            assert deadline <= judging, preset.name


def test_each_deadline_is_named_for_what_happens_on_it(db: Database, festival: FestivalInfo) -> None:
    make_small_school(db, festival)
    for name in ("科普板报", "科技创新绘画比赛", "知识竞赛"):
        add_preset(db, festival.id, name)
    titles = {e.title for e in list_events(db, festival.id) if e.source in ("deadline", "window")}
    assert titles == {
        "「科普板报比赛」制作与检查",
        "「科技创新绘画比赛」交稿截止",
        "「科技知识竞赛」报名截止",
    }
    assert not any("报名截止" in e.title for e in list_events(db, festival.id) if "板报" in e.title)


def test_the_schedule_s_weekday_names_a_span_only_as_far_as_it_reads_true() -> None:
    friday = dt.date(2026, 11, 27)
    assert weekday_text(friday, friday) == "周五"
    assert weekday_text(friday - dt.timedelta(days=4), friday) == "周一至周五"
    assert weekday_text(friday, friday + dt.timedelta(days=5)) == "周五至下周三"
    assert weekday_text(friday, friday + dt.timedelta(days=7)) == "周五至下周五"  # never 周五至周五
    assert weekday_text(friday, friday + dt.timedelta(days=14)) == ""  # the dates say it
