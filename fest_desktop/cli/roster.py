"""roster: import and export the school's roster."""

from __future__ import annotations

import argparse
from pathlib import Path

from fest_desktop.cli.common import (
    EXIT_OK,
    Subcommands,
    import_plan,
    open_db,
    report_import,
    require_festival,
)


def cmd_roster_import(args: argparse.Namespace) -> int:
    from fest_desktop.school.roster import commit_roster_import, plan_roster_import
    from fest_desktop.school.roster_files import read_roster

    db = open_db(args)
    festival_id = require_festival(db).id
    file = read_roster(Path(args.file))
    plan = import_plan(
        args.dry_run,
        lambda: plan_roster_import(db, festival_id, file),
        lambda: commit_roster_import(db, festival_id, file),
    )
    return report_import(
        plan.lines(), f"花名册有 {len(plan.problems)} 处问题，未导入任何数据。", args.dry_run, plan.summary()
    )


def cmd_roster_export(args: argparse.Namespace) -> int:
    from fest_desktop.school.roster_files import export_roster

    db = open_db(args)
    count = export_roster(db, require_festival(db).id, Path(args.file))
    print(f"已导出 {count} 名学生到「{args.file}」。")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    roster = commands.add_parser("roster", help="学生花名册：导入、导出")
    roster_commands = roster.add_subparsers(dest="action", required=True, metavar="操作")
    roster_import = roster_commands.add_parser(
        "import", parents=[common], help="从 .xlsx 导入花名册（全部成功或全部不导入）"
    )
    roster_import.add_argument("file", help=".xlsx 文件")
    roster_import.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    roster_import.set_defaults(handler=cmd_roster_import)
    roster_export = roster_commands.add_parser("export", parents=[common], help="把花名册导出为 .xlsx")
    roster_export.add_argument("file", help=".xlsx 文件")
    roster_export.set_defaults(handler=cmd_roster_export)
