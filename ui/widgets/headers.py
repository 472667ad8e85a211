"""Column headings that wrap: a long heading (a criterion's whole name and its points) is shown on as
many lines as its column needs, and the heading row is as tall as its tallest heading, so columns can
stay narrow and no heading is cut. Measured with the fonts actually drawn (a Chinese fallback font
is taller than the Latin font's metrics), so it holds whatever fonts the PC has."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

# The heading row never grows past this many lines: a heading longer than that is cut (its tooltip, if
# the model gives one, still says it all).
MOST_LINES = 6


def wrap_text(text: str, font: QFont, width: int) -> tuple[list[str], float]:
    """text broken into lines no wider than width (at the places Unicode allows: between Chinese
    characters, at spaces, never before a closing bracket), and the height of those lines. A paragraph
    that takes several lines is balanced (逾期未/完成, not 逾期未完/成)."""
    return _wrapped(text, font.toString(), max(width, 1))


@lru_cache(maxsize=1024)
def _wrapped(text: str, font_description: str, width: int) -> tuple[list[str], float]:
    font = QFont()
    font.fromString(font_description)
    lines: list[str] = []
    height = 0.0
    for paragraph in text.split("\n"):
        shown, tall = _lay_out(paragraph, font, width)
        if len(shown) > 1:  # the narrowest width that keeps as few lines
            low, high = 1, width
            while low < high:
                middle = (low + high) // 2
                if len(_lay_out(paragraph, font, middle)[0]) <= len(shown):
                    high = middle
                else:
                    low = middle + 1
            shown, tall = _lay_out(paragraph, font, low)
        lines.extend(shown)
        height += tall
    return lines, height


def _lay_out(paragraph: str, font: QFont, width: int) -> tuple[list[str], float]:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(paragraph, font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()].strip())
        height += line.height()
    layout.endLayout()
    return lines, height


class WrappingHeaderView(QHeaderView):
    """A horizontal header whose headings wrap to their column's width."""

    def __init__(self, parent: QWidget | None = None, *, line_characters: int = 0) -> None:
        """line_characters: the columns' width, as the Chinese characters each line of a heading holds
        (0: Qt's default width)."""
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.line_characters = line_characters
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sectionResized.connect(lambda *_: self.updateGeometry())

    def event(self, event: QEvent) -> bool:
        # The width of a line is known once the style sheet has given the header its font and padding.
        if self.line_characters and event.type() in (
            QEvent.Type.Polish,
            QEvent.Type.StyleChange,
            QEvent.Type.FontChange,
        ):
            self.setDefaultSectionSize(self.width_for(self.line_characters))
        return super().event(event)

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

    def _room_around_text(self, logical: int) -> QSize:
        """What the style takes around a heading's text (its margins, padding and border)."""
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.section = logical
        whole = QRect(0, 0, 1000, 1000)
        option.rect = whole
        label = self.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, self)
        return QSize(whole.width() - label.width(), whole.height() - label.height())

    def width_for(self, characters: int) -> int:
        """A column's width that holds this many Chinese characters on each line of its heading."""
        return self.width_for_line("字" * characters)

    def width_for_line(self, line: str) -> int:
        """A column's width that holds this line of a heading unbroken."""
        room = self._room_around_text(0).width()
        return QFontMetrics(self.heading_font()).horizontalAdvance(line) + room + 2

    def wrapped(self, logical: int) -> tuple[str, int]:
        """The heading as drawn in its column's width, and the height it needs."""
        room = self._room_around_text(logical)
        lines, height = wrap_text(
            self._text(logical), self.heading_font(), self.sectionSize(logical) - room.width()
        )
        if len(lines) > MOST_LINES:
            height = height * MOST_LINES / len(lines)
            lines = lines[:MOST_LINES]
        return "\n".join(lines), int(height + 0.999) + room.height()

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
