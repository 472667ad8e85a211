"""The score-entry grid: one judge's paper sheet (entries down, criteria across), one classroom
(judges down), or the attempts of a measured competition. Built for the keyboard: type a number,
Enter or Tab commits it and moves on; a refused value keeps the cell and says why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from fest_desktop.scoring.judges import JudgeInfo
from fest_desktop.scoring.kinds import CellState
from fest_desktop.scoring.sheet import ScoringEntry, ScoringSheet
from ui.widgets.headers import WrappingHeaderView

AnyIndex = QModelIndex | QPersistentModelIndex

# Characters on each line of a criterion's heading: its column stays narrow, so that every criterion of
# a board's rubric fits a 1366-pixel screen beside the ranking; the heading wraps to show the whole name.
HEADING_CHARS = 4
# The entry's label beside each row is cut (whole in its tooltip) past this many characters.
LABEL_CHARS = 13


class GridLayout(StrEnum):
    """What the grid's rows are: the entries one judge scores, the judges of one entry, or the
    attempts of a measured competition's entries."""

    BY_JUDGE = "judge"
    BY_ENTRY = "entry"
    MEASURED = "measured"


BY_JUDGE, BY_ENTRY, MEASURED = GridLayout.BY_JUDGE, GridLayout.BY_ENTRY, GridLayout.MEASURED
BLOCKED_BRUSH = QBrush(QColor("#e4e7ec"))
CONFLICT_BRUSH = QBrush(QColor("#f6c9c6"))
PENDING_BRUSH = QBrush(QColor("#fff3c4"))
DONE_BRUSH = QBrush(QColor("#e3f3e6"))
MISSING_COLOR = QColor("#a35200")


@dataclass(frozen=True)
class CellKey:
    """What a grid cell stores: a judge's points on a criterion, or an attempt (judge_id 0)."""

    entry_id: int
    judge_id: int = 0
    criterion_id: int = 0
    attempt: int = 0


