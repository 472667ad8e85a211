"""The dialogs of 科普实践: the items (add, edit, move, remove, the plans' own), the class sheet read back
(before → after, all or nothing), a pupil's 读后感 or 征文 entered as a work, and the 方格稿纸."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.errors import FestError
from fest_desktop.practice.items import (
    ITEM_NAME,
    MAX_POINTS,
    PracticeItemInfo,
    add_item,
    add_plan_items,
    list_items,
    move_item,
    remove_item,
    update_item,
)
from fest_desktop.practice.sheet import PracticeFile, PracticeImport, commit_practice_import
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.entries import EntryDraft, EntryInfo, LateEntryError, create_entry
from fest_desktop.registration.gridpaper import DEFAULT_CELLS, MAX_COPIES, write_grid_paper
from fest_desktop.school.structure import GradeInfo
from fest_desktop.storage.database import Database
from fest_desktop.values import ADVISOR_NAMES, TITLE
from ui.operations import Runner
from ui.widgets.file_dialogs import ask_save_path
from ui.widgets.forms import FormDialog
from ui.widgets.import_preview import ImportPreviewDialog
from ui.widgets.messages import FAILED, confirm, show_error, tell_saved
from ui.widgets.table_models import Column, RowTableModel, selectable_table


class ItemDialog(FormDialog):
    """One practice item: its name, the grades that do it, its 班级考核 points, and the competition a
    pupil's written work of it is entered in."""

    def __init__(
        self,
        item: PracticeItemInfo,
        grades: Sequence[GradeInfo],
        competitions: Sequence[CompetitionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("实践项目") if item.id else self.tr("添加实践项目"), parent)
        self.item = item
        self.name = QLineEdit(item.name)
        self.name.setMaxLength(ITEM_NAME.longest)
        self.name.setPlaceholderText(self.tr("如 参观一处科普教育基地"))
        self.every_grade = QCheckBox(self.tr("全校都做"))
        self.every_grade.setChecked(not item.levels)
        self.grades: dict[int, QCheckBox] = {}
        grid = QGridLayout()
        for position, grade in enumerate(grades):
            box = QCheckBox(grade.name)
            box.setChecked(grade.level in item.levels)
            self.grades[grade.level] = box
            grid.addWidget(box, position // 5, position % 5)
        self.every_grade.toggled.connect(self._every_grade)
        self._every_grade(self.every_grade.isChecked())
        self.points = QDoubleSpinBox()
        self.points.setRange(0, MAX_POINTS)
        self.points.setDecimals(1)
        self.points.setValue(item.points)
        self.points.setSuffix(self.tr(" 分"))
        points_hint = QLabel(self.tr("全班都完成时计入班级考核的分数，部分完成按完成比例计分；0 为不计分。"))
        points_hint.setWordWrap(True)
        points_hint.setObjectName("hint")
        self.competition = QComboBox()
        self.competition.addItem(self.tr("（不指定）"), None)
        for competition in competitions:
            self.competition.addItem(competition.name, competition.id)
        self.competition.setCurrentIndex(max(self.competition.findData(item.competition_id), 0))
        self.form.addRow(self.tr("名称"), self.name)
        self.form.addRow(self.tr("参加年级"), self.every_grade)
        self.form.addRow("", grid)
        self.form.addRow(self.tr("班级考核分"), self.points)
        self.form.addRow("", points_hint)
        self.form.addRow(self.tr("报为作品时的比赛"), self.competition)

    def _every_grade(self, every: bool) -> None:
        for box in self.grades.values():
            box.setEnabled(not every)

    def chosen(self) -> PracticeItemInfo:
        levels = (
            ()
            if self.every_grade.isChecked()
            else tuple(lv for lv, box in self.grades.items() if box.isChecked())
        )
        return dataclasses.replace(
            self.item,
            name=self.name.text(),
            levels=levels,
            points=self.points.value(),
            competition_id=self.competition.currentData(),
        )


class ItemsDialog(QDialog):
    """The festival's practice items in their order, each change stored at once."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        grades: Sequence[GradeInfo],
        competitions: Sequence[CompetitionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        self.grades = list(grades)
        self.competitions = list(competitions)
        self.setWindowTitle(self.tr("科普实践项目"))
        self.resize(720, 420)
        self.model: RowTableModel[PracticeItemInfo] = RowTableModel(
            [
                Column(self.tr("实践项目"), lambda i: i.name),
                Column(self.tr("参加年级"), lambda i: i.levels_text),
                Column(
                    self.tr("班级考核分"), lambda i: f"{i.points:g}" if i.points else "", align_center=True
                ),
                Column(self.tr("已完成"), lambda i: i.marks, align_center=True),
            ],
            parent=self,
        )
        self.table, self.proxy = selectable_table(self.model, self, stretch=0)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        buttons = []
        for label, action in (
            (self.tr("添加…"), self.add),
            (self.tr("按计划添加"), self.add_plan),
            (self.tr("修改…"), self.edit_selected),
            (self.tr("上移"), lambda: self.move_selected(-1)),
            (self.tr("下移"), lambda: self.move_selected(1)),
            (self.tr("删除"), self.remove_selected),
        ):
            button = QPushButton(label)
            button.clicked.connect(action)
            buttons.append(button)
        self.plan_button = buttons[1]
        self.plan_button.setToolTip(
            self.tr(
                "计划中的：读一本科普读物并写读后感、看一部科普影片、讲一位科学家的故事、参观一处科普教育基地、写一篇科普小征文"
            )
        )
        bar = QHBoxLayout()
        for button in buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.model.set_rows(list_items(self.db, self.festival_id))
        if select is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.row_object(row).id == select:
                    self.table.selectRow(row)

    def selected(self) -> PracticeItemInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_object(rows[0].row()) if rows else None

    def add(self) -> None:
        dialog = ItemDialog(PracticeItemInfo(0, ""), self.grades, self.competitions, self)
        if dialog.exec():
            added = self.runner.now(self, lambda: add_item(self.db, self.festival_id, dialog.chosen()))
            if added is not FAILED:
                self.reload(added.id)

    def add_plan(self) -> None:
        if self.runner.now(self, lambda: add_plan_items(self.db, self.festival_id)) is not FAILED:
            self.reload()

    def edit_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        dialog = ItemDialog(item, self.grades, self.competitions, self)
        if (
            dialog.exec()
            and self.runner.now(self, lambda: update_item(self.db, dialog.chosen())) is not FAILED
        ):
            self.reload(item.id)

    def move_selected(self, step: int) -> None:
        item = self.selected()
        if (
            item is not None
            and self.runner.now(self, lambda: move_item(self.db, item.id, step)) is not FAILED
        ):
            self.reload(item.id)

    def remove_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        question = self.tr("删除实践项目「{0}」？").format(item.name)
        if item.marks:
            question += self.tr("已勾选的 {0} 名学生的记录也会删除（删除前自动备份）。").format(item.marks)
        if confirm(self, self.tr("删除实践项目"), question) and (
            self.runner.now(self, lambda: remove_item(self.db, item.id)) is not FAILED
        ):
            self.reload()


class PracticeImportDialog(ImportPreviewDialog):
    """The class sheets read back: every change before → after, or every problem; 导入 writes all."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        read: PracticeFile,
        plan: PracticeImport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, self.tr("导入实践表 — {0}").format(Path(plan.source).name), parent)
        self.db = db
        self.festival_id = festival_id
        self.read = read
        self.show_practice(plan)

    def show_practice(self, plan: PracticeImport) -> None:
        self.plan = plan
        self.show_plan(plan.summary(), plan.lines())

    def commit(self) -> None:
        db, festival_id, read, plan = self.db, self.festival_id, self.read, self.plan
        # Refused when something changed since the preview (a pupil moved class): shown again, nothing written.
        self.commit_with(
            lambda: commit_practice_import(db, festival_id, read, previewed=plan), self.show_practice
        )


class WorkDialog(FormDialog):
    """A pupil's 读后感 or 征文 entered as a work of a competition their class may enter."""

    def __init__(
        self,
        pupil: str,
        class_name: str,
        competitions: Sequence[CompetitionInfo],
        chosen: int | None,
        teachers: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("报为参赛作品"), parent)
        self.competition = QComboBox()
        for competition in competitions:
            self.competition.addItem(competition.name, competition.id)
        self.competition.setCurrentIndex(max(self.competition.findData(chosen), 0))
        self.competition.currentIndexChanged.connect(self._fill_subtypes)
        self.competitions = list(competitions)
        self.subtype = QComboBox()
        self.subtype.setEditable(True)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE.longest)
        self.title.setPlaceholderText(self.tr("如 《昆虫记》读后感"))
        self.advisor = QComboBox()
        self.advisor.setEditable(True)
        self.advisor.addItems(["", *teachers])
        line = self.advisor.lineEdit()
        assert line is not None  # editable
        line.setMaxLength(ADVISOR_NAMES.longest)
        self.form.addRow(self.tr("作者"), QLabel(f"{class_name} {pupil}"))
        self.form.addRow(self.tr("比赛项目"), self.competition)
        self.form.addRow(self.tr("作品类型"), self.subtype)
        self.form.addRow(self.tr("作品题目"), self.title)
        self.form.addRow(self.tr("指导老师"), self.advisor)
        self._fill_subtypes()

    def _fill_subtypes(self) -> None:
        competition = next((c for c in self.competitions if c.id == self.competition.currentData()), None)
        self.subtype.clear()
        self.subtype.addItems(["", *(competition.subtypes if competition else ())])


