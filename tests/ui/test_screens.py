"""The window on the school's real screens: at 1024×700 (a 1024×768 screen less its taskbar and title
bar), 1280×720, 1366×728 and 1920×1040, every tab and every page inside it shows whole in the window,
the window keeps its size, and no field is squeezed below the size its layout promises.

The window is dressed as the program dresses it (its font, chosen from the fonts this PC has, and its
style sheet); CI runs these tests once with Noto Sans CJK and once with WenQuanYi Micro Hei only."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.registration.competitions import list_competitions, update_competition
from fest_desktop.school.festivals import add_phase, update_festival
from fest_desktop.school.people import list_teachers, update_teacher
from fest_desktop.scoring.judges import add_judge
from fest_desktop.storage.database import Database, open_database
from fest_desktop.storage.preferences import Preferences
from fest_desktop.values import (
    COMPETITION_NAME,
    FESTIVAL_NAME,
    JUDGE_NAME,
    PERSON_NAME,
    PHASE_NAME,
    SCHOOL_NAME,
    THEME,
)
from tests.ui.layout_checks import page_problems, settle, squeezed, walk_pages
from ui.app import set_look
from ui.main_window import MainWindow, opening_geometry, within
from ui.opening import ensure_festival
from ui.operations import Runner

TODAY = dt.date(2026, 11, 21)
SIZES = {
    "1024x700": QSize(1024, 700),
    "1280x720": QSize(1280, 720),
    "1366x728": QSize(1366, 728),
    "1920x1040": QSize(1920, 1040),
}
TABS = ("活动日历", "作品报名", "现场评分", "奖项与证书", "统计与总结", "学校与设置")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("screens") / "demo.db"
    db = open_database(path)
    create_demo_festival(db, today=TODAY)
    db.close()
    return path


@pytest.fixture(scope="module")
def dressed(qapp: QApplication) -> Iterator[QApplication]:
    """The program's font and style sheet for the module's windows, then the test session's again."""
    saved = (qapp.palette(), qapp.font(), qapp.styleSheet())
    set_look(qapp)
    yield qapp
    qapp.setPalette(saved[0])
    qapp.setFont(saved[1])
    qapp.setStyleSheet(saved[2])


@contextlib.contextmanager
def window_on(path: Path, size: QSize, folder: Path) -> Iterator[MainWindow]:
    """The main window on a copy of the festival file at path, at size."""
    shutil.copy(path, folder / "festival.db")
    db = open_database(folder / "festival.db")
    main = MainWindow(Preferences(), folder / "prefs.json")
    main.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the test's own screen
    main.resize(size)
    main.show()
    main.attach(db, ensure_festival(db))
    settle()
    try:
        yield main
    finally:
        main.close()
        main.deleteLater()
        db.close()


@pytest.fixture(scope="module", params=list(SIZES))
def window(
    request: pytest.FixtureRequest,
    dressed: QApplication,
    demo_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[MainWindow, QSize]]:
    """The main window on the demo festival at one of the screen sizes (one window per size)."""
    size = SIZES[request.param]
    with window_on(demo_file, size, tmp_path_factory.mktemp(request.param)) as main:
        yield main, size


