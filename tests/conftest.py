"""Shared test set-up: Qt offscreen, a private data folder, real festival files on tmp_path."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fest_desktop.new_festival.creating import create_festival
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database, open_database

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# A PostgreSQL server (postgresql://user@host:port/maintenance-db) to run the tests that take the `db`
# fixture against, instead of a SQLite file; .ci/run sets it for a second pass over the core tests.
SERVER_URL = os.environ.get("FEST_TEST_DATABASE_URL")
_database_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep preferences, logs and default databases of every test out of the user's real folders."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("APPDATA", str(folder))
    monkeypatch.setenv("LOCALAPPDATA", str(folder))
    return folder


def _server_admin(url: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    from fest_desktop.storage.database import engine_url

    return create_engine(engine_url(url), isolation_level="AUTOCOMMIT")


def _database_url(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def server_template() -> Iterator[str]:
    """A database on the test server migrated once, copied for each test (CREATE DATABASE … TEMPLATE)."""
    assert SERVER_URL is not None
    from sqlalchemy import text

    admin = _server_admin(SERVER_URL)
    name = f"fest_template_{os.getpid()}"
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    open_database(_database_url(SERVER_URL, name)).close()
    yield name
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
    admin.dispose()


def new_server_database(template: str) -> str:
    """The URL of a fresh festival database on the test server."""
    assert SERVER_URL is not None
    from sqlalchemy import text

    name = f"fest_test_{os.getpid()}_{next(_database_numbers)}"
    admin = _server_admin(SERVER_URL)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return _database_url(SERVER_URL, name)


def drop_server_database(url: str) -> None:
    assert SERVER_URL is not None
    from sqlalchemy import text

    admin = _server_admin(SERVER_URL)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | Path]:
    """Where the test's festival lives: a file on tmp_path, or a fresh database on the test server."""
    if SERVER_URL is None:
        yield tmp_path / "festival.db"
        return
    url = new_server_database(request.getfixturevalue("server_template"))
    yield url
    drop_server_database(url)


@pytest.fixture
def db(database_target: str | Path) -> Iterator[Database]:
    database = open_database(database_target)
    yield database
    database.close()


@pytest.fixture
def festival(db: Database) -> FestivalInfo:
    return create_festival(
        db,
        "第十届校园科技节",
        "启明实验学校",
        dt.date(2026, 4, 11),
        dt.date(2026, 5, 11),
        theme="探究身边的科学",
    ).value


def write_workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """An .xlsx with one sheet per key, rows as given: how tests make the files teachers send."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path
