"""Certificates (奖状 / 荣誉证书): templates with placeholders, the certificates a batch prints,
their register and numbers, the fonts (with a fallback for rare characters), the QR code with its
check digit, and the PDF — one certificate per slot, on plain paper or onto pre-printed paper (套打)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from fest_desktop.awards import (
    ADVISOR_TITLE,
    AwardInfo,
    Recipient,
    list_awards,
    notices,
)
from fest_desktop.classnames import NUMERAL_DIGITS, chinese_numeral
from fest_desktop.db import Database, fetch
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.model import Award, Certificate, CertificateTemplate, Festival
from fest_desktop.pdf import PDF_FONT, register_chinese_font
from fest_desktop.values import clean_text

MM = 72 / 25.4
PAPERS = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "B5": (176.0, 250.0), "16开": (185.0, 260.0)}
CUSTOM_PAPER = "自定义"
TEMPLATE_KINDS = {
    "student": "学生获奖",
    "class": "班级集体奖",
    "teacher": "科技辅导员奖",
    "organisation": "优秀组织奖",
}
FIELD_KINDS = {"text": "文字", "seal": "印章", "qr": "二维码"}
ALIGNMENTS = {"left": "左对齐", "center": "居中", "right": "右对齐"}
DATE_STYLES = {"chinese": "二〇二六年十一月二十一日", "digits": "2026年11月21日"}
PLACEHOLDERS = {
    "姓名": "获奖学生、班级或老师",
    "班级": "获奖者的班级",
    "比赛": "比赛项目",
    "作品": "作品题目",
    "奖项": "奖项等级，如 一等奖",
    "获奖": "完整奖项，如 科普板报比赛小学组一等奖",
    "组别": "评奖组别，如 三年级组",
    "指导老师": "作品的指导老师",
    "学校": "学校名称",
    "科技节": "科技节名称，如 第十届校园科技节",
    "届次": "届次，如 第十届",
    "日期": "证书日期",
    "证书编号": "证书编号，如 KJJ2026-0001",
}
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Fonts a Chinese school PC has, by the names teachers know them, and where they live.
KNOWN_FONTS = {
    "楷体": ("simkai.ttf", "STKAITI.TTF"),
    "宋体": ("simsun.ttc", "STSONG.TTF"),
    "黑体": ("simhei.ttf", "STHEITI.TTF"),
    "仿宋": ("simfang.ttf", "STFANGSO.TTF"),
    "微软雅黑": ("msyh.ttc", "msyh.ttf"),
}
BUNDLED_FONT_LABEL = "霞鹜文楷（内置）"
# Tried for a character neither the chosen nor the bundled font has (SimSun-ExtB on Windows).
FALLBACK_FONT_FILES = ("simsunb.ttf", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf")


# ---------------------------------------------------------------- Chinese dates


def chinese_date(day: dt.date) -> str:
    """二〇二六年十一月二十一日, as certificates are dated."""
    year = "".join(NUMERAL_DIGITS[int(d)] for d in str(day.year))
    return f"{year}年{chinese_numeral(day.month)}月{chinese_numeral(day.day)}日"


def format_date(day: dt.date, style: str) -> str:
    return chinese_date(day) if style == "chinese" else f"{day.year}年{day.month}月{day.day}日"


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateField:
    """One thing printed on a certificate. x, y are the top left of its box in mm from the slot's
    top left; text fields align within width_mm and wrap when wrap is on; seal and QR fields are
    squares of width_mm."""

    name: str
    kind: str = "text"
    text: str = ""
    x_mm: float = 0.0
    y_mm: float = 0.0
    width_mm: float = 100.0
    font: str = ""
    size: float = 16.0
    align: str = "left"
    wrap: bool = False
    line_spacing: float = 1.6
    visible: bool = True

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class TemplateInfo:
    """A certificate layout; width and height are the sheet's in mm as it lies (landscape swapped)."""

    id: int
    name: str
    kind: str
    paper: str = "A4"
    landscape: bool = True
    width_mm: float = 297.0
    height_mm: float = 210.0
    columns: int = 1
    rows: int = 1
    date_style: str = "chinese"
    background: bytes | None = None
    print_background: bool = True
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    seal: bytes | None = None
    fields: tuple[TemplateField, ...] = ()

    @property
    def slots(self) -> int:
        return self.columns * self.rows

    @property
    def slot_size(self) -> tuple[float, float]:
        """The size of one certificate in mm."""
        return self.width_mm / self.columns, self.height_mm / self.rows

    def field(self, name: str) -> TemplateField:
        return next(f for f in self.fields if f.name == name)

    def with_field(self, changed: TemplateField, old_name: str | None = None) -> TemplateInfo:
        """A copy with the field of that name (or old_name) replaced, or added at the end."""
        name = old_name or changed.name
        fields = list(self.fields)
        for index, existing in enumerate(fields):
            if existing.name == name:
                fields[index] = changed
                break
        else:
            fields.append(changed)
        return dataclasses.replace(self, fields=tuple(fields))


