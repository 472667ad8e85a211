"""A one-line label for text the teacher types (a festival's or a competition's name): however long
the name, it is cut with "…" rather than making the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """Shows its text whole when there is room, else cut at the end with "…" and whole in its tooltip.
    It asks for its whole width, and needs only room for a few characters."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, least_chars: int = 6) -> None:
        super().__init__(text, parent)
        self._least_chars = least_chars
        self._own_tooltip = ""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        least = (
            self.fontMetrics().horizontalAdvance("字" * self._least_chars) + margins.left() + margins.right()
        )
        return QSize(min(hint.width(), least), hint.height())

    def setToolTip(self, text: str) -> None:
        self._own_tooltip = text
        self._show_tooltip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._show_tooltip()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_tooltip()

    def is_cut(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _show_tooltip(self) -> None:
        cut = self.text() if self.is_cut() else ""
        super().setToolTip("\n".join(filter(None, (cut, self._own_tooltip))))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.is_cut():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        self.style().drawItemText(
            painter,
            area,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            QPalette.ColorRole.WindowText,
        )
