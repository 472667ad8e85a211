"""Starts 科技节 desktop: with no subcommand the window, with a subcommand the command-line interface."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from fest_desktop.cli import SUBCOMMANDS

    if any(arg in SUBCOMMANDS for arg in argv) or argv[:1] in (["-h"], ["--help"], ["--version"]):
        from fest_desktop.cli import run_cli

        return run_cli(argv)
    from ui.app import run_window

    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
