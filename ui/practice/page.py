"""科普实践, a page of 作品报名: the classes with how far each has got, the chosen class's checklist ticked
from the keyboard, its sheet out and back in, the items, a pupil's written work entered as a work of a
competition, and the 方格稿纸."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import Changed
from fest_desktop.practice.checklist import Mark, class_checklist, set_marks
from fest_desktop.practice.items import add_plan_items
from fest_desktop.practice.progress import ClassProgress, practice_progress
from fest_desktop.practice.sheet import (
    PracticeFile,
    PracticeImport,
    plan_practice_import,
    read_practice_file,
    write_practice_sheets,
)
from fest_desktop.registration.competitions import CompetitionInfo, list_competitions
from fest_desktop.registration.entries import EntryInfo
from fest_desktop.school.people import list_teachers
from fest_desktop.school.structure import list_grades
from fest_desktop.storage.database import Database
from ui.operations import ChangeFollower, Runner
from ui.practice.checklist import FIRST_ITEM_COLUMN, ChecklistModel, ChecklistView
from ui.practice.dialogs import GridPaperDialog, ItemsDialog, PracticeImportDialog, WorkDialog, enter_work
from ui.widgets.file_dialogs import ask_open_path, ask_save_path
from ui.widgets.forms import set_button_menu
from ui.widgets.import_preview import read_and_plan
from ui.widgets.messages import FAILED, show_error, tell_saved
from ui.widgets.table_models import Column, RowTableModel, selectable_table


class PracticePage(QWidget):
    """Each class's 科普实践, class by class; what a 班主任 ticks is stored at once."""

    # The items and the ticks, the classes and pupils they are ticked for, the competitions a
    # pupil's written work is entered in.
    FOLLOWS = Changed.PRACTICE | Changed.SCHOOL | Changed.COMPETITIONS

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.import_dialog: PracticeImportDialog | None = None  # the last import's preview
        self.competitions: list[CompetitionInfo] = []

        self.classes: RowTableModel[ClassProgress] = RowTableModel(
            [
                Column(self.tr("班级"), lambda c: c.class_name),
                Column(
                    self.tr("完成"),
                    lambda c: f"{c.total.share:.0%}",
                    sort_key=lambda c: c.total.share,
                    align_center=True,
                ),
            ],
            parent=self,
        )
        self.class_table, self.class_proxy = selectable_table(self.classes, self, stretch=0)
        self.class_table.setMinimumWidth(170)
        self.class_table.selectionModel().selectionChanged.connect(self._class_chosen)

        self.model = ChecklistModel(self)
        self.model.marks_requested.connect(self.store_marks)
        self.view = ChecklistView()
        self.view.setModel(self.model)
        self.view.toggle_requested.connect(lambda indexes: self.store_marks(self.model.toggled(indexes)))
        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        hint = QLabel(
            self.tr("方向键移动，空格键勾选或取消所选的格子；点列标题选中整列，再按空格键整列勾选。")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)

        self.sheet_button = QPushButton(self.tr("导出实践表"))
        sheet_menu = QMenu(self.sheet_button)
        sheet_menu.addAction(
            self.tr("本班实践表（Excel）…"), lambda: self.export_sheets(only_this_class=True)
        )
        sheet_menu.addAction(
            self.tr("全部班级（每班一页）…"), lambda: self.export_sheets(only_this_class=False)
        )
        set_button_menu(self.sheet_button, sheet_menu)
        buttons = [self.sheet_button]
        for label, action in (
            (self.tr("导入实践表…"), self.import_sheet),
            (self.tr("报为参赛作品…"), self.enter_as_work),
            (self.tr("实践项目…"), self.edit_items),
            (self.tr("打印方格稿纸…"), self.print_grid_paper),
        ):
            button = QPushButton(label)
            button.clicked.connect(action)
            buttons.append(button)
        self.work_button = buttons[2]
        self.work_button.setToolTip(self.tr("把选中学生的读后感、征文等登记为一件参赛作品"))
        bar = QHBoxLayout()
        for button in buttons:
            bar.addWidget(button)
        bar.addStretch(1)

        self.checklist_page = QWidget()
        right = QVBoxLayout(self.checklist_page)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.heading)
        right.addWidget(hint)
        right.addWidget(self.view, 1)
        right.addLayout(bar)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_text = QLabel(
            self.tr(
                "还没有科普实践项目。计划中要求学生每人：读一本科普读物并写读后感、看一部科普影片、讲一位科学家的故事、"
                "参观一处科普教育基地、写一篇科普小征文。"
            )
        )
        empty_text.setWordWrap(True)
        plan_button = QPushButton(self.tr("按计划添加这些项目"))
        plan_button.setObjectName("primaryButton")
        plan_button.clicked.connect(self.add_plan_items)
        own_button = QPushButton(self.tr("自己添加…"))
        own_button.clicked.connect(self.edit_items)
        empty_buttons = QHBoxLayout()
        empty_buttons.addWidget(plan_button)
        empty_buttons.addWidget(own_button)
        empty_buttons.addStretch(1)
        empty_layout.addWidget(empty_text)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.checklist_page)
        self.stack.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.class_table)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ------------------------------------------------------------ showing

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, origin: QObject | None) -> None:
        # Ticks this page stored it has shown already (the class's row and its checklist).
        if origin is not self and self.festival_id:
            self.competitions = list_competitions(self.db, self.festival_id)
            self.reload()

    def reload(self) -> None:
        chosen = self.class_id()
        progress = practice_progress(self.db, self.festival_id)
        self.stack.setCurrentWidget(self.checklist_page if progress.items else self.empty)
        self.classes.set_rows(progress.classes)
        self.select_class(
            chosen if chosen is not None else (progress.classes[0].class_id if progress.classes else None)
        )
        if self.class_id() is None:
            self.model.set_checklist(None)
            self.heading.clear()

    def select_class(self, class_id: int | None) -> None:
        for row in range(self.class_proxy.rowCount()):
            if self.class_proxy.row_object(row).class_id == class_id:
                self.class_table.selectRow(row)
                self._class_chosen()
                return

    def class_id(self) -> int | None:
        rows = self.class_table.selectionModel().selectedRows()
        return self.class_proxy.row_object(rows[0].row()).class_id if rows else None

    def _class_chosen(self) -> None:
        class_id = self.class_id()
        if class_id is None:
            return
        checklist = self.runner.read(self, lambda: class_checklist(self.db, class_id))
        if checklist is FAILED:
            return
        self.model.set_checklist(checklist)
        self.view.fit_columns()
        self._show_heading()

    def _show_heading(self) -> None:
        checklist = self.model.checklist
        if checklist is None:
            return
        done = sum(len(p.done) for p in checklist.pupils)
        of = len(checklist.pupils) * len(checklist.items)
        share = done / of if of else 0.0
        self.heading.setText(
            self.tr("{0}　{1} 名学生　完成 {2}/{3}（{4:.0%}）").format(
                checklist.class_name, len(checklist.pupils), done, of, share
            )
        )

    # ------------------------------------------------------------ ticking

    def store_marks(self, marks: list[Mark]) -> None:
        """Store the ticks asked for, all at once, and show the class as the core now has it."""
        class_id = self.class_id()
        if class_id is None or not marks:
            return
        checklist = self.runner.now(self, lambda: set_marks(self.db, class_id, marks))
        if checklist is FAILED:
            return
        self.model.set_checklist(checklist)
        self._show_heading()
        total = next(
            (c for c in practice_progress(self.db, self.festival_id).classes if c.class_id == class_id), None
        )
        if total is not None:
            rows = self.classes.rows()
            self.classes.set_rows([total if row.class_id == class_id else row for row in rows])
            self.select_class_quietly(class_id)

    def select_class_quietly(self, class_id: int) -> None:
        """Select the class again after its row was refreshed, without reloading its checklist."""
        selection = self.class_table.selectionModel()
        selection.blockSignals(True)
        for row in range(self.class_proxy.rowCount()):
            if self.class_proxy.row_object(row).class_id == class_id:
                self.class_table.selectRow(row)
        selection.blockSignals(False)

    # ------------------------------------------------------------ actions

    def add_plan_items(self) -> None:
        if self.runner.now(self, lambda: add_plan_items(self.db, self.festival_id)) is not FAILED:
            self.reload()

    def edit_items(self) -> None:
        grades = list_grades(self.db, self.festival_id)
        ItemsDialog(self.db, self.runner, self.festival_id, grades, self._work_competitions(), self).exec()

    def _work_competitions(self, level: int | None = None) -> list[CompetitionInfo]:
        """The competitions a pupil's work can be entered in (of that grade, when given)."""
        return [
            c
            for c in self.competitions
            if not c.is_class_competition
            and not c.is_for_teachers
            and not c.is_quiz_team
            and (level is None or c.accepts_level(level))
        ]

    def export_sheets(self, *, only_this_class: bool) -> None:
        class_id = self.class_id()
        if only_this_class and class_id is None:
            show_error(self, self.tr("请先选择班级。"))
            return
        class_ids = (
            [class_id]
            if only_this_class and class_id is not None
            else [c.class_id for c in self.classes.rows()]
        )
        checklist = self.model.checklist
        stem = (
            self.tr("{0}-科普实践").format(checklist.class_name)
            if only_this_class and checklist is not None
            else self.tr("各班科普实践")
        )
        path = ask_save_path(self, self.tr("导出实践表"), stem, ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return
        festival_id = self.festival_id
        self.runner.produce(
            self,
            lambda: write_practice_sheets(self.db, festival_id, class_ids, path),
            lambda count: tell_saved(
                self,
                self.tr(
                    "已导出 {0} 个班、{1} 名学生的实践表。班主任打勾后交回，用“导入实践表…”收回。"
                ).format(len(class_ids), count),
                path,
            ),
            label=self.tr("正在导出实践表…"),
        )

    def import_sheet(self) -> None:
        path = ask_open_path(
            self, self.tr("选择填好的实践表"), self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)")
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Read and check a returned practice sheet on the runner's worker, then show its preview."""
        festival_id = self.festival_id
        self.import_dialog = None

        def plan() -> tuple[PracticeFile, PracticeImport]:
            read = read_practice_file(path)
            return read, plan_practice_import(self.db, festival_id, read)

        read_and_plan(self.runner, self, plan, self._show_import)

    def _show_import(self, found: tuple[PracticeFile, PracticeImport]) -> None:
        self.import_dialog = PracticeImportDialog(self.db, self.runner, self.festival_id, *found, self)
        self.import_dialog.open()

    def enter_as_work(self) -> None:
        checklist = self.model.checklist
        index: QModelIndex = self.view.currentIndex()
        if checklist is None or not index.isValid():
            show_error(self, self.tr("请先在表中选中一名学生（可选中他读后感、征文那一格）。"))
            return
        pupil = checklist.pupils[index.row()]
        item_id = self.model.item_id(index.column())
        item = next((i for i in checklist.items if i.id == item_id), None)
        competitions = self._work_competitions(checklist.level)
        if not competitions:
            show_error(self, self.tr("{0}没有可以报名的个人比赛项目。").format(checklist.class_name))
            return
        teachers = [t.name for t in list_teachers(self.db, self.festival_id)]
        dialog = WorkDialog(
            pupil.name,
            checklist.class_name,
            competitions,
            item.competition_id if item else None,
            teachers,
            self,
        )
        if item is not None:
            dialog.title.setPlaceholderText(self.tr("如 {0}").format(item.name))
        if not dialog.exec():
            return
        created = enter_work(
            self, self.runner, self.db, self.festival_id, dialog, checklist.class_id, pupil.student_id
        )
        if created is not None:
            self._tell_created(created)

    def _tell_created(self, entry: EntryInfo) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("已登记作品 {0}：{1}《{2}》").format(entry.code, entry.author_names, entry.title),
                6000,
            )

    def print_grid_paper(self) -> None:
        writing = [c for c in self._work_competitions() if c.judging != "measured"]
        GridPaperDialog(self.db, self.runner, self.festival_id, writing, self).exec()

    def focus_checklist(self) -> None:
        """Put the keyboard on the first item cell of the checklist."""
        self.view.setFocus()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, FIRST_ITEM_COLUMN))
