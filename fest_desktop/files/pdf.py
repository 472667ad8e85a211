"""What every PDF the app writes shares: the bundled Chinese fonts, embedded, and the page helpers."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape

from fest_desktop.errors import FestError
from fest_desktop.files.qr import qr_matrix
from fest_desktop.files.qr import qr_modules as qr_modules  # the phone panel draws its code from here
from fest_desktop.files.saving import write_bytes
from fest_desktop.resources import bundled_font_path, title_font_path
from fest_desktop.values import year_month_day

PDF_FONT = "LXGWWenKai"
TITLE_PDF_FONT = "NotoSerifSCBlack"


@lru_cache(maxsize=1)
def register_chinese_font() -> str:
    """Register the bundled font with ReportLab once; ReportLab embeds the subset each PDF uses."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(PDF_FONT, str(bundled_font_path())))
    # A chart's drawing starts from ReportLab's graphics defaults, whose Helvetica would be referenced
    # unembedded; ReportLab lets these defaults be set before shapes are made.
    from reportlab.graphics.shapes import STATE_DEFAULTS

    STATE_DEFAULTS["fontName"] = PDF_FONT
    # Streams compressed only, not also spelled in ASCII85 (ReportLab's default, in pure Python): a
    # quarter smaller and several times faster to write, as every reader of PDF takes binary streams.
    from reportlab import rl_config

    rl_config.useA85 = 0
    return PDF_FONT


@lru_cache(maxsize=1)
def register_title_font() -> str:
    """Register the bundled heavy title face with ReportLab once (embedded as a subset, like the other)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register_chinese_font()
    pdfmetrics.registerFont(TTFont(TITLE_PDF_FONT, str(title_font_path())))
    return TITLE_PDF_FONT


def _numbered_canvas(font: str, pages: list[int]) -> type:
    """A canvas that holds each page until the last is known, then writes 第 X 页 共 Y 页 at each
    page's foot (nothing on a document of one page) and puts the count in pages."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            pages.append(total)
            for state in self._held:
                self.__dict__.update(state)
                if total > 1:
                    self.saveState()
                    self.setFont(font, 9)
                    self.setFillGray(0.25)
                    self.drawCentredString(
                        self._pagesize[0] / 2, 6 * mm, f"第 {self._pageNumber} 页　共 {total} 页"
                    )
                    self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def build_document(
    path: Path,
    story: list[Any],
    pagesize: tuple[float, float],
    title: str,
    author: str,
    top_mm: float = 12,
    compact: Callable[[], list[Any]] | None = None,
) -> None:
    """A flowing document (tables that break across pages) with 12 mm margins and 第 X 页 共 Y 页 on
    each page of a longer one, in the Chinese font from its first stroke so that no unembedded
    Helvetica is referenced; written whole or not at all. compact, when given, makes the same story
    set tighter: used when it takes fewer pages (no page 2 of two rows)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    from reportlab.platypus.doctemplate import LayoutError

    font = register_chinese_font()
    register_title_font()

    def made(flowables: list[Any], margin: float) -> tuple[bytes, int]:
        pdf, pages = io.BytesIO(), list[int]()
        SimpleDocTemplate(
            pdf,
            pagesize=pagesize,
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=margin * mm,
            bottomMargin=margin * mm,
            title=title,
            author=author,
            initialFontName=font,
        ).build(flowables, canvasmaker=_numbered_canvas(font, pages))
        return pdf.getvalue(), pages[0]

    try:
        data, pages = made(story, top_mm)
        if compact is not None and pages > 1:
            tighter, fewer = made(compact(), min(top_mm, 10))
            if fewer < pages:
                data = tighter
    except LayoutError as exc:
        raise FestError(
            f"「{path.name}」中有一格内容太长，一页放不下，没有生成文件。请缩短过长的名称或题目。"
        ) from exc
    write_bytes(path, data)


def document_styles(*, compact: bool = False) -> dict[str, Any]:
    """The paragraph styles of flowing documents (schedules, notices): the title in the heavy face at
    二号 (22 pt), subtitle, table cell and note in the bundled font; compact sets cells tighter."""
    from reportlab.lib.styles import ParagraphStyle

    font = register_chinese_font()
    return {
        "title": ParagraphStyle(
            "title", fontName=register_title_font(), fontSize=22, leading=32, alignment=1
        ),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=10, leading=14, alignment=1),
        "cell": ParagraphStyle(
            "cell", fontName=font, fontSize=8.5 if compact else 9, leading=10.5 if compact else 12
        ),
        "note": ParagraphStyle("note", fontName=font, fontSize=10, leading=15),
    }


def heavy(text: str) -> str:
    """Paragraph markup of text for the heavy title face, escaped; a character the face lacks (it holds
    GB 2312) in the bundled font, so a rare character of a school's name still prints."""
    from reportlab.pdfbase import pdfmetrics

    has = pdfmetrics.getFont(register_title_font()).face.charToGlyph
    runs: list[tuple[bool, str]] = []
    for char in text:
        inside = ord(char) in has or char.isspace()
        if runs and runs[-1][0] == inside:
            runs[-1] = (inside, runs[-1][1] + char)
        else:
            runs.append((inside, char))
    return "".join(
        escape(part) if inside else f'<font name="{PDF_FONT}">{escape(part)}</font>' for inside, part in runs
    )


