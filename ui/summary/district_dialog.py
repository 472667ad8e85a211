"""调整上报表的列: which columns a district's form asks for and in what order, saved as a named template."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.storage.database import Database
from fest_desktop.summary.district import (
    DEFAULT_TEMPLATE,
    DISTRICT_COLUMNS,
    district_templates,
    save_district_template,
)
from ui.operations import Runner
from ui.widgets.forms import move_current_item
from ui.widgets.messages import FAILED


class DistrictColumnsDialog(QDialog):
    """Tick the columns the district's form has, drag them (or use 上移/下移) into its order, name it."""

    def __init__(self, db: Database, runner: Runner, template: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.saved_name = ""
        self.setWindowTitle(self.tr("调整上报表的列"))
        chosen = district_templates(db).get(template, ())
        self.columns = QListWidget()
        self.columns.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for name in [*chosen, *(c for c in DISTRICT_COLUMNS if c not in chosen)]:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        up = QPushButton(self.tr("上移"))
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(self.tr("下移"))
        down.clicked.connect(lambda: self._move(1))
        self.name = QLineEdit("" if template == DEFAULT_TEMPLATE else template)
        self.name.setPlaceholderText(self.tr("例如 城南区"))
        hint = QLabel(self.tr("勾选区县上报表要的列，拖动或用上移、下移排好顺序，保存为模板，下次直接选用。"))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        moves = QVBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        moves.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.columns, 1)
        middle.addLayout(moves)
        form = QFormLayout()
        form.addRow(self.tr("模板名称"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(middle, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, 520)

    def _move(self, step: int) -> None:
        move_current_item(self.columns, step)

    def chosen_columns(self) -> list[str]:
        items = (self.columns.item(i) for i in range(self.columns.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        name, columns = self.name.text(), self.chosen_columns()
        if self.runner.now(self, lambda: save_district_template(self.db, name, columns)) is FAILED:
            return
        self.saved_name = name.strip()
        self.accept()
