"""Showing and printing PDFs the core drew: pages rendered with QtPdf, and the certificate preview."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from fest_desktop.certificates.batch import Deliver
from fest_desktop.certificates.drawing import preview_pdf
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import FieldKind
from fest_desktop.certificates.templates import TemplateField, TemplateInfo
from fest_desktop.errors import FestError

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
    """Send every page of a PDF to the printer, each scaled to the printable page; FestError when the
    printer did not take the job (cancelled in the driver's own dialog, printer gone)."""
    dpi = min(printer.resolution(), 300)
    with pdf_document(data) as document:
        painter = QPainter()
        if not painter.begin(printer):
            raise FestError(
                QCoreApplication.translate("pdf_view", "打印机没有接受打印任务（可能已取消），证书没有打印。")
            )
        try:
            for page in range(document.pageCount()):
                if page and not printer.newPage():
                    raise FestError(QCoreApplication.translate("pdf_view", "打印中断，证书没有全部打印。"))
                points = document.pagePointSize(page)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = document.render(page, size)
                painter.drawImage(QRectF(printer.pageRect(QPrinter.Unit.DevicePixel)), image)
        finally:
            ended = painter.end()
        if not ended:
            raise FestError(
                QCoreApplication.translate("pdf_view", "打印机没有完成打印任务，证书没有记为已打印。")
            )


def to_printer(printer: QPrinter) -> Deliver:
    """Deliver a certificate batch to a printer."""

    def send(pdf: bytes, _jobs: Sequence[CertificateJob]) -> None:
        print_pdf(pdf, printer)

    return send


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
            data = preview_pdf(template, job)
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
        if item.kind == FieldKind.TEXT:
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
