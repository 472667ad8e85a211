"""Roster import preview: every pupil new, changed (before → after), unchanged, or a problem row; then
all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fest_desktop.school.roster import RosterImport, commit_roster_import, plan_roster_import
from fest_desktop.school.roster_files import RosterFile, read_roster
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.import_preview import ImportPreviewDialog, read_and_plan


class RosterImportDialog(ImportPreviewDialog):
    """Shows the preview of one roster file; 导入 is offered only when there is no problem."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        file: RosterFile,
        preview: RosterImport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "", parent)
        self.setWindowTitle(self.tr("导入花名册 — {0}").format(Path(file.source).name))
        self._db = db
        self._festival_id = festival_id
        self.file = file
        self.show_roster(preview)

    def show_roster(self, preview: RosterImport) -> None:
        self.preview = preview
        summary = self.tr(
            "新年级 {0} 个，新班级 {1} 个，新学生 {2} 名，更新 {3} 名，已存在且不变 {4} 名。"
        ).format(
            len(preview.new_grades),
            len(preview.new_classes),
            len(preview.new_students),
            len(preview.changed_students),
            preview.unchanged_count,
        )
        notes = [f"{note}。" for note in preview.skipped_sheets]
        if preview.new_classes:
            notes.append(self.tr("将新建班级：{0}").format("、".join(preview.new_classes)))
        self.show_plan(summary, preview.lines(), notes)

    def commit(self) -> None:
        db, festival_id, file, preview = self._db, self._festival_id, self.file, self.preview
        self.commit_with(
            lambda: commit_roster_import(db, festival_id, file, previewed=preview), self.show_roster
        )


def preview_roster_file(
    runner: Runner,
    db: Database,
    festival_id: int,
    path: Path,
    parent: QWidget | None,
    then: Callable[[tuple[RosterFile, RosterImport]], None],
) -> None:
    """Read a roster workbook once and plan it on the runner's worker, then(file and plan); a file
    that cannot be read is reported."""

    def plan() -> tuple[RosterFile, RosterImport]:
        file = read_roster(path)
        return file, plan_roster_import(db, festival_id, file)

    read_and_plan(runner, parent, plan, then)
