"""现场评分: type the judges' scores as they come in, see the ranking move, and drive the projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.errors import FestError
from fest_desktop.registration.kinds import Judging
from fest_desktop.scoring.entering import enter_attempt, enter_score, set_locked, undo_change
from fest_desktop.scoring.judges import list_judges
from fest_desktop.scoring.log import ScoreChangeInfo, competition_log, default_station, entry_log
from fest_desktop.scoring.paper_sheets import write_judge_sheets_pdf, write_score_workbook
from fest_desktop.scoring.sheet import EntryResult, ScoringSheet, judged_competitions
from fest_desktop.storage.database import Database
from ui.scoring.dialogs import JudgesDialog, ScoreLogDialog
from ui.scoring.grid import BY_ENTRY, BY_JUDGE, MEASURED, CellKey, ScoreGridModel, ScoreTable
from ui.scoring.leaderboard import LeaderboardWindow
from ui.scoring.live_sheet import LiveSheet
from ui.scoring.phones import PhonePanel
from ui.scoring.score_import_dialog import ScoreImportDialog, preview_score_file
from ui.scoring.watcher import ScoreWatcher
from ui.widgets.columns import fit_columns
from ui.widgets.file_dialogs import ask_open_path, ask_save_path
from ui.widgets.forms import set_button_menu
from ui.widgets.messages import confirm, show_error, tell_saved
from ui.widgets.table_models import Column, RowTableModel

# How long a message under the toolbar stays: long enough to read, gone before it misleads.
OK_SECONDS = 6
ERROR_SECONDS = 20


class ScoringTab(QWidget):
    """One competition at a time: the grid on the left, its live ranking on the right."""

    def __init__(self, db: Database, preferences_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.preferences_file = preferences_file
        self.phones: PhonePanel | None = None
        self.festival_id = 0
        # The competition shown, shared with the projector board opened for it.
        self.live: LiveSheet | None = None
        self.watcher: ScoreWatcher | None = None
        self.undo_stack: list[ScoreChangeInfo] = []
        self.leaderboard: LeaderboardWindow | None = None
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
        self.sheets_button = QToolButton()
        self.sheets_button.setText(self.tr("评分表"))
        self.sheets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        sheets_menu = QMenu(self)
        sheets_menu.addAction(self.tr("打印评委评分表（PDF）…"), self._write_pdf_sheets)
        sheets_menu.addAction(self.tr("导出评分表（Excel）…"), self._write_xlsx_sheets)
        sheets_menu.addAction(self.tr("导入填好的评分表…"), self._import_sheets)
        set_button_menu(self.sheets_button, sheets_menu)
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self._toggle_lock)
        self.undo_button = QPushButton(self.tr("撤销上一个分数"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.undo_last)
        self.screen_box = QComboBox()
        self.screen_box.setToolTip(self.tr("排行榜显示在哪个屏幕（投影仪）"))
        board = QPushButton(self.tr("投影排行榜"))
        board.setObjectName("primaryButton")
        board.clicked.connect(self.open_leaderboard)

        self.board_controls = QWidget()
        self.hide_scores = QCheckBox(self.tr("只显示名次，不显示分数"))
        self.hide_scores.toggled.connect(self._board_options)
        self.show_partial = QCheckBox(self.tr("显示未评完的分数"))
        self.show_partial.setToolTip(self.tr("默认只显示“评分中”：一两位评委的分数不是结果，不给全场看。"))
        self.show_partial.toggled.connect(self._board_options)
        self.hold = QPushButton(self.tr("暂不公布"))
        self.hold.setCheckable(True)
        self.hold.toggled.connect(self._board_options)
        self.reveal = QPushButton(self.tr("颁奖揭晓模式"))
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._board_options)
        self.next_step = QPushButton(self.tr("下一步 →"))
        self.next_step.clicked.connect(lambda: self.leaderboard.next_step() if self.leaderboard else None)
        close_board = QPushButton(self.tr("关闭排行榜"))
        close_board.clicked.connect(self.close_leaderboard)
        controls = QHBoxLayout(self.board_controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(QLabel(self.tr("排行榜：")))
        for widget in (
            self.hide_scores,
            self.show_partial,
            self.hold,
            self.reveal,
            self.next_step,
            close_board,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.board_controls.setVisible(False)

        self.progress = QLabel()
        self.progress.setObjectName("panelHeading")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.clear)

        self.grid_model = ScoreGridModel(self._commit, self)
        self.grid = ScoreTable(self.grid_model, self)
        self.provisional = QCheckBox(self.tr("显示暂定名次（含未评完）"))
        self.provisional.toggled.connect(lambda _=False: self._show_results())
        self.results_model: RowTableModel[EntryResult] = RowTableModel(self._result_columns(), parent=self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.verticalHeader().setVisible(False)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The entry's label takes the width the short columns leave; a long status is cut (see its tooltip).
        self.result_columns = fit_columns(self.results, stretch=2, widest_chars=8)
        self.results.doubleClicked.connect(lambda _=None: self._show_log())
        log = QPushButton(self.tr("修改记录…"))
        log.clicked.connect(self._show_log)

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
        top.addWidget(self.screen_box)
        top.addWidget(board)
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addSpacing(16)
        status.addWidget(self.message, 1)
        # The panel's tools on the second row, so that the first fits a 1024-pixel screen.
        for tool in (judges, self.phones_button, self.sheets_button, self.undo_button):
            status.addWidget(tool)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("实时排名"))
        heading.setObjectName("panelHeading")
        right_layout.addWidget(heading)
        right_layout.addWidget(self.provisional)
        right_layout.addWidget(self.results, 1)
        right_layout.addWidget(log)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # The grid first: at 1366 pixels every criterion of a board's rubric shows beside the ranking.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 450])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.board_controls)
        layout.addLayout(status)
        layout.addWidget(splitter, 1)

    # ------------------------------------------------------------ loading

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        if self.watcher is None:
            self.watcher = ScoreWatcher(self.db, festival_id, self)
        else:
            self.watcher.watch(festival_id)
        self.undo_stack.clear()
        self.reload_competitions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.festival_id:
            self.reload_competitions()
        self._fill_screens()

    def hideEvent(self, event: QHideEvent) -> None:
        # A value still in its editor is committed (or refused) when the tab is left or closed.
        self.grid.finish_editing()
        super().hideEvent(event)

    def _fill_screens(self) -> None:
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
        if competition_id is not None and self.watcher is not None and not same:
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

    def _result_columns(self) -> list[Column[EntryResult]]:
        return [
            Column(self.tr("组别"), lambda r: r.entry.group),
            Column(self.tr("名次"), lambda r: r.rank or "—", align_center=True),
            Column(self.tr("作品"), lambda r: r.entry.label),
            Column(self.tr("得分"), lambda r: r.final_text, align_center=True),
            Column(self.tr("状态"), self._status_text),
        ]

    def _status_text(self, result: EntryResult) -> str:
        parts = []
        if result.conflicts:
            parts.append(self.tr("{0} 处两遍不一致").format(result.conflicts))
        if result.missing_judges:
            parts.append(self.tr("未评：{0}").format("、".join(result.missing_judges)))
        elif not result.complete and result.attempts:
            parts.append(self.tr("还有试次未测"))
        outliers = [j.judge_name for j in result.judges if j.outlier]
        if outliers:
            parts.append(self.tr("请复核：{0}的总分偏离较大").format("、".join(outliers)))
        if not parts:
            parts.append(self.tr("已评完") if result.complete else self.tr("未评分"))
        return "；".join(parts)

    def _show_results(self) -> None:
        sheet = self.sheet
        if sheet is None:
            self.results_model.set_rows([])
            self.progress.setText("")
            return
        self.results_model.set_rows(sheet.results(self.provisional.isChecked()))
        done, total = sheet.progress()
        text = self.tr("已完成 {0}/{1}").format(done, total)
        judge = self.grid_model.judge
        if self.grid_model.layout_kind == BY_JUDGE and judge is not None:
            own_done, own_total = sheet.judge_progress(judge.id)
            text += self.tr("　·　{0} {1}/{2}").format(judge.name, own_done, own_total)
        self.progress.setText(text)

    def selected_result(self) -> EntryResult | None:
        rows = self.results.selectionModel().selectedRows()
        return self.results_model.rows()[rows[0].row()] if rows else None

    # ------------------------------------------------------------ entering

    def _commit(self, key: CellKey, text: str) -> str:
        """Store one typed value through the core; the reason it was refused, or ""."""
        try:
            if key.attempt:
                change = enter_attempt(self.db, key.entry_id, key.attempt, text, station=self.station)
            else:
                change = enter_score(
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
            undone = undo_change(self.db, change.id, station=self.station)
        except FestError as exc:
            self._say(exc.message, error=True)
            return
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
        try:
            if competition.locked:
                reason, ok = QInputDialog.getText(
                    self,
                    self.tr("解锁成绩"),
                    self.tr("解锁「{0}」的原因（记入修改记录）：").format(competition.name),
                )
                if not ok:
                    return
                set_locked(self.db, competition.id, False, reason=reason, station=self.station)
            else:
                if not confirm(
                    self,
                    self.tr("锁定成绩"),
                    self.tr("评审结束，锁定「{0}」的成绩？锁定后不能再改分，解锁需写明原因。").format(
                        competition.name
                    ),
                ):
                    return
                set_locked(self.db, competition.id, True, station=self.station)
        except FestError as exc:
            show_error(self, exc.message)
            return
        self._competition_chosen()
        if self.watcher is not None:
            self.watcher.check_now()

    def _edit_judges(self) -> None:
        if self.sheet is None:
            return
        JudgesDialog(
            self.db, self.festival_id, self.sheet.competition.id, self.sheet.competition.name, self
        ).exec()
        self._competition_chosen()

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

    def _write_pdf_sheets(self) -> None:
        self._save_sheets(".pdf", self.tr("保存评委评分表"), self.tr("PDF 文件 (*.pdf)"))

    def _write_xlsx_sheets(self) -> None:
        self._save_sheets(".xlsx", self.tr("导出评分表"), self.tr("Excel 工作簿 (*.xlsx)"))

    def _save_sheets(self, suffix: str, title: str, file_filter: str) -> None:
        """The judges' sheets of the competition shown: a PDF to print or a workbook to fill in."""
        if self.sheet is None:
            return
        competition = self.sheet.competition
        path = ask_save_path(self, title, f"{competition.name}评分表", suffix, file_filter)
        if path is None:
            return
        try:
            if suffix == ".pdf":
                count = write_judge_sheets_pdf(self.db, self.festival_id, competition.id, path)
            else:
                count = write_score_workbook(self.db, competition.id, path)
        except FestError as exc:
            show_error(self, exc.message)
            return
        tell_saved(self, self.tr("已生成 {0} 位评委的评分表。").format(count), path)

    def _import_sheets(self) -> None:
        path = ask_open_path(self, self.tr("导入评分表"), self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self.import_sheets(path)

    def import_sheets(self, path: Path) -> ScoreImportDialog | None:
        """Check a filled-in score workbook and show what it would do; it is imported whole when the
        teacher confirms. Returns the dialog shown."""
        found = preview_score_file(self.db, self.festival_id, path, self)
        if found is None:
            return None
        dialog = ScoreImportDialog(self.db, self.festival_id, *found, parent=self)
        dialog.accepted.connect(lambda: self._sheets_imported(dialog.plan.summary()))
        dialog.open()
        return dialog

    def _sheets_imported(self, summary: str) -> None:
        self._competition_chosen()
        if self.watcher is not None:
            self.watcher.check_now()
        self._say(self.tr("已导入：{0}").format(summary))

    def open_leaderboard(self) -> LeaderboardWindow | None:
        """The hall's board for the competition shown, on the chosen screen."""
        if self.live is None:
            return None
        self.close_leaderboard()
        board = LeaderboardWindow(self.db, self.festival_id, self.live)
        # A slot of the tab, not a lambda: Qt drops it with the tab, which may go first when the program
        # quits with the board open.
        board.destroyed.connect(self._board_gone)
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        screens = QGuiApplication.screens()
        chosen = screens[min(int(self.screen_box.currentData() or 0), len(screens) - 1)]
        board.show_on(chosen, full_screen=len(screens) > 1)
        self.leaderboard = board
        for box in (self.hide_scores, self.show_partial, self.hold, self.reveal):
            box.setChecked(False)
        self.board_controls.setVisible(True)
        return board

    def _board_gone(self, _board: object = None) -> None:
        self.board_controls.setVisible(False)

    def close_leaderboard(self) -> None:
        if self.leaderboard is not None:
            self.leaderboard.close()
            self.leaderboard = None
        self.board_controls.setVisible(False)

    def _board_options(self) -> None:
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
