"""What every window test shares: the message boxes of the tabs recorded and answered instead of
blocking the test."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.operations import Runner


class RecordedBox:
    """Stands in for QMessageBox inside ui.widgets.messages, the one module that opens them: errors,
    questions (answered with Shown.answer) and saved-file notes are recorded."""

    Icon = QMessageBox.Icon
    ButtonRole = QMessageBox.ButtonRole
    StandardButton = QMessageBox.StandardButton
    shown: dict[str, Any]

    def __init__(self, _icon: object, _title: str, text: str, parent: object = None) -> None:
        self.text = text

    @classmethod
    def warning(cls, _parent: object, _title: str, text: str) -> None:
        cls.shown["errors"].append(text)

    @classmethod
    def question(
        cls, _parent: object, _title: str, text: str, *_buttons: object
    ) -> QMessageBox.StandardButton:
        cls.shown["questions"].append(text)
        return QMessageBox.StandardButton.Yes if cls.shown["answer"] else QMessageBox.StandardButton.No

    def setInformativeText(self, text: str) -> None:
        self.shown["saved_where"].append(text)

    def setStyleSheet(self, _sheet: str) -> None:
        pass

    def addButton(self, _text: str, _role: object) -> object:
        return object()

    def exec(self) -> int:
        self.shown["saved"].append(self.text)
        return 0

    def clickedButton(self) -> None:
        return None


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The messages the window showed: "errors", "questions" (answered yes unless "answer" is set to
    False) and "saved"."""
    record: dict[str, Any] = {"errors": [], "questions": [], "saved": [], "saved_where": [], "answer": True}
    box = type("Box", (RecordedBox,), {"shown": record})
    monkeypatch.setattr("ui.widgets.messages.QMessageBox", box)
    return record


def settled(qtbot: Any, runner: Runner, timeout: int = 20000) -> None:
    """Wait until the runner's operations under way have ended and their outcomes been shown."""
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)
