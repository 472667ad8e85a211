"""The English translation is complete, current, and used by the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from fest_desktop.resources import resource_path
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import Preferences
from tests.conftest import PROJECT_ROOT
from ui.main_window import MainWindow

TS_FILE = resource_path("translations", "fest_en.ts")
QM_FILE = resource_path("translations", "fest_en.qm")


def pyside_tool(name: str) -> str:
    """A PySide6 tool of the running Python: beside its executable (a venv not on PATH), else on PATH."""
    beside = Path(sys.executable).parent / (name + (".exe" if sys.platform == "win32" else ""))
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found is not None, f"{name} comes with PySide6"
    return found


def unfinished(ts: Path) -> list[str]:
    messages = ET.parse(ts).getroot().iter("message")
    return [
        m.findtext("source", "")
        for m in messages
        if (t := m.find("translation")) is None or t.get("type") is not None or not (t.text or "").strip()
    ]


def test_every_string_of_the_ts_file_is_translated() -> None:
    assert unfinished(TS_FILE) == []


def test_every_string_in_the_sources_is_in_the_ts_file(tmp_path: Path) -> None:
    lupdate = pyside_tool("pyside6-lupdate")
    fresh = tmp_path / "fest_en.ts"
    shutil.copy(TS_FILE, fresh)
    sources = [str(PROJECT_ROOT / "main.py"), *sorted(str(p) for p in (PROJECT_ROOT / "ui").rglob("*.py"))]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    # A new tr() string arrives unfinished, a removed one marked vanished: both fail here.
    assert unfinished(fresh) == []


def test_the_compiled_translation_is_current(tmp_path: Path) -> None:
    lrelease = pyside_tool("pyside6-lrelease")
    compiled = tmp_path / "fest_en.qm"
    subprocess.run([lrelease, str(TS_FILE), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM_FILE.read_bytes()


@pytest.fixture
def english(qapp: QCoreApplication) -> object:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_the_window_speaks_english_when_asked(
    english: object, qtbot: QtBot, db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    window = MainWindow(Preferences(language="en"), tmp_path / "prefs.json")
    qtbot.addWidget(window)
    window.attach(db, festival)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [
        "Calendar",
        "Entries",
        "Live scoring",
        "Awards and certificates",
        "Summary",
        "School and settings",
    ]
    assert window.settings_tab.nav.item(3).text() == "Student roster"