def paper_size(paper: str, landscape: bool, custom: tuple[float, float] | None = None) -> tuple[float, float]:
    """The sheet's width and height in mm as it lies."""
    short, long = sorted(custom) if paper not in PAPERS and custom else PAPERS.get(paper, PAPERS["A4"])
    return (long, short) if landscape else (short, long)


def _text(name: str, text: str, x: float, y: float, width: float, size: float, **more: Any) -> TemplateField:
    return TemplateField(name, "text", text, x, y, width, size=size, **more)


_BODY = "在{学校}{科技节}中，荣获{获奖}。特发此证，以资鼓励。"


def default_templates() -> list[TemplateInfo]:
    """The four templates a festival starts with: A4 landscape, the title large and centred, the
    body wrapped, school and date at the lower right with room for the seal, the number small."""

    def common(body: str, greeting: str, title: str) -> tuple[TemplateField, ...]:
        return (
            _text("标题", title, 0, 32, 297, 44, align="center"),
            _text("称呼", greeting, 40, 72, 220, 24),
            _text("正文", body, 40, 90, 217, 22, wrap=True, line_spacing=1.8),
            _text("落款", "{学校}", 160, 142, 100, 20, align="center"),
            _text("日期", "{日期}", 160, 156, 100, 18, align="center"),
            TemplateField("印章", "seal", "", 186, 122, 42),
            _text("证书编号", "证书编号：{证书编号}", 20, 192, 120, 10),
            TemplateField("二维码", "qr", "", 257, 168, 24, visible=False),
        )

    return [
        TemplateInfo(0, "学生荣誉证书", "student", fields=common("　　" + _BODY, "{姓名}同学：", "荣誉证书")),
        TemplateInfo(
            0,
            "班级奖状",
            "class",
            fields=common("　　在{学校}{科技节}中，荣获{获奖}。特发此状，以资鼓励。", "{姓名}：", "奖　状"),
        ),
        TemplateInfo(
            0,
            "科技辅导员证书",
            "teacher",
            fields=common(
                "　　在{学校}{科技节}中指导学生成绩优异，荣获{获奖}。特发此证，以资鼓励。",
                "{姓名}老师：",
                "荣誉证书",
            ),
        ),
        TemplateInfo(
            0,
            "优秀组织奖奖状",
            "organisation",
            fields=common(
                "　　在{学校}{科技节}中组织得力、参与踊跃，荣获{获奖}。特发此状，以资鼓励。",
                "{姓名}：",
                "奖　状",
            ),
        ),
    ]


def _template_info(row: CertificateTemplate) -> TemplateInfo:
    fields = tuple(TemplateField(**item) for item in json.loads(row.fields or "[]"))
    return TemplateInfo(
        row.id,
        row.name,
        row.kind,
        row.paper,
        row.landscape,
        row.width_mm,
        row.height_mm,
        row.columns,
        row.rows,
        row.date_style,
        row.background,
        row.print_background,
        row.offset_x_mm,
        row.offset_y_mm,
        row.seal,
        fields,
    )


def _apply_template(row: CertificateTemplate, info: TemplateInfo) -> None:
    row.name = info.name
    row.kind = info.kind
    row.paper = info.paper
    row.landscape = info.landscape
    row.width_mm = info.width_mm
    row.height_mm = info.height_mm
    row.columns = info.columns
    row.rows = info.rows
    row.date_style = info.date_style
    row.background = info.background
    row.print_background = info.print_background
    row.offset_x_mm = info.offset_x_mm
    row.offset_y_mm = info.offset_y_mm
    row.seal = info.seal
    row.fields = json.dumps([f.to_json() for f in info.fields], ensure_ascii=False)


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS]


def check_template(info: TemplateInfo) -> TemplateInfo:
    """The template with its name cleaned, or ValidationError naming the field and what is wrong."""
    name = clean_text(info.name)
    if not name:
        raise ValidationError("模板名称不能为空。")
    if info.kind not in TEMPLATE_KINDS:
        raise ValidationError(f"未知的证书类别「{info.kind}」。")
    if not (20 <= info.width_mm <= 1000 and 20 <= info.height_mm <= 1000):
        raise ValidationError(
            f"纸张大小 {info.width_mm:g}×{info.height_mm:g} 毫米不对，应在 20 到 1000 毫米之间。"
        )
    if not (1 <= info.columns <= 6 and 1 <= info.rows <= 6):
        raise ValidationError("每张纸的证书排列要在 1×1 到 6×6 之间。")
    if abs(info.offset_x_mm) > 50 or abs(info.offset_y_mm) > 50:
        raise ValidationError("打印偏移不能超过 50 毫米。")
    slot_width, slot_height = info.slot_size
    names = [f.name for f in info.fields]
    if len(set(names)) != len(names):
        raise ValidationError("字段名称不能重复。")
    for item in info.fields:
        where = f"字段「{item.name}」"
        if not clean_text(item.name):
            raise ValidationError("字段名称不能为空。")
        unknown = unknown_placeholders(item.text)
        if unknown:
            known = " ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            raise ValidationError(f"{where}里的占位符「{{{unknown[0]}}}」不认识。可用的有：{known}")
        if item.text.count("{") != item.text.count("}"):
            raise ValidationError(f"{where}里的花括号没有配对。")
        if item.kind not in FIELD_KINDS or item.align not in ALIGNMENTS:
            raise ValidationError(f"{where}的类别或对齐方式不对。")
        if not 4 <= item.size <= 200:
            raise ValidationError(f"{where}的字号 {item.size:g} 不对，应在 4 到 200 之间。")
        if item.width_mm <= 0 or not (-1 <= item.x_mm <= slot_width and -1 <= item.y_mm <= slot_height):
            raise ValidationError(f"{where}的位置（{item.x_mm:g}, {item.y_mm:g} 毫米）在证书外面。")
    return dataclasses.replace(info, name=name)


