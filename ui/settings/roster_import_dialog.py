"""Roster import preview: what will be created, every problem row, then commit all or nothing."""

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
from fest_desktop.school.roster import RosterPreview, RosterRow, commit_roster, preview_roster, read_roster
from fest_desktop.storage.database import Database
from ui.widgets.import_preview import preview_section
from ui.widgets.messages import show_error
from ui.widgets.table_models import Column


class RosterImportDialog(QDialog):
    """Shows the preview of one roster file; 导入 is offered only when there is no problem."""

    def __init__(
        self, db: Database, festival_id: int, preview: RosterPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._festival_id = festival_id
        self.preview = preview
        self.setWindowTitle(self.tr("导入花名册 — {0}").format(Path(preview.source).name))
        self.resize(820, 560)

        summary = QLabel(
            self.tr("新年级 {0} 个，新班级 {1} 个，新学生 {2} 名，更新 {3} 名，已存在且不变 {4} 名。").format(
                len(preview.new_grades),
                len(preview.new_classes),
                len(preview.new_students),
                len(preview.changed_students),
                preview.unchanged_count,
            )
        )
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if preview.new_classes:
            classes = QLabel(self.tr("将新建班级：{0}").format("、".join(preview.new_classes)))
            classes.setWordWrap(True)
            layout.addWidget(classes)

        verdict, self.table_model, table = preview_section(
            preview.problems, preview.new_students, self._new_student_columns(), self
        )
        layout.addWidget(verdict)
        layout.addWidget(table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(preview.ok)
        self.buttons.accepted.connect(self._commit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _new_student_columns(self) -> list[Column[RosterRow]]:
        return [
            Column(self.tr("班级"), lambda r: r.class_name, sort_key=lambda r: (r.level, r.class_number)),
            Column(self.tr("姓名"), lambda r: r.name),
            Column(self.tr("性别"), lambda r: r.gender, align_center=True),
            Column(self.tr("学号"), lambda r: r.student_number),
            Column(self.tr("工作表"), lambda r: r.sheet),
            Column(self.tr("行"), lambda r: r.row, align_center=True),
        ]

    def _commit(self) -> None:
        try:
            commit_roster(self._db, self._festival_id, self.preview)
        except FestError as exc:
            show_error(self, exc.message)
            return
        self.accept()


def preview_roster_file(
    db: Database, festival_id: int, path: Path, parent: QWidget | None
) -> RosterPreview | None:
    """Read and preview a roster workbook with a busy cursor; a file that cannot be read is reported."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return preview_roster(db, festival_id, read_roster(path))
    except FestError as exc:
        failure = exc.message
    finally:
        QApplication.restoreOverrideCursor()
    show_error(parent, failure)
    return None
