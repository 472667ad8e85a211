"""Column headings that wrap: a long heading (a criterion's whole name and its points) is shown on as
many lines as its column needs, and the heading row is as tall as its tallest heading, so columns can
stay narrow and no heading is cut. Measured with the fonts actually drawn (a Chinese fallback font
is taller than the Latin font's metrics), so it holds whatever fonts the PC has."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

# The heading row never grows past this many lines: a heading longer than that is cut (its tooltip, if
# the model gives one, still says it all).
MOST_LINES = 6


def wrap_text(text: str, font: QFont, width: int) -> tuple[list[str], float]:
    """text broken into lines no wider than width (at the places Unicode allows: between Chinese
    characters, at spaces, never before a closing bracket), and the height of those lines."""
    lines: list[str] = []
    height = 0.0
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1))
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].strip())
            height += line.height()
        layout.endLayout()
    return lines, height


class WrappingHeaderView(QHeaderView):
    """A horizontal header whose headings wrap to their column's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sectionResized.connect(lambda *_: self.updateGeometry())

    def heading_font(self) -> QFont:
        # Headings are bold in the application's style sheet; measured bold, a plain heading fits too.
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _text(self, logical: int) -> str:
        model = self.model()
        if model is None:
            return ""
        return str(model.headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole) or "")

    def _padding(self, logical: int, text: str) -> QSize:
        """What the style adds around a heading's text (its padding and border)."""
        natural = super().sectionSizeFromContents(logical)
        font = self.heading_font()
        lines, height = wrap_text(text, font, 1 << 20)
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        return QSize(max(natural.width() - widest, 16), max(natural.height() - int(height), 8))

    def wrapped(self, logical: int) -> tuple[str, int]:
        """The heading as drawn in its column's width, and the height it needs."""
        text = self._text(logical)
        padding = self._padding(logical, text)
        lines, height = wrap_text(text, self.heading_font(), self.sectionSize(logical) - padding.width())
        if len(lines) > MOST_LINES:
            height = height * MOST_LINES / len(lines)
            lines = lines[:MOST_LINES]
        return "\n".join(lines), int(height + 0.999) + padding.height()

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        natural = super().sectionSizeFromContents(logicalIndex)
        return QSize(natural.width(), max(natural.height(), self.wrapped(logicalIndex)[1]))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        tallest = max(
            (self.wrapped(i)[1] for i in range(self.count()) if not self.isSectionHidden(i)), default=0
        )
        return QSize(hint.width(), max(hint.height(), tallest))

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        option.text = self.wrapped(logicalIndex)[0]
