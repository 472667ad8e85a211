"""手机评分: the operator's panel. Starts and stops the phones' server for one competition, shows the
address and its QR code, each judge's connection and progress, the cards, revoking a link, reopening a
handed-in sheet, and the phone scores that differ from the desk's."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.errors import FestError
from fest_desktop.files.pdf import QR_QUIET_MODULES, qr_modules
from fest_desktop.phones.addresses import NetworkAddress, network_addresses, page_url, self_check
from fest_desktop.phones.cards import write_cards
from fest_desktop.phones.conflicts import ConflictInfo, resolve_conflict, score_conflicts
from fest_desktop.phones.kinds import Keep
from fest_desktop.phones.links import JudgeLinkInfo, judge_links, reissue_link, reopen_sheet
from fest_desktop.phones.server import PhoneServer
from fest_desktop.scoring.log import scoring_stamp
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database
from fest_desktop.storage.preferences import load_preferences, update_preferences
from ui.operations import Runner
from ui.widgets.file_dialogs import ask_save_path
from ui.widgets.messages import FAILED, confirm, show_error, tell_saved

# A phone that has not been heard from for this long is shown as not connected (an idle page asks
# for its sheet every 15 s).
CONNECTED_SECONDS = 40


def qr_pixmap(text: str, size: int) -> QPixmap:
    """The QR code of text, black on white, size pixels square."""
    count, dark = qr_modules(text)
    total = count + 2 * QR_QUIET_MODULES
    module = max(1, size // total)
    pixmap = QPixmap(module * total, module * total)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    for row, column in dark:
        painter.fillRect(
            (column + QR_QUIET_MODULES) * module,
            (row + QR_QUIET_MODULES) * module,
            module,
            module,
            QColor("black"),
        )
    painter.end()
    return pixmap


class PhonePanel(QDialog):
    """Not modal: the operator keeps typing paper sheets in the grid while the phones score."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        competition_id: int,
        competition: str,
        preferences_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        self.preferences_file = preferences_file
        self.competition_id = competition_id
        self.competition = competition
        self.server: PhoneServer | None = None
        self.links: list[JudgeLinkInfo] = []
        self.addresses: list[NetworkAddress] = []
        self._progress: dict[int, tuple[int, int]] = {}
        self._stamp = -1
        self.setWindowTitle(self.tr("手机评分"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.address = QComboBox()
        self.address.setMinimumWidth(260)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.start_button = QPushButton()
        self.start_button.setObjectName("primaryButton")
        self.start_button.clicked.connect(self.toggle_server)
        refresh = QPushButton(self.tr("刷新地址"))
        refresh.setToolTip(self.tr("换了网络或插上网线后，重新查找本机的地址"))
        refresh.clicked.connect(self.find_addresses)

        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(280, 280)
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.url.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.url.setFont(big)
        self.url.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.how.setAlignment(Qt.AlignmentFlag.AlignCenter)

        headers = [
            self.tr("评委"),
            self.tr("评分码"),
            self.tr("手机"),
            self.tr("最后联系"),
            self.tr("已评"),
            self.tr("待核对"),
            self.tr("状态"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        check = QPushButton(self.tr("自检"))
        check.setToolTip(self.tr("像手机一样从所选地址打开评分页，看看哪里不通"))
        check.clicked.connect(self.run_self_check)
        cards = QPushButton(self.tr("评委扫码卡…"))
        cards.clicked.connect(self.write_cards)
        reissue = QPushButton(self.tr("作废并重发链接"))
        reissue.setToolTip(self.tr("手机丢了或评分卡落在桌上：旧链接和评分码立即失效"))
        reissue.clicked.connect(self.reissue_selected)
        reopen = QPushButton(self.tr("重新开放"))
        reopen.setToolTip(self.tr("评委按了「提交并锁定」后又要更正：让他的手机可以再修改"))
        reopen.clicked.connect(self.reopen_selected)
        self.conflicts_button = QPushButton()
        self.conflicts_button.clicked.connect(self.settle_conflicts)
        self.status = QLabel()
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("地址")))
        top.addWidget(self.address, 1)
        top.addWidget(refresh)
        top.addWidget(QLabel(self.tr("端口")))
        top.addWidget(self.port)
        top.addWidget(self.start_button)
        left = QVBoxLayout()
        left.addWidget(self.qr, 1)
        left.addWidget(self.url)
        left.addWidget(self.how)
        buttons = QGridLayout()
        for index, button in enumerate((check, cards, reissue, reopen, self.conflicts_button)):
            buttons.addWidget(button, index // 3, index % 3)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        right.addLayout(buttons)
        middle = QHBoxLayout()
        middle.addLayout(left, 2)
        middle.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.hide)
        layout.addWidget(close)
        self.resize(960, 560)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop_server)
        self.port.setValue(load_preferences(preferences_file).phone_port)
        self.find_addresses()
        self.show_competition(competition_id, competition)

    # ------------------------------------------------------------ the competition and the server

    @property
    def serving(self) -> bool:
        return self.server is not None and self.server.running

    def show_competition(self, competition_id: int, competition: str) -> None:
        """Serve another competition (only while stopped: a running server keeps its own)."""
        if self.serving:
            return
        self.competition_id, self.competition = competition_id, competition
        self.heading.setText(self.tr("手机评分 · {0}").format(competition))
        links = self.runner.read(self, lambda: judge_links(self.db, competition_id))
        self.links = [] if links is FAILED else links
        self._stamp = -1
        self._show_state()
        self.refresh()

    def find_addresses(self) -> None:
        chosen = self.address.currentData() or load_preferences(self.preferences_file).phone_address
        self.addresses = network_addresses()
        self.address.clear()
        for found in self.addresses:
            self.address.addItem(found.label, found.address)
        if not self.addresses:
            self.address.addItem(self.tr("没有找到网络：请先连上学校的 Wi-Fi 或网线"), "")
        index = self.address.findData(chosen)
        self.address.setCurrentIndex(max(0, index))
        self._show_state()

    @property
    def chosen_address(self) -> str:
        return str(self.address.currentData() or "")

    def toggle_server(self) -> None:
        if self.serving:
            self.stop_server()
        else:
            self.start_server()

    def start_server(self) -> None:
        if not self.links:
            show_error(
                self, self.tr("「{0}」还没有评委：请先在「评委组…」里添加评委。").format(self.competition)
            )
            return
        server = PhoneServer(self.db, self.competition_id)
        try:
            port = server.start("0.0.0.0", self.port.value())
        except (OSError, FestError) as exc:
            show_error(self, self.tr("手机评分没能开启：{0}").format(getattr(exc, "message", None) or exc))
            return
        self.server = server
        if port != self.port.value():
            self.status.setText(self.tr("端口 {0} 被占用，改用 {1}。").format(self.port.value(), port))
            self.port.setValue(port)
        with contextlib.suppress(OSError, FestError):  # not remembered: chosen again next time
            update_preferences(self.preferences_file, phone_address=self.chosen_address, phone_port=port)
        self._timer.start()
        self._show_state()

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
        self.server = None
        self._timer.stop()
        self._show_state()

    def _show_state(self) -> None:
        running = self.serving
        self.start_button.setText(self.tr("停止") if running else self.tr("开启手机评分"))
        for widget in (self.address, self.port):
            widget.setEnabled(not running)
        address = self.chosen_address
        if running and address:
            url = page_url(address, self.port.value())
            self.qr.setPixmap(qr_pixmap(url, 280))
            self.url.setText(url)
            self.how.setText(
                self.tr(
                    "评委用手机连上学校的 Wi-Fi，扫自己评分卡上的码；或打开上面的地址，输入评分卡上的评分码。"
                )
            )
        else:
            self.qr.clear()
            self.qr.setText(self.tr("未开启"))
            self.url.setText("")
            self.how.setText(self.tr("选择手机能连到的地址（一般是无线网络），再按「开启手机评分」。"))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the panel hides it; the server keeps serving until 停止 or the program closes.
        event.ignore()
        self.hide()

    # ------------------------------------------------------------ the judges

    def refresh(self) -> None:
        try:
            stamp_changed = self._reload_progress()
            conflicts = score_conflicts(self.db, self.festival_id, self.competition_id)
        except FestError:
            return  # the file is busy for a moment: the next tick shows it
        seen = self.server.presence.snapshot() if self.server is not None else {}
        waiting: dict[int, int] = {}
        for conflict in conflicts:
            waiting[conflict.judge_id] = waiting.get(conflict.judge_id, 0) + 1
        now = dt.datetime.now()
        self.table.setRowCount(len(self.links))
        for row, link in enumerate(self.links):
            last = seen.get(link.judge_id)
            connected = last is not None and (now - last.at).total_seconds() < CONNECTED_SECONDS
            done, total = self._progress.get(link.judge_id, (0, 0))
            cells = (
                link.judge_name,
                link.pin_text,
                self.tr("已连接") if connected else self.tr("未连接"),
                "" if last is None else f"{last.at:%H:%M:%S} · {last.address}",
                f"{done}/{total}",
                str(waiting.get(link.judge_id, "")),
                self.tr("已提交并锁定") if link.handed_in else "",
            )
            for column, text in enumerate(cells):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)
                if column == 2:
                    item.setForeground(QColor("#1a7f37" if connected else "#6b7280"))
        self.conflicts_button.setText(self.tr("核对不同的分数（{0}）…").format(len(conflicts)))
        self.conflicts_button.setEnabled(bool(conflicts))
        if stamp_changed:
            self.table.resizeColumnsToContents()

    def _reload_progress(self) -> bool:
        """Each judge's progress, recomputed only when a score was committed somewhere."""
        self.links = judge_links(self.db, self.competition_id)
        stamp = scoring_stamp(self.db, self.festival_id)
        if stamp == self._stamp:
            return False
        sheet = load_sheet(self.db, self.competition_id)
        self._progress = {judge.id: sheet.judge_progress(judge.id) for judge in sheet.judges}
        self._stamp = stamp
        return True

    def selected_link(self) -> JudgeLinkInfo | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.links):
            show_error(self, self.tr("请先在表中选一位评委。"))
            return None
        return self.links[row]

    def reissue_selected(self) -> None:
        link = self.selected_link()
        if link is None or not confirm(
            self,
            self.tr("作废并重发链接"),
            self.tr("作废「{0}」现在的评分链接和评分码？旧卡片立即失效，已评的分数保留。").format(
                link.judge_name
            ),
        ):
            return
        fresh = self.runner.now(self, lambda: reissue_link(self.db, link.judge_id))
        if fresh is FAILED:
            return
        self._stamp = -1
        self.refresh()
        self.status.setText(
            self.tr("「{0}」的新评分码是 {1}。请重新打印这位评委的扫码卡。").format(
                fresh.judge_name, fresh.pin_text
            )
        )

    def reopen_selected(self) -> None:
        link = self.selected_link()
        if link is None:
            return
        if self.runner.now(self, lambda: reopen_sheet(self.db, link.judge_id)) is FAILED:
            return
        self._stamp = -1
        self.refresh()
        self.status.setText(self.tr("「{0}」的手机可以再修改分数了。").format(link.judge_name))

    # ------------------------------------------------------------ checks and cards

    def run_self_check(self) -> None:
        if not self.serving:
            self.status.setText(self.tr("请先开启手机评分，再自检。"))
            return
        problem = self_check(self.chosen_address, self.port.value(), self.addresses)
        if problem:
            self.status.setText(problem)
        else:
            self.status.setText(
                self.tr(
                    "本机从 {0} 打开评分页正常。若手机仍打不开：确认手机连的是同一个 Wi-Fi（不是访客网络），"
                    "并在 Windows 防火墙中允许本程序使用专用网络。"
                ).format(page_url(self.chosen_address, self.port.value()))
            )

    def write_cards(self) -> None:
        address = self.chosen_address
        if not address:
            show_error(self, self.tr("没有可用的地址：请先连上学校的 Wi-Fi 或网线。"))
            return
        path = ask_save_path(
            self,
            self.tr("保存评委扫码卡"),
            self.tr("{0} 评委扫码卡").format(self.competition),
            ".pdf",
            self.tr("PDF 文件 (*.pdf)"),
        )
        if path is None:
            return
        competition_id, port = self.competition_id, self.port.value()
        self.runner.produce(
            self,
            lambda: write_cards(self.db, competition_id, path, address, port),
            lambda count: tell_saved(self, self.tr("已生成 {0} 张评委扫码卡。").format(count), path),
            label=self.tr("正在生成评委扫码卡…"),
        )

    def settle_conflicts(self) -> None:
        ConflictsDialog(self.db, self.runner, self.festival_id, self.competition_id, self).exec()
        self.refresh()


