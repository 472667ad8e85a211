"""The roster workbook: its rows read as students (every problem with sheet, row and column), before
anything is compared with the festival, and the festival's roster written in the same layout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from fest_desktop.errors import ValidationError
from fest_desktop.files.workbooks import (
    FORMULA_WITHOUT_VALUE,
    Header,
    Problem,
    WorkbookData,
    data_rows,
    find_header,
    hidden_sheet_note,
    put_row,
    read_workbook,
    save_workbook,
)
from fest_desktop.school.classnames import (
    SECTION_NAMES,
    ClassNameError,
    class_display_name,
    grade_name,
    parse_class,
    parse_grade,
    section_for_level,
)
from fest_desktop.school.people import check_student_fields
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Grade, SchoolClass, Student
from fest_desktop.values import clean_name, clean_text, normalize, parse_age, parse_date, quoted

HEADER_SEARCH_ROWS = 10


# Column key → header texts seen in real school rosters (compared after normalisation).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "section": ("学部", "学段", "部别", "部"),
    "grade": ("年级", "所在年级", "年级名称"),
    "class": ("班级", "班", "班别", "班级名称", "所在班级"),
    "name": ("姓名", "学生姓名", "名字", "学生"),
    "gender": ("性别",),
    "student_number": ("学号", "学籍号", "学生编号", "编号"),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日"),
    "age": ("年龄", "岁数"),
}


COLUMN_TITLES = {
    "section": "学部",
    "grade": "年级",
    "class": "班级",
    "name": "姓名",
    "gender": "性别",
    "student_number": "学号",
    "birth_date": "出生日期",
    "age": "年龄",
}


EXPORT_COLUMNS = ("section", "grade", "class", "name", "gender", "student_number", "birth_date", "age")


GENDER_WORDS = {"男": "男", "女": "女", "m": "男", "f": "女", "男生": "男", "女生": "女"}


@dataclass(frozen=True)
class RosterRow:
    """A student as read from the file, before it is matched against the database."""

    sheet: str
    row: int
    level: int
    class_number: int
    name: str
    gender: str
    student_number: str
    birth_date: dt.date | None
    age: int | None

    @property
    def class_name(self) -> str:
        return class_display_name(grade_name(self.level), self.class_number)


@dataclass
class RosterFile:
    """The students read from a roster workbook, and the problems found in the file itself."""

    source: str
    rows: list[RosterRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)


def _is_roster_header(keys: set[str]) -> bool:
    return "name" in keys and ("class" in keys or "grade" in keys)


def _sheet_level(title: str) -> int | None:
    """A sheet named after a grade (三年级, 初一) in a workbook with one sheet per grade."""
    try:
        return parse_grade(title)
    except ClassNameError:
        return None


def _read_row(
    sheet: str,
    row_number: int,
    cells: Sequence[object],
    header: Header,
    sheet_level: int | None,
    problems: list[Problem],
    workbook: WorkbookData,
) -> RosterRow | None:
    def cell(key: str) -> object:
        return header.cell(cells, key)

    def problem(key: str, reason: str) -> None:
        problems.append(Problem(sheet, row_number, COLUMN_TITLES.get(key, ""), reason))

    def empty(key: str, reason: str) -> None:
        column = header.columns.get(key)
        computed = column is not None and workbook.formula_without_value(sheet, row_number, column)
        problem(key, FORMULA_WITHOUT_VALUE if computed else reason)

    before = len(problems)
    name = clean_name(cell("name"))
    if not name:
        empty("name", "姓名为空")

    level: int | None = None
    grade_text = clean_text(cell("grade"))
    if grade_text:
        try:
            level = parse_grade(grade_text)
        except ClassNameError as exc:
            problem("grade", str(exc))
    class_text = clean_text(cell("class"))
    number: int | None = None
    if not class_text:
        empty("class", "班级为空（如果用了合并单元格，请取消合并并在每一行填上班级）")
    else:
        try:
            ref = parse_class(class_text)
            number = ref.number
            if ref.level is not None and level is not None and ref.level != level:
                problem("class", f"班级「{quoted(class_text)}」与年级「{quoted(grade_text)}」不一致")
            level = level or ref.level
        except ClassNameError as exc:
            problem("class", str(exc))
    if level is None:
        level = sheet_level
    if level is None and number is not None and not grade_text:
        problem("grade", "无法确定年级：请增加“年级”列，或把班级写成“三年级(2)班”的形式")

    section_text = normalize(clean_text(cell("section"))).removesuffix("部")
    if section_text and level is not None and section_text != section_for_level(level):
        if section_text in SECTION_NAMES:
            problem("section", f"学部「{section_text}」与年级「{grade_name(level)}」不一致")
        else:
            problem("section", f"无法识别学部「{quoted(section_text)}」，应为小学、初中或高中")

    gender_text = clean_text(cell("gender"))
    gender = GENDER_WORDS.get(gender_text.lower()) if gender_text else ""
    if gender is None:
        problem("gender", f"性别「{quoted(gender_text)}」应为“男”或“女”")
        gender = ""

    birth_date: dt.date | None = None
    if clean_text(cell("birth_date")):
        try:
            birth_date = parse_date(cell("birth_date"))
        except ValueError as exc:
            problem("birth_date", str(exc))
    age: int | None = None
    if clean_text(cell("age")):
        try:
            age = parse_age(cell("age"))
        except ValueError as exc:
            problem("age", str(exc))

    student_number = clean_text(cell("student_number"))
    if len(problems) == before:
        try:
            check_student_fields(name, gender, age, birth_date, student_number)
        except ValidationError as exc:
            problem("", exc.message)
    if len(problems) > before or level is None or number is None:
        return None
    return RosterRow(sheet, row_number, level, number, name, gender, student_number, birth_date, age)


def read_roster(path: Path) -> RosterFile:
    """Read every visible sheet of a roster workbook into rows and problems; touches no database."""
    preview = RosterFile(source=str(path))
    workbook = read_workbook(path)
    preview.skipped_sheets = [hidden_sheet_note(title) for title in workbook.hidden]
    sheets_with_data = 0
    for sheet in workbook.sheets:
        rows = sheet.rows
        if not any(clean_text(value) for cells in rows for value in cells):
            continue
        sheets_with_data += 1
        header = find_header(rows, HEADER_SYNONYMS, _is_roster_header)
        if header is None:
            preview.problems.append(
                Problem(sheet.title, 0, "", "找不到表头：前10行中没有同时含“姓名”和“班级”（或“年级”）的行")
            )
            continue
        sheet_level = None if "grade" in header.columns else _sheet_level(sheet.title)
        for offset, cells in data_rows(rows, header):
            row = _read_row(sheet.title, offset, cells, header, sheet_level, preview.problems, workbook)
            if row is not None:
                preview.rows.append(row)
    if sheets_with_data == 0:
        title = workbook.sheets[0].title if workbook.sheets else (workbook.hidden or [""])[0]
        preview.problems.append(Problem(title, 0, "", "工作簿是空的，没有学生数据"))
    _check_duplicates_in_file(preview)
    return preview


def _check_duplicates_in_file(preview: RosterFile) -> None:
    by_number: dict[str, RosterRow] = {}
    by_name: dict[tuple[int, int, str], RosterRow] = {}
    kept: list[RosterRow] = []
    for row in preview.rows:
        if row.student_number:
            first = by_number.get(row.student_number)
            if first is not None:
                where = "同一班级" if first.class_name == row.class_name else f"{first.class_name}"
                preview.problems.append(
                    Problem(
                        row.sheet,
                        row.row,
                        "学号",
                        f"学号 {row.student_number} 与工作表「{first.sheet}」第{first.row}行（{where}的{first.name}）重复",
                    )
                )
                continue
            by_number[row.student_number] = row
        key = (row.level, row.class_number, row.name)
        twin = by_name.get(key)
        if twin is not None and not (row.student_number and twin.student_number):
            preview.problems.append(
                Problem(
                    row.sheet,
                    row.row,
                    "姓名",
                    f"{row.class_name}的「{row.name}」与工作表「{twin.sheet}」第{twin.row}行重复；"
                    "如果确实是同名的两名学生，请填写学号加以区分",
                )
            )
            continue
        by_name.setdefault(key, row)
        kept.append(row)
    preview.rows = kept


def export_roster(db: Database, festival_id: int, path: Path) -> int:
    """Write the festival's roster in the layout the import reads; returns the number of students."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    with db.session() as session:
        rows = session.execute(
            select(Student, SchoolClass.number, Grade.name, Grade.level)
            .join(SchoolClass, Student.class_id == SchoolClass.id)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(Student.festival_id == festival_id)
            .order_by(Grade.level, SchoolClass.number, Student.id)
        ).all()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "花名册"
    put_row(sheet, [COLUMN_TITLES[key] for key in EXPORT_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for student, number, grade, level in rows:
        put_row(
            sheet,
            [
                section_for_level(level),
                grade,
                class_display_name(grade, number),
                student.name,
                student.gender,
                student.student_number,
                student.birth_date,
                student.age,
            ],
        )
    for column, width in zip("ABCDEFGH", (8, 10, 14, 12, 6, 16, 12, 6), strict=True):
        sheet.column_dimensions[column].width = width
    for (cell,) in sheet.iter_rows(min_row=2, min_col=7, max_col=7):
        cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    save_workbook(workbook, path)
    return len(rows)
