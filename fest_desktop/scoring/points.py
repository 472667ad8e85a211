"""A number as a teacher types it, read by one set of rules: the points of a criterion (at the desk,
in a workbook, from a phone, whose page words its refusals the same way) and a measured attempt."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from fest_desktop.errors import ValidationError
from fest_desktop.registration.competitions import CompetitionInfo, CriterionInfo
from fest_desktop.values import number_text, quoted

# The characters a number may be typed with: ASCII and full-width digits, points and signs, spaces.
# Python's float() also reads other scripts' digits (١٠), mathematical ones (𝟏𝟎 after folding) and
# 1_0 or 1e1: none of them is how a teacher writes a score, so each is refused rather than guessed.
TYPED_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)", re.ASCII)
TYPABLE = re.compile(r"[0-9０-９.．。+＋\-－ \u3000]*")
LONGEST_NUMBER = 20


def not_a_number(what: str, shown: str) -> str:
    return f"{what}填的「{shown}」不是数字。"


def _typed_value(text: object, what: str) -> tuple[float, str] | None:
    """The number in text (or a number given as one) and how to show it; None for nothing typed."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        try:
            value = float(text)
        except OverflowError:
            raise ValidationError(f"{what}填的数太大了。") from None
        if not math.isfinite(value):
            raise ValidationError(not_a_number(what, f"{value:g}"))
        return value, f"{value:g}"
    raw = str(text).strip() if text is not None else ""
    shown = number_text(raw)
    if not shown:
        return None
    if len(raw) > LONGEST_NUMBER or not TYPABLE.fullmatch(raw) or not TYPED_NUMBER.fullmatch(shown):
        raise ValidationError(not_a_number(what, shown[:LONGEST_NUMBER]))
    return float(shown), shown


@dataclass(frozen=True)
class PointsWords:
    """What is said of the points typed for a criterion: the desk's refusals, and the same words as
    templates ({shown} for what was typed) for the phone page, which checks before sending, so the
    two never word a rule differently. A phone types a deduction as a count of cases (处)."""

    criterion: CriterionInfo

    def not_number(self, shown: str) -> str:
        return not_a_number(f"「{self.criterion.name}」", shown)

    def negative(self, shown: str) -> str:
        what = "扣分" if self.criterion.is_deduction else "分数"
        return f"「{self.criterion.name}」的{what}不能是负数（填的是 {shown}）。"

    def over(self, shown: str) -> str:
        limit = "最多扣" if self.criterion.is_deduction else "满分"
        return f"「{self.criterion.name}」{limit} {self.criterion.max_points:g} 分，填的 {shown} 超出了。"

    def off_step(self, shown: str) -> str:
        return f"「{self.criterion.name}」按 {self.criterion.step:g} 分一档计分，{shown} 不在档上。"

    @property
    def most_cases(self) -> int:
        return math.floor(self.criterion.max_points / self.criterion.step + 1e-9)

    def cases_not_whole(self, shown: str) -> str:
        return f"「{self.criterion.name}」填的是处数，「{shown}」不是整数。"

    def too_many_cases(self, shown: str) -> str:
        return f"「{self.criterion.name}」最多扣 {self.most_cases} 处，填的 {shown} 处超出了。"

    @property
    def rule(self) -> str:
        """The rule as the phone shows it under the criterion's name."""
        step = f"{self.criterion.step:g}"
        if self.criterion.is_deduction:
            return f"每处扣 {step} 分，最多 {self.most_cases} 处；下面填处数"
        return f"满分 {self.criterion.max_points:g} 分，每档 {step} 分"

    def templates(self) -> dict[str, str]:
        """Every refusal with {shown} where the typed value goes, by name."""
        return {
            "not_number": self.not_number("{shown}"),
            "negative": self.negative("{shown}"),
            "over": self.over("{shown}"),
            "off_step": self.off_step("{shown}"),
            "cases_not_whole": self.cases_not_whole("{shown}"),
            "too_many_cases": self.too_many_cases("{shown}"),
        }


def parse_points(text: object, criterion: CriterionInfo) -> float | None:
    """The points typed for a criterion, checked against its maximum and step; None for an empty cell.
    Digits are read only as ASCII or full-width ones."""
    words = PointsWords(criterion)
    typed = _typed_value(text, f"「{criterion.name}」")
    if typed is None:
        return None
    value, shown = typed
    if value < 0:
        raise ValidationError(words.negative(shown))
    if value > criterion.max_points + 1e-9:
        raise ValidationError(words.over(shown))
    cases = value / criterion.step
    if abs(cases - round(cases)) > 1e-6:
        raise ValidationError(words.off_step(shown))
    return round(value, 4)


def parse_measure(text: object, competition: CompetitionInfo) -> float | None:
    """A measured attempt (distance, time) as typed, its unit allowed after it; None for an empty cell."""
    if isinstance(text, str):
        text = text.strip().removesuffix(competition.measure_unit)
    typed = _typed_value(text, "成绩")
    if typed is None:
        return None
    value, shown = typed
    if not math.isfinite(value) or value < 0 or (value == 0 and not competition.higher_is_better):
        raise ValidationError(f"成绩 {quoted(shown)} 不合理：应大于 0。")
    return round(value, 4)
