"""Backups of a festival file: consistent copies made with SQLite's online backup while the app runs,
kept in a folder beside the file and rotated, and restores that check a file before trusting it."""

from __future__ import annotations

import contextlib
import datetime as dt
import filecmp
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import select

from fest_desktop.changes import EVERYTHING, Done
from fest_desktop.errors import FestError
from fest_desktop.files.saving import atomic_target, retrying
from fest_desktop.storage.database import SQLITE_HEADER, Database, known_revisions, upgrade
from fest_desktop.storage.model import Festival

BACKUP_FOLDER = "备份"


STAMP_FORMAT = "%Y%m%d-%H%M%S"


# Why a backup was made, as its file name says it: festival_20261122-083000_打开时.db
ON_OPEN = "打开时"


MANUAL = "手动"


BEFORE_RESTORE = "恢复前"


_NAME = re.compile(r"^(?P<stem>.+)_(?P<stamp>\d{8}-\d{6})(?:-(?P<number>\d+))?_(?P<reason>[^_]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    reason: str
    size: int


@dataclass(frozen=True)
class BackupCheck:
    """What a checked file holds, for the teacher to confirm before a restore."""

    path: Path
    revision: str
    festivals: list[str]
    entry_count: int
    score_count: int


def database_file(db: Database) -> Path:
    """The festival file behind db; servers are backed up by their administrator, not by the app."""
    if not db.is_file:
        raise FestError("这是服务器上的数据库，请由学校的信息技术老师在服务器上备份（pg_dump）。")
    return Path(db.location)


def backups_folder(database_path: Path) -> Path:
    return database_path.parent / BACKUP_FOLDER


def list_backups(database_path: Path) -> list[BackupInfo]:
    """The automatic backups of this festival file, newest first."""
    folder = backups_folder(database_path)
    found = []
    for path in folder.glob(f"{database_path.stem}_*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database_path.stem:
            continue
        made_at = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
        found.append(
            (int(match["number"] or 1), BackupInfo(path, made_at, match["reason"], path.stat().st_size))
        )
    # Several in one second are numbered -2, -3 … in the order they were made.
    found.sort(key=lambda numbered: (numbered[1].made_at, numbered[0]), reverse=True)
    return [backup for _, backup in found]


def backup_to(db: Database, target: Path) -> Path:
    """A consistent copy of the festival file at target, made while other windows may be writing.

    Written beside target first and renamed, so target is never a half-written file."""
    target = target.expanduser().resolve()
    if target == database_file(db).resolve():
        raise FestError("备份文件不能是正在使用的科技节文件本身，请另选一个文件名。")
    try:
        with (
            atomic_target(target) as unfinished,
            _raw_connection(db) as source,
            contextlib.closing(sqlite3.connect(unfinished)) as copy,
        ):
            source.backup(copy)
            # A backup is a single file to carry around: no -wal beside it.
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        raise FestError(f"备份失败：{_sqlite_reason(exc)}") from exc
    return target


def make_backup(db: Database, reason: str) -> BackupInfo | None:
    """An automatic backup into the backups folder, then only the newest db.keep_backups kept.

    None for a server database, whose backups are its administrator's business."""
    if not db.is_file:
        return None
    made = _backup_into_folder(db, reason)
    rotate_backups(database_file(db), db.keep_backups)
    return made


def _backup_into_folder(db: Database, reason: str) -> BackupInfo:
    path = database_file(db)
    now = dt.datetime.now().replace(microsecond=0)
    stamp = now.strftime(STAMP_FORMAT)
    folder = backups_folder(path)
    same_second = (
        [_NAME.match(p.name) for p in folder.glob(f"{path.stem}_{stamp}*")] if folder.is_dir() else []
    )
    number = max((int(m["number"] or 1) for m in same_second if m is not None), default=0) + 1
    suffix = f"-{number}" if number > 1 else ""
    target = folder / f"{path.stem}_{stamp}{suffix}_{reason}.db"
    backup_to(db, target)
    return BackupInfo(target, now, reason, target.stat().st_size)


def backup_before(db: Database, operation: str) -> BackupInfo | None:
    """The backup taken before an import or a delete; when it cannot be made, the operation is not done."""
    try:
        return make_backup(db, f"{operation}前")
    except FestError as exc:
        raise FestError(
            f"「{operation}」前的自动备份没有成功，为安全起见没有{operation}。{exc.message}"
        ) from exc


def backup_on_open(db: Database) -> BackupInfo | None:
    """The backup taken when the window opens a file, unless the data is what the last backup holds.

    Backups of the same data are the same bytes, so opening an unchanged file ten times does not push
    ten useful backups out of the rotation."""
    if not db.is_file:
        return None
    path = database_file(db)
    existing = list_backups(path)
    made = _backup_into_folder(db, ON_OPEN)
    if existing and filecmp.cmp(existing[0].path, made.path, shallow=False):
        made.path.unlink()
        return None
    rotate_backups(path, db.keep_backups)
    return made


def rotate_backups(database_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of the file; the deleted paths. A backup another
    program holds open (an antivirus scan) is left for the next rotation: never a reason to stop."""
    deleted = []
    for backup in list_backups(database_path)[max(keep, 1) :]:
        try:
            retrying(partial(backup.path.unlink, missing_ok=True), attempts=3)
        except OSError as exc:
            logging.getLogger(__name__).warning("旧备份「%s」暂时无法删除：%s", backup.path, exc)
            continue
        deleted.append(backup.path)
    return deleted


def check_backup_file(path: Path) -> BackupCheck:
    """What a file to restore from holds; FestError when it is not a sound festival file of this version."""
    path = path.expanduser()
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise FestError(f"无法读取「{path.name}」：{exc.strerror}。") from exc
    if header != SQLITE_HEADER:
        raise FestError(f"「{path.name}」不是科技节数据文件（不是数据库格式），不能用来恢复。")
    try:
        with _read_only(path) as connection:
            tables = {
                row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"festival", "alembic_version"} <= tables:
                raise FestError(f"「{path.name}」不是科技节数据文件（缺少科技节的数据表），不能用来恢复。")
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise FestError(f"「{path.name}」已损坏（完整性检查：{verdict}），不能用来恢复。")
            revision = str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
            if revision not in known_revisions():
                raise FestError(
                    f"「{path.name}」来自更新版本的科技节程序（数据版本 {revision}），请先升级程序。"
                )
            festivals = [
                row[0] for row in connection.execute("SELECT name FROM festival ORDER BY start_date")
            ]
            entries = (
                connection.execute("SELECT count(*) FROM entry").fetchone()[0] if "entry" in tables else 0
            )
            scores = (
                connection.execute("SELECT count(*) FROM score").fetchone()[0] if "score" in tables else 0
            )
    except sqlite3.Error as exc:
        raise FestError(f"「{path.name}」无法读取，不能用来恢复：{_sqlite_reason(exc)}") from exc
    return BackupCheck(path, revision, festivals, int(entries), int(scores))


@dataclass(frozen=True)
class RestorePlan:
    """What a restore would replace: the festivals the backup holds against those the file holds now."""

    backup: BackupCheck
    current: list[str]

    @property
    def replaces_other_festivals(self) -> bool:
        """Whether the backup is of other festivals than those here now (a file of another school, or of
        another year): then the teacher must say yes to losing those."""
        return bool(self.current) and sorted(self.current) != sorted(self.backup.festivals)

    def describe(self) -> str:
        now = "、".join(self.current) or "（没有科技节）"
        then = "、".join(self.backup.festivals) or "（没有科技节）"
        return f"现在的数据：{now}。备份中：{then}，{self.backup.entry_count} 件作品，{self.backup.score_count} 个分数。"


def plan_restore(db: Database, source: Path) -> RestorePlan:
    """Check a file to restore from and say what restoring it would replace; changes nothing."""
    checked = check_backup_file(source)
    with db.session() as session:
        current = list(session.scalars(select(Festival.name).order_by(Festival.start_date)))
    return RestorePlan(checked, current)


def restore_backup(db: Database, source: Path) -> Done[BackupInfo]:
    """Replace the festival's data with a checked backup, after backing up what is there now.

    Copied into the open file with SQLite's backup, so other windows on the file see the restored data;
    an older backup is then migrated. Returns the backup of the data as it was before."""
    checked = check_backup_file(source)
    if checked.path.resolve() == database_file(db).resolve():
        raise FestError("不能用正在使用的科技节文件恢复它自己。")
    # Rotated only once restored: the backup being restored may be the oldest one kept.
    before = _backup_into_folder(db, BEFORE_RESTORE)
    try:
        with _read_only(checked.path) as backup, _raw_connection(db) as live:
            backup.backup(live)
    except sqlite3.Error as exc:
        raise FestError(f"恢复失败，数据保持原样：{_sqlite_reason(exc)}") from exc
    finally:
        rotate_backups(database_file(db), db.keep_backups)
    if checked.revision != known_revisions()[-1]:
        upgrade(db.engine)
    return Done(before, EVERYTHING)


def latest_good_backup(database_path: Path) -> BackupInfo | None:
    """The newest backup of the file that passes the check, for a file found damaged at open."""
    for backup in list_backups(database_path):
        try:
            check_backup_file(backup.path)
        except FestError:
            continue
        return backup
    return None


def replace_damaged_file(database_path: Path, backup: Path) -> Path:
    """Put a damaged (closed) festival file aside with its journal files and copy the backup in its
    place; returns where the damaged file now is, so nothing is ever deleted."""
    check_backup_file(backup)
    stamp = dt.datetime.now().strftime(STAMP_FORMAT)
    aside = database_path.with_name(f"{database_path.stem}_已损坏_{stamp}{database_path.suffix}")
    try:
        for suffix in ("", "-wal", "-shm"):
            companion = database_path.with_name(database_path.name + suffix)
            if companion.exists():
                # A stale -wal applied to the restored file would corrupt it again.
                os.replace(companion, aside.with_name(aside.name + suffix))
        with _read_only(backup) as source, contextlib.closing(sqlite3.connect(database_path)) as copy:
            source.backup(copy)
    except (OSError, sqlite3.Error) as exc:
        raise FestError(f"无法用备份替换损坏的文件：{exc}") from exc
    return aside


@contextlib.contextmanager
def _raw_connection(db: Database) -> Iterator[sqlite3.Connection]:
    database_file(db)
    pooled = db.engine.raw_connection()
    try:
        driver = pooled.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        yield driver
    finally:
        pooled.close()


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def size_text(size: int) -> str:
    """A file size as a teacher reads it: 504 KB, 1.4 MB."""
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def _sqlite_reason(exc: sqlite3.Error) -> str:
    reason = str(exc).lower()
    if "full" in reason:
        return "磁盘已满。"
    if "readonly" in reason or "read-only" in reason:
        return "文件或文件夹是只读的。"
    return str(exc)
