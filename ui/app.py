"""Starting the window: fonts, translations, the window shown at once, then the festival file opened."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from fest_desktop.paths import default_database_path, preferences_path
from fest_desktop.preferences import LANGUAGES, load_preferences
from fest_desktop.resources import BUNDLED_FONT_FAMILY, bundled_font_path, resource_path
from ui.main_window import MainWindow
from ui.style import STYLESHEET

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


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own strings (buttons of standard dialogs) and the application's, for the chosen language."""
    translators = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(language), "qtbase", "_", qt_translations):
        translators.append(qt_translator)
    if language != "zh_CN":
        own = QTranslator(app)
        if own.load(str(resource_path("translations", f"fest_{language}.qm"))):
            translators.append(own)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def save_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    """A PNG of every tab, and of every page of 学校与设置, for the README and for headless checks."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    names = ("calendar", "entries", "scoring", "awards", "settings")
    for index, name in enumerate(names):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        path = folder / f"{index + 1}-{name}.png"
        window.grab().save(str(path))
        saved.append(path)
    pages = ("festival", "classes", "teachers", "students", "preferences")
    for row, name in enumerate(pages):
        window.settings_tab.nav.setCurrentRow(row)
        QApplication.processEvents()
        path = folder / f"5-settings-{row + 1}-{name}.png"
        window.grab().save(str(path))
        saved.append(path)
    return saved


def parse_window_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="科技节 desktop")
    parser.add_argument("--db", metavar="PATH", help="科技节数据文件")
    parser.add_argument("--screenshot", metavar="DIR", help="把每个标签页截图保存到 DIR 后退出")
    parser.add_argument("--lang", choices=LANGUAGES, help="界面语言（默认取设置中的语言）")
    return parser.parse_args(list(argv))


def run_window(argv: Sequence[str]) -> int:
    """Open the window on the given or default festival file; returns the process exit code."""
    args = parse_window_args(argv)
    app = QApplication.instance() or QApplication(["科技节"])
    assert isinstance(app, QApplication)
    app.setApplicationName("科技节")
    app.setApplicationDisplayName("科技节")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
    preferences_file = preferences_path()
    preferences = load_preferences(preferences_file)
    language = args.lang or preferences.language
    install_translations(app, language)
    font = QFont(app.font())
    font.setFamilies([choose_ui_font(), *font.families()])
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)

    window = MainWindow(preferences, preferences_file)
    window.show()
    target = args.db if args.db is not None else default_database_path()
    screenshots = Path(args.screenshot) if args.screenshot else None
    # After the first paint: opening the file loads the core (SQLAlchemy), which takes a moment.
    QTimer.singleShot(0, lambda: load_festival_file(window, target, screenshots))
    code = app.exec()
    if window.db is not None:
        window.db.close()
    return code


def load_festival_file(window: MainWindow, target: str | Path, screenshots: Path | None) -> None:
    """Open the festival file into the shown window, or quit (exit code 1) if the teacher gives up."""
    from ui.opening import ensure_festival, open_with_dialogs

    db = open_with_dialogs(target, window)
    if db is None:
        QApplication.exit(1)
        return
    window.attach(db, ensure_festival(db))
    if screenshots is not None:
        save_screenshots(window, screenshots)
        QApplication.quit()