def ensure_templates(db: Database, festival_id: int) -> None:
    """Give a festival the default templates the first time they are asked for."""
    with db.session() as session:
        count = session.scalar(
            select(func.count())
            .select_from(CertificateTemplate)
            .where(CertificateTemplate.festival_id == festival_id)
        )
        if count:
            return
        for position, info in enumerate(default_templates()):
            row = CertificateTemplate(festival_id=festival_id, position=position)
            _apply_template(row, info)
            session.add(row)


def list_templates(db: Database, festival_id: int) -> list[TemplateInfo]:
    ensure_templates(db, festival_id)
    with db.session() as session:
        return [
            _template_info(row)
            for row in session.scalars(
                select(CertificateTemplate)
                .where(CertificateTemplate.festival_id == festival_id)
                .order_by(CertificateTemplate.position, CertificateTemplate.id)
            )
        ]


def get_template(db: Database, template_id: int) -> TemplateInfo:
    with db.session() as session:
        return _template_info(fetch(session, CertificateTemplate, template_id, "这个证书模板已被删除。"))


def save_template(db: Database, festival_id: int, info: TemplateInfo) -> TemplateInfo:
    """Store a template (new when id is 0) after check_template."""
    info = check_template(info)
    with db.session() as session:
        if info.id:
            row = fetch(session, CertificateTemplate, info.id, "这个证书模板已被删除。")
        else:
            position = session.scalar(
                select(func.max(CertificateTemplate.position)).where(
                    CertificateTemplate.festival_id == festival_id
                )
            )
            row = CertificateTemplate(festival_id=festival_id, position=(position or 0) + 1)
            session.add(row)
        _apply_template(row, info)
        session.flush()
        return _template_info(row)


def delete_template(db: Database, template_id: int) -> None:
    """Delete a template; the last one of its kind stays, so every award can still be printed."""
    with db.session() as session:
        row = fetch(session, CertificateTemplate, template_id, "这个证书模板已被删除。")
        same_kind = session.scalar(
            select(func.count())
            .select_from(CertificateTemplate)
            .where(CertificateTemplate.festival_id == row.festival_id, CertificateTemplate.kind == row.kind)
        )
        if same_kind == 1:
            raise ValidationError(f"这是唯一的「{TEMPLATE_KINDS[row.kind]}」模板，不能删除。")
        session.delete(row)


def template_for(templates: Sequence[TemplateInfo], kind: str) -> TemplateInfo:
    return next((t for t in templates if t.kind == kind), templates[0])


# ---------------------------------------------------------------- what a batch prints


@dataclass(frozen=True)
class CertificateJob:
    """One certificate to print: for an award and, for a team, one of its students. number is set
    once the certificate is in the register."""

    award_id: int
    student_id: int | None
    kind: str
    recipient: str
    class_name: str
    list_key: str
    level: str
    values: Mapping[str, str]
    day: dt.date
    number: str = ""
    certificate_id: int | None = None
    print_count: int = 0

    @property
    def award_text(self) -> str:
        return self.values.get("获奖", self.level)

    @property
    def label(self) -> str:
        """How the certificate is named in messages: its number, else the recipient and award."""
        return self.number or f"{self.recipient}（{self.award_text}）"

    def values_for(self, template: TemplateInfo) -> dict[str, str]:
        """The placeholder values with the date written in the template's style."""
        return {**self.values, "日期": format_date(self.day, template.date_style)}


def _template_kind(award: AwardInfo, recipient: Recipient) -> str:
    if award.kind == "advisor":
        return "teacher"
    if award.kind == "organisation":
        return "organisation"
    return "student" if recipient.student_id is not None else "class"


def _group_text(group: str) -> str:
    return "" if group in ("", "全校") else f"{group}组"


