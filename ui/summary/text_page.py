"""总结: the festival's summary as the teacher writes it, saved as typed, and a first draft from the
figures counted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from fest_desktop.storage.database import Database
from fest_desktop.summary.figures import SummaryFigures
from fest_desktop.summary.text import draft_summary, save_summary_text, summary_text
from ui.operations import Runner
from ui.widgets.messages import FAILED, confirm

SAVE_DELAY_MS = 400  # the 总结 is saved this long after the last key, and when the tab is left


class SummaryTextPage(QWidget):
    """The 总结 of the festival shown; figures() are the figures last counted (None before a count)."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        figures: Callable[[], SummaryFigures | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.figures = figures
        self.festival_id = 0
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("在这里写本届科技节的总结；可先点“按统计数字生成初稿”，再修改。")
        )
        self.text.textChanged.connect(self._text_changed)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_text)
        self._loading_text = False
        self._text_dirty = False
        draft = QPushButton(self.tr("按统计数字生成初稿"))
        draft.clicked.connect(self.fill_draft)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")
        tools = QHBoxLayout()
        tools.addWidget(draft)
        tools.addStretch(1)
        tools.addWidget(self.saved_label)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.text, 1)

    def show_festival(self, festival_id: int) -> None:
        """The festival's 总结, what was typed for the one shown before saved first."""
        self.save_text()
        self.festival_id = festival_id
        self._loading_text = True
        self.text.setPlainText(summary_text(self.db, festival_id))
        self._loading_text = False
        self.saved_label.clear()

    def _text_changed(self) -> None:
        if not self._loading_text:
            self._text_dirty = True
            self.saved_label.setText(self.tr("正在保存…"))
            self._save_timer.start()

    def save_text(self) -> None:
        """Keep what the teacher wrote (also when the tab is left or the festival switched)."""
        self._save_timer.stop()
        if not self._text_dirty or not self.festival_id:
            return
        self._text_dirty = False
        festival_id, text = self.festival_id, self.text.toPlainText()
        if self.runner.now(self, lambda: save_summary_text(self.db, festival_id, text)) is FAILED:
            self.saved_label.setText(self.tr("没有保存"))
            return
        self.saved_label.setText(self.tr("已保存"))

    def fill_draft(self) -> None:
        figures = self.figures()
        if figures is None:
            return
        if self.text.toPlainText().strip() and not confirm(
            self, self.tr("生成初稿"), self.tr("用统计数字生成的初稿替换现在的总结吗？")
        ):
            return
        self.text.setPlainText(draft_summary(figures))
        self.save_text()
