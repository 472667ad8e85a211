"""现场评分: type the judges' scores as they come in, see the ranking move, and drive the projector (its
controls in board_controls.py, the paper sheets in sheet_files.py)."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError
from fest_desktop.registration.kinds import Judging
from fest_desktop.scoring.entering import enter_attempt, enter_score, set_locked, undo_change
from fest_desktop.scoring.judges import list_judges
from fest_desktop.scoring.log import ScoreChangeInfo, competition_log, default_station, entry_log
from fest_desktop.scoring.sheet import EntryResult, ScoringSheet, judged_competitions
from fest_desktop.storage.database import Database
from ui.operations import ChangeFollower, Runner
from ui.scoring.board_controls import BoardControls
from ui.scoring.dialogs import JudgesDialog, ScoreLogDialog
from ui.scoring.grid import BY_ENTRY, BY_JUDGE, MEASURED, CellKey, ScoreGridModel, ScoreTable
from ui.scoring.leaderboard import LeaderboardWindow
from ui.scoring.live_sheet import LiveSheet
from ui.scoring.phones import PhonePanel
from ui.scoring.ranking import RankingPanel
from ui.scoring.sheet_files import SheetFiles
from ui.scoring.watcher import ScoreWatcher
from ui.widgets.messages import FAILED, confirm, show_error

# How long a message under the toolbar stays: long enough to read, gone before it misleads.
OK_SECONDS = 6
ERROR_SECONDS = 20
UNDO_DEPTH = 100  # scores 撤销上一个分数 can take back, the latest first


class ScoringTab(QWidget):
    """One competition at a time: the grid on the left, its live ranking on the right. Scores committed
    anywhere reach its sheet through the window's watcher; a change of what is scored (judges,
    criteria, entries, classes' 班主任, 定稿) reloads the sheet."""

    FOLLOWS = Changed.SCHOOL | Changed.COMPETITIONS | Changed.ENTRIES | Changed.AWARDS

    def __init__(
        self,
        db: Database,
        runner: Runner,
        watcher: ScoreWatcher,
        preferences_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.watcher = watcher
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.preferences_file = preferences_file
        self.phones: PhonePanel | None = None
        self.festival_id = 0
        # The competition shown, shared with the projector board opened for it.
        self.live: LiveSheet | None = None
        # The last scores typed here, for 撤销上一个分数: a day of typing keeps only the latest.
        self.undo_stack: deque[ScoreChangeInfo] = deque(maxlen=UNDO_DEPTH)
        self.station = default_station()

        self.competition = QComboBox()
        self.competition.setMinimumWidth(150)
        self.competition.activated.connect(lambda _=0: self._competition_chosen())
        self.by_judge = QToolButton()
        self.by_judge.setText(self.tr("按评委录入"))
        self.by_judge.setToolTip(self.tr("一位评委的评分表：各班（作品）在左，评分项在上"))
        self.by_entry = QToolButton()
        self.by_entry.setText(self.tr("按作品录入"))
        self.by_entry.setToolTip(self.tr("一个教室（作品）：各位评委在左，评分项在上"))
        self.layouts = QButtonGroup(self)
        for button in (self.by_judge, self.by_entry):
            button.setCheckable(True)
            self.layouts.addButton(button)
        self.by_judge.setChecked(True)
        self.layouts.buttonClicked.connect(lambda _=None: self._layout_changed())
        self.chooser = QComboBox()
        self.chooser.setMinimumWidth(170)
        self.chooser.activated.connect(lambda _=0: self._show_grid())
        self.pass_box = QComboBox()
        self.pass_box.addItem(self.tr("第一遍录入"), False)
        self.pass_box.addItem(self.tr("第二遍核对（盲录）"), True)
        self.pass_box.setToolTip(
            self.tr("从纸质评分表录入时，第二个人不看第一遍再录一遍；不一致的格子变红，改正后才计分。")
        )
        self.pass_box.activated.connect(lambda _=0: self._show_grid())
        judges = QPushButton(self.tr("评委组…"))
        judges.clicked.connect(self._edit_judges)
        self.phones_button = QPushButton(self.tr("手机评分…"))
        self.phones_button.setToolTip(self.tr("评委用自己的手机扫码评分，分数直接进入本表"))
        self.phones_button.clicked.connect(self.open_phones)
        self.sheet_files = SheetFiles(
            db, runner, lambda: self.sheet.competition if self.sheet else None, self._imported
        )
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self._toggle_lock)
        self.undo_button = QPushButton(self.tr("撤销上一个分数"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.undo_last)
        self.board = BoardControls(db)
        self.board.open_button.clicked.connect(self.open_leaderboard)

        self.progress = QLabel()
        self.progress.setObjectName("panelHeading")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.clear)

        self.grid_model = ScoreGridModel(self._commit, self)
        self.grid = ScoreTable(self.grid_model, self)
        self.ranking = RankingPanel()
        self.ranking.log_wanted.connect(self._show_log)
        # Their tests and the benchmarks read the ranking's table and its option as the tab's.
        self.results_model, self.results, self.provisional = (
            self.ranking.results_model,
            self.ranking.results,
            self.ranking.provisional,
        )

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("比赛项目")))
        top.addWidget(self.competition)
        top.addSpacing(12)
        top.addWidget(self.by_judge)
        top.addWidget(self.by_entry)
        top.addWidget(self.chooser)
        top.addWidget(self.pass_box)
        top.addStretch(1)
        top.addWidget(self.lock_button)
        top.addWidget(self.board.screen_box)
        top.addWidget(self.board.open_button)
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addSpacing(16)
        status.addWidget(self.message, 1)
        # The panel's tools on the second row, so that the first fits a 1024-pixel screen.
        for tool in (judges, self.phones_button, self.sheet_files, self.undo_button):
            status.addWidget(tool)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.ranking)
        # The grid first: at 1366 pixels every criterion of a board's rubric shows beside the ranking.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 450])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.board)
        layout.addLayout(status)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------ loading

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.sheet_files.festival_id = festival_id
        self.undo_stack.clear()
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, _origin: QObject | None) -> None:
        if self.festival_id:
            self.reload_competitions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.board.fill_screens()

    def hideEvent(self, event: QHideEvent) -> None:
        # A value still in its editor is committed (or refused) when the tab is left or closed.
        self.grid.finish_editing()
        super().hideEvent(event)

    def reload_competitions(self) -> None:
        chosen = self.competition.currentData()
        judged = judged_competitions(self.db, self.festival_id)
        self.competition.clear()
        for competition in judged:
            self.competition.addItem(competition.name, competition.id)
        position = self.competition.findData(chosen)
        if position < 0:
            # The competition being judged today: the first with a panel or measured attempts.
            position = next(
                (
                    i
                    for i, c in enumerate(judged)
                    if c.judging == Judging.MEASURED or list_judges(self.db, c.id)
                ),
                0 if judged else -1,
            )
        self.competition.setCurrentIndex(position)
        self._competition_chosen()

    @property
    def sheet(self) -> ScoringSheet | None:
        return None if self.live is None else self.live.sheet

    def _competition_chosen(self) -> None:
        self._say("")  # what was said concerned the competition shown before
        competition_id = self.competition.currentData()
        # The same competition shown again (the tab shown anew) reloads its sheet in place, for a change
        # of its set-up; a new sheet would leave the old one in memory, following every score.
        same = self.live is not None and self.live.competition_id == competition_id
        if same and self.live is not None:
            self.live.reload()
        if self.live is not None and not same:
            self.live.reloaded.disconnect(self._reloaded)
            self.live.gone.disconnect(self.reload_competitions)
            self.live.release()
            self.live = None
        if competition_id is not None and not same:
            # Not a child of the tab: a board showing it may outlive the tab.
            self.live = LiveSheet(self.db, competition_id, self.watcher).hold()
            self.live.reloaded.connect(self._reloaded)
            self.live.gone.connect(self.reload_competitions)
        self._fill_chooser()
        self._show_grid()

    def select_competition(self, name: str) -> None:
        self.competition.setCurrentIndex(self.competition.findText(name))
        self._competition_chosen()

    def _fill_chooser(self) -> None:
        sheet = self.sheet
        chosen = self.chooser.currentData()
        self.chooser.clear()
        if sheet is None:
            return
        if self.by_entry.isChecked():
            for entry in sheet.entries:
                self.chooser.addItem(entry.label, entry.id)
        else:
            for judge in sheet.judges:
                self.chooser.addItem(self.tr("评委：{0}").format(judge.name), judge.id)
        position = self.chooser.findData(chosen)
        self.chooser.setCurrentIndex(max(position, 0))

    def _show_grid(self) -> None:
        sheet = self.sheet
        measured = sheet is not None and sheet.competition.judging == Judging.MEASURED
        for widget in (self.by_judge, self.by_entry, self.chooser):
            widget.setVisible(not measured)
        self.pass_box.setVisible(sheet is not None and sheet.competition.double_entry and not measured)
        if sheet is None:
            self.grid_model.show(None, BY_JUDGE)
            self.message.setText(
                self.tr("本届科技节还没有需要评分的比赛项目：请先在“作品报名 → 比赛项目”中添加。")
            )
            self._show_results()
            return
        if measured:
            self.grid_model.show(sheet, MEASURED)
        elif self.by_entry.isChecked():
            entry = next((e for e in sheet.entries if e.id == self.chooser.currentData()), None)
            self.grid_model.show(sheet, BY_ENTRY, entry=entry, check_pass=self._check_pass())
        else:
            judge = next((j for j in sheet.judges if j.id == self.chooser.currentData()), None)
            self.grid_model.show(sheet, BY_JUDGE, judge=judge, check_pass=self._check_pass())
        if sheet.competition.unscorable_reason:
            self._say(sheet.competition.unscorable_reason, error=True, lasting=True)
        elif not measured and not sheet.judges:
            self._say(
                self.tr("「{0}」还没有评委：请点“评委组…”添加。").format(sheet.competition.name),
                error=True,
                lasting=True,
            )
        self._show_lock()
        self._show_results()

    def _layout_changed(self) -> None:
        self._fill_chooser()
        self._show_grid()

    def _check_pass(self) -> bool:
        return bool(self.pass_box.currentData()) and self.pass_box.isVisible()

    # ------------------------------------------------------------ results

    def _show_results(self) -> None:
        sheet = self.sheet
        self.ranking.show_sheet(sheet)
        if sheet is None:
            self.progress.setText("")
            return
        done, total = sheet.progress()
        text = self.tr("已完成 {0}/{1}").format(done, total)
        judge = self.grid_model.judge
        if self.grid_model.layout_kind == BY_JUDGE and judge is not None:
            own_done, own_total = sheet.judge_progress(judge.id)
            text += self.tr("　·　{0} {1}/{2}").format(judge.name, own_done, own_total)
        self.progress.setText(text)

    def selected_result(self) -> EntryResult | None:
        return self.ranking.selected_result()

    # ------------------------------------------------------------ entering

    def _commit(self, key: CellKey, text: str) -> str:
        """Store one typed value through the core; the reason it was refused, or "". A refusal is said
        under the toolbar (where the typing eye is), not in a box that would stop the typing."""
        try:
            done: Done[ScoreChangeInfo | None]
            if key.attempt:
                done = enter_attempt(self.db, key.entry_id, key.attempt, text, station=self.station)
            else:
                done = enter_score(
                    self.db,
                    key.entry_id,
                    key.judge_id,
                    key.criterion_id,
                    text,
                    check_pass=self._check_pass(),
                    station=self.station,
                )
        except FestError as exc:
            entry = self.sheet.entry(key.entry_id) if self.sheet is not None else None
            where = f"{entry.code} {entry.class_name}：" if entry is not None else ""
            self._say(where + exc.message, error=True)
            return exc.message
        change = self.runner.apply(done, self)
        if change is not None:
            self._take(change)
            self.undo_stack.append(change)
            old = "" if change.old_value is None else f"{change.old_value:g}"
            new = self.tr("（空）") if change.new_value is None else f"{change.new_value:g}"
            self._say(self.tr("已保存：{0} {1} → {2}").format(change.what, old, new).replace("  ", " "))
        return ""

    def _take(self, change: ScoreChangeInfo) -> None:
        """A change committed here: into the sheet and the leaderboard at once, then this tab's
        ranking (after the board has been drawn; the grid redraws the edited row itself)."""
        assert self.live is not None
        self.live.apply(change)
        QTimer.singleShot(0, self._show_results)

    def _say(self, text: str, error: bool = False, lasting: bool = False) -> None:
        """A refusal (red, ⚠) or a confirmation (green, ✓) under the toolbar. It goes away by itself
        after a while (a confirmation sooner), so an old message is never read as news; a lasting one
        (what the competition lacks) stays while it is true."""
        self.message.setObjectName("errorText" if error else "okText")
        self.message.setStyleSheet("")  # re-polish for the new object name
        self.message.setText(("⚠ " if error else "✓ ") + text if text else "")
        self._message_timer.stop()
        if text and not lasting:
            self._message_timer.start(ERROR_SECONDS * 1000 if error else OK_SECONDS * 1000)

    def undo_last(self) -> None:
        if not self.undo_stack:
            self._say(self.tr("没有可以撤销的分数。"), error=True)
            return
        change = self.undo_stack.pop()
        try:
            done = undo_change(self.db, change.id, station=self.station)
        except FestError as exc:
            self._say(exc.message, error=True)
            return
        undone = self.runner.apply(done, self)
        if undone is not None:
            self._take(undone)
            self.grid_model.refresh()
        self._say(self.tr("已撤销：{0}").format(change.what))

    def _reloaded(self) -> None:
        """Another window or PC committed something: show it, keeping the cell being typed in."""
        if self.sheet is None:
            return
        if self.chooser.count() != (
            len(self.sheet.entries) if self.by_entry.isChecked() else len(self.sheet.judges)
        ):
            self._fill_chooser()
        self._show_grid()

    # ------------------------------------------------------------ actions

    def _show_lock(self) -> None:
        locked = self.sheet is not None and self.sheet.competition.locked
        self.lock_button.setText(self.tr("解锁成绩…") if locked else self.tr("锁定成绩"))
        self.lock_button.setEnabled(self.sheet is not None)
        if locked:
            self._say(
                self.tr("「{0}」的成绩已锁定，不能再改。").format(
                    self.sheet.competition.name if self.sheet else ""
                )
            )

    def _toggle_lock(self) -> None:
        if self.sheet is None:
            return
        competition = self.sheet.competition
        if competition.locked:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("解锁成绩"),
                self.tr("解锁「{0}」的原因（记入修改记录）：").format(competition.name),
            )
            if not ok:
                return
            locked = False
        else:
            if not confirm(
                self,
                self.tr("锁定成绩"),
                self.tr("评审结束，锁定「{0}」的成绩？锁定后不能再改分，解锁需写明原因。").format(
                    competition.name
                ),
            ):
                return
            locked, reason = True, ""
        done = self.runner.now(
            self,
            lambda: set_locked(self.db, competition.id, locked, reason=reason, station=self.station),
        )
        if done is FAILED:
            return
        self._competition_chosen()
        self.watcher.check_now()

    def _edit_judges(self) -> None:
        if self.sheet is None:
            return
        JudgesDialog(
            self.db,
            self.runner,
            self.festival_id,
            self.sheet.competition.id,
            self.sheet.competition.name,
            self,
        ).exec()

    def open_phones(self) -> PhonePanel | None:
        """The phones' panel for the competition shown (a running server keeps its own competition)."""
        sheet = self.sheet
        if sheet is None:
            return None
        if sheet.competition.judging != Judging.RUBRIC and (self.phones is None or not self.phones.serving):
            show_error(
                self,
                self.tr("「{0}」是测量成绩的项目，手机评分只用于评委打分的项目。").format(
                    sheet.competition.name
                ),
            )
            return None
        if self.phones is None:
            self.phones = PhonePanel(
                self.db,
                self.runner,
                self.festival_id,
                sheet.competition.id,
                sheet.competition.name,
                self.preferences_file,
                self,
            )
        elif sheet.competition.judging == Judging.RUBRIC:
            self.phones.show_competition(sheet.competition.id, sheet.competition.name)
        self.phones.show()
        self.phones.raise_()
        self.phones.activateWindow()
        return self.phones

    def _show_log(self) -> None:
        result = self.selected_result()
        if result is None:
            if self.sheet is not None:
                changes = [
                    c for c in competition_log(self.db, self.sheet.competition.id) if c.entry_id is None
                ]
                ScoreLogDialog(
                    self.tr("{0} 的锁定与解锁").format(self.sheet.competition.name), changes, self
                ).exec()
            return
        ScoreLogDialog(result.entry.label, entry_log(self.db, result.entry.id), self).exec()

    def _imported(self, summary: str) -> None:
        # The sheet was loaded again when the import was announced; the board hears its scores now.
        self.watcher.check_now()
        self._say(summary)

    @property
    def leaderboard(self) -> LeaderboardWindow | None:
        return self.board.leaderboard

    def open_leaderboard(self) -> LeaderboardWindow | None:
        """The hall's board for the competition shown, on the chosen screen."""
        if self.live is None:
            return None
        return self.board.open_leaderboard(self.festival_id, self.live)

    def close_leaderboard(self) -> None:
        self.board.close_leaderboard()

    def import_sheets(self, path: Path) -> None:
        """A filled-in score workbook checked; its preview is the sheet files' import_dialog."""
        self.sheet_files.import_sheets(path)
