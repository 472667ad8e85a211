"""The class registration forms: one workbook per class with its competitions, quotas, the works it has
registered (each with its number, so that the form comes back as those works) and empty rows with
drop-downs for new ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fest_desktop.errors import FestError
from fest_desktop.files.saving import safe_file_name
from fest_desktop.files.workbooks import put_cell, put_row, save_workbook
from fest_desktop.registration.competitions import CompetitionInfo, competitions_of
from fest_desktop.registration.entries import EntryInfo, entry_infos
from fest_desktop.registration.entry_files import COLUMN_TITLES, FORM_COLUMNS, OPTIONS_SHEET
from fest_desktop.school.festivals import FestivalInfo, festival_of
from fest_desktop.school.structure import class_infos
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Student, Teacher


@dataclass(frozen=True)
class _FormClass:
    id: int
    name: str
    level: int
    head_teacher: str
    students: tuple[str, ...]
    entries: tuple[EntryInfo, ...]


def write_class_forms(db: Database, festival_id: int, folder: Path) -> list[Path]:
    """One .xlsx per class: the competitions it may enter with quotas and deadlines, the works it has
    registered with their numbers, and empty rows for new works, with drop-downs of its students and of
    the competitions."""
    with db.session() as session:
        festival = festival_of(session, festival_id)
        competitions = competitions_of(session, festival_id)
        names: dict[int, list[str]] = {}
        for class_id, name in session.execute(
            select(Student.class_id, Student.name)
            .where(Student.festival_id == festival_id)
            .order_by(Student.id)
        ):
            names.setdefault(class_id, []).append(name)
        teachers = list(session.scalars(select(Teacher.name).where(Teacher.festival_id == festival_id)))
        entries: dict[int, list[EntryInfo]] = {}
        for entry in entry_infos(session, festival_id):
            if entry.class_id is not None:  # a teacher's work belongs to no class's form
                entries.setdefault(entry.class_id, []).append(entry)
        classes = [
            _FormClass(
                c.id,
                c.name,
                c.level,
                c.head_teacher_name,
                tuple(names.get(c.id, ())),
                tuple(entries.get(c.id, ())),
            )
            for c in class_infos(session, festival_id)
        ]
    if not competitions:
        raise FestError("还没有比赛项目：请先在“比赛项目”中添加，再生成报名表。")
    if not classes:
        raise FestError("还没有班级：请先导入花名册或添加班级。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FestError(f"无法建立文件夹「{folder}」：{exc.strerror}。") from exc
    written = []
    for school_class in classes:
        eligible = [c for c in competitions if c.accepts_level(school_class.level)]
        path = folder / f"{safe_file_name(school_class.name)}-作品报名表.xlsx"
        save_workbook(_class_form(festival, school_class, eligible, teachers), path)
        written.append(path)
    return written


def _class_form(
    festival: FestivalInfo, school_class: _FormClass, competitions: list[CompetitionInfo], teachers: list[str]
) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "报名表"
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    heading_fill = PatternFill("solid", fgColor="E8F0FB")

    last_column = "ABCDEFGH"[len(FORM_COLUMNS) - 1]
    put_row(sheet, [f"{festival.school_name}{festival.name} 作品报名表"])
    sheet.merge_cells(f"A1:{last_column}1")
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    put_row(sheet, ["班级", school_class.name, "", "班主任", school_class.head_teacher])
    sheet["B2"].font = Font(bold=True, size=12)
    put_row(
        sheet,
        [
            "填写说明：已登记的作品列在前面，带作品编号，可以直接修改（编号不要改）；新作品填在下面的空行，"
            "作品编号留空，每行一件。作者从下拉列表中选，团队作品的几名作者用顿号（、）隔开；班级集体项目"
            "（如科普板报）只填作品题目。删掉一行不会删除已登记的作品。不要合并单元格。"
        ],
    )
    sheet.merge_cells(f"A3:{last_column}3")
    sheet["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[3].height = 48
    put_row(sheet, [])
    put_row(sheet, ["比赛项目", "参赛方式", "名额", "截止日期", "可选作品类型"])
    quota_header = sheet.max_row
    for competition in competitions:
        put_row(
            sheet,
            [
                competition.name,
                competition.participation_text,
                competition.quota_text,
                competition.deadline.isoformat() if competition.deadline else "",
                "、".join(competition.subtypes),
            ],
        )
    for cells in sheet.iter_rows(min_row=quota_header, max_row=sheet.max_row, max_col=5):
        for cell in cells:
            cell.border = box
    for cell in sheet[quota_header][:5]:
        cell.font = Font(bold=True)
        cell.fill = heading_fill
    put_row(sheet, [])
    put_row(sheet, [COLUMN_TITLES[key] for key in FORM_COLUMNS])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = heading_fill
        cell.border = box
    first_row = header_row + 1
    registered_fill = PatternFill("solid", fgColor="F2F2F2")
    for entry in school_class.entries:
        put_row(sheet, [_form_value(entry, key) for key in FORM_COLUMNS])
        sheet.cell(row=sheet.max_row, column=1).fill = registered_fill
    places = sum(c.quota_max or 3 for c in competitions if not c.is_class_competition)
    registered = sum(1 for e in school_class.entries if e.authors)
    last_row = sheet.max_row + max(places - registered, 0) + 5
    last_row = max(last_row, sheet.max_row + 10)
    for cells in sheet.iter_rows(min_row=first_row, max_row=last_row, max_col=len(FORM_COLUMNS)):
        for cell in cells:
            cell.border = box
    for column, width in zip("ABCDEFGH", (11, 24, 12, 26, 22, 12, 10, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = sheet.cell(row=first_row, column=1)

    options = workbook.create_sheet(OPTIONS_SHEET)
    options.sheet_state = "hidden"
    subtypes = sorted({s for c in competitions for s in c.subtypes})
    lists = ([c.name for c in competitions], list(school_class.students), subtypes, teachers)
    for position, values in enumerate(lists, start=1):
        for row, value in enumerate(values, start=1):
            put_cell(options, row, position, value)

    def drop_down(column: str, source: str, count: int, title: str, strict: bool) -> None:
        if count == 0:
            return
        validation = DataValidation(
            type="list", formula1=f"='{OPTIONS_SHEET}'!${source}$1:${source}${count}", allow_blank=True
        )
        validation.errorTitle = title
        validation.error = f"请从下拉列表中选择{title}"
        validation.showErrorMessage = strict
        validation.errorStyle = "stop" if strict else "warning"
        sheet.add_data_validation(validation)
        validation.add(f"{column}{first_row}:{column}{last_row}")

    drop_down("B", "A", len(lists[0]), "比赛项目", strict=True)
    drop_down("C", "C", len(subtypes), "作品类型", strict=False)
    # Team entries list several names in one cell, so a name outside the list only warns.
    drop_down("E", "B", len(lists[1]), "作者", strict=False)
    drop_down("F", "D", len(teachers), "指导老师", strict=False)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    return workbook


def _form_value(entry: EntryInfo, key: str) -> str:
    """What a registered work's row shows in the form's column key."""
    values = {
        "code": entry.code,
        "competition": entry.competition_name,
        "subtype": entry.subtype,
        "title": entry.title,
        "authors": entry.author_names,
        "advisor": entry.advisor,
        "parent": entry.parent_name,
        "notes": entry.notes,
    }
    return values[key]
