"""学校与设置 pages for the school's people and structure: grades and classes, teachers, students."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import Changed, Done
from fest_desktop.school.people import (
    StudentInfo,
    TeacherInfo,
    add_teacher,
    delete_students,
    delete_teachers,
    list_students,
    list_teachers,
    save_student,
    update_teacher,
)
from fest_desktop.school.roster import RosterImport
from fest_desktop.school.roster_files import RosterFile
from fest_desktop.school.structure import (
    ClassInfo,
    GradeInfo,
    add_class,
    add_grade,
    delete_class,
    delete_grade,
    list_classes,
    list_grades,
    rename_grade,
    update_class,
)
from fest_desktop.storage.database import Database
from fest_desktop.values import clean_text, parse_optional_age, parse_optional_date
from ui.operations import ChangeFollower, Runner
from ui.settings.dialogs import AddClassDialog, AddStudentDialog, AddTeacherDialog
from ui.settings.roster_import_dialog import RosterImportDialog, preview_roster_file
from ui.widgets.data_table import DataTable, toolbar
from ui.widgets.file_dialogs import ask_open_path, ask_save_path
from ui.widgets.forms import grade_choices, teacher_choices
from ui.widgets.messages import FAILED, confirm, show_error, tell_saved
from ui.widgets.numbers import typed_number
from ui.widgets.table_models import Column

RowT = TypeVar("RowT")


class SchoolPage(QWidget):
    """A page of the settings tab that shows one festival's data: read again when what it shows has
    changed elsewhere (at once on screen, else when it is next shown), and after its own actions."""

    FOLLOWS = Changed.SCHOOL

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = 0
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, origin: object) -> None:
        # What this page changed itself it has shown already (a cell saved in its table).
        if origin is not self and self.festival_id:
            self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def run(self, action: Callable[[], Done[Any]]) -> bool:
        """Run one core action and show its outcome; an expected failure is shown and nothing else
        happens."""
        if self.runner.now(self, action) is FAILED:
            return False
        self.reload()
        return True

    def saved(self, done: Done[RowT]) -> RowT:
        """A row saved from this page's table: its changes told to the other pages and tabs."""
        return self.runner.apply(done, self)


