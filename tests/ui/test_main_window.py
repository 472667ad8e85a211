"""The window as a teacher uses it: tabs, editing in tables, the roster import dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from fest_desktop.calendar.events import EventInfo, add_event
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.school.festivals import FestivalInfo, list_festivals
from fest_desktop.school.people import list_students, list_teachers
from fest_desktop.school.structure import list_classes
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.preferences import Preferences
from tests.conftest import write_workbook
from tests.ui.conftest import settled
from ui.main_window import MainWindow
from ui.settings.school_pages import ClassesPage, StudentsPage
from ui.settings.tab import FestivalPage
from ui.widgets.import_preview import DETAILS_COLUMN
from ui.widgets.table_models import ChoiceDelegate

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def demo(db: Database) -> FestivalInfo:
    return create_demo_festival(db, today=TODAY)


@pytest.fixture
def window(qtbot: QtBot, db: Database, demo: FestivalInfo, tmp_path: Path) -> MainWindow:
    main = MainWindow(Preferences(), tmp_path / "prefs.json")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.attach(db, demo)
    return main


@pytest.fixture
def errors(shown: dict[str, Any]) -> list[str]:
    """Messages the window would show in a dialog, collected instead of blocking the test."""
    errors: list[str] = shown["errors"]
    return errors


def open_settings_page(window: MainWindow, row: int) -> None:
    window.tabs.setCurrentIndex(window.SETTINGS_TAB)
    window.settings_tab.nav.setCurrentRow(row)


def test_the_window_shows_six_tabs_and_the_festival(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["活动日历", "作品报名", "现场评分", "奖项与证书", "统计与总结", "学校与设置"]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.tabs.currentWidget().isVisible()
    assert window.header.title.text() == "启明实验学校第十届校园科技节"
    assert "探究身边的科学" in window.header.subtitle.text()
    assert window.windowTitle().startswith("启明实验学校第十届校园科技节")


def test_every_settings_page_loads_the_demo(window: MainWindow) -> None:
    settings = window.settings_tab
    for row in range(settings.nav.count()):
        open_settings_page(window, row)
    assert settings.classes_page.classes.model.rowCount() == 24
    assert settings.teachers_page.table.model.rowCount() == 48
    assert settings.students_page.table.model.rowCount() > 600
    assert settings.festival_page.phases.model.rowCount() == 4


def test_a_class_edited_by_keyboard_is_saved_at_once(window: MainWindow, db: Database, qtbot: QtBot) -> None:
    open_settings_page(window, 1)
    page: ClassesPage = window.settings_tab.classes_page
    view = page.classes.view
    index = page.classes.proxy.index(0, 2)  # 一年级(1)班, 班号
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits through a queued call after Return.
    qtbot.waitUntil(lambda: page.classes.proxy.index(0, 3).data() == "一年级(5)班")

    db_path = Path(db.location)
    db.close()
    reopened = open_database(db_path)
    festival = list_festivals(reopened)[0]
    names = {c.name for c in list_classes(reopened, festival.id)}
    assert "一年级(5)班" in names and "一年级(1)班" not in names
    reopened.close()


def test_a_head_teacher_is_chosen_from_a_drop_down(
    window: MainWindow, db: Database, demo: FestivalInfo
) -> None:
    open_settings_page(window, 1)
    page = window.settings_tab.classes_page
    index = page.classes.proxy.index(1, 4)
    delegate = page.classes.view.itemDelegateForColumn(4)
    assert isinstance(delegate, ChoiceDelegate)
    editor = delegate.createEditor(page.classes.view, QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    teacher = list_teachers(db, demo.id)[-1]
    editor.setCurrentIndex(editor.findData(teacher.id))
    delegate.setModelData(editor, page.classes.proxy, index)
    assert list_classes(db, demo.id)[1].head_teacher_name == teacher.name
    assert index.data() == teacher.name


def test_a_wrong_value_is_refused_with_the_reason(
    window: MainWindow, db: Database, demo: FestivalInfo, errors: list[str]
) -> None:
    open_settings_page(window, 1)
    proxy = window.settings_tab.classes_page.classes.proxy
    assert not proxy.setData(proxy.index(0, 2), "二")
    assert not proxy.setData(proxy.index(0, 2), "１.5")
    assert not proxy.setData(proxy.index(0, 2), "100")
    assert not proxy.setData(proxy.index(0, 2), "2")  # 一年级(2)班 already exists
    assert errors == [
        "班号应是数字（填的是「二」）。",
        "班号应是整数（填的是「1.5」）。",
        "班号应在 1 到 99 之间（填的是 100）。",
        "一年级(2)班已经存在。",
    ]
    assert list_classes(db, demo.id)[0].name == "一年级(1)班"


def test_students_filter_by_class_and_name(
    window: MainWindow, db: Database, demo: FestivalInfo, qtbot: QtBot
) -> None:
    open_settings_page(window, 3)
    page: StudentsPage = window.settings_tab.students_page
    target = list_classes(db, demo.id)[4]
    page.class_filter.setCurrentIndex(page.class_filter.findData(target.id))
    assert page.table.proxy.rowCount() == target.student_count
    someone = list_students(db, demo.id)[0]
    page.class_filter.setCurrentIndex(0)
    # QTest types only Latin keys; Chinese arrives whole, as from an input method.
    page.search.insert(someone.name)
    names = {page.table.proxy.row_object(r).name for r in range(page.table.proxy.rowCount())}
    assert names == {someone.name}
    assert page.count.text().endswith(f"显示 {page.table.proxy.rowCount()} 名")


def test_a_student_birth_date_typed_in_chinese_form_is_stored(
    window: MainWindow, db: Database, demo: FestivalInfo, errors: list[str]
) -> None:
    open_settings_page(window, 3)
    proxy = window.settings_tab.students_page.table.proxy
    student = proxy.row_object(0)
    assert proxy.setData(proxy.index(0, 4), "2019年9月1日")
    stored = next(s for s in list_students(db, demo.id) if s.id == student.id)
    assert stored.birth_date == dt.date(2019, 9, 1)
    assert not proxy.setData(proxy.index(0, 4), "去年")
    assert errors == ["无法识别日期「去年」，请写成 2015-03-02 或 2015年3月2日"]


def test_roster_import_through_the_dialog(
    window: MainWindow, db: Database, demo: FestivalInfo, tmp_path: Path, qtbot: QtBot
) -> None:
    open_settings_page(window, 3)
    page = window.settings_tab.students_page
    before = page.table.model.rowCount()
    path = write_workbook(
        tmp_path / "新生.xlsx", {"s": [["班级", "姓名", "性别"], ["初三(3)班", "新同学", "女"]]}
    )
    page.import_file(path)
    settled(qtbot, window.runner)
    dialog = page.import_dialog
    assert dialog is not None and dialog.import_button.isEnabled()
    assert dialog.preview.new_classes == ["初三(3)班"]
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert page.table.model.rowCount() == before + 1
    assert any(s.name == "新同学" and s.class_name == "初三(3)班" for s in list_students(db, demo.id))


def test_a_roster_with_problems_cannot_be_imported(
    window: MainWindow, db: Database, demo: FestivalInfo, tmp_path: Path, qtbot: QtBot
) -> None:
    open_settings_page(window, 3)
    page = window.settings_tab.students_page
    path = write_workbook(
        tmp_path / "bad.xlsx", {"s": [["班级", "姓名"], ["初三(3)班", "甲"], ["三班半", "乙"]]}
    )
    page.import_file(path)
    settled(qtbot, window.runner)
    dialog = page.import_dialog
    assert dialog is not None
    assert not dialog.import_button.isEnabled()
    assert [line.details[0].startswith("无法识别班级「三班半」") for line in dialog.shown_lines()] == [True]
    assert dialog.table.model().index(0, DETAILS_COLUMN).data().startswith("无法识别班级「三班半」")
    dialog.reject()
    assert "初三(3)班" not in {c.name for c in list_classes(db, demo.id)}


def test_a_file_that_is_not_a_workbook_is_reported(
    window: MainWindow, tmp_path: Path, errors: list[str], qtbot: QtBot
) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("not excel", encoding="utf-8")
    window.settings_tab.students_page.import_file(path)
    settled(qtbot, window.runner)
    assert window.settings_tab.students_page.import_dialog is None
    assert errors == ["「roster.xlsx」不是 Excel 工作簿（.xlsx），无法读取。"]


def test_festival_details_are_saved_when_a_field_is_left(
    window: MainWindow, db: Database, qtbot: QtBot
) -> None:
    open_settings_page(window, 0)
    page: FestivalPage = window.settings_tab.festival_page
    page.theme.setFocus()
    page.theme.selectAll()
    page.theme.insert("体验生活，健康成长")
    qtbot.keyClick(page.theme, Qt.Key.Key_Return)
    assert list_festivals(db)[0].theme == "体验生活，健康成长"
    assert "体验生活，健康成长" in window.header.subtitle.text()


def test_a_new_festival_copies_the_setup_and_becomes_current(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_settings_page(window, 0)
    monkeypatch.setattr("ui.settings.tab.NewFestivalDialog.exec", lambda dialog: True)
    window.settings_tab.festival_page._create()
    settled(qtbot, window.runner)
    festivals_now = list_festivals(db)
    assert festivals_now[0].name == "第十一届校园科技节" and festivals_now[0].is_current
    assert window.header.title.text() == "启明实验学校第十一届校园科技节"
    open_settings_page(window, 1)
    assert window.settings_tab.classes_page.classes.model.rowCount() == 24
    open_settings_page(window, 3)
    assert window.settings_tab.students_page.table.model.rowCount() == 0


def test_table_models_follow_the_qt_model_contract(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    open_settings_page(window, 3)
    page = window.settings_tab.students_page
    qtmodeltester.check(page.table.model)
    qtmodeltester.check(page.table.proxy)
    assert page.table.model.rowCount(page.table.model.index(0, 0)) == 0
    assert page.table.model.data(QModelIndex()) is None


def test_the_heading_follows_phase_edits(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "today.db")
    festival = create_demo_festival(db)  # dated around the real today: today is in 展评
    main = MainWindow(Preferences(), tmp_path / "prefs.json")
    qtbot.addWidget(main)
    main.show()
    main.attach(db, festival)
    assert main.header.phase.text() == "今天：展评阶段"
    open_settings_page(main, 0)
    proxy = main.settings_tab.festival_page.phases.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "展评")
    assert proxy.setData(proxy.index(row, 0), "现场评审")
    assert main.header.phase.text() == "今天：现场评审阶段"
    db.close()


def test_the_entries_tab_is_built_when_first_shown_and_follows_the_festival(
    window: MainWindow, db: Database, demo: FestivalInfo
) -> None:
    assert window.entries_tab is None
    window.tabs.setCurrentIndex(window.ENTRIES_TAB)
    tab = window.entries_tab
    assert tab is not None and window.tabs.currentWidget().isAncestorOf(tab)
    assert window.tabs.tabText(window.ENTRIES_TAB) == "作品报名"
    assert tab.entries_page.table.model.rowCount() > 250
    other = create_festival(
        db, "第十一届校园科技节", "启明实验学校", dt.date(2027, 4, 1), dt.date(2027, 5, 1)
    ).value
    window.show_festival(other)
    assert tab.entries_page.table.model.rowCount() == 0
    assert tab.competitions_page.list.count() == 0


def test_the_window_fits_the_screen_and_comes_back_where_it_was_left(
    qtbot: QtBot, db: Database, demo: FestivalInfo, tmp_path: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    from fest_desktop.storage.preferences import load_preferences

    free = QGuiApplication.primaryScreen().availableGeometry()
    first = MainWindow(Preferences(), tmp_path / "prefs.json")
    qtbot.addWidget(first)
    assert free.contains(first.geometry())  # within the screen's free area, whatever its size
    first.show()
    first.attach(db, demo)
    first.setGeometry(free.left() + 20, free.top() + 20, 640, 700)
    first.tabs.setCurrentIndex(MainWindow.SCORING_TAB)
    first.close()
    kept = load_preferences(tmp_path / "prefs.json")
    assert kept.last_tab == MainWindow.SCORING_TAB and kept.window_geometry
    second = MainWindow(kept, tmp_path / "prefs.json")
    qtbot.addWidget(second)
    second.show()
    second.attach(db, demo)
    assert second.height() == first.height() == 700  # the size it was left at, not the default
    assert second.tabs.currentIndex() == MainWindow.SCORING_TAB


def test_what_another_window_commits_reaches_the_tab_on_screen(
    qtbot: QtBot, window: MainWindow, db: Database, demo: FestivalInfo
) -> None:
    """Another window (or a PC on a shared folder) adds an activity: the calendar on screen shows it
    within a few seconds, as a score typed elsewhere reaches the grid."""
    calendar = window.show_calendar()
    other = open_database(Path(db.location))
    try:
        day = demo.start_date + dt.timedelta(days=3)
        info = EventInfo(0, "另一台电脑上加的讲座", EventKind.LECTURE, day, day, dt.time(15), dt.time(16))
        add_event(other, demo.id, info)
        qtbot.waitUntil(lambda: any(e.title == "另一台电脑上加的讲座" for e in calendar.events), timeout=5000)
    finally:
        other.close()
