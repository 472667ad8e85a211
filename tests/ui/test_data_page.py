"""学校与设置 → 界面与数据 as a teacher uses it: backups listed, made and restored; a damaged file
replaced by its latest good backup at open; two windows on one file both working."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.school.festivals import current_festival, list_festivals, update_festival
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage import backups
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.preferences import Preferences, load_preferences
from tests.ui.conftest import settled
from ui.app import load_festival_file
from ui.main_window import MainWindow
from ui.settings.data_page import DataPage

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def file_db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "festival.db")
    create_demo_festival(database, today=TODAY)
    yield database  # type: ignore[misc]
    database.close()


@pytest.fixture
def window(qtbot: QtBot, file_db: Database, tmp_path: Path) -> MainWindow:
    main = MainWindow(Preferences(), tmp_path / "prefs.json")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    festival = current_festival(file_db)
    assert festival is not None
    main.attach(file_db, festival)
    return main


@pytest.fixture
def dialogs(shown: dict[str, Any]) -> dict[str, Any]:
    """Errors and questions the page showed; every question is answered yes."""
    return shown


def data_page(window: MainWindow) -> DataPage:
    window.tabs.setCurrentIndex(window.SETTINGS_TAB)
    window.settings_tab.nav.setCurrentRow(4)
    return window.settings_tab.data_page


def test_backups_are_listed_made_and_kept_as_set(
    qtbot: QtBot, window: MainWindow, file_db: Database, tmp_path: Path, qtmodeltester: Any
) -> None:
    page = data_page(window)
    assert page.backups_model.rowCount() == 0
    page.backup_now()
    page.backup_now()  # waits for the first: one operation at a time
    settled(qtbot, window.runner)
    assert page.backups_model.rowCount() == 2
    assert page.backups_model.rows()[0].reason == "手动"
    qtmodeltester.check(page.backups_model)
    page.keep.setValue(1)
    page.keep.editingFinished.emit()
    assert file_db.keep_backups == 1
    assert load_preferences(tmp_path / "prefs.json").keep_backups == 1
    page.backup_now()
    settled(qtbot, window.runner)
    assert page.backups_model.rowCount() == 1
    saved = tmp_path / "U盘" / "科技节备份.db"
    page.backup_to_file(saved)
    settled(qtbot, window.runner)
    assert backups.check_backup_file(saved).festivals == ["第十届校园科技节"]


def test_a_restore_brings_every_tab_back_to_the_backup(
    qtbot: QtBot, window: MainWindow, file_db: Database, dialogs: dict[str, list[str]], tmp_path: Path
) -> None:
    festival = current_festival(file_db)
    assert festival is not None
    entries = window.show_entries()
    before = entries.entries_page.table.model.rowCount()
    page = data_page(window)
    page.backup_now()
    settled(qtbot, window.runner)
    update_festival(file_db, dataclasses.replace(festival, name="改错了的名字"))
    board = next(c for c in list_competitions(file_db, festival.id) if c.name == "科普板报比赛")
    from fest_desktop.registration.competitions import delete_competition

    delete_competition(file_db, board.id)  # backed up first: now two backups
    window.show_festival(current_festival(file_db))  # type: ignore[arg-type]
    assert window.show_entries().entries_page.table.model.rowCount() < before
    page = data_page(window)
    assert page.backups_model.rowCount() == 2
    page.backup_list.selectRow(1)  # the manual one, before the rename
    page.restore_selected()
    settled(qtbot, window.runner)
    assert dialogs["errors"] == []
    assert "第十届校园科技节" in dialogs["questions"][0]
    assert window.header.title.text().startswith("启明实验学校第十届校园科技节")
    assert window.show_entries().entries_page.table.model.rowCount() == before
    assert backups.list_backups(Path(file_db.location))[0].reason == "恢复前"


def test_a_backup_of_other_festivals_is_said_before_anything_is_replaced(
    window: MainWindow, file_db: Database, dialogs: dict[str, Any], tmp_path: Path
) -> None:
    other = open_database(tmp_path / "另一所学校.db")
    create_festival(other, "第三届科技节", "育才小学", dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    other.close()
    dialogs["answer"] = False
    assert not data_page(window).restore_from(tmp_path / "另一所学校.db")
    question = dialogs["questions"][0]
    assert "备份中的科技节与现在的不同" in question
    assert "现在的数据：第十届校园科技节。备份中：第三届科技节" in question
    assert [f.name for f in list_festivals(file_db)] == ["第十届校园科技节"]


def test_restoring_a_file_that_is_not_a_festival_is_refused(
    window: MainWindow, dialogs: dict[str, list[str]], tmp_path: Path
) -> None:
    stray = tmp_path / "照片.db"
    stray.write_bytes(b"\x89PNG not a database")
    assert not data_page(window).restore_from(stray)
    assert dialogs["questions"] == []
    assert "不是科技节数据文件" in dialogs["errors"][0]


def _answer_next_box(button_text: str, seen: list[str]) -> None:
    """Click a button of the next message box, as the teacher would."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(50, click)