class ClassesPage(SchoolPage):
    """Grades (with their sections) and classes with their 班主任."""

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(db, runner, parent)
        self._teachers: list[TeacherInfo] = []
        self.grades: DataTable[GradeInfo] = DataTable(
            self._grade_columns(), self._save_grade, self, stretch=1
        )
        self.classes: DataTable[ClassInfo] = DataTable(
            self._class_columns(), self._save_class, self, stretch=3
        )

        add_grade = QPushButton(self.tr("添加年级"))
        self.grade_to_add = QComboBox()
        delete_grade = QPushButton(self.tr("删除年级"))
        add_class = QPushButton(self.tr("添加班级…"))
        delete_class = QPushButton(self.tr("删除班级"))
        add_grade.clicked.connect(self._add_grade)
        delete_grade.clicked.connect(self._delete_grade)
        add_class.clicked.connect(self._add_class)
        delete_class.clicked.connect(self._delete_class)

        grade_box = QWidget()
        grade_layout = QVBoxLayout(grade_box)
        grade_layout.addWidget(
            QLabel(self.tr("年级（学部由年级自动确定；年级名称可直接修改，如“初一”改为“七年级”）"))
        )
        grade_layout.addLayout(toolbar(self.grade_to_add, add_grade, delete_grade))
        grade_layout.addWidget(self.grades)
        class_box = QWidget()
        class_layout = QVBoxLayout(class_box)
        class_layout.addWidget(QLabel(self.tr("班级（双击班号或班主任可修改）")))
        class_layout.addLayout(toolbar(add_class, delete_class))
        class_layout.addWidget(self.classes)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(grade_box)
        splitter.addWidget(class_box)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([400, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _grade_columns(self) -> list[Column[GradeInfo]]:
        return [
            Column(self.tr("学部"), lambda g: g.section, sort_key=lambda g: g.level),
            Column(
                self.tr("年级"),
                lambda g: g.name,
                edit=lambda g, v: dataclasses.replace(g, name=clean_text(v)),
                sort_key=lambda g: g.level,
            ),
            Column(self.tr("班级数"), lambda g: g.class_count, align_center=True),
            Column(self.tr("学生数"), lambda g: g.student_count, align_center=True),
        ]

    def _class_columns(self) -> list[Column[ClassInfo]]:
        def number(row: ClassInfo, value: Any) -> ClassInfo:
            typed = typed_number(value, self.tr("班号"), whole=True, lowest=1, highest=99)
            return dataclasses.replace(row, number=int(typed))

        return [
            Column(self.tr("学部"), lambda c: c.section, sort_key=lambda c: (c.level, c.number)),
            Column(self.tr("年级"), lambda c: c.grade_name, sort_key=lambda c: (c.level, c.number)),
            Column(self.tr("班号"), lambda c: c.number, edit=number, align_center=True),
            Column(self.tr("班级"), lambda c: c.name, sort_key=lambda c: (c.level, c.number)),
            Column(
                self.tr("班主任"),
                lambda c: c.head_teacher_name,
                edit=lambda c, v: dataclasses.replace(c, head_teacher_id=v),
                choices=lambda: teacher_choices(self._teachers, self.tr("（未指定）")),
            ),
            Column(self.tr("学生数"), lambda c: c.student_count, align_center=True),
        ]

    def _save_grade(self, grade: GradeInfo) -> GradeInfo:
        self.saved(rename_grade(self.db, grade.id, grade.name))
        return grade

    def _save_class(self, info: ClassInfo) -> ClassInfo:
        return self.saved(update_class(self.db, info.id, info.number, info.head_teacher_id))

    def reload(self) -> None:
        grades = list_grades(self.db, self.festival_id)
        self._teachers = list_teachers(self.db, self.festival_id)
        self.grades.set_rows(grades)
        self.classes.set_rows(list_classes(self.db, self.festival_id))
        present = {g.level for g in grades}
        self.grade_to_add.clear()
        for label, level in grade_choices():
            if level not in present:
                self.grade_to_add.addItem(label, level)

    def _add_grade(self) -> None:
        level = self.grade_to_add.currentData()
        if level is not None:
            self.run(lambda: add_grade(self.db, self.festival_id, level))

    def _delete_grade(self) -> None:
        chosen = self.grades.selected_rows()
        if not chosen:
            return
        grade = chosen[0]
        question = self.tr("删除“{0}”及其 {1} 个班级、{2} 名学生？此操作不能撤销。").format(
            grade.name, grade.class_count, grade.student_count
        )
        if confirm(self, self.tr("删除年级"), question):
            self.run(lambda: delete_grade(self.db, grade.id))

    def _add_class(self) -> None:
        dialog = AddClassDialog(self._teachers, self)
        if dialog.exec():
            level, number = dialog.grade.currentData(), dialog.number.value()
            teacher = dialog.head_teacher.currentData()
            self.run(lambda: add_class(self.db, self.festival_id, level, number, teacher))

    def _delete_class(self) -> None:
        chosen = self.classes.selected_rows()
        if not chosen:
            return
        info = chosen[0]
        question = self.tr("删除{0}及其 {1} 名学生？此操作不能撤销。").format(info.name, info.student_count)
        if confirm(self, self.tr("删除班级"), question):
            self.run(lambda: delete_class(self.db, info.id))


class TeachersPage(SchoolPage):
    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(db, runner, parent)
        self.table: DataTable[TeacherInfo] = DataTable(self._columns(), self._save, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按姓名或学科查找"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        add = QPushButton(self.tr("添加教师…"))
        remove = QPushButton(self.tr("删除教师"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._delete)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar(self.search, add, remove, self.count))
        layout.addWidget(self.table)

    def _columns(self) -> list[Column[TeacherInfo]]:
        return [
            Column(
                self.tr("姓名"),
                lambda t: t.name,
                edit=lambda t, v: dataclasses.replace(t, name=clean_text(v)),
            ),
            Column(
                self.tr("学科"),
                lambda t: t.subject,
                edit=lambda t, v: dataclasses.replace(t, subject=clean_text(v)),
            ),
            Column(self.tr("担任班主任"), lambda t: t.head_of),
        ]

    def _save(self, teacher: TeacherInfo) -> TeacherInfo:
        self.saved(update_teacher(self.db, teacher.id, teacher.name, teacher.subject))
        return teacher

    def reload(self) -> None:
        self.table.set_rows(list_teachers(self.db, self.festival_id))
        self.count.setText(self.tr("共 {0} 位教师").format(self.table.model.rowCount()))

    def _filter(self, text: str) -> None:
        needle = text.strip()
        self.table.proxy.set_predicate(
            (lambda t: needle in t.name or needle in t.subject or needle in t.head_of) if needle else None
        )

    def _add(self) -> None:
        dialog = AddTeacherDialog(self)
        if dialog.exec():
            name, subject = dialog.name.text(), dialog.subject.text()
            self.run(lambda: add_teacher(self.db, self.festival_id, name, subject))

    def _delete(self) -> None:
        chosen = self.table.selected_rows()
        if chosen and confirm(self, self.tr("删除教师"), self.tr("删除 {0} 位教师？").format(len(chosen))):
            self.run(lambda: delete_teachers(self.db, [teacher.id for teacher in chosen]))


class StudentsPage(SchoolPage):
    """The roster: filter by class and by name or number, edit in place, import and export .xlsx."""

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(db, runner, parent)
        self._classes: list[ClassInfo] = []
        self.import_dialog: RosterImportDialog | None = None  # the last import's preview
        self.table: DataTable[StudentInfo] = DataTable(self._columns(), self._save, self, stretch=1)
        self.class_filter = QComboBox()
        self.class_filter.setMinimumWidth(140)
        self.class_filter.currentIndexChanged.connect(self._filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按姓名或学号查找"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        add = QPushButton(self.tr("添加学生…"))
        remove = QPushButton(self.tr("删除所选"))
        self.import_button = QPushButton(self.tr("导入花名册…"))
        export = QPushButton(self.tr("导出花名册…"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._delete)
        self.import_button.clicked.connect(self._import)
        export.clicked.connect(self._export)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar(self.class_filter, self.search, add, remove, self.import_button, export))
        layout.addWidget(self.table)
        layout.addWidget(self.count)

    def _columns(self) -> list[Column[StudentInfo]]:
        def date_text(s: StudentInfo) -> str:
            return s.birth_date.isoformat() if s.birth_date else ""

        return [
            Column(
                self.tr("班级"),
                lambda s: s.class_name,
                edit=lambda s, v: dataclasses.replace(s, class_id=v),
                sort_key=lambda s: (s.level, s.class_name),
                choices=lambda: [(c.name, c.id) for c in self._classes],
            ),
            Column(
                self.tr("姓名"),
                lambda s: s.name,
                edit=lambda s, v: dataclasses.replace(s, name=clean_text(v)),
            ),
            Column(
                self.tr("性别"),
                lambda s: s.gender,
                edit=lambda s, v: dataclasses.replace(s, gender=v),
                choices=lambda: [("", ""), ("男", "男"), ("女", "女")],
                align_center=True,
            ),
            Column(
                self.tr("学号"),
                lambda s: s.student_number,
                edit=lambda s, v: dataclasses.replace(s, student_number=clean_text(v)),
            ),
            Column(
                self.tr("出生日期"),
                date_text,
                edit=lambda s, v: dataclasses.replace(s, birth_date=parse_optional_date(v)),
                align_center=True,
            ),
            Column(
                self.tr("年龄"),
                lambda s: s.age,
                edit=lambda s, v: dataclasses.replace(s, age=parse_optional_age(v)),
                sort_key=lambda s: s.age if s.age is not None else -1,
                align_center=True,
            ),
        ]

    def _save(self, student: StudentInfo) -> StudentInfo:
        return self.saved(save_student(self.db, self.festival_id, student))

    def reload(self) -> None:
        chosen = self.class_filter.currentData()
        self._classes = list_classes(self.db, self.festival_id)
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem(self.tr("全部班级"), None)
        for info in self._classes:
            self.class_filter.addItem(info.name, info.id)
        self.class_filter.setCurrentIndex(max(self.class_filter.findData(chosen), 0))
        self.class_filter.blockSignals(False)
        self.table.set_rows(list_students(self.db, self.festival_id))
        self._filter()

    def _filter(self) -> None:
        class_id = self.class_filter.currentData()
        needle = self.search.text().strip()
        if class_id is None and not needle:
            self.table.proxy.set_predicate(None)
        else:
            self.table.proxy.set_predicate(
                lambda s: (
                    (class_id is None or s.class_id == class_id)
                    and (not needle or needle in s.name or needle in s.student_number)
                )
            )
        self.count.setText(
            self.tr("共 {0} 名学生，显示 {1} 名").format(
                self.table.model.rowCount(), self.table.proxy.rowCount()
            )
        )

    def _add(self) -> None:
        if not self._classes:
            show_error(self, self.tr("还没有班级。请先在“年级与班级”中添加班级，或导入花名册。"))
            return
        dialog = AddStudentDialog(self._classes, self.class_filter.currentData(), self)
        if dialog.exec():
            draft = StudentInfo(
                id=0,
                class_id=dialog.school_class.currentData(),
                name=dialog.name.text(),
                gender=dialog.gender.currentText(),
                student_number=dialog.student_number.text(),
            )
            self.run(lambda: save_student(self.db, self.festival_id, draft))

    def _delete(self) -> None:
        chosen = self.table.selected_rows()
        if chosen and confirm(
            self, self.tr("删除学生"), self.tr("删除所选的 {0} 名学生？此操作不能撤销。").format(len(chosen))
        ):
            self.run(lambda: delete_students(self.db, [s.id for s in chosen]))

    def _import(self) -> None:
        path = ask_open_path(self, self.tr("选择花名册"), self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"))
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Read and check a roster file on the runner's worker, then show its preview (what the import
        writes is announced, and every page showing the school shows it)."""
        self.import_dialog = None
        preview_roster_file(self.runner, self.db, self.festival_id, path, self, self._show_import)

    def _show_import(self, found: tuple[RosterFile, RosterImport]) -> None:
        self.import_dialog = RosterImportDialog(self.db, self.runner, self.festival_id, *found, parent=self)
        self.import_dialog.open()

    def _export(self) -> None:
        from fest_desktop.school.roster_files import export_roster

        path = ask_save_path(
            self, self.tr("导出花名册"), self.tr("花名册"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is not None:
            self.runner.produce(
                self,
                lambda: export_roster(self.db, self.festival_id, path),
                lambda count: tell_saved(self, self.tr("已导出 {0} 名学生的花名册。").format(count), path),
                label=self.tr("正在导出花名册…"),
            )
