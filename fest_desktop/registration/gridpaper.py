"""方格稿纸: the grid paper the plans ask essays to be written on ("用300字方格稿纸…在题目左上方注明
'科技小论文——观察日记(科普幻想类)'"): A4, 20 × 15 squares by default, with the heading's note,
题目, 班级 and 姓名 lines, one sheet per copy."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fest_desktop.errors import ValidationError
from fest_desktop.files.pdf import register_chinese_font
from fest_desktop.files.saving import write_bytes
from fest_desktop.registration.competitions import competition_row
from fest_desktop.school.festivals import festival_of
from fest_desktop.storage.database import Database

DEFAULT_CELLS = 300
MAX_COPIES = 500
# The plan's own note, printed when no competition is chosen.
PLAN_NOTE = "科技小论文——观察日记(科普幻想类)"
# The squares' colour: the green of bought 稿纸, still a clear grey on a black-and-white printer.
GRID_COLOUR = (0.22, 0.52, 0.36)


@dataclass(frozen=True)
class GridLayout:
    """How a page of cells squares is laid out: columns × rows."""

    cells: int
    columns: int
    rows: int


def grid_layout(cells: int) -> GridLayout:
    """20 squares a row up to 400 字 a page (300 is 20 × 15), 25 a row above, up to 600; anything else is
    refused with what may be asked."""
    columns = 20 if cells <= 400 else 25
    if not (100 <= cells <= 600 and cells % columns == 0):
        raise ValidationError(
            f"每页 {cells if abs(cells) < 10**6 else '这么多'} 格排不成方格稿纸：请用 100 到 400 之间 20 的倍数（每行 20 格，如 300 = 20×15），"
            "或 425 到 600 之间 25 的倍数（每行 25 格，如 500 = 25×20）。"
        )
    return GridLayout(cells, columns, cells // columns)


def heading_note(competition_name: str | None, subtypes: tuple[str, ...] = ()) -> str:
    """What the top left of the heading says: the competition with its kinds to tick
    (科技小论文与观察日记：□科技小论文 □观察日记 …), or the plan's own note."""
    if competition_name is None:
        return PLAN_NOTE
    if not subtypes:
        return competition_name
    return f"{competition_name}：" + " ".join(f"□{kind}" for kind in subtypes)


def write_grid_paper(
    db: Database,
    festival_id: int,
    path: Path,
    *,
    competition_id: int | None = None,
    cells: int = DEFAULT_CELLS,
    copies: int = 1,
) -> int:
    """The PDF of grid paper, copies sheets of cells squares, headed for the competition (or with the
    plan's note); returns the number of pages."""
    if path.suffix.lower() != ".pdf":
        raise ValidationError(f"方格稿纸只能保存为 .pdf，不能是「{path.suffix or path.name}」。")
    layout = grid_layout(cells)
    if not 1 <= copies <= MAX_COPIES:
        raise ValidationError(f"份数应在 1 到 {MAX_COPIES} 之间。")
    with db.session() as session:
        festival = festival_of(session, festival_id)
        note = PLAN_NOTE
        if competition_id is not None:
            competition = competition_row(session, competition_id)
            note = heading_note(
                competition.name, tuple(line for line in competition.subtypes.splitlines() if line)
            )
    write_bytes(path, grid_pdf(f"{festival.school_name}{festival.name}", note, layout, copies))
    return copies


def grid_pdf(school: str, note: str, layout: GridLayout, copies: int) -> bytes:
    """copies identical A4 pages of grid paper."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    font = register_chinese_font()
    pdf = io.BytesIO()
    canvas = Canvas(pdf, pagesize=A4, initialFontName=font)
    canvas.setTitle(f"{layout.cells}字方格稿纸")
    canvas.setAuthor(school)
    for _ in range(copies):
        _page(canvas, font, school, note, layout)
        canvas.showPage()
    canvas.save()
    return pdf.getvalue()


def _page(canvas: Any, font: str, school: str, note: str, layout: GridLayout) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    width, height = A4
    left, right = 15 * mm, width - 15 * mm
    top = height - 12 * mm
    # The heading: the school small at the right, the note at the top left above the title, as the
    # plan asks, then the lines for 题目, 班级 and 姓名.
    canvas.setFillGray(0.45)
    canvas.setFont(font, 8)
    canvas.drawRightString(right, top, school)
    canvas.setFillGray(0)
    size = 11.0
    while canvas.stringWidth(note, font, size) > right - left and size > 7:
        size -= 0.5
    canvas.setFont(font, size)
    canvas.drawString(left, top - 9 * mm, note)
    canvas.setFont(font, 14)
    title_y = top - 20 * mm
    canvas.drawString(left + 25 * mm, title_y, "题目：")
    _rule(canvas, left + 40 * mm, right - 25 * mm, title_y - 1.5 * mm)
    canvas.setFont(font, 12)
    line_y = title_y - 11 * mm
    for label, start, end in (
        ("班级：", left + 25 * mm, left + 80 * mm),
        ("姓名：", left + 95 * mm, right - 25 * mm),
    ):
        canvas.drawString(start, line_y, label)
        _rule(canvas, start + 13 * mm, end, line_y - 1.5 * mm)
    # The squares: as large as the page allows up to 9 mm, rows apart by up to half a square, the
    # grid in the middle of the room the heading leaves.
    room_top, room_bottom = line_y - 6 * mm, 14 * mm
    room = room_top - room_bottom
    side = min((right - left) / layout.columns, room / (layout.rows * 1.33))
    gap = min(side / 2, (room - layout.rows * side) / max(layout.rows - 1, 1))
    grid_height = layout.rows * side + (layout.rows - 1) * gap
    grid_top = room_top - (room - grid_height) / 2
    grid_bottom = grid_top - grid_height
    grid_left = (width - layout.columns * side) / 2
    canvas.saveState()
    canvas.setStrokeColorRGB(*GRID_COLOUR)
    canvas.setLineWidth(0.6)
    canvas.rect(
        grid_left - 1.5 * mm,
        grid_bottom - 1.5 * mm,
        layout.columns * side + 3 * mm,
        grid_height + 3 * mm,
    )
    canvas.setLineWidth(0.45)
    canvas.setFillColorRGB(*GRID_COLOUR)
    canvas.setFont(font, 6)
    for row in range(layout.rows):
        row_top = grid_top - row * (side + gap)
        for column in range(layout.columns + 1):
            x = grid_left + column * side
            canvas.line(x, row_top, x, row_top - side)
        canvas.line(grid_left, row_top, grid_left + layout.columns * side, row_top)
        canvas.line(grid_left, row_top - side, grid_left + layout.columns * side, row_top - side)
        written = (row + 1) * layout.columns
        if written % 100 == 0:
            canvas.drawString(
                grid_left + layout.columns * side + 2.2 * mm, row_top - side + 0.5 * mm, str(written)
            )
    canvas.setFont(font, 8)
    canvas.drawString(grid_left, 9 * mm, f"{layout.columns}×{layout.rows}={layout.cells}")
    canvas.drawRightString(grid_left + layout.columns * side, 9 * mm, "第　　页")
    canvas.restoreState()


def _rule(canvas: Any, start: float, end: float, y: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.line(start, y, end, y)
    canvas.restoreState()
