"""The command line's entry: the parser with every group's subcommands, and running one command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from fest_desktop import __version__
from fest_desktop.cli import (
    awards,
    backups,
    calendar,
    certificates,
    festival,
    phones,
    practice,
    registration,
    roster,
    scoring,
    summary,
)
from fest_desktop.cli.backups import print_restore_hint
from fest_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    ChineseArgumentParser,
    command_name,
    expand_wildcards,
    set_output_encoding,
)
from fest_desktop.errors import DatabaseDamagedError, FestError


def build_parser() -> argparse.ArgumentParser:
    common = ChineseArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", help="科技节数据文件（默认在用户数据文件夹中），或服务器地址 postgresql://…"
    )

    parser = ChineseArgumentParser(
        prog=command_name(),
        description=f"科技节 desktop 命令行。不带子命令运行 {command_name()} 会打开窗口。",
    )
    parser.add_argument(
        "--version", action="version", version=f"科技节 desktop {__version__}", help="显示版本号并退出"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="子命令")
    for group in (
        festival,
        roster,
        registration,
        practice,
        calendar,
        scoring,
        phones,
        awards,
        certificates,
        summary,
        backups,
    ):
        group.add_commands(commands, common)

    return parser


def run_cli(argv: Sequence[str]) -> int:
    """Run one CLI command; expected failures print a Chinese message on stderr and return 2."""
    args = build_parser().parse_args(expand_wildcards(argv))
    set_output_encoding(bool(getattr(args, "json", False)))
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        code = handler(args)
        sys.stdout.flush()  # inside the try: a reader gone shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        # The reader went away (… | head): nothing more to say, and nothing to say it to.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except DatabaseDamagedError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        print_restore_hint(Path(exc.path))
        return EXIT_BAD_INPUT
    except FestError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
