"""Entries as read from workbooks: class registration forms and any sheet with 比赛项目 and 作者 or 作品题目,
row by row with where each came from, before anything is compared with the festival."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from fest_desktop.files.workbooks import (
    FORMULA_WITHOUT_VALUE,
    Problem,
    class_above_header,
    data_rows,
    find_header,
    hidden_sheet_note,
    read_workbook,
    unheaded_sheet_note,
)
from fest_desktop.values import clean_name, clean_text

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "competition": ("比赛项目", "比赛", "项目", "参赛项目", "比赛名称", "项目名称"),
    "subtype": ("作品类型", "类型", "作品类别", "类别"),
    "title": ("作品题目", "题目", "作品名称", "作品名", "作品标题"),
    "authors": ("作者", "作者姓名", "姓名", "学生姓名", "参赛学生", "参赛选手"),
    "class": ("班级", "作者班级", "所在班级", "班别"),
    "advisor": ("指导老师", "指导教师", "辅导老师", "辅导教师"),
    "parent": ("家长", "家长姓名", "合作家长"),
    "notes": ("备注", "说明"),
    "code": ("作品编号", "编号"),
    "status": ("状态", "报名状态"),
}


COLUMN_TITLES = {
    "competition": "比赛项目",
    "subtype": "作品类型",
    "title": "作品题目",
    "authors": "作者",
    "class": "班级",
    "advisor": "指导老师",
    "parent": "家长",
    "notes": "备注",
    "code": "作品编号",
    "status": "状态",
}


# The class form's columns: a registered work's row carries its number, a new work's row leaves it empty.
FORM_COLUMNS = ("code", "competition", "subtype", "title", "authors", "advisor", "parent", "notes")


HEADER_SEARCH_ROWS = 40


NAME_SEPARATORS = re.compile(r"[、,，;；/]+")
CHINESE = re.compile(r"[\u2e80-\u9fff]")
# The sheet of the class forms that holds their drop-down lists (hidden).
OPTIONS_SHEET = "选项"


def _is_entry_header(keys: set[str]) -> bool:
    return "competition" in keys and ("authors" in keys or "title" in keys)


class EntryRow(NamedTuple):
    """One entry as read from a file, before it is matched against the festival. A named tuple: one is
    made for every row of an import, and a frozen dataclass takes four times as long to make."""

    file: str
    sheet: str
    row: int
    competition: str
    class_text: str
    authors: tuple[str, ...] = ()
    title: str = ""
    subtype: str = ""
    advisor: str = ""
    parent: str = ""
    notes: str = ""
    code: str = ""
    status: str = ""

    @property
    def where(self) -> str:
        return f"「{self.file}」{self.in_sheet}"

    @property
    def in_sheet(self) -> str:
        return f"工作表「{self.sheet}」第{self.row}行"


@dataclass(frozen=True)
class FormSheet:
    """A sheet that is one class's form (its class written above the header): the works of that class
    it does not list are said to be left as they are."""

    file: str
    sheet: str
    class_text: str


@dataclass
class EntryFiles:
    """Rows read from one or several workbooks, with the problems found in the files themselves."""

    sources: list[str] = field(default_factory=list)
    rows: list[EntryRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    forms: list[FormSheet] = field(default_factory=list)


def read_entry_files(paths: Iterable[Path]) -> EntryFiles:
    """Read entries from workbooks (class forms, registers, any sheet with 比赛项目 and 作者 or 作品题目)."""
    found = EntryFiles()
    for path in paths:
        found.sources.append(str(path))
        _read_workbook(path, found)
    return found


def _read_workbook(path: Path, found: EntryFiles) -> None:
    workbook = read_workbook(path)
    file_name = path.name
    # The class forms keep their drop-down lists on a hidden sheet of their own: not worth a word.
    found.skipped_sheets.extend(
        hidden_sheet_note(title, path.name) for title in workbook.hidden if title != OPTIONS_SHEET
    )
    headed = 0
    unheaded: list[str] = []
    for sheet in workbook.sheets:
        rows = sheet.rows
        if not any(clean_text(value) for cells in rows for value in cells):
            continue
        header = find_header(rows, HEADER_SYNONYMS, _is_entry_header, HEADER_SEARCH_ROWS)
        if header is None:
            unheaded.append(sheet.title)
            continue
        headed += 1
        form_class = class_above_header(rows[: header.row - 1])
        if form_class and "class" not in header.columns:
            found.forms.append(FormSheet(path.name, sheet.title, form_class))
        for number, cells in data_rows(rows, header):
            row = _read_row(file_name, sheet.title, number, cells, header, form_class)
            needed = {
                "competition": row.competition,
                "title": row.title,
                "authors": row.authors,
                "class": row.class_text if "class" in header.columns else "-",
            }
            computed = [
                key
                for key, value in needed.items()
                if not value
                and key in header.columns
                and workbook.formula_without_value(sheet.title, number, header.columns[key])
            ]
            if computed:
                found.problems.append(
                    Problem(sheet.title, number, COLUMN_TITLES[computed[0]], FORMULA_WITHOUT_VALUE, path.name)
                )
                continue
            found.rows.append(row)
    if headed == 0:
        first = unheaded[0] if unheaded else (workbook.sheets[0].title if workbook.sheets else "")
        reason = (
            "找不到表头：前40行中没有同时含“比赛项目”和“作者”（或“作品题目”）的行"
            if unheaded
            else "工作簿是空的，没有作品"
        )
        found.problems.append(Problem(first, 0, "", reason, path.name))
    else:
        found.skipped_sheets.extend(unheaded_sheet_note(title, "作品", path.name) for title in unheaded)


def split_names(text: str) -> tuple[str, ...]:
    """The authors written in one cell: separated by 、 , ， ; ； or /, or by spaces between Chinese
    names (张子涵 李梓轩); a name written in letters keeps its space (Anna Lee)."""
    names: list[str] = []
    if not text:
        return ()
    for part in NAME_SEPARATORS.split(clean_text(text)):
        if CHINESE.search(part):
            names.extend(clean_name(piece) for piece in part.split())
        elif part.strip():
            names.append(clean_name(part))
    return tuple(name for name in names if name)


def _read_row(
    file: str, sheet: str, number: int, cells: Sequence[object], header: Any, form_class: str
) -> EntryRow:
    # Only the columns the sheet has, each cell cleaned once: a large import reads tens of thousands.
    width = len(cells)
    text = {key: clean_text(cells[position]) for key, position in header.columns.items() if position < width}
    return EntryRow(
        file=file,
        sheet=sheet,
        row=number,
        competition=text.get("competition", ""),
        class_text=text.get("class") or form_class,
        authors=split_names(text.get("authors", "")),
        title=text.get("title", ""),
        subtype=text.get("subtype", ""),
        advisor=text.get("advisor", ""),
        parent=text.get("parent", ""),
        notes=text.get("notes", ""),
        code=text.get("code", ""),
        status=text.get("status", ""),
    )
