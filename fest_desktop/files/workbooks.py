"""What every .xlsx import and export shares: opening and saving files, finding the header, problems."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fest_desktop.errors import FestError
from fest_desktop.values import clean_text, normalize


class WorkbookFileError(FestError):
    """The file as a whole cannot be read as a workbook (missing, not .xlsx, unreadable)."""


class ImportRefused(FestError):
    """An import with problems was asked to commit; nothing was written."""


@dataclass(frozen=True)
class Problem:
    """One reason a row (or a whole sheet, row 0) cannot be imported; file is set for multi-file imports."""

    sheet: str
    row: int
    column: str
    reason: str
    file: str = ""

    def __str__(self) -> str:
        where = f"「{self.file}」" if self.file else ""
        where += f"工作表「{self.sheet}」"
        if self.row:
            where += f"第{self.row}行"
        if self.column:
            where += f"「{self.column}」列"
        return f"{where}：{self.reason}"


@dataclass(frozen=True)
class Header:
    """Where the header row is (1-based) and which column (0-based) holds each known key."""

    row: int
    columns: dict[str, int]

    def cell(self, cells: Sequence[object], key: str) -> object:
        position = self.columns.get(key)
        return cells[position] if position is not None and position < len(cells) else None


def header_key(text: object, synonyms: Mapping[str, Sequence[str]]) -> str | None:
    """The column key a header cell names, ignoring spaces, full-width forms, (notes) and * or ：."""
    if text is None:
        return None
    clean = re.sub(r"\(.*?\)|[*:：]", "", normalize(str(text)))
    for key, names in synonyms.items():
        if clean in names:
            return key
    return None


def class_above_header(rows: Sequence[Sequence[object]]) -> str:
    """The class a form names above its header row: 班级 | 三年级(2)班, or 班级：三年级(2)班; "" if none."""
    for cells in rows:
        texts = [clean_text(c) for c in cells]
        for position, text in enumerate(texts):
            label = normalize(text)
            inline = re.fullmatch(r"班级[:：](.+)", label)
            if inline:
                return inline.group(1)
            if label.rstrip(":：") == "班级":
                following = [t for t in texts[position + 1 :] if t]
                if following:
                    return following[0]
    return ""


def find_header(
    rows: Sequence[Sequence[object]],
    synonyms: Mapping[str, Sequence[str]],
    is_complete: Callable[[set[str]], bool],
    search_rows: int = 10,
) -> Header | None:
    """The first of the top rows whose recognised columns satisfy is_complete."""
    for index, cells in enumerate(rows[:search_rows]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            key = header_key(cell, synonyms)
            if key is not None and key not in columns:
                columns[key] = position
        if is_complete(set(columns)):
            return Header(index + 1, columns)
    return None


def data_rows(rows: Sequence[Sequence[object]], header: Header) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows under the header with something filled in below a titled column, with their 1-based
    row numbers; a stray value far to the right of the table is not a row of data."""
    width = len(rows[header.row - 1])
    for number, cells in enumerate(rows[header.row :], start=header.row + 1):
        # clean_text's test, without the text: a string of spaces (full-width ones too) holds nothing.
        if any(
            value is not None and (not isinstance(value, str) or value.strip()) for value in cells[:width]
        ):
            yield number, cells


def load_workbook_file(path: Path) -> Any:
    """Open an .xlsx read-only with cached values; a missing, .xls or non-workbook file is refused."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise WorkbookFileError(f"找不到文件「{path}」。")
    if path.suffix.lower() == ".xls":
        raise WorkbookFileError(
            f"「{path.name}」是旧版 Excel 格式（.xls）。请在 Excel 中“另存为” .xlsx 后再导入。"
        )
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except PermissionError as exc:
        raise WorkbookFileError(
            f"无法读取「{path.name}」：文件可能正在 Excel 中打开（或被杀毒软件占用），请关闭后再试。"
        ) from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise WorkbookFileError(f"「{path.name}」不是 Excel 工作簿（.xlsx），无法读取。") from exc


FORMULA_WITHOUT_VALUE = "公式没有计算结果，请在 Excel 中打开并保存后再导入"


def hidden_sheet_note(title: str, file: str = "") -> str:
    """What an import says of a hidden sheet it left out: every import leaves them out."""
    where = f"「{file}」的" if file else ""
    return f"{where}工作表「{title}」是隐藏的，没有读取（要导入它，请先在 Excel 中取消隐藏）"


def unheaded_sheet_note(title: str, wanted: str, file: str = "") -> str:
    """What an import says of a sheet without the header it looks for."""
    where = f"「{file}」的" if file else ""
    return f"{where}工作表「{title}」没有{wanted}表头，跳过"


@dataclass(frozen=True)
class SheetData:
    """One visible worksheet's rows of values, each row only as long as its last filled cell."""

    title: str
    rows: list[tuple[object, ...]]


