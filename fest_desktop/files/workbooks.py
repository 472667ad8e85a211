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
            where += f" 第{self.row}行"
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
    """The non-blank rows under the header, with their 1-based row numbers."""
    for number, cells in enumerate(rows[header.row :], start=header.row + 1):
        if any(clean_text(value) for value in cells):
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
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise WorkbookFileError(f"「{path.name}」不是 Excel 工作簿（.xlsx），无法读取。") from exc


def sheet_rows(worksheet: Any) -> list[tuple[object, ...]]:
    return [tuple(cells) for cells in worksheet.iter_rows(values_only=True)]


def save_workbook(workbook: Any, path: Path) -> None:
    """Save, turning the usual failures (file open in Excel, folder missing) into a message."""
    try:
        workbook.save(path)
    except PermissionError as exc:
        raise FestError(f"无法写入「{path}」：文件可能正在 Excel 中打开，请关闭后再试。") from exc
    except OSError as exc:
        raise FestError(f"无法写入「{path}」：{exc.strerror}。") from exc
