"""Form dialogs and their parts: dates between QDate and date, grade and teacher choices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.school.classnames import GRADE_NAMES
from fest_desktop.school.people import TeacherInfo
from ui.widgets.scrolling import ScrollingPanel


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(day: dt.date, parent: QWidget | None = None) -> QDateEdit:
    editor = QDateEdit(to_qdate(day), parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    return editor


class FormDialog(QDialog):
    """A titled form with OK/Cancel; subclasses add rows to self.form. On a screen too short for the
    form, its fields scroll and OK/Cancel stay in sight."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        fields = QWidget()
        fields.setLayout(self.form)
        self.form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(ScrollingPanel(fields), 1)
        layout.addWidget(self.buttons)


def index_of_data(box: QComboBox, value: object) -> int:
    """The index of the choice holding value, -1 when none does. QComboBox.findData compares Python
    objects by identity (a PySide quirk), so typed values equal but not the same are looked up here."""
    return next((index for index in range(box.count()) if box.itemData(index) == value), -1)


def grade_choices() -> list[tuple[str, int]]:
    return [(name, level) for level, name in enumerate(GRADE_NAMES, start=1)]


def teacher_choices(teachers: Sequence[TeacherInfo], none_label: str) -> list[tuple[str, int | None]]:
    choices: list[tuple[str, int | None]] = [(none_label, None)]
    choices.extend((f"{t.name}（{t.subject}）" if t.subject else t.name, t.id) for t in teachers)
    return choices


def set_button_menu(button: QPushButton | QToolButton, menu: QMenu) -> None:
    """A button that opens a menu, with room for its arrow beside the text rather than over it."""
    button.setMenu(menu)
    button.setProperty("menuButton", True)
    if isinstance(button, QToolButton):
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)


def move_current_item(items: QListWidget, step: int) -> None:
    """Move a list's current item step places up (-1) or down (1), staying current."""
    row = items.currentRow()
    target = row + step
    if row < 0 or not 0 <= target < items.count():
        return
    item = items.takeItem(row)
    items.insertItem(target, item)
    items.setCurrentRow(target)
