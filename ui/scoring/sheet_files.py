"""评分表: the judges' paper sheets of the competition shown, as a PDF to print or a workbook to fill in,
and a filled-in workbook imported back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.scoring.paper_sheets import write_judge_sheets_pdf, write_score_workbook
from fest_desktop.scoring.score_import import ScoreFile, ScoreImport
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.scoring.score_import_dialog import ScoreImportDialog, preview_score_file
from ui.widgets.file_dialogs import ask_open_path, ask_save_path
from ui.widgets.forms import set_button_menu
from ui.widgets.messages import tell_saved


class SheetFiles(QToolButton):
    """The 评分表 button and its menu, for the competition the tab shows (competition() is None when
    there is none); imported tells the tab what an import did."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        competition: Callable[[], CompetitionInfo | None],
        imported: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.competition = competition
        self.imported = imported
        self.festival_id = 0
        self.import_dialog: ScoreImportDialog | None = None
        self.setText(self.tr("评分表"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("打印评委评分表（PDF）…"), self._write_pdf_sheets)
        menu.addAction(self.tr("导出评分表（Excel）…"), self._write_xlsx_sheets)
        menu.addAction(self.tr("导入填好的评分表…"), self._import_sheets)
        set_button_menu(self, menu)

    def _write_pdf_sheets(self) -> None:
        self._save_sheets(".pdf", self.tr("保存评委评分表"), self.tr("PDF 文件 (*.pdf)"))

    def _write_xlsx_sheets(self) -> None:
        self._save_sheets(".xlsx", self.tr("导出评分表"), self.tr("Excel 工作簿 (*.xlsx)"))

    def _save_sheets(self, suffix: str, title: str, file_filter: str) -> None:
        """The judges' sheets of the competition shown: a PDF to print or a workbook to fill in."""
        competition = self.competition()
        if competition is None:
            return
        path = ask_save_path(self, title, f"{competition.name}评分表", suffix, file_filter)
        if path is None:
            return
        festival_id = self.festival_id

        def write() -> int:
            if suffix == ".pdf":
                return write_judge_sheets_pdf(self.db, festival_id, competition.id, path)
            return write_score_workbook(self.db, competition.id, path)

        self.runner.produce(
            self,
            write,
            lambda count: tell_saved(self, self.tr("已生成 {0} 位评委的评分表。").format(count), path),
            label=self.tr("正在生成评分表…"),
        )

    def _import_sheets(self) -> None:
        path = ask_open_path(self, self.tr("导入评分表"), self.tr("Excel 工作簿 (*.xlsx)"))
        if path is not None:
            self.import_sheets(path)

    def import_sheets(self, path: Path) -> None:
        """Check a filled-in score workbook and show what it would do (import_dialog); it is imported
        whole when the teacher confirms."""
        self.import_dialog = None
        preview_score_file(self.runner, self.db, self.festival_id, path, self, self._show_import)

    def _show_import(self, found: tuple[ScoreFile, ScoreImport]) -> None:
        self.import_dialog = ScoreImportDialog(self.db, self.runner, self.festival_id, *found, parent=self)
        dialog = self.import_dialog
        dialog.accepted.connect(lambda: self.imported(self.tr("已导入：{0}").format(dialog.plan.summary())))
        dialog.open()
