"""Starts 科技节 desktop: with no subcommand the window, with a subcommand the command-line interface."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType


def report_bug(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """The one place a bug in the window lands: appended to the log, then told to the teacher."""
    import datetime as dt

    from fest_desktop.storage.paths import log_path

    log = log_path()
    details = "".join(traceback.format_exception(kind, error, trace))
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S}\n{details}\n")
    except OSError:
        if sys.stderr is not None:  # None in the windowed build: the message box below still tells
            sys.stderr.write(details)
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            QApplication.translate("main", "程序出错了"),
            QApplication.translate(
                "main",
                "程序遇到了一个意外错误：{0}\n\n已保存的数据不会丢失（每次修改都已即时保存）。"
                "错误详情已写入日志文件：\n{1}\n\n请把这个文件发给技术支持。",
            ).format(error, log),
        )


def opened_file(argv: list[str]) -> str | None:
    """The festival file when the program is started with one (dragged onto its icon, 打开方式), else None."""
    if len(argv) == 1 and not argv[0].startswith("-"):
        path = Path(argv[0])
        if path.suffix.lower() == ".db" or path.is_file():
            return argv[0]
    return None


def wants_cli(argv: list[str]) -> bool:
    """A subcommand comes first (python main.py roster import …); the window takes only options."""
    return bool(argv) and (not argv[0].startswith("-") or argv[0] in ("-h", "--help", "--version"))


def main(argv: list[str]) -> int:
    dropped = opened_file(argv)
    if dropped is not None:
        argv = ["--db", dropped]
    if wants_cli(argv):
        from fest_desktop.cli.main import run_cli

        return run_cli(argv)
    sys.excepthook = report_bug
    # Options and preferences are read before Qt is imported: PySide6 inspects every module imported
    # after it, and the window should appear as soon as it can.
    from ui.options import read_window_options

    options = read_window_options(argv)
    from fest_desktop.storage.crashes import watch_for_crashes
    from fest_desktop.storage.paths import data_dir

    watch = watch_for_crashes(data_dir())
    from ui.app import run_window

    try:
        return run_window(options, watch.previous)
    finally:
        watch.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
