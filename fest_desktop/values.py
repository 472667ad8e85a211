"""Reading values as people type them: dates and ages in the forms Chinese schools write them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


def clean_text(value: object) -> str:
    """A cell or field as text: full-width folded, 12.0 read as 12, surrounding spaces removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def split_items(text: str) -> list[str]:
    """A list typed on one line, its items separated by 、 or commas (，,): 小制作、小发明."""
    return [item.strip() for item in re.split(r"[、,]", clean_text(text)) if item.strip()]


def number_text(value: object) -> str:
    """A number as typed with a Chinese input method: full-width digits folded (clean_text) and the
    ideographic full stop taken for the decimal point (8。5 is 8.5)."""
    return clean_text(value).replace("。", ".")


def quoted(text: str, longest: int = 24) -> str:
    """A value as a message quotes it: whole when short, else its start and …, so that a cell
    holding a whole essay does not make a message of thousands of characters."""
    return text if len(text) <= longest else text[:longest] + "…"


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
        raise ValueError(f"无法识别日期「{quoted(text)}」，请写成 2015-03-02 或 2015年3月2日")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"日期「{quoted(text)}」不存在") from None


def parse_optional_date(value: object) -> dt.date | None:
    return parse_date(value) if clean_text(value) else None


def parse_age(value: object) -> int:
    """An age in whole years: 9, 9.0 or 9岁."""
    text = clean_text(value).removesuffix("岁")
    if not text.isdigit():
        raise ValueError(f"年龄「{quoted(text)}」不是整数")
    return int(text)


def parse_optional_age(value: object) -> int | None:
    return parse_age(value) if clean_text(value) else None


def final_text(value: float | None, unit: str = "") -> str:
    """A final score as every screen and file shows it: two decimals (95.00, 80.50), with the unit of a
    measured result (9.61 秒, 23.40 米); "" for none."""
    if value is None:
        return ""
    return f"{value:.2f} {unit}" if unit else f"{value:.2f}"


def month_day(day: dt.date) -> str:
    """4月11日: built from numbers, never with strftime, which fails on 年月日 under a Windows locale
    that cannot encode them."""
    return f"{day.month}月{day.day}日"


def year_month_day(day: dt.date) -> str:
    """2026年4月11日 (see month_day)."""
    return f"{day.year}年{month_day(day)}"


def normalize(text: str) -> str:
    """Full-width to half-width (（２）→(2)), spaces removed, as typed in Excel by many hands."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class TextLimit:
    """How long a kind of text may be: long enough for any real name or title, short enough that every
    table and certificate the app prints has room for it."""

    what: str
    longest: int

    def check(self, text: str) -> str:
        """The text, or ValueError saying what is too long and by how much."""
        if len(text) > self.longest:
            raise ValueError(
                f"{self.what}「{quoted(text, 20)}」太长：最多 {self.longest} 个字，填了 {len(text)} 个。"
            )
        return text


def limit_problems(texts: Iterable[tuple[TextLimit, str]]) -> list[str]:
    """What is too long among the texts, each held to its limit (surrounding spaces not counted)."""
    problems = []
    for limit, text in texts:
        # Most texts are short: only one longer than the limit needs the closer look.
        if len(text) > limit.longest:
            try:
                limit.check(text.strip())
            except ValueError as exc:
                problems.append(str(exc))
    return problems


# The limits every text is held to where it comes in (window, command line, import, phone), so that
# every table and file the program prints has room for it.
PERSON_NAME = TextLimit("姓名", 30)
ADVISOR_NAMES = TextLimit("指导老师", 50)
STUDENT_NUMBER = TextLimit("学号", 30)
TITLE = TextLimit("作品题目", 100)
DESCRIPTION = TextLimit("作品说明", 200)
JUDGE_NAME = TextLimit("评委姓名", 30)
SUBTYPE = TextLimit("作品类型", 30)
NOTES = TextLimit("备注", 200)
FESTIVAL_NAME = TextLimit("科技节名称", 40)
SCHOOL_NAME = TextLimit("学校名称", 40)
THEME = TextLimit("主题", 60)
PHASE_NAME = TextLimit("阶段名称", 20)
EVENT_TITLE = TextLimit("活动内容", 60)
PLACE = TextLimit("地点", 30)
RESPONSIBLE = TextLimit("负责人", 30)
COMPETITION_NAME = TextLimit("比赛项目名称", 30)
CATEGORY = TextLimit("比赛类别", 20)
CRITERION_NAME = TextLimit("评分项名称", 20)
SUBJECT = TextLimit("任教学科", 20)
GRADE_NAME = TextLimit("年级名称", 10)

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_SPACE_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def clean_name(value: object) -> str:
    """A person's name as typed in a roster: full-width folded and trimmed, the padding schools put
    between the characters of a two-character name (王　芳) removed, the spaces of a name written in
    letters kept (Anna Lee)."""
    text = " ".join(clean_text(value).split())
    return _SPACE_BESIDE_CJK.sub("", text) if " " in text else text
