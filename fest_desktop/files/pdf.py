"""What every PDF the app writes shares: the bundled Chinese fonts, embedded, and the page helpers."""

from __future__ import annotations

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


def build_document(
    path: Path, story: list[Any], pagesize: tuple[float, float], title: str, author: str, top_mm: float = 12
) -> None:
    """A flowing document (tables that break across pages) with 12 mm margins, in the Chinese font
    from its first stroke so that no unembedded Helvetica is referenced; written whole or not at all."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    from reportlab.platypus.doctemplate import LayoutError

    pdf = io.BytesIO()
    try:
        SimpleDocTemplate(
            pdf,
            pagesize=pagesize,
            leftMargin=12 * mm,
            rightMargin=12 * mm,
            topMargin=top_mm * mm,
            bottomMargin=top_mm * mm,
            title=title,
            author=author,
            initialFontName=register_chinese_font(),
        ).build(story)
    except LayoutError as exc:
        raise FestError(
            f"「{path.name}」中有一格内容太长，一页放不下，没有生成文件。请缩短过长的名称或题目。"
        ) from exc
    write_bytes(path, pdf.getvalue())


def document_styles() -> dict[str, Any]:
    """The paragraph styles of flowing documents (schedules, notices): title, subtitle, table cell
    (wrapping Chinese at any character) and note, all in the bundled font."""
    from reportlab.lib.styles import ParagraphStyle

    font = register_chinese_font()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=17, leading=24, alignment=1),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=10, leading=14, alignment=1),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK"),
        "note": ParagraphStyle("note", fontName=font, fontSize=10, leading=15),
    }


def ruled_table(rows: Sequence[Sequence[str]], widths: Sequence[float]) -> Any:
    """A ruled table of text, the header row shaded and repeated on each page, cells wrapping."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = document_styles()["cell"]
    room = [width - 2 * CELL_PADDING for width in widths]
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
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_chinese_font(), 9),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.92, 0.95)),
            ]
        )
    )
    return table


CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell, in points

# What a cell may not break inside: a name with the 、 or ， after it, a number with its unit's
# digits and point (10.19), a run of letters; spaces stand alone.
_UNBROKEN = re.compile(r"[^、，；\s]+[、，；]?|\s+|[、，；]")


def cell_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """A cell's text in lines no wider than width, broken only between names and numbers (谢宇航 and
    10.19 stay whole); a single piece wider than the cell is broken at its characters."""
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
            head, *rest = wrap_text(line, font, size, width)
            lines.append(head)
            line = "".join(rest)
    lines.append(line)
    return lines


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
    width = (count + 7) // 8 * 8
    operators = [f"{cell:.4f} 0 0 {-cell:.4f} {left:.3f} {top:.3f} cm"]  # a unit is a module, rows down
    for row in range(count):
        line = modules[row * count : (row + 1) * count]
        rectangles = [
            _byte_paths(8 * index)[value]
            for index, value in enumerate((int(line, 2) << (width - count)).to_bytes(width // 8, "big"))
            if value
        ]
        if rectangles:
            operators.append(" ".join(rectangles) + " f")
        operators.append("1 0 0 1 0 1 cm")
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
