"""competitions, entries and labels: presets, the class forms, an entry typed, imports and the 分类造册."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fest_desktop.cli.common import (
    EXIT_OK,
    Subcommands,
    UsageError,
    open_db,
    report_import,
    require_festival,
)
from fest_desktop.registration.competitions import CompetitionInfo


def _competition_json(competition: CompetitionInfo) -> dict[str, object]:
    return {
        "id": competition.id,
        "name": competition.name,
        "category": competition.category,
        "kind": competition.participation,
        "kind_text": competition.participation_text,
        "team_size": competition.team_size,
        "eligible_levels": list(competition.eligible_levels),
        "quota": {"min": competition.quota_min, "max": competition.quota_max, "text": competition.quota_text},
        "deadline": competition.deadline.isoformat() if competition.deadline else None,
        "subtypes": list(competition.subtypes),
        "judging": competition.judging,
        "judging_text": competition.judging_text,
        "combine": competition.combine,
        "ranking_group": competition.ranking_group,
        "code_prefix": competition.code_prefix,
        "responsible": competition.responsible,
        "works_per_student": competition.works_per_student,
        "criteria": [
            {"name": c.name, "kind": str(c.kind), "max": c.max_points, "step": c.step}
            for c in competition.criteria
        ],
        "entries": competition.entry_count,
    }


def _competition_line(competition: CompetitionInfo) -> str:
    criteria = competition.criteria_text
    return (
        f"{competition.name}　{competition.participation_text}　{competition.quota_text}　"
        f"{competition.judging_text}" + (f"　{criteria}" if criteria else "")
    )


def cmd_competitions_presets(args: argparse.Namespace) -> int:
    from fest_desktop.registration.presets import PRESETS

    for preset in PRESETS:
        print(_competition_line(preset.competition))
        print(f"    {preset.description}")
        if preset.suggestion_text:
            print(f"    （{preset.suggestion_text}）")
    return EXIT_OK


def cmd_competitions_add(args: argparse.Namespace) -> int:
    from fest_desktop.registration.presets import add_preset

    db = open_db(args)
    competition = add_preset(db, require_festival(db).id, args.preset).value
    deadline = f"，截止 {competition.deadline:%Y-%m-%d}" if competition.deadline else ""
    made = f"，已为 {competition.entry_count} 个班建立作品" if competition.entry_count else ""
    print(f"已添加比赛项目「{competition.name}」（编号前缀 {competition.code_prefix}{deadline}{made}）。")
    return EXIT_OK


def cmd_competitions_list(args: argparse.Namespace) -> int:
    from fest_desktop.registration.competitions import list_competitions

    db = open_db(args)
    competitions = list_competitions(db, require_festival(db).id)
    if args.json:
        print(json.dumps([_competition_json(c) for c in competitions], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not competitions:
        print("还没有比赛项目。用 competitions presets 查看预设，competitions add 名称 添加。")
    for competition in competitions:
        deadline = f"　截止 {competition.deadline:%Y-%m-%d}" if competition.deadline else ""
        print(f"{_competition_line(competition)}{deadline}　已报 {competition.entry_count} 件")
    return EXIT_OK


def cmd_entries_forms(args: argparse.Namespace) -> int:
    from fest_desktop.registration.class_forms import write_class_forms

    db = open_db(args)
    paths = write_class_forms(db, require_festival(db).id, Path(args.folder))
    print(f"已为 {len(paths)} 个班生成报名表，保存在「{args.folder}」。")
    return EXIT_OK


def cmd_entries_import(args: argparse.Namespace) -> int:
    from fest_desktop.registration.entries import LateEntryError
    from fest_desktop.registration.entry_files import read_entry_files
    from fest_desktop.registration.entry_import import commit_entry_import, plan_entry_import
    from fest_desktop.registration.entry_plan import EntryImport
    from fest_desktop.storage.importing import RefusedPlan

    db = open_db(args)
    festival_id = require_festival(db).id
    files = read_entry_files([Path(f) for f in args.files])
    if args.dry_run:
        plan = plan_entry_import(db, festival_id, files)
    else:
        try:
            plan = commit_entry_import(db, festival_id, files, allow_late=args.allow_late).value
        except LateEntryError as late:
            raise UsageError(f"{late.message}（命令行请加 --allow-late）") from None
        except RefusedPlan as refused:
            assert isinstance(refused.plan, EntryImport)
            plan = refused.plan
    if plan.ok:
        for warning in plan.warnings:
            print(f"提醒：{warning}")
    return report_import(
        plan.lines(), f"报名表有 {len(plan.problems)} 处问题，未导入任何作品。", args.dry_run, plan.summary()
    )


def cmd_entries_add(args: argparse.Namespace) -> int:
    from fest_desktop.registration.entries import LateEntryError
    from fest_desktop.registration.typed_entries import create_entry_by_names

    db = open_db(args)
    try:
        entry = create_entry_by_names(
            db,
            require_festival(db).id,
            args.competition,
            args.title,
            class_text=args.class_name or "",
            authors=args.author or (),
            teacher=args.teacher or "",
            subtype=args.subtype or "",
            advisor=args.advisor or "",
            allow_late=args.allow_late,
        )
    except LateEntryError as late:
        raise UsageError(f"{late.message}（要登记请加 --allow-late）") from None
    where = entry.class_name or "教师"
    print(
        f"已登记作品 {entry.code}：{entry.competition_name}　{where}　{entry.author_names}《{entry.title}》"
    )
    return EXIT_OK


def cmd_entries_export(args: argparse.Namespace) -> int:
    from fest_desktop.registration.register import export_register

    db = open_db(args)
    count = export_register(db, require_festival(db).id, Path(args.file), recommended_only=args.recommended)
    kind = "推荐作品造册" if args.recommended else "分类造册"
    print(f"已把 {count} 件作品的{kind}导出到「{args.file}」。")
    return EXIT_OK


def cmd_entries_describe(args: argparse.Namespace) -> int:
    from fest_desktop.registration.entries import set_description

    db = open_db(args)
    set_description(db, require_festival(db).id, args.code, args.text)
    print(f"已保存 {args.code.upper()} 的作品说明。")
    return EXIT_OK


def cmd_labels(args: argparse.Namespace) -> int:
    from fest_desktop.registration.competitions import list_competitions
    from fest_desktop.registration.labels import write_labels
    from fest_desktop.school.classnames import ClassNameError, parse_class
    from fest_desktop.school.structure import list_classes

    db = open_db(args)
    festival_id = require_festival(db).id
    competition_id = class_id = None
    if args.competition:
        matches = [c for c in list_competitions(db, festival_id) if args.competition in c.name]
        if len(matches) != 1:
            raise UsageError(f"找不到唯一的比赛项目「{args.competition}」。用 competitions list 查看。")
        competition_id = matches[0].id
    if args.class_name:
        try:
            ref = parse_class(args.class_name)
        except ClassNameError as exc:
            raise UsageError(str(exc)) from None
        matches_class = [
            c for c in list_classes(db, festival_id) if (c.level, c.number) == (ref.level, ref.number)
        ]
        if not matches_class:
            raise UsageError(f"找不到班级「{args.class_name}」。")
        class_id = matches_class[0].id
    count = write_labels(
        db,
        festival_id,
        Path(args.file),
        competition_id=competition_id,
        class_id=class_id,
        recommended_only=args.recommended,
    )
    print(f"已生成 {count} 张作品标签：「{args.file}」。")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    competitions = commands.add_parser("competitions", help="比赛项目：预设、添加、列出")
    competition_commands = competitions.add_subparsers(dest="action", required=True, metavar="操作")
    presets = competition_commands.add_parser("presets", parents=[common], help="列出预设的比赛项目")
    presets.set_defaults(handler=cmd_competitions_presets)
    add = competition_commands.add_parser("add", parents=[common], help="按中文名称添加一个预设比赛项目")
    add.add_argument("preset", help="预设名称，例如 科普板报比赛")
    add.set_defaults(handler=cmd_competitions_add)
    listing = competition_commands.add_parser("list", parents=[common], help="列出本届科技节的比赛项目")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出（含名额、截止日期、评分项）")
    listing.set_defaults(handler=cmd_competitions_list)

    entries = commands.add_parser("entries", help="作品：班级报名表、导入、分类造册")
    entry_commands = entries.add_subparsers(dest="action", required=True, metavar="操作")
    forms = entry_commands.add_parser("forms", parents=[common], help="为每个班生成 .xlsx 报名表")
    forms.add_argument("folder", help="保存报名表的文件夹")
    forms.set_defaults(handler=cmd_entries_forms)
    entry_import = entry_commands.add_parser(
        "import", parents=[common], help="导入填好的报名表（可多个文件；全部成功或全部不导入）"
    )
    entry_import.add_argument("files", nargs="+", metavar="file", help=".xlsx 文件")
    entry_import.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    entry_import.add_argument(
        "--allow-late", action="store_true", help="截止日期后的作品也导入（标记为逾期）"
    )
    entry_import.set_defaults(handler=cmd_entries_import)
    entry_add = entry_commands.add_parser(
        "add", parents=[common], help="登记一件作品：学生作品写班级和作者，教师比赛写作者老师"
    )
    entry_add.add_argument(
        "--competition", required=True, metavar="比赛项目", help="比赛项目名称或其中一部分"
    )
    entry_add.add_argument("--title", required=True, metavar="作品题目")
    entry_add.add_argument(
        "--class", dest="class_name", metavar="班级", help="学生作品的班级，如 三年级(2)班"
    )
    entry_add.add_argument(
        "--author", action="append", metavar="学生", help="学生作者（团队作品写几次 --author）"
    )
    entry_add.add_argument("--teacher", metavar="老师", help="教师比赛（经验论文评比等）的作者老师")
    entry_add.add_argument("--subtype", metavar="作品类型")
    entry_add.add_argument("--advisor", metavar="指导老师")
    entry_add.add_argument("--allow-late", action="store_true", help="截止日期后也登记（标记为逾期）")
    entry_add.set_defaults(handler=cmd_entries_add)
    entry_export = entry_commands.add_parser("export", parents=[common], help="导出分类造册 .xlsx")
    entry_export.add_argument("file", help=".xlsx 文件")
    entry_export.add_argument(
        "--recommended", action="store_true", help="只导出推荐参加上级比赛的作品，含说明和上级比赛结果"
    )
    describe = entry_commands.add_parser("describe", parents=[common], help="写作品说明（上报推荐作品时用）")
    describe.add_argument("code", metavar="作品编号")
    describe.add_argument("text", metavar="说明", help="一两句话介绍作品；空字符串表示清除")
    describe.set_defaults(handler=cmd_entries_describe)
    entry_export.set_defaults(handler=cmd_entries_export)

    labels = commands.add_parser("labels", parents=[common], help="生成作品标签 PDF（每页 8 张）")
    labels.add_argument("file", help=".pdf 文件")
    labels.add_argument("--competition", metavar="比赛项目", help="只打印这个比赛项目的标签")
    labels.add_argument("--class", dest="class_name", metavar="班级", help="只打印这个班的标签")
    labels.add_argument("--recommended", action="store_true", help="只打印推荐参加上级比赛的作品（含说明）")
    labels.set_defaults(handler=cmd_labels)
