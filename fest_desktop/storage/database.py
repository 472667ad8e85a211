"""Opening a festival database: checks, migrations on open, and one session per user action."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fest_desktop.errors import DatabaseDamagedError, DatabaseOpenError, FestError, NotFoundError
from fest_desktop.files.saving import folder_writable
from fest_desktop.storage.paths import network_location
from fest_desktop.storage.preferences import DEFAULT_KEEP_BACKUPS

RowT = TypeVar("RowT")


MIGRATIONS_DIR = Path(__file__).with_name("migrations")


SQLITE_HEADER = b"SQLite format 3\x00"


def known_revisions() -> list[str]:
    """Migration revisions in order: the files in versions/ are numbered (0001_…), each names its
    revision on a line `revision = "…"`."""
    files = sorted((MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))
    found = (re.search(r'^revision = "([^"]+)"', path.read_text("utf-8"), re.MULTILINE) for path in files)
    return [match.group(1) for match in found if match is not None]


def head_revision() -> str:
    return known_revisions()[-1]


def is_url(target: str) -> bool:
    return "://" in target


@dataclass(frozen=True)
class StorageFailure:
    """How an OperationalError of the database driver reads to a teacher."""

    needle: str
    message: str


# Expected failures of the storage, told apart from bugs by the driver's message.
STORAGE_FAILURES = (
    StorageFailure("locked", "数据库正忙（另一个窗口或电脑正在写入），请稍后再试。"),
    StorageFailure("readonly", "数据库文件是只读的，本次修改没有保存。请检查文件属性或所在的U盘是否写保护。"),
    StorageFailure("full", "磁盘已满，本次修改没有保存。请清理磁盘空间后再试。"),
    StorageFailure("disk i/o", "读写数据库文件时出错（磁盘或U盘可能已拔出），本次修改没有保存。"),
)


def storage_error(exc: OperationalError) -> FestError | None:
    text_of_error = str(exc.orig).lower()
    for failure in STORAGE_FAILURES:
        if failure.needle in text_of_error:
            return FestError(failure.message)
    return None


class Database:
    """A festival file (SQLite) or server (PostgreSQL URL) with its schema brought up to date."""

    def __init__(self, engine: Engine, location: str, keep_backups: int = DEFAULT_KEEP_BACKUPS) -> None:
        self.engine = engine
        self.location = location
        # How many automatic backups of the file to keep (a preference of this PC).
        self.keep_backups = keep_backups
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One user action: commits on success, rolls back on any error, maps storage failures."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            mapped = storage_error(exc)
            if mapped is None:
                raise
            raise mapped from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @property
    def is_file(self) -> bool:
        """A festival file (SQLite) rather than a database server."""
        return self.engine.dialect.name == "sqlite"

    @property
    def display_location(self) -> str:
        """The file path, or the server URL without its password, to show on screen."""
        if self.is_file:
            return self.location
        return self.engine.url.set(drivername=self.engine.url.get_backend_name()).render_as_string()

    def close(self) -> None:
        self.engine.dispose()


def fetch(session: Session, model: type[RowT], row_id: int, missing: str) -> RowT:
    """The row with that id, or NotFoundError(missing) when it is gone (deleted in another window)."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(missing)
    return row


def delete_row(session: Session, model: type[Any], row_id: int) -> None:
    """Delete one row (and what cascades from it); deleting what is already gone is no error."""
    row = session.get(model, row_id)
    if row is not None:
        session.delete(row)


def hold_write_lock(session: Session) -> None:
    """Take the database's write lock now, before reading what a write depends on (the old value a
    change records): otherwise another station can commit between the read and the write, and the
    history would record a value that was already gone. On SQLite a write that changes nothing takes
    the lock; on PostgreSQL the reads themselves lock their rows (SELECT … FOR UPDATE)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE festival SET id = id WHERE 0"))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a power cut right after a score is acknowledged must not lose it.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _refuse_network_file(path: Path) -> None:
    where = network_location(path)
    if where:
        raise DatabaseOpenError(
            f"「{path}」在{where}上。科技节数据文件不能放在网络共享文件夹里由几台电脑同时使用：SQLite 在网络上"
            "无法可靠加锁，数据可能损坏。请把文件复制到本机的文件夹再打开；几台电脑同时评分，请按说明书"
            "“几台电脑同时评分”改用 PostgreSQL 服务器。"
        )


def _opens_for_writing(path: Path) -> bool:
    try:
        with path.open("ab"):
            return True
    except OSError:
        return False


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        if not path.is_file():
            raise DatabaseOpenError(f"「{path}」是一个文件夹，不是科技节数据文件。")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise DatabaseOpenError(f"无法读取「{path}」：{exc.strerror}。") from exc
        if header and header != SQLITE_HEADER:
            raise DatabaseOpenError(
                f"「{path.name}」不是科技节数据文件（不是数据库格式）。请选择以 .db 结尾的科技节文件。"
            )
        # The mode bits are Windows' 只读 attribute; opening for appending (which changes nothing) finds
        # what they do not say (a file another user owns, a share mounted read-only).
        if not path.stat().st_mode & stat.S_IWUSR or not _opens_for_writing(path):
            raise DatabaseOpenError(
                f"「{path.name}」是只读文件，无法保存修改。请取消文件的只读属性，或把它复制到可写的文件夹后再打开。"
            )
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise DatabaseOpenError(f"无法创建文件夹「{folder}」：{exc.strerror}。") from exc
    if not folder_writable(folder):
        raise DatabaseOpenError(
            f"文件夹「{folder}」不可写，科技节数据无法保存。请把文件放到可写的文件夹（例如“文档”）后再打开。"
        )


def _damaged(location: str, detail: object) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        f"科技节数据文件「{Path(location).name}」已损坏（{detail}）。可以用最近一次正常的备份恢复。", location
    )


def _current_revision(engine: Engine, location: str) -> str | None:
    """The schema revision of the file, None for an empty database; refuses foreign databases and, for
    a file, checks its integrity (PRAGMA quick_check) first."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                verdict = connection.execute(text("PRAGMA quick_check")).scalar()
                if verdict != "ok":
                    raise _damaged(location, f"完整性检查：{verdict}")
            tables = set(inspect(connection).get_table_names())
            if not tables:
                return None
            if "alembic_version" not in tables or "festival" not in tables:
                raise DatabaseOpenError("这个数据库不是科技节数据文件（缺少科技节的数据表）。")
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        raise  # busy, read-only, disk full: told as such by open_database, not as damage
    except DatabaseError as exc:
        if engine.dialect.name == "sqlite":
            raise _damaged(location, exc.orig) from exc
        raise DatabaseOpenError(f"无法打开数据库：{exc.orig}") from exc
    return str(revision) if revision is not None else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic migrations up to revision on the engine's database."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration rebuilds a table (copy, drop, rename); with foreign keys on, dropping the
            # old table would delete every row referring to it by cascade (authors, scores, awards).
            # SQLite ignores this pragma inside a transaction, hence before it, and on again after.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def engine_url(target: str | Path) -> str:
    """The SQLAlchemy URL of a file path or a database URL; PostgreSQL goes through psycopg 3."""
    if isinstance(target, Path) or not is_url(target):
        return f"sqlite:///{Path(target)}"
    scheme, rest = target.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        return f"postgresql+psycopg://{rest}"
    if scheme == "sqlite":
        return target
    raise DatabaseOpenError(
        f"不支持的数据库地址「{scheme}://…」：服务器只支持 PostgreSQL（postgresql://…）。"
    )


