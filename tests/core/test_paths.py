"""Where the data lives: the user's data folder, or beside the program when it runs portable; and
the per-PC preferences that choose the backups kept and the database to open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fest_desktop.storage import paths
from fest_desktop.storage.preferences import (
    DEFAULT_KEEP_BACKUPS,
    Preferences,
    database_target,
    load_preferences,
)


def test_from_source_the_program_is_the_checkout_with_main_py() -> None:
    assert (paths.program_dir() / "main.py").is_file()


def test_without_the_marker_data_goes_to_the_users_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_data_folder: Path
) -> None:
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path / "程序")
    assert not paths.is_portable()
    assert paths.default_database_path().is_relative_to(private_data_folder)


def test_a_marker_beside_the_program_keeps_everything_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "U盘" / "科技节"
    stick.mkdir(parents=True)
    (stick / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "program_dir", lambda: stick)
    folder = stick / paths.PORTABLE_DATA_FOLDER
    assert paths.is_portable()
    assert (paths.default_database_path(), paths.preferences_path(), paths.log_path()) == (
        folder / "festival.db",
        folder / "preferences.json",
        folder / "fest-desktop.log",
    )


def test_preferences_keep_what_is_valid_and_default_the_rest(tmp_path: Path) -> None:
    stored = tmp_path / "preferences.json"
    stored.write_text(
        json.dumps({"language": "en", "keep_backups": 5, "database": " postgresql://keji@10.0.0.2/kejijie "}),
        encoding="utf-8",
    )
    assert load_preferences(stored) == Preferences("en", 5, "postgresql://keji@10.0.0.2/kejijie")
    stored.write_text(json.dumps({"keep_backups": 0, "database": 3}), encoding="utf-8")
    assert load_preferences(stored) == Preferences("zh_CN", DEFAULT_KEEP_BACKUPS, "")


def test_the_database_opened_is_the_option_then_the_setting_then_the_default() -> None:
    server = Preferences(database="postgresql://keji@10.0.0.2/kejijie")
    assert database_target("其他.db", server) == "其他.db"
    assert database_target(None, server) == "postgresql://keji@10.0.0.2/kejijie"
    assert database_target(None, Preferences()) == paths.default_database_path()


@pytest.mark.parametrize(
    ("path", "drive_type", "said"),
    [
        (r"\\教务处-PC\共享\festival.db", 3, "网络路径"),
        (r"Z:\科技节\festival.db", 4, "网络驱动器 Z:"),
        (r"D:\科技节\festival.db", 3, ""),
    ],
)
def test_a_windows_network_path_or_drive_is_told_apart(path: str, drive_type: int, said: str) -> None:
    asked: list[str] = []

    def probe(root: str) -> int:
        asked.append(root)
        return drive_type

    assert paths.network_location(Path(path), platform="win32", drive_type=probe) == said
    assert asked in ([], [path[:2] + "\\"])


def test_a_network_mount_is_told_apart_from_a_local_disk(tmp_path: Path) -> None:
    share = tmp_path / "share"
    mounts = [("/", "ext4"), (str(share), "cifs"), (str(share / "local"), "ext4")]
    assert paths.network_location(share / "festival.db", platform="linux", mounts=lambda: mounts) == (
        "网络文件夹（cifs）"
    )
    assert paths.network_location(share / "local" / "x.db", platform="linux", mounts=lambda: mounts) == ""
    assert paths.network_location(tmp_path / "x.db", platform="linux", mounts=lambda: mounts) == ""


def test_a_festival_file_on_a_network_share_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fest_desktop.errors import DatabaseOpenError
    from fest_desktop.storage import database

    monkeypatch.setattr(database, "network_location", lambda _path: "网络驱动器 Z:")
    with pytest.raises(DatabaseOpenError, match=r"网络驱动器 Z:上.*PostgreSQL"):
        database.open_database(tmp_path / "festival.db")
    assert not (tmp_path / "festival.db").exists()
