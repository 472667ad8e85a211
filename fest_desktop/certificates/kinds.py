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
    # A teacher's own work in a competition for teachers (经验论文评比, 科技活动方案).
    TEACHER_WORK = "teacher_work"

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
            case TemplateKind.TEACHER_WORK:
                return "教师作品获奖"
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


class DesignKind(StrEnum):
    """The built-in designs a certificate can be printed on (certificates.designs draws them)."""

    FORMAL = "formal"
    COLOUR = "colour"
    MONO = "mono"

    @property
    def label(self) -> str:
        match self:
            case DesignKind.FORMAL:
                return "庄重 · 金边"
            case DesignKind.COLOUR:
                return "彩印 · 卷草祥云"
            case DesignKind.MONO:
                return "素雅 · 回纹（黑白打印）"
        assert_never(self)

    @property
    def description(self) -> str:
        match self:
            case DesignKind.FORMAL:
                return "红色标题，金色双线边框，四角祥云：最正式的奖状样式"
            case DesignKind.COLOUR:
                return "朱红边框、金色卷草纹、四角祥云，不铺底色：适合彩色打印机，用墨少"
            case DesignKind.MONO:
                return "黑色回纹边框：黑白激光打印机上也清楚好看"
        assert_never(self)


class RegisterState(StrEnum):
    """Where a certificate of the register stands. A number is committed before its certificate is
    printed, so a batch interrupted (cancelled, a printer that refused it, the program killed) leaves
    it issued and not yet printed: the next batch prints it with that number."""

    ISSUED = "issued"
    PRINTED = "printed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        match self:
            case RegisterState.ISSUED:
                return "已编号，未打印完成"
            case RegisterState.PRINTED:
                return "已打印"
            case RegisterState.WITHDRAWN:
                return "已撤销，作废"
        assert_never(self)
