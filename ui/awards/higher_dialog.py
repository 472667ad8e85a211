"""The contests above the school: their names in order (上级比赛…), and what a recommended work obtained
at each level it reached (记录上级比赛结果…)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from fest_desktop.awards.higher import (
    LEVEL_NAME,
    RESULT,
    HigherLevelInfo,
    higher_levels,
    set_higher_levels,
    set_higher_results,
    work_results,
)
from fest_desktop.awards.lists import AwardInfo
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.forms import FormDialog, move_current_item
from ui.widgets.messages import FAILED


class HigherLevelsDialog(FormDialog):
    """The festival's contests above the school, lowest first: renamed in place (double-click), added,
    removed and moved; saved as one list when OK is pressed."""

    def __init__(self, db: Database, runner: Runner, festival_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("上级比赛"), parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        hint = QLabel(
            self.tr(
                "按作品逐级上送的顺序，从低到高写出上级比赛的名称（如 镇第十三届科技节 → 城口县第二届科技创新大赛"
                " → 市青少年科技创新大赛）。总结、推荐作品上报表和证书都用这些名称。双击可改名。"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.levels = QListWidget()
        self.levels.setMinimumHeight(150)
        for level in higher_levels(db, festival_id):
            self._add_row(level.name, level.id)
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(LEVEL_NAME.longest)
        self.new_name.setPlaceholderText(self.tr("新的一级，如 城口县第二届科技创新大赛"))
        self.new_name.returnPressed.connect(self.add_level)
        add = QPushButton(self.tr("添加"))
        add.clicked.connect(self.add_level)
        remove = QPushButton(self.tr("删除所选"))
        remove.clicked.connect(self.remove_selected)
        up = QPushButton(self.tr("上移"))
        up.clicked.connect(lambda: self.move_selected(-1))
        down = QPushButton(self.tr("下移"))
        down.clicked.connect(lambda: self.move_selected(1))
        adding = QHBoxLayout()
        adding.addWidget(self.new_name, 1)
        adding.addWidget(add)
        moving = QHBoxLayout()
        for button in (up, down, remove):
            moving.addWidget(button)
        moving.addStretch(1)
        self.form.addRow(hint)
        self.form.addRow(self.levels)
        self.form.addRow(moving)
        self.form.addRow(adding)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.save)

    def _add_row(self, name: str, level_id: int) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, level_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.levels.addItem(item)

    def add_level(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self._add_row(name, 0)
            self.new_name.clear()

    def remove_selected(self) -> None:
        for item in self.levels.selectedItems():
            self.levels.takeItem(self.levels.row(item))

    def move_selected(self, step: int) -> None:
        move_current_item(self.levels, step)

    def chosen(self) -> list[HigherLevelInfo]:
        return [
            HigherLevelInfo(int(item.data(Qt.ItemDataRole.UserRole)), item.text())
            for item in (self.levels.item(row) for row in range(self.levels.count()))
        ]

    def save(self) -> None:
        levels = self.chosen()
        if self.runner.now(self, lambda: set_higher_levels(self.db, self.festival_id, levels)) is not FAILED:
            self.accept()


class HigherResultsDialog(FormDialog):
    """What one recommended work obtained at each level above the school, lowest first; empty where it
    did not go. Saved as one change when OK is pressed."""

    def __init__(self, db: Database, runner: Runner, award: AwardInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("记录上级比赛结果"), parent)
        self.runner = runner
        assert award.entry_id is not None
        self.db = db
        self.entry_id = award.entry_id
        levels, results = work_results(db, award.entry_id)
        heading = QLabel(award.subject)
        heading.setWordWrap(True)
        hint = QLabel(self.tr("作品逐级上送：先填下一级的结果，再填更高一级的；没有参加的一级留空。"))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.form.addRow(heading)
        self.form.addRow(hint)
        self.fields: dict[int, QLineEdit] = {}
        for level in levels:
            field = QLineEdit(results.get(level.id, ""))
            field.setMaxLength(RESULT.longest)
            field.setPlaceholderText(self.tr("如 一等奖、入选"))
            self.form.addRow(level.name, field)
            self.fields[level.id] = field
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.save)

    def save(self) -> None:
        results = {level_id: field.text() for level_id, field in self.fields.items()}
        if self.runner.now(self, lambda: set_higher_results(self.db, self.entry_id, results)) is not FAILED:
            self.accept()
