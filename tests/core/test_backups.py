"""Backups: consistent copies while the file is in use, rotation, a backup before every destructive
operation, checked restores, and a damaged file found at open and replaced by its latest good backup."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from fest_desktop.errors import DatabaseDamagedError, FestError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.competitions import delete_competition, list_competitions
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo, delete_festival, list_festivals
from fest_desktop.storage import backups
from fest_desktop.storage.database import Database, make_engine, open_database, upgrade
from tests.conftest import write_workbook
from tests.core.importing import roster_imported


def _festival(db: Database, name: str = "第十届校园科技节") -> FestivalInfo:
    return create_festival(db, name, "启明实验学校", dt.date(2026, 4, 11), dt.date(2026, 5, 11)).value


def _festival_names(path: Path) -> list[str]:
    return backups.check_backup_file(path).festivals


@pytest.fixture
def file_db(tmp_path: Path) -> Database:
    """A festival file: backups are of files, whatever server the other core tests run against."""
    database = open_database(tmp_path / "festival.db", keep_backups=3)
    yield database  # type: ignore[misc]
    database.close()


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk or a yanked USB stick does."""
    with path.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(os.urandom(4096 * 8))


def test_a_backup_is_consistent_while_another_window_is_writing(file_db: Database, tmp_path: Path) -> None:
    _festival(file_db)
    other = sqlite3.connect(file_db.location)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE festival SET name = '写到一半'")
    target = backups.backup_to(file_db, tmp_path / "usb" / "copy.db")
    other.rollback()
    other.close()
    assert _festival_names(target) == ["第十届校园科技节"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.db"]  # no -wal, no .part


def test_backups_are_named_listed_newest_first_and_rotated(file_db: Database) -> None:
    _festival(file_db)
    made = [
        backups.make_backup(file_db, reason) for reason in ("手动", "导入花名册前", "删除比赛前", "恢复前")
    ]
    listed = backups.list_backups(Path(file_db.location))
    assert [b.reason for b in listed] == ["恢复前", "删除比赛前", "导入花名册前"]  # keep_backups=3
    assert made[0] is not None and not made[0].path.exists()
    assert all(b.path.parent.name == backups.BACKUP_FOLDER and b.size > 0 for b in listed)
    assert backups.rotate_backups(Path(file_db.location), 1) == [b.path for b in listed[1:]]


def test_a_backup_at_open_only_when_the_data_changed(file_db: Database) -> None:
    _festival(file_db)
    first = backups.backup_on_open(file_db)
    assert first is not None and first.reason == backups.ON_OPEN
    file_db.engine.dispose()  # closed and opened again: the journal folded into the file
    assert backups.backup_on_open(file_db) is None
    assert backups.list_backups(Path(file_db.location)) == [first]
    _festival(file_db, "第十一届校园科技节")
    assert backups.backup_on_open(file_db) is not None


def test_deleting_a_competition_or_a_festival_backs_up_first(file_db: Database) -> None:
    festival = _festival(file_db)
    board = add_preset(file_db, festival.id, "科普板报比赛").value
    delete_competition(file_db, board.id)
    _festival(file_db, "第十一届校园科技节")
    delete_festival(file_db, festival.id)
    listed = backups.list_backups(Path(file_db.location))
    assert [b.reason for b in listed] == ["删除科技节前", "删除比赛前"]
    with contextlib.closing(sqlite3.connect(listed[1].path)) as before_delete, before_delete:
        assert before_delete.execute("SELECT name FROM competition").fetchall() == [("科普板报比赛",)]
    assert _festival_names(listed[0].path) == ["第十届校园科技节", "第十一届校园科技节"]
    assert [f.name for f in list_festivals(file_db)] == ["第十一届校园科技节"]


def test_an_operation_whose_backup_cannot_be_made_is_not_done(file_db: Database) -> None:
    festival = _festival(file_db)
    board = add_preset(file_db, festival.id, "科普板报比赛").value
    # A file where the backups folder should be: the backup fails as on a full or read-only disk.
    backups.backups_folder(Path(file_db.location)).write_text("", encoding="utf-8")
    with pytest.raises(FestError, match="「删除比赛」前的自动备份没有成功，为安全起见没有删除比赛"):
        delete_competition(file_db, board.id)
    assert [c.name for c in list_competitions(file_db, festival.id)] == ["科普板报比赛"]


def test_an_import_backs_up_first_and_a_refused_one_does_not(file_db: Database, tmp_path: Path) -> None:

    festival = _festival(file_db)
    good = write_workbook(
        tmp_path / "花名册.xlsx", {"学生": [["年级", "班级", "姓名"], ["三年级", "2", "刘欣怡"]]}
    )
    bad = write_workbook(tmp_path / "坏.xlsx", {"学生": [["年级", "班级", "姓名"], ["三年级", "", "王"]]})
    assert not roster_imported(file_db, festival.id, bad).ok
    assert backups.list_backups(Path(file_db.location)) == []
    roster_imported(file_db, festival.id, good)
    assert [b.reason for b in backups.list_backups(Path(file_db.location))] == ["导入花名册前"]


def test_a_server_database_is_left_to_its_administrator(db: Database) -> None:
    if db.engine.dialect.name == "sqlite":
        assert backups.make_backup(db, backups.MANUAL) is not None
    else:
        assert backups.make_backup(db, backups.MANUAL) is None
        with pytest.raises(FestError, match="pg_dump"):
            backups.backup_to(db, Path("copy.db"))


def test_restore_refuses_what_is_not_a_sound_festival_file(file_db: Database, tmp_path: Path) -> None:
    _festival(file_db)
    text_file = tmp_path / "名单.db"
    text_file.write_text("不是数据库", encoding="utf-8")
    other_program = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other_program)) as connection, connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    newer = backups.backup_to(file_db, tmp_path / "newer.db")
    with contextlib.closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    damaged = backups.backup_to(file_db, tmp_path / "damaged.db")
    _damage(damaged)
    for path, reason in (
        (text_file, "不是数据库格式"),
        (other_program, "缺少科技节的数据表"),
        (newer, "更新版本"),
        (damaged, "损坏|无法读取"),
        (tmp_path / "没有.db", "无法读取"),
    ):
        with pytest.raises(FestError, match=reason):
            backups.restore_backup(file_db, path)
    assert backups.list_backups(Path(file_db.location)) == []  # refused before anything was done
    assert [f.name for f in list_festivals(file_db)] == ["第十届校园科技节"]


