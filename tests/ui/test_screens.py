"""The window on the school's real screens: at 1024×700 (a 1024×768 screen less its taskbar and title
bar), 1280×720, 1366×728 and 1920×1040, every tab and every page inside it shows whole in the window,
the window keeps its size, and no field is squeezed below the size its layout promises.

The window is dressed as the program dresses it (its font, chosen from the fonts this PC has, and its
style sheet); CI runs these tests once with Noto Sans CJK and once with WenQuanYi Micro Hei only."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.storage.database import open_database
from fest_desktop.storage.preferences import Preferences
from tests.ui.layout_checks import page_problems, settle, walk_pages
from ui.app import set_look
from ui.main_window import MainWindow, opening_geometry, within
from ui.opening import ensure_festival

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


@pytest.fixture(scope="module", params=list(SIZES))
def window(
    request: pytest.FixtureRequest,
    dressed: QApplication,
    demo_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[MainWindow, QSize]]:
    """The main window on the demo festival at one of the screen sizes (one window per size)."""
    size = SIZES[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    shutil.copy(demo_file, folder / "demo.db")
    db = open_database(folder / "demo.db")
    main = MainWindow(Preferences(), folder / "prefs.json")
    main.setWindowState(Qt.WindowState.WindowNoState)  # not maximised on the test's own screen
    main.resize(size)
    main.show()
    main.attach(db, ensure_festival(db))
    settle()
    yield main, size
    main.close()
    main.deleteLater()
    db.close()


@pytest.mark.parametrize("tab", range(len(TABS)), ids=TABS)
def test_every_page_shows_whole_without_squeezing(window: tuple[MainWindow, QSize], tab: int) -> None:
    main, size = window
    main.tabs.setCurrentIndex(tab)
    settle()
    where = f"{size.width()}×{size.height()} {TABS[tab]}"
    problems: list[str] = []
    pages = 0
    for place in walk_pages(main.tabs.currentWidget(), where):
        problems.extend(page_problems(main, size, place))
        pages += 1
    assert pages >= 1
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