def enter_work(
    parent: QWidget,
    runner: Runner,
    db: Database,
    festival_id: int,
    dialog: WorkDialog,
    class_id: int,
    student_id: int,
) -> EntryInfo | None:
    """Register the work the dialog describes; after the deadline only once the teacher confirms."""
    competition_id = dialog.competition.currentData()
    if competition_id is None:
        show_error(parent, QCoreApplication.translate("WorkDialog", "请选择比赛项目。"))
        return None
    draft = EntryDraft(
        competition_id,
        class_id,
        subtype=dialog.subtype.currentText(),
        title=dialog.title.text(),
        author_ids=(student_id,),
        advisor=dialog.advisor.currentText(),
    )
    try:
        done = create_entry(db, festival_id, draft)
    except LateEntryError as late:
        if not confirm(parent, QCoreApplication.translate("WorkDialog", "已过截止日期"), late.message):
            return None
        created = runner.now(parent, lambda: create_entry(db, festival_id, draft, allow_late=True))
        return None if created is FAILED else created
    except FestError as exc:
        show_error(parent, exc.message)
        return None
    return runner.apply(done, parent)


class GridPaperDialog(FormDialog):
    """方格稿纸: for which competition (its note at the top left), how many squares, how many sheets."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        competitions: Sequence[CompetitionInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("打印方格稿纸"), parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        self.competition = QComboBox()
        self.competition.addItem(self.tr("不指定（按计划注明“科技小论文——观察日记(科普幻想类)”）"), None)
        for competition in competitions:
            self.competition.addItem(competition.name, competition.id)
        self.cells = QSpinBox()
        self.cells.setRange(100, 600)
        self.cells.setSingleStep(20)
        self.cells.setValue(DEFAULT_CELLS)
        self.cells.setSuffix(self.tr(" 字/页"))
        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setValue(40)
        self.copies.setSuffix(self.tr(" 张"))
        hint = QLabel(
            self.tr("A4 纸，300 字为每行 20 格、共 15 行；页首有题目、班级、姓名，左上方注明比赛和体裁。")
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.form.addRow(self.tr("比赛项目"), self.competition)
        self.form.addRow(self.tr("每页格数"), self.cells)
        self.form.addRow(self.tr("份数"), self.copies)
        self.form.addRow(hint)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.save)

    def save(self) -> None:
        path = ask_save_path(
            self,
            self.tr("保存方格稿纸"),
            self.tr("{0}字方格稿纸").format(self.cells.value()),
            ".pdf",
            "PDF (*.pdf)",
        )
        if path is not None and self.write(path):
            self.accept()

    def write(self, path: Path) -> bool:
        pages = self.runner.read(
            self,
            lambda: write_grid_paper(
                self.db,
                self.festival_id,
                path,
                competition_id=self.competition.currentData(),
                cells=self.cells.value(),
                copies=self.copies.value(),
            ),
        )
        if pages is FAILED:
            return False
        tell_saved(self, self.tr("已生成 {0} 张方格稿纸。").format(pages), path)
        return True
