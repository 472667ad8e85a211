"""实时排名 beside the scoring grid: the competition's ranking as scores arrive, each entry's state of
judging (who has not scored, two passes that disagree, a judge far from the panel), and its log."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.scoring.sheet import EntryResult, ScoringSheet
from ui.widgets.columns import fit_columns
from ui.widgets.table_models import Column, RowTableModel


class RankingPanel(QWidget):
    """The ranking of the sheet shown; log_wanted asks for 修改记录 of the entry selected (or of the
    competition's locks when none is)."""

    log_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet: ScoringSheet | None = None
        self.provisional = QCheckBox(self.tr("显示暂定名次（含未评完）"))
        self.provisional.toggled.connect(lambda _=False: self.show_sheet(self.sheet))
        self.results_model: RowTableModel[EntryResult] = RowTableModel(self._columns(), parent=self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.verticalHeader().setVisible(False)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The entry's label takes the width the short columns leave; a long status is cut (see its tooltip).
        self.result_columns = fit_columns(self.results, stretch=2, widest_chars=8)
        self.results.doubleClicked.connect(lambda _=None: self.log_wanted.emit())
        log = QPushButton(self.tr("修改记录…"))
        log.clicked.connect(self.log_wanted)
        heading = QLabel(self.tr("实时排名"))
        heading.setObjectName("panelHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.provisional)
        layout.addWidget(self.results, 1)
        layout.addWidget(log)

    def _columns(self) -> list[Column[EntryResult]]:
        return [
            Column(self.tr("组别"), lambda r: r.entry.group),
            Column(self.tr("名次"), lambda r: r.rank or "—", align_center=True),
            Column(self.tr("作品"), lambda r: r.entry.label),
            Column(self.tr("得分"), lambda r: r.final_text, align_center=True),
            Column(self.tr("状态"), self._status_text),
        ]

    def _status_text(self, result: EntryResult) -> str:
        parts = []
        if result.conflicts:
            parts.append(self.tr("{0} 处两遍不一致").format(result.conflicts))
        if result.missing_judges:
            parts.append(self.tr("未评：{0}").format("、".join(result.missing_judges)))
        elif not result.complete and result.attempts:
            parts.append(self.tr("还有试次未测"))
        outliers = [j.judge_name for j in result.judges if j.outlier]
        if outliers:
            parts.append(self.tr("请复核：{0}的总分偏离较大").format("、".join(outliers)))
        if not parts:
            parts.append(self.tr("已评完") if result.complete else self.tr("未评分"))
        return "；".join(parts)

    def show_sheet(self, sheet: ScoringSheet | None) -> None:
        self.sheet = sheet
        if sheet is None:
            self.results_model.set_rows([])
            return
        self.results_model.set_rows(sheet.results(self.provisional.isChecked()))

    def selected_result(self) -> EntryResult | None:
        rows = self.results.selectionModel().selectedRows()
        return self.results_model.rows()[rows[0].row()] if rows else None
