"""比赛项目: add competitions from the presets or blank, and edit their rules and judging criteria."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.registration.competition_rules import MAX_WORKS_PER_STUDENT
from fest_desktop.registration.competitions import (
    CompetitionInfo,
    add_competition,
    delete_competition,
    list_competitions,
    update_competition,
)
from fest_desktop.registration.kinds import (
    Combine,
    Judging,
    Outcome,
    Participation,
    RankingGroup,
)
from fest_desktop.registration.presets import MAIN_PRESETS, MORE_PRESETS, TEACHER_PRESETS, add_preset
from fest_desktop.school.pinyin import suggest_prefix
from fest_desktop.storage.database import Database
from fest_desktop.values import split_items
from ui.operations import Runner
from ui.registration.criteria_box import CriteriaBox
from ui.registration.judging_opening import JudgingOpening
from ui.widgets.forms import date_edit, from_qdate, set_button_menu, to_qdate
from ui.widgets.messages import FAILED, confirm
from ui.widgets.scrolling import ScrollingPanel


def _choice_box(choices: type[Participation | Judging | Outcome | Combine | RankingGroup]) -> QComboBox:
    """A drop-down of a vocabulary's labels, each item's data its stored code."""
    box = QComboBox()
    for member in choices:
        box.addItem(member.label, member.value)
    return box


class CompetitionsPage(QWidget):
    """The festival's competitions on the left; the chosen one's rules and criteria on the right."""

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = 0
        self.current: CompetitionInfo | None = None
        self._loading = False
        self._grades: list[tuple[int, str]] = []

        self.list = QListWidget()
        self.list.setObjectName("competitionList")
        self.list.currentRowChanged.connect(self._chosen)
        self.preset_button = QToolButton()
        self.preset_button.setText(self.tr("添加预设项目"))
        self.preset_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.preset_menu = QMenu(self)
        set_button_menu(self.preset_button, self.preset_menu)
        blank = QPushButton(self.tr("新建空白项目"))
        blank.clicked.connect(self._add_blank)
        delete = QPushButton(self.tr("删除项目"))
        delete.clicked.connect(self._delete)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preset_button)
        buttons.addWidget(blank)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(delete)

        self.name = QLineEdit()
        self.category = QLineEdit()
        self.code_prefix = QLineEdit()
        self.code_prefix.setMaxLength(6)
        self.participation = _choice_box(Participation)
        self.team_size = QSpinBox()
        self.team_size.setRange(1, 20)
        self.works_per_student = QSpinBox()
        self.works_per_student.setRange(1, MAX_WORKS_PER_STUDENT)
        self.works_per_student.setToolTip(self.tr("一名学生在这个比赛项目里最多可以报几件作品"))
        self.parent_allowed = QCheckBox(self.tr("可与家长合作"))
        self.grade_boxes: list[QCheckBox] = []
        self.grades_area = QGridLayout()
        self.quota_min = QSpinBox()
        self.quota_min.setRange(0, 99)
        self.quota_min.setSpecialValueText(self.tr("不限"))
        self.quota_max = QSpinBox()
        self.quota_max.setRange(0, 99)
        self.quota_max.setSpecialValueText(self.tr("不限"))
        self.has_deadline = QCheckBox(self.tr("截止日期"))
        self.deadline: QDateEdit = date_edit(dt.date.today())
        self.has_judging_date = QCheckBox(self.tr("评审日期"))
        self.judging_date: QDateEdit = date_edit(dt.date.today())
        self.has_window = QCheckBox(self.tr("制作与检查从"))
        self.has_window.setToolTip(
            self.tr("班级板报在这段时间内制作，评委在这段时间内现场检查打分；到截止日期结束")
        )
        self.window_start: QDateEdit = date_edit(dt.date.today())
        self.subtypes = QLineEdit()
        self.subtypes.setPlaceholderText(self.tr("用顿号隔开，如 小制作、小发明"))
        self.judging = _choice_box(Judging)
        self.outcome = _choice_box(Outcome)
        self.combine = _choice_box(Combine)
        self.trim_min_judges = QSpinBox()
        self.trim_min_judges.setRange(3, 20)
        self.attempts = QSpinBox()
        self.attempts.setRange(1, 10)
        self.measure_unit = QLineEdit()
        self.higher_is_better = QComboBox()
        self.higher_is_better.addItem(self.tr("越大越好（如距离）"), True)
        self.higher_is_better.addItem(self.tr("越小越好（如用时）"), False)
        self.ranking_group = _choice_box(RankingGroup)
        self.responsible = QLineEdit()
        self.double_entry = QCheckBox(self.tr("从纸质评分表录入时，两人分别录入一遍，核对一致才计分"))
        self.outlier_percent = QSpinBox()
        self.outlier_percent.setRange(1, 100)
        self.outlier_percent.setSuffix("%")
        self.outlier_percent.setToolTip(
            self.tr("某位评委的总分与其他评委的中位数相差超过满分的这个比例时，提示复核")
        )
        self.tie_breaks = (QComboBox(), QComboBox())

        quota_row = QHBoxLayout()
        quota_row.addWidget(QLabel(self.tr("每班")))
        quota_row.addWidget(self.quota_min)
        quota_row.addWidget(QLabel(self.tr("至")))
        quota_row.addWidget(self.quota_max)
        quota_row.addWidget(QLabel(self.tr("件")))
        quota_row.addStretch(1)
        # The dates on two rows: one row of three would make the form wider than a small screen.
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.has_deadline)
        deadline_row.addWidget(self.deadline)
        deadline_row.addSpacing(16)
        deadline_row.addWidget(self.has_judging_date)
        deadline_row.addWidget(self.judging_date)
        deadline_row.addStretch(1)
        window_row = QHBoxLayout()
        window_row.addWidget(self.has_window)
        window_row.addWidget(self.window_start)
        window_row.addStretch(1)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.participation)
        entry_row.addWidget(QLabel(self.tr("每队最多")))
        entry_row.addWidget(self.team_size)
        entry_row.addWidget(QLabel(self.tr("人")))
        entry_row.addSpacing(12)
        entry_row.addWidget(QLabel(self.tr("每人最多报")))
        entry_row.addWidget(self.works_per_student)
        entry_row.addWidget(QLabel(self.tr("件")))
        entry_row.addWidget(self.parent_allowed)
        entry_row.addStretch(1)

        rules = QGroupBox(self.tr("参赛规则（修改后自动保存）"))
        rules_form = QFormLayout(rules)
        rules_form.addRow(self.tr("名称"), self.name)
        rules_form.addRow(self.tr("类别"), self.category)
        rules_form.addRow(self.tr("作品编号前缀"), self.code_prefix)
        rules_form.addRow(self.tr("参赛方式"), entry_row)
        grades_hint = QLabel(self.tr("都不勾选表示全校各年级都可参加"))
        grades_hint.setObjectName("hint")
        self.grades_area.addWidget(grades_hint, 3, 0, 1, 6)
        rules_form.addRow(self.tr("参赛年级"), self.grades_area)
        rules_form.addRow(self.tr("名额"), quota_row)
        rules_form.addRow("", deadline_row)
        self.judging_opening = JudgingOpening(db, runner)
        rules_form.addRow("", self.judging_opening)
        rules_form.addRow("", window_row)
        rules_form.addRow(self.tr("作品类型"), self.subtypes)
        rules_form.addRow(self.tr("负责人"), self.responsible)

        judging = QGroupBox(self.tr("评审方式"))
        judging_form = QFormLayout(judging)
        judging_form.addRow(self.tr("评审"), self.judging)
        judging_form.addRow(self.tr("结果"), self.outcome)
        judging_form.addRow(self.tr("评委分合成"), self.combine)
        judging_form.addRow(self.tr("去高低分至少需评委"), self.trim_min_judges)
        judging_form.addRow(self.tr("测量试次"), self.attempts)
        judging_form.addRow(self.tr("计量单位"), self.measure_unit)
        judging_form.addRow(self.tr("成绩"), self.higher_is_better)
        judging_form.addRow(self.tr("排名范围"), self.ranking_group)
        tie_row = QHBoxLayout()
        tie_row.addWidget(QLabel(self.tr("先比")))
        tie_row.addWidget(self.tie_breaks[0])
        tie_row.addWidget(QLabel(self.tr("再比")))
        tie_row.addWidget(self.tie_breaks[1])
        tie_row.addStretch(1)
        judging_form.addRow(self.tr("同分时"), tie_row)
        judging_form.addRow(self.tr("评委分偏离提示"), self.outlier_percent)
        judging_form.addRow(self.tr("双人核对"), self.double_entry)

        self.criteria = CriteriaBox(db, runner, self._store, self._criteria_saved)

        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addWidget(rules)
        editor_layout.addWidget(judging)
        editor_layout.addWidget(self.criteria)
        scroll = ScrollingPanel(self.editor)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for line in (
            self.name,
            self.category,
            self.code_prefix,
            self.subtypes,
            self.measure_unit,
            self.responsible,
        ):
            line.editingFinished.connect(self._save)
        for spin in (
            self.team_size,
            self.works_per_student,
            self.quota_min,
            self.quota_max,
            self.trim_min_judges,
            self.attempts,
            self.outlier_percent,
        ):
            spin.editingFinished.connect(self._save)
        for box in self.tie_breaks:
            box.activated.connect(self._save)
        self.double_entry.toggled.connect(self._save)
        for box in (
            self.participation,
            self.judging,
            self.outcome,
            self.combine,
            self.higher_is_better,
            self.ranking_group,
        ):
            box.activated.connect(self._save)
        self.parent_allowed.toggled.connect(self._save)
        self.has_deadline.toggled.connect(self._save)
        self.deadline.editingFinished.connect(self._save)
        self.has_judging_date.toggled.connect(self._save)
        self.judging_date.editingFinished.connect(self._save)
        self.has_window.toggled.connect(self._save)
        self.window_start.editingFinished.connect(self._save)

    # ------------------------------------------------------------ loading

    def show_festival(self, festival_id: int, grades: list[tuple[int, str]]) -> None:
        self.festival_id = festival_id
        if grades != self._grades:
            self._grades = grades
            for box in self.grade_boxes:
                box.deleteLater()
            self.grade_boxes = []
            for position, (level, name) in enumerate(grades):
                box = QCheckBox(name)
                box.setProperty("level", level)
                box.toggled.connect(self._save)
                # Rows 0–2 hold up to 18 grades; the hint sits on row 3.
                self.grades_area.addWidget(box, position // 6, position % 6)
                self.grade_boxes.append(box)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else (self.current.id if self.current else None)
        stored = list_competitions(self.db, self.festival_id)
        self._loading = True
        self.list.clear()
        for competition in stored:
            item = QListWidgetItem(self.tr("{0}（{1} 件）").format(competition.name, competition.entry_count))
            item.setData(Qt.ItemDataRole.UserRole, competition)
            self.list.addItem(item)
        self._loading = False
        self._fill_preset_menu(stored)
        rows = [i for i, c in enumerate(stored) if c.id == chosen]
        self.list.setCurrentRow(rows[0] if rows else (0 if stored else -1))
        if not stored:
            self._chosen(-1)

    def _fill_preset_menu(self, stored: list[CompetitionInfo]) -> None:
        self.preset_menu.clear()
        names = {c.name for c in stored}
        for group, presets in (
            (self.tr("科技节计划中的比赛"), MAIN_PRESETS),
            (self.tr("计划中提到的其他比赛"), MORE_PRESETS),
            (self.tr("教师比赛"), TEACHER_PRESETS),
        ):
            self.preset_menu.addSection(group)
            for preset in presets:
                action = self.preset_menu.addAction(preset.name)
                action.setToolTip(
                    "\n".join(text for text in (preset.description, preset.suggestion_text) if text)
                )
                action.setEnabled(preset.name not in names)
                action.triggered.connect(lambda _=False, name=preset.name: self.add_preset(name))
        self.preset_menu.setToolTipsVisible(True)

    def _chosen(self, row: int) -> None:
        if self._loading:
            return
        item = self.list.item(row) if row >= 0 else None
        self.current = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.editor.setEnabled(self.current is not None)
        if self.current is not None:
            self._fill(self.current)

    def _fill(self, info: CompetitionInfo) -> None:
        self._loading = True
        self.name.setText(info.name)
        self.category.setText(info.category)
        self.code_prefix.setText(info.code_prefix)
        self.participation.setCurrentIndex(self.participation.findData(info.participation.value))
        self.team_size.setValue(info.team_size)
        self.team_size.setEnabled(info.participation == Participation.TEAM)
        self.works_per_student.setValue(info.works_per_student)
        self.works_per_student.setEnabled(not info.is_class_competition)
        self.parent_allowed.setChecked(info.parent_allowed)
        for grade_box in self.grade_boxes:
            grade_box.setChecked(int(grade_box.property("level")) in info.eligible_levels)
        self.quota_min.setValue(info.quota_min or 0)
        self.quota_max.setValue(info.quota_max or 0)
        # A teacher's work belongs to no class: no grades, no class quota, no parent, ranked school-wide.
        for pupils_only in (*self.grade_boxes, self.quota_min, self.quota_max, self.parent_allowed):
            pupils_only.setEnabled(not info.is_for_teachers)
        self.has_deadline.setChecked(info.deadline is not None)
        self.deadline.setEnabled(info.deadline is not None)
        if info.deadline is not None:
            self.deadline.setDate(to_qdate(info.deadline))
        self.has_judging_date.setChecked(info.judging_date is not None)
        self.judging_date.setEnabled(info.judging_date is not None)
        if info.judging_date is not None:
            self.judging_date.setDate(to_qdate(info.judging_date))
        self.has_window.setChecked(info.window_start is not None)
        self.has_window.setEnabled(info.is_class_competition)
        self.window_start.setEnabled(info.window_start is not None)
        if info.window_start is not None:
            self.window_start.setDate(to_qdate(info.window_start))
        self.judging_opening.show_competition(info)
        self.subtypes.setText("、".join(info.subtypes))
        self.judging.setCurrentIndex(self.judging.findData(info.judging.value))
        self.outcome.setCurrentIndex(self.outcome.findData(info.outcome.value))
        self.combine.setCurrentIndex(self.combine.findData(info.combine.value))
        self.trim_min_judges.setValue(info.trim_min_judges)
        self.attempts.setValue(info.attempts)
        self.measure_unit.setText(info.measure_unit)
        self.higher_is_better.setCurrentIndex(0 if info.higher_is_better else 1)
        self.ranking_group.setCurrentIndex(self.ranking_group.findData(info.ranking_group.value))
        self.responsible.setText(info.responsible)
        measured = info.judging == Judging.MEASURED
        for widget in (self.attempts, self.measure_unit, self.higher_is_better):
            widget.setEnabled(measured)
        for rubric_widget in (self.combine, self.trim_min_judges):
            rubric_widget.setEnabled(info.judging == Judging.RUBRIC)
        self.double_entry.setChecked(info.double_entry)
        self.outlier_percent.setValue(info.outlier_percent)
        for position, box in enumerate(self.tie_breaks):
            box.clear()
            box.addItem(self.tr("（不比）"), 0)
            for criterion in info.score_criteria:
                box.addItem(criterion.name, criterion.id)
            chosen = info.tie_break[position] if position < len(info.tie_break) else 0
            box.setCurrentIndex(max(box.findData(chosen), 0))
        for check_widget in (self.double_entry, self.outlier_percent, *self.tie_breaks):
            check_widget.setEnabled(info.judging == Judging.RUBRIC)
        self.criteria.show_competition(info)
        self._loading = False

    def _form(self) -> CompetitionInfo:
        assert self.current is not None
        levels = tuple(int(box.property("level")) for box in self.grade_boxes if box.isChecked())
        subtypes = tuple(split_items(self.subtypes.text()))
        return dataclasses.replace(
            self.current,
            name=self.name.text(),
            category=self.category.text(),
            code_prefix=self.code_prefix.text().strip().upper(),
            participation=Participation(self.participation.currentData()),
            team_size=self.team_size.value(),
            works_per_student=self.works_per_student.value(),
            parent_allowed=self.parent_allowed.isChecked(),
            eligible_levels=levels,
            quota_min=self.quota_min.value() or None,
            quota_max=self.quota_max.value() or None,
            deadline=from_qdate(self.deadline.date()) if self.has_deadline.isChecked() else None,
            judging_date=from_qdate(self.judging_date.date()) if self.has_judging_date.isChecked() else None,
            window_start=from_qdate(self.window_start.date()) if self.has_window.isChecked() else None,
            subtypes=subtypes,
            judging=Judging(self.judging.currentData()),
            outcome=Outcome(self.outcome.currentData()),
            combine=Combine(self.combine.currentData()),
            trim_min_judges=self.trim_min_judges.value(),
            attempts=self.attempts.value(),
            measure_unit=self.measure_unit.text(),
            higher_is_better=bool(self.higher_is_better.currentData()),
            ranking_group=RankingGroup(self.ranking_group.currentData()),
            responsible=self.responsible.text(),
            double_entry=self.double_entry.isChecked(),
            outlier_percent=self.outlier_percent.value(),
            tie_break=tuple(int(box.currentData()) for box in self.tie_breaks if box.currentData()),
        )

    # ------------------------------------------------------------ saving

    def _store(self, info: CompetitionInfo) -> bool:
        saved = self.runner.now(self, lambda: update_competition(self.db, info))
        if saved is FAILED:
            if self.current is not None:
                self._fill(self.current)
            return False
        self.current = saved
        self._fill(saved)
        item = self.list.currentItem()
        if item is not None:
            item.setText(self.tr("{0}（{1} 件）").format(saved.name, saved.entry_count))
            item.setData(Qt.ItemDataRole.UserRole, saved)
        return True

    def _save(self) -> None:
        if self._loading or self.current is None:
            return
        info = self._form()
        if info != self.current:
            self._store(info)

    def add_preset(self, name: str) -> None:
        added = self.runner.now(self, lambda: add_preset(self.db, self.festival_id, name))
        if added is not FAILED:
            self.reload(select_id=added.id)

    def _add_blank(self) -> None:
        stored = list_competitions(self.db, self.festival_id)
        taken = {c.name for c in stored}
        name, number = self.tr("新比赛项目"), 2
        while name in taken:
            name, number = self.tr("新比赛项目{0}").format(number), number + 1
        prefix = suggest_prefix("新项目", {c.code_prefix for c in stored})
        blank = CompetitionInfo(0, name, code_prefix=prefix, quota_max=3)
        added = self.runner.now(self, lambda: add_competition(self.db, self.festival_id, blank))
        if added is FAILED:
            return
        self.reload(select_id=added.id)
        self.name.setFocus()
        self.name.selectAll()

    def _delete(self) -> None:
        if self.current is None:
            return
        question = self.tr("删除比赛项目「{0}」？").format(self.current.name)
        if self.current.entry_count:
            question += self.tr("它的 {0} 件作品也会一起删除。").format(self.current.entry_count)
        if not confirm(self, self.tr("删除比赛项目"), question):
            return
        gone = self.current.id
        if self.runner.now(self, lambda: delete_competition(self.db, gone)) is not FAILED:
            self.current = None
            self.reload()

    def _criteria_saved(self, saved: CompetitionInfo) -> None:
        self.current = saved
        item = self.list.currentItem()
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole, saved)
