"""Sheets of certificates laid out once, in millimetres from the paper's top left corner (the items of
`items`): the design, the background, each field's text set to fit its box, the seal and the QR code.
The PDF (`drawing.paint_pdf`) and the window's printer and preview paint the same sheets, so what the
printer puts on paper is what the file and the preview show, at the same size."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fest_desktop.certificates.calibration import RULER_START
from fest_desktop.certificates.designs import draw_design
from fest_desktop.certificates.fonts import FontChain, font_chain
from fest_desktop.certificates.items import (
    CLOSE,
    PT,
    Group,
    Item,
    Picture,
    Rule,
    Shape,
    Sheet,
    Squares,
    TextRun,
)
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import Alignment, DesignKind, FieldKind
from fest_desktop.certificates.linebreak import best_lines, break_costs, full_width_brackets
from fest_desktop.certificates.placeholders import fill_pieces, placeholder_names
from fest_desktop.certificates.register import qr_payload
from fest_desktop.certificates.templates import TITLE_FONT_LABEL, TemplateField, TemplateInfo
from fest_desktop.errors import ValidationError
from fest_desktop.files.pdf import QR_QUIET_MODULES
from fest_desktop.files.qr import qr_matrix

# A text may be set this much smaller than its field's size to fit its box, and no smaller.
SMALLEST_SCALE = 0.6
# An emphasised name is set this much larger than its line, in the heavy title face.
EMPHASIS = 1.3
# Placeholders whose values are names, kept whole on a line (a list of names breaks between them).
WHOLE = frozenset(
    {"姓名", "班级", "奖项", "组别", "指导老师", "作者", "日期", "证书编号", "届次", "学校", "科技节"}
)
# Pieces broken only where that saves a line left half empty: a competition's name, the award in full.
PHRASES = frozenset({"比赛", "获奖"})
_NAME_LIST = re.compile(r"[^、，,\s]+")


@dataclass(frozen=True)
class Span:
    """Part of a line in one style: emphasised (the name: larger, in the title face when it has every
    character) or not."""

    text: str
    emphasised: bool = False
    title_face: bool = False


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Fit:
    """How a text field is set: its size in points, its lines, and whether it still overflows its box
    at the smallest size allowed."""

    size: float
    lines: tuple[Line, ...]
    overflows: bool = False

    @property
    def texts(self) -> list[str]:
        """The lines as plain text."""
        return ["".join(span.text for span in line) for line in self.lines]


Pieces = tuple[tuple[str, str], ...]


def field_pieces(item: TemplateField, values: Mapping[str, str]) -> Pieces:
    """The field's text filled in, as (text, placeholder) pieces, its brackets among Chinese
    written full-width (三年级（3）班)."""
    pieces = fill_pieces(item.text, values)
    whole = full_width_brackets("".join(text for text, _name in pieces))
    typeset: list[tuple[str, str]] = []
    at = 0
    for text, name in pieces:
        typeset.append((whole[at : at + len(text)], name))
        at += len(text)
    return tuple(typeset)


def text_lines(item: TemplateField, pieces: Pieces) -> Fit:
    """Set a text field in its box: a field that wraps breaks into lines as Chinese is set (see
    linebreak) and, when they are taller than its box, steps down in size; a one-line field longer
    than its box is set smaller. Neither goes below SMALLEST_SCALE of its size; what still does not
    fit is marked as overflowing."""
    return _fit(
        pieces,
        item.font,
        item.emphasise_name,
        item.size,
        item.width_mm,
        item.height_mm,
        item.wrap,
        item.line_spacing,
    )


@lru_cache(maxsize=4096)
def _fit(
    pieces: Pieces,
    font: str,
    emphasise_name: bool,
    full_size: float,
    width_mm: float,
    height_mm: float,
    wrap: bool,
    line_spacing: float,
) -> Fit:
    """text_lines for the field's settings: the same text in the same field is set once a batch."""
    chain, title = font_chain(font), font_chain(TITLE_FONT_LABEL)
    spans = [
        Span(text, True, title.covers(text)) if emphasise_name and name == "姓名" else Span(text)
        for text, name in pieces
    ]
    box = width_mm / PT
    smallest = full_size * SMALLEST_SCALE
    if not wrap:
        line = _styled("".join(span.text for span in spans), [span for span in spans for _char in span.text])
        width = _line_width(line, full_size, chain)
        if width <= box:
            return Fit(full_size, (line,))
        size = full_size * box / width
        return Fit(max(size, smallest), (line,), overflows=size < smallest)
    size = full_size
    while True:
        lines = _wrapped(pieces, spans, size, box, chain)
        tall = sum(_tallest(line, size) for line in lines[:-1]) * line_spacing + _tallest(lines[-1], size)
        if not height_mm or tall * PT <= height_mm:
            return Fit(size, lines)
        if size * 0.95 < smallest:
            return Fit(size, lines, overflows=True)
        size *= 0.95


def _chain(span: Span, chain: FontChain) -> FontChain:
    return font_chain(TITLE_FONT_LABEL) if span.title_face else chain


