"""统计与总结: how the festival went at a glance — participation, entries, judging, awards, the works
recommended to the district and last year beside this one — with the 总结 text, the report and the
推荐作品上报表."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import EVERYTHING, Changed
from fest_desktop.errors import FestError
from fest_desktop.school.festivals import get_festival
from fest_desktop.storage.database import Database
from fest_desktop.summary import tables
from fest_desktop.summary.district import district_templates, write_district_list
from fest_desktop.summary.figures import SummaryFigures, summary_figures
from fest_desktop.summary.report import write_summary_report
from ui.operations import ChangeFollower, Runner
from ui.summary.charts import FigurePanel
from ui.summary.text_page import SummaryTextPage
from ui.widgets.file_dialogs import ask_save_path
from ui.widgets.forms import set_button_menu
from ui.widgets.messages import tell_saved


class StatCard(QFrame):
    """One headline figure, big, with what it was last year under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.value = QLabel("—")
        self.value.setObjectName("statValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("statCaption")
        self.before = QLabel()
        self.before.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.before)

    def show_value(self, value: str, before: str | None) -> None:
        # A count in several units (295 件 · 24 期 · 24 队) is set smaller, so that the row of cards
        # fits a 1024-pixel screen.
        self.value.setObjectName("statValueSmall" if " · " in value else "statValue")
        self.value.style().unpolish(self.value)  # the style sheet's rule for the new object name
        self.value.style().polish(self.value)
        self.value.setText(value)
        self.before.setText(self.tr("上届 {0}").format(before) if before is not None else "")


def units_text(by_unit: dict[str, int]) -> str:
    """A card's count in its units: 300 件 · 24 期 · 19 队."""
    return " · ".join(f"{count} {unit}" for unit, count in by_unit.items()) or "0"


