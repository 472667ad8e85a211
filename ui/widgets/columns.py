"""Column widths for every table: each column as wide as what it holds (within reason), and one column
(the title, the name — the one whose text is longest) taking the width that is left, so a wide screen
shows long titles whole and a narrow one still shows every short column."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from ui.widgets.headers import WrappingHeaderView

# A column other than the one that stretches is never wider than this many characters (a longer text is
# cut with …; the column can be widened by hand).
WIDEST_CHARS = 16
# The stretching column keeps at least this many characters when the others take the width.
LEAST_CHARS = 8
# On a narrow screen a long column gives up its width down to this many characters before the
# stretching column does.
COMPACT_CHARS = 6
# Room beside a cell's text, so that neighbouring columns do not read as one.
PADDING = 14
# Rows measured for a column's width: measuring thousands of rows stalls each reload.
MEASURED_ROWS = 100


# Which column takes the width left: its number (-1: the last), the one whose contents are widest, or none.
Stretch = int | Literal["widest"] | None


class ColumnFitter(QObject):
    """Sizes view's columns when its rows change and spreads the width that is left over the stretching
    column when the view is resized. Columns stay resizable by hand until the rows are reloaded."""

    def __init__(self, view: QTableView, stretch: Stretch = None, widest_chars: int = WIDEST_CHARS) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.widest_chars = widest_chars
        self.stretching: int | None = None  # the stretching column, as last measured
        self.natural: list[int] = []  # each column's width when there is room
        self.compact: list[int] = []  # its width on a narrow screen
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self._watch_model()

    def _watch_model(self) -> None:
        model = self.view.model()
        if model is None:
            return
        for changed in (model.modelReset, model.rowsInserted, model.columnsInserted, model.columnsRemoved):
            changed.connect(self.fit)
        model.headerDataChanged.connect(self.fit)

    def fit(self, *_args: object) -> None:
        """Measure every column from its heading and its first rows, then spread the width."""
        model = self.view.model()
        header = self.view.horizontalHeader()
        if model is None:
            return
        character = self.view.fontMetrics().horizontalAdvance("字")
        widest = character * self.widest_chars
        headings, contents = [], []
        for column in range(model.columnCount()):
            heading = header.sectionSizeHint(column)
            if isinstance(header, WrappingHeaderView) and header.line_characters:
                heading = min(heading, header.width_for(header.line_characters))  # it wraps
            headings.append(heading)
            contents.append(self.view.sizeHintForColumn(column) + PADDING)
        count = len(contents)
        if self.stretch == "widest":
            self.stretching = max(range(count), key=lambda c: contents[c], default=None)
        elif self.stretch is not None and -count <= self.stretch < count:
            self.stretching = self.stretch % count
        else:
            self.stretching = None
        self.natural = [
            max(heading, content if column == self.stretching else min(content, widest))
            for column, (heading, content) in enumerate(zip(headings, contents, strict=True))
        ]
        self.compact = [
            min(natural, max(heading, character * COMPACT_CHARS))
            for natural, heading in zip(self.natural, headings, strict=True)
        ]
        self.spread()

    def spread(self) -> None:
        """Share the view's width: when there is room, every column as wide as it asks and the stretching
        one taking the rest; when there is not, the long columns give up width first (down to a few
        characters), then the stretching one (down to LEAST_CHARS), and the table scrolls sideways."""
        header = self.view.horizontalHeader()
        if len(self.natural) != header.count():
            return
        stretch = self.stretching
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        widths = {c: self.natural[c] for c in shown}
        room = self.view.viewport().width()
        if stretch is not None and stretch in widths:
            character = self.view.fontMetrics().horizontalAdvance("字")
            wanted = min(self.natural[stretch], character * WIDEST_CHARS)
            others = [c for c in shown if c != stretch]
            spare = room - wanted - sum(widths[c] for c in others)
            if spare < 0:  # the long columns give up what the stretching one needs, as far as they can
                slack = {c: widths[c] - self.compact[c] for c in others}
                total = sum(slack.values())
                for column in others:
                    if total > 0:
                        widths[column] -= min(slack[column], -spare * slack[column] // total + 1)
            left = room - sum(widths[c] for c in others)
            least = min(self.natural[stretch], character * LEAST_CHARS)
            widths[stretch] = max(least, left)
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Compared with the viewport kept, not asked of the view: events still arrive while it is deleted.
        if watched is self._viewport and event.type() == QEvent.Type.Resize and self.natural:
            self.spread()
        return super().eventFilter(watched, event)


def fit_columns(
    view: QTableView, stretch: Stretch = None, *, widest_chars: int = WIDEST_CHARS
) -> ColumnFitter:
    """Keep view's columns fitted to their contents from now on (each at most widest_chars wide), the
    column stretch taking what is left (view has its model already)."""
    fitter = ColumnFitter(view, stretch, widest_chars)
    fitter.fit()
    return fitter
