"""Where the festival file, preferences and log live: the user's data folder by default."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "fest-desktop"
DATABASE_NAME = "festival.db"


def data_dir() -> Path:
    """The folder that holds the default festival file, preferences and the log."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def log_path() -> Path:
    return data_dir() / "fest-desktop.log"


def preferences_path() -> Path:
    return data_dir() / "preferences.json"
