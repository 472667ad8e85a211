"""活动日历 as a teacher uses it: an event made through the dialog shows in the month, the week and
the list; dragging moves it; clashes are listed; filters; delete and undo; 今日 / 明日."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from fest_desktop.calendar.events import EventInfo, add_event, list_events, update_event
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo, add_phase
from fest_desktop.storage.database import Database
from tests.core.school_fixture import make_small_school
from ui.calendar.tab import AGENDA, WEEK, CalendarTab
from ui.operations import Runner

DAY = dt.date(2026, 4, 22)  # a Wednesday of the festival (2026-04-11 to 2026-05-11)


@pytest.fixture
def tab(qtbot: QtBot, db: Database, festival: FestivalInfo) -> CalendarTab:
    make_small_school(db, festival)
    add_phase(db, festival.id, "准备", dt.date(2026, 4, 15), dt.date(2026, 4, 30))
    widget = CalendarTab(db, Runner())
    widget.today = DAY
    widget.anchor = DAY
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show_festival(festival.id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def chip(view: object, title: str) -> QPoint:
    """Where an event is drawn in a painted view."""
    view.repaint()  # type: ignore[attr-defined]
    rect = next(rect for rect, event in view.hits if event.title == title)  # type: ignore[attr-defined]
    return rect.center().toPoint()


def test_an_event_made_in_the_dialog_shows_in_all_three_views(
    qtbot: QtBot, tab: CalendarTab, db: Database, festival: FestivalInfo, qtmodeltester: object
) -> None:
    dialog = tab.new_event(DAY)
    dialog.title.insert("科普讲座：身边的物理")
    dialog.kind.setCurrentIndex(dialog.kind.findData("lecture"))
    dialog.place.setCurrentText("报告厅")
    dialog.responsible.insert("王老师")
    dialog.audience.item(dialog.audience.count() - 1).setCheckState(
        Qt.CheckState.Checked
    )  # 一年级(1)班? the last class
    dialog.accept()
    stored = list_events(db, festival.id)
    assert [(e.title, e.start_date, e.time_text, e.place) for e in stored] == [
        ("科普讲座：身边的物理", DAY, "09:00–10:00", "报告厅")
    ]
    assert stored[0].phase_id is not None  # 准备, the phase of that day
    assert chip(tab.month, "科普讲座：身边的物理")
    tab.show_view(WEEK)
    assert chip(tab.week, "科普讲座：身边的物理")
    tab.show_view(AGENDA)
    assert [e.title for e in tab.agenda_model.rows()] == ["科普讲座：身边的物理"]
    assert tab.agenda_model.index(0, 6).data() == stored[0].audience_text != "全校"
    qtmodeltester.check(tab.agenda_model)  # type: ignore[attr-defined]


def test_a_refused_event_keeps_the_dialog_open_with_the_reason(
    tab: CalendarTab, db: Database, festival: FestivalInfo
) -> None:
    dialog = tab.new_event(DAY)
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "活动内容不能为空。"
    assert list_events(db, festival.id) == []


def test_dragging_an_event_in_the_month_view_moves_it(
    qtbot: QtBot, tab: CalendarTab, db: Database, festival: FestivalInfo
) -> None:
    event = add_event(
        db, festival.id, EventInfo(0, "参观科技馆", EventKind.VISIT, DAY, DAY, dt.time(13, 30), dt.time(16))
    ).value
    tab.reload()
    start = chip(tab.month, "参观科技馆")
    target = start + QPoint(int(tab.month.width() / 7), 0)  # the next day
    qtbot.mousePress(tab.month, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(tab.month, target)
    qtbot.mouseRelease(tab.month, Qt.MouseButton.LeftButton, pos=target)
    moved = next(e for e in list_events(db, festival.id) if e.id == event.id)
    assert (moved.start_date, moved.start_time) == (DAY + dt.timedelta(days=1), dt.time(13, 30))


def test_clashes_are_marked_listed_and_can_be_kept(
    tab: CalendarTab, db: Database, festival: FestivalInfo
) -> None:
    talk = add_event(
        db,
        festival.id,
        EventInfo(0, "科普讲座", EventKind.LECTURE, DAY, DAY, dt.time(14), dt.time(15), place="报告厅"),
    ).value
    add_event(
        db,
        festival.id,
        EventInfo(0, "科技影片", EventKind.FILM, DAY, DAY, dt.time(14, 30), dt.time(16), place="报告厅"),
    )
    tab.reload()
    assert tab.clash_heading.text() == "冲突（1）"
    assert "同时使用报告厅" in tab.clash_list.item(0).text()
    assert talk.id in tab.month.data.clashing
    for event in list_events(db, festival.id):
        update_event(db, EventInfo(**{**event.__dict__, "keep_clash": True}))
    tab.reload()
    assert tab.clash_heading.text() == "冲突（0）"
    assert tab.clash_list.item(0).text().startswith("已确认保留")


def test_filters_delete_undo_duplicate_and_today(
    tab: CalendarTab, db: Database, festival: FestivalInfo
) -> None:
    add_event(
        db,
        festival.id,
        EventInfo(0, "科普讲座", EventKind.LECTURE, DAY, DAY, dt.time(14), dt.time(15), place="报告厅"),
    )
    add_event(
        db,
        festival.id,
        EventInfo(0, "科技作品展", EventKind.EXHIBITION, DAY, DAY + dt.timedelta(days=2), place="体育馆"),
    )
    tab.reload()
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("exhibition"))
    tab.apply_filters()
    assert [e.title for e in tab.shown_events] == ["科技作品展"]
    tab.kind_filter.setCurrentIndex(0)
    tab.place_filter.setCurrentIndex(tab.place_filter.findData("报告厅"))
    tab.apply_filters()
    assert [e.title for e in tab.shown_events] == ["科普讲座"]
    tab.place_filter.setCurrentIndex(0)
    tab.apply_filters()
    assert [tab.today_list.item(i).text() for i in range(tab.today_list.count())] == [
        "全天　科技作品展　体育馆",
        "14:00–15:00　科普讲座　报告厅",
    ]
    assert tab.tomorrow_list.item(0).text() == "全天　科技作品展　体育馆"
    talk = next(e for e in tab.events if e.title == "科普讲座")
    tab._choose(talk.id)
    tab.duplicate_selected()
    assert {e.title for e in list_events(db, festival.id)} == {
        "科普讲座",
        "科普讲座（副本）",
        "科技作品展",
    }
    tab._choose(talk.id)
    tab.delete_selected()
    assert "科普讲座" not in {e.title for e in list_events(db, festival.id)}
    tab.undo_delete()
    assert "科普讲座" in {e.title for e in list_events(db, festival.id)}


def test_competition_dates_appear_and_are_edited_where_they_belong(
    tab: CalendarTab, db: Database, festival: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    add_preset(db, festival.id, "科普板报比赛")
    tab.reload()
    derived = [e for e in tab.events if e.is_derived]
    assert [e.title for e in derived] == ["「科普板报比赛」制作与检查", "「科普板报比赛」评审"]
    assert derived[0].end_date > derived[0].start_date  # the board's window is a band of days
    assert tab.edit_event(derived[0].id) is None
    assert "在“作品报名 → 比赛项目”中修改" in shown["errors"][0]


def test_the_dialog_shows_a_clash_before_saving_and_keeps_it_only_when_asked(
    tab: CalendarTab, db: Database, festival: FestivalInfo
) -> None:
    add_event(
        db,
        festival.id,
        EventInfo(0, "科普讲座", EventKind.LECTURE, DAY, DAY, dt.time(9), dt.time(10), place="报告厅"),
    )
    tab.reload()
    dialog = tab.new_event(DAY)  # 09:00–10:00 by default
    dialog.title.insert("科技影片")
    dialog.place.setCurrentText("报告厅")
    assert dialog.keep_anyway.isHidden()
    dialog.accept()
    assert "「科普讲座」与「科技影片」同时使用报告厅" in dialog.error.text()
    assert dialog.isVisible() and not dialog.keep_anyway.isHidden()
    assert [e.title for e in list_events(db, festival.id)] == ["科普讲座"]  # nothing saved yet
    dialog.keep_anyway.click()
    saved = next(e for e in list_events(db, festival.id) if e.title == "科技影片")
    assert saved.keep_clash and not dialog.isVisible()


def test_clashes_with_leaves_the_event_itself_out_when_it_is_edited(
    db: Database, festival: FestivalInfo
) -> None:
    from fest_desktop.calendar.clashes import clashes_with
    from fest_desktop.school.festivals import get_festival, list_phases

    talk = add_event(
        db,
        festival.id,
        EventInfo(0, "科普讲座", EventKind.LECTURE, DAY, DAY, dt.time(9), dt.time(10), place="报告厅"),
    ).value
    events = list_events(db, festival.id)
    moved = dataclasses.replace(talk, start_time=dt.time(9, 30), end_time=dt.time(10, 30))
    assert clashes_with(moved, events, get_festival(db, festival.id), list_phases(db, festival.id)) == []
