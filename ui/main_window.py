"""The main window: the festival's heading, the five tabs, and a status line about saving.

The window is built and shown before the festival file is opened: the core brings in SQLAlchemy
(a quarter of a second to import), so the parts that need it are imported in attach(), once the
window is on screen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from fest_desktop.changes import EVERYTHING, Changed
from fest_desktop.errors import FestError
from fest_desktop.storage.preferences import Preferences, update_preferences
from ui.operations import Runner
from ui.widgets.labels import ElidedLabel
from ui.widgets.scrolling import PageFrame

if TYPE_CHECKING:
    from fest_desktop.school.festivals import FestivalInfo, PhaseInfo
    from fest_desktop.storage.database import Database
    from fest_desktop.storage.watching import CommitWatch
    from ui.awards.tab import AwardsTab
    from ui.calendar.tab import CalendarTab
    from ui.registration.tab import EntriesTab
    from ui.scoring.tab import ScoringTab
    from ui.scoring.watcher import ScoreWatcher
    from ui.settings.tab import SettingsTab
    from ui.summary.tab import SummaryTab

# How often the file is asked whether another window or PC committed something (scores: 4 times a second).
ELSEWHERE_MILLISECONDS = 1000
# The window's size on a screen with room for it; on a smaller one it opens maximised.
DEFAULT_SIZE = QSize(1280, 800)
# What a window manager puts around the window (title bar above, borders) before the window has a frame
# to measure: left, top, right, bottom.
FRAME = (8, 32, 8, 8)


def within(geometry: QRect, free: QRect) -> QRect:
    """geometry made no larger than the screen's free area less the window's frame, and moved inside."""
    inner = free.adjusted(FRAME[0], FRAME[1], -FRAME[2], -FRAME[3])
    size = geometry.size().boundedTo(inner.size())
    left = max(inner.left(), min(geometry.left(), inner.right() + 1 - size.width()))
    top = max(inner.top(), min(geometry.top(), inner.bottom() + 1 - size.height()))
    return QRect(QPoint(left, top), size)


def opening_geometry(free: QRect) -> tuple[QRect, bool]:
    """Where the window opens the first time on a screen whose free area is free, and whether it opens
    maximised (when 1280×800 and its frame do not fit)."""
    inner = free.adjusted(FRAME[0], FRAME[1], -FRAME[2], -FRAME[3])
    centred = QRect(QPoint(0, 0), DEFAULT_SIZE.boundedTo(inner.size()))
    centred.moveCenter(inner.center())
    fits = DEFAULT_SIZE.width() <= inner.width() and DEFAULT_SIZE.height() <= inner.height()
    return within(centred, free), not fits


class FestivalHeader(QWidget):
    """The band at the top: which festival, its theme and dates, and today's phase."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("festivalHeader")
        # A plain QWidget subclass paints no stylesheet background unless asked to (Qt quirk).
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # A festival's name, theme and phases are the teacher's: however long, they never widen the window.
        self.title = ElidedLabel()
        self.title.setObjectName("festivalTitle")
        self.subtitle = ElidedLabel()
        self.subtitle.setObjectName("festivalSubtitle")
        self.phase = ElidedLabel()
        self.phase.setObjectName("phaseBadge")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        layout = QHBoxLayout(self)
        # A slim band: on a 700-pixel-high screen every line it takes is a line less of the tabs.
        layout.setContentsMargins(20, 6, 20, 6)
        layout.addLayout(text, 1)
        layout.addWidget(self.phase, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_festival(self, festival: FestivalInfo, phases: list[PhaseInfo], today: dt.date) -> None:
        from fest_desktop.school.festivals import phases_on

        self.title.setText(festival.title)
        parts = [self.tr("主题：{0}").format(festival.theme)] if festival.theme else []
        parts.append(
            self.tr("{0} 至 {1}").format(festival.start_date.isoformat(), festival.end_date.isoformat())
        )
        self.subtitle.setText("　·　".join(parts))
        running = phases_on(phases, today)
        # The festival's name first: the phases' badge is cut (whole in its tooltip) past a few words.
        self.phase.setMaximumWidth(self.phase.fontMetrics().horizontalAdvance("字" * 24))
        if running:
            self.phase.setText(self.tr("今天：{0}阶段").format("、".join(p.name for p in running)))
        elif today < festival.start_date:
            self.phase.setText(self.tr("距开幕还有 {0} 天").format((festival.start_date - today).days))
        elif today > festival.end_date:
            self.phase.setText(self.tr("已结束"))
        else:
            self.phase.setText(self.tr("进行中"))


class MainWindow(QMainWindow):
    """Holds the tabs and the one runner of their operations; attach() gives it the opened festival
    file. It follows which festival is in use: an operation that changes it (switched, created,
    deleted, a backup restored) shows the festival then in use on every tab."""

    CALENDAR_TAB = 0
    ENTRIES_TAB = 1
    SCORING_TAB = 2
    AWARDS_TAB = 3
    SUMMARY_TAB = 4
    SETTINGS_TAB = 5

    def __init__(
        self, preferences: Preferences, preferences_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.festival: FestivalInfo | None = None
        self._settings: SettingsTab | None = None
        self.entries_tab: EntriesTab | None = None
        self.scoring: ScoringTab | None = None
        self.calendar: CalendarTab | None = None
        self.awards_tab: AwardsTab | None = None
        self.summary_tab: SummaryTab | None = None
        self.preferences = preferences
        self.preferences_file = preferences_file
        self.instance_lock: QLockFile | None = None
        self.runner = Runner(self)
        # Scores committed anywhere (this window, another, another PC, a phone), and anything else
        # another window or PC committed to the file: both made in attach().
        self.watcher: ScoreWatcher | None = None
        self.commits: CommitWatch | None = None
        self._heard = False  # an operation's changes were announced since the file was last asked
        self.place_on_screen()
        self.setWindowTitle(self.tr("科技节"))

        self.header = FestivalHeader()
        self.header.title.setText(self.tr("科技节"))
        self.header.subtitle.setText(self.tr("正在打开数据文件…"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(QWidget(), self.tr("活动日历"))
        self.tabs.addTab(QWidget(), self.tr("作品报名"))
        self.tabs.addTab(QWidget(), self.tr("现场评分"))
        self.tabs.addTab(QWidget(), self.tr("奖项与证书"))
        self.tabs.addTab(QWidget(), self.tr("统计与总结"))
        self.tabs.addTab(QWidget(), self.tr("学校与设置"))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def place_on_screen(self) -> None:
        """Where and how large the window was left, or 1280×800 in the middle of the screen, or
        maximised on a screen too small for that: always within the screen's free area (what its
        taskbar leaves), whatever screen the window was last closed on."""
        screen = QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else QRect(QPoint(0, 0), DEFAULT_SIZE)
        saved = self.preferences.window_geometry
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            if not self.isMaximized() and not self.isFullScreen():
                self.setGeometry(within(self.geometry(), self.screen().availableGeometry()))
            return
        geometry, maximised = opening_geometry(free)
        self.setGeometry(geometry)
        if maximised:
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def remember_place(self) -> None:
        """Keep the window's size, place and tab for the next start (nothing lost when it cannot)."""
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        with contextlib.suppress(OSError, FestError):
            self.preferences = update_preferences(
                self.preferences_file, window_geometry=geometry, last_tab=self.tabs.currentIndex()
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_place()
        if self.commits is not None:
            self.commits.close()
        # An operation under way finishes (committed whole, or not at all) before the file is closed.
        self.runner.wait_for_done()
        super().closeEvent(event)

    def attach(self, db: Database, festival: FestivalInfo) -> None:
        """Show an opened festival file: the heading and the tab on screen; the other tabs are built
        the first time they are shown, so the festival appears without waiting for all five."""
        self.db = db
        self.statusBar().showMessage(
            self.tr("数据文件：{0}　·　所有修改即时保存").format(db.display_location)
        )
        if 0 < self.preferences.last_tab < self.tabs.count():
            self.tabs.setCurrentIndex(self.preferences.last_tab)  # where the teacher left off
        self.tabs.currentChanged.connect(self._tab_shown)
        # Connected before any tab is built, so a festival switched is shown before the tabs refresh.
        self.runner.changed.connect(self._changed)
        from ui.scoring.watcher import ScoreWatcher

        self.watcher = ScoreWatcher(db, festival.id, self)
        self.watcher.changed.connect(lambda _stamp: self.runner.announce(Changed.SCORES))
        from fest_desktop.storage.watching import CommitWatch

        self.commits = CommitWatch(db)
        self.runner.changed.connect(self._heard_of)
        self._elsewhere = QTimer(self)
        self._elsewhere.setInterval(ELSEWHERE_MILLISECONDS)
        self._elsewhere.timeout.connect(self._commits_elsewhere)
        self._elsewhere.start()
        self.show_festival(festival)
        self._tab_shown(self.tabs.currentIndex())

    def show_festival(self, festival: FestivalInfo) -> None:
        self._festival_edited(festival)
        if self.watcher is not None:
            self.watcher.watch(festival.id)
        for tab in (
            self._settings,
            self.entries_tab,
            self.scoring,
            self.calendar,
            self.awards_tab,
            self.summary_tab,
        ):
            if tab is not None:
                tab.show_festival(festival.id)

    @property
    def settings_tab(self) -> SettingsTab:
        """学校与设置, built when first asked for."""
        if self._settings is None:
            from ui.settings.tab import SettingsTab

            assert self.db is not None
            self._settings = SettingsTab(self.db, self.runner, self.preferences, self.preferences_file)
            self._put_tab(self.SETTINGS_TAB, self._settings, self.tr("学校与设置"))
            self._settings.show_festival(self._festival_id())
        return self._settings

    def show_notice(self, text: str) -> None:
        """A line under the header for what the teacher should know (another window has the file)."""
        self.notice.setText(text)
        self.notice.setToolTip(text)
        # Three lines at most (a long path could make more), so that the tabs keep their room.
        self.notice.setMaximumHeight(self.notice.fontMetrics().lineSpacing() * 3 + 20)
        self.notice.setVisible(bool(text))

    def _heard_of(self, _changes: Changed, _origin: object) -> None:
        self._heard = True

    def _commits_elsewhere(self) -> None:
        """Another window or PC committed something to the file that no operation of this window
        announced (scores come through the watcher): every tab shows it, the one on screen at once."""
        moved = self.commits is not None and self.commits.moved()
        if moved and not self._heard:
            self.runner.announce(EVERYTHING & ~Changed.SCORES)
        self._heard = False

    def _changed(self, changes: Changed, _origin: object) -> None:
        """The festival in use, its name, dates or phases may have changed: the heading follows, and a
        festival now in use that was not shown is shown on every tab (a restored file may hold none)."""
        if not changes & Changed.FESTIVAL or self.db is None:
            return
        from ui.opening import ensure_festival

        current = ensure_festival(self.db)
        if self.festival is None or current.id != self.festival.id:
            self.show_festival(current)
        else:
            self._festival_edited(current)

    def _tab_shown(self, index: int) -> None:
        """Build a tab the first time it is shown: the window opens without waiting for every tab."""
        if index == self.CALENDAR_TAB and self.calendar is None:
            from ui.calendar.tab import CalendarTab

            assert self.db is not None
            self.calendar = CalendarTab(self.db, self.runner)
            self._put_tab(self.CALENDAR_TAB, self.calendar, self.tr("活动日历"))
            self.calendar.show_festival(self._festival_id())
        if index == self.ENTRIES_TAB and self.entries_tab is None:
            from ui.registration.tab import EntriesTab

            assert self.db is not None
            self.entries_tab = EntriesTab(self.db, self.runner)
            self._put_tab(self.ENTRIES_TAB, self.entries_tab, self.tr("作品报名"))
            self.entries_tab.show_festival(self._festival_id())
        if index == self.SCORING_TAB and self.scoring is None:
            from ui.scoring.tab import ScoringTab

            assert self.db is not None and self.watcher is not None
            self.scoring = ScoringTab(self.db, self.runner, self.watcher, self.preferences_file)
            self._put_tab(self.SCORING_TAB, self.scoring, self.tr("现场评分"))
            self.scoring.show_festival(self._festival_id())
        if index == self.AWARDS_TAB and self.awards_tab is None:
            from ui.awards.tab import AwardsTab

            assert self.db is not None
            self.awards_tab = AwardsTab(self.db, self.runner)
            self._put_tab(self.AWARDS_TAB, self.awards_tab, self.tr("奖项与证书"))
            self.awards_tab.show_festival(self._festival_id())
        if index == self.SUMMARY_TAB and self.summary_tab is None:
            from ui.summary.tab import SummaryTab

            assert self.db is not None
            self.summary_tab = SummaryTab(self.db, self.runner)
            self._put_tab(self.SUMMARY_TAB, self.summary_tab, self.tr("统计与总结"))
            self.summary_tab.show_festival(self._festival_id())
        if index == self.SETTINGS_TAB:
            self.settings_tab  # noqa: B018 - built on first use

    def _festival_id(self) -> int:
        assert self.festival is not None
        return self.festival.id

    def _put_tab(self, index: int, tab: QWidget, title: str) -> None:
        """Replace a tab's stand-in by the built tab, the same tab staying current. The tab sits in a
        frame that scrolls if the window is ever smaller than the tab: the window never grows for it."""
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, PageFrame(tab), title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)

    def show_entries(self) -> EntriesTab:
        """Switch to 作品报名 (building it if needed)."""
        self.tabs.setCurrentIndex(self.ENTRIES_TAB)
        assert self.entries_tab is not None
        return self.entries_tab

    def show_calendar(self) -> CalendarTab:
        """Switch to 活动日历 (building it if needed)."""
        self.tabs.setCurrentIndex(self.CALENDAR_TAB)
        assert self.calendar is not None
        return self.calendar

    def show_awards(self) -> AwardsTab:
        """Switch to 奖项与证书 (building it if needed)."""
        self.tabs.setCurrentIndex(self.AWARDS_TAB)
        assert self.awards_tab is not None
        return self.awards_tab

    def show_summary(self) -> SummaryTab:
        """Switch to 统计与总结 (building it if needed)."""
        self.tabs.setCurrentIndex(self.SUMMARY_TAB)
        assert self.summary_tab is not None
        return self.summary_tab

    def show_scoring(self) -> ScoringTab:
        """Switch to 现场评分 (building it if needed)."""
        self.tabs.setCurrentIndex(self.SCORING_TAB)
        assert self.scoring is not None
        return self.scoring

    def _festival_edited(self, festival: FestivalInfo) -> None:
        from fest_desktop.school.festivals import list_phases

        assert self.db is not None
        self.festival = festival
        self.setWindowTitle(self.tr("{0} — 科技节").format(festival.title))
        self.header.show_festival(festival, list_phases(self.db, festival.id), dt.date.today())
