"""The 分类造册: a participation sheet and one sheet of entries per competition."""

from __future__ import annotations

from pathlib import Path

from fest_desktop.errors import FestError
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
# The recommended works' register adds what the higher level asks for.
RECOMMENDED_COLUMNS = ("说明", "上级比赛结果")


def export_register(db: Database, festival_id: int, path: Path, *, recommended_only: bool = False) -> int:
    """The 分类造册 register: a participation sheet, then one sheet per competition; returns the entry count.
    With recommended_only, the works 推荐参加上级比赛 only, with their 说明 and the result each later
    obtained, for the higher level's 造册.

    The competition sheets re-import as they are (rows are matched by 作品编号)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with db.session() as session:
        festival = festival_of(session, festival_id)
        entries = [e for e in entry_infos(session, festival_id) if e.recommended or not recommended_only]
        if recommended_only and not entries:
            raise FestError("还没有推荐参加上级比赛的作品：请先在获奖名单中选中作品并推荐。")
        participation = participation_of(session, festival_id)
        competitions = competitions_of(session, festival_id)
    columns = [*REGISTER_COLUMNS, *(RECOMMENDED_COLUMNS if recommended_only else ())]
    kind = "推荐作品造册" if recommended_only else "分类造册"
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
        if recommended_only and not any(e.competition_id == competition.id for e in entries):
            continue
        rows = sorted(
            (e for e in entries if e.competition_id == competition.id),
            key=lambda e: (e.level, e.class_number, e.code),
        )
        sheet = workbook.create_sheet(sheet_title(competition.name, used))
        put_row(
            sheet,
            [f"{festival.school_name}{festival.name}　{competition.name}　{kind}（共 {len(rows)} 件）"],
        )
        sheet["A1"].font = Font(size=14, bold=True)
        put_row(sheet, columns)
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
                    *((entry.description, entry.higher_result) if recommended_only else ()),
                ],
            )
        widths = (6, 11, 22, 10, 26, 14, 20, 8, 10, 12, 16, 40, 14)
        for column, width in zip("ABCDEFGHIJKLM", widths[: len(columns)], strict=False):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = "A3"
        sheet.print_title_rows = "2:2"
    save_workbook(workbook, path)
    return len(entries)
