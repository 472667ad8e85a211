"""A class's 科普实践 checklist as a table: its pupils down, the items of its grade across, a tick where a
pupil has done an item; Space ticks (or unticks) every selected cell at once, a whole column included."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fest_desktop.practice.checklist import ClassChecklist, Mark
from fest_desktop.practice.kinds import Completion

AnyIndex = QModelIndex | QPersistentModelIndex
FIRST_ITEM_COLUMN = 2  # 学号, 姓名, then the items
ITEM_WIDTH = 190
DONE_COLOUR = "#d7efdc"
COMPLETION_COLOURS = {Completion.NONE: "#f9d7d5", Completion.PART: "#fde9c4", Completion.ALL: "#d7efdc"}


class ChecklistModel(QAbstractTableModel):
    """The checklist of one class; a tick asked for (a click on a box) is handed to marks_requested,
    and the checklist the core sends back is shown with set_checklist."""

    marks_requested = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checklist: ClassChecklist | None = None

    def set_checklist(self, checklist: ClassChecklist | None) -> None:
        same_shape = (
            self.checklist is not None
            and checklist is not None
            and self.checklist.class_id == checklist.class_id
            and [i.id for i in self.checklist.items] == [i.id for i in checklist.items]
            and [p.student_id for p in self.checklist.pupils] == [p.student_id for p in checklist.pupils]
        )
        if same_shape:
            # Only the ticks changed: the selection and the current cell stay where the teacher is.
            self.checklist = checklist
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            return
        self.beginResetModel()
        self.checklist = checklist
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() or self.checklist is None else len(self.checklist.pupils)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        if parent.isValid() or self.checklist is None:
            return 0
        return FIRST_ITEM_COLUMN + len(self.checklist.items) + 1

    def item_id(self, column: int) -> int | None:
        """The practice item shown in that column, or None for 学号, 姓名 and the pupil's count."""
        if self.checklist is None:
            return None
        position = column - FIRST_ITEM_COLUMN
        return self.checklist.items[position].id if 0 <= position < len(self.checklist.items) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.checklist is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if section == 0:
            return self.tr("学号")
        if section == 1:
            return self.tr("姓名")
        item_id = self.item_id(section)
        if item_id is None:
            return self.tr("完成")
        item = next(i for i in self.checklist.items if i.id == item_id)
        done, pupils = self.checklist.done_count(item_id), len(self.checklist.pupils)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}：已完成 {1}/{2} 人。点列标题选中整列，按空格键全部勾选或全部取消。").format(
                item.name, done, pupils
            )
        return f"{item.name}\n{done}/{pupils}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.checklist is None or not index.isValid():
            return None
        pupil = self.checklist.pupils[index.row()]
        column = index.column()
        item_id = self.item_id(column)
        if item_id is not None:
            done = item_id in pupil.done
            # A box to click, the cell green when ticked; DONE_MARK is what the class sheet writes.
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("已完成") if done else self.tr("未完成")
            if role == Qt.ItemDataRole.BackgroundRole and done:
                return QBrush(QColor(DONE_COLOUR))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return pupil.student_number
            if column == 1:
                return pupil.name
            return f"{len(pupil.done)}/{len(self.checklist.items)}"
        if role == Qt.ItemDataRole.BackgroundRole and column == self.columnCount() - 1:
            return QBrush(
                QColor(COMPLETION_COLOURS[Completion.of(len(pupil.done), len(self.checklist.items))])
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.item_id(index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or self.checklist is None:
            return False
        item_id = self.item_id(index.column())
        if item_id is None:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.marks_requested.emit([Mark(self.checklist.pupils[index.row()].student_id, item_id, done)])
        # Shown once the core has stored it (set_checklist): nothing is ticked that was not saved.
        return False

    def toggled(self, indexes: list[QModelIndex]) -> list[Mark]:
        """The marks that flip the cells given: all ticked if any of them is not, else all unticked."""
        if self.checklist is None:
            return []
        cells = [
            (self.checklist.pupils[index.row()], item_id)
            for index in indexes
            if (item_id := self.item_id(index.column())) is not None
        ]
        tick = any(item_id not in pupil.done for pupil, item_id in cells)
        return [Mark(pupil.student_id, item_id, tick) for pupil, item_id in cells]


class ChecklistView(QTableView):
    """The checklist's table, fast from the keyboard: the arrows move, Space flips every selected cell
    (a row, a column chosen by its header, any block), a click on a box flips that one."""

    toggle_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(120)
        header.setMinimumSectionSize(60)
        header.setSectionsClickable(True)

    def fit_columns(self) -> None:
        """Each column as wide as its heading and contents, an item's at most ITEM_WIDTH (its tooltip
        names it whole)."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(FIRST_ITEM_COLUMN, header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column) + 12, ITEM_WIDTH))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            chosen = self.selectionModel().selectedIndexes() or [self.currentIndex()]
            chosen = [index for index in chosen if index.isValid()]
            if chosen:
                self.toggle_requested.emit(chosen)
            event.accept()
            return
        super().keyPressEvent(event)