def _span_size(span: Span, size: float) -> float:
    return size * EMPHASIS if span.emphasised else size


def _tallest(line: Line, size: float) -> float:
    return max((_span_size(span, size) for span in line), default=size)


def _line_width(line: Line, size: float, chain: FontChain) -> float:
    return sum(_chain(span, chain).width(span.text, _span_size(span, size)) for span in line)


def _wrapped(
    pieces: Pieces, spans: Sequence[Span], size: float, box: float, chain: FontChain
) -> tuple[Line, ...]:
    """The spans broken into lines of box points, paragraph by paragraph, each span's style kept."""
    text = "".join(span.text for span in spans)
    widths: list[float] = []
    style: list[Span] = []
    whole: list[tuple[int, int]] = []
    phrases: list[tuple[int, int]] = []
    at = 0
    for (piece, name), span in zip(pieces, spans, strict=True):
        face, span_size = _chain(span, chain), _span_size(span, size)
        widths += [face.char_width(char, span_size) for char in piece]
        style += [span] * len(piece)
        if name in WHOLE:
            whole += [(at + m.start(), at + m.end()) for m in _NAME_LIST.finditer(piece)]
        elif name in PHRASES:
            phrases.append((at, at + len(piece)))
        at += len(piece)
    costs = break_costs(text, whole, phrases)
    lines: list[Line] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        for first, last in best_lines(paragraph, widths[start:end], costs[start : max(start, end - 1)], box):
            lines.append(_styled(paragraph[first:last], style[start + first : start + last]))
        start = end + 1
    return tuple(lines)


def _styled(text: str, style: Sequence[Span]) -> Line:
    """A line's text cut where its style changes."""
    spans: list[Span] = []
    for char, span in zip(text, style, strict=True):
        if spans and spans[-1].emphasised == span.emphasised and spans[-1].title_face == span.title_face:
            spans[-1] = Span(spans[-1].text + char, span.emphasised, span.title_face)
        else:
            spans.append(Span(char, span.emphasised, span.title_face))
    return tuple(spans)


