"""Score sheet import preview: every row (one judge's scores of one work) new, changed (each score
before → after), unchanged, or a problem; then all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fest_desktop.scoring.score_import import (
    ScoreFile,
    ScoreImport,
    commit_score_import,
    plan_score_import,
    read_score_file,
)
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.import_preview import ImportPreviewDialog, read_and_plan


class ScoreImportDialog(ImportPreviewDialog):
    """The preview of a filled-in score workbook; judges not on the panel are added with it."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        file: ScoreFile,
        plan: ScoreImport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, "", parent)
        self.setWindowTitle(self.tr("导入评分表 — {0}").format(file.name))
        self._db = db
        self._festival_id = festival_id
        self.file = file
        self.show_scores(plan)

    def show_scores(self, plan: ScoreImport) -> None:
        self.plan = plan
        summary = self.tr("新录入 {0} 个分数，修改 {1} 个，{2} 个与已录入的相同。").format(
            plan.new, plan.changed, plan.unchanged
        )
        notes = [f"{note}。" for note in plan.skipped_sheets]
        if plan.new_judges:
            notes.append(self.tr("将加入评委组：{0}").format("、".join(name for _, name in plan.new_judges)))
        self.show_plan(summary, plan.lines(), notes)

    def commit(self) -> None:
        db, festival_id, file, plan = self._db, self._festival_id, self.file, self.plan
        self.commit_with(
            lambda: commit_score_import(db, festival_id, file, previewed=plan, add_judges=True),
            self.show_scores,
        )


def preview_score_file(
    runner: Runner,
    db: Database,
    festival_id: int,
    path: Path,
    parent: QWidget | None,
    then: Callable[[tuple[ScoreFile, ScoreImport]], None],
) -> None:
    """Read a score workbook once and plan it on the runner's worker (judges not on the panel to be
    added), then(file and plan); a file that cannot be read is reported."""

    def plan() -> tuple[ScoreFile, ScoreImport]:
        file = read_score_file(path)
        return file, plan_score_import(db, festival_id, file, add_judges=True)

    read_and_plan(runner, parent, plan, then)
