"""Grade and class names as schools write them: 三年级(2)班, 三（2）班, 3年级2班, 初一(3)班, 高二3班."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fest_desktop.values import normalize, quoted

CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


SECTION_NAMES = ("小学", "初中", "高中")


PRIMARY_GRADE_NAMES = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级")


GRADE_NAMES = (*PRIMARY_GRADE_NAMES, "初一", "初二", "初三", "高一", "高二", "高三")


HIGHEST_LEVEL = len(GRADE_NAMES)


class ClassNameError(ValueError):
    """A grade or class name that cannot be understood; the message says what was expected."""


def chinese_number(text: str) -> int:
    """A small number written in digits or Chinese (三, 十二, 二十一)."""
    if text.isdigit():
        return int(text)
    if text and all(ch in CHINESE_DIGITS or ch == "十" for ch in text):
        if "十" not in text:
            value = 0
            for ch in text:
                value = value * 10 + CHINESE_DIGITS[ch]
            return value
        tens, _, units = text.partition("十")
        return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)
    raise ClassNameError(f"「{quoted(text)}」不是数字")


NUMERAL_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(value: int) -> str:
    """1–99 written as in 第十一届 or 十二班: 1 → 一, 10 → 十, 21 → 二十一."""
    digits = NUMERAL_DIGITS
    if not 0 < value < 100:
        raise ValueError(f"{value} is outside 1..99")
    tens, units = divmod(value, 10)
    if tens == 0:
        return digits[units]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def section_for_level(level: int) -> str:
    if level <= 6:
        return SECTION_NAMES[0]
    if level <= 9:
        return SECTION_NAMES[1]
    return SECTION_NAMES[2]


def grade_name(level: int) -> str:
    return GRADE_NAMES[level - 1]


def class_display_name(grade: str, number: int) -> str:
    return f"{grade}({number})班"


_NUM = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"


_SECTION_PREFIX = r"(?:小学|初中|高中)?"


# A grade: 三年级 / 3年级 / 七年级 / 三年 / 初一 / 初中一年级 / 高二 / 高2
_GRADE = (
    rf"(?:(?P<stage>[初高]中?)(?P<stage_year>{_NUM})(?:年级)?|{_SECTION_PREFIX}(?P<year>{_NUM})(?:年级|年))"
)


_GRADE_RE = re.compile(rf"^{_GRADE}$")


_CLASS_RE = re.compile(rf"^(?:{_GRADE}|(?P<bare>[一二三四五六七八九]))?\(?(?P<number>{_NUM})\)?班?$")


def _level_from_match(match: re.Match[str]) -> int | None:
    if match.group("stage"):
        year = chinese_number(match.group("stage_year"))
        if not 1 <= year <= 3:
            raise ClassNameError("初中、高中只有一至三年级")
        return year + (6 if match.group("stage").startswith("初") else 9)
    if match.group("year"):
        level = chinese_number(match.group("year"))
        if not 1 <= level <= HIGHEST_LEVEL:
            raise ClassNameError(f"没有{level}年级")
        return level
    return None


def parse_grade(text: str) -> int:
    """The school-wide level of a grade name: 三年级 → 3, 初一 / 七年级 → 7, 高二 → 11."""
    clean = normalize(text)
    if clean in GRADE_NAMES:
        return GRADE_NAMES.index(clean) + 1
    match = _GRADE_RE.match(clean)
    if match is None:
        raise ClassNameError(f"无法识别年级「{quoted(text)}」，请写成“三年级”“初一”“高二”等形式")
    level = _level_from_match(match)
    assert level is not None
    return level


@dataclass(frozen=True)
class ClassRef:
    """A class named in a file: the grade level if the name carried one, and the class number."""

    level: int | None
    number: int


def parse_class(text: str) -> ClassRef:
    """Read a class name such as 三年级(2)班, 三（2）班, 3年级2班, 初一(3)班, 高二3班 or just (2)班 / 2."""
    clean = normalize(text)
    match = _CLASS_RE.match(clean)
    if match is None or not clean:
        raise ClassNameError(f"无法识别班级「{quoted(text)}」，请写成“三年级(2)班”“初一(3)班”或只写班号“2”")
    level = _level_from_match(match)
    if level is None and match.group("bare"):
        level = CHINESE_DIGITS[match.group("bare")]
    number = chinese_number(match.group("number"))
    if not 1 <= number <= 99:
        raise ClassNameError(f"班号{number}不在1到99之间")
    return ClassRef(level, number)
