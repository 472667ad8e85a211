"""The 奖项与证书 tab: its four pages, each following what it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from fest_desktop.storage.database import Database
from ui.awards.lists_page import AwardListPage
from ui.awards.register_page import RegisterPage
from ui.operations import Runner


class AwardsTab(QWidget):
    """The 奖项与证书 tab: 获奖名单 · 打印证书 · 证书模板 · 证书登记."""

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.awards.print_page import PrintPage
        from ui.awards.template_editor import TemplateEditor

        self.db = db
        self.lists = AwardListPage(db, runner)
        self.printing = PrintPage(db, runner)
        self.templates = TemplateEditor(db, runner)
        self.register = RegisterPage(db, runner)
        self.pages = QTabWidget()
        self.pages.addTab(self.lists, self.tr("获奖名单"))
        self.pages.addTab(self.printing, self.tr("打印证书"))
        self.pages.addTab(self.templates, self.tr("证书模板"))
        self.pages.addTab(self.register, self.tr("证书登记与查询"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.festival_id = 0

    def show_festival(self, festival_id: int) -> None:
        """Each page shows the festival: now if it is on screen, else when it is next shown."""
        self.festival_id = festival_id
        for page in (self.lists, self.printing, self.templates, self.register):
            page.show_festival(festival_id)
