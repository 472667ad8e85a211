"""Telling the teacher about expected failures, in one consistent way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, message: str) -> None:
    """An expected failure (bad value, unreadable file): the core's message, nothing saved."""
    QMessageBox.warning(parent, QCoreApplication.translate("messages", "未能完成"), message)


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
    box.setInformativeText(str(path))
    open_button = box.addButton(
        QCoreApplication.translate("messages", "打开"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("messages", "关闭"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
