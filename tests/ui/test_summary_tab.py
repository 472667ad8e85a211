"""统计与总结 in the window: the same figures as the core, each chart's table a click away and copied
as a spreadsheet takes it, the 总结 saved as it is typed, the report and the district list in a
district's own columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fest_desktop.storage.database import Database
from fest_desktop.summary.district import district_templates
from fest_desktop.summary.figures import summary_figures
from fest_desktop.summary.text import summary_text
from tests.core.test_summary import Known, known  # noqa: F401 - the festival counted by hand
from tests.pdf_checks import page_count
from tests.ui.conftest import settled
from ui.operations import Runner
from ui.summary.district_dialog import DistrictColumnsDialog
from ui.summary.tab import SummaryTab


def make_tab(qtbot: QtBot, db: Database, festival_id: int) -> SummaryTab:
    tab = SummaryTab(db, Runner())
    qtbot.addWidget(tab)
    tab.resize(1280, 700)
    tab.show()
    tab.show_festival(festival_id)
    settled(qtbot, tab.runner)
    return tab


def test_the_tab_shows_the_figures_counted_by_hand(qtbot: QtBot, db: Database, known: Known) -> None:  # noqa: F811
    tab = make_tab(qtbot, db, known.festival_id)
    assert tab.cards["classes"].value.text() == "2/4"
    assert (
        tab.cards["participants"].value.text() == "4" and tab.cards["participants"].before.text() == "上届 1"
    )
    # Works, and the robot team, each counted in its unit; its award too.
    assert (
        tab.cards["entries"].value.text() == "3 件 · 1 队"
        and tab.cards["awards"].value.text() == "2 件 · 1 队"
    )
    assert "五年级(1)班、初一(1)班" in tab.silent.text()
    # The chart's table is the core's table, a click away; 复制 puts it on the clipboard as rows of tabs.
    panel = tab.grade_panel
    assert panel.stack.currentWidget() is panel.chart_view
    panel.toggle.click()
    assert panel.stack.currentWidget() is panel.table and panel.toggle.text() == "看图表"
    assert [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())] == [
        "三年级",
        "五年级",
        "初一",
    ]
    panel.copy()
    assert QGuiApplication.clipboard().text().splitlines()[1] == "三年级\t小学\t2\t5\t4\t80%\t4"
    bars = panel.chart.series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [80.0, 0.0, 0.0]
    # A chart two rows high on a small screen still shows its numbers, not "…".
    value_axes = [axis for axis in panel.chart.axes() if isinstance(axis, QValueAxis)]
    assert value_axes and not any(axis.truncateLabels() for axis in value_axes)
    # Each section is filled when it is opened; the judges' spread only when the organiser asks.
    assert tab.judges_panel.model.rowCount() == 0
    tab.sections.setCurrentIndex(1)
    assert tab.judges_panel.model.rowCount() == 0  # 手抛飞机 is measured: no judges to compare
    assert tab.competition_panel.model.rowCount() == 3
    assert tab.judges_panel.isHidden()
    tab.show_judges.setChecked(True)
    assert not tab.judges_panel.isHidden()
    tab.sections.setCurrentIndex(6)
    assert not tab.years_panel.isHidden() and tab.no_previous.isHidden()
    tab.sections.setCurrentIndex(3)
    recommended = tab.recommended_panel.model
    assert [recommended.index(r, 0).data() for r in range(recommended.rowCount())] == ["FJ-0001", "JQ-0001"]


def test_the_summary_is_saved_as_typed_and_drafted_from_the_figures(
    qtbot: QtBot,
    db: Database,
    known: Known,  # noqa: F811
    shown: dict[str, Any],
) -> None:
    tab = make_tab(qtbot, db, known.festival_id)
    tab.sections.setCurrentIndex(7)
    tab.text_page.text.insertPlainText("本届科技节圆满结束")  # as an input method commits it
    qtbot.waitUntil(lambda: summary_text(db, known.festival_id) == "本届科技节圆满结束", timeout=3000)
    assert tab.text_page.saved_label.text() == "已保存"
    tab.text_page.text.appendPlainText("感谢各位老师。")
    tab.hide()  # leaving the tab saves at once
    assert summary_text(db, known.festival_id) == "本届科技节圆满结束\n感谢各位老师。"
    tab.show()
    shown["answer"] = False
    tab.text_page.fill_draft()
    assert "用统计数字生成的初稿替换" in shown["questions"][-1]
    assert summary_text(db, known.festival_id).startswith("本届科技节圆满结束")
    shown["answer"] = True
    tab.text_page.fill_draft()
    assert "收到作品 3 件、参赛队 1 队" in summary_text(db, known.festival_id)


def test_report_and_district_list_from_the_window(
    qtbot: QtBot,
    db: Database,
    known: Known,  # noqa: F811
    shown: dict[str, Any],
    tmp_path: Path,
) -> None:
    tab = make_tab(qtbot, db, known.festival_id)
    report = tmp_path / "总结报告.pdf"
    tab.write_report(report)
    settled(qtbot, tab.runner)
    assert page_count(report) >= 3 and not shown["errors"]
    dialog = DistrictColumnsDialog(db, tab.runner, "默认", tab)
    qtbot.addWidget(dialog)
    for row in range(dialog.columns.count()):
        item = dialog.columns.item(row)
        keep = item.text() in ("序号", "作品题目", "作者", "说明")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.columns.setCurrentRow(
        next(r for r in range(dialog.columns.count()) if dialog.columns.item(r).text() == "说明")
    )
    dialog._move(-1)  # the order is changed before saving: 说明 one place up
    dialog.name.setText("城南区")
    dialog.save()
    assert district_templates(db)["城南区"] == tuple(dialog.chosen_columns())
    assert set(dialog.chosen_columns()) == {"序号", "作品题目", "作者", "说明"}
    tab._show_templates()
    tab.template.setCurrentIndex(tab.template.findText("城南区"))
    listing = tmp_path / "上报表.xlsx"
    tab.write_district(listing)
    settled(qtbot, tab.runner)
    from openpyxl import load_workbook

    assert [c.value for c in load_workbook(listing)["推荐作品"][2]] == list(dialog.chosen_columns())
    assert summary_figures(db, known.festival_id).headline.recommended == 2
