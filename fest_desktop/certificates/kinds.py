"""The vocabulary of certificates, named once: who a template is for, what a field draws, how text
aligns, and how dates are written."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never


class TemplateKind(StrEnum):
    """Who a template's certificates are for."""

    STUDENT = "student"
    CLASS = "class"
    TEACHER = "teacher"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        match self:
            case TemplateKind.STUDENT:
                return "学生获奖"
            case TemplateKind.CLASS:
                return "班级集体奖"
            case TemplateKind.TEACHER:
                return "科技辅导员奖"
            case TemplateKind.ORGANISATION:
                return "优秀组织奖"
        assert_never(self)


class FieldKind(StrEnum):
    """What a template field draws."""

    TEXT = "text"
    SEAL = "seal"
    QR = "qr"

    @property
    def label(self) -> str:
        match self:
            case FieldKind.TEXT:
                return "文字"
            case FieldKind.SEAL:
                return "印章"
            case FieldKind.QR:
                return "二维码"
        assert_never(self)


class Alignment(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"

    @property
    def label(self) -> str:
        match self:
            case Alignment.LEFT:
                return "左对齐"
            case Alignment.CENTER:
                return "居中"
            case Alignment.RIGHT:
                return "右对齐"
        assert_never(self)


class DateStyle(StrEnum):
    """How the certificate date is written: in Chinese numerals, as schools often do, or in Arabic
    numerals, as the national standard for official documents does."""

    CHINESE = "chinese"
    DIGITS = "digits"

    @property
    def example(self) -> str:
        match self:
            case DateStyle.CHINESE:
                return "二〇二六年十一月二十一日"
            case DateStyle.DIGITS:
                return "2026年11月21日"
        assert_never(self)
