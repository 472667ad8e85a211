"""Starting the window: fonts, translations, the window shown at once, then the festival file opened."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from fest_desktop.errors import FestError
from fest_desktop.resources import BUNDLED_FONT_FAMILY, bundled_font_path, resource_path
from fest_desktop.storage.crashes import UnexpectedStop
from ui.main_window import MainWindow
from ui.options import WindowOptions
from ui.style import STYLESHEET, light_palette

# System fonts that read well for Chinese interfaces, best first; the bundled font is the fallback.
PREFERRED_UI_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)


def choose_ui_font() -> str:
    """A Chinese interface font family: a good installed one, else the bundled LXGW WenKai."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in PREFERRED_UI_FONTS:
        if family in installed:
            return family
    return load_bundled_font()


def load_bundled_font() -> str:
    """Load the bundled font into the application; its family as the font file names it."""
    font_id = QFontDatabase.addApplicationFont(str(bundled_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else BUNDLED_FONT_FAMILY


def install_translations(app: QApplication, language: str) -> None:
    """Qt's own strings (buttons of standard dialogs) and the application's, for the chosen language."""
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    # By file name, not QLocale: PySide builds QLocale's hundreds of enum members on first use (~15 ms).
    if qt_translator.load(f"qtbase_{language}", qt_translations):
        app.installTranslator(qt_translator)
    if language != "zh_CN":
        own = QTranslator(app)
        if own.load(str(resource_path("translations", f"fest_{language}.qm"))):
            app.installTranslator(own)


SCREENSHOT_SETTLE_S = 0.25


def save_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    """A PNG of every tab, of the pages of 作品报名, 奖项与证书, 统计与总结 and 学校与设置, of scoring by entry,
    of 手机评分 started and of the leaderboard, for the README and headless checks."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []

    def shoot(name: str, widget: QWidget = window) -> None:
        QApplication.processEvents()
        while window.runner.busy:  # what the tab counts on the worker (the summary's figures) is shown
            window.runner.wait_for_done()
            QApplication.processEvents()
        # Figures arriving from the worker resize cards and charts in further rounds of layout (a chart
        # lays out its axes once its view has its size): let them all run before the picture.
        settled_at = time.monotonic() + SCREENSHOT_SETTLE_S
        while time.monotonic() < settled_at:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        path = folder / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    names = ("calendar", "entries", "scoring", "awards", "summary", "settings")
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        shoot(f"{index + 1}-{name}")
    entries_tab = window.show_entries()
    for row, name in enumerate(("list", "progress", "competitions", "practice")):
        entries_tab.pages.setCurrentIndex(row)
        shoot(f"2-entries-{row + 1}-{name}")
    calendar_tab = window.show_calendar()
    for view, name in ((1, "week"), (2, "agenda")):
        calendar_tab.show_view(view)
        shoot(f"1-calendar-{view + 1}-{name}")
    calendar_tab.show_view(0)
    scoring_tab = window.show_scoring()
    scoring_tab.by_entry.click()
    shoot("3-scoring-2-by-entry")
    scoring_tab.by_judge.click()
    panel = scoring_tab.open_phones()
    if panel is not None:  # 手机评分 started: its QR code is drawn as the judges see it
        panel.start_server()
        shoot("3-scoring-4-phones", panel)
        panel.stop_server()
        panel.hide()
    board = scoring_tab.open_leaderboard()
    if board is not None:
        board.resize(1280, 720)
        QApplication.processEvents()
        board.redraw()  # for the size it now has, the rows in place rather than gliding there
        shoot("3-scoring-3-leaderboard", board)
        scoring_tab.close_leaderboard()
    awards_tab = window.show_awards()
    for page, name in ((1, "print"), (2, "template"), (3, "register")):
        awards_tab.pages.setCurrentIndex(page)
        shoot(f"4-awards-{page + 1}-{name}")
    awards_tab.pages.setCurrentIndex(0)
    summary_tab = window.show_summary()
    for page, name in ((1, "entries"), (2, "awards"), (3, "recommended"), (4, "practice"), (7, "text")):
        summary_tab.sections.setCurrentIndex(page)
        shoot(f"5-summary-{page + 1}-{name}")
    summary_tab.sections.setCurrentIndex(0)
    window.tabs.setCurrentIndex(window.SETTINGS_TAB)
    pages = ("festival", "classes", "teachers", "students", "preferences")
    for row, name in enumerate(pages):
        window.settings_tab.nav.setCurrentRow(row)
        shoot(f"6-settings-{row + 1}-{name}")
    return saved


def set_look(app: QApplication) -> None:
    """The bundled or a Chinese font, light colours whatever the system's dark mode, the stylesheet."""
    font = QFont(app.font())
    font.setFamilies([choose_ui_font(), *font.families()])
    font.setPointSize(10)
    app.setFont(font)
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    app.setPalette(light_palette())
    app.setStyleSheet(STYLESHEET)


def settle_data_location(
    window: MainWindow, target: Path, choose: Callable[[QWidget | None, Path], Path]
) -> Path:
    """The first start's answer to where the data goes, kept in the preferences (so it is asked once)."""
    from fest_desktop.storage.preferences import save_preferences

    chosen = choose(window, target)
    preferences = dataclasses.replace(
        window.preferences, database=str(chosen) if chosen != target else window.preferences.database
    )
    with contextlib.suppress(FestError):  # not saved: asked again next time, nothing lost
        save_preferences(window.preferences_file, preferences)
    window.preferences = preferences
    return chosen


def stop_notice(stops: Sequence[UnexpectedStop]) -> str:
    """What the teacher reads after the program stopped without closing: nothing saved is lost, and
    where the trace is."""
    if not stops:
        return ""
    last = stops[-1]
    when = f"{last.started:%m-%d %H:%M}"
    if last.traced:
        text = QApplication.translate(
            "app",
            "科技节上次（{0} 打开的那次）意外停止了。在那之前保存的每一个分数和修改都还在。原因已记在 {1}，请发给技术支持。",
        )
    else:
        text = QApplication.translate(
            "app",
            "科技节上次（{0} 打开的那次）没有正常关闭（可能是断电或被强制结束）。在那之前保存的每一个分数和修改都还在。",
        )
    return text.format(when, last.crash_log)


def run_window(options: WindowOptions, stops: Sequence[UnexpectedStop] = ()) -> int:
    """Show the window at once, then open the festival file into it; returns the process exit code.
    `stops` are the earlier windows that did not close normally, said once the file is open."""
    app = QApplication.instance() or QApplication(["科技节"])
    assert isinstance(app, QApplication)
    app.setApplicationName("科技节")
    app.setApplicationDisplayName("科技节")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    install_translations(app, options.language)
    set_look(app)

    window = MainWindow(options.preferences, options.preferences_file)
    if options.screenshots is not None:
        # The pictures of the documentation have one size, whatever the screen.
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*options.screenshot_size)
    window.show()
    # After the first paint: opening the file loads the core (SQLAlchemy), which takes a moment.

    def loaded() -> None:
        if options.soak_minutes is not None and options.soak_report is not None:
            from ui.soak import InspectionDaySoak

            InspectionDaySoak(window, options.soak_minutes, options.soak_report).start()

    QTimer.singleShot(
        0,
        lambda: load_festival_file(
            window,
            options.database,
            options.screenshots,
            options.quit_when_loaded,
            options.first_start,
            notice=stop_notice(stops),
            then=loaded,
        ),
    )
    code = app.exec()
    if window.db is not None:
        window.db.close()
    if window.instance_lock is not None:
        window.instance_lock.unlock()
    return code


def skip_pyside_feature_scan(*packages: str) -> None:
    """Workaround for a PySide6 quirk (PYSIDE-2029): once PySide6 is imported, its __feature__ import
    hook reads the source of every module imported afterwards to see whether it uses PySide6, which
    makes loading SQLAlchemy and the core about a third slower. None of these packages does, so they
    are declared as such before they load. Nothing happens where PySide6 keeps that table elsewhere."""
    import importlib.util
    import os

    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for folder, _subfolders, files in os.walk(root):
                relative = os.path.relpath(folder, root)
                prefix = package if relative == "." else f"{package}.{relative.replace(os.sep, '.')}"
                table.setdefault(prefix, -1)
                for name in files:
                    if name.endswith(".py") and name != "__init__.py":
                        table.setdefault(f"{prefix}.{name[:-3]}", -1)


def load_festival_file(
    window: MainWindow,
    target: str | Path,
    screenshots: Path | None,
    quit_when_loaded: bool = False,
    first_start: bool = False,
    notice: str = "",
    then: Callable[[], None] | None = None,
) -> None:
    """Open the festival file into the shown window, or quit (exit code 1) if the teacher gives up."""
    skip_pyside_feature_scan("sqlalchemy", "alembic", "fest_desktop")
    from ui.opening import (
        backup_at_open,
        choose_data_location,
        claim_file,
        ensure_festival,
        open_with_dialogs,
    )

    if first_start and isinstance(target, Path):
        target = settle_data_location(window, target, choose_data_location)

    db = open_with_dialogs(target, window, window.preferences.keep_backups)
    if db is None:
        QApplication.exit(1)
        return
    window.attach(db, ensure_festival(db))
    window.instance_lock, shared = claim_file(db)
    failed_backup = backup_at_open(db)
    window.show_notice(" ".join(filter(None, (notice, shared, failed_backup))))
    if screenshots is not None:
        save_screenshots(window, screenshots)
    if screenshots is not None or quit_when_loaded:
        QApplication.quit()
    elif then is not None:
        then()
