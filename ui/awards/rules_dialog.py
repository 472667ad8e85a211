"""The award rules dialog (levels per list and group, the festival's award settings) and the log."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.awards.kinds import (
    ADVISOR_LIST,
    AdvisorRule,
    CollectiveBasis,
    ListKey,
    PointSource,
    RuleMode,
)
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import (
    AwardSettings,
    LevelInfo,
    allowed_levels,
    award_levels,
    award_settings,
)
from fest_desktop.awards.lists import AwardList
from fest_desktop.awards.log import AwardChangeInfo
from fest_desktop.awards.point_sources import MAX_POINTS, point_rules
from fest_desktop.awards.rules import DEFAULT_COLLECTIVE_RULES, RuleKey, effective_rules, set_rules
from fest_desktop.awards.setup import save_award_rules
from fest_desktop.scoring.sheet import judged_competitions, load_sheet
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.data_table import DataTable
from ui.widgets.forms import from_qdate
from ui.widgets.messages import FAILED
from ui.widgets.numbers import typed_number
from ui.widgets.scrolling import ScrollingPanel, size_within_screen
from ui.widgets.table_models import Column

EVERY_GROUP = ""


class AwardRulesDialog(QDialog):
    """How many of each group receive each level, for one list, and the festival-wide settings."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        lists: Sequence[AwardList],
        list_key: ListKey | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        self.setWindowTitle(self.tr("评奖规则"))
        size_within_screen(self, QSize(760, 640))
        self.levels = award_levels(db, festival_id)
        self.settings = award_settings(db, festival_id)

        self.list_box = QComboBox()
        for award_list in lists:
            if award_list.key != ADVISOR_LIST:
                self.list_box.addItem(award_list.title, award_list)
        self.list_box.setCurrentIndex(max(self.list_box.findText(self._title(lists, list_key)), 0))
        self.group_box = QComboBox()
        # Edited in memory and saved with 保存这条规则 or OK: a rule is checked as a whole.
        self.rules: DataTable[LevelRule] = DataTable(
            [
                Column(
                    self.tr("奖项"),
                    lambda r: r.level,
                    lambda r, value: dataclasses.replace(r, level=str(value)),
                    choices=self._level_choices,
                ),
                Column(
                    self.tr("方式"),
                    lambda r: self.tr(r.mode.label),
                    lambda r, value: dataclasses.replace(r, mode=RuleMode(value)),
                    choices=lambda: [(self.tr(mode.label), mode.value) for mode in RuleMode],
                ),
                Column(
                    self.tr("数量"),
                    lambda r: "—" if r.mode == RuleMode.REST else f"{r.amount:g}",
                    lambda r, value: dataclasses.replace(
                        r, amount=typed_number(value, self.tr("数量"), lowest=0)
                    ),
                ),
            ],
            lambda row: row,
            self,
        )
        add_row = QPushButton(self.tr("加一行"))
        add_row.clicked.connect(
            lambda: self.rules.set_rows([*self.rules.model.rows(), LevelRule(self._level_choices()[0][0])])
        )
        remove_row = QPushButton(self.tr("删去所选行"))
        remove_row.clicked.connect(self._remove_selected_rules)
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

        self.points: DataTable[LevelInfo] = DataTable(
            [
                Column(
                    self.tr("奖项等级（从高到低）"),
                    lambda level: level.name,
                    lambda level, value: dataclasses.replace(level, name=str(value)),
                ),
                Column(
                    self.tr("班级考核分"),
                    lambda level: f"{level.points:g}",
                    lambda level, value: dataclasses.replace(
                        level, points=typed_number(value, self.tr("班级考核分"))
                    ),
                ),
            ],
            lambda row: row,
            self,
        )
        self.points.set_rows(self.levels)
        add_level = QPushButton(self.tr("加一个等级"))
        add_level.clicked.connect(
            lambda: self.points.set_rows([*self.points.model.rows(), LevelInfo(self.tr("新奖项"), 0)])
        )
        self.basis = QComboBox()
        # The choices' data: the competition whose final ranks the classes, 0 for the points of all awards.
        self.basis.addItem(self.tr("各比赛获奖积分之和"), 0)
        for competition in judged_competitions(db, festival_id):
            self.basis.addItem(self.tr("「{0}」的得分").format(competition.name), competition.id)
        self.basis.setCurrentIndex(max(self.basis.findData(self.settings.basis_competition_id or 0), 0))
        self.keep_one = QCheckBox(self.tr("按比例评奖时，人数少的组每个等级至少一名"))
        self.keep_one.setToolTip(self.tr("例如 3 辆车按 10%/20%/30% 评奖：第一名得一等奖，而不是只得二等奖"))
        self.keep_one.setChecked(self.settings.share_keeps_one_place)
        self.share = QSpinBox()
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.share.setValue(self.settings.organisation_min_share)
        self.advisor_rule = QComboBox()
        for rule in AdvisorRule:
            self.advisor_rule.addItem(self.tr(rule.label), rule.value)
        self.advisor_rule.setCurrentIndex(self.advisor_rule.findData(self.settings.advisor_rule.value))
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
        self.point_sources: dict[PointSource, QDoubleSpinBox] = {}
        stored_points = point_rules(db, festival_id)
        for source in PointSource:
            box = QDoubleSpinBox()
            box.setRange(0, MAX_POINTS)
            box.setDecimals(1)
            box.setSuffix(self.tr(" 分"))
            box.setValue(stored_points[source])
            self.point_sources[source] = box
        self.own_date = QCheckBox(self.tr("证书日期"))
        self.own_date.setToolTip(
            self.tr("不勾选时，证书落款为日历上颁奖典礼（或闭幕式）的日期；日历上没有时为科技节最后一天")
        )
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
        # "凡上交作品…作为班级考核内容之一": points beside the prizes', none by default.
        sources_row = QHBoxLayout()
        for source, box in self.point_sources.items():
            sources_row.addWidget(QLabel(self.tr(source.per)))
            sources_row.addWidget(box)
        sources_row.addStretch(1)
        settings_form.addRow(self.tr("班级考核另加"), sources_row)
        settings_form.addRow(self.keep_one)
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
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(rule_group, 1)
        body_layout.addWidget(settings_group)
        layout = QVBoxLayout(self)
        # On a small screen the rules and settings scroll; OK and Cancel stay in sight.
        layout.addWidget(ScrollingPanel(body), 1)
        layout.addWidget(buttons_box)
        self._list_changed()

    @staticmethod
    def _title(lists: Sequence[AwardList], key: ListKey | None) -> str:
        return next((a.title for a in lists if a.key == key), "")

    def _key(self) -> RuleKey:
        award_list: AwardList = self.list_box.currentData()
        return RuleKey(
            award_list.kind, award_list.competition_id, str(self.group_box.currentData() or EVERY_GROUP)
        )

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
        self.rules.set_rows(effective_rules(self.db, self.festival_id, self._key()))

    def _level_choices(self) -> list[tuple[str, str]]:
        key = self._key()
        names = allowed_levels(self.db, self.festival_id, key.scope, key.competition_id)
        return [(name, name) for name in names]

    def _remove_selected_rules(self) -> None:
        chosen = self.rules.selected_rows()
        self.rules.set_rows([rule for rule in self.rules.model.rows() if rule not in chosen])

    def table_rules(self) -> list[LevelRule]:
        return self.rules.model.rows()

    def save_rule(self) -> bool:
        key, rules = self._key(), self.table_rules()
        return self.runner.now(self, lambda: set_rules(self.db, self.festival_id, key, rules)) is not FAILED

    def _use_default(self) -> None:
        key = self._key()
        self.runner.now(self, lambda: set_rules(self.db, self.festival_id, key, None))
        self._show_rule()

    def accept(self) -> None:
        """Save the whole dialog as one action: nothing of it is kept when a part is refused."""
        levels = [level for level in self.points.model.rows() if level.name.strip()]
        day = from_qdate(self.date.date()) if self.own_date.isChecked() else None
        settings = AwardSettings(
            CollectiveBasis(self.basis.currentData() or None),
            self.share.value(),
            AdvisorRule(self.advisor_rule.currentData()),
            str(self.advisor_level.currentData()),
            self.prefix.text(),
            self.digits.value(),
            day,
            self.keep_one.isChecked(),
        )
        points = {source: box.value() for source, box in self.point_sources.items()}
        key, rules = self._key(), self.table_rules()
        saved = self.runner.now(
            self, lambda: save_award_rules(self.db, self.festival_id, levels, settings, points, key, rules)
        )
        if saved is not FAILED:
            super().accept()


class AwardLogDialog(QDialog):
    """Every rule run, manual change (with its reason), 推荐 and 定稿, newest first."""

    def __init__(self, changes: Sequence[AwardChangeInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("奖项修改记录"))
        self.resize(900, 520)
        self.table: DataTable[AwardChangeInfo] = DataTable(
            [
                Column(
                    self.tr("时间"), lambda c: c.changed_at.strftime("%m-%d %H:%M"), sort_key=lambda c: c.id
                ),
                Column(self.tr("操作"), lambda c: self.tr(c.action_text)),
                Column(self.tr("对象"), lambda c: c.subject),
                Column(self.tr("原来"), lambda c: c.old_level),
                Column(self.tr("改为"), lambda c: c.new_level),
                Column(self.tr("原因"), lambda c: c.reason),
            ],
            None,
            self,
        )
        self.table.set_rows(list(changes))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(close)
