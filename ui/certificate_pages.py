"""Printing certificates (choose, preview, print or save one PDF, reprint one, calibrate 套打) and
the template editor with its live preview, on which fields are dragged into place."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fest_desktop import awards, certificates
from fest_desktop.certificates import (
    ALIGNMENTS,
    BUNDLED_FONT_LABEL,
    DATE_STYLES,
    PAPERS,
    TEMPLATE_KINDS,
    CertificateJob,
    TemplateField,
    TemplateInfo,
)
from fest_desktop.db import Database
from fest_desktop.errors import FestError
from fest_desktop.festivals import get_festival
from fest_desktop.school import list_classes
from ui.messages import confirm, show_error, tell_saved
from ui.table_models import Column, RowTableModel, selectable_table

PT_TO_MM = 25.4 / 72


@contextmanager
def pdf_document(data: bytes) -> Iterator[QPdfDocument]:
    """A PDF held in memory, opened with QtPdf (the buffer it reads lives as long as the document)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        yield document
    finally:
        document.close()


def render_pdf_page(data: bytes, width: int) -> QImage:
    """The first page of a PDF as an image width pixels wide, on white paper."""
    with pdf_document(data) as document:
        points = document.pagePointSize(0)
        height = round(width * points.height() / max(points.width(), 1))
        rendered = document.render(0, QSize(width, height))
    image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def print_pdf(data: bytes, printer: QPrinter) -> None:
    """Send every page of a PDF to the printer, each scaled to the printable page."""
    dpi = min(printer.resolution(), 300)
    with pdf_document(data) as document:
        painter = QPainter(printer)
        try:
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                points = document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = document.render(page, size)
                painter.drawImage(QRectF(printer.pageRect(QPrinter.Unit.DevicePixel)), image)
        finally:
            painter.end()