def test_restore_puts_the_backup_back_and_keeps_what_was_there(file_db: Database, tmp_path: Path) -> None:
    _festival(file_db)
    saved = backups.backup_to(file_db, tmp_path / "before.db")
    _festival(file_db, "误建的科技节")
    second_window = open_database(file_db.location)
    try:
        before = backups.restore_backup(file_db, saved).value
        assert [f.name for f in list_festivals(file_db)] == ["第十届校园科技节"]
        assert [f.name for f in list_festivals(second_window)] == ["第十届校园科技节"]
    finally:
        second_window.close()
    assert before is not None and before.reason == "恢复前"
    assert _festival_names(before.path) == ["第十届校园科技节", "误建的科技节"]
    assert saved.exists()


def test_the_oldest_backup_kept_can_be_restored(file_db: Database) -> None:
    _festival(file_db)
    oldest = backups.make_backup(file_db, backups.MANUAL)
    for _ in range(2):
        backups.make_backup(file_db, backups.MANUAL)
    _festival(file_db, "误建的科技节")
    assert oldest is not None and len(backups.list_backups(Path(file_db.location))) == 3  # keep_backups=3
    backups.restore_backup(file_db, oldest.path)
    assert [f.name for f in list_festivals(file_db)] == ["第十届校园科技节"]
    assert backups.list_backups(Path(file_db.location))[0].reason == backups.BEFORE_RESTORE
    assert len(backups.list_backups(Path(file_db.location))) == 3


def test_an_older_backup_is_migrated_after_restore(file_db: Database, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    engine = make_engine(old)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO festival (name, edition, theme, school_name, start_date, end_date) "
                "VALUES ('第九届校园科技节', 9, '', '启明实验学校', '2025-04-12', '2025-05-12')"
            )
        )
    engine.dispose()
    backups.restore_backup(file_db, old)
    assert [f.name for f in list_festivals(file_db)] == ["第九届校园科技节"]
    _festival(file_db)  # the schema is this version's again


def test_a_damaged_file_is_found_at_open_and_replaced_by_the_latest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "festival.db"
    db = open_database(path)
    for number in range(40):  # enough pages for damage in the middle to hit the data
        _festival(db, f"第{number}届科技节")
    good = backups.make_backup(db, backups.MANUAL)
    newest = backups.make_backup(db, "删除比赛前")
    db.close()
    assert good is not None and newest is not None
    _damage(newest.path)
    _damage(path)
    with pytest.raises(DatabaseDamagedError, match="已损坏") as raised:
        open_database(path)
    assert raised.value.path == str(path)
    latest = backups.latest_good_backup(path)
    assert latest is not None and latest.path == good.path
    path.with_name("festival.db-wal").write_bytes(b"stale journal")
    aside = backups.replace_damaged_file(path, latest.path)
    assert aside.exists() and aside.with_name(aside.name + "-wal").read_bytes() == b"stale journal"
    reopened = open_database(path)
    try:
        assert len(list_festivals(reopened)) == 40
    finally:
        reopened.close()
