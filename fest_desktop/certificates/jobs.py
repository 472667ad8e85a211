"""What a batch prints: one certificate per recipient of a finalised award, with its placeholder values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from fest_desktop.awards.kinds import ADVISOR_TITLE
from fest_desktop.awards.lists import AwardInfo, Recipient, list_awards, notices
from fest_desktop.certificates.templates import _PLACEHOLDER, TemplateInfo, format_date
from fest_desktop.school.classnames import chinese_numeral
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import Certificate, Festival


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
