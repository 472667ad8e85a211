"""Painting laid-out sheets (certificates, the calibration page) into a PDF with ReportLab."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from fest_desktop.certificates.items import Group, Item, Picture, Rule, Shape, Sheet, Squares, TextRun
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.layout import lay_out_calibration, lay_out_certificates
from fest_desktop.certificates.templates import MM, TemplateInfo
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.files.pdf import fill_modules, register_chinese_font
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


def _redness(red: Any, green: Any, blue: Any) -> Any:
    """How much redder than green and blue each pixel is (0 for grey, white or yellowed paper)."""
    from PIL import ImageChops

    return ImageChops.subtract(red, ImageChops.lighter(green, blue))


def _tenth(channel: Any) -> int:
    """The level a tenth of the picture lies at or under: the paper's, as at least a tenth of a seal's
    picture is paper (a round seal leaves its corners)."""
    counts = channel.histogram()
    seen = 0
    for level, count in enumerate(counts):
        seen += count
        if seen >= sum(counts) / 10:
            return level
    return 0


def prepare_seal(data: bytes) -> bytes:
    """The school's seal as it is printed, from a scan or a phone photo: the paper removed whatever its
    shade (white, grey, yellowed, in shadow) and the red ink kept, as PNG. Ink is told from paper by
    its colour: how much redder than green and blue a pixel is, above what the paper itself shows;
    faint ink fades rather than stops, so the name and the date under the seal show through. The
    colours are lifted as if the paper were white, so a seal photographed on grey paper prints red,
    not brown. (Printed, it is also laid over the text as ink is: see Picture.multiply.)"""
    from PIL import Image, ImageChops, ImageStat

    check_image(data)
    with Image.open(io.BytesIO(data)) as opened:
        # A phone photo is reduced as it is read (a seal prints at 42 mm: 1200 pixels are 700 dpi).
        opened.draft("RGB", (1200, 1200))
        opened.thumbnail((1200, 1200))
        seal = opened.convert("RGBA")
    red, green, blue, alpha = seal.split()
    # First as if the paper were white: its shade (grey, yellowed, a dim photo) divided out.
    first = _redness(red, green, blue)
    paper_red = _tenth(first)
    paper = first.point(lambda value: 255 if value <= paper_red + 10 else 0)
    shade = ImageStat.Stat(seal.convert("RGB"), mask=paper).median
    red, green, blue = tuple(
        channel.point(lambda value, level=level: min(255, round(value * 255 / max(level, 1))))
        for channel, level in zip((red, green, blue), shade, strict=True)
    )
    # Then ink is what is redder than the paper by a margin, faint ink fading rather than stopping.
    redness = _redness(red, green, blue)
    floor = _tenth(redness) + 18
    ink = redness.point(lambda value: 0 if value <= floor else min(255, round((value - floor) * 255 / 50)))
    seal = Image.merge("RGBA", (red, green, blue, ImageChops.multiply(alpha, ink)))
    out = io.BytesIO()
    seal.save(out, format="PNG")
    return out.getvalue()


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

    def __init__(
        self,
        canvas: Any,
        height: float = 0.0,
        images: dict[int, Any] | None = None,
        forms: set[str] | None = None,
    ) -> None:
        self.canvas = canvas
        self.width = 0.0
        self.height = height
        self.images: dict[int, Any] = {} if images is None else images
        self.forms: set[str] = set() if forms is None else forms
        self.font: tuple[str, float] | None = None
        self.fill = ""

    def start(self, sheet: Sheet) -> None:
        self.canvas.setPageSize((sheet.width * MM, sheet.height * MM))
        self.width, self.height = sheet.width, sheet.height
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
                if item.multiply:
                    canvas.saveState()
                    canvas.setBlendMode("Multiply")
                canvas.saveState()
                canvas.transform(
                    item.width * MM, 0, 0, item.height * MM, item.x * MM, (height - item.y - item.height) * MM
                )
                canvas.doForm(self._picture(item.data))
                canvas.restoreState()
                if item.multiply:
                    canvas.restoreState()
            case Squares():
                self._fill(item.colour)
                fill_modules(
                    canvas, item.count, item.modules, item.x * MM, (height - item.y) * MM, item.cell * MM
                )
            case Rule():
                from reportlab.lib.colors import HexColor

                canvas.setStrokeColor(HexColor(item.colour))
                canvas.setLineWidth(item.width * MM)
                canvas.line(item.x1 * MM, (height - item.y1) * MM, item.x2 * MM, (height - item.y2) * MM)
            case Shape():
                self._shape(item)
            case Group():
                self._group(item)

    def _picture(self, data: bytes) -> str:
        """A picture as a form drawn into the file once, a unit square: ReportLab would otherwise
        fingerprint the whole image again on every page that shows it."""
        name = f"picture-{id(data)}"
        if name not in self.forms:
            self.canvas.beginForm(name, 0, 0, 1, 1)
            self.canvas.drawImage(_image(data), 0, 0, 1, 1, mask="auto")
            self.canvas.endForm()
            self.forms.add(name)
            self.images[id(data)] = data  # kept alive, so that its id is not given to other data
        return name

    def _shape(self, shape: Shape) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.pdfgen.canvas import FILL_EVEN_ODD

        canvas, height = self.canvas, self.height
        path = canvas.beginPath()
        for operation, numbers in shape.steps:
            points = [
                value * MM if index % 2 == 0 else (height - value) * MM for index, value in enumerate(numbers)
            ]
            match operation:
                case "M":
                    path.moveTo(*points)
                case "L":
                    path.lineTo(*points)
                case "C":
                    path.curveTo(*points)
                case "Z":
                    path.close()
        if shape.stroke:
            canvas.setStrokeColor(HexColor(shape.stroke))
            canvas.setLineWidth(shape.width * MM)
        if shape.fill:
            self._fill(shape.fill)
        canvas.drawPath(
            path, stroke=1 if shape.stroke else 0, fill=1 if shape.fill else 0, fillMode=FILL_EVEN_ODD
        )

    def _group(self, group: Group) -> None:
        """A group as a form: drawn into the file once, where it stands on the page, and placed on
        every page that shows it at that place with a single operator."""
        canvas = self.canvas
        name = f"group-{group.key}-at-{group.x:g}-{group.y:g}"
        if name not in self.forms:
            canvas.beginForm(name, 0, 0, self.width * MM, self.height * MM)
            canvas.translate(group.x * MM, (self.height - group.y - group.height) * MM)
            inside = _PdfPainter(canvas, group.height, self.images, self.forms)
            for item in group.items:
                inside.paint(item)
            canvas.endForm()
            self.forms.add(name)
        canvas.doForm(name)


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