def make_engine(target: str | Path) -> Engine:
    """An engine for a file path or a database URL, with SQLite's durability pragmas set."""
    url = engine_url(target)
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A server that is off or unreachable is told within seconds; a dropped connection is renewed.
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})


FESTIVAL_TABLES = frozenset({"festival", "alembic_version"})


def _refuse_foreign_file(path: Path, create: bool) -> None:
    """Look at an existing file before the engine sets its pragmas (WAL changes the file's header):
    anything but a festival file is refused and left byte for byte as it was, its neighbours included
    (no -wal or -shm made beside it). An empty file (0 bytes) becomes a festival file only when create
    is on (新建); a database of another program, even one without tables, never does."""
    if not path.is_file():
        return
    if path.stat().st_size == 0:
        if create:
            return
        raise DatabaseOpenError(
            f"「{path.name}」是一个空文件，还不是科技节数据文件，没有打开，也没有改动它。"
            "要在其中建立科技节，请用命令 festival create 或 demo。"
        )
    tables = _tables_of(path)
    if tables is not None and not tables >= FESTIVAL_TABLES:
        raise DatabaseOpenError(
            f"「{path.name}」不是科技节数据文件（里面没有科技节的数据表），没有打开，也没有改动它。"
        )


def _tables_of(path: Path) -> set[str] | None:
    """The tables of a SQLite file, read without changing anything; None when it cannot be read
    (damaged, or busy: told as such when the engine opens it)."""
    # With no journal beside it the file holds everything: immutable reads it without locks and
    # without making -wal/-shm files. A journal beside it belongs to a program using it now.
    journals = any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm", "-journal"))
    mode = "mode=ro" if journals else "immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(f"file:{quote(str(path))}?{mode}", uri=True)) as connection:
            return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return None


def open_database(
    target: str | Path, keep_backups: int = DEFAULT_KEEP_BACKUPS, *, create: bool = True
) -> Database:
    """Open a festival database and migrate it to this version's schema. A file that does not exist, or
    is empty, becomes a festival file only when create is on (otherwise DatabaseOpenError says there is
    none); any other file without the festival's tables is refused untouched."""
    if isinstance(target, Path) or not is_url(target):
        path = Path(target).expanduser().resolve()
        if not create and not path.exists():
            raise DatabaseOpenError(
                f"没有找到科技节数据文件「{path}」。请检查路径，或先用 festival create 或 demo 建立科技节。"
            )
        _refuse_network_file(path)
        _check_sqlite_file(path)
        _refuse_foreign_file(path, create)
        location = str(path)
        engine = make_engine(path)
    else:
        location = target
        engine = make_engine(target)
    try:
        revision = _current_revision(engine, location)
        known = known_revisions()
        if revision is not None and revision not in known:
            raise DatabaseOpenError(
                f"这个文件来自更新版本的科技节程序（数据版本 {revision}），本程序只认识到 {known[-1]}。"
                "请先升级程序再打开它。"
            )
        if revision != known[-1]:
            upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        mapped = storage_error(exc)
        if mapped is not None:
            raise DatabaseOpenError(mapped.message) from exc
        if engine.dialect.name != "sqlite":
            raise DatabaseOpenError(
                f"无法连接数据库服务器「{engine.url.host}:{engine.url.port or 5432}」：{exc.orig}\n"
                "请检查地址、用户名和密码是否正确，服务器是否已开启，防火墙是否放行了这个端口。"
            ) from exc
        raise DatabaseOpenError(f"无法打开数据库：{exc.orig}") from exc
    except sqlite3.Error as exc:
        engine.dispose()
        raise DatabaseOpenError(f"无法打开数据库：{exc}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, location, keep_backups)
