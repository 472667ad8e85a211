"""Reading values as people type them: dates and ages in the forms Chinese schools write them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata


def clean_text(value: object) -> str:
    """A cell or field as text: full-width folded, 12.0 read as 12, surrounding spaces removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(value: object) -> dt.date:
    """A date from a date cell or from 2015-03-02, 2015/3/2, 2015.3.2, 2015年3月2日 or 20150302."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = re.sub(r"\s+", "", clean_text(value))
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text
    )
    if match is None:
        raise ValueError(f"无法识别日期「{text}」，请写成 2015-03-02 或 2015年3月2日")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"日期「{text}」不存在") from None


def parse_optional_date(value: object) -> dt.date | None:
    return parse_date(value) if clean_text(value) else None


def parse_age(value: object) -> int:
    """An age in whole years: 9, 9.0 or 9岁."""
    text = clean_text(value).removesuffix("岁")
    if not text.isdigit():
        raise ValueError(f"年龄「{text}」不是整数")
    return int(text)


def parse_optional_age(value: object) -> int | None:
    return parse_age(value) if clean_text(value) else None


def normalize(text: str) -> str:
    """Full-width to half-width (（２）→(2)), spaces removed, as typed in Excel by many hands."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
