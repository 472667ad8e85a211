"""作品报名: the entries table with its edit panel, each class's progress against the quotas (and its
科普实践), the competitions, and every pupil's 科普实践."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.changes import Changed
from fest_desktop.registration.competitions import CompetitionInfo, list_competitions
from fest_desktop.registration.entries import EntryInfo, delete_entries, list_entries, restore_entries
from fest_desktop.registration.entry_files import EntryFiles
from fest_desktop.registration.entry_plan import EntryImport
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.registration.quotas import (
    quota_overview,
    quota_warning_lines,
)
from fest_desktop.resources import resource_path
from fest_desktop.school.people import list_students, list_teachers
from fest_desktop.school.pinyin import matches_initials
from fest_desktop.school.structure import list_classes, list_grades
from fest_desktop.storage.database import Database
from ui.operations import ChangeFollower, Runner
from ui.practice.page import PracticePage
from ui.registration.competitions_page import CompetitionsPage
from ui.registration.entry_panel import EntryPanel
from ui.registration.import_dialog import EntriesImportDialog, preview_entry_files
from ui.registration.progress_page import OverviewPage
from ui.widgets.data_table import DataTable
from ui.widgets.file_dialogs import ask_folder, ask_open_paths, ask_save_path
from ui.widgets.messages import FAILED, confirm, tell_saved
from ui.widgets.table_models import Column

AnyIndex = QModelIndex | QPersistentModelIndex


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


TITLE_COLUMN = 4  # 作品题目, in _columns


class EntriesPage(QWidget):
    """The entries table (filter by competition, class, status, text) and the panel beside it."""

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = 0
        self._last_deleted: list[EntryInfo] = []
        self.table: DataTable[EntryInfo] = DataTable(self._columns(), None, self, stretch=TITLE_COLUMN)
        self.table.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.panel = EntryPanel(db, runner)
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
        """The entries read afresh, the one selected still selected."""
        selected = [entry.id for entry in self.table.selected_rows()]
        self.table.set_rows(list_entries(self.db, self.festival_id))
        self.apply_filter()
        if len(selected) == 1:
            self._select(selected[0])

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
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("已登记作品 {0}").format(entry.code), 5000)

    def _entry_saved(self, entry: EntryInfo) -> None:
        self._select(entry.id)

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
        self.panel.forget([e.id for e in chosen])
        if self.runner.now(self, lambda: delete_entries(self.db, [e.id for e in chosen])) is FAILED:
            return
        self._last_deleted = chosen
        self.undo_button.setEnabled(True)

    def undo_delete(self) -> None:
        deleted, self._last_deleted = self._last_deleted, []
        self.undo_button.setEnabled(False)
        restored = self.runner.now(self, lambda: restore_entries(self.db, self.festival_id, deleted))
        if restored is not FAILED and restored:
            self._select(restored[0].id)


class EntriesTab(QWidget):
    """作品报名, with its three pages and the file actions (forms, import, labels, register)."""

    # Grades, classes, students and teachers (学校与设置), the competitions, the entries (an entry's
    # status and 推荐 change from 奖项与证书 too).
    FOLLOWS = Changed.SCHOOL | Changed.COMPETITIONS | Changed.ENTRIES | Changed.PRACTICE

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.import_dialog: EntriesImportDialog | None = None  # the last import's preview
        self.pages = QTabWidget()
        self.entries_page = EntriesPage(db, runner)
        self.overview_page = OverviewPage(db)
        self.competitions_page = CompetitionsPage(db, runner)
        # Every pupil's 科普实践 sits with the entries: the 班主任 who hands in the class's works ticks
        # its pupils here too, and 班级进度 shows both side by side.
        self.practice_page = PracticePage(db, runner)
        self.pages.addTab(self.entries_page, self.tr("作品登记"))
        self.pages.addTab(self.overview_page, self.tr("班级进度"))
        self.pages.addTab(self.competitions_page, self.tr("比赛项目"))
        self.pages.addTab(self.practice_page, self.tr("科普实践"))

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
        self.practice_page.show_festival(festival_id)
        self.follower.take(self.FOLLOWS)

    def _changed(self, changes: Changed, origin: object) -> None:
        """Refresh what the changes name: the school or the competitions reach every page (the
        competitions page leaves alone what it has just saved itself), an entry the list and progress."""
        if changes & (Changed.SCHOOL | Changed.COMPETITIONS):
            page = self.competitions_page
            if changes & Changed.SCHOOL or (origin is not page and origin is not page.criteria):
                grades = [(g.level, g.name) for g in list_grades(self.db, self.festival_id)]
                self.competitions_page.show_festival(self.festival_id, grades)
            self.entries_page.show_festival(self.festival_id, list_competitions(self.db, self.festival_id))
        elif changes & Changed.ENTRIES:
            self.entries_page.reload()
        self._show_progress()

    def _show_progress(self) -> None:
        # A teachers' contest is on no class's quota: 班级进度 is the classes' page, it is left out.
        competitions = [c for c in list_competitions(self.db, self.festival_id) if not c.is_for_teachers]
        cells = quota_overview(self.db, self.festival_id, competitions)
        self.overview_page.show_progress(self.festival_id, competitions, cells)
        warnings = quota_warning_lines(competitions, cells)
        self.warning.setText(
            self.tr("{0} 处名额提醒，见“班级进度”").format(len(warnings)) if warnings else ""
        )
        self.warning.setToolTip("\n".join(warnings))

    # ------------------------------------------------------------ files

    def write_forms(self) -> None:
        from fest_desktop.registration.class_forms import write_class_forms

        folder = ask_folder(self, self.tr("选择保存班级报名表的文件夹"))
        if folder is None:
            return
        self.runner.produce(
            self,
            lambda: write_class_forms(self.db, self.festival_id, folder),
            lambda paths: tell_saved(
                self,
                self.tr("已为 {0} 个班生成报名表。发给各班班主任填写后，用“导入报名表…”收回。").format(
                    len(paths)
                ),
                folder,
            ),
            label=self.tr("正在生成班级报名表…"),
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
        self.import_dialog = None
        preview_entry_files(self.runner, self.db, self.festival_id, paths, self, self._show_import)

    def _show_import(self, found: tuple[EntryFiles, EntryImport]) -> None:
        """The preview of the forms read; what it imports is announced, and the pages show it."""
        self.import_dialog = EntriesImportDialog(self.db, self.runner, self.festival_id, *found, parent=self)
        self.import_dialog.open()

    def write_labels(self) -> None:
        from fest_desktop.registration.labels import write_labels

        path = ask_save_path(
            self, self.tr("保存作品标签"), self.tr("作品标签"), ".pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if path is None:
            return
        competition_id = self.entries_page.competition_filter.currentData()
        class_id = self.entries_page.class_filter.currentData()
        self.runner.produce(
            self,
            lambda: write_labels(
                self.db, self.festival_id, path, competition_id=competition_id, class_id=class_id
            ),
            lambda count: tell_saved(
                self, self.tr("已生成 {0} 张作品标签（每页 8 张，沿虚线剪开）。").format(count), path
            ),
            label=self.tr("正在生成作品标签…"),
        )

    def export_register(self) -> None:
        from fest_desktop.registration.register import export_register

        path = ask_save_path(
            self, self.tr("导出分类造册"), self.tr("分类造册"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is None:
            return
        self.runner.produce(
            self,
            lambda: export_register(self.db, self.festival_id, path),
            lambda count: tell_saved(
                self, self.tr("已导出 {0} 件作品的分类造册，每个比赛项目一个工作表。").format(count), path
            ),
            label=self.tr("正在导出分类造册…"),
        )
