"""certificates: a finalised list's certificates written to PDF, numbered in the register."""

from __future__ import annotations

import argparse
from pathlib import Path

from fest_desktop.cli.common import EXIT_OK, Subcommands, award_list_keys, iso_date, open_db, require_festival


def cmd_certificates(args: argparse.Namespace) -> int:
    from fest_desktop.certificates.batch import print_certificates

    db = open_db(args)
    festival_id = require_festival(db).id
    printed = print_certificates(
        db,
        festival_id,
        Path(args.file),
        list_keys=award_list_keys(db, festival_id, args.competition),
        level=args.level,
        reprint=args.reprint or "",
        overprint=args.overprint,
        start_slot=args.start_slot,
        day=args.date,
    ).value
    for batch in printed:
        for line in batch.notes:
            print(f"注意：{line}")
        if batch.resumed:
            print(f"上次打印中断的 {len(batch.resumed)} 张证书按原编号打印：{'、'.join(batch.resumed)}。")
        print(
            f"已生成 {len(batch.jobs)} 张「{batch.template.name}」：「{batch.target}」（{batch.first_number} 起）。"
        )
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    certificates = commands.add_parser("certificates", parents=[common], help="把已定稿名单的证书生成 PDF")
    certificates.add_argument("file", metavar="FILE.pdf")
    certificates.add_argument("--competition", metavar="名单", help="只要这份名单")
    certificates.add_argument("--level", metavar="奖项", help="只要这个奖项，如 一等奖")
    certificates.add_argument(
        "--overprint",
        action="store_true",
        help="套打：只打印证书纸上没有的内容（不打印底图、样式和标为纸上已印的项）",
    )
    certificates.add_argument(
        "--start-slot", type=int, default=1, metavar="N", help="从每张纸的第 N 个位置开始"
    )
    certificates.add_argument("--reprint", metavar="证书编号", help="重印一张证书（编号不变）")
    certificates.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="这一批证书的落款日期（默认：评奖设置中的日期，否则日历上的颁奖典礼或闭幕式，否则科技节最后一天）",
    )
    certificates.set_defaults(handler=cmd_certificates)
