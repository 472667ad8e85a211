"""What every import preview shows: the verdict, and the table of problems or of what will be written."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from fest_desktop.files.workbooks import Problem
from ui.widgets.table_models import Column, RowTableModel, preview_table

RowT = TypeVar("RowT")


def problem_columns(with_file: bool) -> list[Column[Problem]]:
    columns: list[Column[Problem]] = (
        [Column(QCoreApplication.translate("ImportPreview", "文件"), lambda p: p.file)] if with_file else []
    )
    return [
        *columns,
        Column(QCoreApplication.translate("ImportPreview", "工作表"), lambda p: p.sheet),
        Column(
            QCoreApplication.translate("ImportPreview", "行"),
            lambda p: p.row or "",
            sort_key=lambda p: p.row,
            align_center=True,
        ),
        Column(QCoreApplication.translate("ImportPreview", "列"), lambda p: p.column),
        Column(QCoreApplication.translate("ImportPreview", "问题"), lambda p: p.reason),
    ]


def preview_section(
    problems: list[Problem],
    rows: list[Any],
    row_columns: list[Column[Any]],
    parent: QWidget,
    *,
    with_file: bool = False,
) -> tuple[QLabel, RowTableModel[Any], QTableView]:
    """With problems: the refusal and a table of them; without: the go-ahead and a table of rows."""
    if problems:
        verdict = QLabel(
            QCoreApplication.translate(
                "ImportPreview",
                "发现 {0} 处问题，必须全部改正后才能导入（不会只导入一部分）。请按下表修改 Excel 文件后重新导入。",
            ).format(len(problems))
        )
        verdict.setObjectName("errorText")
        model: RowTableModel[Any] = RowTableModel(problem_columns(with_file), parent=parent)
        model.set_rows(problems)
    else:
        verdict = QLabel(
            QCoreApplication.translate("ImportPreview", "没有发现问题。点击“导入”后一次性写入。")
        )
        verdict.setObjectName("okText")
        model = RowTableModel(row_columns, parent=parent)
        model.set_rows(rows)
    verdict.setWordWrap(True)
    return verdict, model, preview_table(model, parent)
