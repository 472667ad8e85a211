"""作品报名: the entries table with its edit panel, each class's progress against the quotas (and its
科普实践), the competitions, and every pupil's 科普实践."""

from __future__ import annotations

from typing import Any, assert_never

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.errors import FestError
from fest_desktop.practice.kinds import Completion
from fest_desktop.practice.progress import ClassProgress, practice_progress
from fest_desktop.registration.competitions import CompetitionInfo, list_competitions
from fest_desktop.registration.entries import EntryInfo, delete_entries, list_entries, restore_entry
from fest_desktop.registration.kinds import EntryStatus, QuotaState
from fest_desktop.registration.quotas import (
    ClassParticipation,
    QuotaCell,
    participation_summary,
    quota_overview,
    quota_warning_lines,
)
from fest_desktop.resources import resource_path
from fest_desktop.school.people import list_students, list_teachers
from fest_desktop.school.pinyin import matches_initials
from fest_desktop.school.structure import list_classes, list_grades
from fest_desktop.storage.database import Database
from ui.practice.page import PracticePage
from ui.registration.competitions_page import CompetitionsPage
from ui.registration.entry_panel import EntryPanel
from ui.registration.import_dialog import EntriesImportDialog, preview_entry_files
from ui.widgets.columns import fit_columns
from ui.widgets.data_table import DataTable
from ui.widgets.file_dialogs import ask_folder, ask_open_paths, ask_save_path
from ui.widgets.headers import WrappingHeaderView
from ui.widgets.messages import FAILED, confirm, run_operation, show_error, tell_saved
from ui.widgets.table_models import Column

AnyIndex = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {
    QuotaState.MISSING: "#f9d7d5",
    QuotaState.UNDER: "#fde9c4",
    QuotaState.COMPLETE: "#d7efdc",
    QuotaState.OVER: "#e9d5f5",
    QuotaState.INELIGIBLE: "#f1f3f6",
}


def matches_search(entry: EntryInfo, text: str) -> bool:
    """Code, title, authors, advisor or class contain the text, or an author's pinyin initials start with it."""
    wanted = text.strip()
    if not wanted:
        return True
    lowered = wanted.lower()
    haystack = (
        entry.code.lower(),
        entry.title,
        entry.author_names,
        entry.advisor,
        entry.class_name,
        entry.subtype,
    )
    return any(lowered in part.lower() for part in haystack) or any(
        matches_initials(wanted, author.name) for author in entry.authors
    )


