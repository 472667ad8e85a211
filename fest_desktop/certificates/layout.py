"""Sheets of certificates laid out once, in millimetres from the paper's top left corner: runs of text
in their fonts, pictures, the squares of QR codes and ruled lines. The PDF (`drawing.paint_pdf`) and
the window's printer and preview paint the same sheets, so what the printer puts on paper is what the
file and the preview show, at the same size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fest_desktop.certificates.fonts import FontChain, font_chain
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import Alignment, FieldKind
from fest_desktop.certificates.placeholders import fill
from fest_desktop.certificates.register import qr_payload
from fest_desktop.certificates.templates import TemplateField, TemplateInfo
from fest_desktop.errors import ValidationError
from fest_desktop.files.pdf import QR_QUIET_MODULES, qr_modules

PT = 25.4 / 72  # millimetres per point
BLACK = "#000000"


@dataclass(frozen=True)
class TextRun:
    """Text in one font on one line: x is where it starts, baseline how far down the line sits (mm);
    size is in points; font is the name `fonts.font_file` knows the file of."""

    x: float
    baseline: float
    text: str
    font: str
    size: float
    colour: str = BLACK


@dataclass(frozen=True)
class Picture:
    """An image stretched to its box (a scanned background, the school's seal)."""

    x: float
    y: float
    width: float
    height: float
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class Squares:
    """Filled squares of one size on a grid from (x, y): a QR code's dark modules as (row, column)."""

    x: float
    y: float
    cell: float
    cells: tuple[tuple[int, int], ...]
    colour: str = BLACK


@dataclass(frozen=True)
class Rule:
    """A straight line of a width in mm."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str = BLACK


Item = TextRun | Picture | Squares | Rule


@dataclass(frozen=True)
class Sheet:
    """One sheet of paper as it prints: its size in mm, what is on it, and how many certificates."""

    width: float
    height: float
    items: tuple[Item, ...]
    certificates: int = 0


def text_lines(item: TemplateField, text: str, chain: FontChain) -> tuple[float, list[str]]:
    """The size in points a text field is set in and its lines: wrapped in its box when it wraps,
    else on one line set smaller when longer than its box (a long team of names)."""
    box = item.width_mm / PT
    if item.wrap:
        return item.size, chain.wrap(text, item.size, box)
    width = chain.width(text, item.size)
    return (item.size * box / width if width > box else item.size), [text]


def _text_items(
    item: TemplateField, values: dict[str, str], chain: FontChain, left: float, top: float
) -> list[Item]:
    text, _missing = fill(item.text, values)
    size, lines = text_lines(item, text, chain)
    baseline = top + item.size * 0.88 * PT
    runs: list[Item] = []
    for line in lines:
        x = left
        if item.align != Alignment.LEFT:
            slack = item.width_mm - chain.width(line, size) * PT
            x += slack / (2 if item.align == Alignment.CENTER else 1)
        parts = chain.runs(line)
        for font, part in parts:
            runs.append(TextRun(x, baseline, part, font, size))
            if len(parts) > 1:
                x += chain.width(part, size) * PT
        baseline += item.size * item.line_spacing * PT
    return runs


def _certificate_items(
    template: TemplateInfo,
    job: CertificateJob,
    left: float,
    top: float,
    with_background: bool,
    chains: dict[str, FontChain],
) -> list[Item]:
    width, height = template.slot_size
    items: list[Item] = []
    if with_background and template.background:
        items.append(Picture(left, top, width, height, template.background))
    values = job.values_for(template)
    for item in template.fields:
        if not item.visible:
            continue
        x, y, size = left + item.x_mm, top + item.y_mm, item.width_mm
        if item.kind == FieldKind.SEAL:
            if template.seal:
                items.append(Picture(x, y, size, size, template.seal))
        elif item.kind == FieldKind.QR:
            if job.number:
                count, dark = qr_modules(qr_payload(job))
                cell = size / (count + 2 * QR_QUIET_MODULES)
                corner = QR_QUIET_MODULES * cell
                items.append(Squares(x + corner, y + corner, cell, tuple(dark)))
        else:
            items.extend(_text_items(item, values, chains[item.name], x, y))
    return items


def lay_out_certificates(
    template: TemplateInfo,
    jobs: Sequence[CertificateJob],
    *,
    with_background: bool | None = None,
    start_slot: int = 1,
) -> list[Sheet]:
    """The sheets of a batch: the slots of each sheet filled in order, from start_slot (1-based) on
    the first; the template's offsets applied; the background left out when with_background is off
    (套打) or the template says not to print it."""
    if not jobs:
        raise ValidationError("没有要打印的证书。")
    if not 1 <= start_slot <= template.slots:
        raise ValidationError(f"起始位置要在 1 到 {template.slots} 之间。")
    background = template.print_background if with_background is None else with_background
    chains = {f.name: font_chain(f.font) for f in template.fields if f.kind == FieldKind.TEXT}
    width, height = template.slot_size
    sheets: list[Sheet] = []
    items: list[Item] = []
    count = 0
    slot = start_slot - 1
    for job in jobs:
        if slot == template.slots:
            sheets.append(Sheet(template.width_mm, template.height_mm, tuple(items), count))
            items, count, slot = [], 0, 0
        column, row = slot % template.columns, slot // template.columns
        left = column * width + template.offset_x_mm
        top = row * height + template.offset_y_mm
        items.extend(_certificate_items(template, job, left, top, background, chains))
        count += 1
        slot += 1
    sheets.append(Sheet(template.width_mm, template.height_mm, tuple(items), count))
    return sheets


def lay_out_calibration(template: TemplateInfo) -> Sheet:
    """A ruler grid of the template's sheet, offsets applied, to print on plain paper and hold against
    the pre-printed paper: lines every 5 mm (each 10 mm darker and numbered) from the sheet's top left."""
    font = font_chain("").primary
    width, height = template.width_mm, template.height_mm
    dx, dy = template.offset_x_mm, template.offset_y_mm
    items: list[Item] = []
    grey = "#999999"
    for x in range(0, int(width) + 1, 5):
        items.append(Rule(x + dx, 0, x + dx, height, 0.07, BLACK if x % 10 == 0 else grey))
    for y in range(0, int(height) + 1, 5):
        items.append(Rule(0, y + dy, width, y + dy, 0.07, BLACK if y % 10 == 0 else grey))
    for x in range(10, int(width), 10):
        items.append(TextRun(x + dx + 0.4, dy + 3, str(x), font, 7))
    for y in range(10, int(height), 10):
        items.append(TextRun(dx + 1, y + dy - 0.4, str(y), font, 7))
    lines = [
        f"套打校准页 · {template.name} · {width:g}×{height:g} 毫米 · 当前偏移 X {dx:g} 毫米，Y {dy:g} 毫米",
        "用普通纸打印本页，与证书纸重叠对着光看：网格线从纸的左上角起每 10 毫米一条。",
        "若 100 毫米线离纸的左边缘是 102 毫米，把 X 偏移减 2；离上边缘多了，把 Y 偏移减去多出的毫米数。",
    ]
    for index, line in enumerate(lines):
        items.append(TextRun(20 + dx, 40 + dy + index * 8, line, font, 12))
    return Sheet(width, height, tuple(items))
