"""Starting the application: Chinese font on a bare machine, first-run demo, screenshots, preferences."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QApplication

from fest_desktop.resources import BUNDLED_FONT_FAMILY, bundled_font_path
from fest_desktop.school.festivals import list_festivals
from fest_desktop.storage.database import open_database
from fest_desktop.storage.preferences import Preferences, load_preferences, save_preferences
from tests.conftest import PROJECT_ROOT
from ui.app import choose_ui_font
from ui.opening import ensure_festival


def test_a_machine_without_chinese_fonts_gets_the_bundled_one(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[str] = []
    real_add = QFontDatabase.addApplicationFont
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *args: ["DejaVu Sans"]))
    monkeypatch.setattr(
        QFontDatabase, "addApplicationFont", staticmethod(lambda path: loaded.append(path) or real_add(path))
    )
    assert choose_ui_font() == BUNDLED_FONT_FAMILY
    assert loaded == [str(bundled_font_path())]


def test_the_bundled_font_loads_and_covers_chinese(qapp: QApplication) -> None:
    font_id = QFontDatabase.addApplicationFont(str(bundled_font_path()))
    assert QFontDatabase.applicationFontFamilies(font_id) == [BUNDLED_FONT_FAMILY]
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(BUNDLED_FONT_FAMILY)


def test_the_bundled_font_has_truetype_outlines_and_its_licence() -> None:
    # ReportLab can embed TrueType (glyf) outlines but not CFF ones; the font serves both Qt and PDFs.
    data = bundled_font_path().read_bytes()
    assert data[:4] == b"\x00\x01\x00\x00" and b"glyf" in data[:1024]
    assert "SIL OPEN FONT LICENSE" in (bundled_font_path().parent / "OFL.txt").read_text(encoding="utf-8")


def test_the_first_start_creates_the_demo_festival_once(tmp_path: Path) -> None:
    db = open_database(tmp_path / "first.db")
    demo = ensure_festival(db)
    assert demo.name == "第十届校园科技节"
    assert ensure_festival(db) == demo
    assert len(list_festivals(db)) == 1
    db.close()


def test_preferences_survive_and_a_damaged_file_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    save_preferences(path, Preferences(language="en"))
    assert load_preferences(path) == Preferences(language="en")
    path.write_text("{broken", encoding="utf-8")
    assert load_preferences(path) == Preferences()


def test_screenshot_option_saves_every_tab_and_quits(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
            "--db",
            str(tmp_path / "s.db"),
            "--screenshot",
            str(shots),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in shots.glob("*.png"))
    assert names[:23] == [
        "1-calendar-2-week.png",
        "1-calendar-3-agenda.png",
        "1-calendar.png",
        "2-entries-1-list.png",
        "2-entries-2-progress.png",
        "2-entries-3-competitions.png",
        "2-entries-4-practice.png",
        "2-entries.png",
        "3-scoring-2-by-entry.png",
        "3-scoring-3-leaderboard.png",
        "3-scoring-4-phones.png",
        "3-scoring.png",
        "4-awards-2-print.png",
        "4-awards-3-template.png",
        "4-awards-4-register.png",
        "4-awards.png",
        "5-summary-2-entries.png",
        "5-summary-3-awards.png",
        "5-summary-4-recommended.png",
        "5-summary-5-practice.png",
        "5-summary-8-text.png",
        "5-summary.png",
        "6-settings-1-festival.png",
    ]
    assert len(names) == 28
    # Every tab at the size of a 1366×768 laptop's screen less its taskbar, whatever fonts this PC has:
    # no tab makes the window grow (the board and the phones' panel are windows of their own).
    sizes = {
        name: QImage(str(shots / name)).size().toTuple()
        for name in names
        if "leaderboard" not in name and "phones" not in name
    }
    assert set(sizes.values()) == {(1366, 728)}, sizes
    # 手机评分 started: its QR code opens the phone page on this PC's network address.
    import zxingcpp

    codes = zxingcpp.read_barcodes(QImage(str(shots / "3-scoring-4-phones.png")))
    assert [code.text for code in codes if code.text.startswith("http://")], codes
    image = QImage(str(shots / "6-settings-4-students.png"))
    assert len({image.pixel(x, y) for x in range(0, 1366, 40) for y in range(0, 728, 40)}) > 5


def test_a_bug_is_logged_and_the_teacher_told_where_the_log_is(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    import main
    from fest_desktop.storage.paths import log_path

    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *args: shown.append(args[2]))
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        main.report_bug(RuntimeError, error, error.__traceback__)
    assert "RuntimeError: boom" in log_path().read_text(encoding="utf-8")
    assert len(shown) == 1 and str(log_path()) in shown[0] and "boom" in shown[0]


def test_window_options_fall_back_to_the_stored_language_and_the_default_file(tmp_path: Path) -> None:
    from fest_desktop.storage.paths import default_database_path, preferences_path
    from ui.options import read_window_options

    save_preferences(preferences_path(), Preferences(language="en"))
    options = read_window_options([])
    assert (options.database, options.screenshots, options.language) == (default_database_path(), None, "en")
    options = read_window_options(["--db", "x.db", "--lang", "zh_CN", "--screenshot", "shots"])
    assert (options.database, options.screenshots, options.language) == ("x.db", Path("shots"), "zh_CN")
    assert options.screenshot_size == (1366, 728)
    options = read_window_options(["--screenshot", "shots", "--screenshot-size", "1024x700"])
    assert options.screenshot_size == (1024, 700)
    with pytest.raises(SystemExit):
        read_window_options(["--screenshot", "shots", "--screenshot-size", "1024"])


def test_opening_a_file_in_the_window_backs_it_up_once_until_it_changes(tmp_path: Path) -> None:
    from fest_desktop.storage.backups import ON_OPEN, list_backups

    database = tmp_path / "festival.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", str(database), "--quit-when-loaded"]
    for _ in range(2):
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
    assert [b.reason for b in list_backups(database)] == [ON_OPEN]  # the second start changed nothing
    assert not database.with_name("festival.db.lock").exists()  # released when the window closed


def test_dark_mode_gives_no_light_text_on_white(qapp: QApplication) -> None:
    from PySide6.QtGui import QColor, QPalette

    from ui.app import set_look

    saved = (qapp.palette(), qapp.font(), qapp.styleSheet())
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202020"), (QPalette.ColorRole.WindowText, "#f0f0f0")):
        dark.setColor(role, QColor(colour))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1a1a1a"))
    qapp.setPalette(dark)  # as Windows 11's dark mode hands it to Qt
    try:
        set_look(qapp)
        palette = qapp.palette()
        for text, ground in (
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        ):
            assert palette.color(text).lightness() < 80 < 200 < palette.color(ground).lightness()
    finally:
        qapp.setPalette(saved[0])
        qapp.setFont(saved[1])
        qapp.setStyleSheet(saved[2])
