"""What an operation changed, so each caller refreshes only that: the flags and the result that carries them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class Changed(enum.Flag):
    """The parts of a festival an operation may change; a window refreshes what the flags name."""

    NOTHING = 0
    FESTIVAL = enum.auto()  # the festivals of the file, the current one, its name, dates and phases
    SCHOOL = enum.auto()  # grades, classes, teachers, students
    CALENDAR = enum.auto()
    COMPETITIONS = enum.auto()  # competitions, their rules, criteria and judges
    ENTRIES = enum.auto()
    SCORES = enum.auto()  # scores, attempts, locks, phone submissions and their conflicts
    AWARDS = enum.auto()  # awards, rules, 定稿, recommendations and higher results
    CERTIFICATES = enum.auto()  # templates, the register, printed batches
    PRACTICE = enum.auto()  # 科普实践 items and each pupil's record of them
    SUMMARY = enum.auto()  # the 总结 text and the district templates
    PHONES = enum.auto()  # judges' links and cards


@dataclass(frozen=True)
class Done(Generic[T]):
    """An operation's result: its value and what it changed."""

    value: T
    changes: Changed


# What an operation changes when the whole festival shown may be another one (switched, created,
# deleted, a backup restored): every part.
EVERYTHING = ~Changed.NOTHING
