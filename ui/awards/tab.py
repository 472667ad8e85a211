"""The 奖项与证书 tab: its four pages, built once the tab is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from fest_desktop.storage.database import Database
from ui.awards.lists_page import AwardListPage
from ui.awards.register_page import RegisterPage


class AwardsTab(QWidget):
    """The 奖项与证书 tab: 获奖名单 · 打印证书 · 证书模板 · 证书登记."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.awards.print_page import PrintPage
        from ui.awards.template_editor import TemplateEditor

        self.db = db
        self.lists = AwardListPage(db)
        self.printing = PrintPage(db)
        self.templates = TemplateEditor(db)
        self.register = RegisterPage(db)
        self.pages = QTabWidget()
        self.pages.addTab(self.lists, self.tr("获奖名单"))
        self.pages.addTab(self.printing, self.tr("打印证书"))
        self.pages.addTab(self.templates, self.tr("证书模板"))
        self.pages.addTab(self.register, self.tr("证书登记与查询"))
        self.pages.currentChanged.connect(self._page_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self.festival_id = 0

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.lists.show_festival(festival_id)
        self._page_shown(self.pages.currentIndex())

    def _page_shown(self, index: int) -> None:
        """The other pages read afresh when shown: awards and templates change on the other pages."""
        page = (self.lists, self.printing, self.templates, self.register)[index]
        if page is not self.lists and self.festival_id:
            page.show_festival(self.festival_id)