def fit_problems(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[str]:
    """The certificates whose text does not fit a field's box even at the smallest size allowed,
    each named with the field: said before a batch is printed."""
    problems = []
    for job in jobs:
        values = job.values_for(template)
        for item in template.fields:
            if item.kind != FieldKind.TEXT or not item.visible:
                continue
            fit = text_lines(item, field_pieces(item, values))
            if fit.overflows:
                problems.append(
                    f"{job.label}：「{item.name}」的内容太长，缩小到 {fit.size:.0f} 磅仍放不下，"
                    "会超出它的位置。请缩短内容，或在证书模板中把这一项放宽、放高。"
                )
    return problems


def _text_items(item: TemplateField, values: Mapping[str, str], left: float, top: float) -> list[Item]:
    key = tuple(values.get(name, "") for name in placeholder_names(item.text))
    return [
        TextRun(run.x + left, run.baseline + top, run.text, run.font, run.size, run.colour)
        for run in _field_runs(item, key)
    ]


@lru_cache(maxsize=4096)
def _field_runs(item: TemplateField, key: tuple[str, ...]) -> tuple[TextRun, ...]:
    """A field's runs from its box's top left, for the values of its placeholders (key, in their
    order): what most certificates of a batch share (the body, the school, the date) is set once."""
    values = dict(zip(placeholder_names(item.text), key, strict=True))
    chain = font_chain(item.font)
    fit = text_lines(item, field_pieces(item, values))
    size = fit.size
    # A one-line field set smaller keeps its baseline; a wrapped one starts from its box's top.
    line_size = item.size if not item.wrap else size
    baseline = _tallest(fit.lines[0], line_size) * 0.88 * PT if fit.lines else 0.0
    runs: list[TextRun] = []
    for number, line in enumerate(fit.lines):
        if number:
            baseline += _tallest(line, line_size) * item.line_spacing * PT
        x = 0.0
        if item.align != Alignment.LEFT:
            slack = item.width_mm - _line_width(line, size, chain) * PT
            x += slack / (2 if item.align == Alignment.CENTER else 1)
        for span in line:
            face, span_size = _chain(span, chain), _span_size(span, size)
            for font, part in face.runs(span.text):
                runs.append(TextRun(x, baseline, part, font, span_size, item.colour))
                x += face.width(part, span_size) * PT
    return tuple(runs)


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
        # On bought certificate paper (套打) what the paper already carries is not printed again.
        if not item.visible or (item.preprinted and not with_background):
            continue
        x, y, size = left + item.x_mm, top + item.y_mm, item.width_mm
        if item.kind == FieldKind.SEAL:
            if template.seal:
                items.append(Picture(x, y, size, size, template.seal, multiply=True))
        elif item.kind == FieldKind.QR:
            if job.number:
                count, modules = qr_matrix(qr_payload(job))
                cell = size / (count + 2 * QR_QUIET_MODULES)
                corner = QR_QUIET_MODULES * cell
                items.append(Squares(x + corner, y + corner, cell, count, modules))
        else:
            items.extend(_text_items(item, values, x, y))
    return items


def lay_out_certificates(
    template: TemplateInfo,
    jobs: Sequence[CertificateJob],
    *,
    with_background: bool | None = None,
    start_slot: int = 1,
) -> list[Sheet]:
    """The sheets of a batch: the slots of each sheet filled in order, from start_slot (1-based) on
    the first; the template's offsets applied. With with_background off (套打, or the template's
    choice when None) only what the bought paper lacks is printed: no background, no design, no
    field marked pre-printed (the title, fixed wording)."""
    if not jobs:
        raise ValidationError("没有要打印的证书。")
    if not 1 <= start_slot <= template.slots:
        raise ValidationError(f"起始位置要在 1 到 {template.slots} 之间。")
    background = template.print_background if with_background is None else with_background
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
        items.extend(_certificate_items(template, job, left, top, background))
        count += 1
        slot += 1
    sheets.append(Sheet(template.width_mm, template.height_mm, tuple(items), count))
    return sheets


def ruler_lengths(template: TemplateInfo) -> tuple[float, float]:
    """The calibration page's across and down rulers: 200 mm where the paper has room, else 100 mm."""
    return tuple(  # type: ignore[return-value]
        200.0 if side >= RULER_START + 200 + 12 else 100.0 for side in (template.width_mm, template.height_mm)
    )


def _ruler(length: float, font: str, *, across: bool) -> list[Item]:
    """A ruler of length mm from RULER_START off the paper's left edge (across) or top edge (down),
    6 mm in from the other edge: a tick every millimetre, every ten numbered."""
    line = RULER_START + 6

    def point(along: float, off: float) -> tuple[float, float]:
        return (along, off) if across else (off, along)

    items: list[Item] = [Rule(*point(RULER_START, line), *point(RULER_START + length, line), 0.3)]
    for mm in range(int(length) + 1):
        tick = 5 if mm % 10 == 0 else 3 if mm % 5 == 0 else 1.6
        items.append(Rule(*point(RULER_START + mm, line), *point(RULER_START + mm, line + tick), 0.12))
        if mm % 10 == 0:
            x, y = point(RULER_START + mm, line + 8.5) if across else (line + 5.6, RULER_START + mm + 1)
            items.append(TextRun(x + (0.4 if across else 0), y, str(mm), font, 6 if mm % 100 else 8))
    return items


def lay_out_calibration(template: TemplateInfo) -> Sheet:
    """The 套打 calibration page, printed on plain paper: an across and a down ruler in millimetres
    from 10 mm off the paper's left and top edges (200 mm where the paper has room, with 100 marked),
    whose printed lengths show a driver that scales the page and whose starts show one that moves it;
    a 10 mm grid to lay over the bought paper; the outline of every field of every slot, where its
    text will print (those the paper already carries in grey); numbers at least 8 mm inside the edges,
    where every printer prints."""
    font = font_chain("").primary
    width, height = template.width_mm, template.height_mm
    grid, blue, grey = "#C8C8C8", "#1565C0", "#9E9E9E"
    items: list[Item] = []
    for across in range(10, int(width), 10):
        items.append(Rule(across, 0, across, height, 0.08, grid))
    for down in range(10, int(height), 10):
        items.append(Rule(0, down, width, down, 0.08, grid))
    across_mm, down_mm = ruler_lengths(template)
    items += _ruler(across_mm, font, across=True) + _ruler(down_mm, font, across=False)
    slot_w, slot_h = template.slot_size
    for slot in range(template.slots):
        left = (slot % template.columns) * slot_w + template.offset_x_mm
        top = (slot // template.columns) * slot_h + template.offset_y_mm
        for item in template.fields:
            if not item.visible:
                continue
            colour = grey if item.preprinted else blue
            tall = item.width_mm if item.kind != FieldKind.TEXT else item.height_mm or item.size * PT * 1.25
            x, y = left + item.x_mm, top + item.y_mm
            corners = [("M", (x, y)), ("L", (x + item.width_mm, y)), ("L", (x + item.width_mm, y + tall))]
            items.append(Shape((*corners, ("L", (x, y + tall)), CLOSE), stroke=colour, width=0.25))
            label = item.name + ("（纸上已印，套打不打印）" if item.preprinted else "")
            items.append(TextRun(x + 1, y + 3.2, label, font, 7, colour))
    lines = [
        f"套打校准页 · {template.name} · {width:g}×{height:g} 毫米 · 模板偏移 X {template.offset_x_mm:g} 毫米，"
        f"Y {template.offset_y_mm:g} 毫米",
        f"用普通纸按“实际大小”打印。量：横尺 0 到 {across_mm:g} 的长度、竖尺 0 到 {down_mm:g} 的长度，"
        "纸的左边缘到横尺 0、上边缘到竖尺 0 的距离（都应是 10 毫米），",
        "填入“打印机校准…”，这台打印机以后自动校正。再把本页叠在证书纸上对光看：蓝框是各项将打印的位置。",
    ]
    for index, text in enumerate(lines):
        items.append(TextRun(RULER_START + 20, height - 17 + index * 4.6, text, font, 9))
    return Sheet(width, height, tuple(items))
