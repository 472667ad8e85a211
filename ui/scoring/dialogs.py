"""The judges' panel of a competition, and the audit log of an entry's scores."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.school.people import list_teachers
from fest_desktop.school.structure import list_classes
from fest_desktop.scoring.judges import JudgeInfo, add_judge, list_judges, remove_judges, update_judge
from fest_desktop.scoring.log import ScoreChangeInfo
from fest_desktop.storage.database import Database
from fest_desktop.values import clean_text
from ui.operations import Runner
from ui.widgets.data_table import DataTable
from ui.widgets.messages import FAILED
from ui.widgets.table_models import Column, RowTableModel, preview_table


class JudgesDialog(QDialog):
    """评委组: add roster teachers or outside names, mark the class a judge belongs to, remove."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        competition_id: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.competition_id = competition_id
        self.setWindowTitle(self.tr("评委组 — {0}").format(title))
        self.resize(640, 480)
        self.teachers = list_teachers(db, festival_id)
        self.classes = list_classes(db, festival_id)
        self.table: DataTable[JudgeInfo] = DataTable(self._columns(), self._save, self, stretch=0)
        self.teacher = QComboBox()
        self.teacher.setEditable(False)
        for teacher in self.teachers:
            label = teacher.name + (f"（{teacher.subject}）" if teacher.subject else "")
            if teacher.head_of:
                label += self.tr("　班主任：{0}").format(teacher.head_of)
            self.teacher.addItem(label, teacher.id)
        add_teacher = QPushButton(self.tr("加入评委组"))
        add_teacher.clicked.connect(self._add_teacher)
        self.outside = QLineEdit()
        self.outside.setPlaceholderText(self.tr("校外评委姓名，如 科协 孙教授"))
        add_outside = QPushButton(self.tr("加入评委组"))
        add_outside.clicked.connect(self._add_outside)
        self.outside.returnPressed.connect(self._add_outside)
        remove = QPushButton(self.tr("移出评委组"))
        remove.clicked.connect(self._remove)
        hint = QLabel(
            self.tr(
                "班主任评委自动回避本班；校外评委或家长评委可在“所属班级”中标出，同样回避该班。修改即时保存。"
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)

        teacher_row = QHBoxLayout()
        teacher_row.addWidget(QLabel(self.tr("从教师名册：")))
        teacher_row.addWidget(self.teacher, 1)
        teacher_row.addWidget(add_teacher)
        outside_row = QHBoxLayout()
        outside_row.addWidget(QLabel(self.tr("校外评委：")))
        outside_row.addWidget(self.outside, 1)
        outside_row.addWidget(add_outside)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(remove)
        layout.addLayout(teacher_row)
        layout.addLayout(outside_row)
        layout.addWidget(close)
        self._reload()

    def _columns(self) -> list[Column[JudgeInfo]]:
        heads = {t.id: t.head_of for t in self.teachers}
        return [
            Column(
                self.tr("评委"),
                lambda j: j.name,
                edit=lambda j, v: dataclasses.replace(j, name=clean_text(v)),
            ),
            Column(
                self.tr("来源"),
                lambda j: self.tr("教师名册") if j.teacher_id is not None else self.tr("校外"),
            ),
            Column(self.tr("班主任"), lambda j: heads.get(j.teacher_id or 0, "")),
            Column(
                self.tr("所属班级（回避）"),
                lambda j: j.class_name,
                edit=lambda j, v: dataclasses.replace(j, class_id=v),
                choices=self._class_choices,
            ),
        ]

    def _class_choices(self) -> Sequence[tuple[str, int | None]]:
        return [(self.tr("（无）"), None), *((c.name, c.id) for c in self.classes)]

    def _save(self, judge: JudgeInfo) -> JudgeInfo:
        return self.runner.apply(update_judge(self.db, judge), self)

    def _reload(self) -> None:
        self.table.set_rows(list_judges(self.db, self.competition_id))

    def _add(self, name: str, teacher_id: int | None) -> None:
        if (
            self.runner.now(
                self, lambda: add_judge(self.db, self.competition_id, name, teacher_id=teacher_id)
            )
            is not FAILED
        ):
            self._reload()

    def _add_teacher(self) -> None:
        teacher = next((t for t in self.teachers if t.id == self.teacher.currentData()), None)
        if teacher is not None:
            self._add(teacher.name, teacher.id)

    def _add_outside(self) -> None:
        if clean_text(self.outside.text()):
            self._add(self.outside.text(), None)
            self.outside.clear()

    def _remove(self) -> None:
        chosen = [judge.id for judge in self.table.selected_rows()]
        if chosen and self.runner.now(self, lambda: remove_judges(self.db, chosen)) is not FAILED:
            self._reload()


class ScoreLogDialog(QDialog):
    """修改记录: every change of an entry's scores (or a competition's locks), oldest first."""

    def __init__(self, title: str, changes: Sequence[ScoreChangeInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改记录 — {0}").format(title))
        self.resize(760, 460)

        def shown(value: float | None) -> str:
            return "" if value is None else f"{value:g}"

        model: RowTableModel[ScoreChangeInfo] = RowTableModel(
            [
                Column(self.tr("时间"), lambda c: f"{c.changed_at:%m-%d %H:%M:%S}"),
                Column(self.tr("类别"), lambda c: c.action_text),
                Column(self.tr("哪个分数"), lambda c: c.what),
                Column(self.tr("原值"), lambda c: shown(c.old_value), align_center=True),
                Column(self.tr("新值"), lambda c: shown(c.new_value), align_center=True),
                Column(self.tr("录入电脑"), lambda c: c.station),
            ],
            parent=self,
        )
        model.set_rows(list(changes))
        self.table = preview_table(model, self)
        empty = QLabel(self.tr("还没有任何修改。"))
        empty.setVisible(not changes)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
