"""Opening festival files: durability settings, migrations on open, and clear refusals."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.certificates.templates import list_templates
from fest_desktop.errors import DatabaseOpenError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.phones.kinds import Outcome
from fest_desktop.phones.links import judge_links, well_formed
from fest_desktop.school.festivals import list_festivals
from fest_desktop.storage.database import (
    MIGRATIONS_DIR,
    Database,
    head_revision,
    known_revisions,
    make_engine,
    open_database,
    upgrade,
)
from fest_desktop.storage.model import Base, PhoneSubmission
from tests.core.scoring_fixture import make_board


def test_a_new_file_gets_the_current_schema_and_wal(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    db.close()


def test_every_change_is_on_disk_when_the_call_returns(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    db = open_database(path)
    create_festival(db, "第一届科技节", "一中", dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    # Read with a separate plain connection while the first is still open: no Save step exists.
    with contextlib.closing(sqlite3.connect(path)) as other, other:
        assert other.execute("SELECT name FROM festival").fetchall() == [("第一届科技节",)]
    db.close()


def test_a_file_made_by_the_first_migration_is_upgraded_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, known_revisions()[0])
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO festival (name, edition, theme, school_name, start_date, end_date) "
                "VALUES ('第九届科技节', 9, '', '一中', '2025-04-01', '2025-04-30')"
            )
        )
    engine.dispose()
    db = open_database(path)
    assert [f.name for f in list_festivals(db)] == ["第九届科技节"]
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    db.close()


def test_migrations_build_exactly_the_model(db: Database) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_revision_files_are_named_after_their_revisions_and_form_one_line() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_heads() == [head_revision()]
    # From the first revision to the head, in the order of the numbered files.
    assert [script.revision for script in scripts.walk_revisions()][::-1] == known_revisions()


def test_a_file_that_is_not_a_database_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "名单.db"
    path.write_text("姓名,班级\n张三,三年级(2)班\n", encoding="utf-8")
    with pytest.raises(DatabaseOpenError, match="不是科技节数据文件"):
        open_database(path)
    assert path.read_text(encoding="utf-8").startswith("姓名")


def test_another_programs_sqlite_database_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER)")
        connection.commit()
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="不是科技节数据文件"):
        open_database(path)
    assert path.read_bytes() == before  # not switched to WAL on the way
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def _made_by_another_program(path: Path, statements: tuple[str, ...]) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


FOREIGN_FILES = {
    "only a view": ("CREATE VIEW answer AS SELECT 42",),
    "no table left": ("CREATE TABLE scratch (x)", "DROP TABLE scratch"),
    "in WAL mode": ("PRAGMA journal_mode=WAL", "CREATE TABLE notes (x)", "INSERT INTO notes VALUES (1)"),
    "in WAL mode without tables": ("PRAGMA journal_mode=WAL", "PRAGMA user_version=7"),
}


@pytest.mark.parametrize("made", FOREIGN_FILES)
@pytest.mark.parametrize("create", [False, True])
def test_a_sqlite_file_without_the_festival_s_tables_is_never_changed(
    tmp_path: Path, made: str, create: bool
) -> None:
    path = tmp_path / "other.db"
    _made_by_another_program(path, FOREIGN_FILES[made])
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError, match=r"不是科技节数据文件.*没有打开，也没有改动它"):
        open_database(path, create=create)
    # No schema, no switch of journal mode, and nothing left beside it (-wal, -shm).
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_an_empty_file_becomes_a_festival_file_only_when_one_is_made(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(DatabaseOpenError, match=r"是一个空文件.*没有打开，也没有改动它"):
        open_database(path, create=False)
    assert path.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
    open_database(path, create=True).close()
    reopened = open_database(path, create=False)
    assert reopened.is_file
    reopened.close()


def test_a_festival_file_another_window_has_open_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "festival.db"
    first = open_database(path)
    create_festival(first, "第一届科技节", "一中", dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    # While the first window keeps it open, its latest changes may be in the -wal file beside it.
    second = open_database(path, create=False)
    assert [f.name for f in list_festivals(second)] == ["第一届科技节"]
    second.close()
    first.close()


def test_a_file_that_is_not_there_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "新建文件夹" / "festival.db"
    with pytest.raises(DatabaseOpenError, match="没有找到科技节数据文件"):
        open_database(path, create=False)
    assert not path.parent.exists()
    open_database(path, create=True).close()
    assert path.is_file()


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseOpenError, match="更新版本"):
        open_database(path)


def test_a_read_only_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "readonly.db"
    open_database(path).close()
    path.chmod(0o444)
    try:
        with pytest.raises(DatabaseOpenError, match="只读"):
            open_database(path)
    finally:
        path.chmod(0o644)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="文件夹"):
        open_database(tmp_path)


def test_a_file_of_the_previous_version_gets_what_reads_used_to_write(tmp_path: Path) -> None:
    """Links were made when first listed and templates stored when 打印证书 first opened: a file from
    before has judges without links and festivals without templates, which opening it now gives them."""
    path = tmp_path / "older.db"
    db = open_database(path)
    festival = create_festival(
        db, "第十届校园科技节", "启明实验学校", dt.date(2026, 4, 11), dt.date(2026, 5, 11)
    ).value
    board = make_board(db, festival)
    db.close()
    engine = make_engine(path)
    with engine.begin() as connection:  # back to the revision before this one
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.downgrade(config, known_revisions()[-2])
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM judge_link"))
        connection.execute(text("DELETE FROM certificate_template WHERE name <> '学生荣誉证书'"))
        connection.execute(text("UPDATE certificate_template SET design = ''"))
        connection.execute(
            text(
                "INSERT INTO festival (name, theme, school_name, start_date, end_date) "
                "VALUES ('第九届科技节', '', '一中', '2025-04-01', '2025-04-30')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO phone_submission (id, judge_id, entry_id, received_at, outcome, message, content) "
                "VALUES ('abcdefgh12', :judge, :entry, '2026-04-20 09:00:00', 'conflict', '2', '')"
            ),
            {"judge": board.judge("李老师"), "entry": board.entry_ids["三年级(2)班"]},
        )
    engine.dispose()

    db = open_database(path)
    links = judge_links(db, board.competition.id)
    assert [link.judge_name for link in links] == [j.name for j in board.judges]
    assert len({link.pin for link in links}) == len(links) and all(well_formed(link.secret) for link in links)
    kept, *added = list_templates(db, festival.id)  # its own kept, the kinds it lacked added after it
    assert kept.name == "学生荣誉证书" and kept.design is None
    assert [t.kind for t in added] == [kind for kind in TemplateKind if kind != TemplateKind.STUDENT]
    older = next(f for f in list_festivals(db) if f.name == "第九届科技节")
    assert {t.kind for t in list_templates(db, older.id)} == set(TemplateKind)
    with db.session() as session:
        stored = session.get(PhoneSubmission, "abcdefgh12")
        assert stored is not None and stored.outcome == Outcome.CONFLICT and stored.conflicts == 2
    db.close()
