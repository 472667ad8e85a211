"""A chart with its table behind it: a bar chart drawn by QtCharts, a toggle to the table of the same
figures, and 复制 to put that table on the clipboard for a spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.summary.report import LEVEL_COLOURS
from fest_desktop.summary.tables import FigureTable
from ui.widgets.table_models import Column, RowTableModel, selectable_table

Row = tuple[object, ...]


def table_columns(header: Sequence[str]) -> list[Column[Row]]:
    return [
        Column(title, lambda row, i=i: row[i], align_center=i > 0)  # type: ignore[misc]
        for i, title in enumerate(header)
    ]


class FigurePanel(QWidget):
    """One figure of the 总结: its title, a chart when a picture says it better (else the table
    alone), the table behind it a click away, and 复制."""

    def __init__(self, title: str, *, has_chart: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_data = FigureTable(title, (), ())
        heading = QLabel(title)
        heading.setObjectName("panelHeading")
        self.toggle = QPushButton(self.tr("看表格"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_table)
        self.toggle.setVisible(has_chart)
        self.copy_button = QPushButton(self.tr("复制"))
        self.copy_button.setToolTip(self.tr("把这张表复制下来，可以直接粘贴到 Excel 或 Word"))
        self.copy_button.clicked.connect(self.copy)
        self.chart = self._new_chart()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(180)
        self.model: RowTableModel[Row] = RowTableModel([], parent=self)
        self.table: QTableView
        self.table, _proxy = selectable_table(self.model, self, stretch="widest")
        self.table.setSortingEnabled(True)
        # Shown first in the core's order (grades, classes in school order), sorted when a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setMinimumHeight(90)
        # Columns fit what the first rows hold: measuring a hundred classes' rows on every refresh costs
        # more than it shows.
        self.table.horizontalHeader().setResizeContentsPrecision(30)
        self.stack = QStackedWidget()
        if has_chart:  # a table-only panel keeps no chart that would ask for its height
            self.stack.addWidget(self.chart_view)
        self.stack.addWidget(self.table)

        tools = QHBoxLayout()
        tools.addWidget(heading)
        tools.addStretch(1)
        tools.addWidget(self.toggle)
        tools.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)

    @staticmethod
    def _new_chart() -> QChart:
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _show_table(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table if table else self.chart_view)
        self.toggle.setText(self.tr("看图表") if table else self.tr("看表格"))

    def set_table(self, table: FigureTable) -> None:
        self.table_data = table
        self.model.set_columns(table_columns(table.header), list(table.rows))

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.table_data.as_text())

    def set_bars(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[float]]],
        *,
        stacked: bool = False,
        horizontal: bool = False,
        suffix: str = "",
    ) -> None:
        """Bars per category, one set per series (stacked when asked; lying down when the categories
        are long names), coloured as the report's."""
        # A fresh chart each time: axes taken off a chart that is shown can leave their drawing behind.
        old = self.chart
        self.chart = self._new_chart()
        self.chart_view.setChart(self.chart)
        old.deleteLater()
        kinds = {
            (False, False): QBarSeries,
            (True, False): QStackedBarSeries,
            (False, True): QHorizontalBarSeries,
            (True, True): QHorizontalStackedBarSeries,
        }
        bars = kinds[(stacked, horizontal)]()
        share = suffix == "%"  # a share never passes 100 %: its labels go inside the bars
        for index, (name, values) in enumerate(series):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in (reversed(values) if horizontal else values)])
            bar_set.setColor(QColor(LEVEL_COLOURS[index % len(LEVEL_COLOURS)]))
            bar_set.setLabelColor(QColor("white" if share else "#33445c"))
            bars.append(bar_set)
        if len(series) == 1:
            bars.setLabelsVisible(True)
            bars.setLabelsFormat("@value" + suffix)
            bars.setLabelsPosition(
                QAbstractBarSeries.LabelsPosition.LabelsInsideEnd
                if share
                else QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
            )
        self.chart.addSeries(bars)
        category_axis = QBarCategoryAxis()
        # Lying bars are read top down, in the order given.
        category_axis.append(list(reversed(categories)) if horizontal else list(categories))
        if not horizontal and len(categories) > 6:
            # Nine grade names side by side fit a narrow chart only in a smaller type.
            small = QFont(category_axis.labelsFont())
            small.setPointSizeF(small.pointSizeF() * 0.8)
            category_axis.setLabelsFont(small)
        value_axis = QValueAxis()
        columns = list(zip(*(values for _name, values in series), strict=True)) or [(0.0,)]
        top = max((sum(col) if stacked else max(col)) for col in columns)
        if share:
            value_axis.setRange(0, 100)
        else:
            value_axis.setRange(0, max(1.0, float(top) * 1.15))
            value_axis.applyNiceNumbers()
        value_axis.setLabelFormat("%d" + suffix)
        # A short chart (two rows of figures on a 768-pixel screen) gives its value axis little room,
        # and Qt would draw its few short numbers as "…".
        value_axis.setTruncateLabels(False)
        bottom, left = (value_axis, category_axis) if horizontal else (category_axis, value_axis)
        self.chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(bottom)
        bars.attachAxis(left)
        self.chart.legend().setVisible(len(series) > 1)