def closing_block(school: str, day: dt.date) -> Any:
    """What ends an office document of the festival: 单位（盖章）, the school's 科技节组委会, and 日期
    at the right, with room for the seal, kept together on one page."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    font = register_chinese_font()
    issuer = f"{school}科技节组委会"
    rows = [["单位（盖章）：", issuer], ["日　　期：", year_month_day(day)]]
    widths = [_widest([row[0] for row in rows], font, 11) + 4, _widest([issuer], font, 11) + 8]
    table = Table(rows, colWidths=widths, hAlign="RIGHT", rowHeights=[9 * mm, 9 * mm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 11), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return KeepTogether([Spacer(1, 12 * mm), table])


def _widest(texts: Sequence[str], font: str, size: float) -> float:
    """The width of the widest text, in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return max((float(stringWidth(text, font, size)) for text in texts), default=0.0)


def ruled_table(rows: Sequence[Sequence[str]], widths: Sequence[float], *, compact: bool = False) -> Any:
    """A ruled table of text, the header row shaded and repeated on each page, cells wrapping between
    names, numbers and dates, never inside one (cell_lines)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = document_styles(compact=compact)["cell"]
    padding = 4 if compact else CELL_PADDING
    room = [width - 2 * padding for width in widths]
    table = Table(
        [
            [
                Paragraph(
                    "<br/>".join(map(escape, cell_lines(text, cell.fontName, cell.fontSize, room[i]))), cell
                )
                for i, text in enumerate(row)
            ]
            for row in rows
        ],
        colWidths=widths,
        repeatRows=1,
    )
    style = [
        ("FONT", (0, 0), (-1, -1), register_chinese_font(), cell.fontSize),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.95)),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
    ]
    if compact:
        style += [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    table.setStyle(TableStyle(style))
    return table


CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell, in points

# What a cell breaks between: a name with the 、 or ， after it; spaces stand alone.
_UNBROKEN = re.compile(r"[^、，；\s]+[、，；]?|\s+|[、，；]")
# Inside a piece too wide for its cell, what still stays whole: a date, a time, a number with its
# point (10.19, 95%), a word in letters; a closing mark, a dash or 至 stays with what is before it.
_ATOM = re.compile(
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}|\d+(?:\.\d+)?%?|[A-Za-z][A-Za-z0-9.\-]*|.", re.S
)
_HANGS = frozenset("，。、；：？！）》」』】〕”’–—~-至")
# A name (a piece this short) is kept whole when a column's width is fitted.
NAME_LENGTH = 4


def _atoms(piece: str) -> list[str]:
    atoms: list[str] = []
    for found in _ATOM.finditer(piece):
        atom = found.group()
        if atoms and atom in _HANGS:
            atoms[-1] += atom
        else:
            atoms.append(atom)
    return atoms


def cell_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """A cell's text in lines no wider than width, broken between names (谢宇航 stays whole) and, in a
    piece too long for the cell, between its characters but never inside a number or a date
    (11月9日– / 11月11日); a single atom wider than the cell is broken at its characters."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    for piece in _UNBROKEN.findall(text):
        if line and stringWidth(line + piece, font, size) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
        while len(line) > 1 and stringWidth(line, font, size) > width:
            head = ""
            atoms = _atoms(line)
            for atom in atoms:
                if head and stringWidth(head + atom, font, size) > width:
                    break
                head += atom
            if stringWidth(head, font, size) > width:  # one atom wider than the cell
                head = wrap_text(head, font, size, width)[0]
            lines.append(head.rstrip())
            line = line[len(head) :].lstrip()
    lines.append(line)
    return _without_widow(lines)


