"""Entries import preview: every row as a new work, a change of a registered one (before → after),
unchanged, a work the form left out, or a problem; then all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fest_desktop.registration.entry_files import EntryFiles, read_entry_files
from fest_desktop.registration.entry_import import commit_entry_import, late_question, plan_entry_import
from fest_desktop.registration.entry_plan import EntryImport
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.import_preview import ImportPreviewDialog, read_and_plan
from ui.widgets.messages import confirm


class EntriesImportDialog(ImportPreviewDialog):
    """The preview of one or several filled registration forms; 导入 only when no row has a problem."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        files: EntryFiles,
        plan: EntryImport,
        parent: QWidget | None = None,
    ) -> None:
        names = "、".join(Path(source).name for source in files.sources)
        super().__init__(runner, "", parent)
        self.setWindowTitle(self.tr("导入报名表 — {0}").format(names))
        self._db = db
        self._festival_id = festival_id
        self.files = files
        self.show_entries(plan)

    def show_entries(self, plan: EntryImport) -> None:
        self.plan = plan
        summary = self.tr(
            "新作品 {0} 件，修改 {1} 件，已登记且不变 {2} 件，表中没有而保持不变 {3} 件。"
        ).format(len(plan.new), len(plan.changed), len(plan.unchanged), len(plan.kept))
        notes = [f"{note}。" for note in plan.skipped_sheets]
        if plan.late:
            notes.append(
                self.tr("其中 {0} 件所报项目已过截止日期，导入时会请您确认，并标记为“逾期”。").format(
                    len(plan.late)
                )
            )
        self.show_plan(summary, plan.lines(), notes, plan.warnings if plan.ok else [])

    def commit(self) -> None:
        allow_late = bool(self.plan.late)
        if allow_late and not confirm(self, self.tr("已过截止日期"), late_question(self.plan)):
            return
        db, festival_id, files, plan = self._db, self._festival_id, self.files, self.plan
        self.commit_with(
            lambda: commit_entry_import(db, festival_id, files, previewed=plan, allow_late=allow_late),
            self.show_entries,
        )


def preview_entry_files(
    runner: Runner,
    db: Database,
    festival_id: int,
    paths: list[Path],
    parent: QWidget | None,
    then: Callable[[tuple[EntryFiles, EntryImport]], None],
) -> None:
    """Read the workbooks once and plan them on the runner's worker, then(files and plan); a file that
    cannot be read is reported."""

    def plan() -> tuple[EntryFiles, EntryImport]:
        files = read_entry_files(paths)
        return files, plan_entry_import(db, festival_id, files)

    read_and_plan(runner, parent, plan, then)
