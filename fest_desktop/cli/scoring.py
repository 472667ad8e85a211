"""judges, scores and results: panels, score sheets out and in, results and ranks."""

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
from fest_desktop.scoring.sheet import EntryResult


def cmd_judges_add(args: argparse.Namespace) -> int:
    from fest_desktop.scoring.judges import add_judge
    from fest_desktop.scoring.sheet import find_judged_competition

    db = open_db(args)
    competition = find_judged_competition(db, require_festival(db).id, args.competition)
    for name in args.names:
        add_judge(db, competition.id, name)
    print(f"已把 {'、'.join(args.names)} 加入「{competition.name}」的评委组。")
    return EXIT_OK


def cmd_scores_sheets(args: argparse.Namespace) -> int:
    from fest_desktop.scoring.paper_sheets import write_judge_sheets_pdf, write_score_workbook
    from fest_desktop.scoring.sheet import find_judged_competition

    db = open_db(args)
    festival_id = require_festival(db).id
    competition = find_judged_competition(db, festival_id, args.competition)
    path = Path(args.file)
    if path.suffix.lower() == ".pdf":
        count = write_judge_sheets_pdf(db, festival_id, competition.id, path)
    elif path.suffix.lower() == ".xlsx":
        count = write_score_workbook(db, competition.id, path)
    else:
        raise UsageError(f"「{path.name}」：评分表请保存为 .pdf（打印）或 .xlsx（填好后可导入）。")
    print(f"已生成「{competition.name}」{count} 位评委的评分表：「{path}」。")
    return EXIT_OK


def cmd_scores_import(args: argparse.Namespace) -> int:
    from fest_desktop.scoring.score_import import commit_score_import, plan_score_import, read_score_file

    db = open_db(args)
    festival_id = require_festival(db).id
    file = read_score_file(Path(args.file))
    plan = import_plan(
        args.dry_run,
        lambda: plan_score_import(
            db, festival_id, file, add_judges=args.add_judges, open_early=args.open_early
        ),
        lambda: commit_score_import(
            db, festival_id, file, add_judges=args.add_judges, open_early=args.open_early
        ),
    )
    return report_import(
        plan.lines(), f"评分表有 {len(plan.problems)} 处问题，未导入任何分数。", args.dry_run, plan.summary()
    )


def _result_json(result: EntryResult, award: str | None) -> dict[str, object]:
    return {
        "competition": result.competition,
        "group": result.entry.group,
        "rank": result.rank,
        "code": result.entry.code,
        "class": result.entry.class_name,
        "title": result.entry.title,
        "authors": result.entry.authors,
        "judges": [
            {"judge": j.judge_name, "total": j.total, "dropped": j.dropped or None, "stands_aside": j.blocked}
            for j in result.judges
        ],
        "attempts": list(result.attempts),
        "final": result.final,
        "complete": result.complete,
        "award": award,
    }


def cmd_results(args: argparse.Namespace) -> int:
    from fest_desktop.awards.lists import award_by_entry
    from fest_desktop.scoring.sheet import festival_results

    db = open_db(args)
    festival_id = require_festival(db).id
    found = festival_results(db, festival_id, args.competition, provisional=args.provisional)
    if args.json:
        levels = award_by_entry(db, festival_id)
        print(
            json.dumps([_result_json(r, levels.get(r.entry.id)) for r in found], ensure_ascii=False, indent=2)
        )
        return EXIT_OK
    heading = None
    for result in found:
        if (result.competition, result.entry.group) != heading:
            heading = (result.competition, result.entry.group)
            print(f"\n{result.competition}　{result.entry.group}")
        rank = f"第{result.rank}名" if result.rank else "—"
        state = "" if result.complete else "（未评完）"
        print(f"  {rank:<6}{result.entry.code:<9}{result.entry.class_name:<10}{result.final_text:>7}{state}")
    return EXIT_OK


def add_commands(commands: Subcommands, common: argparse.ArgumentParser) -> None:
    """The subcommands of this group, each with the shared --db option."""
    judges = commands.add_parser("judges", help="评委组")
    judge_commands = judges.add_subparsers(dest="action", required=True, metavar="操作")
    judges_add = judge_commands.add_parser("add", parents=[common], help="把评委加入一个比赛项目的评委组")
    judges_add.add_argument("names", nargs="+", metavar="姓名")
    judges_add.add_argument("--competition", required=True, metavar="比赛项目")
    judges_add.set_defaults(handler=cmd_judges_add)

    scores = commands.add_parser("scores", help="评分表：打印、导入")
    score_commands = scores.add_subparsers(dest="action", required=True, metavar="操作")
    sheets = score_commands.add_parser(
        "sheets", parents=[common], help="生成评委评分表：.pdf 供打印，.xlsx 填好后可导入"
    )
    sheets.add_argument("file", help=".pdf 或 .xlsx 文件")
    sheets.add_argument("--competition", required=True, metavar="比赛项目")
    sheets.set_defaults(handler=cmd_scores_sheets)
    score_import = score_commands.add_parser(
        "import", parents=[common], help="导入填好的 .xlsx 评分表（全部成功或全部不导入）"
    )
    score_import.add_argument("file", help=".xlsx 文件")
    score_import.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    score_import.add_argument("--add-judges", action="store_true", help="不在评委组中的评委一并添加")
    score_import.add_argument(
        "--open-early", action="store_true", help="截止日（评审日）之前提前开始评审（记入修改记录）"
    )
    score_import.set_defaults(handler=cmd_scores_import)

    results = commands.add_parser("results", parents=[common], help="成绩与排名")
    results.add_argument("--competition", metavar="比赛项目", help="只看这个比赛项目")
    results.add_argument("--json", action="store_true", help="以 JSON 输出")
    results.add_argument("--provisional", action="store_true", help="未评完的作品也按现有分数排名")
    results.set_defaults(handler=cmd_results)
