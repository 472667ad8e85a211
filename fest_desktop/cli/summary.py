"""summary: the festival in figures, the 总结报告 and the 推荐作品上报表 for the district."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fest_desktop.cli.common import EXIT_OK, Subcommands, open_db, require_festival
from fest_desktop.values import split_items


def cmd_summary_stats(args: argparse.Namespace) -> int:
    from fest_desktop.summary.figures import summary_figures
    from fest_desktop.summary.text import draft_summary, figures_json

    db = open_db(args)
    figures = summary_figures(db, require_festival(db).id)
    if args.json:
        print(json.dumps(figures_json(figures), ensure_ascii=False, indent=2))
    else:
        print(draft_summary(figures))
    return EXIT_OK


def cmd_summary_report(args: argparse.Namespace) -> int:
    from fest_desktop.summary.report import write_summary_report

    db = open_db(args)
    write_summary_report(db, require_festival(db).id, Path(args.file))
    print(f"已生成总结报告：「{args.file}」。")
    return EXIT_OK


def cmd_summary_district(args: argparse.Namespace) -> int:
    from fest_desktop.summary.district import template_columns, write_district_list

    db = open_db(args)
    columns = template_columns(db, args.template)
    count = write_district_list(db, require_festival(db).id, Path(args.file), columns)
    print(f"已生成推荐作品上报表（{count} 件，{len(columns)} 列）：「{args.file}」。")
    return EXIT_OK


def cmd_summary_templates(args: argparse.Namespace) -> int:
    from fest_desktop.summary.district import DISTRICT_COLUMNS, district_templates

    db = open_db(args)
    for name, columns in district_templates(db).items():
        print(f"{name}：{'、'.join(columns)}")
    print(f"可用的列：{'、'.join(DISTRICT_COLUMNS)}")
    return EXIT_OK


def cmd_summary_template_save(args: argparse.Namespace) -> int:
    from fest_desktop.summary.district import save_district_template

    db = open_db(args)
    saved = save_district_template(db, args.name, split_items(args.columns)).value
    print(f"已保存上报表模板「{args.name.strip()}」：{'、'.join(saved)}。")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    summary = commands.add_parser("summary", help="统计与总结：数字、总结报告、推荐作品上报表")
    summary_commands = summary.add_subparsers(dest="summary_command", required=True, metavar="操作")

    stats = summary_commands.add_parser(
        "stats", parents=[common], help="本届科技节的统计数字（与窗口中一致）"
    )
    stats.add_argument("--json", action="store_true", help="以 JSON 输出全部数字；不加则输出总结初稿")
    stats.set_defaults(handler=cmd_summary_stats)

    report = summary_commands.add_parser("report", parents=[common], help="生成科技节总结报告 .pdf / .xlsx")
    report.add_argument("file", metavar="FILE")
    report.set_defaults(handler=cmd_summary_report)

    district = summary_commands.add_parser(
        "district", parents=[common], help="生成推荐作品上报表 .xlsx / .pdf（报送区县）"
    )
    district.add_argument("file", metavar="FILE")
    district.add_argument("--template", metavar="模板", help="按这个模板的列（默认：内置的“默认”）")
    district.set_defaults(handler=cmd_summary_district)

    templates = summary_commands.add_parser("templates", parents=[common], help="列出上报表模板和可用的列")
    templates.set_defaults(handler=cmd_summary_templates)

    save = summary_commands.add_parser("template-save", parents=[common], help="保存一个上报表模板")
    save.add_argument("name", metavar="模板名称", help="例如所在区县的名称")
    save.add_argument("--columns", required=True, metavar="列", help="列名，按顺序用逗号或顿号隔开")
    save.set_defaults(handler=cmd_summary_template_save)
