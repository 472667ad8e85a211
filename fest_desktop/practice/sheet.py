"""The class's 科普实践 sheet: written for the 班主任 to tick in Excel, and read back as the entry forms
are: the file is read, the changes planned against the festival and shown before → after with every
problem (sheet, row, column), then written in one transaction, whole or not at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.files.workbooks import (
    FORMULA_WITHOUT_VALUE,
    Problem,
    class_above_header,
    data_rows,
    find_header,
    hidden_sheet_note,
    put_row,
    read_workbook,
    save_workbook,
    sheet_title,
    unheaded_sheet_note,
)
from fest_desktop.practice.checklist import ClassChecklist, Mark, PupilRow, checklist_of, write_marks
from fest_desktop.practice.items import PracticeItemInfo, items_of
from fest_desktop.practice.kinds import DONE_MARK, DONE_WORDS, NOT_DONE_WORDS
from fest_desktop.school.classnames import ClassNameError, parse_class
from fest_desktop.school.festivals import festival_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.importing import ImportWords, PreviewLine, commit_plan, problem_line
from fest_desktop.storage.kinds import RowOutcome
from fest_desktop.storage.model import Grade, SchoolClass
from fest_desktop.values import clean_name, clean_text, normalize

HEADER_SYNONYMS = {
    "number": ("学号", "学籍号", "学生编号"),
    "name": ("姓名", "学生姓名", "学生"),
    "index": ("序号", "编号"),
}
SHEET_TITLE = "科普实践记录表"
INSTRUCTIONS = f"完成的项目填 {DONE_MARK}（也可填“是”或 1），没完成的留空。填好后交回，用“导入实践表”收回。"

WORDS = ImportWords(
    action="导入实践表",
    problems="实践表有 {0} 处问题，没有导入任何勾选。",
    changed="预览之后，班级或学生有了变化（可能另一个窗口刚刚修改过），没有导入任何勾选。",
)


def write_practice_sheets(db: Database, festival_id: int, class_ids: Sequence[int], path: Path) -> int:
    """One sheet per class, its pupils down and the items of its grade across, marked as they stand;
    returns the number of pupils."""
    if path.suffix.lower() != ".xlsx":
        raise ValidationError(f"实践表只能保存为 .xlsx，不能是「{path.suffix or path.name}」。")
    if not class_ids:
        raise ValidationError("请先选择班级。")
    with db.session() as session:
        festival = festival_of(session, festival_id)
        checklists = [checklist_of(session, class_id) for class_id in class_ids]
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    pupils = 0
    for checklist in checklists:
        if not checklist.items:
            raise ValidationError(f"{checklist.class_name}所在年级没有要做的实践项目，请先添加实践项目。")
        sheet = workbook.create_sheet(sheet_title(checklist.class_name, taken))
        put_row(sheet, [f"{festival.title}{SHEET_TITLE}"])
        sheet["A1"].font = Font(size=14, bold=True)
        put_row(sheet, ["班级", checklist.class_name])
        put_row(sheet, [INSTRUCTIONS])
        put_row(sheet, ["序号", "学号", "姓名", *(item.name for item in checklist.items)])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        for number, pupil in enumerate(checklist.pupils, start=1):
            put_row(
                sheet,
                [
                    number,
                    pupil.student_number,
                    pupil.name,
                    *(DONE_MARK if item.id in pupil.done else "" for item in checklist.items),
                ],
            )
            pupils += 1
        last_column = sheet.cell(row=4, column=3 + len(checklist.items)).column_letter
        if checklist.pupils:
            marks = DataValidation(type="list", formula1=f'"{DONE_MARK}"', allow_blank=True)
            # Other ways of ticking (是, 1) are read too: Excel is told not to refuse them.
            marks.showErrorMessage = False
            marks.add(f"D5:{last_column}{4 + len(checklist.pupils)}")
            sheet.add_data_validation(marks)
        sheet.column_dimensions["A"].width = 6
        sheet.column_dimensions["B"].width = 14
        sheet.column_dimensions["C"].width = 12
        for column in range(4, 4 + len(checklist.items)):
            sheet.column_dimensions[sheet.cell(row=4, column=column).column_letter].width = 16
            for row in range(5, 5 + len(checklist.pupils)):
                sheet.cell(row=row, column=column).alignment = Alignment(horizontal="center")
        sheet.row_dimensions[4].height = 48
        sheet.freeze_panes = "D5"
        sheet.print_title_rows = "4:4"
    save_workbook(workbook, path)
    return pupils


@dataclass(frozen=True)
class SheetRow:
    """A pupil's row as read: who, and what is written under each item's column."""

    sheet: str
    row: int
    number: str
    name: str
    marks: tuple[tuple[str, str], ...]  # (column's item name, text written)


@dataclass(frozen=True)
class ClassSheet:
    """One sheet of a practice file: the class it names, its item columns and its pupils' rows."""

    title: str
    class_text: str
    header_row: int
    items: tuple[str, ...]
    rows: tuple[SheetRow, ...]