def _award_phrase(award: AwardInfo) -> str:
    if award.kind == "entry":
        return f"{award.competition}{_group_text(award.group)}{award.level}"
    if award.kind == "class":
        return f"{_group_text(award.group)}集体{award.level}"
    if award.kind == "advisor":
        return f"{award.competition}{ADVISOR_TITLE}（{award.level}）"
    return award.level


def _edition_text(edition: int | None) -> str:
    if not edition:
        return ""
    return f"第{chinese_numeral(edition)}届" if edition < 100 else f"第{edition}届"


def certificate_jobs(
    db: Database,
    festival_id: int,
    *,
    list_key: str | None = None,
    level: str | None = None,
    class_id: int | None = None,
    finalised_only: bool = True,
) -> list[CertificateJob]:
    """The certificates of the awards chosen: one per student of an entry award (the class for a
    class entry), one per class of a collective or 优秀组织奖 award, one per advisor award. Only
    finalised lists unless finalised_only is off; certificates already in the register carry their
    number and print count."""
    awards = list_awards(db, festival_id, list_key, level=level, class_id=class_id, include_withdrawn=False)
    if finalised_only:
        final = notices(db, festival_id)
        awards = [a for a in awards if a.list_key in final]
    with db.session() as session:
        festival = fetch(session, Festival, festival_id, "这个科技节已被删除。")
        issued = {
            (row.award_id, row.student_id): row
            for row in session.scalars(select(Certificate).where(Certificate.festival_id == festival_id))
        }
        day = festival.award_date or festival.end_date
        common = {
            "学校": festival.school_name,
            "科技节": festival.name,
            "届次": _edition_text(festival.edition),
        }
    jobs = []
    for award in awards:
        for recipient in award.recipients:
            record = issued.get((award.id, recipient.student_id))
            values = {
                **common,
                "姓名": recipient.name,
                "班级": award.class_name,
                "比赛": award.competition,
                "作品": award.title,
                "奖项": award.level,
                "获奖": _award_phrase(award),
                "组别": _group_text(award.group),
                "指导老师": award.advisor,
                "证书编号": record.number if record else "",
            }
            jobs.append(
                CertificateJob(
                    award.id,
                    recipient.student_id,
                    _template_kind(award, recipient),
                    recipient.name,
                    award.class_name,
                    award.list_key,
                    award.level,
                    values,
                    day,
                    record.number if record else "",
                    record.id if record else None,
                    record.print_count if record else 0,
                )
            )
    return jobs