class QuotaModel(QAbstractTableModel):
    """Classes down, competitions across: entries against the quota, coloured by state; then participation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._classes: list[ClassParticipation] = []
        self._competitions: list[CompetitionInfo] = []
        self._cells: dict[tuple[int, int], QuotaCell] = {}
        # Each class's 科普实践 beside its entries (a column only once the festival has items).
        self._practice: dict[int, ClassProgress] = {}

    def set_data(
        self,
        classes: list[ClassParticipation],
        competitions: list[CompetitionInfo],
        cells: list[QuotaCell],
        practice: list[ClassProgress] | None = None,
    ) -> None:
        self.beginResetModel()
        self._classes = classes
        self._competitions = competitions
        self._cells = {(c.class_id, c.competition_id): c for c in cells}
        self._practice = {p.class_id: p for p in practice or [] if p.items}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._classes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._competitions) + 1 + bool(self._practice)

    def _practice_column(self, column: int) -> bool:
        return bool(self._practice) and column == len(self._competitions) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self._classes[section].class_name if 0 <= section < len(self._classes) else None
        if section == len(self._competitions):
            return self.tr("参与率")
        if self._practice_column(section):
            return self.tr("科普实践")
        if 0 <= section < len(self._competitions):
            competition = self._competitions[section]
            return f"{competition.name}\n{competition.quota_text}"
        return None

    def cell(self, row: int, column: int) -> QuotaCell | None:
        if not (0 <= row < len(self._classes) and 0 <= column < len(self._competitions)):
            return None
        return self._cells.get((self._classes[row].class_id, self._competitions[column].id))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if self._practice_column(column) and 0 <= row < len(self._classes):
            return self._practice_data(self._practice.get(self._classes[row].class_id), role)
        if column == len(self._competitions) and 0 <= row < len(self._classes):
            summary = self._classes[row]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{summary.share:.0%}（{summary.participant_count}/{summary.student_count}）"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        cell = self.cell(row, column)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if cell.state == QuotaState.INELIGIBLE else str(cell.count)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[cell.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.state_text(cell.state)
        if role == Qt.ItemDataRole.UserRole:
            return cell.state.value
        return None

    def _practice_data(self, progress: ClassProgress | None, role: int) -> Any:
        """A class's 科普实践 done in all (its share), each item's share in the tooltip."""
        if progress is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{progress.total.share:.0%}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{name}：{tally.text}" for name, tally in progress.items.items())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(PRACTICE_COLOURS[progress.total.completion]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def state_text(self, state: QuotaState) -> str:
        match state:
            case QuotaState.MISSING:
                return self.tr("还没有报")
            case QuotaState.UNDER:
                return self.tr("少于名额")
            case QuotaState.COMPLETE:
                return self.tr("已达名额")
            case QuotaState.OVER:
                return self.tr("超出名额")
            case QuotaState.INELIGIBLE:
                return self.tr("本年级不参加")
        assert_never(state)


PRACTICE_COLOURS = {
    Completion.NONE: STATE_COLOURS[QuotaState.MISSING],
    Completion.PART: STATE_COLOURS[QuotaState.UNDER],
    Completion.ALL: STATE_COLOURS[QuotaState.COMPLETE],
}


TITLE_COLUMN = 4  # 作品题目, in _columns


class EntriesPage(QWidget):
    """The entries table (filter by competition, class, status, text) and the panel beside it."""

    entries_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.festival_id = 0
        self._last_deleted: list[EntryInfo] = []
        self.table: DataTable[EntryInfo] = DataTable(self._columns(), None, self, stretch=TITLE_COLUMN)
        self.table.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.panel = EntryPanel(db)
        self.panel.entry_created.connect(self._entry_created)
        self.panel.entry_saved.connect(self._entry_saved)
        self.panel.setMinimumWidth(340)

        self.competition_filter = QComboBox()
        self.class_filter = QComboBox()
        self.status_filter = QComboBox()
        for box, letters in ((self.competition_filter, 6), (self.class_filter, 5), (self.status_filter, 4)):
            # Never narrower than its 全部… choice, however little room the row has.
            box.setMinimumContentsLength(letters)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.addItem(self.tr("全部状态"), None)
        for status in EntryStatus:
            self.status_filter.addItem(status.label, status.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索编号、题目、作者（可用拼音首字母）、指导老师"))
        self.search.setClearButtonEnabled(True)
        for box in (self.competition_filter, self.class_filter, self.status_filter):
            box.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")

        new_button = QPushButton(self.tr("新增作品"))
        new_button.clicked.connect(self._new_entry)
        delete_button = QPushButton(self.tr("删除所选"))
        delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(self.tr("撤销删除"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_delete)

        filters = QHBoxLayout()
        filters.addWidget(self.competition_filter)
        filters.addWidget(self.class_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        actions = QHBoxLayout()
        actions.addWidget(new_button)
        actions.addWidget(delete_button)
        actions.addWidget(self.undo_button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setSizes([860, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _columns(self) -> list[Column[EntryInfo]]:
        return [
            Column(self.tr("编号"), lambda e: e.code),
            Column(self.tr("比赛项目"), lambda e: e.competition_name),
            Column(self.tr("班级"), lambda e: e.class_name, sort_key=lambda e: e.class_sort_key),
            Column(self.tr("作品类型"), lambda e: e.subtype),
            Column(self.tr("作品题目"), lambda e: e.title),
            Column(self.tr("作者"), lambda e: e.author_names),
            Column(self.tr("指导老师"), lambda e: e.advisor),
            Column(self.tr("状态"), lambda e: e.status_text, align_center=True),
        ]

    def show_festival(self, festival_id: int, competitions: list[CompetitionInfo]) -> None:
        self.festival_id = festival_id
        classes = list_classes(self.db, festival_id)
        teachers = list_teachers(self.db, festival_id)
        self._refill(self.competition_filter, self.tr("全部比赛项目"), [(c.name, c.id) for c in competitions])
        self._refill(self.class_filter, self.tr("全部班级"), [(c.name, c.id) for c in classes])
        self.panel.set_festival(
            festival_id, competitions, classes, list_students(self.db, festival_id), teachers
        )
        self.reload()

    @staticmethod
    def _refill(box: QComboBox, everything: str, items: list[tuple[str, int]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for label, value in items:
            box.addItem(label, value)
        box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
        box.blockSignals(False)

    def reload(self) -> None:
        self.table.set_rows(list_entries(self.db, self.festival_id))
        self.apply_filter()

    def apply_filter(self) -> None:
        competition_id = self.competition_filter.currentData()
        class_id = self.class_filter.currentData()
        status = self.status_filter.currentData()
        text = self.search.text()

        def accepts(entry: EntryInfo) -> bool:
            return (
                (competition_id is None or entry.competition_id == competition_id)
                and (class_id is None or entry.class_id == class_id)
                and (status is None or entry.status == status)
                and matches_search(entry, text)
            )

        self.table.proxy.set_predicate(accepts)
        self.count_label.setText(
            self.tr("显示 {0} / {1} 件").format(self.table.proxy.rowCount(), self.table.model.rowCount())
        )

    def _selection_changed(self) -> None:
        selected = self.table.selected_rows()
        if len(selected) == 1:
            self.panel.show_entry(selected[0])

    def _new_entry(self) -> None:
        self.table.view.clearSelection()
        self.panel.start_new()
        self.panel.title.setFocus()

    def _entry_created(self, entry: EntryInfo) -> None:
        self.reload()
        self.entries_changed.emit()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("已登记作品 {0}").format(entry.code), 5000)

    def _entry_saved(self, entry: EntryInfo) -> None:
        rows = self.table.model.rows()
        for position, row in enumerate(rows):
            if row.id == entry.id:
                rows[position] = entry
        selected = entry.id
        self.table.model.set_rows(rows)
        self.apply_filter()
        self._select(selected)
        self.entries_changed.emit()

    def _select(self, entry_id: int) -> None:
        for row in range(self.table.proxy.rowCount()):
            if self.table.proxy.row_object(row).id == entry_id:
                self.table.view.selectRow(row)
                return

    def delete_selected(self) -> None:
        chosen = self.table.selected_rows()
        if not chosen:
            return
        question = (
            self.tr("删除作品 {0}「{1}」？").format(chosen[0].code, chosen[0].title or chosen[0].author_names)
            if len(chosen) == 1
            else self.tr("删除所选的 {0} 件作品？").format(len(chosen))
        )
        if not confirm(
            self, self.tr("删除作品"), question + self.tr("（删除后可以撤销；编号不会再分配给别的作品）")
        ):
            return
        delete_entries(self.db, [e.id for e in chosen])
        self._last_deleted = chosen
        self.undo_button.setEnabled(True)
        self.panel.forget([e.id for e in chosen])
        self.reload()
        self.entries_changed.emit()

    def undo_delete(self) -> None:
        restored = []
        try:
            for entry in self._last_deleted:
                restored.append(restore_entry(self.db, self.festival_id, entry))
        except FestError as exc:
            show_error(self, exc.message)
        self._last_deleted = []
        self.undo_button.setEnabled(False)
        self.reload()
        self.entries_changed.emit()
        if restored:
            self._select(restored[0].id)


class OverviewPage(QWidget):
    """Each class against each competition's quota, so the teacher sees who has not handed in yet."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = QuotaModel(self)
        self.view = QTableView()
        # A competition's long name wraps in its heading: the columns stay as narrow as their counts.
        self.view.setHorizontalHeader(WrappingHeaderView(self.view, line_characters=6))
        self.view.setModel(self.model)
        fit_columns(self.view)
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.summary = QLabel()
        self.summary.setObjectName("overviewSummary")
        self.summary.setWordWrap(True)
        legend = QHBoxLayout()
        for state in STATE_COLOURS:
            swatch = QLabel(self.model.state_text(state))
            swatch.setStyleSheet(
                f"background: {STATE_COLOURS[state]}; padding: 3px 10px; border-radius: 3px;"
            )
            legend.addWidget(swatch)
        legend.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(legend)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def show_progress(
        self, festival_id: int, competitions: list[CompetitionInfo], cells: list[QuotaCell]
    ) -> None:
        self.model.set_data(
            participation_summary(self.db, festival_id),
            competitions,
            cells,
            practice_progress(self.db, festival_id).classes,
        )
        missing = {c.class_name for c in cells if c.state.short_of}
        over = {c.class_name for c in cells if c.state == QuotaState.OVER}
        parts = [self.tr("{0} 个班还有项目未达名额").format(len(missing))] if missing else []
        if over:
            parts.append(self.tr("{0} 个班超出名额").format(len(over)))
        self.summary.setText("；".join(parts) + "。" if parts else self.tr("所有班级都已按名额报齐。"))


