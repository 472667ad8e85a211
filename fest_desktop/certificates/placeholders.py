"""The fields a certificate template may name in braces ({姓名}, {获奖} …): one table row each, with
what it means, a sample for previews, and how it is read from an award.

Adding a field is one row here: the template check, the editor's list, the previews and the batches
all read this table."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from fest_desktop.awards.kinds import AwardKind
from fest_desktop.awards.lists import AwardInfo, Recipient
from fest_desktop.certificates.kinds import DateStyle
from fest_desktop.school.classnames import NUMERAL_DIGITS, chinese_numeral
from fest_desktop.values import year_month_day

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Source:
    """What one certificate's fields are read from: the award, its recipient, the festival, the
    register's number (empty until issued), and the day and how dates are written."""

    award: AwardInfo
    recipient: Recipient
    school: str
    festival: str
    edition: int | None
    day: dt.date
    number: str = ""
    date_style: DateStyle = DateStyle.CHINESE
    higher_level: str = ""  # the contest above the school works are recommended to


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    sample: str
    read: Callable[[Source], str]


def chinese_date(day: dt.date) -> str:
    """二〇二六年十一月二十一日, as certificates are dated."""
    year = "".join(NUMERAL_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{chinese_numeral(day.month)}月{chinese_numeral(day.day)}日"


def format_date(day: dt.date, style: DateStyle) -> str:
    return chinese_date(day) if style == DateStyle.CHINESE else year_month_day(day)


def group_text(group: str) -> str:
    """A ranking group as certificates say it: 三年级组, nothing for the whole school."""
    return "" if group in ("", "全校") else f"{group}组"


def award_phrase(award: AwardInfo) -> str:
    """The award in full: 科普板报比赛小学组一等奖, 小学组集体一等奖, and for a 科技辅导员 what their
    students won: 辅导学生参加科技小论文与观察日记、手抛飞机获一等奖2项、二等奖1项."""
    if award.kind == AwardKind.ENTRY:
        return f"{award.competition}{group_text(award.group)}{award.level}"
    if award.kind == AwardKind.CLASS:
        return f"{group_text(award.group)}集体{award.level}"
    if award.kind == AwardKind.ADVISOR:
        return f"辅导学生{award.advised_text}"
    return award.level


def edition_text(edition: int | None) -> str:
    if not edition:
        return ""
    return f"第{chinese_numeral(edition)}届" if edition < 100 else f"第{edition}届"


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("姓名", "获奖学生、班级或老师", "张子涵", lambda s: s.recipient.name),
    Placeholder("班级", "获奖者的班级", "三年级(2)班", lambda s: s.award.class_name),
    Placeholder("比赛", "比赛项目", "科技创新绘画比赛", lambda s: s.award.competition),
    Placeholder("作品", "作品题目", "未来的城市", lambda s: s.award.title),
    Placeholder(
        "作者", "作品的全部作者（团队作品列出每一位）", "张子涵、李梓轩", lambda s: s.award.recipient_text
    ),
    Placeholder("奖项", "奖项等级，如 一等奖", "一等奖", lambda s: s.award.level),
    Placeholder(
        "获奖",
        "完整奖项，如 科普板报比赛小学组一等奖",
        "科技创新绘画比赛三年级组一等奖",
        lambda s: award_phrase(s.award),
    ),
    Placeholder("组别", "评奖组别，如 三年级组", "三年级组", lambda s: group_text(s.award.group)),
    Placeholder("指导老师", "作品的指导老师", "王芳", lambda s: s.award.advisor),
    Placeholder("学校", "学校名称", "启明实验学校", lambda s: s.school),
    Placeholder("科技节", "科技节名称，如 第十届校园科技节", "第十届校园科技节", lambda s: s.festival),
    Placeholder("届次", "届次，如 第十届", "第十届", lambda s: edition_text(s.edition)),
    Placeholder("日期", "证书日期", "二〇二六年五月十一日", lambda s: format_date(s.day, s.date_style)),
    Placeholder("证书编号", "证书编号，如 KJJ2026-0001", "KJJ2026-0001", lambda s: s.number),
    Placeholder(
        "上级比赛",
        "推荐作品参加的上级比赛（按学校设置的名称）",
        "城口县第二届科技创新大赛",
        lambda s: s.higher_level,
    ),
    Placeholder(
        "上级比赛结果",
        "作品在各级上级比赛中的结果",
        "城口县第二届科技创新大赛一等奖",
        lambda s: s.award.higher_result,
    ),
)
NAMES = tuple(p.name for p in PLACEHOLDERS)


def read_values(source: Source) -> dict[str, str]:
    """Every field's value for one certificate."""
    return {p.name: p.read(source) for p in PLACEHOLDERS}


def sample_values() -> dict[str, str]:
    return {p.name: p.sample for p in PLACEHOLDERS}


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in PLACEHOLDER.findall(text) if name not in NAMES]


def fill(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """The text with its placeholders replaced, and the placeholders that had no value (printed empty)."""
    missing: list[str] = []

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        found = values.get(name, "")
        if not found:
            missing.append(name)
        return found

    return PLACEHOLDER.sub(value, text), missing


@lru_cache(maxsize=256)
def placeholder_names(text: str) -> tuple[str, ...]:
    """The placeholders a text names, in order."""
    return tuple(PLACEHOLDER.findall(text))


def fill_pieces(text: str, values: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The filled text as (text, placeholder) pieces, the template's own words with placeholder "":
    what a certificate's typesetting keeps whole (a name) and sets apart (the name emphasised)."""
    pieces: list[tuple[str, str]] = []
    at = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > at:
            pieces.append((text[at : match.start()], ""))
        value = values.get(match.group(1), "")
        if value:
            pieces.append((value, match.group(1)))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], ""))
    return tuple(pieces)
