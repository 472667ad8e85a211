"""The command-line interface: the core operations without a window, for scripts and tests."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from fest_desktop import __version__
from fest_desktop.competitions import CompetitionInfo
from fest_desktop.db import Database, open_database
from fest_desktop.errors import DatabaseDamagedError, FestError
from fest_desktop.festivals import (
    FestivalInfo,
    create_festival,
    current_festival,
    list_festivals,
    set_current_festival,
)
from fest_desktop.paths import preferences_path
from fest_desktop.preferences import database_target, load_preferences
from fest_desktop.scoring import EntryResult

EXIT_OK, EXIT_BAD_INPUT = 0, 2

# argparse speaks English; these are the messages a teacher is likely to meet.
_ARGPARSE_MESSAGES = (
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面需要一个值"),
    (r"argument (\S+): (.*)", r"参数 \1：\2"),
)


class UsageError(FestError):
    """The command line itself is wrong."""


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"错误：{message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期「{text}」格式不对，应为 YYYY-MM-DD，例如 2026-04-11"
        ) from None


def _open(args: argparse.Namespace) -> Database:
    preferences = load_preferences(preferences_path())
    return open_database(database_target(args.db, preferences), preferences.keep_backups)


def _current(db: Database) -> FestivalInfo:
    festival = current_festival(db)
    if festival is None:
        raise UsageError("数据库里还没有科技节。请先运行 festival create 或 demo。")
    return festival


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


# ---------------------------------------------------------------- festival


def cmd_festival_create(args: argparse.Namespace) -> int:
    db = _open(args)
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
    )
    print(f"已创建科技节「{festival.title}」（编号 {festival.id}），并设为当前科技节。")
    return EXIT_OK


def cmd_festival_list(args: argparse.Namespace) -> int:
    festivals = list_festivals(_open(args))
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
    festival = set_current_festival(_open(args), args.id)
    print(f"当前科技节：{festival.title}")
    return EXIT_OK


# ---------------------------------------------------------------- roster


def cmd_roster_import(args: argparse.Namespace) -> int:
    from fest_desktop.roster import import_roster

    db = _open(args)
    preview = import_roster(db, _current(db).id, Path(args.file), dry_run=args.dry_run)
    return _report_import(
        preview.problems,
        f"花名册有 {len(preview.problems)} 处问题，未导入任何数据。",
        args.dry_run,
        preview.summary(),
    )


def _report_import(problems: Sequence[object], refusal: str, dry_run: bool, summary: str) -> int:
    """Every problem and the refusal on stderr (exit 2), or what was (or would be) imported."""
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(refusal, file=sys.stderr)
        return EXIT_BAD_INPUT
    verb = "检查通过（试运行，未写入）" if dry_run else "导入完成"
    print(f"{verb}：{summary}")
    return EXIT_OK


def cmd_roster_export(args: argparse.Namespace) -> int:
    from fest_desktop.roster import export_roster

    db = _open(args)
    count = export_roster(db, _current(db).id, Path(args.file))
    print(f"已导出 {count} 名学生到「{args.file}」。")
    return EXIT_OK


# ---------------------------------------------------------------- competitions and entries


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
        "criteria": [{"name": c.name, "max": c.max_points, "step": c.step} for c in competition.criteria],
        "entries": competition.entry_count,
    }


def _competition_line(competition: CompetitionInfo) -> str:
    criteria = "、".join(f"{c.name}{c.max_points:g}" for c in competition.criteria)
    return (
        f"{competition.name}　{competition.participation_text}　{competition.quota_text}　"
        f"{competition.judging_text}" + (f"　评分项：{criteria}" if criteria else "")
    )


def cmd_competitions_presets(args: argparse.Namespace) -> int:
    from fest_desktop.competitions import PRESETS

    for preset in PRESETS:
        print(_competition_line(preset.competition))
        print(f"    {preset.description}")
    return EXIT_OK


def cmd_competitions_add(args: argparse.Namespace) -> int:
    from fest_desktop.competitions import add_preset

    db = _open(args)
    competition = add_preset(db, _current(db).id, args.preset)
    deadline = f"，截止 {competition.deadline:%Y-%m-%d}" if competition.deadline else ""
    made = f"，已为 {competition.entry_count} 个班建立作品" if competition.entry_count else ""
    print(f"已添加比赛项目「{competition.name}」（编号前缀 {competition.code_prefix}{deadline}{made}）。")
    return EXIT_OK


def cmd_competitions_list(args: argparse.Namespace) -> int:
    from fest_desktop.competitions import list_competitions

    db = _open(args)
    competitions = list_competitions(db, _current(db).id)
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
    from fest_desktop.entry_sheets import write_class_forms

    db = _open(args)
    paths = write_class_forms(db, _current(db).id, Path(args.folder))
    print(f"已为 {len(paths)} 个班生成报名表，保存在「{args.folder}」。")
    return EXIT_OK


def cmd_entries_import(args: argparse.Namespace) -> int:
    from fest_desktop.entry_sheets import import_entry_files

    db = _open(args)
    plan = import_entry_files(
        db, _current(db).id, [Path(f) for f in args.files], dry_run=args.dry_run, allow_late=args.allow_late
    )
    for sheet in plan.skipped_sheets:
        print(f"跳过没有作品表头的{sheet}。")
    if plan.ok:
        for warning in plan.warnings:
            print(f"提醒：{warning}")
    return _report_import(
        plan.problems, f"报名表有 {len(plan.problems)} 处问题，未导入任何作品。", args.dry_run, plan.summary()
    )


def cmd_entries_export(args: argparse.Namespace) -> int:
    from fest_desktop.entry_sheets import export_register

    db = _open(args)
    count = export_register(db, _current(db).id, Path(args.file))
    print(f"已把 {count} 件作品的分类造册导出到「{args.file}」。")
    return EXIT_OK


def cmd_labels(args: argparse.Namespace) -> int:
    from fest_desktop.classnames import ClassNameError, parse_class
    from fest_desktop.competitions import list_competitions
    from fest_desktop.labels import write_labels
    from fest_desktop.school import list_classes

    db = _open(args)
    festival_id = _current(db).id
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
    count = write_labels(db, festival_id, Path(args.file), competition_id=competition_id, class_id=class_id)
    print(f"已生成 {count} 张作品标签：「{args.file}」。")
    return EXIT_OK


# ---------------------------------------------------------------- scoring


def cmd_judges_add(args: argparse.Namespace) -> int:
    from fest_desktop.scoring import add_judge, find_judged_competition

    db = _open(args)
    competition = find_judged_competition(db, _current(db).id, args.competition)
    for name in args.names:
        add_judge(db, competition.id, name)
    print(f"已把 {'、'.join(args.names)} 加入「{competition.name}」的评委组。")
    return EXIT_OK


def cmd_scores_sheets(args: argparse.Namespace) -> int:
    from fest_desktop.score_sheets import write_judge_sheets_pdf, write_score_workbook
    from fest_desktop.scoring import find_judged_competition

    db = _open(args)
    festival_id = _current(db).id
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
    from fest_desktop.score_sheets import import_score_file

    db = _open(args)
    plan = import_score_file(
        db, _current(db).id, Path(args.file), dry_run=args.dry_run, add_judges=args.add_judges
    )
    for sheet in plan.skipped_sheets:
        print(f"跳过没有评分表表头的工作表「{sheet}」。")
    return _report_import(
        plan.problems, f"评分表有 {len(plan.problems)} 处问题，未导入任何分数。", args.dry_run, plan.summary()
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
    from fest_desktop.awards import award_by_entry
    from fest_desktop.scoring import festival_results

    db = _open(args)
    festival_id = _current(db).id
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


# ---------------------------------------------------------------- awards and certificates


def _award_list_keys(db: Database, festival_id: int, name: str | None) -> list[str] | None:
    from fest_desktop.awards import find_award_list

    return None if name is None else [find_award_list(db, festival_id, name).key]


def cmd_awards_assign(args: argparse.Namespace) -> int:
    from fest_desktop.awards import assign_awards

    db = _open(args)
    report = assign_awards(db, _current(db).id, args.competition)
    for line in report.lines():
        print(line)
    return EXIT_OK


def cmd_awards_list(args: argparse.Namespace) -> int:
    from fest_desktop.awards import award_lists, list_awards

    db = _open(args)
    festival_id = _current(db).id
    titles = {a.key: a.title for a in award_lists(db, festival_id)}
    keys = _award_list_keys(db, festival_id, args.competition)
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
    for award in found:
        note = f"　{award.rule_note}" if award.manual else ""
        where = titles[award.list_key]
        print(
            f"{where}　{award.group}　{award.award_name}　{award.code}　{award.class_name}　{award.recipient_text}{note}"
        )
    return EXIT_OK


def cmd_awards_set(args: argparse.Namespace) -> int:
    from fest_desktop.awards import award_entry, find_entry_award_target

    db = _open(args)
    entry_id = find_entry_award_target(db, _current(db).id, args.code)
    level = "" if args.level in ("无", "none") else args.level
    award = award_entry(db, entry_id, level, args.reason)
    print(f"已把 {args.code.upper()} 改为「{award.level or '不获奖'}」，原因已记入修改记录。")
    return EXIT_OK


def cmd_awards_finalise(args: argparse.Namespace) -> int:
    from fest_desktop.awards import finalise, find_award_list

    db = _open(args)
    festival_id = _current(db).id
    award_list = find_award_list(db, festival_id, args.competition)
    notice = finalise(db, festival_id, award_list.key)
    print(f"「{award_list.title}」获奖名单已定稿，校验码 {notice.fingerprint}。")
    return EXIT_OK


def cmd_awards_notice(args: argparse.Namespace) -> int:
    from fest_desktop.award_notices import write_notice_pdf, write_notice_xlsx

    db = _open(args)
    festival_id = _current(db).id
    path = Path(args.file)
    keys = _award_list_keys(db, festival_id, args.competition)
    if path.suffix.lower() == ".pdf":
        count = write_notice_pdf(db, festival_id, path, keys)
    elif path.suffix.lower() == ".xlsx":
        count = write_notice_xlsx(db, festival_id, path, keys)
    else:
        raise UsageError(f"「{path.name}」：获奖名单请保存为 .pdf（张贴）或 .xlsx。")
    print(f"已生成 {count} 份获奖名单：「{path}」。")
    return EXIT_OK


def cmd_awards_points(args: argparse.Namespace) -> int:
    from fest_desktop.award_notices import write_class_points

    db = _open(args)
    path = Path(args.file)
    if path.suffix.lower() not in (".pdf", ".xlsx"):
        raise UsageError(f"「{path.name}」：班级考核表请保存为 .xlsx 或 .pdf。")
    write_class_points(db, _current(db).id, path)
    print(f"已生成班级考核表：「{path}」。")
    return EXIT_OK


def cmd_awards_check(args: argparse.Namespace) -> int:
    from fest_desktop.award_notices import write_name_check

    db = _open(args)
    festival_id = _current(db).id
    count = write_name_check(
        db, festival_id, Path(args.file), _award_list_keys(db, festival_id, args.competition)
    )
    print(f"已生成 {count} 个班的获奖名单核对表：「{args.file}」。")
    return EXIT_OK


def cmd_awards_find(args: argparse.Namespace) -> int:
    from fest_desktop.certificates import lookup_certificate

    db = _open(args)
    found = lookup_certificate(db, _current(db).id, args.code)
    if found.record is None:
        raise UsageError(found.message)
    print(found.message)
    return EXIT_OK


def cmd_certificates(args: argparse.Namespace) -> int:
    from fest_desktop.certificates import (
        certificate_jobs,
        check_glyphs,
        font_notes,
        issue_numbers,
        list_templates,
        missing_values,
        record_printed,
        reprint_job,
        template_for,
        write_certificates_pdf,
    )

    db = _open(args)
    festival_id = _current(db).id
    if args.reprint:
        jobs = [reprint_job(db, festival_id, args.reprint)]
    else:
        keys = _award_list_keys(db, festival_id, args.competition)
        jobs = [
            job
            for job in certificate_jobs(db, festival_id, level=args.level)
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
        for line in font_notes(template) + [str(p) for p in check_glyphs(template, batch)]:
            print(f"注意：{line}")
        batch = issue_numbers(db, festival_id, batch)
        for line in missing_values(template, batch):
            print(f"注意：{line}")
        target = path if len(kinds) == 1 else path.with_name(f"{path.stem}-{template.name}{path.suffix}")
        write_certificates_pdf(
            target,
            template,
            batch,
            with_background=False if args.overprint else None,
            start_slot=args.start_slot,
        )
        record_printed(db, [job.certificate_id for job in batch if job.certificate_id is not None])
        print(f"已生成 {len(batch)} 张「{template.name}」：「{target}」（{batch[0].number} 起）。")
    return EXIT_OK


# ---------------------------------------------------------------- calendar


def _time_range(text: str) -> tuple[dt.time, dt.time]:
    try:
        start, end = (dt.time.fromisoformat(part.strip()) for part in text.replace("–", "-").split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"时间「{text}」格式不对，应为 09:00-10:30") from None
    return start, end


def cmd_calendar_add(args: argparse.Namespace) -> int:
    from fest_desktop.schedule import EventInfo, add_event, kind_code

    db = _open(args)
    start_time, end_time = args.time if args.time else (None, None)
    event = add_event(
        db,
        _current(db).id,
        EventInfo(
            0,
            args.title,
            kind_code(args.kind),
            args.date,
            args.end or args.date,
            start_time,
            end_time,
            place=args.place,
            responsible=args.responsible,
        ),
    )
    print(f"已添加活动「{event.title}」：{event.date_text} {event.time_text} {event.place}".rstrip())
    return EXIT_OK


def cmd_calendar_list(args: argparse.Namespace) -> int:
    from fest_desktop.festivals import list_phases
    from fest_desktop.schedule import find_clashes, list_events

    db = _open(args)
    festival = _current(db)
    events = list_events(db, festival.id)
    if args.json:
        rows = [
            {
                "id": e.id,
                "title": e.title,
                "kind": e.kind_label,
                "start": e.start_date.isoformat(),
                "end": e.end_date.isoformat(),
                "time": None if e.all_day else e.time_text,
                "place": e.place,
                "responsible": e.responsible,
                "audience": e.audience_text,
                "from_competition": e.is_derived,
            }
            for e in events
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for event in events:
        print(f"{event.date_text:<14}{event.time_text:<13}{event.title}　{event.place}".rstrip())
    for clash in find_clashes(events, festival, list_phases(db, festival.id)):
        print(("已确认保留：" if clash.accepted else "冲突：") + clash.message)
    return EXIT_OK


def cmd_calendar_export(args: argparse.Namespace) -> int:
    from fest_desktop.schedule import export_schedule

    db = _open(args)
    count = export_schedule(db, _current(db).id, Path(args.file))
    print(f"已导出 {count} 项活动到「{args.file}」。")
    return EXIT_OK


# ---------------------------------------------------------------- backups


def cmd_backup(args: argparse.Namespace) -> int:
    from fest_desktop import backups

    db = _open(args)
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
    from fest_desktop import backups

    source = Path(args.file)
    checked = backups.check_backup_file(source)
    print(
        f"备份中有：{'、'.join(checked.festivals) or '（没有科技节）'}，{checked.entry_count} 件作品，{checked.score_count} 个分数。"
    )
    try:
        db = _open(args)
    except DatabaseDamagedError as exc:
        aside = backups.replace_damaged_file(Path(exc.path), source)
        print(f"已用「{source}」替换损坏的数据文件；损坏的文件改名保存为「{aside}」。")
        return EXIT_OK
    before = backups.restore_backup(db, source)
    print(f"已从「{source}」恢复。")
    print(f"恢复前的数据已备份到「{before.path}」。")
    return EXIT_OK


# ---------------------------------------------------------------- demo


def cmd_demo(args: argparse.Namespace) -> int:
    from fest_desktop.demo import create_demo_festival

    festival = create_demo_festival(_open(args))
    print(f"已创建演示科技节「{festival.title}」（编号 {festival.id}），并设为当前科技节。")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    common = ChineseArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", help="科技节数据文件（默认在用户数据文件夹中），或服务器地址 postgresql://…"
    )

    parser = ChineseArgumentParser(
        prog="main.py",
        description="科技节 desktop 命令行。不带子命令运行 main.py 会打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"科技节 desktop {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="子命令")

    festival = commands.add_parser("festival", help="科技节：创建、列出、切换")
    festival_commands = festival.add_subparsers(dest="action", required=True, metavar="操作")
    create = festival_commands.add_parser("create", parents=[common], help="创建科技节并设为当前")
    create.add_argument("name", help="名称，例如 第十届校园科技节")
    create.add_argument("--school", required=True, help="学校名称")
    create.add_argument("--start", required=True, type=_date, help="开始日期 YYYY-MM-DD")
    create.add_argument("--end", required=True, type=_date, help="结束日期 YYYY-MM-DD")
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

    competitions = commands.add_parser("competitions", help="比赛项目：预设、添加、列出")
    competition_commands = competitions.add_subparsers(dest="action", required=True, metavar="操作")
    presets = competition_commands.add_parser("presets", help="列出预设的比赛项目")
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
    entry_export = entry_commands.add_parser("export", parents=[common], help="导出分类造册 .xlsx")
    entry_export.add_argument("file", help=".xlsx 文件")
    entry_export.set_defaults(handler=cmd_entries_export)

    labels = commands.add_parser("labels", parents=[common], help="生成作品标签 PDF（每页 8 张）")
    labels.add_argument("file", help=".pdf 文件")
    labels.add_argument("--competition", metavar="比赛项目", help="只打印这个比赛项目的标签")
    labels.add_argument("--class", dest="class_name", metavar="班级", help="只打印这个班的标签")
    labels.set_defaults(handler=cmd_labels)

    calendar = commands.add_parser("calendar", help="活动日历：添加、列出、导出日程")
    calendar_commands = calendar.add_subparsers(dest="action", required=True, metavar="操作")
    calendar_add = calendar_commands.add_parser("add", parents=[common], help="添加一项活动")
    calendar_add.add_argument("title", metavar="活动内容")
    calendar_add.add_argument("--date", type=_date, required=True, help="日期 YYYY-MM-DD")
    calendar_add.add_argument("--end", type=_date, help="多日活动的最后一天")
    calendar_add.add_argument("--time", type=_time_range, help="时间 09:00-10:30（不写为全天）")
    calendar_add.add_argument(
        "--kind",
        default="其他",
        help="类别：宣传、讲座、影片、读书、参观、比赛、展览、评审、班会、典礼、其他",
    )
    calendar_add.add_argument("--place", default="", help="地点")
    calendar_add.add_argument("--responsible", default="", help="负责人或负责部门")
    calendar_add.set_defaults(handler=cmd_calendar_add)
    calendar_list = calendar_commands.add_parser("list", parents=[common], help="列出日程和冲突")
    calendar_list.add_argument("--json", action="store_true", help="以 JSON 输出")
    calendar_list.set_defaults(handler=cmd_calendar_list)
    calendar_export = calendar_commands.add_parser(
        "export", parents=[common], help="导出日程：.pdf 活动安排表、.xlsx 或 .ics"
    )
    calendar_export.add_argument("file", help=".pdf、.xlsx 或 .ics 文件")
    calendar_export.set_defaults(handler=cmd_calendar_export)

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
    score_import.set_defaults(handler=cmd_scores_import)

    results = commands.add_parser("results", parents=[common], help="成绩与排名")
    results.add_argument("--competition", metavar="比赛项目", help="只看这个比赛项目")
    results.add_argument("--json", action="store_true", help="以 JSON 输出")
    results.add_argument("--provisional", action="store_true", help="未评完的作品也按现有分数排名")
    results.set_defaults(handler=cmd_results)

    awards_parser = commands.add_parser("awards", help="奖项：评奖、调整、定稿、公示名单、核对表")
    award_commands = awards_parser.add_subparsers(dest="action", required=True, metavar="操作")
    assign = award_commands.add_parser("assign", parents=[common], help="按评奖规则评奖（已定稿的名单不动）")
    assign.add_argument("--competition", metavar="比赛项目", help="只评这个比赛项目")
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

    certificates = commands.add_parser("certificates", parents=[common], help="把已定稿名单的证书生成 PDF")
    certificates.add_argument("file", metavar="FILE.pdf")
    certificates.add_argument("--competition", metavar="名单", help="只要这份名单")
    certificates.add_argument("--level", metavar="奖项", help="只要这个奖项，如 一等奖")
    certificates.add_argument("--overprint", action="store_true", help="套打：不打印底图")
    certificates.add_argument(
        "--start-slot", type=int, default=1, metavar="N", help="从每张纸的第 N 个位置开始"
    )
    certificates.add_argument("--reprint", metavar="证书编号", help="重印一张证书（编号不变）")
    certificates.set_defaults(handler=cmd_certificates)

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
    restore.set_defaults(handler=cmd_restore)

    demo = commands.add_parser("demo", parents=[common], help="创建演示科技节")
    demo.set_defaults(handler=cmd_demo)
    return parser


def run_cli(argv: Sequence[str]) -> int:
    """Run one CLI command; expected failures print a Chinese message on stderr and return 2."""
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except DatabaseDamagedError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        _print_restore_hint(Path(exc.path))
        return EXIT_BAD_INPUT
    except FestError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _print_restore_hint(path: Path) -> None:
    from fest_desktop.backups import latest_good_backup

    good = latest_good_backup(path)
    if good is None:
        print("没有找到可用的自动备份。若有手动备份的文件，可用 restore 恢复。", file=sys.stderr)
    else:
        print(f"最近一次正常的备份：{good.made_at:%Y-%m-%d %H:%M}（{good.reason}）", file=sys.stderr)
        print(f'恢复：python main.py restore "{good.path}" --db "{path}"', file=sys.stderr)
