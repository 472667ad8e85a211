"""Opening the festival file from the window: failures explained, another file offered, first-run demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from fest_desktop.db import Database, open_database
from fest_desktop.errors import DatabaseOpenError
from fest_desktop.festivals import FestivalInfo, current_festival


def open_with_dialogs(target: str | Path, parent: QWidget | None = None) -> Database | None:
    """Open the festival file; on failure say why and offer another file. None when the user gives up."""
    while True:
        try:
            return open_database(target)
        except DatabaseOpenError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QApplication.translate("opening", "无法打开科技节数据文件"),
                exc.message,
                parent=parent,
            )
            other = box.addButton(
                QApplication.translate("opening", "打开其他文件…"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QApplication.translate("opening", "退出"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not other:
                return None
            name, _ = QFileDialog.getOpenFileName(
                parent,
                QApplication.translate("opening", "选择科技节数据文件"),
                "",
                QApplication.translate("opening", "科技节数据文件 (*.db);;所有文件 (*)"),
            )
            if not name:
                return None
            target = name


def ensure_festival(db: Database) -> FestivalInfo:
    """The current festival; on the first start (an empty file) the demo festival is created."""
    festival = current_festival(db)
    if festival is None:
        from fest_desktop.demo import create_demo_festival

        festival = create_demo_festival(db)
    return festival
