"""学校与设置: the festival's details and phases, the school's structure and people, preferences."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import Changed
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.school.festivals import (
    STANDARD_PHASES,
    FestivalInfo,
    PhaseInfo,
    add_phase,
    delete_festival,
    delete_phases,
    list_festivals,
    list_phases,
    set_current_festival,
    update_festival,
    update_phase,
)
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import Preferences
from fest_desktop.values import clean_text, parse_date
from ui.operations import Runner
from ui.settings.data_page import DataPage
from ui.settings.dialogs import NewFestivalDialog
from ui.settings.school_pages import ClassesPage, SchoolPage, StudentsPage, TeachersPage
from ui.widgets.data_table import DataTable
from ui.widgets.forms import date_edit, from_qdate, to_qdate
from ui.widgets.messages import FAILED, confirm, show_error
from ui.widgets.table_models import Column


class FestivalPage(SchoolPage):
    """Details of the current festival (saved as each field is left), its phases, and switching
    festivals (the window then shows the festival switched to on every tab)."""

    FOLLOWS = Changed.FESTIVAL

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(db, runner, parent)
        self.festival: FestivalInfo | None = None

        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(260)
        self.chooser.activated.connect(self._switch)
        new_button = QPushButton(self.tr("新建科技节…"))
        new_button.clicked.connect(self._create)
        delete_button = QPushButton(self.tr("删除此科技节"))
        delete_button.clicked.connect(self._delete)
        switch_row = QHBoxLayout()
        switch_row.addWidget(QLabel(self.tr("当前科技节")))
        switch_row.addWidget(self.chooser)
        switch_row.addWidget(new_button)
        switch_row.addWidget(delete_button)
        switch_row.addStretch(1)

        self.name = QLineEdit()
        self.edition = QSpinBox()
        self.edition.setRange(0, 999)
        self.edition.setSpecialValueText(self.tr("（不写届次）"))
        self.theme = QLineEdit()
        self.school_name = QLineEdit()
        self.start = date_edit(dt.date.today())
        self.end = date_edit(dt.date.today())
        for line in (self.name, self.theme, self.school_name):
            line.editingFinished.connect(self._save_details)
        self.edition.editingFinished.connect(self._save_details)
        self.start.editingFinished.connect(self._save_details)
        self.end.editingFinished.connect(self._save_details)
        details = QGroupBox(self.tr("科技节信息（修改后自动保存）"))
        details.setMaximumWidth(720)
        form = QFormLayout(details)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("届次"), self.edition)
        form.addRow(self.tr("主题"), self.theme)
        form.addRow(self.tr("学校"), self.school_name)
        form.addRow(self.tr("开始日期"), self.start)
        form.addRow(self.tr("结束日期"), self.end)

        self.phases: DataTable[PhaseInfo] = DataTable(
            self._phase_columns(), self._save_phase, self, stretch=0
        )
        add_phase = QPushButton(self.tr("添加阶段"))
        add_phase.clicked.connect(self._add_phase)
        delete_phase = QPushButton(self.tr("删除阶段"))
        delete_phase.clicked.connect(self._delete_phase)
        phase_box = QGroupBox(self.tr("活动阶段（可以重叠；双击单元格修改）"))
        phase_layout = QVBoxLayout(phase_box)
        phase_buttons = QHBoxLayout()
        phase_buttons.addWidget(add_phase)
        phase_buttons.addWidget(delete_phase)
        phase_buttons.addStretch(1)
        phase_layout.addLayout(phase_buttons)
        phase_layout.addWidget(self.phases)

        layout = QVBoxLayout(self)
        layout.addLayout(switch_row)
        layout.addWidget(details)
        layout.addWidget(phase_box, 1)

    def _phase_columns(self) -> list[Column[PhaseInfo]]:
        return [
            Column(
                self.tr("阶段"),
                lambda p: p.name,
                edit=lambda p, v: dataclasses.replace(p, name=clean_text(v)),
            ),
            Column(
                self.tr("开始日期"),
                lambda p: p.start_date.isoformat(),
                edit=lambda p, v: dataclasses.replace(p, start_date=parse_date(v)),
                align_center=True,
            ),
            Column(
                self.tr("结束日期"),
                lambda p: p.end_date.isoformat(),
                edit=lambda p, v: dataclasses.replace(p, end_date=parse_date(v)),
                align_center=True,
            ),
            Column(self.tr("天数"), lambda p: (p.end_date - p.start_date).days + 1, align_center=True),
        ]

    def _save_phase(self, phase: PhaseInfo) -> PhaseInfo:
        return self.saved(update_phase(self.db, phase))

    def reload(self) -> None:
        all_festivals = list_festivals(self.db)
        self.chooser.clear()
        for info in all_festivals:
            self.chooser.addItem(info.title, info.id)
        self.chooser.setCurrentIndex(max(self.chooser.findData(self.festival_id), 0))
        self.festival = next((f for f in all_festivals if f.id == self.festival_id), None)
        if self.festival is not None:
            self._fill(self.festival)
        self.phases.set_rows(list_phases(self.db, self.festival_id))

    def _fill(self, info: FestivalInfo) -> None:
        self.name.setText(info.name)
        self.edition.setValue(info.edition or 0)
        self.theme.setText(info.theme)
        self.school_name.setText(info.school_name)
        self.start.setDate(to_qdate(info.start_date))
        self.end.setDate(to_qdate(info.end_date))

    def _save_details(self) -> None:
        if self.festival is None:
            return
        edited = dataclasses.replace(
            self.festival,
            name=self.name.text(),
            edition=self.edition.value() or None,
            theme=self.theme.text(),
            school_name=self.school_name.text(),
            start_date=from_qdate(self.start.date()),
            end_date=from_qdate(self.end.date()),
        )
        if edited == self.festival:
            return
        saved = self.runner.now(self, lambda: update_festival(self.db, edited))
        if saved is FAILED:
            self._fill(self.festival)
            return
        self.festival = saved
        self.chooser.setItemText(self.chooser.currentIndex(), self.festival.title)

    def _switch(self, position: int) -> None:
        festival_id = self.chooser.itemData(position)
        if festival_id is not None and festival_id != self.festival_id:
            self.runner.now(self, lambda: set_current_festival(self.db, festival_id))

    def _create(self) -> None:
        dialog = NewFestivalDialog(list_festivals(self.db), self)
        if not dialog.exec():
            return
        name, school, theme = dialog.name.text(), dialog.school.text(), dialog.theme.text()
        start, end = from_qdate(dialog.start.date()), from_qdate(dialog.end.date())
        source = dialog.copy_from.currentData()
        self.runner.run(
            self,
            lambda: create_festival(self.db, name, school, start, end, theme=theme, copy_setup_from=source),
            label=self.tr("正在新建科技节…"),
        )

    def _delete(self) -> None:
        if self.festival is None:
            return
        if len(list_festivals(self.db)) == 1:
            show_error(self, self.tr("这是唯一的科技节，不能删除。请先新建一个科技节。"))
            return
        question = self.tr("删除“{0}”及其中的全部班级、学生和数据？此操作不能撤销。").format(
            self.festival.title
        )
        if confirm(self, self.tr("删除科技节"), question):
            gone = self.festival.id
            self.runner.run(self, lambda: delete_festival(self.db, gone), label=self.tr("正在删除科技节…"))

    def _add_phase(self) -> None:
        if self.festival is None:
            return
        used = {phase.name for phase in self.phases.model.rows()}
        name = next((n for n in STANDARD_PHASES if n not in used), self.tr("新阶段"))
        start, end = self.festival.start_date, self.festival.end_date
        self.run(lambda: add_phase(self.db, self.festival_id, name, start, end))

    def _delete_phase(self) -> None:
        chosen = [phase.id for phase in self.phases.selected_rows()]
        if chosen:
            self.run(lambda: delete_phases(self.db, chosen))


class SettingsTab(QWidget):
    """A list of pages on the left, the chosen page on the right; each page follows what it shows."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        preferences: Preferences,
        preferences_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.festival_page = FestivalPage(db, runner)
        self.classes_page = ClassesPage(db, runner)
        self.teachers_page = TeachersPage(db, runner)
        self.students_page = StudentsPage(db, runner)
        self.data_page = DataPage(db, runner, preferences, preferences_file)
        self._school_pages: list[SchoolPage] = [
            self.festival_page,
            self.classes_page,
            self.teachers_page,
            self.students_page,
        ]

        self.nav = QListWidget()
        self.nav.setObjectName("settingsNav")
        self.nav.setFixedWidth(170)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        for title, page in (
            (self.tr("科技节"), self.festival_page),
            (self.tr("年级与班级"), self.classes_page),
            (self.tr("教师"), self.teachers_page),
            (self.tr("学生花名册"), self.students_page),
            (self.tr("界面与数据"), self.data_page),
        ):
            self.nav.addItem(title)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        # However a page comes to be shown (the list, or the stack switched directly), the list says so.
        self.pages.currentChanged.connect(self.nav.setCurrentRow)

        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.nav.setCurrentRow(0)

    def show_festival(self, festival_id: int) -> None:
        """Show another festival; each page loads it now if it is on screen, else when it is shown."""
        for page in self._school_pages:
            page.show_festival(festival_id)
