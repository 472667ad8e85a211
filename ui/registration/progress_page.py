"""班级进度: each class against each competition's quota, coloured by how it stands, with its share of
pupils taking part and its 科普实践, so the teacher sees who has not handed in yet."""

from __future__ import annotations

from typing import Any, assert_never

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from fest_desktop.practice.kinds import Completion
from fest_desktop.practice.progress import ClassProgress, practice_progress
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.kinds import QuotaState
from fest_desktop.registration.quotas import ClassParticipation, QuotaCell, participation_summary
from fest_desktop.storage.database import Database
from ui.widgets.columns import fit_columns
from ui.widgets.headers import WrappingHeaderView

AnyIndex = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {
    QuotaState.MISSING: "#f9d7d5",
    QuotaState.UNDER: "#fde9c4",
    QuotaState.COMPLETE: "#d7efdc",
    QuotaState.OVER: "#e9d5f5",
    QuotaState.INELIGIBLE: "#f1f3f6",
}


class QuotaModel(QAbstractTableModel):
    """Classes down, competitions across: entries against the quota, coloured by state; then participation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._classes: list[ClassParticipation] = []
        self._competitions: list[CompetitionInfo] = []
        self._cells: dict[tuple[int, int], QuotaCell] = {}
        # Each class's 科普实践 beside its entries (a column only once the festival has items).
        self._practice: dict[int, ClassProgress] = {}

    def set_data(
        self,
        classes: list[ClassParticipation],
        competitions: list[CompetitionInfo],
        cells: list[QuotaCell],
        practice: list[ClassProgress] | None = None,
    ) -> None:
        self.beginResetModel()
        self._classes = classes
        self._competitions = competitions
        self._cells = {(c.class_id, c.competition_id): c for c in cells}
        self._practice = {p.class_id: p for p in practice or [] if p.items}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._classes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._competitions) + 1 + bool(self._practice)

    def _practice_column(self, column: int) -> bool:
        return bool(self._practice) and column == len(self._competitions) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._classes[section].class_name if 0 <= section < len(self._classes) else None
        if section == len(self._competitions):
            return self.tr("参与率")
        if self._practice_column(section):
            return self.tr("科普实践")
        if 0 <= section < len(self._competitions):
            competition = self._competitions[section]
            return f"{competition.name}\n{competition.quota_text}"
        return None

    def cell(self, row: int, column: int) -> QuotaCell | None:
        if not (0 <= row < len(self._classes) and 0 <= column < len(self._competitions)):
            return None
        return self._cells.get((self._classes[row].class_id, self._competitions[column].id))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if self._practice_column(column) and 0 <= row < len(self._classes):
            return self._practice_data(self._practice.get(self._classes[row].class_id), role)
        if column == len(self._competitions) and 0 <= row < len(self._classes):
            summary = self._classes[row]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{summary.share:.0%}（{summary.participant_count}/{summary.student_count}）"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        cell = self.cell(row, column)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if cell.state == QuotaState.INELIGIBLE else str(cell.count)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[cell.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.state_text(cell.state)
        if role == Qt.ItemDataRole.UserRole:
            return cell.state.value
        return None

    def _practice_data(self, progress: ClassProgress | None, role: int) -> Any:
        """A class's 科普实践 done in all (its share), each item's share in the tooltip."""
        if progress is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{progress.total.share:.0%}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{name}：{tally.text}" for name, tally in progress.items.items())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(PRACTICE_COLOURS[progress.total.completion]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def state_text(self, state: QuotaState) -> str:
        match state:
            case QuotaState.MISSING:
                return self.tr("还没有报")
            case QuotaState.UNDER:
                return self.tr("少于名额")
            case QuotaState.COMPLETE:
                return self.tr("已达名额")
            case QuotaState.OVER:
                return self.tr("超出名额")
            case QuotaState.INELIGIBLE:
                return self.tr("本年级不参加")
        assert_never(state)


PRACTICE_COLOURS = {
    Completion.NONE: STATE_COLOURS[QuotaState.MISSING],
    Completion.PART: STATE_COLOURS[QuotaState.UNDER],
    Completion.ALL: STATE_COLOURS[QuotaState.COMPLETE],
}


class OverviewPage(QWidget):
    """Each class against each competition's quota, so the teacher sees who has not handed in yet."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = QuotaModel(self)
        self.view = QTableView()
        # A competition's long name wraps in its heading: the columns stay as narrow as their counts.
        self.view.setHorizontalHeader(WrappingHeaderView(self.view, line_characters=6))
        self.view.setModel(self.model)
        fit_columns(self.view)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.summary = QLabel()
        self.summary.setObjectName("overviewSummary")
        self.summary.setWordWrap(True)
        legend = QHBoxLayout()
        for state in STATE_COLOURS:
            swatch = QLabel(self.model.state_text(state))
            swatch.setStyleSheet(
                f"background: {STATE_COLOURS[state]}; padding: 3px 10px; border-radius: 3px;"
            )
            legend.addWidget(swatch)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(legend)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_progress(
        self, festival_id: int, competitions: list[CompetitionInfo], cells: list[QuotaCell]
    ) -> None:
        self.model.set_data(
            participation_summary(self.db, festival_id),
            competitions,
            cells,
            practice_progress(self.db, festival_id).classes,
        )
        missing = {c.class_name for c in cells if c.state.short_of}
        over = {c.class_name for c in cells if c.state == QuotaState.OVER}
        parts = [self.tr("{0} 个班还有项目未达名额").format(len(missing))] if missing else []
        if over:
            parts.append(self.tr("{0} 个班超出名额").format(len(over)))
        self.summary.setText("；".join(parts) + "。" if parts else self.tr("所有班级都已按名额报齐。"))
