"""The demo festival's calendar of activities over its phases."""

from __future__ import annotations

import datetime as dt

from fest_desktop.calendar.kinds import EventKind, read_audience
from fest_desktop.school.festivals import FestivalInfo, list_phases
from fest_desktop.school.school_days import school_day_by
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Event

# (first day, last day after the festival's start, start–end time or "" for all day, title, kind,
#  place, responsible, audience as stored, phase name, kept clash)
DEMO_EVENTS = (
    (0, 0, "07:50-08:10", "国旗下讲话：科技节开幕", "publicity", "操场", "校长", "", "宣传动员", False),
    (0, 2, "", "宣传周：各班出一期科普黑板报", "publicity", "各班教室", "各班班主任", "", "宣传动员", False),
    (
        1,
        1,
        "14:00-15:00",
        "科普讲座：身边的物理",
        "lecture",
        "报告厅",
        "科学组",
        "g:5,g:6",
        "宣传动员",
        False,
    ),
    (
        2,
        2,
        "14:00-15:30",
        "科技影片《流浪地球》展播",
        "film",
        "报告厅",
        "信息技术组",
        "s:初中",
        "宣传动员",
        False,
    ),
    (4, 18, "", "科普读书月：读一本科普书", "reading", "图书馆", "语文组", "s:小学", "准备", False),
    (7, 7, "13:30-16:30", "参观市科技馆", "visit", "市科技馆", "德育处", "g:7", "准备", False),
    (8, 8, "14:00-15:00", "科普讲座：人工智能与未来", "lecture", "报告厅", "科学组", "s:初中", "准备", False),
    (9, 11, "15:10-16:00", "航模兴趣小组辅导", "other", "科学室", "科学组", "g:4,g:5,g:6", "准备", False),
    (10, 10, "14:00-14:40", "主题班会：我身边的科学", "meeting", "各班教室", "各班班主任", "", "准备", False),
    (15, 15, "09:00-11:00", "科技知识竞赛初赛", "contest", "阶梯教室", "科学组", "s:初中", "准备", False),
    (21, 23, "", "科技作品展", "exhibition", "体育馆", "教务处", "", "展评", True),
    (
        22,
        22,
        "09:00-11:30",
        "小制作与小发明评审（作品展现场）",
        "judging",
        "体育馆",
        "科学组",
        "",
        "展评",
        True,
    ),
    (
        23,
        23,
        "14:00-15:00",
        "科普讲座：显微镜下的世界",
        "lecture",
        "报告厅",
        "生物组",
        "s:初中",
        "展评",
        False,
    ),
    (
        23,
        23,
        "14:30-16:00",
        "科技影片《十万个为什么》",
        "film",
        "报告厅",
        "信息技术组",
        "s:小学",
        "展评",
        False,
    ),
    (24, 24, "09:00-10:30", "科技创新绘画评审", "judging", "美术室", "美术组", "", "展评", False),
    (25, 25, "15:00-16:00", "电脑作品评审", "judging", "计算机房", "信息技术组", "", "展评", False),
    (
        28,
        28,
        "14:00-14:40",
        "总结班会：我的科技节收获",
        "meeting",
        "各班教室",
        "各班班主任",
        "",
        "总结",
        False,
    ),
    (
        30,
        30,
        "15:00-16:30",
        "科技节闭幕式暨颁奖典礼",
        "ceremony",
        "报告厅",
        "校长、教务处",
        "",
        "总结",
        False,
    ),
    (
        31,
        32,
        "",
        "优秀作品推荐参加县（区）青少年科技创新大赛",
        "other",
        "教务处",
        "教务处",
        "",
        "总结",
        False,
    ),
)


def plan_calendar(db: Database, festival: FestivalInfo, start: dt.date) -> None:
    """The demo's schedule over its four phases; the two films and talks in 报告厅 on one afternoon
    clash, the judging inside the exhibition is a clash kept on purpose. The days count from a Monday
    and leave the weekends out; around a holiday an activity stays in its phase, on school days."""
    phases = {phase.name: phase for phase in list_phases(db, festival.id)}
    with db.session() as session:
        for first_day, last_day, times, title, kind, place, responsible, audience, name, keep in DEMO_EVENTS:
            phase = phases[name]
            first_date = min(max(start + dt.timedelta(days=first_day), phase.start_date), phase.end_date)
            last_date = min(max(start + dt.timedelta(days=last_day), first_date), phase.end_date)
            if first_date == last_date:
                first_date = last_date = min(school_day_by(first_date, phase.start_date), phase.end_date)
            start_time, end_time = (
                (dt.time.fromisoformat(part) for part in times.split("-")) if times else (None, None)
            )
            session.add(
                Event(
                    festival_id=festival.id,
                    phase_id=phase.id,
                    title=title,
                    kind=EventKind(kind),
                    start_date=first_date,
                    end_date=last_date,
                    start_time=start_time,
                    end_time=end_time,
                    place=place,
                    responsible=responsible,
                    audience=read_audience(audience),
                    keep_clash=keep,
                )
            )
