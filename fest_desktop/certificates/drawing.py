"""Painting laid-out sheets (certificates, the calibration page) into a PDF with ReportLab."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.layout import (
    Item,
    Picture,
    Rule,
    Sheet,
    Squares,
    TextRun,
    lay_out_calibration,
    lay_out_certificates,
)
from fest_desktop.certificates.templates import MM, TemplateInfo
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.files.pdf import register_chinese_font
from fest_desktop.files.saving import write_bytes


class Cancelled(FestError):
    """The user cancelled a batch; no file was written."""


def _image(data: bytes) -> Any:
    from reportlab.lib.utils import ImageReader

    try:
        return ImageReader(io.BytesIO(data))
    except Exception as exc:  # Pillow raises several types for a file that is not an image
        raise ValidationError("图片无法读取，请选择 PNG 或 JPG 文件。") from exc


def check_image(data: bytes) -> None:
    """Refuse a background or seal that is not a readable image."""
    _image(data)


def _new_canvas(target: Any, first: Sheet, title: str) -> Any:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(
        target,
        pagesize=(first.width * MM, first.height * MM),
        pageCompression=1,
        initialFontName=register_chinese_font(),
    )
    canvas.setTitle(title)
    canvas.setAuthor("科技节")
    return canvas


class _PdfPainter:
    """Paints laid-out items on a ReportLab canvas, whose y runs upwards from the bottom in points."""

    def __init__(self, canvas: Any) -> None:
        self.canvas = canvas
        self.height = 0.0
        self.images: dict[int, Any] = {}
        self.font: tuple[str, float] | None = None
        self.fill = ""

    def start(self, sheet: Sheet) -> None:
        self.canvas.setPageSize((sheet.width * MM, sheet.height * MM))
        self.height = sheet.height
        self.font, self.fill = None, ""

    def _fill(self, colour: str) -> None:
        if colour != self.fill:
            from reportlab.lib.colors import HexColor

            self.canvas.setFillColor(HexColor(colour))
            self.fill = colour

    def paint(self, item: Item) -> None:
        canvas, height = self.canvas, self.height
        match item:
            case TextRun():
                self._fill(item.colour)
                if self.font != (item.font, item.size):
                    canvas.setFont(item.font, item.size)
                    self.font = (item.font, item.size)
                canvas.drawString(item.x * MM, (height - item.baseline) * MM, item.text)
            case Picture():
                # One image object per picture in the file, however many pages show it.
                image = self.images.get(id(item.data))
                if image is None:
                    image = self.images[id(item.data)] = _image(item.data)
                canvas.drawImage(
                    image,
                    item.x * MM,
                    (height - item.y - item.height) * MM,
                    item.width * MM,
                    item.height * MM,
                    mask="auto",
                )
            case Squares():
                self._fill(item.colour)
                for row, column in item.cells:
                    canvas.rect(
                        (item.x + column * item.cell) * MM,
                        (height - item.y - (row + 1) * item.cell) * MM,
                        item.cell * MM,
                        item.cell * MM,
                        stroke=0,
                        fill=1,
                    )
            case Rule():
                from reportlab.lib.colors import HexColor

                canvas.setStrokeColor(HexColor(item.colour))
                canvas.setLineWidth(item.width * MM)
                canvas.line(item.x1 * MM, (height - item.y1) * MM, item.x2 * MM, (height - item.y2) * MM)


def paint_pdf(
    target: Any, sheets: Sequence[Sheet], *, title: str, progress: Callable[[int, int], bool] | None = None
) -> None:
    """Paint laid-out sheets into target (a path or a binary file), a page each. progress(done, total)
    counts certificates after each sheet and cancels (Cancelled, nothing written) by returning False."""
    canvas = _new_canvas(target, sheets[0], title)
    painter = _PdfPainter(canvas)
    total = sum(sheet.certificates for sheet in sheets)
    done = 0
    for sheet in sheets:
        painter.start(sheet)
        for item in sheet.items:
            painter.paint(item)
        canvas.showPage()
        done += sheet.certificates
        if progress is not None and not progress(done, total):
            raise Cancelled("已取消，没有生成文件。")
    canvas.save()


def certificates_pdf(template: TemplateInfo, jobs: Sequence[CertificateJob], **options: Any) -> bytes:
    """The certificates as one PDF in memory (options as for lay_out_certificates)."""
    buffer = io.BytesIO()
    paint_pdf(buffer, lay_out_certificates(template, jobs, **options), title="证书")
    return buffer.getvalue()


def write_calibration_pdf(path: Path, template: TemplateInfo) -> None:
    """The 套打 calibration page (see lay_out_calibration) as a PDF file."""
    pdf = io.BytesIO()
    paint_pdf(pdf, [lay_out_calibration(template)], title="套打校准页")
    write_bytes(path, pdf.getvalue())
