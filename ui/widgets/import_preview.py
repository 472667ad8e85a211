"""The preview every import shows before it writes: what it does with each row (new, changed field by
field as before → after, unchanged, left as it is, refused with the reason), filtered by what happens,
and 导入, which writes everything or nothing and is offered only when no row is refused."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, assert_never

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import Done
from fest_desktop.errors import FestError
from fest_desktop.storage.importing import PlanChanged, PreviewLine
from fest_desktop.storage.kinds import RowOutcome
from ui.operations import Runner
from ui.widgets.table_models import Column, RowTableModel, selectable_table

PlanT = TypeVar("PlanT")


def outcome_text(outcome: RowOutcome) -> str:
    match outcome:
        case RowOutcome.NEW:
            return QCoreApplication.translate("ImportPreview", "新增")
        case RowOutcome.CHANGED:
            return QCoreApplication.translate("ImportPreview", "修改")
        case RowOutcome.UNCHANGED:
            return QCoreApplication.translate("ImportPreview", "不变")
        case RowOutcome.KEPT:
            return QCoreApplication.translate("ImportPreview", "表中没有，保持不变")
        case RowOutcome.REFUSED:
            return QCoreApplication.translate("ImportPreview", "有问题")
    assert_never(outcome)


DETAILS_COLUMN, FILE_COLUMN = 2, 4
WRAPPED_ROWS = 300
# The order the lines are listed and filtered in: what stops the import first.
OUTCOMES = (RowOutcome.REFUSED, RowOutcome.NEW, RowOutcome.CHANGED, RowOutcome.UNCHANGED, RowOutcome.KEPT)


class ImportPreviewDialog(QDialog):
    """An import's preview; a subclass gives its plan through show_plan and writes it in commit(),
    through commit_with."""

    def __init__(self, runner: Runner, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(title)
        self.resize(960, 600)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("warningText")
        self.warnings.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.shown = QComboBox()
        self.shown.currentIndexChanged.connect(self._filter)
        self.table_model: RowTableModel[PreviewLine] = RowTableModel(
            [
                Column(
                    self.tr("结果"),
                    lambda line: outcome_text(line.outcome),
                    sort_key=lambda line: OUTCOMES.index(line.outcome),
                ),
                Column(self.tr("内容"), lambda line: line.subject),
                Column(self.tr("改动或原因"), lambda line: "；".join(line.details)),
                Column(self.tr("位置"), lambda line: line.where),
                Column(self.tr("文件"), lambda line: line.file),
            ],
            parent=self,
        )
        # What changes takes the width left; the others fit what they show (fitted again at each filter).
        self.table, self.proxy = selectable_table(self.table_model, self, stretch=DETAILS_COLUMN)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(True)
        # Columns fitted to the first rows: thousands measured one by one take seconds.
        self.table.horizontalHeader().setResizeContentsPrecision(WRAPPED_ROWS)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.commit)
        self.buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("显示")))
        filters.addWidget(self.shown)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        for label in (self.summary, self.notes, self.warnings, self.verdict):
            layout.addWidget(label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def show_plan(
        self,
        summary: str,
        lines: Sequence[PreviewLine],
        notes: Sequence[str] = (),
        warnings: Sequence[str] = (),
    ) -> None:
        """Show a plan: its summary, notes and warnings, and its lines; 导入 only when no line is refused
        and one writes something."""
        self.summary.setText(summary)
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.warnings.setText("\n".join(self.tr("提醒：{0}").format(warning) for warning in warnings))
        self.warnings.setVisible(bool(warnings))
        ordered = sorted(lines, key=lambda line: OUTCOMES.index(line.outcome))
        refused = sum(1 for line in ordered if line.outcome == RowOutcome.REFUSED)
        writes = any(line.outcome in (RowOutcome.NEW, RowOutcome.CHANGED) for line in ordered)
        if refused:
            self.verdict.setText(
                self.tr(
                    "发现 {0} 处问题，必须全部改正后才能导入（不会只导入一部分）。请按下表修改 Excel 文件后重新导入。"
                ).format(refused)
            )
            self.verdict.setObjectName("errorText")
        elif writes:
            self.verdict.setText(self.tr("没有发现问题。请核对下表的新增和修改，点击“导入”后一次性写入。"))
            self.verdict.setObjectName("okText")
        else:
            self.verdict.setText(self.tr("没有要新增或修改的内容。"))
            self.verdict.setObjectName("okText")
        # A changed object name takes effect once the style is applied again.
        self.verdict.setStyle(self.verdict.style())
        self.table_model.set_rows(ordered)
        # The file is worth a column only when there are several.
        self.table.setColumnHidden(FILE_COLUMN, len({line.file for line in ordered}) < 2)
        self.shown.blockSignals(True)
        self.shown.clear()
        self.shown.addItem(self.tr("全部（{0}）").format(len(ordered)), None)
        for outcome in OUTCOMES:
            count = sum(1 for line in ordered if line.outcome == outcome)
            if count:
                self.shown.addItem(f"{outcome_text(outcome)}（{count}）", outcome)
        # With problems, the problems are what the teacher must see first.
        self.shown.setCurrentIndex(self.shown.findData(RowOutcome.REFUSED) if refused else 0)
        self.shown.blockSignals(False)
        self._filter()
        self.import_button.setEnabled(not refused and writes)

    def _filter(self) -> None:
        wanted = self.shown.currentData()
        self.proxy.set_predicate(None if wanted is None else lambda line: line.outcome == wanted)
        for column in range(self.table_model.columnCount()):
            if column != DETAILS_COLUMN:
                self.table.resizeColumnToContents(column)
        # A row that changes many fields wraps its changes onto more lines; measuring the height of
        # thousands of rows would keep the teacher waiting, and a filter brings them down to a few.
        few = self.proxy.rowCount() <= WRAPPED_ROWS
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if few else QHeaderView.ResizeMode.Interactive
        )

    def shown_lines(self) -> list[PreviewLine]:
        """The lines the table shows now, in its order."""
        return [self.proxy.row_object(row) for row in range(self.proxy.rowCount())]

    def commit(self) -> None:
        """Write the plan (through commit_with); accept() when written."""
        raise NotImplementedError

    def commit_with(self, write: Callable[[], Done[Any]], show: Callable[[Any], None]) -> None:
        """Run an import's commit on the runner's worker: accepted once written; when the festival
        changed since the preview, nothing is written and what the import would do now is shown
        (show), for the teacher to look at again; any other refusal is said."""

        def refused(error: FestError | None) -> None:
            if isinstance(error, PlanChanged):
                show(error.plan)  # its 导入 as the new plan allows
            else:
                self.import_button.setEnabled(True)

        self.import_button.setEnabled(False)  # once: the preview is written whole, or shown again
        self.runner.run(
            self, write, lambda _written: self.accept(), label=self.tr("正在导入…"), failed=refused
        )


def read_and_plan(
    runner: Runner, parent: QWidget | None, plan: Callable[[], PlanT], then: Callable[[PlanT], None]
) -> None:
    """An import's file read and planned on the runner's worker, then(plan) to show it; a file that
    cannot be read is reported."""
    runner.produce(
        parent, plan, then, label=QCoreApplication.translate("ImportPreview", "正在读取并检查文件…")
    )
