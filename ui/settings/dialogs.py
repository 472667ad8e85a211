"""Small dialogs that gather what the core needs to create a festival, a class or a student."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from fest_desktop.school.classnames import chinese_numeral
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import TeacherInfo
from fest_desktop.school.structure import ClassInfo
from fest_desktop.values import PERSON_NAME, STUDENT_NUMBER
from ui.widgets.forms import FormDialog, date_edit, grade_choices, teacher_choices


class NewFestivalDialog(FormDialog):
    """Name, school, theme and dates of a new festival, and which earlier set-up to copy."""

    def __init__(self, festivals: Sequence[FestivalInfo], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新建科技节"), parent)
        latest = festivals[0] if festivals else None
        next_edition = (latest.edition or 0) + 1 if latest else 1
        today = dt.date.today()
        self.name = QLineEdit(self.tr("第{0}届校园科技节").format(chinese_numeral(next_edition)))
        self.school = QLineEdit(latest.school_name if latest else "")
        self.theme = QLineEdit()
        self.theme.setPlaceholderText(self.tr("例如：探究身边的科学"))
        self.start = date_edit(today)
        self.end = date_edit(today + dt.timedelta(days=30))
        self.copy_from = QComboBox()
        self.copy_from.addItem(self.tr("不复制，从空白开始"), None)
        for festival in festivals:
            self.copy_from.addItem(festival.title, festival.id)
        if latest:
            self.copy_from.setCurrentIndex(1)
        note = QLabel(self.tr("复制的是阶段、年级班级和教师名单；学生名单不复制，新学年请重新导入花名册。"))
        note.setWordWrap(True)
        note.setObjectName("hint")
        self.form.addRow(self.tr("名称"), self.name)
        self.form.addRow(self.tr("学校"), self.school)
        self.form.addRow(self.tr("主题"), self.theme)
        self.form.addRow(self.tr("开始日期"), self.start)
        self.form.addRow(self.tr("结束日期"), self.end)
        self.form.addRow(self.tr("复制设置自"), self.copy_from)
        self.form.addRow(note)


class AddClassDialog(FormDialog):
    def __init__(self, teachers: Sequence[TeacherInfo], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加班级"), parent)
        self.grade = QComboBox()
        for label, level in grade_choices():
            self.grade.addItem(label, level)
        self.number = QSpinBox()
        self.number.setRange(1, 99)
        self.head_teacher = QComboBox()
        for label, teacher_id in teacher_choices(teachers, self.tr("（暂不指定）")):
            self.head_teacher.addItem(label, teacher_id)
        self.form.addRow(self.tr("年级"), self.grade)
        self.form.addRow(self.tr("班号"), self.number)
        self.form.addRow(self.tr("班主任"), self.head_teacher)


class AddStudentDialog(FormDialog):
    def __init__(
        self, classes: Sequence[ClassInfo], class_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("添加学生"), parent)
        self.school_class = QComboBox()
        for info in classes:
            self.school_class.addItem(info.name, info.id)
        if class_id is not None:
            self.school_class.setCurrentIndex(max(self.school_class.findData(class_id), 0))
        self.name = QLineEdit()
        self.name.setMaxLength(PERSON_NAME.longest)
        self.gender = QComboBox()
        self.gender.addItems(["", "男", "女"])
        self.student_number = QLineEdit()
        self.student_number.setMaxLength(STUDENT_NUMBER.longest)
        self.form.addRow(self.tr("班级"), self.school_class)
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("性别"), self.gender)
        self.form.addRow(self.tr("学号"), self.student_number)


class AddTeacherDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("添加教师"), parent)
        self.name = QLineEdit()
        self.name.setMaxLength(PERSON_NAME.longest)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("例如：科学、美术、信息技术"))
        self.form.addRow(self.tr("姓名"), self.name)
        self.form.addRow(self.tr("学科"), self.subject)