def is_chinese_character(char: str) -> bool:
    """A Han character (the common and extension blocks, the compatibility ideographs)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


def _without_widow(lines: list[str]) -> list[str]:
    """A cell's last line of one character of running text (制作与检 / 查) takes the character before
    it along (制作与 / 检查); a unit after a number (10.19 / 秒) or a name after 、 stays as it is."""
    if len(lines) < 2:
        return lines
    before, last = lines[-2], lines[-1]
    running = len(last) == 1 and len(before) >= 3
    if running and all(is_chinese_character(char) for char in (last, *before[-2:])):
        return [*lines[:-2], before[:-1], before[-1] + last]
    return lines


def fitted_widths(rows: Sequence[Sequence[str]], total: float, *, compact: bool = False) -> list[float]:
    """Column widths that add up to total, fitted to what the columns hold: each at least as wide as
    its heading and its longest name, number or date (what a cell never breaks), the room left
    shared by how much more each column's longest line would take."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cell = document_styles(compact=compact)["cell"]
    font, size = cell.fontName, cell.fontSize
    padding = 2 * (4 if compact else CELL_PADDING) + 1
    columns = range(len(rows[0]))

    def least_of(text: str) -> float:
        pieces = [p.strip() for p in _UNBROKEN.findall(text) if p.strip()]
        whole = [p for p in pieces if len(p) <= NAME_LENGTH + 1] + [
            atom for p in pieces if len(p) > NAME_LENGTH + 1 for atom in _atoms(p)
        ]
        return max((float(stringWidth(part, font, size)) for part in whole), default=0.0)

    natural = [padding + max(float(stringWidth(str(row[i]), font, size)) for row in rows) for i in columns]
    least = [
        padding
        + max(float(stringWidth(str(rows[0][i]), font, size)), *(least_of(str(row[i])) for row in rows))
        for i in columns
    ]
    if sum(natural) <= total:
        return [width * total / sum(natural) for width in natural]
    if sum(least) >= total:
        return [width * total / sum(least) for width in least]
    wanted = [n - m for n, m in zip(natural, least, strict=True)]
    room = total - sum(least)
    return [m + room * w / sum(wanted) for m, w in zip(least, wanted, strict=True)]


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than width: at any character, as Chinese is written without spaces."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for char in paragraph:
            if line and stringWidth(line + char, font, size) > width:
                lines.append(line)
                line = char.lstrip()
            else:
                line += char
        lines.append(line)
    return lines


QR_QUIET_MODULES = 2


