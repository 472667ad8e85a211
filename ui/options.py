"""What the window is asked to do: command-line options and stored preferences, read without Qt."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fest_desktop.storage.paths import is_portable, preferences_path
from fest_desktop.storage.preferences import LANGUAGES, Preferences, database_target, load_preferences


@dataclass(frozen=True)
class WindowOptions:
    database: str | Path
    screenshots: Path | None
    quit_when_loaded: bool
    language: str
    preferences: Preferences
    preferences_file: Path
    # The first start on this PC with the default data folder: where the data goes is said and may be
    # changed (a restore card wipes drive C: at every reboot).
    first_start: bool = False
    # An inspection day run by the window itself for this many minutes (ui/soak.py), its report here.
    soak_minutes: float | None = None
    soak_report: Path | None = None
    # The window's size in screenshots: a 1366×768 laptop's screen less its taskbar, unless asked.
    screenshot_size: tuple[int, int] = (1366, 728)


def window_size(text: str) -> tuple[int, int]:
    """A size typed as WIDTHxHEIGHT (1024x700)."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    try:
        size = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"尺寸应写成 宽x高，如 1024x700：{text}") from None
    if not (640 <= size[0] <= 7680 and 480 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(f"尺寸应在 640x480 到 7680x4320 之间：{text}")
    return size


def read_window_options(argv: Sequence[str]) -> WindowOptions:
    """The window's options: --db, --screenshot (and its size) and --lang over the preferences stored on
    this PC."""
    parser = argparse.ArgumentParser(prog="main.py", description="科技节 desktop")
    parser.add_argument("--db", metavar="PATH", help="科技节数据文件，或服务器地址 postgresql://…")
    parser.add_argument("--screenshot", metavar="DIR", help="把每个标签页截图保存到 DIR 后退出")
    parser.add_argument(
        "--screenshot-size",
        metavar="WxH",
        type=window_size,
        default=(1366, 728),
        help="截图时窗口的大小（默认 1366x728）",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="界面语言（默认取设置中的语言）")
    parser.add_argument(
        "--quit-when-loaded",
        action="store_true",
        help="打开窗口和数据文件后立即退出（检查安装、测量启动时间）",
    )
    parser.add_argument(
        "--soak", metavar="MINUTES", type=float, help="自检：模拟一个板报检查日若干分钟后退出"
    )
    parser.add_argument("--soak-report", metavar="FILE", help="自检的结果（JSON）写到 FILE")
    args = parser.parse_args(list(argv))
    if args.soak is not None and not args.soak_report:
        parser.error("--soak 需要 --soak-report FILE")
    preferences_file = preferences_path()
    preferences = load_preferences(preferences_file)
    automated = bool(args.screenshot) or args.quit_when_loaded or args.soak is not None
    first_start = not (args.db or automated or is_portable() or preferences_file.exists())
    return WindowOptions(
        database=database_target(args.db, preferences),
        screenshots=Path(args.screenshot) if args.screenshot else None,
        quit_when_loaded=args.quit_when_loaded,
        language=args.lang or preferences.language,
        preferences=preferences,
        preferences_file=preferences_file,
        first_start=first_start,
        soak_minutes=args.soak,
        soak_report=Path(args.soak_report) if args.soak_report else None,
        screenshot_size=args.screenshot_size,
    )
