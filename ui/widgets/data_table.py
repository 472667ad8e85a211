"""A table over a list of core rows with an add/delete toolbar, for the settings pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QTableView, QVBoxLayout, QWidget

from ui.widgets.columns import fit_columns
from ui.widgets.messages import show_error
from ui.widgets.table_models import ChoiceDelegate, Column, RowFilterProxy, RowTableModel

RowT = TypeVar("RowT")


class DataTable(QWidget, Generic[RowT]):
    """A sortable, filterable table over one core row type, with its model and proxy."""

    def __init__(
        self,
        columns: list[Column[RowT]],
        save: Callable[[RowT], RowT] | None,
        parent: QWidget | None = None,
        *,
        stretch: int = -1,
    ) -> None:
        """stretch: the column that takes the width the others leave (the name or title; -1: the last)."""
        super().__init__(parent)
        self.model: RowTableModel[RowT] = RowTableModel(columns, save, self)
        self.model.edit_failed.connect(lambda message: show_error(self, message))
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.columns = fit_columns(self.view, stretch)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for position, column in enumerate(columns):
            if column.choices is not None:
                self.view.setItemDelegateForColumn(position, ChoiceDelegate(column.choices, self.view))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[RowT]) -> None:
        self.model.set_rows(rows)  # the columns are fitted to the new rows

    def selected_rows(self) -> list[RowT]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [self.proxy.row_object(row) for row in sorted(rows)]


def toolbar(*widgets: QWidget) -> QHBoxLayout:
    bar = QHBoxLayout()
    for widget in widgets:
        bar.addWidget(widget)
    bar.addStretch(1)
    return bar
