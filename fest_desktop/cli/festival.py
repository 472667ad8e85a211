"""festival: create, list and switch festivals; demo."""

from __future__ import annotations

import argparse
import json

from fest_desktop.cli.common import EXIT_OK, Subcommands, UsageError, iso_date, open_db
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.school.festivals import FestivalInfo, list_festivals, set_current_festival


def _festival_json(festival: FestivalInfo) -> dict[str, object]:
    return {
        "id": festival.id,
        "name": festival.name,
        "edition": festival.edition,
        "theme": festival.theme,
        "school": festival.school_name,
        "start": festival.start_date.isoformat(),
        "end": festival.end_date.isoformat(),
        "current": festival.is_current,
    }


def cmd_festival_create(args: argparse.Namespace) -> int:
    db = open_db(args, create=True)
    copy_from = None
    if args.copy_from is not None:
        matches = [f for f in list_festivals(db) if args.copy_from in (str(f.id), f.name)]
        if not matches:
            raise UsageError(
                f"找不到要复制设置的科技节「{args.copy_from}」。用 festival list 查看已有的科技节。"
            )
        copy_from = matches[0].id
    festival = create_festival(
        db, args.name, args.school, args.start, args.end, theme=args.theme, copy_setup_from=copy_from
    ).value
    print(f"已创建科技节「{festival.title}」（编号 {festival.id}），并设为当前科技节。")
    return EXIT_OK


def cmd_festival_list(args: argparse.Namespace) -> int:
    festivals = list_festivals(open_db(args))
    if args.json:
        print(json.dumps([_festival_json(f) for f in festivals], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not festivals:
        print("还没有科技节。")
    for f in festivals:
        marker = "*" if f.is_current else " "
        print(f"{marker} {f.id:>3}  {f.title}  {f.start_date:%Y-%m-%d} 至 {f.end_date:%Y-%m-%d}  {f.theme}")
    return EXIT_OK


def cmd_festival_use(args: argparse.Namespace) -> int:
    festival = set_current_festival(open_db(args), args.id).value
    print(f"当前科技节：{festival.title}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from fest_desktop.demo.festival import create_demo_festival

    festival = create_demo_festival(open_db(args, create=True))
    print(f"已创建演示科技节「{festival.title}」（编号 {festival.id}），并设为当前科技节。")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    festival = commands.add_parser("festival", help="科技节：创建、列出、切换")
    festival_commands = festival.add_subparsers(dest="action", required=True, metavar="操作")
    create = festival_commands.add_parser("create", parents=[common], help="创建科技节并设为当前")
    create.add_argument("name", help="名称，例如 第十届校园科技节")
    create.add_argument("--school", required=True, help="学校名称")
    create.add_argument("--start", required=True, type=iso_date, help="开始日期 YYYY-MM-DD")
    create.add_argument("--end", required=True, type=iso_date, help="结束日期 YYYY-MM-DD")
    create.add_argument("--theme", default="", help="主题，例如 探究身边的科学")
    create.add_argument(
        "--copy-from", metavar="编号或名称", help="复制某届科技节的设置（阶段、年级班级、教师）"
    )
    create.set_defaults(handler=cmd_festival_create)
    listing = festival_commands.add_parser("list", parents=[common], help="列出所有科技节（* 为当前）")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing.set_defaults(handler=cmd_festival_list)
    use = festival_commands.add_parser("use", parents=[common], help="切换当前科技节")
    use.add_argument("id", type=int, help="科技节编号")
    use.set_defaults(handler=cmd_festival_use)

    demo = commands.add_parser("demo", parents=[common], help="创建演示科技节")
    demo.set_defaults(handler=cmd_demo)
