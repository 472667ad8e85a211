"""Drawing certificates with ReportLab: one per slot of a sheet, on plain paper or onto pre-printed
paper (套打), the previews, and the calibration page."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from fest_desktop.certificates.fonts import font_chain
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import Alignment, FieldKind
from fest_desktop.certificates.placeholders import fill
from fest_desktop.certificates.register import qr_payload
from fest_desktop.certificates.templates import MM, TemplateField, TemplateInfo
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


class CertificateCanvas:
    """Draws certificates of one template onto a ReportLab canvas, slot after slot."""

    def __init__(self, canvas: Any, template: TemplateInfo, *, with_background: bool) -> None:
        self.canvas = canvas
        self.template = template
        self.background = _image(template.background) if with_background and template.background else None
        self.seal = _image(template.seal) if template.seal else None
        self.chains = {f.name: font_chain(f.font) for f in template.fields if f.kind == FieldKind.TEXT}
        canvas.setPageSize((template.width_mm * MM, template.height_mm * MM))

    def slot_origin(self, slot: int) -> tuple[float, float]:
        """The top left of a slot in points, offsets applied; PDF's y runs upwards."""
        template = self.template
        width, height = template.slot_size
        column, row = slot % template.columns, slot // template.columns
        x = (column * width + template.offset_x_mm) * MM
        top = (template.height_mm - row * height - template.offset_y_mm) * MM
        return x, top

    def draw(self, job: CertificateJob, slot: int) -> None:
        canvas = self.canvas
        x0, top = self.slot_origin(slot)
        width, height = self.template.slot_size
        if self.background is not None:
            canvas.drawImage(self.background, x0, top - height * MM, width * MM, height * MM)
        values = job.values_for(self.template)
        for item in self.template.fields:
            if not item.visible:
                continue
            left, y = x0 + item.x_mm * MM, top - item.y_mm * MM
            size = item.width_mm * MM
            if item.kind == FieldKind.SEAL:
                if self.seal is not None:
                    canvas.drawImage(self.seal, left, y - size, size, size, mask="auto")
            elif item.kind == FieldKind.QR:
                if job.number:
                    from fest_desktop.files.pdf import draw_qr_code

                    draw_qr_code(canvas, qr_payload(job), left, y - size, size)
            else:
                self._text(item, values, left, y)

    def _text(self, item: TemplateField, values: Mapping[str, str], left: float, top: float) -> None:
        chain = self.chains[item.name]
        text, _missing = fill(item.text, values)
        box = item.width_mm * MM
        size = item.size
        if not item.wrap:
            # A line longer than its box (a long team of names) is set smaller rather than run off the paper.
            size = min(size, size * box / max(chain.width(text, size), 1e-6))
        lines = chain.wrap(text, size, box) if item.wrap else [text]
        baseline = top - item.size * 0.88
        for line in lines:
            runs = chain.runs(line)
            if item.align == Alignment.LEFT:
                x = left
            else:
                width = chain.width(line, size)
                x = left + (box - width) / (2 if item.align == Alignment.CENTER else 1)
            for font, part in runs:
                self.canvas.setFont(font, size)
                self.canvas.drawString(x, baseline, part)
                if len(runs) > 1:
                    x += chain.width(part, size)
            baseline -= item.size * item.line_spacing


def _new_canvas(target: Any, template: TemplateInfo, title: str) -> Any:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(
        target,
        pagesize=(template.width_mm * MM, template.height_mm * MM),
        pageCompression=1,
        initialFontName=register_chinese_font(),
    )
    canvas.setTitle(title)
    canvas.setAuthor("科技节")
    return canvas


def render_certificates(
    target: Any,
    template: TemplateInfo,
    jobs: Sequence[CertificateJob],
    *,
    with_background: bool | None = None,
    start_slot: int = 1,
    progress: Callable[[int, int], bool] | None = None,
    title: str = "证书",
) -> int:
    """Draw the certificates into target (a path or a binary file), filling the slots of each sheet
    from start_slot (1-based) on the first; returns the number of sheets. progress(done, total) is
    called after each certificate and cancels the batch (Cancelled, nothing written) by returning False."""
    if not jobs:
        raise ValidationError("没有要打印的证书。")
    if not 1 <= start_slot <= template.slots:
        raise ValidationError(f"起始位置要在 1 到 {template.slots} 之间。")
    background = template.print_background if with_background is None else with_background
    canvas = _new_canvas(target, template, title)
    drawer = CertificateCanvas(canvas, template, with_background=background)
    slot = start_slot - 1
    sheets = 1
    for done, job in enumerate(jobs, start=1):
        if slot == template.slots:
            canvas.showPage()
            drawer = CertificateCanvas(canvas, template, with_background=background)
            sheets += 1
            slot = 0
        drawer.draw(job, slot)
        slot += 1
        if progress is not None and not progress(done, len(jobs)):
            raise Cancelled("已取消，没有生成文件。")
    canvas.showPage()
    canvas.save()
    return sheets


def preview_pdf(template: TemplateInfo, job: CertificateJob) -> bytes:
    """One certificate on its own sheet, background shown, for the editor's and the batch's preview."""
    buffer = io.BytesIO()
    render_certificates(buffer, template, [job], with_background=True, title="预览")
    return buffer.getvalue()


def write_calibration_pdf(path: Path, template: TemplateInfo) -> None:
    """A ruler grid of the template's sheet, offsets applied, to print on plain paper and hold against
    the pre-printed paper: the lines are 10 mm apart and numbered from the sheet's top left."""
    pdf = io.BytesIO()
    canvas = _new_canvas(pdf, template, "套打校准页")
    font = register_chinese_font()
    width, height = template.width_mm, template.height_mm
    dx, dy = template.offset_x_mm, template.offset_y_mm
    canvas.setLineWidth(0.2)
    for x in range(0, int(width) + 1, 5):
        canvas.setStrokeGray(0 if x % 10 == 0 else 0.6)
        canvas.line((x + dx) * MM, 0, (x + dx) * MM, height * MM)
    for y in range(0, int(height) + 1, 5):
        canvas.setStrokeGray(0 if y % 10 == 0 else 0.6)
        canvas.line(0, (height - y - dy) * MM, width * MM, (height - y - dy) * MM)
    canvas.setFont(font, 7)
    for x in range(10, int(width), 10):
        canvas.drawString((x + dx) * MM + 1, (height - dy) * MM - 3 * MM, str(x))
    for y in range(10, int(height), 10):
        canvas.drawString((dx + 1) * MM, (height - y - dy) * MM + 1, str(y))
    canvas.setFont(font, 12)
    lines = [
        f"套打校准页 · {template.name} · {width:g}×{height:g} 毫米 · 当前偏移 X {dx:g} 毫米，Y {dy:g} 毫米",
        "用普通纸打印本页，与证书纸重叠对着光看：网格线从纸的左上角起每 10 毫米一条。",
        "若 100 毫米线离纸的左边缘是 102 毫米，把 X 偏移减 2；离上边缘多了，把 Y 偏移减去多出的毫米数。",
    ]
    for index, line in enumerate(lines):
        canvas.drawString((20 + dx) * MM, (height - 40 - dy - index * 8) * MM, line)
    canvas.showPage()
    canvas.save()
    write_bytes(path, pdf.getvalue())
