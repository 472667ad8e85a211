"""Sheets of certificates laid out once, in millimetres from the paper's top left corner (the items of
`items`): the design, the background, each field's text set to fit its box, the seal and the QR code.
The PDF (`drawing.paint_pdf`) and the window's printer and preview paint the same sheets, so what the
printer puts on paper is what the file and the preview show, at the same size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fest_desktop.certificates.designs import draw_design
from fest_desktop.certificates.fonts import FontChain, font_chain
from fest_desktop.certificates.items import BLACK, PT, Group, Item, Picture, Rule, Sheet, Squares, TextRun
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import Alignment, DesignKind, FieldKind
from fest_desktop.certificates.placeholders import fill
from fest_desktop.certificates.register import qr_payload
from fest_desktop.certificates.templates import TemplateField, TemplateInfo
from fest_desktop.errors import ValidationError
from fest_desktop.files.pdf import QR_QUIET_MODULES, qr_modules

# A text may be set this much smaller than its field's size to fit its box, and no smaller.
SMALLEST_SCALE = 0.6


@dataclass(frozen=True)
class Fit:
    """How a text field is set: its size in points, its lines, and whether it still overflows its box
    at the smallest size allowed."""

    size: float
    lines: list[str]
    overflows: bool = False


def text_lines(item: TemplateField, text: str, chain: FontChain) -> Fit:
    """Set a text field in its box: a field that wraps breaks into lines and, when they are taller than
    its box, steps down in size; a one-line field longer than its box is set smaller. Neither goes
    below SMALLEST_SCALE of its size; what still does not fit is marked as overflowing."""
    box = item.width_mm / PT
    smallest = item.size * SMALLEST_SCALE
    if not item.wrap:
        width = chain.width(text, item.size)
        if width <= box:
            return Fit(item.size, [text])
        size = item.size * box / width
        return Fit(max(size, smallest), [text], overflows=size < smallest)
    size = item.size
    while True:
        lines = chain.wrap(text, size, box)
        tall = (len(lines) - 1) * size * item.line_spacing + size
        if not item.height_mm or tall * PT <= item.height_mm:
            return Fit(size, lines)
        if size * 0.95 < smallest:
            return Fit(size, lines, overflows=True)
        size *= 0.95


def fit_problems(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[str]:
    """The certificates whose text does not fit a field's box even at the smallest size allowed,
    each named with the field: said before a batch is printed."""
    chains = {f.name: font_chain(f.font) for f in template.fields if f.kind == FieldKind.TEXT}
    problems = []
    for job in jobs:
        values = job.values_for(template)
        for item in template.fields:
            if item.kind != FieldKind.TEXT or not item.visible:
                continue
            text, _missing = fill(item.text, values)
            fit = text_lines(item, text, chains[item.name])
            if fit.overflows:
                problems.append(
                    f"{job.label}：「{item.name}」的内容太长，缩小到 {fit.size:.0f} 磅仍放不下，"
                    "会超出它的位置。请缩短内容，或在证书模板中把这一项放宽、放高。"
                )
    return problems


def _text_items(
    item: TemplateField, values: dict[str, str], chain: FontChain, left: float, top: float
) -> list[Item]:
    text, _missing = fill(item.text, values)
    fit = text_lines(item, text, chain)
    size, lines = fit.size, fit.lines
    baseline = top + (item.size if not item.wrap else size) * 0.88 * PT
    leading = (item.size if not item.wrap else size) * item.line_spacing * PT
    runs: list[Item] = []
    for line in lines:
        x = left
        if item.align != Alignment.LEFT:
            slack = item.width_mm - chain.width(line, size) * PT
            x += slack / (2 if item.align == Alignment.CENTER else 1)
        parts = chain.runs(line)
        for font, part in parts:
            runs.append(TextRun(x, baseline, part, font, size, item.colour))
            if len(parts) > 1:
                x += chain.width(part, size) * PT
        baseline += leading
    return runs


@lru_cache(maxsize=16)
def _design(design: DesignKind, width: float, height: float) -> tuple[Item, ...]:
    """A design drawn once for each size: every certificate of a batch shares the same items."""
    return tuple(draw_design(design, width, height))


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
    if with_background and template.design is not None:
        key = f"{template.design}-{width:g}x{height:g}"
        items.append(Group(key, left, top, width, height, _design(template.design, width, height)))
    values = job.values_for(template)
    for item in template.fields:
        if not item.visible:
            continue
        x, y, size = left + item.x_mm, top + item.y_mm, item.width_mm
        if item.kind == FieldKind.SEAL:
            if template.seal:
                items.append(Picture(x, y, size, size, template.seal, multiply=True))
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