class EntriesTab(QWidget):
    """作品报名, with its three pages and the file actions (forms, import, labels, register)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.festival_id = 0
        self.pages = QTabWidget()
        self.entries_page = EntriesPage(db)
        self.overview_page = OverviewPage(db)
        self.competitions_page = CompetitionsPage(db)
        self.competitions_page.competitions_changed.connect(self._competitions_changed)
        self.entries_page.entries_changed.connect(self._show_progress)
        # Every pupil's 科普实践 sits with the entries: the 班主任 who hands in the class's works ticks
        # its pupils here too, and 班级进度 shows both side by side.
        self.practice_page = PracticePage(db)
        self.practice_page.practice_changed.connect(self._show_progress)
        self.practice_page.entry_created.connect(self._work_entered)
        self.pages.addTab(self.entries_page, self.tr("作品登记"))
        self.pages.addTab(self.overview_page, self.tr("班级进度"))
        self.pages.addTab(self.competitions_page, self.tr("比赛项目"))
        self.pages.addTab(self.practice_page, self.tr("科普实践"))
        self.pages.currentChanged.connect(self._page_changed)
        self._stale_competitions = False
        # The folder each file dialog last used; the import starts at the demo's sample form.

        buttons = []
        for label, action in (
            (self.tr("生成班级报名表…"), self.write_forms),
            (self.tr("导入报名表…"), self.import_forms),
            (self.tr("打印作品标签…"), self.write_labels),
            (self.tr("导出分类造册…"), self.export_register),
        ):
            button = QPushButton(label)
            button.clicked.connect(action)
            buttons.append(button)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 0)
        self.warning = QLabel()
        self.warning.setObjectName("warningText")
        bar.addWidget(self.warning, 1)
        for button in buttons:
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

    def show_festival(self, festival_id: int) -> None:
        """Show another festival: now if the tab is on screen, else when it is next shown."""
        self.festival_id = festival_id
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        grades = [(g.level, g.name) for g in list_grades(self.db, self.festival_id)]
        self.competitions_page.show_festival(self.festival_id, grades)
        self.entries_page.show_festival(self.festival_id, list_competitions(self.db, self.festival_id))
        self.practice_page.show_festival(self.festival_id)
        self._show_progress()
        self._stale_competitions = False

    def _show_progress(self) -> None:
        competitions = list_competitions(self.db, self.festival_id)
        cells = quota_overview(self.db, self.festival_id, competitions)
        self.overview_page.show_progress(self.festival_id, competitions, cells)
        warnings = quota_warning_lines(competitions, cells)
        self.warning.setText(
            self.tr("{0} 处名额提醒，见“班级进度”").format(len(warnings)) if warnings else ""
        )
        self.warning.setToolTip("\n".join(warnings))

    def showEvent(self, event: QShowEvent) -> None:
        # Grades, classes and students may have changed in 学校与设置 since this tab was last seen.
        if self.festival_id:
            self.reload()
        super().showEvent(event)

    def _competitions_changed(self) -> None:
        self._stale_competitions = True

    def _work_entered(self, _entry: EntryInfo) -> None:
        self.entries_page.reload()
        self._show_progress()

    def _page_changed(self, _index: int) -> None:
        if self._stale_competitions:
            self.reload()

    # ------------------------------------------------------------ files

    def write_forms(self) -> None:
        from fest_desktop.registration.class_forms import write_class_forms

        folder = ask_folder(self, self.tr("选择保存班级报名表的文件夹"))
        if folder is None:
            return
        paths = run_operation(self, lambda: write_class_forms(self.db, self.festival_id, folder))
        if paths is FAILED:
            return
        tell_saved(
            self,
            self.tr("已为 {0} 个班生成报名表。发给各班班主任填写后，用“导入报名表…”收回。").format(
                len(paths)
            ),
            folder,
        )

    def import_forms(self) -> None:
        paths = ask_open_paths(
            self,
            self.tr("选择填好的报名表（可多选）"),
            self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"),
            first_time=resource_path("samples"),
        )
        if not paths:
            return
        found = preview_entry_files(self.db, self.festival_id, paths, self)
        if found is None:
            return
        dialog = EntriesImportDialog(self.db, self.festival_id, *found, parent=self)
        if dialog.exec():
            self.reload()

    def write_labels(self) -> None:
        from fest_desktop.registration.labels import write_labels

        path = ask_save_path(
            self, self.tr("保存作品标签"), self.tr("作品标签"), ".pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if path is None:
            return
        page = self.entries_page
        try:
            count = write_labels(
                self.db,
                self.festival_id,
                path,
                competition_id=page.competition_filter.currentData(),
                class_id=page.class_filter.currentData(),
            )
        except FestError as exc:
            show_error(self, exc.message)
            return
        tell_saved(self, self.tr("已生成 {0} 张作品标签（每页 8 张，沿虚线剪开）。").format(count), path)

    def export_register(self) -> None:
        from fest_desktop.registration.register import export_register

        path = ask_save_path(
            self, self.tr("导出分类造册"), self.tr("分类造册"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is None:
            return
        count = run_operation(self, lambda: export_register(self.db, self.festival_id, path))
        if count is FAILED:
            return
        tell_saved(self, self.tr("已导出 {0} 件作品的分类造册，每个比赛项目一个工作表。").format(count), path)
