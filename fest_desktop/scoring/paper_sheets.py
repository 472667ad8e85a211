"""Score sheets for the judges: a printable PDF, or a workbook to fill and import."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from fest_desktop.errors import FestError
from fest_desktop.files.pdf import build_document, register_chinese_font
from fest_desktop.files.workbooks import put_row, save_workbook, sheet_title
from fest_desktop.registration.kinds import Judging
from fest_desktop.school.festivals import festival_of
from fest_desktop.scoring.sheet import ScoringSheet, sheet_of
from fest_desktop.storage.database import Database

FIXED_COLUMNS = {
    "competition": ("比赛项目", "项目", "比赛"),
    "code": ("作品编号", "编号"),
    "class": ("班级",),
    "judge": ("评委", "评委姓名"),
}


def _rubric_sheet(session: Session, competition_id: int) -> ScoringSheet:
    sheet = sheet_of(session, competition_id)
    if sheet.competition.judging != Judging.RUBRIC:
        raise FestError(f"「{sheet.competition.name}」按测量成绩排名，没有评委评分表。")
    if sheet.competition.unscorable_reason:
        raise FestError(sheet.competition.unscorable_reason)
    if not sheet.judges:
        raise FestError(f"「{sheet.competition.name}」还没有评委：请先在“现场评分”中添加评委组。")
    if not sheet.entries:
        raise FestError(f"「{sheet.competition.name}」还没有作品。")
    return sheet


def _criterion_heading(sheet: ScoringSheet) -> list[str]:
    return [
        f"{c.name}\n(扣{c.step:g}/处,至多{c.max_points:g})"
        if c.is_deduction
        else f"{c.name}\n(满分{c.max_points:g})"
        for c in sheet.competition.criteria
    ]


def write_judge_sheets_pdf(db: Database, festival_id: int, competition_id: int, path: Path) -> int:
    """One score sheet per judge (A4 landscape): entries down, a blank box per criterion, the judge's
    own class marked 回避, a signature line. Returns the number of judges."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    with db.session() as session:
        sheet = _rubric_sheet(session, competition_id)
        festival = festival_of(session, festival_id)
    font = register_chinese_font()
    title_style = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1)
    note_style = ParagraphStyle("note", fontName=font, fontSize=10, leading=14)
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11, wordWrap="CJK")
    competition = sheet.competition
    story: list[object] = []
    for position, judge in enumerate(sheet.judges):
        if position:
            story.append(PageBreak())
        story.append(
            Paragraph(f"{festival.school_name}{festival.name}　{competition.name}评分表", title_style)
        )
        story.append(Spacer(1, 3 * mm))
        rules = "；".join(f"{c.name}：{c.description}" for c in competition.score_criteria if c.description)
        story.append(
            Paragraph(
                f"评委：<u>　{judge.name}　</u>　　满分 {competition.max_total:g} 分。{rules}。"
                "扣分项填扣去的分数，没有扣分可不填。",
                note_style,
            )
        )
        story.append(Spacer(1, 3 * mm))
        header = ["序号", "作品", *_criterion_heading(sheet), "合计"]
        rows: list[list[object]] = [[Paragraph(h.replace("\n", "<br/>"), cell_style) for h in header]]
        blocked_rows = []
        for number, entry in enumerate(sheet.entries, start=1):
            blank = [""] * (len(competition.criteria) + 1)
            if sheet.blocked(entry, judge):
                blank = ["回避"] + [""] * len(competition.criteria)
                blocked_rows.append(number)
            rows.append([str(number), Paragraph(entry.label, cell_style), *blank])
        work_width = 52 * mm
        box = (landscape(A4)[0] - 24 * mm - 12 * mm - work_width) / (len(competition.criteria) + 1)
        table = Table(
            rows,
            colWidths=[12 * mm, work_width, *[box] * (len(competition.criteria) + 1)],
            repeatRows=1,
            rowHeights=[None] + [9 * mm] * len(sheet.entries),
        )
        style = [
            ("FONT", (0, 0), (-1, -1), font, 10),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ]
        for number in blocked_rows:
            style.append(("SPAN", (2, number), (-1, number)))
            style.append(("BACKGROUND", (2, number), (-1, number), colors.Color(0.85, 0.85, 0.85)))
            style.append(("ALIGN", (2, number), (-1, number), "CENTER"))
        table.setStyle(TableStyle(style))
        story.append(table)
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph("评委签名：________________　　日期：________________", note_style))
    build_document(path, story, landscape(A4), f"{competition.name}评分表", festival.school_name)
    return len(sheet.judges)


def write_score_workbook(db: Database, competition_id: int, path: Path) -> int:
    """An .xlsx with one sheet per judge, rows for the entries the judge scores, columns 比赛项目,
    作品编号, 班级, 作品, 评委, then one per criterion by name; scores already stored are filled in.
    Returns the number of judges."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    with db.session() as session:
        sheet = _rubric_sheet(session, competition_id)
    competition = sheet.competition
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    bold = Font(bold=True)
    grey = PatternFill("solid", fgColor="EEEEEE")
    for judge in sheet.judges:
        worksheet = workbook.create_sheet(sheet_title(judge.name, used))
        maxima = "，".join(
            f"{c.name}扣{c.step:g}分/处至多{c.max_points:g}"
            if c.is_deduction
            else f"{c.name}{c.max_points:g}"
            for c in competition.criteria
        )
        put_row(
            worksheet, [f"{competition.name}评分表　评委：{judge.name}　（{maxima}；扣分项填扣去的分数）"]
        )
        put_row(
            worksheet,
            ["比赛项目", "作品编号", "班级", "作品", "评委", *(c.name for c in competition.criteria)],
        )
        for cell in worksheet[2]:
            cell.font = bold
            cell.fill = grey
        for entry in sheet.entries:
            if sheet.blocked(entry, judge):
                continue
            values = [sheet.cell(entry.id, judge.id, c.id).value for c in competition.criteria]
            put_row(
                worksheet,
                [
                    competition.name,
                    entry.code,
                    entry.class_name,
                    entry.authors or entry.title,
                    judge.name,
                    *values,
                ],
            )
        worksheet.freeze_panes = "F3"
        for column, width in zip("ABCDE", (18, 11, 14, 24, 10), strict=True):
            worksheet.column_dimensions[column].width = width
        worksheet.cell(1, 1).alignment = Alignment(wrap_text=False)
    save_workbook(workbook, path)
    return len(sheet.judges)