class CertificatePreview(QWidget):
    """A certificate as it prints, with the template's fields outlined; dragging a field moves it."""

    field_moved = Signal(str, float, float)
    field_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, outlines: bool = True) -> None:
        super().__init__(parent)
        self.outlines = outlines
        self.template: TemplateInfo | None = None
        self.image = QImage()
        self.selected = ""
        self._drag: tuple[str, QPointF, float, float] | None = None
        self.setMinimumSize(420, 300)
        self.setMouseTracking(True)

    def show_certificate(self, template: TemplateInfo, job: CertificateJob) -> None:
        self.template = template
        try:
            data = certificates.preview_pdf(template, job)
        except FestError:
            self.image = QImage()
        else:
            self.image = render_pdf_page(data, 1200)
        self.update()

    def _scale(self) -> tuple[float, QPointF]:
        """Pixels per mm of the slot drawn, and where its top left is."""
        assert self.template is not None
        width, height = self.template.width_mm, self.template.height_mm
        scale = min((self.width() - 12) / width, (self.height() - 12) / height)
        origin = QPointF((self.width() - width * scale) / 2, (self.height() - height * scale) / 2)
        return scale, origin

    def field_rect(self, item: TemplateField) -> QRectF:
        scale, origin = self._scale()
        if item.kind == "text":
            lines = 3 if item.wrap else 1
            height = item.size * PT_TO_MM * (item.line_spacing * (lines - 1) + 1.1)
        else:
            height = item.width_mm
        return QRectF(
            origin.x() + item.x_mm * scale,
            origin.y() + item.y_mm * scale,
            item.width_mm * scale,
            height * scale,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#e8eaed"))
        if self.template is None or self.image.isNull():
            return
        scale, origin = self._scale()
        page = QRectF(
            origin,
            QPointF(
                origin.x() + self.template.width_mm * scale, origin.y() + self.template.height_mm * scale
            ),
        )
        painter.drawImage(page, self.image)
        for item in self.template.fields if self.outlines else ():
            if not item.visible:
                continue
            chosen = item.name == self.selected
            painter.setPen(
                QPen(QColor("#1565c0" if chosen else "#90a4ae"), 2 if chosen else 1, Qt.PenStyle.DashLine)
            )
            painter.drawRect(self.field_rect(item))

    def field_at(self, point: QPointF) -> TemplateField | None:
        if self.template is None:
            return None
        # The field being edited wins where fields overlap (the seal sits on the school's name).
        if self.selected and self.field_rect(self.template.field(self.selected)).contains(point):
            return self.template.field(self.selected)
        for item in reversed(self.template.fields):
            if item.visible and self.field_rect(item).contains(point):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.field_at(event.position())
        if item is not None:
            self.selected = item.name
            self._drag = (item.name, event.position(), item.x_mm, item.y_mm)
            self.field_clicked.emit(item.name)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move_to(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._move_to(event.position()):
            assert self._drag is not None and self.template is not None
            name = self._drag[0]
            self._drag = None
            item = self.template.field(name)
            self.field_moved.emit(name, item.x_mm, item.y_mm)

    def _move_to(self, point: QPointF) -> bool:
        """Move the dragged field so that it follows the mouse; False when nothing is dragged."""
        if self._drag is None or self.template is None:
            return False
        name, start, x, y = self._drag
        scale, _origin = self._scale()
        moved = point - start
        item = self.template.field(name)
        self.template = self.template.with_field(
            dataclasses.replace(
                item, x_mm=round(x + moved.x() / scale, 1), y_mm=round(y + moved.y() / scale, 1)
            )
        )
        self.update()
        return True


class PrintPage(QWidget):
    """Choose the certificates of finalised lists, preview any, print or save them as one PDF."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.festival_id = 0
        self.templates: list[TemplateInfo] = []
        self.jobs: list[CertificateJob] = []

        self.template_box = QComboBox()
        self.list_box = QComboBox()
        self.level_box = QComboBox()
        self.class_box = QComboBox()
        self.filters = (self.template_box, self.list_box, self.level_box, self.class_box)
        for box in self.filters:
            box.currentIndexChanged.connect(self.refresh)
        self.overprint = QCheckBox(self.tr("套打（不打印底图）"))
        self.start_slot = QSpinBox()
        self.start_slot.setRange(1, 36)
        self.start_slot.setToolTip(self.tr("一张纸排几张证书时，从第几个位置开始打印（用完半张纸）"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_selected)
        self.save_button = QPushButton(self.tr("保存为 PDF…"))
        self.save_button.clicked.connect(self.save_selected)
        self.calibrate_button = QPushButton(self.tr("套打校准页…"))
        self.calibrate_button.clicked.connect(self.save_calibration)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model: RowTableModel[CertificateJob] = RowTableModel(
            [
                Column(self.tr("获奖者"), lambda j: j.recipient),
                Column(self.tr("班级"), lambda j: j.class_name),
                Column(self.tr("奖项"), lambda j: j.award_text),
                Column(self.tr("证书编号"), lambda j: j.number or self.tr("（打印时编号）")),
                Column(self.tr("已打印"), lambda j: j.print_count or "", align_center=True),
            ],
            parent=self,
        )
        self.table, self.proxy = selectable_table(self.model, self)
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

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.templates = certificates.list_templates(self.db, festival_id)
        for box in self.filters:
            box.blockSignals(True)
        chosen = self.template_box.currentData()
        self.template_box.clear()
        for template in self.templates:
            self.template_box.addItem(
                f"{template.name}（{self.tr(TEMPLATE_KINDS[template.kind])}）", template.id
            )
        self.template_box.setCurrentIndex(max(self.template_box.findData(chosen), 0))
        final = awards.notices(self.db, festival_id)
        self.list_box.clear()
        self.list_box.addItem(self.tr("所有已定稿名单"), "")
        for award_list in awards.award_lists(self.db, festival_id):
            if award_list.key in final:
                self.list_box.addItem(award_list.title, award_list.key)
        self.level_box.clear()
        self.level_box.addItem(self.tr("所有奖项"), "")
        for level in awards.award_levels(self.db, festival_id):
            self.level_box.addItem(level.name, level.name)
        self.level_box.addItem(awards.ORGANISATION_LEVEL, awards.ORGANISATION_LEVEL)
        self.class_box.clear()
        self.class_box.addItem(self.tr("所有班级"), 0)
        for school_class in list_classes(self.db, festival_id):
            self.class_box.addItem(school_class.name, school_class.id)
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
        jobs = certificates.certificate_jobs(
            self.db,
            self.festival_id,
            list_key=self.list_box.currentData() or None,
            level=self.level_box.currentData() or None,
            class_id=self.class_box.currentData() or None,
        )
        self.jobs = [job for job in jobs if job.kind == template.kind]
        self.model.set_rows(self.jobs)
        printed = sum(1 for job in self.jobs if job.print_count)
        if self.jobs:
            text = self.tr("{0} 张证书，其中 {1} 张已打印过（再打印算重印，编号不变）。").format(
                len(self.jobs), printed
            )
        else:
            text = self.tr("没有可打印的证书：先在“获奖名单”中评奖并定稿。")
        self.summary.setText(text)
        if self.jobs:
            self.table.selectRow(0)
            self.preview(0)

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

    def render(self, jobs: list[CertificateJob]) -> tuple[bytes, list[CertificateJob]] | None:
        """Check the fonts, number the certificates, draw them with a cancellable progress bar."""
        import io

        template = self.template()
        problems = certificates.font_notes(template) + [
            str(p) for p in certificates.check_glyphs(template, jobs)
        ]
        if problems and not confirm(
            self,
            self.tr("字体检查"),
            self.tr("发现 {0} 处需要注意：\n{1}\n\n仍然继续吗？").format(
                len(problems), "\n".join(problems[:12])
            ),
        ):
            return None
        try:
            numbered = certificates.issue_numbers(self.db, self.festival_id, jobs)
        except FestError as exc:
            show_error(self, exc.message)
            return None
        progress = QProgressDialog(self.tr("正在生成证书…"), self.tr("取消"), 0, len(numbered), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        buffer = io.BytesIO()
        try:
            certificates.render_certificates(
                buffer,
                template,
                numbered,
                with_background=not self.overprint.isChecked(),
                start_slot=self.start_slot.value(),
                progress=step,
            )
        except FestError as exc:
            progress.close()
            show_error(self, exc.message)
            return None
        progress.close()
        return buffer.getvalue(), numbered

    def _recorded(self, numbered: list[CertificateJob]) -> None:
        certificates.record_printed(
            self.db, [j.certificate_id for j in numbered if j.certificate_id is not None]
        )
        self.refresh()

    def print_to(self, printer: QPrinter) -> bool:
        rendered = self.render(self.chosen_jobs())
        if rendered is None:
            return False
        data, numbered = rendered
        print_pdf(data, printer)
        self._recorded(numbered)
        return True

    def print_selected(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            self.print_to(printer)

    def save_to(self, path: Path) -> bool:
        rendered = self.render(self.chosen_jobs())
        if rendered is None:
            return False
        data, numbered = rendered
        try:
            path.write_bytes(data)
        except OSError as exc:
            show_error(self, self.tr("无法写入「{0}」：{1}").format(path, exc.strerror))
            return False
        self._recorded(numbered)
        tell_saved(self, self.tr("已生成 {0} 张证书。").format(len(numbered)), path)
        return True

    def save_selected(self) -> None:
        festival = get_festival(self.db, self.festival_id)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存证书"), f"{festival.name}证书.pdf", "PDF (*.pdf)"
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_calibration(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("套打校准页"), "套打校准页.pdf", "PDF (*.pdf)")
        if not chosen:
            return
        try:
            certificates.write_calibration_pdf(Path(chosen), self.template())
        except FestError as exc:
            show_error(self, exc.message)
            return
        tell_saved(
            self, self.tr("已生成校准页：用普通纸打印，与证书纸对齐后调整模板的打印偏移。"), Path(chosen)
        )


class TemplateEditor(QWidget):
    """A template's sheet and fields, every change saved at once and shown on a real certificate."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.festival_id = 0
        self.info: TemplateInfo | None = None
        self.sample: CertificateJob | None = None
        self._loading = False

        self.template_box = QComboBox()
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        copy_button = QPushButton(self.tr("复制为新模板"))
        copy_button.clicked.connect(self.copy_template)
        delete_button = QPushButton(self.tr("删除模板"))
        delete_button.clicked.connect(self.delete_template)

        self.name = QLineEdit()
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper, paper)
        self.paper.addItem(self.tr(certificates.CUSTOM_PAPER), certificates.CUSTOM_PAPER)
        self.landscape = QCheckBox(self.tr("横向"))
        self.width_mm = self._spin(20, 1000)
        self.height_mm = self._spin(20, 1000)
        self.columns = QSpinBox()
        self.columns.setRange(1, 6)
        self.rows = QSpinBox()
        self.rows.setRange(1, 6)
        self.date_style = QComboBox()
        for code, example in DATE_STYLES.items():
            self.date_style.addItem(example, code)
        self.print_background = QCheckBox(self.tr("打印底图（普通纸）；不勾选为套打"))
        self.offset_x = self._spin(-50, 50)
        self.offset_y = self._spin(-50, 50)
        background_button = QPushButton(self.tr("底图…"))
        background_button.clicked.connect(lambda: self.choose_image("background"))
        seal_button = QPushButton(self.tr("印章图片…"))
        seal_button.clicked.connect(lambda: self.choose_image("seal"))
        clear_button = QPushButton(self.tr("去掉底图和印章"))
        clear_button.clicked.connect(self.clear_images)

        self.fields = QListWidget()
        self.fields.currentTextChanged.connect(self._field_chosen)
        self.field_text = QLineEdit()
        self.field_text.setToolTip(" ".join(f"{{{p}}}" for p in certificates.PLACEHOLDERS))
        self.field_x = self._spin(-1, 1000)
        self.field_y = self._spin(-1, 1000)
        self.field_width = self._spin(1, 1000)
        self.field_font = QComboBox()
        self.field_font.setEditable(True)
        self.field_font.addItem(BUNDLED_FONT_LABEL)
        self.field_font.addItems(certificates.installed_font_names() or ["楷体", "宋体"])
        self.field_size = self._spin(4, 200)
        self.field_align = QComboBox()
        for code, text in ALIGNMENTS.items():
            self.field_align.addItem(self.tr(text), code)
        self.field_wrap = QCheckBox(self.tr("自动换行"))
        self.field_visible = QCheckBox(self.tr("打印这一项"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b71c1c;")
        self.preview = CertificatePreview()
        self.preview.field_moved.connect(self._field_dragged)
        self.preview.field_clicked.connect(self._select_field)

        for widget in (self.name, self.field_text):
            widget.editingFinished.connect(self.save)
        for box in (self.paper, self.date_style, self.field_align):
            box.currentIndexChanged.connect(self.save)
        self.field_font.currentTextChanged.connect(lambda _text: self.save())
        for check in (self.landscape, self.print_background, self.field_wrap, self.field_visible):
            check.toggled.connect(self.save)
        for spin in (
            self.width_mm,
            self.height_mm,
            self.columns,
            self.rows,
            self.offset_x,
            self.offset_y,
            self.field_x,
            self.field_y,
            self.field_width,
            self.field_size,
        ):
            spin.valueChanged.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("模板")))
        top.addWidget(self.template_box, 1)
        top.addWidget(copy_button)
        top.addWidget(delete_button)
        sheet = QFormLayout()
        sheet.addRow(self.tr("名称"), self.name)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper)
        paper_row.addWidget(self.landscape)
        sheet.addRow(self.tr("纸张"), paper_row)
        size_row = QHBoxLayout()
        size_row.addWidget(self.width_mm)
        size_row.addWidget(QLabel("×"))
        size_row.addWidget(self.height_mm)
        sheet.addRow(self.tr("宽×高（毫米）"), size_row)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.columns)
        slots_row.addWidget(QLabel("×"))
        slots_row.addWidget(self.rows)
        sheet.addRow(self.tr("每张纸（列×行）"), slots_row)
        sheet.addRow(self.tr("日期写法"), self.date_style)
        sheet.addRow(self.print_background)
        offset_row = QHBoxLayout()
        offset_row.addWidget(self.offset_x)
        offset_row.addWidget(self.offset_y)
        sheet.addRow(self.tr("打印偏移 X / Y（毫米）"), offset_row)
        images = QHBoxLayout()
        for button in (background_button, seal_button, clear_button):
            images.addWidget(button)
        sheet.addRow(images)
        field_form = QFormLayout()
        field_form.addRow(self.tr("内容"), self.field_text)
        position = QHBoxLayout()
        for spin in (self.field_x, self.field_y, self.field_width):
            position.addWidget(spin)
        field_form.addRow(self.tr("X / Y / 宽（毫米）"), position)
        field_form.addRow(self.tr("字体"), self.field_font)
        field_form.addRow(self.tr("字号（磅）"), self.field_size)
        field_form.addRow(self.tr("对齐"), self.field_align)
        checks = QHBoxLayout()
        checks.addWidget(self.field_wrap)
        checks.addWidget(self.field_visible)
        field_form.addRow(checks)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(sheet)
        side_layout.addWidget(QLabel(self.tr("字段（可在右边的预览上拖动位置）")))
        side_layout.addWidget(self.fields, 1)
        side_layout.addLayout(field_form)
        side_layout.addWidget(self.note)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setSizes([440, 740])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    @staticmethod
    def _spin(low: float, high: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(1)
        spin.setKeyboardTracking(False)
        return spin

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        festival = get_festival(self.db, festival_id)
        self.festival_name, self.school, self.day = festival.name, festival.school_name, festival.end_date
        self._fill_templates(self.info.id if self.info else None)

    def _fill_templates(self, chosen: int | None) -> None:
        templates = certificates.list_templates(self.db, self.festival_id)
        self.template_box.blockSignals(True)
        self.template_box.clear()
        for template in templates:
            self.template_box.addItem(template.name, template.id)
        self.template_box.setCurrentIndex(max(self.template_box.findData(chosen), 0))
        self.template_box.blockSignals(False)
        self._template_chosen()

    def _template_chosen(self) -> None:
        template_id = self.template_box.currentData()
        if template_id is None:
            return
        self.load(certificates.get_template(self.db, int(template_id)))

    def _real_job(self, template: TemplateInfo) -> CertificateJob:
        """A real certificate of this kind when one exists, else a made-up one."""
        real = [
            job
            for job in certificates.certificate_jobs(self.db, self.festival_id, finalised_only=False)
            if job.kind == template.kind
        ]
        return (
            real[0] if real else certificates.sample_job(template, self.festival_name, self.school, self.day)
        )

    def load(self, info: TemplateInfo) -> None:
        self._loading = True
        self.info = info
        self.sample = self._real_job(info)
        self.name.setText(info.name)
        self.paper.setCurrentIndex(max(self.paper.findData(info.paper), 0))
        self.landscape.setChecked(info.landscape)
        self.width_mm.setValue(info.width_mm)
        self.height_mm.setValue(info.height_mm)
        self.columns.setValue(info.columns)
        self.rows.setValue(info.rows)
        self.date_style.setCurrentIndex(max(self.date_style.findData(info.date_style), 0))
        self.print_background.setChecked(info.print_background)
        self.offset_x.setValue(info.offset_x_mm)
        self.offset_y.setValue(info.offset_y_mm)
        current = self.fields.currentItem().text() if self.fields.currentItem() else ""
        self.fields.clear()
        self.fields.addItems([f.name for f in info.fields])
        matches = self.fields.findItems(current, Qt.MatchFlag.MatchExactly)
        self.fields.setCurrentRow(self.fields.row(matches[0]) if matches else 0)
        self._loading = False
        self._field_chosen(self.fields.currentItem().text() if self.fields.currentItem() else "")
        self._show()

    def _field_chosen(self, name: str) -> None:
        if self.info is None or not name:
            return
        item = self.info.field(name)
        self._loading = True
        self.field_text.setText(item.text)
        self.field_text.setEnabled(item.kind == "text")
        self.field_x.setValue(item.x_mm)
        self.field_y.setValue(item.y_mm)
        self.field_width.setValue(item.width_mm)
        self.field_font.setCurrentText(item.font or BUNDLED_FONT_LABEL)
        self.field_size.setValue(item.size)
        self.field_align.setCurrentIndex(max(self.field_align.findData(item.align), 0))
        self.field_wrap.setChecked(item.wrap)
        self.field_visible.setChecked(item.visible)
        self._loading = False
        self.preview.selected = name
        self.preview.update()

    def _select_field(self, name: str) -> None:
        matches = self.fields.findItems(name, Qt.MatchFlag.MatchExactly)
        if matches:
            self.fields.setCurrentItem(matches[0])

    def _field_dragged(self, name: str, x: float, y: float) -> None:
        assert self.info is not None
        self._store(self.info.with_field(dataclasses.replace(self.info.field(name), x_mm=x, y_mm=y)))
        self._field_chosen(name)

    def edited(self) -> TemplateInfo:
        """The template as the form now shows it."""
        assert self.info is not None
        paper = str(self.paper.currentData())
        landscape = self.landscape.isChecked()
        if paper in PAPERS:
            width, height = certificates.paper_size(paper, landscape)
        else:
            width, height = self.width_mm.value(), self.height_mm.value()
        info = dataclasses.replace(
            self.info,
            name=self.name.text(),
            paper=paper,
            landscape=landscape,
            width_mm=width,
            height_mm=height,
            columns=self.columns.value(),
            rows=self.rows.value(),
            date_style=str(self.date_style.currentData()),
            print_background=self.print_background.isChecked(),
            offset_x_mm=self.offset_x.value(),
            offset_y_mm=self.offset_y.value(),
        )
        current = self.fields.currentItem()
        if current is not None:
            item = info.field(current.text())
            font = self.field_font.currentText().strip()
            info = info.with_field(
                dataclasses.replace(
                    item,
                    text=self.field_text.text(),
                    x_mm=self.field_x.value(),
                    y_mm=self.field_y.value(),
                    width_mm=self.field_width.value(),
                    font="" if font == BUNDLED_FONT_LABEL else font,
                    size=self.field_size.value(),
                    align=str(self.field_align.currentData()),
                    wrap=self.field_wrap.isChecked(),
                    visible=self.field_visible.isChecked(),
                )
            )
        return info

    def save(self) -> None:
        if self._loading or self.info is None:
            return
        self._store(self.edited())

    def _store(self, info: TemplateInfo) -> None:
        """Save at once; a refused template keeps the last good one and says why."""
        try:
            saved = certificates.save_template(self.db, self.festival_id, info)
        except FestError as exc:
            self.note.setText(exc.message)
            return
        self.note.setText("　".join(certificates.font_notes(saved)))
        name_changed = self.info is not None and saved.name != self.info.name
        self.info = saved
        if name_changed:
            self.template_box.setItemText(self.template_box.currentIndex(), saved.name)
        self._loading = True
        width, height = saved.width_mm, saved.height_mm
        self.width_mm.setValue(width)
        self.height_mm.setValue(height)
        self._loading = False
        self._show()

    def _show(self) -> None:
        if self.info is not None and self.sample is not None:
            selected = self.preview.selected
            self.preview.show_certificate(self.info, self.sample)
            self.preview.selected = selected

    def choose_image(self, which: str) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择图片"), "", self.tr("图片 (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.set_image(which, Path(chosen))

    def set_image(self, which: str, path: Path) -> None:
        assert self.info is not None
        try:
            data = path.read_bytes()
            certificates.check_image(data)
        except OSError as exc:
            show_error(self, self.tr("无法读取「{0}」：{1}").format(path, exc.strerror))
            return
        except FestError as exc:
            show_error(self, exc.message)
            return
        self._store(dataclasses.replace(self.info, **{which: data}))

    def clear_images(self) -> None:
        if self.info is not None:
            self._store(dataclasses.replace(self.info, background=None, seal=None))

    def copy_template(self) -> None:
        if self.info is None:
            return
        copy = dataclasses.replace(self.info, id=0, name=self.tr("{0}（副本）").format(self.info.name))
        try:
            saved = certificates.save_template(self.db, self.festival_id, copy)
        except FestError as exc:
            show_error(self, exc.message)
            return
        self._fill_templates(saved.id)

    def delete_template(self) -> None:
        if self.info is None or not confirm(
            self, self.tr("删除模板"), self.tr("删除模板「{0}」吗？").format(self.info.name)
        ):
            return
        try:
            certificates.delete_template(self.db, self.info.id)
        except FestError as exc:
            show_error(self, exc.message)
            return
        self.info = None
        self._fill_templates(None)