@lru_cache(maxsize=32)
def _byte_paths(column: int) -> tuple[str, ...]:
    """For each byte, the rectangles of its set bits (the highest leftmost) as modules from column on."""
    paths = []
    for value in range(256):
        bits = f"{value:08b}"
        paths.append(
            " ".join(f"{column + m.start()} 0 {m.end() - m.start()} 1 re" for m in re.finditer("1+", bits))
        )
    return tuple(paths)


def fill_modules(canvas: Any, count: int, modules: str, left: float, top: float, cell: float) -> None:
    """Fill a code's modules (row after row, "1" dark) with module (0, 0) at (left, top) in points
    (y upwards), each module cell points wide, in the current fill colour: a row a path, its
    rectangles looked up by the byte (eight modules) rather than worked out, for a thousand codes."""
    per_row = (count + 7) // 8
    tail = "0" * (8 * per_row - count)
    rows = "".join(modules[at : at + count] + tail for at in range(0, count * count, count))
    values = int(rows, 2).to_bytes(per_row * count, "big")
    tables = [_byte_paths(8 * index) for index in range(per_row)]
    operators = [f"{cell:.4f} 0 0 {-cell:.4f} {left:.3f} {top:.3f} cm"]  # a unit is a module, rows down
    for at in range(0, len(values), per_row):
        row = " ".join(
            [table[value] for table, value in zip(tables, values[at : at + per_row], strict=True) if value]
        )
        operators.append(f"{row} f 1 0 0 1 0 1 cm" if row else "1 0 0 1 0 1 cm")
    canvas.saveState()
    canvas.addLiteral("\n".join(operators))
    canvas.restoreState()


def draw_qr_code(canvas: Any, text: str, x: float, y: float, size: float) -> None:
    """A QR code of text with its lower left corner at (x, y), a quiet zone included in size.

    Drawn as plain squares: ReportLab's QR widget would bring in an unembedded Helvetica."""
    count, modules = qr_matrix(text)
    cell = size / (count + 2 * QR_QUIET_MODULES)
    canvas.saveState()
    canvas.setFillGray(0)
    fill_modules(
        canvas, count, modules, x + QR_QUIET_MODULES * cell, y + size - QR_QUIET_MODULES * cell, cell
    )
    canvas.restoreState()


T = TypeVar("T")


def write_cut_sheets(
    path: Path,
    title: str,
    author: str,
    items: Sequence[T],
    columns: int,
    rows: int,
    margin_mm: float,
    draw_cell: Callable[[Any, str, T, float, float, float, float], None],
) -> None:
    """A PDF of A4 pages cut into columns × rows equal cells (labels, cards), dashed lines to cut
    along, each item drawn by draw_cell(canvas, font, item, x, y, width, height) from its cell's
    lower left corner; written whole or not at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    font = register_chinese_font()
    width, height = A4
    margin = margin_mm * mm
    cell_w = (width - 2 * margin) / columns
    cell_h = (height - 2 * margin) / rows
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=A4, initialFontName=font)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    per_page = columns * rows
    for start in range(0, len(items), per_page):
        _cutting_guides(canvas, width, height, margin, cell_w, cell_h, columns, rows)
        for slot, item in enumerate(items[start : start + per_page]):
            x = margin + (slot % columns) * cell_w
            y = height - margin - (slot // columns + 1) * cell_h
            draw_cell(canvas, font, item, x, y, cell_w, cell_h)
        canvas.showPage()
    canvas.save()
    write_bytes(path, pdf.getvalue())


def _cutting_guides(
    canvas: Any,
    width: float,
    height: float,
    margin: float,
    cell_w: float,
    cell_h: float,
    columns: int,
    rows: int,
) -> None:
    from reportlab.lib.units import mm

    canvas.saveState()
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.4)
    canvas.setDash(3, 3)
    for column in range(columns + 1):
        x = margin + column * cell_w
        canvas.line(x, 2 * mm, x, height - 2 * mm)
    for row in range(rows + 1):
        y = margin + row * cell_h
        canvas.line(2 * mm, y, width - 2 * mm, y)
    canvas.restoreState()
