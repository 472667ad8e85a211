"""calendar: add an activity, list the schedule with its clashes, export it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from fest_desktop.cli.common import EXIT_OK, Subcommands, iso_date, open_db, require_festival


def _time_range(text: str) -> tuple[dt.time, dt.time]:
    try:
        start, end = (dt.time.fromisoformat(part.strip()) for part in text.replace("–", "-").split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"时间「{text}」格式不对，应为 09:00-10:30") from None
    return start, end


def cmd_calendar_add(args: argparse.Namespace) -> int:
    from fest_desktop.calendar.events import EventInfo, add_event
    from fest_desktop.calendar.kinds import EventKind

    db = open_db(args)
    start_time, end_time = args.time if args.time else (None, None)
    event = add_event(
        db,
        require_festival(db).id,
        EventInfo(
            0,
            args.title,
            EventKind.named(args.kind),
            args.date,
            args.end or args.date,
            start_time,
            end_time,
            place=args.place,
            responsible=args.responsible,
        ),
    ).value
    print(f"已添加活动「{event.title}」：{event.date_text} {event.time_text} {event.place}".rstrip())
    return EXIT_OK


def cmd_calendar_list(args: argparse.Namespace) -> int:
    from fest_desktop.calendar.clashes import find_clashes
    from fest_desktop.calendar.events import list_events
    from fest_desktop.school.festivals import list_phases

    db = open_db(args)
    festival = require_festival(db)
    events = list_events(db, festival.id)
    if args.json:
        rows = [
            {
                "id": e.id,
                "title": e.title,
                "kind": e.kind_label,
                "start": e.start_date.isoformat(),
                "end": e.end_date.isoformat(),
                "time": None if e.all_day else e.time_text,
                "place": e.place,
                "responsible": e.responsible,
                "audience": e.audience_text,
                "from_competition": e.is_derived,
            }
            for e in events
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for event in events:
        print(f"{event.date_text:<14}{event.time_text:<13}{event.title}　{event.place}".rstrip())
    for clash in find_clashes(events, festival, list_phases(db, festival.id)):
        print(("已确认保留：" if clash.accepted else "冲突：") + clash.message)
    return EXIT_OK


def cmd_calendar_export(args: argparse.Namespace) -> int:
    from fest_desktop.calendar.schedule_files import export_schedule

    db = open_db(args)
    count = export_schedule(db, require_festival(db).id, Path(args.file))
    print(f"已导出 {count} 项活动到「{args.file}」。")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    calendar = commands.add_parser("calendar", help="活动日历：添加、列出、导出日程")
    calendar_commands = calendar.add_subparsers(dest="action", required=True, metavar="操作")
    calendar_add = calendar_commands.add_parser("add", parents=[common], help="添加一项活动")
    calendar_add.add_argument("title", metavar="活动内容")
    calendar_add.add_argument("--date", type=iso_date, required=True, help="日期 YYYY-MM-DD")
    calendar_add.add_argument("--end", type=iso_date, help="多日活动的最后一天")
    calendar_add.add_argument("--time", type=_time_range, help="时间 09:00-10:30（不写为全天）")
    calendar_add.add_argument(
        "--kind",
        default="其他",
        help="类别：宣传、讲座、影片、读书、参观、比赛、展览、评审、班会、典礼、其他",
    )
    calendar_add.add_argument("--place", default="", help="地点")
    calendar_add.add_argument("--responsible", default="", help="负责人或负责部门")
    calendar_add.set_defaults(handler=cmd_calendar_add)
    calendar_list = calendar_commands.add_parser("list", parents=[common], help="列出日程和冲突")
    calendar_list.add_argument("--json", action="store_true", help="以 JSON 输出")
    calendar_list.set_defaults(handler=cmd_calendar_list)
    calendar_export = calendar_commands.add_parser(
        "export", parents=[common], help="导出日程：.pdf 活动安排表、.xlsx 或 .ics"
    )
    calendar_export.add_argument("file", help=".pdf、.xlsx 或 .ics 文件")
    calendar_export.set_defaults(handler=cmd_calendar_export)