def points_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class ScoreGridModel(QAbstractTableModel):
    """The grid over a ScoringSheet; commit(key, text) is called for an edit and returns the reason
    it was refused, or "" once the core has stored it."""

    def __init__(self, commit: Callable[[CellKey, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self.sheet: ScoringSheet | None = None
        self.layout_kind = BY_JUDGE
        self.judge: JudgeInfo | None = None
        self.entry: ScoringEntry | None = None
        self.check_pass = False
        self._shape: tuple[object, ...] = ()

    # ------------------------------------------------------------ what is shown

    def show(
        self,
        sheet: ScoringSheet | None,
        layout_kind: GridLayout,
        judge: JudgeInfo | None = None,
        entry: ScoringEntry | None = None,
        check_pass: bool = False,
    ) -> None:
        """Show a sheet in a layout; when only values changed the grid is updated in place, so an
        open editor and the current cell survive a refresh from another station."""
        self.sheet, self.layout_kind, self.judge, self.entry, self.check_pass = (
            sheet,
            layout_kind,
            judge,
            entry,
            check_pass,
        )
        shape = self._current_shape()
        if shape != self._shape:
            self.beginResetModel()
            self._shape = shape
            self.endResetModel()
        elif self.rowCount() and self.columnCount():
            self.refresh()

    def _current_shape(self) -> tuple[object, ...]:
        sheet = self.sheet
        if sheet is None:
            return ()
        return (
            self.layout_kind,
            self.judge.id if self.judge else 0,
            self.entry.id if self.entry else 0,
            self.check_pass,
            tuple(e.id for e in sheet.entries),
            tuple(j.id for j in sheet.judges),
            tuple(c.id for c in sheet.competition.criteria),
            sheet.competition.attempts,
        )

    def refresh(self, row: int | None = None) -> None:
        """Redraw values (one row, or all)."""
        if not self.rowCount() or not self.columnCount():
            return
        first, last = (0, self.rowCount() - 1) if row is None else (row, row)
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    @property
    def _criteria(self) -> tuple[Any, ...]:
        return self.sheet.competition.criteria if self.sheet else ()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        sheet = self.sheet
        if parent.isValid() or sheet is None:
            return 0
        if self.layout_kind == BY_ENTRY:
            return len(sheet.judges) if self.entry else 0
        if self.layout_kind == BY_JUDGE and self.judge is None:
            return 0
        return len(sheet.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        sheet = self.sheet
        if parent.isValid() or sheet is None:
            return 0
        if self.layout_kind == MEASURED:
            return sheet.competition.attempts + 1
        return len(self._criteria) + (2 if self.layout_kind == BY_JUDGE else 1)

    def row_entry(self, row: int) -> ScoringEntry:
        assert self.sheet is not None
        return self.entry if self.layout_kind == BY_ENTRY and self.entry else self.sheet.entries[row]

    def row_judge(self, row: int) -> JudgeInfo | None:
        assert self.sheet is not None
        return self.sheet.judges[row] if self.layout_kind == BY_ENTRY else self.judge

    def key(self, index: AnyIndex) -> CellKey | None:
        """The stored value behind a cell, or None for totals, markers and blocked cells."""
        if not index.isValid() or self.sheet is None:
            return None
        entry = self.row_entry(index.row())
        if self.layout_kind == MEASURED:
            if index.column() < self.sheet.competition.attempts:
                return CellKey(entry.id, attempt=index.column() + 1)
            return None
        judge = self.row_judge(index.row())
        if judge is None or index.column() >= len(self._criteria) or self.sheet.blocked(entry, judge):
            return None
        return CellKey(entry.id, judge.id, self._criteria[index.column()].id)

    # ------------------------------------------------------------ Qt

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        sheet = self.sheet
        count = self.columnCount() if orientation == Qt.Orientation.Horizontal else self.rowCount()
        if sheet is None or not 0 <= section < count:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._column_title(section)
            if role == Qt.ItemDataRole.ToolTipRole and section < len(self._criteria):
                criterion = self._criteria[section]
                if criterion.is_deduction:
                    rule = self.tr("{0}：扣{1:g}分/处，最多扣{2:g}分。填扣去的分数（不扣就空着）。").format(
                        criterion.name, criterion.step, criterion.max_points
                    )
                    return "\n".join(filter(None, (rule, criterion.description)))
                return criterion.description or None
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if self.layout_kind == BY_ENTRY:
                return sheet.judges[section].name
            entry = sheet.entries[section]
            return entry.label
        return None

    def _column_title(self, section: int) -> str:
        assert self.sheet is not None
        competition = self.sheet.competition
        if self.layout_kind == MEASURED:
            if section < competition.attempts:
                return self.tr("第{0}次").format(section + 1)
            return self.tr("最好成绩")
        if section < len(self._criteria):
            criterion = self._criteria[section]
            # The whole name: the heading wraps it on as many lines as the narrow column needs.
            if criterion.is_deduction:
                return self.tr("{0}\n至多扣{1:g}").format(criterion.name, criterion.max_points)
            return self.tr("{0}\n满分{1:g}").format(criterion.name, criterion.max_points)
        if section == len(self._criteria):
            return self.tr("合计")
        return self.tr("还未评分的评委")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        entry = self.row_entry(row)
        if self.layout_kind == MEASURED:
            return self._measured_data(entry, column, role)
        judge = self.row_judge(row)
        assert judge is not None
        blocked = sheet.blocked(entry, judge)
        if column < len(self._criteria):
            criterion = self._criteria[column]
            cell = sheet.cell(entry.id, judge.id, criterion.id)
            state = cell.state(sheet.competition.double_entry)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                if blocked:
                    return self.tr("回避") if role == Qt.ItemDataRole.DisplayRole else ""
                return points_text(cell.check_value if self.check_pass else cell.value)
            if role == Qt.ItemDataRole.BackgroundRole:
                if blocked:
                    return BLOCKED_BRUSH
                return {CellState.CONFLICT: CONFLICT_BRUSH, CellState.PENDING: PENDING_BRUSH}.get(state)
            if role == Qt.ItemDataRole.ToolTipRole and state == CellState.CONFLICT:
                return self.tr("两遍录入不一致：第一遍 {0}，第二遍 {1}。请对照评分表改正其中一遍。").format(
                    points_text(cell.value), points_text(cell.check_value)
                )
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        total = None if blocked else sheet.judge_total(entry.id, judge.id)
        if column == len(self._criteria):
            if role == Qt.ItemDataRole.DisplayRole:
                if blocked:
                    return self.tr("回避")
                return points_text(total) if total is not None else self.tr("未完成")
            if role == Qt.ItemDataRole.BackgroundRole:
                return BLOCKED_BRUSH if blocked else (DONE_BRUSH if total is not None else None)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        # BY_JUDGE's last column: which judges have not yet scored this entry.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            missing = [j.name for j in sheet.panel(entry) if sheet.judge_total(entry.id, j.id) is None]
            return self.tr("缺 {0} 位：{1}").format(len(missing), "、".join(missing)) if missing else "✓"
        if role == Qt.ItemDataRole.ForegroundRole:
            return MISSING_COLOR
        return None

    def _measured_data(self, entry: ScoringEntry, column: int, role: int) -> Any:
        assert self.sheet is not None
        competition = self.sheet.competition
        if column < competition.attempts:
            value = self.sheet.attempts.get((entry.id, column + 1))
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return points_text(value)
        else:
            result = self.sheet.result(entry)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{points_text(result.final)} {competition.measure_unit}".strip()
            if role == Qt.ItemDataRole.BackgroundRole and result.complete:
                return DONE_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.key(index) is not None and not (self.sheet and self.sheet.competition.locked):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key(index)
        if key is None or role != Qt.ItemDataRole.EditRole:
            return False
        if str(value).strip() == self.data(index, Qt.ItemDataRole.EditRole):
            return True
        refused = self._commit(key, str(value))
        if refused:
            return False
        self.refresh(index.row())
        return True


class ScoreDelegate(QStyledItemDelegate):
    """A plain line editor whose Enter, Tab and Shift+Tab go to the grid, which commits and moves."""

    submitted = Signal(QWidget, bool)  # editor, backwards

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(editor, QLineEdit)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.submitted.emit(editor, key == Qt.Key.Key_Backtab)
                return True
        return super().eventFilter(editor, event)


class ScoreTable(QTableView):
    """The grid's view: typing starts an edit, Enter/Tab commit and go to the next cell to fill,
    a refused value stays in its editor, selected, for retyping."""

    def __init__(self, model: ScoreGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.grid = model
        self.delegate = ScoreDelegate(self)
        self.delegate.submitted.connect(self._submitted)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        header = WrappingHeaderView(self, line_characters=HEADING_CHARS)
        self.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        model.modelReset.connect(self._fit_points_lines)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(30)
        rows.setMaximumWidth(rows.fontMetrics().horizontalAdvance("字" * LABEL_CHARS))
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)

    def _fit_points_lines(self) -> None:
        """A criterion's column is widened where its points (满分20, 至多扣10) would not fit on one line."""
        header = self.horizontalHeader()
        assert isinstance(header, WrappingHeaderView)
        header.ensurePolished()  # its style sheet's font and padding set the columns' width
        for column in range(self.grid.columnCount() - 1):
            heading = str(self.grid.headerData(column, Qt.Orientation.Horizontal) or "")
            points = heading.rsplit("\n", 1)[-1]
            header.resizeSection(column, max(header.defaultSectionSize(), header.width_for_line(points)))

    def _submitted(self, editor: QWidget, backwards: bool) -> None:
        index = self.currentIndex()
        assert isinstance(editor, QLineEdit)
        if not self.grid.setData(index, editor.text()):
            editor.selectAll()
            return
        self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
        following = self.next_cell(index, backwards)
        if following.isValid():
            self.setCurrentIndex(following)

    def finish_editing(self) -> None:
        """Commit the value in an open editor, as leaving the cell would."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        # Closed editors linger hidden until deleted: the open one is the visible one.
        for editor in self.findChildren(QLineEdit):
            if editor.isVisible():
                self.grid.setData(self.currentIndex(), editor.text())
                self.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def move_on(self, backwards: bool = False) -> None:
        following = self.next_cell(self.currentIndex(), backwards)
        if following.isValid():
            self.setCurrentIndex(following)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab on a cell move through the grid, as Enter does, instead of leaving it for
        the next widget."""
        if self.currentIndex().isValid() and self.state() != QAbstractItemView.State.EditingState:
            self.move_on(backwards=not next)
            return True
        return super().focusNextPrevChild(next)

    def next_cell(self, index: QModelIndex, backwards: bool = False) -> QModelIndex:
        """The next cell to fill in reading order (right, then the next row), skipping totals and
        cells a judge stands aside from; the same index when there is none."""
        rows, columns = self.grid.rowCount(), self.grid.columnCount()
        position = index.row() * columns + index.column()
        step = -1 if backwards else 1
        position += step
        while 0 <= position < rows * columns:
            candidate = self.grid.index(position // columns, position % columns)
            if self.grid.key(candidate) is not None:
                return candidate
            position += step
        return index

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            # As in the editor: Enter moves on, so an empty deduction is skipped with one key (a value
            # is changed by typing over it, F2 or a double click).
            self.move_on(backwards=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.grid.key(self.currentIndex()):
            self.grid.setData(self.currentIndex(), "")
            return
        super().keyPressEvent(event)
