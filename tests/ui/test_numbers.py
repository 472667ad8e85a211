"""The window reads every typed number one way: as a Chinese input method types it, and nothing else."""

from __future__ import annotations

import pytest

from ui.widgets.numbers import typed_number


@pytest.mark.parametrize(
    ("typed", "read"), [("12", 12.0), ("１２", 12.0), ("8。5", 8.5), (" 0.5 ", 0.5), (7, 7.0)]
)
def test_numbers_as_teachers_type_them(typed: object, read: float) -> None:
    assert typed_number(typed, "满分") == read


@pytest.mark.parametrize("typed", ["nan", "inf", "1e400", "1_000", "١٢", "十二", "", "1.2.3", "9" * 30])
def test_anything_else_is_refused_with_what_and_why(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^满分应是数字（填的是「"):
        typed_number(typed, "满分")


def test_whole_numbers_and_ranges() -> None:
    assert typed_number("3", "班号", whole=True, lowest=1, highest=99) == 3
    with pytest.raises(ValueError, match="班号应是整数"):
        typed_number("2.5", "班号", whole=True)
    with pytest.raises(ValueError, match="步长不能小于 0"):
        typed_number("-1", "步长", lowest=0)
    with pytest.raises(ValueError, match="名额不能大于 100"):
        typed_number("101", "名额", highest=100)