class SummaryTab(QWidget):
    """The festival in figures and charts, the 总结 and its documents. The figures are counted on the
    runner's worker, afresh whenever what they count has changed (while the tab is on screen, else
    when it is next shown)."""

    FOLLOWS = EVERYTHING & ~(Changed.CALENDAR | Changed.CERTIFICATES | Changed.PHONES)

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.figures: SummaryFigures | None = None
        self._filled: set[int] = set()  # the sections filled from the figures counted last
        # While the figures are counted, changes wait for one more count after it (scores arrive fast).
        self._counting = False
        self._count_again = False

        self.cards = {
            key: StatCard(caption)
            for key, caption in (
                ("classes", self.tr("参加班级")),
                ("participants", self.tr("参加学生")),
                ("share", self.tr("参与率")),
                ("entries", self.tr("作品")),
                ("awards", self.tr("获奖")),
                ("recommended", self.tr("推荐上级比赛")),
            )
        }
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card, 1)

        refresh = QPushButton(self.tr("刷新"))
        refresh.setToolTip(self.tr("重新统计（评分、评奖有变化后）"))
        refresh.clicked.connect(self.refresh)
        self.report_button = QPushButton(self.tr("总结报告"))
        report_menu = QMenu(self.report_button)
        report_menu.addAction(self.tr("总结报告（PDF）…"), lambda: self._save_report(".pdf"))
        report_menu.addAction(self.tr("总结报告（Excel，每张表一页）…"), lambda: self._save_report(".xlsx"))
        set_button_menu(self.report_button, report_menu)
        cards.addWidget(refresh)
        cards.addWidget(self.report_button)

        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self.sections.addTab(self._participation_page(), self.tr("参与情况"))
        self.sections.addTab(self._entries_page(), self.tr("作品与评审"))
        self.sections.addTab(self._awards_page(), self.tr("获奖情况"))
        self.sections.addTab(self._recommended_page(), self.tr("推荐与上报"))
        self.sections.addTab(self._practice_page(), self.tr("科普实践"))
        self.sections.addTab(self._teachers_page(), self.tr("教师比赛"))
        self.sections.addTab(self._years_page(), self.tr("历年比较"))
        self.text_page = SummaryTextPage(db, runner, lambda: self.figures)
        self.sections.addTab(self.text_page, self.tr("总结"))
        self.sections.currentChanged.connect(self._fill_section)

        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addWidget(self.sections, 1)

    # ------------------------------------------------------------ pages

    def _participation_page(self) -> QWidget:
        self.grade_panel = FigurePanel(self.tr("各年级参与率"))
        self.class_panel = FigurePanel(self.tr("各班参与情况"), has_chart=False)
        self.silent = QLabel()
        self.silent.setWordWrap(True)
        self.silent.setObjectName("warningText")
        page = QWidget()
        layout = QGridLayout(page)
        layout.addWidget(self.grade_panel, 0, 0)
        layout.addWidget(self.class_panel, 0, 1)
        layout.addWidget(self.silent, 1, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        return page

    def _entries_page(self) -> QWidget:
        self.competition_panel = FigurePanel(self.tr("各项目作品数（按学部）"))
        self.judging_panel = FigurePanel(self.tr("评审进度（已评完的百分比）"))
        self.show_judges = QCheckBox(self.tr("显示评委打分偏差（仅供组织者查看，不进入总结报告）"))
        self.judges_panel = FigurePanel(self.tr("评委打分偏差"), has_chart=False)
        self.judges_panel.hide()
        self.show_judges.toggled.connect(self.judges_panel.setVisible)
        page = QWidget()
        layout = QGridLayout(page)
        layout.addWidget(self.competition_panel, 0, 0)
        layout.addWidget(self.judging_panel, 0, 1)
        layout.addWidget(self.show_judges, 1, 0, 1, 2)
        layout.addWidget(self.judges_panel, 2, 0, 1, 2)
        return page

    def _awards_page(self) -> QWidget:
        self.grade_awards_panel = FigurePanel(self.tr("各年级获奖（按等级）"))
        self.class_awards_panel = FigurePanel(self.tr("各班获奖"), has_chart=False)
        self.named_panel = FigurePanel(self.tr("集体奖、优秀组织奖与科技辅导员奖"), has_chart=False)
        self.points_panel = FigurePanel(self.tr("班级考核积分"), has_chart=False)
        page = QWidget()
        layout = QGridLayout(page)
        layout.addWidget(self.grade_awards_panel, 0, 0, 1, 2)
        layout.addWidget(self.class_awards_panel, 0, 2)
        layout.addWidget(self.named_panel, 1, 0)
        layout.addWidget(self.points_panel, 1, 1, 1, 2)
        for column in range(3):
            layout.setColumnStretch(column, 1)
        return page

    def _recommended_page(self) -> QWidget:
        self.recommended_panel = FigurePanel(self.tr("推荐参加上级比赛的作品"), has_chart=False)
        self.recommended_counts_panel = FigurePanel(self.tr("按学部、个人或团体统计"), has_chart=False)
        self.template = QComboBox()
        self.district_button = QPushButton(self.tr("生成推荐作品上报表"))
        district_menu = QMenu(self.district_button)
        district_menu.addAction(self.tr("上报表（Excel）…"), lambda: self._save_district(".xlsx"))
        district_menu.addAction(self.tr("上报表（PDF，签字盖章用）…"), lambda: self._save_district(".pdf"))
        set_button_menu(self.district_button, district_menu)
        columns = QPushButton(self.tr("调整列与模板…"))
        columns.clicked.connect(self._edit_columns)
        hint = QLabel(
            self.tr("在「奖项与证书 → 获奖名单」中推荐作品、记录上级比赛结果；作品说明在「作品报名」中填写。")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("上报表模板")))
        tools.addWidget(self.template)
        tools.addWidget(columns)
        tools.addWidget(self.district_button)
        tools.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(tools)
        layout.addWidget(hint)
        layout.addWidget(self.recommended_panel, 3)
        layout.addWidget(self.recommended_counts_panel, 1)
        return page

    def _practice_page(self) -> QWidget:
        self.practice_panel = FigurePanel(self.tr("科普实践各项目完成率"))
        self.practice_grades_panel = FigurePanel(self.tr("各年级完成率"), has_chart=False)
        self.practice_classes_panel = FigurePanel(self.tr("各班完成率"), has_chart=False)
        hint = QLabel(self.tr("在「作品报名 → 科普实践」中逐班勾选，或导出实践表请班主任填写后导入。"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        page = QWidget()
        layout = QGridLayout(page)
        layout.addWidget(hint, 0, 0, 1, 2)
        # The chart the whole height: lying bars hide their names when a row is lower than the text.
        layout.addWidget(self.practice_panel, 1, 0, 2, 1)
        layout.addWidget(self.practice_grades_panel, 1, 1)
        layout.addWidget(self.practice_classes_panel, 2, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        return page

    def _teachers_page(self) -> QWidget:
        self.teachers_panel = FigurePanel(self.tr("教师比赛（不计入学生的参与和获奖）"), has_chart=False)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.teachers_panel, 1)
        return page

    def _years_page(self) -> QWidget:
        self.years_panel = FigurePanel(self.tr("本届与上届"))
        self.no_previous = QLabel(
            self.tr("数据文件中没有往届科技节。下一届用「新建科技节」并复制本届设置，明年这里就能对比。")
        )
        self.no_previous.setObjectName("hint")
        self.no_previous.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.no_previous)
        layout.addWidget(self.years_panel, 1)
        return page

    # ------------------------------------------------------------ showing

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.text_page.show_festival(festival_id)
        self.follower.take(self.FOLLOWS)

    def _changed(self, changes: Changed, origin: QObject | None) -> None:
        if changes & Changed.SUMMARY and origin is not None and origin is not self:
            self._show_templates()  # a district template saved
        if changes & ~Changed.SUMMARY or origin is None:
            self.refresh()

    def refresh(self) -> None:
        """Count everything afresh and show it: the cards and the section on screen now, each other
        section when it is opened (a hundred classes' tables are not filled for nothing)."""
        if not self.festival_id:
            return
        if self._counting:
            self._count_again = True
            return
        self._counting = True
        festival_id = self.festival_id
        self.runner.produce(
            self,
            lambda: summary_figures(self.db, festival_id),
            lambda figures: self._counted(festival_id, figures),
            label=self.tr("正在统计…"),
            failed=self._count_failed,
        )

    def _counted(self, festival_id: int, figures: SummaryFigures) -> None:
        self._counting = False
        if self._count_again or festival_id != self.festival_id:
            self._count_again = False
            self.refresh()
            return
        self.figures = figures
        self._filled = set()
        self._show_cards(figures)
        self._fill_section(self.sections.currentIndex())

    def _count_failed(self, _error: FestError | None) -> None:
        self._counting = self._count_again = False

    def _fill_section(self, index: int) -> None:
        figures = self.figures
        if figures is None or index in self._filled:
            return
        self._filled.add(index)
        match index:
            case 0:
                self._fill_participation(figures)
            case 1:
                self._fill_entries(figures)
            case 2:
                self._fill_awards(figures)
            case 3:
                self.recommended_panel.set_table(tables.recommended_table(figures))
                self.recommended_counts_panel.set_table(tables.recommended_counts_table(figures))
                self._show_templates()
            case 4:
                self._fill_practice(figures)
            case 5:
                self.teachers_panel.set_table(tables.teacher_contests_table(figures))
            case 6:
                self._show_years(figures)

    def _fill_participation(self, figures: SummaryFigures) -> None:
        grades = figures.grades
        self.grade_panel.set_table(tables.grade_table(figures))
        self.grade_panel.set_bars(
            [g.grade for g in grades],
            [(self.tr("参与率"), [round(g.share * 100) for g in grades])],
            suffix="%",
        )
        self.class_panel.set_table(tables.class_table(figures))
        self.silent.setText(
            self.tr("还没有报名任何比赛的班级：{0}").format("、".join(figures.silent_classes))
            if figures.silent_classes
            else ""
        )

    def _fill_practice(self, figures: SummaryFigures) -> None:
        items = figures.practice.items if figures.practice else []
        self.practice_panel.set_table(tables.practice_items_table(figures))
        self.practice_panel.set_bars(
            [item.name for item in items],
            [(self.tr("完成率"), [round(item.tally.share * 100) for item in items])],
            horizontal=True,
            suffix="%",
        )
        self.practice_grades_panel.set_table(tables.practice_grades_table(figures))
        self.practice_classes_panel.set_table(tables.practice_classes_table(figures))

    def _fill_entries(self, figures: SummaryFigures) -> None:
        sections = tables.sections_of(figures)
        competitions = figures.competitions
        self.competition_panel.set_table(tables.competition_table(figures))
        self.competition_panel.set_bars(
            [c.name for c in competitions],
            [(s, [c.by_section.get(s, 0) for c in competitions]) for s in sections],
            stacked=True,
            horizontal=True,
        )
        scored = [c for c in competitions if c.scored]
        self.judging_panel.set_table(tables.competition_table(figures))
        self.judging_panel.set_bars(
            [c.name for c in scored],
            [(self.tr("已评完"), [round(c.judging_share * 100) for c in scored])],
            horizontal=True,
            suffix="%",
        )
        self.judges_panel.set_table(tables.judges_table(figures))

    def _fill_awards(self, figures: SummaryFigures) -> None:
        grades = figures.grades
        self.grade_awards_panel.set_table(tables.grade_awards_table(figures))
        self.grade_awards_panel.set_bars(
            [g.grade for g in grades],
            [
                (level, [figures.awards_by_grade.get(g.grade, {}).get(level, 0) for g in grades])
                for level in figures.levels
            ],
            stacked=True,
        )
        self.class_awards_panel.set_table(tables.class_awards_table(figures))
        self.named_panel.set_table(tables.named_awards_table(figures))
        self.points_panel.set_table(tables.points_ranking_table(figures))

    def _show_cards(self, figures: SummaryFigures) -> None:
        now, before = figures.headline, figures.previous
        awarded: dict[str, int] = {}
        for units in now.awards_by_unit.values():
            for unit, count in units.items():
                awarded[unit] = awarded.get(unit, 0) + count
        before_awarded: dict[str, int] = {}
        for units in before.awards_by_unit.values() if before else ():
            for unit, count in units.items():
                before_awarded[unit] = before_awarded.get(unit, 0) + count
        values = {
            "classes": (
                f"{now.classes_taking_part}/{now.classes}",
                before and f"{before.classes_taking_part}",
            ),
            "participants": (str(now.participants), before and str(before.participants)),
            "share": (tables.percent(now.share), before and tables.percent(before.share)),
            # Works, boards and quiz teams each in their unit: 300 件 · 24 期 · 19 队.
            "entries": (units_text(now.entries_by_unit), before and units_text(before.entries_by_unit)),
            "awards": (units_text(awarded), before and units_text(before_awarded)),
            "recommended": (str(now.recommended), before and str(before.recommended)),
        }
        for key, (value, previous) in values.items():
            self.cards[key].show_value(value, previous or None)

    def _show_years(self, figures: SummaryFigures) -> None:
        before = figures.previous
        self.no_previous.setVisible(before is None)
        self.years_panel.setVisible(before is not None)
        self.years_panel.set_table(tables.overview_table(figures))
        if before is None:
            return
        now = figures.headline
        categories = [self.tr("参加学生"), self.tr("作品"), *figures.levels]
        self.years_panel.set_bars(
            categories,
            [
                (
                    self.tr("上届"),
                    [
                        before.participants,
                        before.entries,
                        *(before.awards.get(lv, 0) for lv in figures.levels),
                    ],
                ),
                (
                    self.tr("本届"),
                    [now.participants, now.entries, *(now.awards.get(lv, 0) for lv in figures.levels)],
                ),
            ],
        )

    def _show_templates(self) -> None:
        chosen = self.template.currentText()
        self.template.clear()
        self.template.addItems(list(district_templates(self.db)))
        index = self.template.findText(chosen)
        self.template.setCurrentIndex(max(index, 0))

    def hideEvent(self, event: object) -> None:
        self.text_page.save_text()  # what was typed is kept when the tab is left
        super().hideEvent(event)  # type: ignore[arg-type]

    # ------------------------------------------------------------ documents

    def _save_report(self, suffix: str) -> None:
        self.text_page.save_text()  # the report carries the 总结 as typed
        festival = get_festival(self.db, self.festival_id)
        file_filter = "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)"
        path = ask_save_path(self, self.tr("总结报告"), f"{festival.name}总结报告", suffix, file_filter)
        if path is not None:
            self.write_report(path)

    def write_report(self, path: Path) -> None:
        festival_id = self.festival_id
        self.runner.produce(
            self,
            lambda: write_summary_report(self.db, festival_id, path),
            lambda _written: tell_saved(self, self.tr("已生成总结报告。"), path),
            label=self.tr("正在生成总结报告…"),
        )

    def _save_district(self, suffix: str) -> None:
        festival = get_festival(self.db, self.festival_id)
        file_filter = "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)"
        path = ask_save_path(
            self, self.tr("推荐作品上报表"), f"{festival.name}推荐作品上报表", suffix, file_filter
        )
        if path is not None:
            self.write_district(path)

    def write_district(self, path: Path) -> None:
        columns = district_templates(self.db).get(self.template.currentText())
        if columns is None:
            return
        festival_id = self.festival_id
        self.runner.produce(
            self,
            lambda: write_district_list(self.db, festival_id, path, columns),
            lambda count: tell_saved(self, self.tr("已生成推荐作品上报表，共 {0} 件。").format(count), path),
            label=self.tr("正在生成推荐作品上报表…"),
        )

    def _edit_columns(self) -> None:
        from ui.summary.district_dialog import DistrictColumnsDialog

        dialog = DistrictColumnsDialog(self.db, self.runner, self.template.currentText(), self)
        if dialog.exec():
            self._show_templates()
            self.template.setCurrentIndex(max(self.template.findText(dialog.saved_name), 0))
