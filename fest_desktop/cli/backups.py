"""backup and restore of the festival file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fest_desktop.cli.common import EXIT_OK, Subcommands, UsageError, command_name, open_db
from fest_desktop.errors import DatabaseDamagedError


def cmd_backup(args: argparse.Namespace) -> int:
    from fest_desktop.storage import backups

    db = open_db(args)
    if args.list:
        listed = backups.list_backups(backups.database_file(db))
        for backup in listed:
            print(
                f"{backup.made_at:%Y-%m-%d %H:%M:%S}  {backup.reason}  {backups.size_text(backup.size)}  {backup.path}"
            )
        print(f"共 {len(listed)} 个自动备份（保留最近 {db.keep_backups} 个）。")
        return EXIT_OK
    if args.file:
        target = backups.backup_to(db, Path(args.file))
    else:
        made = backups.make_backup(db, backups.MANUAL)
        assert made is not None
        target = made.path
    print(f"已备份到「{target}」（{backups.size_text(target.stat().st_size)}）。")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from fest_desktop.storage import backups

    source = Path(args.file)
    checked = backups.check_backup_file(source)
    try:
        db = open_db(args, create=True)
    except DatabaseDamagedError as exc:
        print(f"备份中有：{'、'.join(checked.festivals) or '（没有科技节）'}。")
        aside = backups.replace_damaged_file(Path(exc.path), source)
        print(f"已用「{source}」替换损坏的数据文件；损坏的文件改名保存为「{aside}」。")
        return EXIT_OK
    plan = backups.plan_restore(db, source)
    print(plan.describe())
    if plan.replaces_other_festivals and not args.yes:
        raise UsageError(
            "备份中的科技节与现在的不同：恢复会用它替换现在的全部数据。确认无误后加 --yes 再运行一次。"
        )
    before = backups.restore_backup(db, source).value
    print(f"已从「{source}」恢复。")
    print(f"恢复前的数据已备份到「{before.path}」。")
    return EXIT_OK


def print_restore_hint(path: Path) -> None:
    from fest_desktop.storage.backups import latest_good_backup

    good = latest_good_backup(path)
    if good is None:
        print("没有找到可用的自动备份。若有手动备份的文件，可用 restore 恢复。", file=sys.stderr)
    else:
        print(f"最近一次正常的备份：{good.made_at:%Y-%m-%d %H:%M}（{good.reason}）", file=sys.stderr)
        print(f'恢复：{command_name()} restore "{good.path}" --db "{path}"', file=sys.stderr)


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    backup = commands.add_parser(
        "backup", parents=[common], help="备份数据文件（不写 FILE 则放入备份文件夹）"
    )
    backup.add_argument("file", nargs="?", metavar="FILE", help="备份文件，例如 U盘上的 科技节备份.db")
    backup.add_argument("--list", action="store_true", help="列出自动备份")
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser(
        "restore", parents=[common], help="用备份文件恢复（先检查，并备份当前数据）"
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="备份中的科技节与现在的不同时，确认替换")
    restore.set_defaults(handler=cmd_restore)