class WorkbookData:
    """The sheets of a workbook as an import reads them: the visible ones with their values, the hidden
    ones named (every import leaves them out and says so), and, asked about an empty cell, whether it
    holds a formula that no program has computed (written by a program other than Excel)."""

    def __init__(self, path: Path, sheets: list[SheetData], hidden: list[str]) -> None:
        self.path = path
        self.sheets = sheets
        self.hidden = hidden
        self._formulas: dict[str, set[tuple[int, int]]] | None = None

    def formula_without_value(self, sheet: str, row: int, column: int) -> bool:
        """Whether the cell at row (1-based) and column (0-based), read as empty, holds a formula."""
        if self._formulas is None:
            # A second read, only when an import meets an empty cell it needs and the file holds a
            # formula at all (most never do: a look at the raw sheets says so at a fraction of a read).
            self._formulas = _formula_cells(self.path) if _holds_formulas(self.path) else {}
        return (row, column) in self._formulas.get(sheet, set())


def read_workbook(path: Path) -> WorkbookData:
    """Read an .xlsx for an import: the visible sheets' values by the rows and columns that hold data,
    so that a stray cell far away (XFD1048576) does not make it read a billion empty cells."""
    workbook = load_workbook_file(path)
    try:
        sheets, hidden = [], []
        for worksheet in workbook.worksheets:
            if worksheet.sheet_state != "visible":
                hidden.append(worksheet.title)
                continue
            # The dimension the file declares may span the whole sheet; the rows themselves say less.
            worksheet.reset_dimensions()
            sheets.append(
                SheetData(worksheet.title, [_trimmed(row) for row in worksheet.iter_rows(values_only=True)])
            )
    finally:
        workbook.close()
    return WorkbookData(path, sheets, hidden)


def _trimmed(row: tuple[object, ...]) -> tuple[object, ...]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row if end == len(row) else row[:end]


def _holds_formulas(path: Path) -> bool:
    """Whether any worksheet of the .xlsx holds a formula (an <f> element); unsure means yes."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(name) as part:
                        if _FORMULA_TAG.search(part.read()):
                            return True
    except (OSError, zipfile.BadZipFile):
        return True
    return False


# A formula cell's element, with or without a namespace prefix: <f>, <f t="shared" …/>, <x:f>.
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _formula_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        found: dict[str, set[tuple[int, int]]] = {}
        for worksheet in workbook.worksheets:
            worksheet.reset_dimensions()
            cells = found.setdefault(worksheet.title, set())
            for number, row in enumerate(worksheet.iter_rows(), start=1):
                for column, cell in enumerate(row):
                    if getattr(cell, "data_type", None) == "f":
                        cells.add((number, column))
    finally:
        workbook.close()
    return found


def put_row(sheet: Any, values: Sequence[object]) -> None:
    """Append a row with each value written as what it is: text as text, never a formula, whatever it
    starts with (= + - @), numbers as numbers, dates as dates. Every row the app writes goes here, so
    a name like =HYPERLINK(…) typed into the roster can never become a link in a teacher's Excel."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        _as_written(cell)


def put_cell(sheet: Any, row: int, column: int, value: object) -> Any:
    """One cell written as what it is (see put_row)."""
    cell = sheet.cell(row=row, column=column, value=value)
    _as_written(cell)
    return cell


def _as_written(cell: Any) -> None:
    if isinstance(cell.value, str):
        # openpyxl reads a string starting with = as a formula; the data type says otherwise.
        cell.data_type = "s"


def sheet_title(name: str, taken: set[str]) -> str:
    """A worksheet's name from user text: Excel allows 31 characters and no []:*?/\\ in it, and the
    names in a workbook differ (a number is added); the name is added to taken."""
    clean = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'")[:31] or "Sheet"
    title, number = clean, 2
    while title in taken:
        title, number = f"{clean[:28]}({number})", number + 1
    taken.add(title)
    return title


def save_workbook(workbook: Any, path: Path) -> None:
    """Save whole or not at all (a temporary file beside path, renamed into place), turning the usual
    failures (the file open in Excel, a folder that cannot be written) into a message."""
    from fest_desktop.files.saving import atomic_target

    with atomic_target(path) as partial:
        workbook.save(partial)
