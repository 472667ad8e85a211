"""学校与设置 → 界面与数据: the interface language, where the data lives, backups and restores, and the
server shared by several PCs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from fest_desktop.errors import FestError
from fest_desktop.storage import backups
from fest_desktop.storage.database import Database, is_url, open_database
from fest_desktop.storage.paths import is_portable
from fest_desktop.storage.preferences import KEEP_BACKUPS_RANGE, Preferences, update_preferences
from ui.operations import Runner
from ui.widgets.file_dialogs import ask_folder, ask_open_path, ask_save_path
from ui.widgets.messages import FAILED, confirm, show_error, tell_saved
from ui.widgets.scrolling import ScrollingPanel
from ui.widgets.table_models import Column, RowTableModel, selectable_table

SERVER_EXAMPLE = "postgresql://keji:密码@192.168.1.10:5432/kejijie"


class DataPage(QWidget):
    """Language, data file, backups and the server."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        preferences: Preferences,
        preferences_file: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self._preferences = preferences
        self._file = preferences_file
        self._on_server = not db.is_file
        self.backups_model: RowTableModel[backups.BackupInfo] = RowTableModel(
            [
                Column(self.tr("备份时间"), lambda b: f"{b.made_at:%Y-%m-%d %H:%M:%S}"),
                Column(self.tr("原因"), lambda b: b.reason),
                Column(self.tr("大小"), lambda b: backups.size_text(b.size), sort_key=lambda b: b.size),
            ],
            parent=self,
        )

        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(preferences.language), 0))
        self.language.currentIndexChanged.connect(self._save_language)
        self.restart_note = QLabel()
        self.restart_note.setObjectName("hint")
        location = QLabel(db.display_location)
        location.setWordWrap(True)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        general = QFormLayout()
        general.addRow(self.tr("界面语言"), self.language)
        general.addRow("", self.restart_note)
        location_row = QHBoxLayout()
        location_row.addWidget(location, 1)
        if not self._on_server:
            move = QPushButton(self.tr("移到其他位置…"))
            move.clicked.connect(self._move_data)
            location_row.addWidget(move)
        general.addRow(self.tr("数据位置"), location_row)
        restore_card = QLabel(
            self.tr(
                "如果这台电脑装有还原卡或“冰点还原”，重启后 C 盘会被还原：数据文件必须放在不会被还原的盘上"
                "（例如 D 盘），否则重启后数据会丢失。要换位置，点“移到其他位置…”。"
            )
        )
        restore_card.setWordWrap(True)
        restore_card.setObjectName("hint")
        general.addRow("", restore_card)
        if is_portable():
            general.addRow("", QLabel(self.tr("便携模式：数据、备份和设置都保存在程序旁边的文件夹中。")))
        general.addRow("", QLabel(self.tr("所有修改都会立即保存到数据文件中，无需手动保存。")))

        layout = QVBoxLayout()
        layout.addLayout(general)
        layout.addWidget(self._backup_group())
        layout.addWidget(self._server_group())
        layout.addStretch(1)
        content = QWidget()
        content.setLayout(layout)
        content.setMaximumWidth(900)
        scroll = ScrollingPanel(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def showEvent(self, event: QShowEvent) -> None:
        # The backups are files: another window, or someone in the file manager, adds and removes them
        # too, so the folder is listed whenever the page is shown (no query of the festival's data).
        super().showEvent(event)
        self.reload_backups()

    # ------------------------------------------------------------ backups

    def _backup_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("备份与恢复"))
        layout = QVBoxLayout(group)
        if self._on_server:
            layout.addWidget(
                QLabel(
                    self.tr("现在使用的是服务器上的数据库，请由学校的信息技术老师在服务器上备份（pg_dump）。")
                )
            )
            return group
        folder = backups.backups_folder(Path(self.db.location))
        explain = QLabel(
            self.tr(
                "每次打开数据文件时、导入花名册/报名表/评分表和删除比赛、班级、科技节之前，"
                "程序都会自动备份一次，保存在「{0}」。"
            ).format(folder)
        )
        explain.setWordWrap(True)
        self.keep = QSpinBox()
        self.keep.setRange(*KEEP_BACKUPS_RANGE)
        self.keep.setValue(self._preferences.keep_backups)
        self.keep.setSuffix(self.tr(" 个"))
        self.keep.editingFinished.connect(self._save_keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("保留最近的自动备份")))
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)

        self.backup_list, self.backups_proxy = selectable_table(self.backups_model, self, stretch=1)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setMinimumHeight(190)
        self.backup_list.doubleClicked.connect(self.restore_selected)

        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("立即备份"), self.backup_now),
            (self.tr("备份到文件…"), self._backup_to_file),
            (self.tr("用选中的备份恢复…"), self.restore_selected),
            (self.tr("从文件恢复…"), self._restore_from_file),
            (self.tr("打开备份文件夹"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(explain)
        layout.addLayout(keep_row)
        layout.addWidget(self.backup_list)
        layout.addLayout(buttons)
        return group

    def reload_backups(self) -> None:
        if self._on_server:
            return
        self.backups_model.set_rows(backups.list_backups(Path(self.db.location)))

    def backup_now(self) -> None:
        self.runner.produce(
            self,
            lambda: backups.make_backup(self.db, backups.MANUAL),
            lambda _made: self.reload_backups(),
            label=self.tr("正在备份…"),
        )

    def backup_to_file(self, target: Path) -> None:
        self.runner.produce(
            self,
            lambda: backups.backup_to(self.db, target),
            lambda saved: tell_saved(self, self.tr("已备份。"), saved.parent),
            label=self.tr("正在备份…"),
        )

    def _backup_to_file(self) -> None:
        path = ask_save_path(
            self, self.tr("备份到文件"), self.tr("科技节备份"), ".db", self.tr("科技节数据文件 (*.db)")
        )
        if path is not None:
            self.backup_to_file(path)

    def restore_selected(self) -> None:
        rows = self.backup_list.selectionModel().selectedRows()
        if not rows:
            show_error(self, self.tr("请先在列表中选中一个备份。"))
            return
        chosen: backups.BackupInfo = self.backups_proxy.row_object(rows[0].row())
        self.restore_from(chosen.path)

    def _restore_from_file(self) -> None:
        path = ask_open_path(self, self.tr("选择备份文件"), self.tr("科技节数据文件 (*.db);;所有文件 (*)"))
        if path is not None:
            self.restore_from(path)

    def restore_from(self, source: Path) -> bool:
        """Check the file, say what it would replace, ask, then back up what is there now and restore
        (every tab then shows the data restored); True when the restore was started."""
        plan = self.runner.read(self, lambda: backups.plan_restore(self.db, source))
        if plan is FAILED:
            return False
        warning = (
            self.tr("注意：备份中的科技节与现在的不同，恢复后现在的数据会被全部替换。\n\n")
            if plan.replaces_other_festivals
            else ""
        )
        question = self.tr(
            "{0}用这个备份替换现在的全部数据吗？\n\n{1}\n{2}\n\n"
            "现在的数据会先自动备份（原因“恢复前”），恢复后仍可找回。"
        ).format(warning, source, plan.describe())
        if not confirm(self, self.tr("恢复备份"), question):
            return False
        self.runner.run(self, lambda: backups.restore_backup(self.db, source), label=self.tr("正在恢复备份…"))
        return True

    def _save_keep(self) -> None:
        self._save(keep_backups=self.keep.value())
        self.db.keep_backups = self.keep.value()

    # ------------------------------------------------------------ server

    def _server_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("多台电脑同时评分（服务器数据库）"))
        self.server_url = QLineEdit(self._preferences.database if is_url(self._preferences.database) else "")
        self.server_url.setPlaceholderText(SERVER_EXAMPLE)
        test_button = QPushButton(self.tr("测试连接"))
        test_button.clicked.connect(self.test_server)
        use_button = QPushButton(self.tr("使用这个服务器"))
        use_button.clicked.connect(self.use_server)
        local_button = QPushButton(self.tr("改回本机数据文件"))
        local_button.clicked.connect(self.use_local_file)
        buttons = QHBoxLayout()
        for button in (test_button, use_button, local_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.server_status = QLabel()
        self.server_status.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "一台电脑时不需要服务器。若要几台电脑同时为同一个科技节评分，请信息技术老师在学校的一台电脑上"
                "安装 PostgreSQL，并在这里填写地址；每台电脑都填同一个地址，重新启动程序后生效。"
            )
        )
        explain.setWordWrap(True)
        layout = QVBoxLayout(group)
        layout.addWidget(explain)
        layout.addWidget(self.server_url)
        layout.addLayout(buttons)
        layout.addWidget(self.server_status)
        return group

    def test_server(self) -> bool:
        """Connect to the typed server (creating the festival tables there if it is empty)."""
        url = self.server_url.text().strip()
        if not url.startswith(("postgresql://", "postgres://")):
            self.server_status.setText(
                self.tr("地址应以 postgresql:// 开头，例如 {0}").format(SERVER_EXAMPLE)
            )
            return False
        try:
            server = open_database(url)
        except FestError as exc:
            self.server_status.setText(self.tr("连接失败：{0}").format(exc.message))
            return False
        from fest_desktop.school.festivals import list_festivals

        count = len(list_festivals(server))
        server.close()
        self.server_status.setText(self.tr("连接成功，服务器上有 {0} 个科技节。").format(count))
        return True

    def use_server(self) -> None:
        if self.test_server():
            self._save(database=self.server_url.text().strip())
            self.restart_note.setText(self.tr("重新启动程序后生效。"))

    def use_local_file(self) -> None:
        self.server_url.clear()
        self._save(database="")
        self.server_status.setText(self.tr("重新启动程序后使用本机数据文件。"))

    def _move_data(self) -> None:
        folder = ask_folder(self, self.tr("选择新的数据文件夹（不会被还原的盘，例如 D 盘）"))
        if folder is not None:
            self.move_data_to(folder)

    def move_data_to(self, folder: Path) -> None:
        """Copy the festival file into folder and open it from there from the next start on; the file
        where it was stays as it is."""
        target = folder / Path(self.db.location).name
        if target.exists():
            show_error(self, self.tr("「{0}」里已经有一个数据文件，请另选一个文件夹。").format(folder))
            return
        self.runner.produce(
            self, lambda: backups.backup_to(self.db, target), self._moved, label=self.tr("正在复制数据文件…")
        )

    def _moved(self, copied: Path) -> None:
        if self._save(database=str(copied)):
            self.restart_note.setText(
                self.tr("数据已复制到「{0}」。重新启动程序后使用新位置；原来的文件保留不动。").format(copied)
            )

    # ------------------------------------------------------------ preferences

    def _save_language(self) -> None:
        if self._save(language=self.language.currentData()):
            self.restart_note.setText(self.tr("重新启动程序后生效。"))

    def _save(self, **changes: object) -> bool:
        try:
            preferences = update_preferences(self._file, **changes)
        except OSError as exc:
            show_error(self, self.tr("无法保存设置：{0}").format(exc.strerror))
            return False
        self._preferences = preferences
        return True
