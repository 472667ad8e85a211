"""评分项: the criteria of the competition the 比赛项目 page shows, scored and deducted, edited in place."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fest_desktop.registration.competitions import CompetitionInfo, CriterionInfo, update_competition
from fest_desktop.registration.kinds import CriterionKind
from fest_desktop.storage.database import Database
from fest_desktop.values import clean_text
from ui.operations import Runner
from ui.widgets.data_table import DataTable
from ui.widgets.numbers import typed_number
from ui.widgets.table_models import Column


class CriteriaBox(QGroupBox):
    """The criteria of one competition with their total. A cell edited is saved here and the page told
    (saved); a criterion added or deleted changes the competition, which the page stores (store)."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        store: Callable[[CompetitionInfo], object],
        saved: Callable[[CompetitionInfo], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("评分项（双击修改）"))
        self.db = db
        self.runner = runner
        self.store = store
        self.saved = saved
        self.competition: CompetitionInfo | None = None
        self.table: DataTable[CriterionInfo] = DataTable(self._columns(), self._save, self)
        add_criterion = QPushButton(self.tr("添加评分项"))
        add_criterion.clicked.connect(lambda: self.add(CriterionKind.SCORE))
        add_deduction = QPushButton(self.tr("添加扣分项"))
        add_deduction.clicked.connect(lambda: self.add(CriterionKind.DEDUCTION))
        delete_criterion = QPushButton(self.tr("删除评分项"))
        delete_criterion.clicked.connect(self.delete_selected)
        self.total = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(add_criterion)
        buttons.addWidget(add_deduction)
        buttons.addWidget(delete_criterion)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.table.setMinimumHeight(200)

    def show_competition(self, info: CompetitionInfo) -> None:
        self.competition = info
        self.table.set_rows(list(info.criteria))
        self._show_total(info)

    def _show_total(self, info: CompetitionInfo) -> None:
        text = self.tr("满分合计 {0:g} 分").format(info.max_total) if info.score_criteria else ""
        if info.deductions:
            text += self.tr("，另有 {0} 个扣分项").format(len(info.deductions))
        self.total.setText(text)

    def _columns(self) -> list[Column[CriterionInfo]]:
        return [
            Column(
                self.tr("评分项"),
                lambda c: c.name,
                edit=lambda c, v: dataclasses.replace(c, name=clean_text(v)),
            ),
            Column(
                self.tr("类型"),
                lambda c: c.kind.label,
                edit=lambda c, v: dataclasses.replace(c, kind=CriterionKind(v)),
                choices=lambda: [(kind.label, kind.value) for kind in CriterionKind],
            ),
            Column(
                self.tr("满分（扣分上限）"),
                lambda c: f"{c.max_points:g}",
                edit=lambda c, v: dataclasses.replace(
                    c, max_points=typed_number(v, self.tr("满分"), lowest=0)
                ),
                sort_key=lambda c: c.max_points,
                align_center=True,
            ),
            Column(
                self.tr("步长（每处扣分）"),
                lambda c: f"{c.step:g}",
                edit=lambda c, v: dataclasses.replace(c, step=typed_number(v, self.tr("步长"), lowest=0)),
                sort_key=lambda c: c.step,
                align_center=True,
            ),
            Column(
                self.tr("说明"),
                lambda c: c.description,
                edit=lambda c, v: dataclasses.replace(c, description=clean_text(v)),
            ),
        ]

    def _save(self, criterion: CriterionInfo) -> CriterionInfo:
        assert self.competition is not None
        replaced = tuple(criterion if c.id == criterion.id else c for c in self.competition.criteria)
        saved = self.runner.apply(
            update_competition(self.db, dataclasses.replace(self.competition, criteria=replaced)), self
        )
        self.competition = saved
        self._show_total(saved)
        self.saved(saved)
        return next(c for c in saved.criteria if c.id == criterion.id)

    def add(self, kind: CriterionKind) -> None:
        """A criterion of that kind, named so that it is new to the competition."""
        if self.competition is None:
            return
        taken = {c.name for c in self.competition.criteria}
        base = self.tr("扣分项") if kind == CriterionKind.DEDUCTION else self.tr("评分项")
        name, number = base, 2
        while name in taken:
            name, number = f"{base}{number}", number + 1
        added = (
            CriterionInfo(name, 5, 1, kind=kind)
            if kind == CriterionKind.DEDUCTION
            else CriterionInfo(name, 10)
        )
        self.store(dataclasses.replace(self.competition, criteria=(*self.competition.criteria, added)))

    def delete_selected(self) -> None:
        if self.competition is None:
            return
        gone = {c.id for c in self.table.selected_rows()}
        if gone:
            kept = tuple(c for c in self.competition.criteria if c.id not in gone)
            self.store(dataclasses.replace(self.competition, criteria=kept))