@pytest.fixture(scope="module")
def long_names_window(
    dressed: QApplication, demo_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[MainWindow]:
    """The demo festival at 1024×700 with the longest names the program accepts: the festival's name,
    school and theme, today's phases, a competition, a judge, a teacher (a class's head)."""
    folder = tmp_path_factory.mktemp("long-names")
    shutil.copy(demo_file, folder / "long.db")
    db = open_database(folder / "long.db")
    festival = ensure_festival(db)
    update_festival(
        db,
        dataclasses.replace(
            festival,
            name=("第十届校园科技节暨少年科学院" * 10)[: FESTIVAL_NAME.longest],
            school_name=("启明实验学校" * 20)[: SCHOOL_NAME.longest],
            theme=("探究身边的科学" * 30)[: THEME.longest],
        ),
    )
    board = next(c for c in list_competitions(db, festival.id) if c.name == "科普板报比赛")
    update_competition(
        db, dataclasses.replace(board, name=("科普板报比赛之班级文化建设" * 10)[: COMPETITION_NAME.longest])
    )
    teacher = list_teachers(db, festival.id)[0]
    update_teacher(db, teacher.id, ("欧阳慕容司马诸葛" * 4)[: PERSON_NAME.longest], teacher.subject)
    add_judge(db, board.id, ("东方西门上官长孙" * 4)[: JUDGE_NAME.longest])
    for number in range(3):  # phases that are on whatever day the test runs: the heading names them all
        name = (f"第{number}阶段综合实践与展示交流" * 4)[: PHASE_NAME.longest]
        add_phase(db, festival.id, name, dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    db.close()
    with window_on(folder / "long.db", SIZES["1024x700"], folder) as main:
        yield main


def walk_problems(main: MainWindow, size: QSize, tab: int) -> list[str]:
    """Show every page of a tab in turn; what is wrong with each."""
    main.tabs.setCurrentIndex(tab)
    settle()
    while main.runner.busy:  # what a tab counts on the worker (the summary's figures) is on the page
        main.runner.wait_for_done()
        settle()
    problems: list[str] = []
    pages = 0
    for place in walk_pages(main.tabs.currentWidget(), f"{size.width()}×{size.height()} {TABS[tab]}"):
        problems.extend(page_problems(main, size, place))
        pages += 1
    assert pages >= 1
    return problems


@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_every_page_shows_whole_without_squeezing(window: tuple[MainWindow, QSize], tab: int) -> None:
    main, size = window
    problems = walk_problems(main, size, tab)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_the_longest_names_never_widen_the_window(long_names_window: MainWindow, tab: int) -> None:
    problems = walk_problems(long_names_window, SIZES["1024x700"], tab)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("free", "maximised"),
    [(QRect(0, 0, 1024, 728), True), (QRect(0, 0, 1366, 728), True), (QRect(0, 0, 1920, 1040), False)],
)
def test_the_window_opens_within_the_screens_free_area(free: QRect, maximised: bool) -> None:
    geometry, opens_maximised = opening_geometry(free)
    assert free.contains(geometry) and opens_maximised == maximised
    assert geometry.width() <= 1280 and geometry.height() <= 800


def test_a_window_left_on_a_larger_screen_comes_back_within_a_smaller_one() -> None:
    free = QRect(0, 0, 1024, 728)
    assert free.contains(within(QRect(600, 400, 1800, 1000), free))
    assert within(QRect(40, 60, 800, 600), free) == QRect(40, 60, 800, 600)  # it fitted: left as it was


def test_the_scoring_grid_shows_every_criterion_whole(window: tuple[MainWindow, QSize]) -> None:
    """Each criterion's heading is drawn whole (wrapped) in its narrow column; from 1366 pixels wide,
    every column of a board's rubric shows beside the ranking without scrolling sideways."""
    main, size = window
    scoring = main.show_scoring()
    settle()
    grid = scoring.grid
    sheet = scoring.sheet
    assert sheet is not None and len(sheet.competition.criteria) == 8  # the demo's 科普板报比赛
    header = grid.horizontalHeader()
    for column, criterion in enumerate(sheet.competition.criteria):
        shown, height = header.wrapped(column)
        assert shown.replace("\n", "").startswith(criterion.name), shown
        assert height <= header.height()
    if size.width() >= 1366:
        assert grid.horizontalScrollBar().maximum() == 0
        assert header.sectionViewportPosition(header.count() - 1) + 40 <= grid.viewport().width()


def dialogs_of(db: Database) -> tuple[QWidget, list[QDialog]]:
    """Every dialog of the window with a form or a table, as a teacher opens it on the demo festival,
    and the tab they belong to (which keeps them)."""
    from fest_desktop.calendar.events import list_events
    from fest_desktop.school.festivals import list_festivals, list_phases
    from fest_desktop.school.structure import list_classes
    from ui.awards.rules_dialog import AwardRulesDialog
    from ui.awards.tab import AwardsTab
    from ui.calendar.event_dialog import EventDialog
    from ui.scoring.dialogs import JudgesDialog
    from ui.settings.dialogs import AddClassDialog, AddStudentDialog, AddTeacherDialog, NewFestivalDialog
    from ui.summary.district_dialog import DistrictColumnsDialog

    festival = ensure_festival(db)
    board = next(c for c in list_competitions(db, festival.id) if c.name == "科普板报比赛")
    classes = list_classes(db, festival.id)
    runner = Runner()
    awards = AwardsTab(db, runner)
    awards.show()  # a page reads its festival once it is on screen (the rules dialog takes its lists)
    awards.show_festival(festival.id)
    awards.hide()
    event = list_events(db, festival.id)[0]
    return awards, [
        NewFestivalDialog(list_festivals(db), awards),
        AddClassDialog(list_teachers(db, festival.id), awards),
        AddStudentDialog(classes, classes[0].id, awards),
        AddTeacherDialog(awards),
        EventDialog(
            db, runner, festival.id, event, list_phases(db, festival.id), classes, ["报告厅"], awards
        ),
        JudgesDialog(db, runner, festival.id, board.id, board.name, awards),
        DistrictColumnsDialog(db, runner, "", awards),
        AwardRulesDialog(db, runner, festival.id, awards.lists.lists, awards.lists.current_key(), awards),
    ]


def test_every_dialog_fits_a_small_screen(dressed: QApplication, demo_file: Path, tmp_path: Path) -> None:
    """On a 1024×768 screen less its taskbar and the dialog's own title bar, each dialog shows whole
    (what does not fit scrolls inside it), nothing squeezed."""
    room = QSize(1000, 640)
    shutil.copy(demo_file, tmp_path / "festival.db")
    db = open_database(tmp_path / "festival.db")
    problems: list[str] = []
    owner, dialogs = dialogs_of(db)
    for dialog in dialogs:
        name = type(dialog).__name__
        least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if least.width() > room.width() or least.height() > room.height():
            problems.append(f"{name} needs {least.width()}×{least.height()}")
        dialog.resize(dialog.size().boundedTo(room))
        dialog.show()
        settle()
        problems.extend(squeezed(dialog, name))
        dialog.reject()
    owner.deleteLater()
    db.close()
    assert not problems, "\n".join(problems)


def test_scoring_by_entry_and_with_the_board_open_shows_whole(window: tuple[MainWindow, QSize]) -> None:
    """The states of 现场评分 that are not pages: scoring one classroom, and the board's controls shown
    while the projector board is open."""
    main, size = window
    scoring = main.show_scoring()
    where = f"{size.width()}×{size.height()} 现场评分"
    scoring.by_entry.click()
    problems = page_problems(main, size, f"{where} › 按作品录入")
    board = scoring.open_leaderboard()
    assert board is not None and scoring.board.isVisible()
    problems += page_problems(main, size, f"{where} › 排行榜已打开")
    scoring.close_leaderboard()
    scoring.by_judge.click()
    assert not problems, "\n".join(problems)


def test_a_long_notice_leaves_the_tabs_their_room(window: tuple[MainWindow, QSize]) -> None:
    main, size = window
    main.tabs.setCurrentIndex(main.SCORING_TAB)
    text = "这个数据文件正在另一个窗口中打开：D:\\科技节数据\\festival.db。" * 40
    main.show_notice(text)
    problems = page_problems(main, size, f"{size.width()}×{size.height()} 现场评分 with a long notice")
    assert main.notice.isVisible() and main.notice.toolTip() == text
    main.show_notice("")
    assert not problems, "\n".join(problems)


def test_a_window_made_smaller_than_any_tab_keeps_its_size(window: tuple[MainWindow, QSize]) -> None:
    """Made smaller by hand than a page needs, the window keeps the size it was given on every tab:
    the page scrolls inside it."""
    main, size = window
    small = QSize(640, 480)
    main.resize(small)
    sizes = {}
    for tab in range(main.tabs.count()):
        main.tabs.setCurrentIndex(tab)
        settle()
        sizes[TABS[tab]] = main.size().toTuple()
    main.resize(size)
    settle()
    assert set(sizes.values()) == {small.toTuple()}, sizes


def test_a_saved_place_from_a_larger_screen_or_a_damaged_one_opens_within_this_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    free = QGuiApplication.primaryScreen().availableGeometry()
    elsewhere = QMainWindow()
    qtbot.addWidget(elsewhere)
    elsewhere.setGeometry(free.right() - 100, free.bottom() - 100, free.width() * 3, free.height() * 3)
    saved = bytes(elsewhere.saveGeometry().toBase64().data()).decode("ascii")
    for geometry in (saved, "not a saved window!"):
        main = MainWindow(Preferences(window_geometry=geometry), tmp_path / "prefs.json")
        qtbot.addWidget(main)
        assert free.contains(main.geometry()), (geometry, main.geometry(), free)