class ConflictsDialog(QDialog):
    """The phone's points that differ from what the desk typed: the operator keeps one of the two.
    The 编号 is the number `phones resolve` takes."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        competition_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        self.competition_id = competition_id
        self.conflicts: list[ConflictInfo] = []
        self.setWindowTitle(self.tr("核对不同的分数"))
        explain = QLabel(
            self.tr("评委在手机上评的分数与电脑上已录入的不同。请核对纸质评分表后选择保留哪一个。")
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("作品"),
                self.tr("评委"),
                self.tr("评分项"),
                self.tr("手机上"),
                self.tr("电脑上"),
                self.tr("收到"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        use_phone = QPushButton(self.tr("用手机上的"))
        use_phone.clicked.connect(lambda: self.settle(Keep.PHONE))
        keep_desk = QPushButton(self.tr("保留电脑上的"))
        keep_desk.clicked.connect(lambda: self.settle(Keep.DESK))
        buttons = QHBoxLayout()
        buttons.addWidget(use_phone)
        buttons.addWidget(keep_desk)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(720, 380)
        self.load()

    def load(self) -> None:
        self.conflicts = score_conflicts(self.db, self.festival_id, self.competition_id)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            for column, text in enumerate(
                (
                    str(conflict.id),
                    conflict.entry_label,
                    conflict.judge_name,
                    conflict.criterion,
                    "" if conflict.phone_value is None else f"{conflict.phone_value:g}",
                    "" if conflict.desk_value is None else f"{conflict.desk_value:g}",
                    f"{conflict.received_at:%H:%M:%S}",
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.conflicts:
            self.table.selectRow(0)

    def settle(self, keep: Keep) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        self.runner.now(self, lambda: resolve_conflict(self.db, self.festival_id, conflict.id, keep))
        self.load()
