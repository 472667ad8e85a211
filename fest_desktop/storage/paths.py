"""Where the festival file, backups, preferences and the log live: the user's data folder, or, in
portable mode (a marker file beside the program, e.g. on a USB stick), a folder beside the program."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "fest-desktop"


DATABASE_NAME = "festival.db"


PORTABLE_MARKER = "portable.txt"


PORTABLE_DATA_FOLDER = "科技节数据"


def program_dir() -> Path:
    """The folder of the program: the executable's when built, the checkout's when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]  # fest_desktop/storage/paths.py → the checkout


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """The folder that holds the default festival file, its backups, the preferences and the log."""
    if is_portable():
        return program_dir() / PORTABLE_DATA_FOLDER
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def log_path() -> Path:
    return data_dir() / "fest-desktop.log"


def preferences_path() -> Path:
    return data_dir() / "preferences.json"
