"""Numbers typed into the window's cells and fields, read the one way: digits as a Chinese input method
types them (full-width, 。 for the point), nothing a teacher would not write (1e5, nan, 1_000)."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication

from fest_desktop.values import number_text

PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)", re.ASCII)
LONGEST = 20


def typed_number(
    value: object,
    what: str,
    *,
    whole: bool = False,
    lowest: float | None = None,
    highest: float | None = None,
) -> float:
    """The number typed for `what` (满分, 名额 …), whole if asked and within lowest…highest when given;
    ValueError naming `what` and what is wrong, shown under the table or field."""
    shown = number_text(value)
    quoted = shown if len(shown) <= LONGEST else shown[:LONGEST] + "…"
    if not PLAIN_NUMBER.fullmatch(shown) or len(shown) > LONGEST:
        raise ValueError(
            QCoreApplication.translate("numbers", "{0}应是数字（填的是「{1}」）。").format(what, quoted)
        )
    number = float(shown)
    if whole and not number.is_integer():
        raise ValueError(
            QCoreApplication.translate("numbers", "{0}应是整数（填的是「{1}」）。").format(what, quoted)
        )
    if (lowest is not None and number < lowest) or (highest is not None and number > highest):
        low = "" if lowest is None else f"{lowest:g}"
        high = "" if highest is None else f"{highest:g}"
        if lowest is not None and highest is not None:
            raise ValueError(
                QCoreApplication.translate("numbers", "{0}应在 {1} 到 {2} 之间（填的是 {3}）。").format(
                    what, low, high, quoted
                )
            )
        if lowest is not None:
            raise ValueError(
                QCoreApplication.translate("numbers", "{0}不能小于 {1}（填的是 {2}）。").format(
                    what, low, quoted
                )
            )
        raise ValueError(
            QCoreApplication.translate("numbers", "{0}不能大于 {1}（填的是 {2}）。").format(
                what, high, quoted
            )
        )
    assert math.isfinite(number)
    return number
