"""What a Windows school PC would trip over, checked in the source: dates with 年月日 formatted by
strftime (which fails under a locale that cannot encode them), and os.access taken for a folder's
writability (always true on Windows)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*(ROOT / "fest_desktop").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), ROOT / "main.py"]

# A format spec or strftime pattern holding a Chinese character: {day:%m月%d日}, strftime("%Y年").
CHINESE_DATE_FORMAT = re.compile(
    r"%[YmdHMSjaAbB][^\"'{}]*[\u4e00-\u9fff]|[\u4e00-\u9fff][^\"'{}]*%[YmdHMSjaAbB]"
)


def offending_lines(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for path in SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_no_date_is_formatted_with_chinese_characters_by_strftime() -> None:
    assert offending_lines(CHINESE_DATE_FORMAT) == []


def test_no_folder_is_judged_writable_by_os_access() -> None:
    assert offending_lines(re.compile(r"os\.access\(")) == []
