"""Entries import preview: new, changed and unchanged entries, every problem row, then all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.errors import FestError
from fest_desktop.registration.entries import LateEntryError
from fest_desktop.registration.entry_import import (
    EntryFiles,
    EntryImport,
    PlannedEntry,
    commit_entry_import,
    preview_entry_import,
    read_entry_files,
)
from fest_desktop.storage.database import Database
from ui.widgets.import_preview import preview_section
from ui.widgets.messages import confirm, show_error
from ui.widgets.table_models import Column


class EntriesImportDialog(QDialog):
    """The preview of one or several filled registration forms; 导入 only when no row has a problem."""

    def __init__(
        self,
        db: Database,
        festival_id: int,
        files: EntryFiles,
        plan: EntryImport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._festival_id = festival_id
        self.files = files
        self.plan = plan
        names = "、".join(Path(source).name for source in plan.sources)
        self.setWindowTitle(self.tr("导入报名表 — {0}").format(names))
        self.resize(900, 580)

        summary = QLabel(
            self.tr("新作品 {0} 件，更新 {1} 件，已登记且不变 {2} 件。").format(
                len(plan.new), len(plan.changed), len(plan.unchanged)
            )
        )
        summary.setObjectName("importSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        for note in plan.skipped_sheets:
            layout.addWidget(QLabel(f"{note}。"))
        if plan.late:
            late = QLabel(
                self.tr("其中 {0} 件所报项目已过截止日期，导入时会请您确认，并标记为“逾期”。").format(
                    len(plan.late)
                )
            )
            late.setWordWrap(True)
            layout.addWidget(late)
        for warning in plan.warnings:
            line = QLabel(self.tr("提醒：{0}").format(warning))
            line.setObjectName("warningText")
            layout.addWidget(line)

        verdict, self.table_model, table = preview_section(
            plan.problems, [*plan.new, *plan.changed], self._entry_columns(), self, with_file=True
        )
        layout.addWidget(verdict)
        layout.addWidget(table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(plan.ok and bool(plan.new or plan.changed))
        self.buttons.accepted.connect(self._commit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _entry_columns(self) -> list[Column[PlannedEntry]]:
        return [
            Column(self.tr("导入后"), lambda p: self.tr("更新") if p.entry_id else self.tr("新作品")),
            Column(self.tr("比赛项目"), lambda p: p.competition.name),
            Column(self.tr("班级"), lambda p: p.class_name),
            Column(self.tr("作品题目"), lambda p: p.draft.title),
            Column(self.tr("作者"), lambda p: "、".join(p.row.authors)),
            Column(self.tr("文件"), lambda p: p.row.file),
            Column(self.tr("行"), lambda p: p.row.row, align_center=True),
        ]

    def _commit(self) -> None:
        try:
            commit_entry_import(self._db, self._festival_id, self.files)
        except LateEntryError as late:
            if not confirm(self, self.tr("已过截止日期"), late.message):
                return
            try:
                commit_entry_import(self._db, self._festival_id, self.files, allow_late=True)
            except FestError as exc:
                show_error(self, exc.message)
                return
        except FestError as exc:
            show_error(self, exc.message)
            return
        self.accept()


def preview_entry_files(
    db: Database, festival_id: int, paths: list[Path], parent: QWidget | None
) -> tuple[EntryFiles, EntryImport] | None:
    """Read and plan workbooks with a busy cursor; a file that cannot be read is reported."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        files = read_entry_files(paths)
        return files, preview_entry_import(db, festival_id, files)
    except FestError as exc:
        failure = exc.message
    finally:
        QApplication.restoreOverrideCursor()
    show_error(parent, failure)
    return None
