"""certificates: a finalised list's certificates written to PDF, numbered in the register."""

from __future__ import annotations

import argparse
from pathlib import Path

from fest_desktop.cli.common import (
    EXIT_OK,
    Subcommands,
    UsageError,
    award_list_keys,
    iso_date,
    open_db,
    require_festival,
)


def cmd_certificates(args: argparse.Namespace) -> int:
    from fest_desktop.certificates.batch import batch_notes, print_batch, to_file
    from fest_desktop.certificates.jobs import certificate_jobs
    from fest_desktop.certificates.register import reprint_job
    from fest_desktop.certificates.templates import list_templates, template_for
    from fest_desktop.files.saving import safe_file_name

    db = open_db(args)
    festival_id = require_festival(db).id
    if args.reprint:
        jobs = [reprint_job(db, festival_id, args.reprint)]
    else:
        keys = award_list_keys(db, festival_id, args.competition)
        jobs = [
            job
            for job in certificate_jobs(db, festival_id, level=args.level, day=args.date)
            if keys is None or job.list_key in keys
        ]
        if not jobs:
            raise UsageError(
                "没有可打印的证书：获奖名单要先定稿（awards finalise），或筛选条件下没有获奖者。"
            )
    templates = list_templates(db, festival_id)
    kinds = sorted({job.kind for job in jobs})
    path = Path(args.file)
    for kind in kinds:
        template = template_for(templates, kind)
        batch = [job for job in jobs if job.kind == kind]
        for line in batch_notes(template, batch):
            print(f"注意：{line}")
        target = (
            path
            if len(kinds) == 1
            else path.with_name(f"{path.stem}-{safe_file_name(template.name)}{path.suffix}")
        )
        printed = print_batch(
            db,
            festival_id,
            template,
            batch,
            to_file(target),
            overprint=args.overprint,
            start_slot=args.start_slot,
        )
        print(
            f"已生成 {len(printed.jobs)} 张「{template.name}」：「{target}」（{printed.first_number} 起）。"
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