@dataclass
class PracticeFile:
    """What a practice workbook holds, with the problems of the file itself."""

    source: str
    sheets: list[ClassSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _is_header(keys: set[str]) -> bool:
    return "name" in keys


def read_practice_file(path: Path) -> PracticeFile:
    """Read a practice workbook (the class sheets, or any sheet with 姓名 and the items as columns);
    reads nothing of the festival."""
    workbook = read_workbook(path)
    found = PracticeFile(str(path))
    found.notes.extend(hidden_sheet_note(title, path.name) for title in workbook.hidden)
    for sheet in workbook.sheets:
        rows = sheet.rows
        if not any(clean_text(value) for cells in rows for value in cells):
            continue
        header = find_header(rows, HEADER_SYNONYMS, _is_header, 20)
        if header is None:
            found.notes.append(unheaded_sheet_note(sheet.title, "实践表", path.name))
            continue
        titles = rows[header.row - 1]
        known = set(header.columns.values())
        item_columns = [
            (position, clean_text(text))
            for position, text in enumerate(titles)
            if position not in known and clean_text(text)
        ]
        pupils = []
        for number, cells in data_rows(rows, header):
            name = clean_name(header.cell(cells, "name"))
            if not name:
                if workbook.formula_without_value(sheet.title, number, header.columns["name"]):
                    found.problems.append(Problem(sheet.title, number, "姓名", FORMULA_WITHOUT_VALUE))
                    continue
                if any(clean_text(cells[p]) for p, _item in item_columns if p < len(cells)):
                    found.problems.append(
                        Problem(sheet.title, number, "姓名", "姓名为空，这一行的勾选不知道是谁的")
                    )
                continue
            pupils.append(
                SheetRow(
                    sheet.title,
                    number,
                    clean_text(header.cell(cells, "number")),
                    name,
                    tuple(
                        (item, clean_text(cells[position]) if position < len(cells) else "")
                        for position, item in item_columns
                    ),
                )
            )
        found.sheets.append(
            ClassSheet(
                sheet.title,
                class_above_header(rows[: header.row - 1]) or sheet.title,
                header.row,
                tuple(item for _p, item in item_columns),
                tuple(pupils),
            )
        )
    if not found.sheets and not found.problems:
        found.problems.append(Problem("", 0, "", "找不到实践表：没有一个工作表的表头含“姓名”"))
    return found


@dataclass(frozen=True)
class PracticeChange:
    """One mark the import changes, before → after."""

    class_name: str
    pupil: str
    item: str
    before: bool
    after: bool

    @property
    def before_text(self) -> str:
        return DONE_MARK if self.before else "未完成"

    @property
    def after_text(self) -> str:
        return DONE_MARK if self.after else "未完成"


@dataclass
class PracticeImport:
    """What committing will change, what stays, and every problem."""

    source: str
    problems: list[Problem] = field(default_factory=list)
    changes: list[PracticeChange] = field(default_factory=list)
    unchanged: int = 0
    classes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _marks: dict[int, list[Mark]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[PreviewLine]:
        """Every problem, then every mark the import changes (before → after)."""
        return [
            *(problem_line(problem) for problem in self.problems),
            *(
                PreviewLine(
                    RowOutcome.CHANGED,
                    change.class_name,
                    change.pupil,
                    (f"{change.item}：{change.before_text} → {change.after_text}",),
                )
                for change in self.changes
            ),
        ]

    def effect(self) -> object:
        """What the commit writes: compared with the preview's before writing it."""
        return tuple(self.changes)

    def summary(self) -> str:
        done = sum(c.after for c in self.changes)
        return (
            f"{len(self.classes)} 个班：新勾选 {done} 项，取消 {len(self.changes) - done} 项，"
            f"不变 {self.unchanged} 项，问题 {len(self.problems)} 处" + "".join(f"；{n}" for n in self.notes)
        )


def _shown(text: str) -> str:
    """A cell's text as a message quotes it: a page of text pasted into one cell is cut short."""
    return text if len(text) <= 20 else text[:20] + "…"


def _read_mark(text: str) -> bool | None:
    word = normalize(text).lower()
    if word in DONE_WORDS:
        return True
    if word in NOT_DONE_WORDS:
        return False
    return None


def _plan(session: Session, festival_id: int, read: PracticeFile) -> PracticeImport:
    plan = PracticeImport(read.source, problems=list(read.problems), notes=list(read.notes))
    items = {normalize(item.name): item for item in items_of(session, festival_id)}
    classes = {
        (level, number): class_id
        for class_id, level, number in session.execute(
            select(SchoolClass.id, Grade.level, SchoolClass.number)
            .join(Grade, SchoolClass.grade_id == Grade.id)
            .where(SchoolClass.festival_id == festival_id)
        )
    }
    seen: dict[int, str] = {}
    for sheet in read.sheets:
        class_id = _sheet_class(sheet, classes, seen, plan)
        if class_id is not None:
            _plan_sheet(sheet, checklist_of(session, class_id), items, plan)
    return plan


def _sheet_class(
    sheet: ClassSheet, classes: dict[tuple[int, int], int], seen: dict[int, str], plan: PracticeImport
) -> int | None:
    """The class a sheet is for, or None with the problem added."""

    def problem(reason: str) -> None:
        plan.problems.append(Problem(sheet.title, 0, "班级", reason))

    try:
        ref = parse_class(sheet.class_text)
    except ClassNameError:
        problem(f"不知道这是哪个班：请在表头上方写“班级 三年级(2)班”（现在是「{_shown(sheet.class_text)}」）")
        return None
    class_id = classes.get((ref.level, ref.number)) if ref.level is not None else None
    if class_id is None:
        problem(f"班级「{_shown(sheet.class_text)}」不在本届科技节的班级中")
        return None
    if class_id in seen:
        problem(f"与工作表「{seen[class_id]}」是同一个班，重复了")
        return None
    seen[class_id] = sheet.title
    return class_id


def _plan_sheet(
    sheet: ClassSheet, checklist: ClassChecklist, items: dict[str, PracticeItemInfo], plan: PracticeImport
) -> None:
    """The sheet's marks against the class as stored: each column an item of the class's grade, each row
    a pupil of the class (by 学号, else by a name only one pupil has), each cell a tick or nothing."""
    before = len(plan.problems)

    def problem(row: int, column: str, reason: str) -> None:
        plan.problems.append(Problem(sheet.title, row, column, reason))

    grade_items = {item.id for item in checklist.items}
    columns: dict[str, PracticeItemInfo] = {}
    for title in sheet.items:
        item = items.get(normalize(title))
        if item is None:
            known = "、".join(i.name for i in checklist.items) or "无"
            problem(
                sheet.header_row,
                _shown(title),
                f"没有实践项目「{_shown(title)}」（{checklist.class_name}要做的：{known}）",
            )
        elif item.id not in grade_items:
            if any(_read_mark(text) for row in sheet.rows for name, text in row.marks if name == title):
                problem(sheet.header_row, _shown(title), f"{checklist.class_name}所在年级不做「{item.name}」")
        else:
            columns[title] = item
    by_number = {p.student_number: p for p in checklist.pupils if p.student_number}
    by_name: dict[str, list[PupilRow]] = {}
    for pupil in checklist.pupils:
        by_name.setdefault(pupil.name, []).append(pupil)
    first_row: dict[int, int] = {}
    marks: list[Mark] = []
    for row in sheet.rows:
        numbered = by_number.get(row.number) if row.number else None
        if numbered is None:
            named = by_name.get(row.name, [])
            if len(named) != 1:
                problem(
                    row.row,
                    "姓名",
                    f"{checklist.class_name}有 {len(named)} 名学生叫「{row.name}」，请填学号"
                    if named
                    else f"{checklist.class_name}的花名册中没有学生「{_shown(row.name)}」",
                )
                continue
            pupil = named[0]
        elif numbered.name != row.name:
            problem(row.row, "学号", f"学号 {row.number} 是「{numbered.name}」的，不是「{_shown(row.name)}」")
            continue
        else:
            pupil = numbered
        if pupil.student_id in first_row:
            problem(row.row, "姓名", f"「{pupil.name}」在第{first_row[pupil.student_id]}行已经有了，重复了")
            continue
        first_row[pupil.student_id] = row.row
        for title, text in row.marks:
            item = columns.get(title)
            if item is None:
                continue
            done = _read_mark(text)
            if done is None:
                problem(
                    row.row,
                    _shown(title),
                    f"「{_shown(text)}」看不懂：完成填 {DONE_MARK}（或“是”、1），没完成留空",
                )
                continue
            if done == (item.id in pupil.done):
                plan.unchanged += 1
                continue
            plan.changes.append(PracticeChange(checklist.class_name, pupil.name, item.name, not done, done))
            marks.append(Mark(pupil.student_id, item.id, done))
    if len(plan.problems) == before:
        plan.classes.append(checklist.class_name)
        plan._marks[checklist.class_id] = marks


def plan_practice_import(db: Database, festival_id: int, read: PracticeFile) -> PracticeImport:
    """What importing the file would change, and every problem; writes nothing (the preview, --dry-run)."""
    with db.session() as session:
        return _plan(session, festival_id, read)


def commit_practice_import(
    db: Database,
    festival_id: int,
    read: PracticeFile,
    *,
    previewed: PracticeImport | None = None,
    today: dt.date | None = None,
) -> Done[PracticeImport]:
    """Plan the file's marks again inside the one transaction that writes them all after a backup, or
    nothing: refused while any problem remains, or when the plan is no longer the one previewed."""

    def write(session: Session, plan: PracticeImport) -> None:
        for class_id, marks in plan._marks.items():
            write_marks(session, class_id, marks, today or dt.date.today())

    plan = commit_plan(
        db, lambda session: _plan(session, festival_id, read), write, WORDS, previewed=previewed
    )
    return Done(plan, Changed.PRACTICE if plan.changes else Changed.NOTHING)
