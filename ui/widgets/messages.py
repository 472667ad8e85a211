"""Telling the teacher things, the one way: an expected failure of the core (its message, nothing
saved; ui.operations.Runner shows those of the operations it runs), a question, and what was written
with a button that opens it. Every message box of the tabs comes from here."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Final, TypeVar

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

ResultT = TypeVar("ResultT")


def show_error(parent: QWidget | None, message: str) -> None:
    """An expected failure (bad value, unreadable file): the core's message, nothing saved."""
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "未能完成"), message)


class Failed(Enum):
    FAILED = "failed"


# What the runner gives back for an operation that was refused (its message already shown).
FAILED: Final = Failed.FAILED


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def tell_saved(parent: QWidget | None, message: str, path: Path) -> None:
    """Say what was written, with a button that opens it (or its folder) in the system's program."""
    box = QMessageBox(
        QMessageBox.Icon.Information, QCoreApplication.translate("messages", "已保存"), message, parent=parent
    )
    # The file's name on a line of its own, then its folder: a long path is not broken mid-name.
    box.setInformativeText(f"{path.name}\n{path.parent}")
    box.setStyleSheet("QLabel { min-width: 32em; }")
    open_button = box.addButton(
        QCoreApplication.translate("messages", "打开"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("messages", "关闭"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
