"""Telling the teacher things, the one way: an expected failure of the core (its message, nothing
saved), a question, and what was written with a button that opens it. Every message box of the tabs
comes from here."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Final, Literal, TypeVar

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from fest_desktop.errors import FestError

ResultT = TypeVar("ResultT")


def show_error(parent: QWidget | None, message: str) -> None:
    """An expected failure (bad value, unreadable file): the core's message, nothing saved."""
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "未能完成"), message)


class _Failed(Enum):
    FAILED = "failed"


# What run_operation returns when the operation was refused (its message already shown).
FAILED: Final = _Failed.FAILED


def run_operation(
    parent: QWidget | None, operation: Callable[[], ResultT]
) -> ResultT | Literal[_Failed.FAILED]:
    """Run a core operation for a widget: its result, or FAILED once an expected failure (FestError)
    has been shown. Bugs are not caught here: they reach the program's error dialog."""
    try:
        return operation()
    except FestError as exc:
        show_error(parent, exc.message)
        return FAILED


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
