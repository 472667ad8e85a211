"""practice and gridpaper: the 科普实践 items, a class's sheet out and back in, the progress; 方格稿纸."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fest_desktop.cli.common import (
    EXIT_OK,
    Subcommands,
    UsageError,
    import_plan,
    open_db,
    report_import,
    require_festival,
)


def _levels(text: str | None) -> tuple[int, ...]:
    """Grades typed as 1,2,3 or 一年级、二年级 (nothing: every grade)."""
    from fest_desktop.school.classnames import ClassNameError, parse_grade
    from fest_desktop.values import split_items

    levels = []
    for part in split_items(text or ""):
        try:
            levels.append(int(part) if part.isdigit() else parse_grade(part))
        except ClassNameError as exc:
            raise UsageError(str(exc)) from None
    return tuple(levels)


def cmd_practice_items(args: argparse.Namespace) -> int:
    from fest_desktop.practice.items import list_items

    db = open_db(args)
    items = list_items(db, require_festival(db).id)
    if args.json:
        rows = [
            {
                "name": i.name,
                "grades": list(i.levels),
                "grades_text": i.levels_text,
                "points": i.points,
                "done": i.marks,
            }
            for i in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print("还没有科普实践项目。用 practice add 名称，或 practice add --plan 添加计划中的项目。")
    for item in items:
        points = f"　班级考核 {item.points:g} 分" if item.points else ""
        print(f"{item.name}　{item.levels_text}{points}　已完成 {item.marks} 人")
    return EXIT_OK


def cmd_practice_add(args: argparse.Namespace) -> int:
    from fest_desktop.practice.items import PracticeItemInfo, add_item, add_plan_items

    db = open_db(args)
    festival_id = require_festival(db).id
    if args.plan:
        added = add_plan_items(db, festival_id).value
        print(f"已添加计划中的 {len(added)} 个实践项目：{'、'.join(i.name for i in added) or '（都已有）'}。")
        return EXIT_OK
    if not args.name:
        raise UsageError("请写实践项目的名称，或用 --plan 添加计划中的项目。")
    item = add_item(db, festival_id, PracticeItemInfo(0, args.name, _levels(args.grades), args.points)).value
    print(f"已添加实践项目「{item.name}」（{item.levels_text}）。")
    return EXIT_OK


def cmd_practice_rename(args: argparse.Namespace) -> int:
    import dataclasses

    from fest_desktop.practice.items import find_item, list_items, update_item

    db = open_db(args)
    item = find_item(list_items(db, require_festival(db).id), args.old)
    changed = dataclasses.replace(item, name=args.new)
    if args.grades is not None:
        changed = dataclasses.replace(changed, levels=_levels(args.grades))
    if args.points is not None:
        changed = dataclasses.replace(changed, points=args.points)
    saved = update_item(db, changed).value
    print(f"已保存实践项目「{saved.name}」（{saved.levels_text}，班级考核 {saved.points:g} 分）。")
    return EXIT_OK


def cmd_practice_remove(args: argparse.Namespace) -> int:
    from fest_desktop.practice.items import find_item, list_items, remove_item

    db = open_db(args)
    item = find_item(list_items(db, require_festival(db).id), args.name)
    remove_item(db, item.id)
    print(f"已删除实践项目「{item.name}」和 {item.marks} 名学生的记录（删除前已自动备份）。")
    return EXIT_OK


def cmd_practice_sheet(args: argparse.Namespace) -> int:
    from fest_desktop.practice.sheet import write_practice_sheets
    from fest_desktop.registration.typed_entries import find_class

    db = open_db(args)
    festival_id = require_festival(db).id
    class_id = find_class(db, festival_id, args.class_name)
    count = write_practice_sheets(db, festival_id, [class_id], Path(args.file))
    print(f"已生成「{args.file}」：{count} 名学生。发给班主任打勾后，用 practice import 收回。")
    return EXIT_OK


def cmd_practice_import(args: argparse.Namespace) -> int:
    from fest_desktop.practice.sheet import (
        WORDS,
        commit_practice_import,
        plan_practice_import,
        read_practice_file,
    )

    db = open_db(args)
    festival_id = require_festival(db).id
    read = read_practice_file(Path(args.file))
    plan = import_plan(
        args.dry_run,
        lambda: plan_practice_import(db, festival_id, read),
        lambda: commit_practice_import(db, festival_id, read),
    )
    return report_import(
        plan.lines(), WORDS.problems.format(len(plan.problems)), args.dry_run, plan.summary()
    )


def cmd_practice_progress(args: argparse.Namespace) -> int:
    from fest_desktop.practice.progress import practice_progress, progress_json

    db = open_db(args)
    progress = practice_progress(db, require_festival(db).id)
    if args.json:
        print(json.dumps(progress_json(progress), ensure_ascii=False, indent=2))
        return EXIT_OK
    if not progress.items:
        print("还没有科普实践项目。")
        return EXIT_OK
    print(f"全校：{progress.total.text}")
    for item in progress.items:
        print(f"{item.name}（{item.levels_text}）：{item.tally.text}")
    for row in progress.classes:
        parts = "　".join(f"{name} {tally.done}/{tally.of}" for name, tally in row.items.items())
        print(f"{row.class_name}　{row.total.share:.0%}　{parts}")
    return EXIT_OK


def cmd_gridpaper(args: argparse.Namespace) -> int:
    from fest_desktop.registration.gridpaper import write_grid_paper
    from fest_desktop.registration.typed_entries import find_competition

    db = open_db(args)
    festival_id = require_festival(db).id
    competition_id = find_competition(db, festival_id, args.competition) if args.competition else None
    pages = write_grid_paper(
        db, festival_id, Path(args.file), competition_id=competition_id, cells=args.cells, copies=args.copies
    )
    print(f"已生成 {pages} 张 {args.cells} 字方格稿纸：「{args.file}」。")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    practice = commands.add_parser("practice", help="科普实践：项目、班级实践表、完成情况")
    practice_commands = practice.add_subparsers(dest="action", required=True, metavar="操作")
    items = practice_commands.add_parser("items", parents=[common], help="列出科普实践项目")
    items.add_argument("--json", action="store_true", help="以 JSON 输出")
    items.set_defaults(handler=cmd_practice_items)
    add = practice_commands.add_parser("add", parents=[common], help="添加一个科普实践项目")
    add.add_argument("name", nargs="?", metavar="名称", help="如 参观一处科普教育基地")
    add.add_argument("--grades", metavar="年级", help="只有这些年级做，如 3,4,5；不写表示全校")
    add.add_argument("--points", type=float, default=0.0, metavar="分", help="全班完成时的班级考核分")
    add.add_argument(
        "--plan", action="store_true", help="添加计划中的全部项目（读一本科普读物并写读后感 等）"
    )
    add.set_defaults(handler=cmd_practice_add)
    rename = practice_commands.add_parser("rename", parents=[common], help="改实践项目的名称、年级或考核分")
    rename.add_argument("old", metavar="原名称")
    rename.add_argument("new", metavar="新名称")
    rename.add_argument("--grades", metavar="年级", help="改成只有这些年级做；空字符串表示全校")
    rename.add_argument("--points", type=float, metavar="分", help="改全班完成时的班级考核分")
    rename.set_defaults(handler=cmd_practice_rename)
    remove = practice_commands.add_parser("remove", parents=[common], help="删除实践项目（连同学生的记录）")
    remove.add_argument("name", metavar="名称")
    remove.set_defaults(handler=cmd_practice_remove)
    sheet = practice_commands.add_parser("sheet", parents=[common], help="生成一个班的实践表 .xlsx")
    sheet.add_argument("class_name", metavar="班级", help="如 三年级(2)班")
    sheet.add_argument("file", help=".xlsx 文件")
    sheet.set_defaults(handler=cmd_practice_sheet)
    practice_import = practice_commands.add_parser(
        "import", parents=[common], help="导入填好的实践表（全部成功或全部不导入）"
    )
    practice_import.add_argument("file", help=".xlsx 文件")
    practice_import.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    practice_import.set_defaults(handler=cmd_practice_import)
    progress = practice_commands.add_parser("progress", parents=[common], help="各项目、年级、班级的完成情况")
    progress.add_argument("--json", action="store_true", help="以 JSON 输出")
    progress.set_defaults(handler=cmd_practice_progress)

    grid = commands.add_parser("gridpaper", parents=[common], help="生成方格稿纸 PDF（默认每页 300 字）")
    grid.add_argument("file", metavar="稿纸.pdf")
    grid.add_argument("--competition", metavar="比赛项目", help="按这个比赛项目写稿纸左上方的注明")
    grid.add_argument("--cells", type=int, default=300, metavar="格数", help="每页格数，默认 300（20×15）")
    grid.add_argument("--copies", type=int, default=1, metavar="份数", help="打印几张，默认 1")
    grid.set_defaults(handler=cmd_gridpaper)
