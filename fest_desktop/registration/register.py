"""The 分类造册: a participation sheet and one sheet of entries per competition."""

from __future__ import annotations

from pathlib import Path

from fest_desktop.files.workbooks import put_row, save_workbook, sheet_title
from fest_desktop.registration.competitions import competitions_of
from fest_desktop.registration.entries import entry_infos
from fest_desktop.registration.quotas import participation_of
from fest_desktop.school.festivals import festival_of
from fest_desktop.storage.database import Database

REGISTER_COLUMNS = (
    "序号",
    "作品编号",
    "比赛项目",
    "作品类型",
    "作品题目",
    "班级",
    "作者",
    "年龄",
    "指导老师",
    "状态",
    "备注",
)


def export_register(db: Database, festival_id: int, path: Path) -> int:
    """The 分类造册 register: a participation sheet, then one sheet per competition; returns the entry count.

    The competition sheets re-import as they are (rows are matched by 作品编号)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with db.session() as session:
        festival = festival_of(session, festival_id)
        entries = entry_infos(session, festival_id)
        participation = participation_of(session, festival_id)
        competitions = competitions_of(session, festival_id)
    workbook = Workbook()
    summary = workbook.active
    summary.title = "参与情况"
    put_row(summary, [f"{festival.school_name}{festival.name} 各班参与情况"])
    summary["A1"].font = Font(size=14, bold=True)
    put_row(summary, ["班级", "学生数", "作品数", "参与学生数", "参与率"])
    for cell in summary[2]:
        cell.font = Font(bold=True)
    for row in participation:
        put_row(
            summary, [row.class_name, row.student_count, row.entry_count, row.participant_count, row.share]
        )
        summary.cell(row=summary.max_row, column=5).number_format = "0.0%"
    for column, width in zip("ABCDE", (16, 10, 10, 12, 10), strict=True):
        summary.column_dimensions[column].width = width

    used = {summary.title}
    for competition in competitions:
        rows = sorted(
            (e for e in entries if e.competition_id == competition.id),
            key=lambda e: (e.level, e.class_number, e.code),
        )
        sheet = workbook.create_sheet(sheet_title(competition.name, used))
        put_row(
            sheet,
            [f"{festival.school_name}{festival.name}　{competition.name}　分类造册（共 {len(rows)} 件）"],
        )
        sheet["A1"].font = Font(size=14, bold=True)
        put_row(sheet, list(REGISTER_COLUMNS))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for position, entry in enumerate(rows, start=1):
            put_row(
                sheet,
                [
                    position,
                    entry.code,
                    competition.name,
                    entry.subtype,
                    entry.title,
                    entry.class_name,
                    entry.author_names,
                    entry.ages,
                    entry.advisor,
                    entry.status_text,
                    entry.notes,
                ],
            )
        for column, width in zip("ABCDEFGHIJK", (6, 11, 22, 10, 26, 14, 20, 8, 10, 12, 16), strict=True):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = "A3"
        sheet.print_title_rows = "2:2"
    save_workbook(workbook, path)
    return len(entries)