def test_a_damaged_file_is_restored_from_its_latest_backup_at_open(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "festival.db"
    db = open_database(path)
    create_demo_festival(db, today=TODAY)
    good = backups.make_backup(db, backups.MANUAL)
    db.close()
    assert good is not None
    with path.open("r+b") as handle:
        handle.seek(4096 * 10)
        handle.write(os.urandom(4096 * 40))
    main = MainWindow(Preferences(), tmp_path / "prefs.json")
    qtbot.addWidget(main)
    seen: list[str] = []
    _answer_next_box("用这个备份恢复", seen)
    load_festival_file(main, path, None)
    assert "已损坏" in seen[0] and "手动" in seen[0]
    assert main.db is not None and main.header.title.text().startswith("启明实验学校第十届校园科技节")
    assert any("已损坏" in p.name for p in tmp_path.iterdir())
    main.db.close()


def test_two_windows_on_one_file_both_work_and_the_second_is_told(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "festival.db"
    seed = open_database(path)
    create_demo_festival(seed, today=TODAY)
    seed.close()
    first, second = (MainWindow(Preferences(), tmp_path / "prefs.json") for _ in range(2))
    for window in (first, second):
        qtbot.addWidget(window)
        load_festival_file(window, path, None)
    assert first.notice.isHidden()
    assert not second.notice.isHidden() and "另一个科技节窗口" in second.notice.text()
    assert str(os.getpid()) in second.notice.text()
    assert first.db is not None and second.db is not None
    festival = current_festival(first.db)
    assert festival is not None
    board = next(c for c in list_competitions(first.db, festival.id) if c.name == "科普板报比赛")
    sheet = load_sheet(first.db, board.id)
    criterion = board.criteria[0].id
    entry = next(
        e for e in sheet.entries if all(sheet.cell(e.id, j.id, criterion).value is None for j in sheet.judges)
    )
    judges = [j for j in sheet.judges if not sheet.blocked(entry, j)][:2]
    for db, judge, value in ((first.db, judges[0], 17), (second.db, judges[1], 18)):
        enter_score(db, entry.id, judge.id, criterion, value)
    for db in (first.db, second.db):
        seen = load_sheet(db, board.id)
        assert [seen.cell(entry.id, j.id, criterion).value for j in judges] == [17, 18]
    first.db.close()
    second.db.close()


def test_a_file_another_pc_has_open_is_refused_with_the_way_out(qapp: QApplication, tmp_path: Path) -> None:
    from PySide6.QtCore import QLockFile

    from ui.opening import held_by_another_pc

    path = tmp_path / "festival.db"
    (tmp_path / "festival.db.lock").write_text("4242\nfest-desktop\n教务处-PC\n", encoding="utf-8")
    said = held_by_another_pc(path)
    assert "另一台电脑（教务处-PC）" in said and "PostgreSQL" in said and "festival.db.lock" in said
    (tmp_path / "festival.db.lock").unlink()
    mine = QLockFile(str(path) + ".lock")
    assert mine.tryLock(0)
    assert held_by_another_pc(path) == ""  # this PC's own other window: both may work
    mine.unlock()


def test_the_first_start_says_where_the_data_goes_and_keeps_the_answer(
    qtbot: QtBot, tmp_path: Path, shown: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import app, opening
    from ui.options import read_window_options

    options = read_window_options([])
    assert options.first_start  # no preferences yet on this PC
    assert not read_window_options(["--db", str(tmp_path / "x.db")]).first_start
    window = MainWindow(options.preferences, options.preferences_file)
    qtbot.addWidget(window)
    default = Path(options.database)
    d_drive = tmp_path / "D盘" / "科技节"
    d_drive.mkdir(parents=True)
    monkeypatch.setattr(opening, "ask_folder", lambda _parent, _title: d_drive)
    chosen = app.settle_data_location(window, default, opening.choose_data_location)
    assert chosen == d_drive / default.name
    assert "还原卡" in shown["questions"][0] and str(default.parent) in shown["questions"][0]
    assert load_preferences(options.preferences_file).database == str(chosen)
    assert not read_window_options([]).first_start  # asked once
    assert read_window_options([]).database == str(chosen)


def test_keeping_the_default_place_is_remembered_too(
    qtbot: QtBot, tmp_path: Path, shown: dict[str, Any]
) -> None:
    from ui import app, opening
    from ui.options import read_window_options

    options = read_window_options([])
    window = MainWindow(options.preferences, options.preferences_file)
    qtbot.addWidget(window)
    shown["answer"] = False
    default = Path(options.database)
    assert app.settle_data_location(window, default, opening.choose_data_location) == default
    assert load_preferences(options.preferences_file).database == ""
    assert not read_window_options([]).first_start


def test_the_data_moves_to_another_drive_from_the_next_start(
    qtbot: QtBot, window: MainWindow, file_db: Database, tmp_path: Path, dialogs: dict[str, Any]
) -> None:
    page = data_page(window)
    d_drive = tmp_path / "D盘"
    d_drive.mkdir()
    page.move_data_to(d_drive)
    settled(qtbot, window.runner)
    moved = d_drive / "festival.db"
    assert backups.check_backup_file(moved).festivals == ["第十届校园科技节"]
    assert load_preferences(tmp_path / "prefs.json").database == str(moved)
    assert "重新启动程序后使用新位置" in page.restart_note.text()
    page.move_data_to(d_drive)
    assert "已经有一个数据文件" in dialogs["errors"][0]


def test_after_an_unexpected_stop_the_window_says_nothing_saved_is_lost_and_where_the_trace_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from fest_desktop.storage.crashes import UnexpectedStop
    from ui.app import stop_notice

    path = tmp_path / "festival.db"
    seed = open_database(path)
    create_demo_festival(seed, today=TODAY)
    seed.close()
    log = tmp_path / "fest-desktop-crash.log"
    crashed = UnexpectedStop(dt.datetime(2026, 12, 5, 9, 30), log, traced=True)
    window = MainWindow(Preferences(), tmp_path / "prefs.json")
    qtbot.addWidget(window)
    load_festival_file(window, path, None, notice=stop_notice((crashed,)))
    said = window.notice.text()
    assert not window.notice.isHidden()
    assert "意外停止" in said and "12-05 09:30" in said and "都还在" in said and str(log) in said
    assert window.db is not None
    window.db.close()
    power_cut = stop_notice((dataclasses.replace(crashed, traced=False),))
    assert "没有正常关闭" in power_cut and "都还在" in power_cut and str(log) not in power_cut
