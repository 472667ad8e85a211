"""证书登记与查询: the register of certificates, found by number, name or a scanned QR code."""

from __future__ import annotations

from typing import assert_never

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from fest_desktop.certificates.kinds import RegisterState
from fest_desktop.certificates.register import CertificateRecord, lookup_certificate, search_register
from fest_desktop.changes import Changed
from fest_desktop.storage.database import Database
from ui.operations import ChangeFollower, Runner
from ui.widgets.table_models import Column, RowTableModel, selectable_table


class RegisterPage(QWidget):
    """证书登记 and 证书查询: every certificate issued, searched by number or name or a scanned code."""

    # Certificates issued and printed; one withdrawn when its award is.
    FOLLOWS = Changed.CERTIFICATES | Changed.AWARDS

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入证书编号或姓名，或用扫码枪扫描证书上的二维码，按回车"))
        self.search.returnPressed.connect(self.look_up)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RowTableModel[CertificateRecord] = RowTableModel(
            [
                Column(self.tr("证书编号"), lambda r: r.number),
                Column(self.tr("获奖者"), lambda r: r.recipient),
                Column(self.tr("班级"), lambda r: r.class_name),
                Column(self.tr("奖项"), lambda r: r.award_text),
                Column(self.tr("打印次数"), lambda r: r.print_count, align_center=True),
                Column(self.tr("首次登记"), lambda r: r.issued_at.strftime("%Y-%m-%d %H:%M")),
                Column(self.tr("状态"), self._state_text),
            ],
            parent=self,
        )
        self.table, _proxy = selectable_table(self.model, self, stretch=3)  # 奖项, the longest text
        layout = QVBoxLayout(self)
        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(self.tr("证书查询")))
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        layout.addWidget(self.answer)
        layout.addWidget(self.table, 1)

    def _state_text(self, record: CertificateRecord) -> str:
        match record.state:
            case RegisterState.ISSUED:
                return self.tr("已编号，未打印完成")
            case RegisterState.WITHDRAWN:
                return self.tr("已撤销，作废")
            case RegisterState.PRINTED:
                return ""
        assert_never(record.state)

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, _origin: QObject | None) -> None:
        self.refresh()

    def refresh(self) -> None:
        query = self.search.text()
        self.model.set_rows(search_register(self.db, self.festival_id, query))

    def look_up(self) -> None:
        found = lookup_certificate(self.db, self.festival_id, self.search.text())
        self.answer.setText(found.message)
        colour = "#1b5e20" if found.record is not None and "注意" not in found.message else "#b71c1c"
        self.answer.setStyleSheet(f"color: {colour};")
