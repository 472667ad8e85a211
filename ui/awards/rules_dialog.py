"""The award rules dialog (levels per list and group, the festival's award settings) and the log."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.awards.kinds import ADVISOR_LIST, ADVISOR_RULES, ORGANISATION_LEVEL
from fest_desktop.awards.level_rules import MODES, LevelRule
from fest_desktop.awards.levels import (
    AwardSettings,
    LevelInfo,
    award_levels,
    award_settings,
    set_award_levels,
    update_award_settings,
)
from fest_desktop.awards.lists import AwardList
from fest_desktop.awards.log import AwardChangeInfo
from fest_desktop.awards.rules import DEFAULT_COLLECTIVE_RULES, RuleKey, effective_rules, set_rules
from fest_desktop.errors import FestError
from fest_desktop.scoring.sheet import judged_competitions, load_sheet
from fest_desktop.storage.database import Database
from ui.widgets.messages import show_error

EVERY_GROUP = ""


class AwardRulesDialog(QDialog):
    """How many of each group receive each level, for one list, and the festival-wide settings."""

    def __init__(
        self,
        db: Database,
        festival_id: int,
        lists: Sequence[AwardList],
        list_key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.festival_id = festival_id
        self.setWindowTitle(self.tr("评奖规则"))
        self.resize(760, 640)
        self.levels = award_levels(db, festival_id)
        self.settings = award_settings(db, festival_id)

        self.list_box = QComboBox()
        for award_list in lists:
            if award_list.key != ADVISOR_LIST:
                self.list_box.addItem(award_list.title, award_list)
        self.list_box.setCurrentIndex(max(self.list_box.findText(self._title(lists, list_key)), 0))
        self.group_box = QComboBox()
        self.rules = QTableWidget(0, 3)
        self.rules.setHorizontalHeaderLabels([self.tr("奖项"), self.tr("方式"), self.tr("数量")])
        self.rules.horizontalHeader().setStretchLastSection(True)
        add_row = QPushButton(self.tr("加一行"))
        add_row.clicked.connect(lambda: self._add_rule(LevelRule(self.levels[0].name, "count", 1)))
        remove_row = QPushButton(self.tr("删去所选行"))
        remove_row.clicked.connect(lambda: self.rules.removeRow(self.rules.currentRow()))
        default = QPushButton(self.tr("恢复默认"))
        default.clicked.connect(self._use_default)
        save_rule = QPushButton(self.tr("保存这条规则"))
        save_rule.clicked.connect(self.save_rule)
        self.list_box.currentIndexChanged.connect(self._list_changed)
        self.group_box.currentIndexChanged.connect(self._show_rule)

        rule_group = QGroupBox(self.tr("每组的奖项（并列的不拆开：同分同奖，后面的奖项相应少评）"))
        form = QFormLayout()
        form.addRow(self.tr("名单"), self.list_box)
        form.addRow(self.tr("组别"), self.group_box)
        buttons = QHBoxLayout()
        for button in (add_row, remove_row, default, save_rule):
            buttons.addWidget(button)
        rule_layout = QVBoxLayout(rule_group)
        rule_layout.addLayout(form)
        rule_layout.addWidget(self.rules)
        rule_layout.addLayout(buttons)

        self.points = QTableWidget(0, 2)
        self.points.setHorizontalHeaderLabels([self.tr("奖项等级（从高到低）"), self.tr("班级考核分")])
        self.points.horizontalHeader().setStretchLastSection(True)
        for level in self.levels:
            self._add_level(level)
        add_level = QPushButton(self.tr("加一个等级"))
        add_level.clicked.connect(lambda: self._add_level(LevelInfo(self.tr("新奖项"), 0)))
        self.basis = QComboBox()
        self.basis.addItem(self.tr("各比赛获奖积分之和"), "points")
        for competition in judged_competitions(db, festival_id):
            self.basis.addItem(
                self.tr("「{0}」的得分").format(competition.name), f"competition:{competition.id}"
            )
        self.basis.setCurrentIndex(max(self.basis.findData(self.settings.collective_basis), 0))
        self.share = QSpinBox()
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.share.setValue(self.settings.organisation_min_share)
        self.advisor_rule = QComboBox()
        for code, text in ADVISOR_RULES.items():
            self.advisor_rule.addItem(self.tr(text), code)
        self.advisor_rule.setCurrentIndex(self.advisor_rule.findData(self.settings.advisor_rule))
        self.advisor_level = QComboBox()
        self.advisor_level.addItem(self.tr("任何奖项"), "")
        for level in self.levels:
            self.advisor_level.addItem(self.tr("{0}及以上").format(level.name), level.name)
        self.advisor_level.setCurrentIndex(
            max(self.advisor_level.findData(self.settings.advisor_min_level), 0)
        )
        self.prefix = QLineEdit(self.settings.certificate_prefix)
        self.prefix.setToolTip(self.tr("{年} 换成科技节的年份，例如 KJJ{年}- 得到 KJJ2026-0001"))
        self.digits = QSpinBox()
        self.digits.setRange(1, 8)
        self.digits.setValue(self.settings.certificate_digits)
        self.own_date = QCheckBox(self.tr("证书日期"))
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        day = self.settings.award_date
        self.own_date.setChecked(day is not None)
        if day is not None:
            self.date.setDate(QDate(day.year, day.month, day.day))
        else:
            self.date.setDate(QDate.currentDate())
        self.date.setEnabled(day is not None)
        self.own_date.toggled.connect(self.date.setEnabled)

        settings_group = QGroupBox(self.tr("全校设置"))
        settings_form = QFormLayout(settings_group)
        settings_form.addRow(self.points)
        settings_form.addRow(add_level)
        settings_form.addRow(self.tr("集体奖按"), self.basis)
        settings_form.addRow(self.tr("优秀组织奖：参与率不低于"), self.share)
        settings_form.addRow(self.tr("科技辅导员奖"), self.advisor_rule)
        settings_form.addRow(self.tr("辅导员奖要求学生获得"), self.advisor_level)
        number_row = QHBoxLayout()
        number_row.addWidget(self.prefix, 1)
        number_row.addWidget(self.digits)
        settings_form.addRow(self.tr("证书编号前缀 / 序号位数"), number_row)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        settings_form.addRow(self.own_date, date_row)

        buttons_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons_box.accepted.connect(self.accept)
        buttons_box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(rule_group, 1)
        layout.addWidget(settings_group)
        layout.addWidget(buttons_box)
        self._list_changed()

    @staticmethod
    def _title(lists: Sequence[AwardList], key: str) -> str:
        return next((a.title for a in lists if a.key == key), "")

    def _key(self) -> RuleKey:
        award_list: AwardList = self.list_box.currentData()
        group = str(self.group_box.currentData() or EVERY_GROUP)
        if award_list.competition_id is not None:
            return RuleKey("entry", award_list.competition_id, group)
        return RuleKey(award_list.key, None, group)

    def _list_changed(self) -> None:
        award_list: AwardList | None = self.list_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("所有组别"), EVERY_GROUP)
        if award_list is not None and award_list.competition_id is not None:
            competition = next(
                (
                    c
                    for c in judged_competitions(self.db, self.festival_id)
                    if c.id == award_list.competition_id
                ),
                None,
            )
            groups = (
                []
                if competition is None
                else list(dict.fromkeys(e.group for e in load_sheet(self.db, competition.id).entries))
            )
        else:
            groups = [s for s in DEFAULT_COLLECTIVE_RULES]
        for group in groups:
            self.group_box.addItem(group, group)
        self.group_box.blockSignals(False)
        self._show_rule()

    def _show_rule(self) -> None:
        self.rules.setRowCount(0)
        for rule in effective_rules(self.db, self.festival_id, self._key()):
            self._add_rule(rule)

    def _add_rule(self, rule: LevelRule) -> None:
        row = self.rules.rowCount()
        self.rules.insertRow(row)
        level = QComboBox()
        names = (
            [ORGANISATION_LEVEL] if self._key().scope == "organisation" else [lv.name for lv in self.levels]
        )
        level.addItems(names)
        level.setCurrentText(rule.level)
        mode = QComboBox()
        for code, text in MODES.items():
            mode.addItem(self.tr(text), code)
        mode.setCurrentIndex(mode.findData(rule.mode))
        amount = QDoubleSpinBox()
        amount.setRange(0, 1000)
        amount.setDecimals(1)
        amount.setValue(rule.amount)
        self.rules.setCellWidget(row, 0, level)
        self.rules.setCellWidget(row, 1, mode)
        self.rules.setCellWidget(row, 2, amount)

    def table_rules(self) -> list[LevelRule]:
        found = []
        for row in range(self.rules.rowCount()):
            level = self.rules.cellWidget(row, 0)
            mode = self.rules.cellWidget(row, 1)
            amount = self.rules.cellWidget(row, 2)
            assert isinstance(level, QComboBox) and isinstance(mode, QComboBox)
            assert isinstance(amount, QDoubleSpinBox)
            found.append(LevelRule(level.currentText(), str(mode.currentData()), amount.value()))
        return found

    def save_rule(self) -> bool:
        try:
            set_rules(self.db, self.festival_id, self._key(), self.table_rules())
        except FestError as exc:
            show_error(self, exc.message)
            return False
        return True

    def _use_default(self) -> None:
        try:
            set_rules(self.db, self.festival_id, self._key(), None)
        except FestError as exc:
            show_error(self, exc.message)
        self._show_rule()

    def _add_level(self, level: LevelInfo) -> None:
        row = self.points.rowCount()
        self.points.insertRow(row)
        self.points.setItem(row, 0, QTableWidgetItem(level.name))
        self.points.setItem(row, 1, QTableWidgetItem(f"{level.points:g}"))

    def accept(self) -> None:
        try:
            levels = []
            for row in range(self.points.rowCount()):
                name = self.points.item(row, 0)
                points = self.points.item(row, 1)
                if name is None or not name.text().strip():
                    continue
                try:
                    value = float(points.text()) if points is not None else 0.0
                except ValueError:
                    raise FestError(self.tr("「{0}」的考核分不是数字。").format(name.text())) from None
                levels.append(LevelInfo(name.text(), value))
            set_award_levels(self.db, self.festival_id, levels)
            day = self.date.date().toPython() if self.own_date.isChecked() else None
            update_award_settings(
                self.db,
                self.festival_id,
                AwardSettings(
                    str(self.basis.currentData()),
                    self.share.value(),
                    str(self.advisor_rule.currentData()),
                    str(self.advisor_level.currentData()),
                    self.prefix.text(),
                    self.digits.value(),
                    day,
                ),
            )
            set_rules(self.db, self.festival_id, self._key(), self.table_rules())
        except FestError as exc:
            show_error(self, exc.message)
            return
        super().accept()


class AwardLogDialog(QDialog):
    """Every rule run, manual change (with its reason), 推荐 and 定稿, newest first."""

    def __init__(self, changes: Sequence[AwardChangeInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("奖项修改记录"))
        self.resize(900, 520)
        table = QTableWidget(len(changes), 6)
        table.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("操作"),
                self.tr("对象"),
                self.tr("原来"),
                self.tr("改为"),
                self.tr("原因"),
            ]
        )
        for row, change in enumerate(changes):
            values = (
                change.changed_at.strftime("%m-%d %H:%M"),
                self.tr(change.action_text),
                change.subject,
                change.old_level,
                change.new_level,
                change.reason,
            )
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        self.table = table
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(close)
