"""Under a competition's dates: which of them fall on a weekend or holiday (⚠), when its judging opens,
and 提前开始评审 for a school that judges before the day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.scoring.opening import competition_days_off, judging_opening, open_judging_early
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.messages import FAILED, confirm


class JudgingOpening(QWidget):
    """The ⚠ of a competition's dates on days off, its opening of judging and the button to open early."""

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.competition: CompetitionInfo | None = None
        self.days_off = QLabel()
        self.days_off.setObjectName("errorText")
        self.days_off.setWordWrap(True)
        self.opening = QLabel()
        self.opening.setWordWrap(True)
        self.open_button = QPushButton(self.tr("提前开始评审…"))
        self.open_button.setToolTip(
            self.tr("截止日（班级板报：检查日）之前就开始评分、评奖和定稿；会记下是谁、什么时候打开的")
        )
        self.open_button.clicked.connect(self.open_early)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.opening, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.days_off)
        layout.addLayout(row)

    def show_competition(self, competition: CompetitionInfo) -> None:
        self.competition = competition
        marks = competition_days_off(competition)
        self.days_off.setText("\n".join(f"⚠ {line}" for line in marks))
        self.days_off.setVisible(bool(marks))
        opening = judging_opening(self.db, competition.id)
        if opening.opened_at is not None:
            text = self.tr("已于 {0} 提前开始评审（{1}）。").format(
                opening.opened_at.strftime("%Y-%m-%d %H:%M"), opening.opened_by
            )
        elif opening.day is None:
            text = self.tr("没有截止日期：随时可以评审。")
        elif opening.is_open(dt.date.today()):
            text = self.tr("评审已从 {0} 开始。").format(opening.when)
        else:
            text = self.tr("评审从 {0} 开始，之前不能录入成绩、评奖和定稿。").format(opening.when)
        self.opening.setText(text)
        self.open_button.setVisible(not opening.is_open(dt.date.today()))

    def open_early(self) -> None:
        competition = self.competition
        if competition is None or not confirm(
            self,
            self.tr("提前开始评审"),
            self.tr("现在就开始「{0}」的评审？之后即可录入成绩、评奖和定稿；这一操作会记入修改记录。").format(
                competition.name
            ),
        ):
            return
        if self.runner.now(self, lambda: open_judging_early(self.db, competition.id)) is not FAILED:
            self.show_competition(competition)
