"""Grade and class names in the forms schools write them."""

from __future__ import annotations

import pytest

from fest_desktop.school.classnames import (
    ClassNameError,
    ClassRef,
    chinese_number,
    chinese_numeral,
    parse_class,
    parse_grade,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三年级(2)班", ClassRef(3, 2)),
        ("三（2）班", ClassRef(3, 2)),
        ("3年级2班", ClassRef(3, 2)),
        ("初一(3)班", ClassRef(7, 3)),
        ("高二3班", ClassRef(11, 3)),
        ("七年级 3 班", ClassRef(7, 3)),
        ("初中一年级3班", ClassRef(7, 3)),
        ("小学三年级２班", ClassRef(3, 2)),
        ("高2(10)班", ClassRef(11, 10)),
        ("六年级（十二）班", ClassRef(6, 12)),
        ("(2)班", ClassRef(None, 2)),
        ("2", ClassRef(None, 2)),
        ("二班", ClassRef(None, 2)),
    ],
)
def test_class_forms_schools_write_map_to_one_class(text: str, expected: ClassRef) -> None:
    assert parse_class(text) == expected


@pytest.mark.parametrize(
    "text", ["2023级", "班", "甲班", "高四(1)班", "", "初五2班", "三年级(0)班", "三年级"]
)
def test_unreadable_class_names_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(
        ClassNameError, match=r"^(无法识别班级「.*」，请写成|班号0不在1到99之间|初中、高中只有一至三年级)"
    ):
        parse_class(text)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一年级", 1),
        ("三年级", 3),
        ("3年级", 3),
        ("初一", 7),
        ("七年级", 7),
        ("初中二年级", 8),
        ("高三", 12),
        ("高 二", 11),
    ],
)
def test_grade_names(text: str, level: int) -> None:
    assert parse_grade(text) == level


@pytest.mark.parametrize("text", ["十三年级", "高四", "2023级", "大一"])
def test_unknown_grades_are_refused(text: str) -> None:
    with pytest.raises(ClassNameError):
        parse_grade(text)


@pytest.mark.parametrize(("text", "value"), [("三", 3), ("十", 10), ("十二", 12), ("二十一", 21), ("12", 12)])
def test_chinese_numbers(text: str, value: int) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize("value", range(1, 100))
def test_chinese_numerals_read_back(value: int) -> None:
    assert chinese_number(chinese_numeral(value)) == value


@pytest.mark.parametrize(
    ("value", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")]
)
def test_chinese_numerals(value: int, text: str) -> None:
    assert chinese_numeral(value) == text
