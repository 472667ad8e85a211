"""Shared test set-up: Qt offscreen, a private data folder, real festival files on tmp_path."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fest_desktop.db import Database, open_database
from fest_desktop.festivals import FestivalInfo, create_festival

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep preferences, logs and default databases of every test out of the user's real folders."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("APPDATA", str(folder))
    monkeypatch.setenv("LOCALAPPDATA", str(folder))
    return folder


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "festival.db")
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
    )


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
