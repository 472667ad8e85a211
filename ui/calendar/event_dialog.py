"""新建 / 修改活动: everything an event needs, saved through the core when 确定 is pressed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, QTime
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTimeEdit,
    QWidget,
)

from fest_desktop.calendar.clashes import Clash
from fest_desktop.calendar.events import EventInfo, add_event, update_event
from fest_desktop.calendar.kinds import AudiencePart, ClassAudience, EventKind, GradeAudience, SectionAudience
from fest_desktop.errors import FestError
from fest_desktop.school.festivals import PhaseInfo
from fest_desktop.school.structure import ClassInfo
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.forms import FormDialog, date_edit, from_qdate, to_qdate
from ui.widgets.scrolling import size_within_screen


def kind_icon(colour: str) -> QIcon:
    swatch = QPixmap(12, 12)
    swatch.fill(QColor(colour))
    return QIcon(swatch)


class EventDialog(FormDialog):
    """Create (event.id 0) or edit an event; saved holds what the core stored after 确定."""

    def __init__(
        self,
        db: Database,
        runner: Runner,
        festival_id: int,
        event: EventInfo,
        phases: Sequence[PhaseInfo],
        classes: Sequence[ClassInfo],
        places: Sequence[str],
        parent: QWidget | None = None,
        clashes_of: Callable[[EventInfo], list[Clash]] | None = None,
    ) -> None:
        super().__init__(self.tr("新建活动") if not event.id else self.tr("修改活动"), parent)
        self.db = db
        self.runner = runner
        self.festival_id = festival_id
        self.clashes_of = clashes_of
        self.keep_anyway = self.buttons.addButton(
            self.tr("仍按此安排"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_anyway.setToolTip(self.tr("冲突已知，保留这样的安排（冲突列为“已确认保留”）"))
        self.keep_anyway.hide()
        self.keep_anyway.clicked.connect(self._keep_anyway)
        self.original = event
        self.saved: EventInfo | None = None
        size_within_screen(self, QSize(520, 620))

        self.title = QLineEdit(event.title)
        self.title.setPlaceholderText(self.tr("如 科普讲座：身边的物理"))
        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(kind_icon(kind.colour), self.tr(kind.label), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(event.kind.value))
        self.start_date = date_edit(event.start_date)
        self.end_date = date_edit(event.end_date)
        self.all_day = QCheckBox(self.tr("全天"))
        self.all_day.setChecked(event.all_day)
        self.start_time = QTimeEdit(
            QTime(9, 0) if event.start_time is None else QTime(event.start_time.hour, event.start_time.minute)
        )
        self.end_time = QTimeEdit(
            QTime(10, 0) if event.end_time is None else QTime(event.end_time.hour, event.end_time.minute)
        )
        for editor in (self.start_time, self.end_time):
            editor.setDisplayFormat("HH:mm")
        self.all_day.toggled.connect(self._all_day_toggled)
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.addItems(list(places))
        self.place.setCurrentText(event.place)
        self.responsible = QLineEdit(event.responsible)
        self.responsible.setPlaceholderText(self.tr("负责人或负责部门，如 王老师、教务处"))
        self.audience = QListWidget()
        self.audience.setMaximumHeight(150)
        self._fill_audience(classes, event.audience)
        self.phase = QComboBox()
        self.phase.addItem(self.tr("（不限）"), None)
        for phase in phases:
            self.phase.addItem(
                f"{phase.name}（{phase.start_date:%m-%d} 至 {phase.end_date:%m-%d}）", phase.id
            )
        self.phase.setCurrentIndex(max(self.phase.findData(event.phase_id), 0))
        self.notes = QPlainTextEdit(event.notes)
        self.notes.setMaximumHeight(70)
        self.keep_clash = QCheckBox(self.tr("已知有冲突，仍按此安排（冲突列为“已确认保留”）"))
        self.keep_clash.setChecked(event.keep_clash)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)

        days = QHBoxLayout()
        days.addWidget(self.start_date)
        days.addWidget(QLabel(self.tr("至")))
        days.addWidget(self.end_date)
        times = QHBoxLayout()
        times.addWidget(self.all_day)
        times.addWidget(self.start_time)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end_time)
        times.addStretch(1)
        self.form.addRow(self.tr("活动内容"), self.title)
        self.form.addRow(self.tr("类别"), self.kind)
        self.form.addRow(self.tr("日期"), days)
        self.form.addRow(self.tr("时间"), times)
        self.form.addRow(self.tr("地点"), self.place)
        self.form.addRow(self.tr("负责人"), self.responsible)
        self.form.addRow(self.tr("参加对象"), self.audience)
        hint = QLabel(self.tr("都不勾选表示全校参加"))
        hint.setObjectName("hint")
        self.form.addRow("", hint)
        self.form.addRow(self.tr("所属阶段"), self.phase)
        self.form.addRow(self.tr("备注"), self.notes)
        self.form.addRow("", self.keep_clash)
        self.form.addRow("", self.error)
        self._all_day_toggled(event.all_day)

    def _fill_audience(self, classes: Sequence[ClassInfo], chosen: Sequence[AudiencePart]) -> None:
        sections = list(dict.fromkeys(c.section for c in classes))
        grades = list(dict.fromkeys((c.level, c.grade_name) for c in classes))
        entries: list[tuple[AudiencePart, str]] = [(SectionAudience(s), s) for s in sections]
        entries += [(GradeAudience(level), name) for level, name in grades]
        entries += [(ClassAudience(c.id), c.name) for c in classes]
        for part, label in entries:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, part)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if part in chosen else Qt.CheckState.Unchecked)
            self.audience.addItem(item)

    def _all_day_toggled(self, all_day: bool) -> None:
        self.start_time.setEnabled(not all_day)
        self.end_time.setEnabled(not all_day)

    def event_info(self) -> EventInfo:
        """The event as the form now describes it."""

        def time(editor: QTimeEdit) -> dt.time | None:
            value = editor.time()
            return None if self.all_day.isChecked() else dt.time(value.hour(), value.minute())

        parts: tuple[AudiencePart, ...] = tuple(
            self.audience.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.audience.count())
            if self.audience.item(row).checkState() == Qt.CheckState.Checked
        )
        return dataclasses.replace(
            self.original,
            title=self.title.text(),
            kind=EventKind(self.kind.currentData()),
            start_date=from_qdate(self.start_date.date()),
            end_date=from_qdate(self.end_date.date()),
            start_time=time(self.start_time),
            end_time=time(self.end_time),
            place=self.place.currentText(),
            responsible=self.responsible.text(),
            audience=parts,
            notes=self.notes.toPlainText(),
            phase_id=self.phase.currentData(),
            keep_clash=self.keep_clash.isChecked(),
        )

    def _keep_anyway(self) -> None:
        self.keep_clash.setChecked(True)
        self.accept()

    def set_dates(self, day: dt.date) -> None:
        self.start_date.setDate(to_qdate(day))
        self.end_date.setDate(to_qdate(day))

    def accept(self) -> None:
        """Save through the core; a refusal is shown in the dialog, which stays open. A clash is shown
        before saving, with 仍按此安排 to keep it knowingly."""
        info = self.event_info()
        clashes = self.clashes_of(info) if self.clashes_of is not None and not info.keep_clash else []
        if clashes:
            self.error.setText("⚠ " + "\n⚠ ".join(clash.message for clash in clashes))
            self.keep_anyway.show()
            return
        try:
            done = update_event(self.db, info) if info.id else add_event(self.db, self.festival_id, info)
        except FestError as exc:
            self.error.setText(exc.message)
            return
        self.saved = self.runner.apply(done)
        super().accept()
