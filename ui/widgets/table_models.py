"""Table models over the core's plain row objects, with a filter proxy; edits go through the core."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from fest_desktop.errors import FestError
from ui.widgets.columns import Stretch, fit_columns

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column: its header, how a row shows in it, and (if editable) how an edit makes a new row.

    edit receives the text typed, or the value of the chosen item where choices are given, and
    raises ValueError or FestError with a message for the user when the input is wrong.
    """

    title: str
    display: Callable[[RowT], Any]
    edit: Callable[[RowT, Any], RowT] | None = None
    sort_key: Callable[[RowT], Any] | None = None
    choices: Callable[[], Sequence[tuple[str, Any]]] | None = None
    align_center: bool = False


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of one core type; a cell edit builds a new row, saves it through the core, shows the result."""

    edit_failed = Signal(str)
    row_saved = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column[RowT]],
        save: Callable[[RowT], RowT] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._save = save
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[RowT]], rows: Sequence[RowT]) -> None:
        """New columns and rows at once, for a table whose columns follow the data (one per level)."""
        self.beginResetModel()
        self.columns = list(columns)
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
                return self.columns[section].title
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.display(row)
            return "" if value is None else value
        if role == Qt.ItemDataRole.EditRole:
            # Text for every editor: one keyboard behaviour, and the core reads and checks what was typed.
            value = column.display(row)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.display(row)
            return "" if key is None else key
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_center:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._save is not None and self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()]
        if role != Qt.ItemDataRole.EditRole or column.edit is None or self._save is None:
            return False
        row = self._rows[index.row()]
        try:
            edited = column.edit(row, value)
            if edited == row:
                return False
            saved = self._save(edited)
        except FestError as exc:
            self.edit_failed.emit(exc.message)
            return False
        except ValueError as exc:
            self.edit_failed.emit(str(exc))
            return False
        self._rows[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1))
        self.row_saved.emit(saved)
        return True


class RowFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's sort key and keeps the rows a predicate accepts. The predicate runs
    once over the model's rows when the filter or the rows change, and Qt's per-row question is then
    a set lookup: 3,000 entries filter within a few tens of milliseconds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)
        self._accepts: Callable[[Any], bool] | None = None
        self._accepted: frozenset[int] | None = None

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        for changed in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            changed.connect(self._forget)

    def _forget(self, *_args: object) -> None:
        self._accepted = None

    def set_predicate(self, accepts: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._accepts = accepts
        self._accepted = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._accepts is None:
            return True
        model = self.sourceModel()
        if isinstance(model, RowTableModel):
            if self._accepted is None:
                accepts = self._accepts
                self._accepted = frozenset(i for i, row in enumerate(model.rows()) if accepts(row))
            return source_row in self._accepted
        return bool(self._accepts(model.data(model.index(source_row, 0, source_parent), ROW_ROLE)))

    def row_object(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down editor for a column with choices; the model receives the chosen item's value."""

    def __init__(
        self, choices: Callable[[], Sequence[tuple[str, Any]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QComboBox(parent)
        for label, value in self._choices():
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findText(str(index.data(Qt.ItemDataRole.EditRole)))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def preview_table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    """A read-only, sortable table for an import preview, columns fitted to their contents."""
    proxy = RowFilterProxy(parent)
    proxy.setSourceModel(model)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().setVisible(False)
    fit_columns(table, stretch=-1)
    return table


def selectable_table(
    model: QAbstractTableModel, parent: QWidget, *, stretch: Stretch = -1
) -> tuple[QTableView, RowFilterProxy]:
    """A table of whole-row selection over a filter proxy of model (rows read back with
    proxy.row_object), without row numbers, its columns fitted to their contents and one column (the
    last unless another is given: the names, or "widest" for whichever holds the longest text) taking
    the width that is left."""
    proxy = RowFilterProxy(parent)
    proxy.setSourceModel(model)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    fit_columns(table, stretch)
    return table, proxy
