"""The projector board driven from 现场评分: which screen it goes on, opening and closing it, and the row
of its options (order only, hold until 公布, the ceremony's reveal step by step)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from fest_desktop.storage.database import Database
from ui.scoring.leaderboard import LeaderboardWindow
from ui.scoring.live_sheet import LiveSheet


class BoardControls(QWidget):
    """The board's options row (shown while a board is open); the screen chooser and the button that
    opens the board sit in the tab's toolbar (screen_box, open_button)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.leaderboard: LeaderboardWindow | None = None
        self.screen_box = QComboBox()
        self.screen_box.setToolTip(self.tr("排行榜显示在哪个屏幕（投影仪）"))
        self.open_button = QPushButton(self.tr("投影排行榜"))
        self.open_button.setObjectName("primaryButton")

        self.hide_scores = QCheckBox(self.tr("只显示名次，不显示分数"))
        self.hide_scores.toggled.connect(self._options)
        self.show_partial = QCheckBox(self.tr("显示未评完的分数"))
        self.show_partial.setToolTip(self.tr("默认只显示“评分中”：一两位评委的分数不是结果，不给全场看。"))
        self.show_partial.toggled.connect(self._options)
        self.hold = QPushButton(self.tr("暂不公布"))
        self.hold.setCheckable(True)
        self.hold.toggled.connect(self._options)
        self.reveal = QPushButton(self.tr("颁奖揭晓模式"))
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._options)
        self.next_step = QPushButton(self.tr("下一步 →"))
        self.next_step.clicked.connect(lambda: self.leaderboard.next_step() if self.leaderboard else None)
        close_board = QPushButton(self.tr("关闭排行榜"))
        close_board.clicked.connect(self.close_leaderboard)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("排行榜：")))
        for widget in (
            self.hide_scores,
            self.show_partial,
            self.hold,
            self.reveal,
            self.next_step,
            close_board,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        self.setVisible(False)

    def fill_screens(self) -> None:
        """The screens attached now (a projector may have been plugged in since)."""
        current = self.screen_box.currentText()
        self.screen_box.clear()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            self.screen_box.addItem(
                self.tr("屏幕{0}（{1}×{2}）").format(number, size.width(), size.height()), number - 1
            )
        if current:
            self.screen_box.setCurrentText(current)
        elif self.screen_box.count() > 1:
            self.screen_box.setCurrentIndex(1)

    def open_leaderboard(self, festival_id: int, live: LiveSheet) -> LeaderboardWindow:
        """The hall's board for the sheet shown, on the chosen screen."""
        self.close_leaderboard()
        board = LeaderboardWindow(self.db, festival_id, live)
        # A slot of this widget, not a lambda: Qt drops it with the widget, which may go first when the
        # program quits with the board open.
        board.destroyed.connect(self._board_gone)
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        screens = QGuiApplication.screens()
        chosen = screens[min(int(self.screen_box.currentData() or 0), len(screens) - 1)]
        board.show_on(chosen, full_screen=len(screens) > 1)
        self.leaderboard = board
        for box in (self.hide_scores, self.show_partial, self.hold, self.reveal):
            box.setChecked(False)
        self.setVisible(True)
        return board

    def _board_gone(self, _board: object = None) -> None:
        self.setVisible(False)

    def close_leaderboard(self) -> None:
        if self.leaderboard is not None:
            self.leaderboard.close()
            self.leaderboard = None
        self.setVisible(False)

    def _options(self) -> None:
        board = self.leaderboard
        self.hold.setText(self.tr("公布") if self.hold.isChecked() else self.tr("暂不公布"))
        self.next_step.setEnabled(self.reveal.isChecked())
        if board is None:
            return
        board.set_hide_scores(self.hide_scores.isChecked())
        board.set_show_partial(self.show_partial.isChecked())
        board.set_held(self.hold.isChecked())
        if self.reveal.isChecked() and board.reveal is None:
            board.start_reveal()
        elif not self.reveal.isChecked() and board.reveal is not None:
            board.stop_reveal()
