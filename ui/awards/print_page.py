"""打印证书: choose a finalised list's certificates, preview, print or save one PDF, reprint one,
and the 套打 calibration page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.awards.assignment import out_of_date_lists
from fest_desktop.awards.kinds import ORGANISATION_LEVEL
from fest_desktop.awards.levels import award_levels
from fest_desktop.awards.lists import award_lists, notices
from fest_desktop.certificates.batch import Deliver, PrintedBatch, Progress, batch_notes, print_batch, to_file
from fest_desktop.certificates.calibration import printer_calibration
from fest_desktop.certificates.drawing import write_calibration_pdf
from fest_desktop.certificates.items import Sheet
from fest_desktop.certificates.jobs import CertificateJob, certificate_jobs
from fest_desktop.certificates.layout import lay_out_calibration
from fest_desktop.certificates.templates import TemplateInfo, list_templates
from fest_desktop.changes import Changed, Done
from fest_desktop.school.festivals import get_festival
from fest_desktop.school.structure import list_classes
from fest_desktop.storage.database import Database
from ui.awards.calibration_dialog import CalibrationDialog
from ui.awards.preview import CertificatePreview
from ui.awards.printing import certificate_printer, paper_mismatch, print_sheets, to_printer
from ui.operations import ChangeFollower, Runner
from ui.widgets.file_dialogs import ask_save_path
from ui.widgets.forms import date_edit, from_qdate, index_of_data, set_button_menu
from ui.widgets.messages import FAILED, confirm, tell_saved
from ui.widgets.table_models import Column, RowTableModel, selectable_table


class PrintPage(QWidget):
    """Choose the certificates of finalised lists, preview any, print or save them as one PDF."""

    # The finalised lists and their awards, the recipients' names and classes, the templates, the
    # register's numbers.
    FOLLOWS = Changed.FESTIVAL | Changed.SCHOOL | Changed.ENTRIES | Changed.AWARDS | Changed.CERTIFICATES

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.templates: list[TemplateInfo] = []
        self.jobs: list[CertificateJob] = []
        self.calibration_dialog: CalibrationDialog | None = None

        self.template_box = QComboBox()
        self.list_box = QComboBox()
        self.level_box = QComboBox()
        self.class_box = QComboBox()
        self.filters = (self.template_box, self.list_box, self.level_box, self.class_box)
        for box in self.filters:
            box.currentIndexChanged.connect(self.refresh)
        self.overprint = QCheckBox(self.tr("套打（只打印证书纸上没有的内容）"))
        self.overprint.setToolTip(
            self.tr("不打印底图、边框样式和模板中标为“纸上已印”的项（如标题），只打印姓名、奖项等")
        )
        self.greyscale = QCheckBox(self.tr("黑白打印"))
        self.greyscale.setToolTip(self.tr("不勾选时按彩色打印：红色标题和印章在彩色打印机上是红的"))
        self.start_slot = QSpinBox()
        self.start_slot.setRange(1, 36)
        self.start_slot.setToolTip(self.tr("一张纸排几张证书时，从第几个位置开始打印（用完半张纸）"))
        # A batch may bear another day than the festival's certificate date (颁奖典礼 on the calendar).
        self.own_day = QCheckBox(self.tr("落款日期"))
        self.own_day.setToolTip(
            self.tr(
                "不勾选时用评奖规则中的证书日期，否则用日历上颁奖典礼（或闭幕式）的日期，否则科技节最后一天"
            )
        )
        self.day = date_edit(dt.date.today())
        self.day.setEnabled(False)
        self.own_day.toggled.connect(self.day.setEnabled)
        self.own_day.toggled.connect(lambda _checked: self.refresh())
        self.day.dateChanged.connect(lambda _date: self.refresh())
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_selected)
        self.save_button = QPushButton(self.tr("保存为 PDF…"))
        self.save_button.clicked.connect(self.save_selected)
        self.calibrate_button = QPushButton(self.tr("套打校准页"))
        calibration = QMenu(self.calibrate_button)
        calibration.addAction(self.tr("打印校准页…"), self.print_calibration)
        calibration.addAction(self.tr("保存校准页为 PDF…"), self.save_calibration)
        calibration.addAction(self.tr("打印机校准…"), self.calibrate_printer)
        set_button_menu(self.calibrate_button, calibration)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model: RowTableModel[CertificateJob] = RowTableModel(
            [
                Column(self.tr("获奖者"), lambda j: j.recipient),
                Column(self.tr("班级"), lambda j: j.class_name),
                Column(self.tr("奖项"), lambda j: j.award_text),
                Column(self.tr("证书编号"), lambda j: j.number or self.tr("（打印时编号）")),
                Column(self.tr("已打印"), self._printed_text, align_center=True),
            ],
            parent=self,
        )
        self.table, self.proxy = selectable_table(self.model, self, stretch=2)  # 奖项, the longest text
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.preview(current.row())
        )
        self.preview_widget = CertificatePreview(outlines=False)

        filters = QHBoxLayout()
        for label, box in (
            (self.tr("模板"), self.template_box),
            (self.tr("名单"), self.list_box),
            (self.tr("奖项"), self.level_box),
            (self.tr("班级"), self.class_box),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.overprint)
        actions.addWidget(self.greyscale)
        actions.addWidget(self.own_day)
        actions.addWidget(self.day)
        actions.addWidget(QLabel(self.tr("起始位置")))
        for widget in (
            self.start_slot,
            self.calibrate_button,
            self.save_button,
            self.print_button,
        ):
            actions.addWidget(widget)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.summary)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview_widget)
        splitter.setSizes([520, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def _printed_text(self, job: CertificateJob) -> str:
        if job.print_count:
            return str(job.print_count)
        # Numbered by a batch that did not finish: printed next with the same number.
        return self.tr("未打印完成") if job.number else ""

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, _origin: QObject | None) -> None:
        if self.festival_id:
            self._load()

    def _load(self) -> None:
        """The templates, the finalised lists and the certificates read afresh, the choices kept."""
        festival_id = self.festival_id
        self.templates = list_templates(self.db, festival_id)
        for box in self.filters:
            box.blockSignals(True)
        chosen_list, chosen_level, chosen_class = (
            self.list_box.currentData(),
            self.level_box.currentData(),
            self.class_box.currentData(),
        )
        chosen = self.template_box.currentData()
        self.template_box.clear()
        for template in self.templates:
            self.template_box.addItem(f"{template.name}（{self.tr(template.kind.label)}）", template.id)
        self.template_box.setCurrentIndex(max(self.template_box.findData(chosen), 0))
        final = notices(self.db, festival_id)
        self.list_box.clear()
        self.list_box.addItem(self.tr("所有已定稿名单"), None)
        for award_list in award_lists(self.db, festival_id):
            if award_list.key in final:
                self.list_box.addItem(award_list.title, award_list.key)
        self.level_box.clear()
        self.level_box.addItem(self.tr("所有奖项"), "")
        for level in award_levels(self.db, festival_id):
            self.level_box.addItem(level.name, level.name)
        self.level_box.addItem(ORGANISATION_LEVEL, ORGANISATION_LEVEL)
        self.class_box.clear()
        self.class_box.addItem(self.tr("所有班级"), 0)
        for school_class in list_classes(self.db, festival_id):
            self.class_box.addItem(school_class.name, school_class.id)
        for box, kept in (
            (self.list_box, chosen_list),
            (self.level_box, chosen_level),
            (self.class_box, chosen_class),
        ):
            box.setCurrentIndex(max(index_of_data(box, kept), 0))
        for box in self.filters:
            box.blockSignals(False)
        self.refresh()

    def template(self) -> TemplateInfo:
        return next(t for t in self.templates if t.id == self.template_box.currentData())

    def refresh(self) -> None:
        if not self.templates:
            return
        template = self.template()
        self.start_slot.setMaximum(template.slots)
        self.overprint.setChecked(not template.print_background)
        jobs = certificate_jobs(
            self.db,
            self.festival_id,
            list_key=self.list_box.currentData(),
            level=self.level_box.currentData() or None,
            class_id=self.class_box.currentData() or None,
            day=from_qdate(self.day.date()) if self.own_day.isChecked() else None,
        )
        self.jobs = [job for job in jobs if job.kind == template.kind]
        self.model.set_rows(self.jobs)
        printed = sum(1 for job in self.jobs if job.print_count)
        unfinished = sum(1 for job in self.jobs if job.number and not job.print_count)
        other_kinds = list(dict.fromkeys(job.kind for job in jobs if job.kind != template.kind))
        if self.jobs:
            text = self.tr("{0} 张证书，其中 {1} 张已打印过（再打印算重印，编号不变）。").format(
                len(self.jobs), printed
            )
            if unfinished:
                text += self.tr("{0} 张已编号但上次没有打印完成，请重新打印（编号不变）。").format(unfinished)
            stale = out_of_date_lists(self.db, self.festival_id)
            for key in dict.fromkeys(job.list_key for job in self.jobs if job.list_key in stale):
                text = "⚠ " + stale[key] + "\n" + text
        elif other_kinds:
            # The list is there; it is the template that prints another kind of certificate.
            fitting = [t.name for t in self.templates if t.kind in other_kinds]
            text = self.tr(
                "所选名单的 {0} 张证书是{1}证书，当前模板「{2}」用于{3}证书：请在“模板”中选择{4}。"
            ).format(
                len(jobs),
                "、".join(kind.label for kind in other_kinds),
                template.name,
                template.kind.label,
                "、".join(f"「{name}」" for name in fitting) or self.tr("对应的模板"),
            )
        else:
            text = self.tr("没有可打印的证书：先在“获奖名单”中评奖并定稿。")
        self.summary.setText(text)
        if self.jobs:
            self.table.selectRow(0)
            self.preview(0)
        else:
            self.preview_widget.clear()

    def preview(self, row: int) -> None:
        if 0 <= row < self.proxy.rowCount():
            job = self.proxy.row_object(row)
            self.preview_widget.show_certificate(self.template(), job)

    def chosen_jobs(self) -> list[CertificateJob]:
        """The selected certificates, or all of the list when none or one is selected (a reprint of one
        is asked for by selecting it alone and choosing 打印)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if len(rows) > 1 or (len(rows) == 1 and self.proxy.row_object(rows[0]).print_count):
            return [self.proxy.row_object(row) for row in rows]
        return list(self.jobs)

    def run_batch(
        self, jobs: list[CertificateJob], deliver: Deliver, then: Callable[[PrintedBatch], None]
    ) -> bool:
        """Say what needs attention, then print the batch on the runner's worker (numbered, then drawn
        and delivered, then recorded as printed) behind a cancellable progress bar, and then(printed)
        once it is out; False when the teacher stopped before it started."""
        template = self.template()
        notes = batch_notes(template, jobs)
        if notes and not confirm(
            self,
            self.tr("打印前检查"),
            self.tr("发现 {0} 处需要注意：\n{1}\n\n仍然继续吗？").format(len(notes), "\n".join(notes[:12])),
        ):
            return False
        festival_id, overprint, start_slot = (
            self.festival_id,
            self.overprint.isChecked(),
            self.start_slot.value(),
        )

        def batch(progress: Progress) -> Done[PrintedBatch]:
            return print_batch(
                self.db,
                festival_id,
                template,
                jobs,
                deliver,
                overprint=overprint,
                start_slot=start_slot,
                progress=progress,
            )

        # Numbers a batch gave before it stopped stay in the register: the list shows them.
        self.runner.run_with_progress(
            self, batch, then, label=self.tr("正在生成证书…"), failed=lambda _error: self.refresh()
        )
        return True

    def print_to(self, printer: QPrinter) -> bool:
        """Print the chosen certificates on a printer set up by choose_printer (the sheets painted on the
        window's thread, as a native printer needs); False when the teacher stopped before it started."""
        on_printer = to_printer(printer, printer_calibration(self.db, printer.printerName()))

        def deliver(sheets: Sequence[Sheet], progress: Progress) -> None:
            self.runner.on_window_thread(lambda: on_printer(sheets, progress))

        return self.run_batch(self.chosen_jobs(), deliver, lambda _printed: None)

    def choose_printer(self) -> QPrinter | None:
        """The print dialog, opened on the template's paper without margins; None when cancelled or
        when the teacher declines paper that differs from the template's."""
        printer = certificate_printer(self.template(), grey=self.greyscale.isChecked())
        if not QPrintDialog(printer, self).exec():
            return None
        mismatch = paper_mismatch(printer, self.template())
        if mismatch and not confirm(
            self,
            self.tr("纸张与模板不同"),
            self.tr("{0}\n\n请在打印对话框的“属性”中选择与模板相同的纸张和方向。仍然打印吗？").format(
                mismatch
            ),
        ):
            return None
        return printer

    def print_selected(self) -> None:
        printer = self.choose_printer()
        if printer is not None:
            self.print_to(printer)

    def print_calibration(self) -> None:
        printer = self.choose_printer()
        if printer is None:
            return
        sheet = lay_out_calibration(self.template())
        calibration = printer_calibration(self.db, printer.printerName())
        self.runner.read(
            self, lambda: print_sheets(printer, [sheet], lambda _done, _total: True, calibration)
        )

    def calibrate_printer(self) -> None:
        """打印机校准…: the measures of the printed calibration page, kept for the printer."""
        self.calibration_dialog = CalibrationDialog(self.db, self.runner, self.template(), self)
        self.calibration_dialog.open()

    def save_to(self, path: Path) -> bool:
        """Write the chosen certificates into one PDF; False when the teacher stopped before it started."""
        return self.run_batch(
            self.chosen_jobs(),
            to_file(path),
            lambda printed: tell_saved(self, self.tr("已生成 {0} 张证书。").format(len(printed.jobs)), path),
        )

    def save_selected(self) -> None:
        festival = get_festival(self.db, self.festival_id)
        path = ask_save_path(self, self.tr("保存证书"), f"{festival.name}证书", ".pdf", "PDF (*.pdf)")
        if path is not None:
            self.save_to(path)

    def save_calibration(self) -> None:
        path = ask_save_path(self, self.tr("套打校准页"), self.tr("套打校准页"), ".pdf", "PDF (*.pdf)")
        if path is None:
            return
        if self.runner.read(self, lambda: write_calibration_pdf(path, self.template())) is FAILED:
            return
        tell_saved(
            self,
            self.tr("已生成校准页：用普通纸按“实际大小”打印，量出尺子的长度和位置，填入“打印机校准…”。"),
            path,
        )