def fill(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """The text with its placeholders replaced, and the placeholders that had no value (printed empty)."""
    missing: list[str] = []

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        found = values.get(name, "")
        if not found:
            missing.append(name)
        return found

    return _PLACEHOLDER.sub(value, text), missing


# ---------------------------------------------------------------- the register


def _number(festival: Festival) -> str:
    prefix = festival.certificate_prefix.replace("{年}", str(festival.start_date.year))
    return f"{prefix}{festival.next_certificate:0{festival.certificate_digits}d}"


def issue_numbers(db: Database, festival_id: int, jobs: Sequence[CertificateJob]) -> list[CertificateJob]:
    """Give each certificate not yet in the register its number, in the order given, and enter it; a
    number is never given twice, whatever is later withdrawn or deleted."""
    result = []
    with db.session() as session:
        festival = fetch(session, Festival, festival_id, "这个科技节已被删除。")
        for job in jobs:
            if job.certificate_id is not None:
                result.append(job)
                continue
            existing = session.scalar(
                select(Certificate).where(
                    Certificate.award_id == job.award_id,
                    Certificate.student_id.is_(None)
                    if job.student_id is None
                    else Certificate.student_id == job.student_id,
                )
            )
            if existing is None:
                existing = Certificate(
                    festival_id=festival_id,
                    number=_number(festival),
                    award_id=job.award_id,
                    student_id=job.student_id,
                    recipient=job.recipient,
                    class_name=job.class_name,
                    award_text=job.award_text,
                    issued_at=dt.datetime.now().replace(microsecond=0),
                )
                festival.next_certificate += 1
                session.add(existing)
                session.flush()
            result.append(
                dataclasses.replace(
                    job,
                    number=existing.number,
                    certificate_id=existing.id,
                    print_count=existing.print_count,
                    values={**job.values, "证书编号": existing.number},
                )
            )
    return result


def record_printed(db: Database, certificate_ids: Iterable[int]) -> None:
    """Count one more print of each certificate (the first print, or a reprint)."""
    now = dt.datetime.now().replace(microsecond=0)
    with db.session() as session:
        for row in session.scalars(select(Certificate).where(Certificate.id.in_(list(certificate_ids)))):
            row.print_count += 1
            row.last_printed_at = now


@dataclass(frozen=True)
class CertificateRecord:
    """A certificate of the register; withdrawn when its award has since been taken back."""

    id: int
    number: str
    recipient: str
    class_name: str
    award_text: str
    print_count: int
    issued_at: dt.datetime
    last_printed_at: dt.datetime | None
    award_id: int | None
    student_id: int | None
    withdrawn: bool

    @property
    def reprints(self) -> int:
        return max(self.print_count - 1, 0)


def _records(db: Database, festival_id: int) -> list[CertificateRecord]:
    with db.session() as session:
        live = set(
            session.scalars(select(Award.id).where(Award.festival_id == festival_id, Award.level != ""))
        )
        return [
            CertificateRecord(
                row.id,
                row.number,
                row.recipient,
                row.class_name,
                row.award_text,
                row.print_count,
                row.issued_at,
                row.last_printed_at,
                row.award_id,
                row.student_id,
                row.award_id not in live,
            )
            for row in session.scalars(
                select(Certificate).where(Certificate.festival_id == festival_id).order_by(Certificate.id)
            )
        ]


def _record(db: Database, festival_id: int, number: str) -> CertificateRecord | None:
    """The register's certificate of that number (case and full-width forms ignored)."""
    wanted = clean_text(number).upper()
    return next((r for r in _records(db, festival_id) if r.number.upper() == wanted), None)


def find_certificate(db: Database, festival_id: int, number: str) -> CertificateRecord:
    record = _record(db, festival_id, number)
    if record is None:
        raise NotFoundError(f"证书登记中没有编号「{number}」。")
    return record


def search_register(db: Database, festival_id: int, query: str = "") -> list[CertificateRecord]:
    """The register, or the certificates whose number, recipient or class contains the query (a
    scanned QR code finds its certificate by its number)."""
    records = _records(db, festival_id)
    text = clean_text(query)
    if not text:
        return records
    if "|" in text:
        text = text.split("|", 1)[0]
    wanted = text.upper()
    return [r for r in records if wanted in r.number.upper() or text in r.recipient or text in r.class_name]


# ---------------------------------------------------------------- QR code with a check digit


def _check_source(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def check_character(number: str) -> str:
    """ISO 7064 MOD 37,36 check character of the number's letters and digits."""
    from stdnum.iso7064 import mod_37_36

    return str(mod_37_36.calc_check_digit(_check_source(number) or "0"))


def qr_payload(job: CertificateJob) -> str:
    """What the certificate's QR code holds: number|recipient|award|check."""
    return f"{job.number}|{job.recipient}|{job.award_text}|{check_character(job.number)}"


@dataclass(frozen=True)
class Lookup:
    """What 证书查询 found for a typed or scanned code: the record, or why not, and any doubt."""

    record: CertificateRecord | None
    message: str


def lookup_certificate(db: Database, festival_id: int, code: str) -> Lookup:
    """Read a typed number or a scanned QR text back to its register entry. A scanned text whose check
    character is wrong, or whose name or award differs from the register, is said so."""
    text = clean_text(code)
    if not text:
        return Lookup(None, "请输入或扫描证书编号。")
    parts = text.split("|")
    number = parts[0].strip()
    if len(parts) == 4:
        if check_character(number) != parts[3].strip().upper():
            return Lookup(None, f"「{number}」的校验位不对：二维码可能扫描有误，或不是本软件打印的证书。")
    elif len(parts) != 1:
        return Lookup(None, "这不是本软件证书上的二维码。")
    record = _record(db, festival_id, number)
    if record is None:
        return Lookup(None, f"证书登记中没有编号「{number}」。")
    notes = []
    if len(parts) == 4 and (parts[1] != record.recipient or parts[2] != record.award_text):
        notes.append(f"注意：二维码上的「{parts[1]} {parts[2]}」与登记的不一致。")
    if record.withdrawn:
        notes.append("注意：这项奖已被撤销，证书作废。")
    first = f"{record.number}：{record.class_name} {record.recipient}，{record.award_text}"
    printed = f"打印 {record.print_count} 次" + (f"（重印 {record.reprints} 次）" if record.reprints else "")
    return Lookup(record, "　".join([first, printed, *notes]))


# ---------------------------------------------------------------- fonts


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    """Font files installed on this PC by lower-case file name (searched once)."""
    roots = [Path.home() / ".fonts", Path.home() / ".local/share/fonts"]
    if sys.platform == "win32":
        roots = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            roots.append(Path(local) / "Microsoft/Windows/Fonts")
    elif sys.platform == "darwin":
        roots += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path.home() / "Library/Fonts"]
    else:
        roots += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    found: dict[str, Path] = {}
    for root in roots:
        if root.is_dir():
            for path in root.rglob("*"):
                if path.suffix.lower() in (".ttf", ".ttc"):
                    found.setdefault(path.name.lower(), path)
    return found


def installed_font_names() -> list[str]:
    """The known Chinese fonts found on this PC, for the template editor's list."""
    files = _font_files()
    return [name for name, candidates in KNOWN_FONTS.items() if any(c.lower() in files for c in candidates)]


@lru_cache(maxsize=32)
def _register(path: str) -> tuple[str, frozenset[int]] | None:
    """Register a font file with ReportLab; its name and the characters it has, or None if unusable
    (OpenType CFF fonts cannot be embedded by ReportLab)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"F{zlib.crc32(path.encode('utf-8')):08x}"
    try:
        font = TTFont(name, path, subfontIndex=0)
    except (TTFError, OSError, ValueError):
        return None
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def _bundled() -> tuple[str, frozenset[int]]:
    from reportlab.pdfbase import pdfmetrics

    name = register_chinese_font()
    return name, frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def _font_path(name: str) -> Path | None:
    if not name or name in ("霞鹜文楷", BUNDLED_FONT_LABEL):
        return None
    direct = Path(name)
    if direct.suffix.lower() in (".ttf", ".ttc") and direct.is_file():
        return direct
    files = _font_files()
    for candidate in KNOWN_FONTS.get(name, (name,)):
        if candidate.lower() in files:
            return files[candidate.lower()]
    return None


class FontChain:
    """The fonts a field is drawn with: the one the template names (when found), then the bundled
    one, then any fallback on this PC; each character is drawn in the first that has it."""

    def __init__(self, fonts: Sequence[tuple[str, frozenset[int]]], note: str = "") -> None:
        self.fonts = tuple(fonts)
        self.note = note
        self.primary, self._primary_chars = self.fonts[0]
        # Widths of single characters at 1 pt: TrueType widths add up, so a line is their sum and
        # wrapping a body of text costs one lookup a character.
        self._widths: dict[tuple[str, str], float] = {}

    def font_for(self, char: str) -> str | None:
        code = ord(char)
        for name, characters in self.fonts:
            if code in characters:
                return name
        return None

    def covers(self, text: str) -> bool:
        """Whether the first font has every character (the usual case: one run)."""
        primary = self._primary_chars
        return all(ord(char) in primary for char in text)

    def runs(self, text: str) -> list[tuple[str, str]]:
        """The text cut into (font, text) runs; a character no font has stays in the first font."""
        if self.covers(text):
            return [(self.primary, text)]
        runs: list[tuple[str, str]] = []
        for char in text:
            font = self.font_for(char) or self.primary
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def char_width(self, char: str, size: float) -> float:
        font = self.font_for(char) or self.primary
        key = (font, char)
        width = self._widths.get(key)
        if width is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            width = self._widths[key] = float(stringWidth(char, font, 1))
        return width * size

    def width(self, text: str, size: float) -> float:
        return sum(self.char_width(char, size) for char in text)

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        """Lines no wider than width, broken at any character; explicit line breaks kept."""
        lines: list[str] = []
        for paragraph in text.splitlines() or [""]:
            line, used = "", 0.0
            for char in paragraph:
                advance = self.char_width(char, size)
                if line and used + advance > width:
                    lines.append(line)
                    line, used = ("", 0.0) if char.isspace() else (char, advance)
                else:
                    line += char
                    used += advance
            lines.append(line)
        return lines


@lru_cache(maxsize=16)
def font_chain(name: str) -> FontChain:
    """The font chain of a field's font name ("" or 霞鹜文楷: the bundled font)."""
    bundled = _bundled()
    fonts: list[tuple[str, frozenset[int]]] = []
    note = ""
    if name and name not in ("霞鹜文楷", BUNDLED_FONT_LABEL):
        path = _font_path(name)
        registered = _register(str(path)) if path else None
        if registered:
            fonts.append(registered)
        else:
            note = f"字体「{name}」在这台电脑上没有找到（或无法嵌入），改用{BUNDLED_FONT_LABEL}。"
    fonts.append(bundled)
    files = _font_files()
    for fallback in FALLBACK_FONT_FILES:
        path = files.get(fallback.lower())
        registered = _register(str(path)) if path else None
        if registered:
            fonts.append(registered)
    return FontChain(tuple(fonts), note)


@dataclass(frozen=True)
class GlyphProblem:
    """A character the field's font lacks on a certificate: drawn with fallback, or by no font."""

    certificate: str
    field: str
    char: str
    fallback: str

    def __str__(self) -> str:
        if self.fallback:
            return f"{self.certificate}：「{self.field}」中的「{self.char}」字体里没有，改用备用字体打印。"
        return f"{self.certificate}：「{self.field}」中的「{self.char}」没有任何字体能显示，请手写补上。"


def font_notes(template: TemplateInfo) -> list[str]:
    """The fonts a template names that this PC does not have."""
    notes = {font_chain(f.font).note for f in template.fields if f.kind == "text" and f.visible}
    return sorted(note for note in notes if note)


def check_glyphs(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[GlyphProblem]:
    """Every character of every certificate's text that the field's chosen font lacks, before a batch."""
    problems = []
    for item in template.fields:
        if item.kind != "text" or not item.visible:
            continue
        chain = font_chain(item.font)
        first = chain.fonts[0][1]
        for job in jobs:
            text, _missing = fill(item.text, job.values_for(template))
            for char in dict.fromkeys(text):
                if ord(char) not in first and not char.isspace():
                    fallback = chain.font_for(char)
                    label = "" if fallback is None else ("内置字体" if fallback == PDF_FONT else "备用字体")
                    problems.append(GlyphProblem(job.label, item.name, char, label))
    return problems


def missing_values(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[str]:
    """Placeholders of the template that a certificate has no value for (they print empty)."""
    lines = []
    for job in jobs:
        for item in template.fields:
            if item.kind == "text" and item.visible:
                _text, missing = fill(item.text, job.values_for(template))
                if missing and not (missing == ["证书编号"] and not job.number):
                    names = "、".join(f"{{{m}}}" for m in missing if m != "证书编号" or job.number)
                    lines.append(f"{job.label}：「{item.name}」中的 {names} 没有内容。")
    return lines


# ---------------------------------------------------------------- drawing


class Cancelled(FestError):
    """The user cancelled a batch; no file was written."""


def _image(data: bytes) -> Any:
    from reportlab.lib.utils import ImageReader

    try:
        return ImageReader(io.BytesIO(data))
    except Exception as exc:  # Pillow raises several types for a file that is not an image
        raise ValidationError("图片无法读取，请选择 PNG 或 JPG 文件。") from exc


def check_image(data: bytes) -> None:
    """Refuse a background or seal that is not a readable image."""
    _image(data)


class CertificateCanvas:
    """Draws certificates of one template onto a ReportLab canvas, slot after slot."""

    def __init__(self, canvas: Any, template: TemplateInfo, *, with_background: bool) -> None:
        self.canvas = canvas
        self.template = template
        self.background = _image(template.background) if with_background and template.background else None
        self.seal = _image(template.seal) if template.seal else None
        self.chains = {f.name: font_chain(f.font) for f in template.fields if f.kind == "text"}
        canvas.setPageSize((template.width_mm * MM, template.height_mm * MM))

    def slot_origin(self, slot: int) -> tuple[float, float]:
        """The top left of a slot in points, offsets applied; PDF's y runs upwards."""
        template = self.template
        width, height = template.slot_size
        column, row = slot % template.columns, slot // template.columns
        x = (column * width + template.offset_x_mm) * MM
        top = (template.height_mm - row * height - template.offset_y_mm) * MM
        return x, top

    def draw(self, job: CertificateJob, slot: int) -> None:
        canvas = self.canvas
        x0, top = self.slot_origin(slot)
        width, height = self.template.slot_size
        if self.background is not None:
            canvas.drawImage(self.background, x0, top - height * MM, width * MM, height * MM)
        values = job.values_for(self.template)
        for item in self.template.fields:
            if not item.visible:
                continue
            left, y = x0 + item.x_mm * MM, top - item.y_mm * MM
            size = item.width_mm * MM
            if item.kind == "seal":
                if self.seal is not None:
                    canvas.drawImage(self.seal, left, y - size, size, size, mask="auto")
            elif item.kind == "qr":
                if job.number:
                    from fest_desktop.pdf import draw_qr_code

                    draw_qr_code(canvas, qr_payload(job), left, y - size, size)
            else:
                self._text(item, values, left, y)

    def _text(self, item: TemplateField, values: Mapping[str, str], left: float, top: float) -> None:
        chain = self.chains[item.name]
        text, _missing = fill(item.text, values)
        box = item.width_mm * MM
        lines = chain.wrap(text, item.size, box) if item.wrap else [text]
        baseline = top - item.size * 0.88
        for line in lines:
            runs = chain.runs(line)
            if item.align == "left":
                x = left
            else:
                width = chain.width(line, item.size)
                x = left + (box - width) / (2 if item.align == "center" else 1)
            for font, part in runs:
                self.canvas.setFont(font, item.size)
                self.canvas.drawString(x, baseline, part)
                if len(runs) > 1:
                    x += chain.width(part, item.size)
            baseline -= item.size * item.line_spacing


def _new_canvas(target: Any, template: TemplateInfo, title: str) -> Any:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(
        target,
        pagesize=(template.width_mm * MM, template.height_mm * MM),
        pageCompression=1,
        initialFontName=register_chinese_font(),
    )
    canvas.setTitle(title)
    canvas.setAuthor("科技节")
    return canvas


def render_certificates(
    target: Any,
    template: TemplateInfo,
    jobs: Sequence[CertificateJob],
    *,
    with_background: bool | None = None,
    start_slot: int = 1,
    progress: Callable[[int, int], bool] | None = None,
    title: str = "证书",
) -> int:
    """Draw the certificates into target (a path or a binary file), filling the slots of each sheet
    from start_slot (1-based) on the first; returns the number of sheets. progress(done, total) is
    called after each certificate and cancels the batch (Cancelled, nothing written) by returning False."""
    if not jobs:
        raise ValidationError("没有要打印的证书。")
    if not 1 <= start_slot <= template.slots:
        raise ValidationError(f"起始位置要在 1 到 {template.slots} 之间。")
    background = template.print_background if with_background is None else with_background
    canvas = _new_canvas(target, template, title)
    drawer = CertificateCanvas(canvas, template, with_background=background)
    slot = start_slot - 1
    sheets = 1
    for done, job in enumerate(jobs, start=1):
        if slot == template.slots:
            canvas.showPage()
            drawer = CertificateCanvas(canvas, template, with_background=background)
            sheets += 1
            slot = 0
        drawer.draw(job, slot)
        slot += 1
        if progress is not None and not progress(done, len(jobs)):
            raise Cancelled("已取消，没有生成文件。")
    canvas.showPage()
    canvas.save()
    return sheets


def write_certificates_pdf(
    path: Path, template: TemplateInfo, jobs: Sequence[CertificateJob], **options: Any
) -> int:
    """render_certificates into a file, written whole at the end (a cancelled batch leaves none)."""
    buffer = io.BytesIO()
    sheets = render_certificates(buffer, template, jobs, **options)
    try:
        path.write_bytes(buffer.getvalue())
    except OSError as exc:
        raise FestError(f"无法写入「{path}」：{exc.strerror}。") from exc
    return sheets


def preview_pdf(template: TemplateInfo, job: CertificateJob) -> bytes:
    """One certificate on its own sheet, background shown, for the editor's and the batch's preview."""
    buffer = io.BytesIO()
    render_certificates(buffer, template, [job], with_background=True, title="预览")
    return buffer.getvalue()


def sample_job(template: TemplateInfo, festival_name: str, school: str, day: dt.date) -> CertificateJob:
    """A made-up certificate to preview a template when no award has been given yet."""
    name = {"student": "张子涵", "class": "三年级(2)班", "teacher": "王芳", "organisation": "三年级(2)班"}
    values = {
        "姓名": name[template.kind],
        "班级": "三年级(2)班",
        "比赛": "科技创新绘画比赛",
        "作品": "未来的城市",
        "奖项": "一等奖",
        "获奖": "科技创新绘画比赛三年级组一等奖",
        "组别": "三年级组",
        "指导老师": "王芳",
        "学校": school,
        "科技节": festival_name,
        "届次": "",
        "证书编号": "KJJ2026-0001",
    }
    return CertificateJob(
        0, None, template.kind, values["姓名"], "三年级(2)班", "", "一等奖", values, day, "KJJ2026-0001"
    )


def write_calibration_pdf(path: Path, template: TemplateInfo) -> None:
    """A ruler grid of the template's sheet, offsets applied, to print on plain paper and hold against
    the pre-printed paper: the lines are 10 mm apart and numbered from the sheet's top left."""
    canvas = _new_canvas(str(path), template, "套打校准页")
    font = register_chinese_font()
    width, height = template.width_mm, template.height_mm
    dx, dy = template.offset_x_mm, template.offset_y_mm
    canvas.setLineWidth(0.2)
    for x in range(0, int(width) + 1, 5):
        canvas.setStrokeGray(0 if x % 10 == 0 else 0.6)
        canvas.line((x + dx) * MM, 0, (x + dx) * MM, height * MM)
    for y in range(0, int(height) + 1, 5):
        canvas.setStrokeGray(0 if y % 10 == 0 else 0.6)
        canvas.line(0, (height - y - dy) * MM, width * MM, (height - y - dy) * MM)
    canvas.setFont(font, 7)
    for x in range(10, int(width), 10):
        canvas.drawString((x + dx) * MM + 1, (height - dy) * MM - 3 * MM, str(x))
    for y in range(10, int(height), 10):
        canvas.drawString((dx + 1) * MM, (height - y - dy) * MM + 1, str(y))
    canvas.setFont(font, 12)
    lines = [
        f"套打校准页 · {template.name} · {width:g}×{height:g} 毫米 · 当前偏移 X {dx:g} 毫米，Y {dy:g} 毫米",
        "用普通纸打印本页，与证书纸重叠对着光看：网格线从纸的左上角起每 10 毫米一条。",
        "若 100 毫米线离纸的左边缘是 102 毫米，把 X 偏移减 2；离上边缘多了，把 Y 偏移减去多出的毫米数。",
    ]
    for index, line in enumerate(lines):
        canvas.drawString((20 + dx) * MM, (height - 40 - dy - index * 8) * MM, line)
    canvas.showPage()
    try:
        canvas.save()
    except OSError as exc:
        raise FestError(f"无法写入「{path}」：{exc.strerror}。") from exc


def reprint_job(db: Database, festival_id: int, number: str) -> CertificateJob:
    """The job of one certificate already issued, to reprint a spoiled sheet with the same number."""
    record = find_certificate(db, festival_id, number)
    if record.withdrawn or record.award_id is None:
        raise ValidationError(f"证书 {record.number} 的奖项已被撤销，不能重印。")
    for job in certificate_jobs(db, festival_id, finalised_only=False):
        if job.certificate_id == record.id:
            return job
    raise NotFoundError(f"证书 {record.number} 的奖项已不存在。")
