"""What every command shares: the Chinese argument parser, opening the database, the current festival,
exit codes and the report of an import."""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import io
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeAlias, TypeVar, cast

from fest_desktop.awards.kinds import ListKey
from fest_desktop.changes import Done
from fest_desktop.errors import FestError
from fest_desktop.school.festivals import FestivalInfo, current_festival
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.importing import PreviewLine, RefusedPlan
from fest_desktop.storage.kinds import RowOutcome
from fest_desktop.storage.paths import preferences_path
from fest_desktop.storage.preferences import database_target, load_preferences

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


def command_name() -> str:
    """How the user runs this command line: the built program by its own name (fest-desktop-cli),
    from source `python main.py`; messages that say what to type use it."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).stem
    return "python main.py"


def expand_wildcards(argv: Sequence[str], platform: str = sys.platform) -> list[str]:
    """The arguments with *.xlsx expanded as a Unix shell would: cmd.exe and PowerShell pass the pattern
    itself. Excel's lock files (~$…) are left out; a pattern matching nothing stays as typed, to be
    reported as a missing file."""
    if platform != "win32":
        return list(argv)
    expanded: list[str] = []
    for arg in argv:
        if arg.startswith("-") or not any(mark in arg for mark in "*?["):
            expanded.append(arg)
            continue
        found = sorted(name for name in glob.glob(arg) if not Path(name).name.startswith("~$"))
        expanded.extend(found or [arg])
    return expanded


def set_output_encoding(json_wanted: bool) -> None:
    """Output that never fails on a name: JSON is written as UTF-8 (what programs reading it expect),
    other text in the console's encoding with what it cannot show replaced, so a name outside GBK piped
    to a file on a Chinese Windows does not stop the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            if json_wanted and stream is sys.stdout:
                stream.reconfigure(encoding="utf-8", errors="strict")
            else:
                stream.reconfigure(errors="replace")


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own words in Chinese: usage, the sections of the help, -h and errors."""

    def __init__(
        self,
        *,
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(**{**kwargs, "add_help": False})
        # Renamed before the parents' options come in, so that theirs join these sections.
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示这段帮助并退出")
        for parent in parents:
            self._add_container_actions(parent)
            defaults = getattr(parent, "_defaults", {})
            self._defaults.update(defaults)

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"错误：{message}\n")


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期「{text}」格式不对，应为 YYYY-MM-DD，例如 2026-04-11"
        ) from None


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """The festival database the command names (--db, else the one chosen on this PC). Only the commands
    that make a festival create a file that is not there; the others say there is none."""
    preferences = load_preferences(preferences_path())
    return open_database(database_target(args.db, preferences), preferences.keep_backups, create=create)


def require_festival(db: Database) -> FestivalInfo:
    festival = current_festival(db)
    if festival is None:
        raise UsageError("数据库里还没有科技节。请先运行 festival create 或 demo。")
    return festival


PlanT = TypeVar("PlanT")


def import_plan(dry_run: bool, plan: Callable[[], PlanT], commit: Callable[[], Done[PlanT]]) -> PlanT:
    """What an import does: only planned (--dry-run), or committed; a commit refused for its problems
    gives the plan whose lines say where and why."""
    if dry_run:
        return plan()
    try:
        return commit().value
    except RefusedPlan as refused:
        return cast(PlanT, refused.plan)


def report_import(lines: Sequence[PreviewLine], refusal: str, dry_run: bool, summary: str) -> int:
    """Every row by what the import does (or, with --dry-run, would do) with it, and the summary; with
    refused rows, those and the refusal on stderr (exit 2) — a dry run still lists the other rows, as the
    window's preview does, a refused import does not (it wrote nothing)."""
    refused = [line for line in lines if line.outcome == RowOutcome.REFUSED]
    if dry_run or not refused:
        for outcome in (RowOutcome.NEW, RowOutcome.CHANGED, RowOutcome.UNCHANGED, RowOutcome.KEPT):
            shown = [line for line in lines if line.outcome == outcome]
            if shown:
                print(f"{outcome.label}（{len(shown)}）：")
                for line in shown:
                    print(f"  {line}")
    if refused:
        for line in refused:
            print(line, file=sys.stderr)
        print(refusal, file=sys.stderr)
        return EXIT_BAD_INPUT
    verb = "检查通过（试运行，未写入）" if dry_run else "导入完成"
    print(f"{verb}：{summary}")
    return EXIT_OK


def award_list_keys(db: Database, festival_id: int, name: str | None) -> list[ListKey] | None:
    from fest_desktop.awards.lists import find_award_list

    return None if name is None else [find_award_list(db, festival_id, name).key]


# argparse's type for the object add_subparsers returns (it has no public name).
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
