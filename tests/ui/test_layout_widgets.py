"""The shared pieces that keep the window within small screens: fitted columns, wrapping headings, cut
labels and scrolling panels."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.columns import LEAST_CHARS, fit_columns
from ui.widgets.headers import WrappingHeaderView, wrap_text
from ui.widgets.labels import ElidedLabel
from ui.widgets.scrolling import ScrollingPanel
from ui.widgets.table_models import Column, RowTableModel


@dataclass(frozen=True)
class Work:
    code: str
    title: str
    audience: str


WORKS = [
    Work(
        f"XZ-{n:04}",
        "用废旧纸盒做的自动浇花器与雨水收集装置" if n == 3 else "声控小夜灯",
        "五年级、六年级、初一、初二",
    )
    for n in range(1, 30)
]


def works_table(qtbot: QtBot, width: int) -> QTableView:
    model: RowTableModel[Work] = RowTableModel(
        [
            Column("编号", lambda w: w.code),
            Column("作品题目", lambda w: w.title),
            Column("参加对象", lambda w: w.audience),
        ]
    )
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    fit_columns(view, stretch=1)
    view.resize(width, 300)
    view.show()
    qtbot.waitExposed(view)
    model.set_rows(WORKS)
    return view


def test_on_a_wide_table_every_column_shows_whole_and_the_title_takes_the_rest(qtbot: QtBot) -> None:
    view = works_table(qtbot, 1200)
    header = view.horizontalHeader()
    for column in range(3):
        assert header.sectionSize(column) >= view.sizeHintForColumn(column)
    assert sum(header.sectionSize(c) for c in range(3)) == view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0


def test_on_a_narrow_table_the_long_columns_give_way_before_the_title(qtbot: QtBot) -> None:
    view = works_table(qtbot, 420)
    header = view.horizontalHeader()
    character = view.fontMetrics().horizontalAdvance("字")
    assert header.sectionSize(1) >= character * LEAST_CHARS
    assert header.sectionSize(2) < view.sizeHintForColumn(2)  # 参加对象 cut before the title is
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)  # a short column stays whole
    view.resize(1200, 300)  # a wider window: everything whole again
    qtbot.waitUntil(lambda: header.sectionSize(2) >= view.sizeHintForColumn(2))


def test_a_wrapping_heading_shows_its_whole_text_on_lines_of_its_columns_width(qtbot: QtBot) -> None:
    model: RowTableModel[Work] = RowTableModel([Column("刊头超过版面1/4\n至多扣5", lambda w: w.code)])
    view = QTableView()
    qtbot.addWidget(view)
    header = WrappingHeaderView(view, line_characters=4)
    view.setHorizontalHeader(header)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    shown, height = header.wrapped(0)
    assert shown.replace("\n", "") == "刊头超过版面1/4至多扣5"
    assert shown.count("\n") >= 2 and header.height() >= height
    _lines, one_line = wrap_text("刊头", header.heading_font(), 1000)
    assert height > 3 * one_line
    header.resizeSection(0, 600)  # wide enough for the name on one line: the heading row shrinks
    qtbot.waitUntil(lambda: header.wrapped(0)[0] == "刊头超过版面1/4\n至多扣5")


def test_a_long_name_is_cut_rather_than_widening_its_window(qtbot: QtBot) -> None:
    label = ElidedLabel("启明实验学校" * 20)
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < 200 < label.sizeHint().width()
    label.resize(200, 30)
    label.show()
    assert label.is_cut() and label.toolTip() == "启明实验学校" * 20
    label.setText("第十届")
    assert not label.is_cut() and label.toolTip() == ""


def test_a_scrolling_panel_keeps_its_fields_width_and_needs_little_height(qtbot: QtBot) -> None:
    form = QWidget()
    layout = QFormLayout(form)
    for number in range(20):
        field = QLineEdit()
        field.setMinimumWidth(300)
        layout.addRow(f"第{number}项", field)
    panel = ScrollingPanel(form)
    qtbot.addWidget(panel)
    assert panel.minimumSizeHint().width() >= form.minimumSizeHint().width()
    assert panel.minimumSizeHint().height() < form.minimumSizeHint().height() // 4
    panel.resize(panel.minimumSizeHint().width(), 200)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.verticalScrollBar().maximum() > 0 and form.width() <= panel.viewport().width()
