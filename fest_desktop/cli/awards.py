"""awards: assign, list, set by hand, finalise, and the notice, 班级考核 and name-check files."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fest_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Subcommands,
    UsageError,
    award_list_keys,
    open_db,
    require_festival,
)


def cmd_awards_assign(args: argparse.Namespace) -> int:
    from fest_desktop.awards.assignment import assign_awards

    db = open_db(args)
    report = assign_awards(db, require_festival(db).id, args.competition, open_early=args.open_early).value
    for line in report.lines():
        print(line)
    return EXIT_OK


def cmd_awards_list(args: argparse.Namespace) -> int:
    from fest_desktop.awards.lists import award_lists, list_awards

    db = open_db(args)
    festival_id = require_festival(db).id
    titles = {a.key: a.title for a in award_lists(db, festival_id)}
    keys = award_list_keys(db, festival_id, args.competition)
    found = [
        a for a in list_awards(db, festival_id, include_withdrawn=False) if keys is None or a.list_key in keys
    ]
    if args.json:
        rows = [
            {
                "list": titles[a.list_key],
                "kind": a.kind,
                "group": a.group,
                "level": a.level,
                "code": a.code or None,
                "class": a.class_name or None,
                "recipients": [r.name for r in a.recipients],
                "rank": a.rank,
                "score": a.score,
                "manual": a.manual,
                "reason": a.reason or None,
                "rule_level": a.auto_level or None,
            }
            for a in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    from fest_desktop.awards.assignment import out_of_date_lists

    for key, reason in out_of_date_lists(db, festival_id).items():
        if keys is None or key in keys:
            print(f"注意：「{titles[key]}」{reason}", file=sys.stderr)
    for award in found:
        note = f"　{award.rule_note}" if award.manual else ""
        where = titles[award.list_key]
        print(
            f"{where}　{award.group}　{award.award_name}　{award.code}　{award.class_name}　{award.recipient_text}{note}"
        )
    return EXIT_OK


def cmd_awards_set(args: argparse.Namespace) -> int:
    from fest_desktop.awards.changes import award_entry, find_entry_award_target

    db = open_db(args)
    entry_id = find_entry_award_target(db, require_festival(db).id, args.code)
    level = "" if args.level in ("无", "none") else args.level
    award = award_entry(db, entry_id, level, args.reason).value
    print(f"已把 {args.code.upper()} 改为「{award.level or '不获奖'}」，原因已记入修改记录。")
    return EXIT_OK


def cmd_awards_finalise(args: argparse.Namespace) -> int:
    from fest_desktop.awards.finalising import SurprisesToConfirm, finalise
    from fest_desktop.awards.lists import find_award_list

    db = open_db(args)
    festival_id = require_festival(db).id
    award_list = find_award_list(db, festival_id, args.competition)
    try:
        notice = finalise(
            db, festival_id, award_list.key, confirmed=args.confirm, open_early=args.open_early
        ).value
    except SurprisesToConfirm as exc:
        print(exc.message, file=sys.stderr)
        print("确认无误后，加 --confirm 再运行一次（确认会记入修改记录）。", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"「{award_list.title}」获奖名单已定稿，校验码 {notice.fingerprint}。")
    return EXIT_OK


def cmd_awards_notice(args: argparse.Namespace) -> int:
    from fest_desktop.awards.notices import write_notice_pdf, write_notice_xlsx

    db = open_db(args)
    festival_id = require_festival(db).id
    path = Path(args.file)
    keys = award_list_keys(db, festival_id, args.competition)
    if path.suffix.lower() == ".pdf":
        count = write_notice_pdf(db, festival_id, path, keys)
    elif path.suffix.lower() == ".xlsx":
        count = write_notice_xlsx(db, festival_id, path, keys)
    else:
        raise UsageError(f"「{path.name}」：获奖名单请保存为 .pdf（张贴）或 .xlsx。")
    print(f"已生成 {count} 份获奖名单：「{path}」。")
    return EXIT_OK


def cmd_awards_points(args: argparse.Namespace) -> int:
    from fest_desktop.awards.notices import write_class_points

    db = open_db(args)
    path = Path(args.file)
    if path.suffix.lower() not in (".pdf", ".xlsx"):
        raise UsageError(f"「{path.name}」：班级考核表请保存为 .xlsx 或 .pdf。")
    write_class_points(db, require_festival(db).id, path)
    print(f"已生成班级考核表：「{path}」。")
    return EXIT_OK


def cmd_awards_check(args: argparse.Namespace) -> int:
    from fest_desktop.awards.notices import write_name_check

    db = open_db(args)
    festival_id = require_festival(db).id
    count = write_name_check(
        db, festival_id, Path(args.file), award_list_keys(db, festival_id, args.competition)
    )
    print(f"已生成 {count} 个班的获奖名单核对表：「{args.file}」。")
    return EXIT_OK


def cmd_awards_find(args: argparse.Namespace) -> int:
    from fest_desktop.certificates.register import lookup_certificate

    db = open_db(args)
    found = lookup_certificate(db, require_festival(db).id, args.code)
    if found.record is None:
        raise UsageError(found.message)
    print(found.message)
    return EXIT_OK


def cmd_awards_recommend(args: argparse.Namespace) -> int:
    from fest_desktop.awards.changes import find_entry_award_target, set_recommended

    db = open_db(args)
    set_recommended(db, find_entry_award_target(db, require_festival(db).id, args.code), not args.off)
    print(f"已{'取消推荐' if args.off else '推荐'} {args.code.upper()}，已记入修改记录。")
    return EXIT_OK


def cmd_awards_higher_result(args: argparse.Namespace) -> int:
    from fest_desktop.awards.changes import find_entry_award_target
    from fest_desktop.awards.higher import record_higher_result

    db = open_db(args)
    done = record_higher_result(
        db, find_entry_award_target(db, require_festival(db).id, args.code), args.level, args.result
    )
    reached = "；".join(f"{level}：{result}" for level, result in done.value) or "（没有结果）"
    print(f"已记录 {args.code.upper()} 的上级比赛结果。现在：{reached}")
    return EXIT_OK


def cmd_awards_higher_levels(args: argparse.Namespace) -> int:
    from fest_desktop.awards.higher import HigherLevelInfo, higher_levels, set_higher_levels

    db = open_db(args)
    festival_id = require_festival(db).id
    levels = higher_levels(db, festival_id)
    if args.names:
        by_name = {level.name: level.id for level in levels}
        levels = set_higher_levels(
            db, festival_id, [HigherLevelInfo(by_name.get(name.strip(), 0), name) for name in args.names]
        ).value
    if not levels:
        print(
            "还没有设置上级比赛。用 awards higher-levels 镇第十三届科技节 城口县第二届科技创新大赛 … 按顺序设置。"
        )
    for position, level in enumerate(levels, start=1):
        print(f"{position}. {level.name}　已记录结果 {level.results} 件")
    return EXIT_OK


OPEN_EARLY_HELP = "比赛项目的截止日（评审日）还没到时提前开始评审（记入修改记录）"


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    awards_parser = commands.add_parser("awards", help="奖项：评奖、调整、定稿、公示名单、核对表")
    award_commands = awards_parser.add_subparsers(dest="action", required=True, metavar="操作")
    assign = award_commands.add_parser("assign", parents=[common], help="按评奖规则评奖（已定稿的名单不动）")
    assign.add_argument("--competition", metavar="比赛项目", help="只评这个比赛项目")
    assign.add_argument("--open-early", action="store_true", help=OPEN_EARLY_HELP)
    assign.set_defaults(handler=cmd_awards_assign)
    award_list = award_commands.add_parser("list", parents=[common], help="列出获奖名单")
    award_list.add_argument(
        "--competition", metavar="名单", help="比赛项目，或 集体奖、优秀组织奖、科技辅导员奖"
    )
    award_list.add_argument("--json", action="store_true", help="以 JSON 输出")
    award_list.set_defaults(handler=cmd_awards_list)
    award_set = award_commands.add_parser("set", parents=[common], help="手动调整一件作品的奖项")
    award_set.add_argument("code", metavar="作品编号")
    award_set.add_argument("level", metavar="奖项", help="如 一等奖；“无”表示不获奖")
    award_set.add_argument("--reason", required=True, metavar="原因", help="调整的原因（记入修改记录）")
    award_set.set_defaults(handler=cmd_awards_set)
    final = award_commands.add_parser("finalise", parents=[common], help="获奖名单定稿")
    final.add_argument("--competition", required=True, metavar="名单", help="比赛项目，或 集体奖 等")
    final.add_argument(
        "--confirm",
        action="store_true",
        help="确认定稿前提示的特殊情况（全部获奖、并列超出名额；记入修改记录）",
    )
    final.add_argument("--open-early", action="store_true", help=OPEN_EARLY_HELP)
    final.set_defaults(handler=cmd_awards_finalise)
    notice = award_commands.add_parser("notice", parents=[common], help="生成公示用获奖名单 .pdf / .xlsx")
    notice.add_argument("file", metavar="FILE")
    notice.add_argument("--competition", metavar="名单", help="只要这份名单")
    notice.set_defaults(handler=cmd_awards_notice)
    points = award_commands.add_parser("points", parents=[common], help="生成班级考核表 .xlsx / .pdf")
    points.add_argument("file", metavar="FILE")
    points.set_defaults(handler=cmd_awards_points)
    check = award_commands.add_parser("check", parents=[common], help="生成获奖名单核对表 PDF（每班一页）")
    check.add_argument("file", metavar="FILE.pdf")
    check.add_argument("--competition", metavar="名单", help="只要这份名单")
    check.set_defaults(handler=cmd_awards_check)
    find = award_commands.add_parser("find", parents=[common], help="证书查询：按编号或扫描的二维码内容")
    find.add_argument("code", metavar="编号或二维码")
    find.set_defaults(handler=cmd_awards_find)

    recommend = award_commands.add_parser("recommend", parents=[common], help="推荐作品参加上级比赛")
    recommend.add_argument("code", metavar="作品编号")
    recommend.add_argument("--off", action="store_true", help="取消推荐")
    recommend.set_defaults(handler=cmd_awards_recommend)

    levels = award_commands.add_parser(
        "higher-levels", parents=[common], help="列出或按顺序设置上级比赛（从低到高，如 镇、县、市）"
    )
    levels.add_argument("names", nargs="*", metavar="名称", help="上级比赛的名称，从低到高；不写则列出现有的")
    levels.set_defaults(handler=cmd_awards_higher_levels)

    higher = award_commands.add_parser(
        "higher-result", parents=[common], help="记录推荐作品在某一级上级比赛的结果"
    )
    higher.add_argument("code", metavar="作品编号")
    higher.add_argument("result", metavar="结果", help="如 一等奖；空字符串表示清除")
    higher.add_argument(
        "--level", metavar="上级比赛", help="哪一级上级比赛（名称或其中一部分）；只设了一级时可省略"
    )
    higher.set_defaults(handler=cmd_awards_higher_result)
