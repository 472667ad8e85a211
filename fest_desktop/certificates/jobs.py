"""What a batch prints: one certificate per recipient of a finalised award, with its placeholder values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.higher import higher_levels_of
from fest_desktop.awards.kinds import AwardKind, ListKey
from fest_desktop.awards.lists import AwardInfo, Recipient, awards_of, notices_of
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.certificates.placeholders import Source, format_date, read_values, sample_values
from fest_desktop.certificates.templates import TemplateInfo
from fest_desktop.school.festivals import festival_row
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Certificate, Event, Festival


@dataclass(frozen=True)
class CertificateJob:
    """One certificate to print: for an award and, for a team, one of its students. number is set
    once the certificate is in the register."""

    award_id: int
    student_id: int | None
    kind: TemplateKind
    recipient: str
    class_name: str
    list_key: ListKey | None  # None for a sample
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


def _template_kind(award: AwardInfo, recipient: Recipient) -> TemplateKind:
    if award.kind == AwardKind.ADVISOR:
        return TemplateKind.TEACHER
    if award.kind == AwardKind.ORGANISATION:
        return TemplateKind.ORGANISATION
    if recipient.teacher_id is not None:
        return TemplateKind.TEACHER_WORK
    return TemplateKind.STUDENT if recipient.student_id is not None else TemplateKind.CLASS


def certificate_jobs(
    db: Database,
    festival_id: int,
    *,
    list_key: ListKey | None = None,
    level: str | None = None,
    class_id: int | None = None,
    finalised_only: bool = True,
    day: dt.date | None = None,
) -> list[CertificateJob]:
    """The certificates of the awards chosen: one per student of an entry award (the class for a
    class entry), one per class of a collective or 优秀组织奖 award, one per advisor award. Only
    finalised lists unless finalised_only is off; certificates already in the register carry their
    number and print count. Dated day when given, else certificate_day."""
    with db.session() as session:
        return jobs_of(
            session,
            festival_id,
            list_key=list_key,
            level=level,
            class_id=class_id,
            finalised_only=finalised_only,
            day=day,
        )


# What a ceremony on the calendar is called when certificates are dated by it, in order of preference.
AWARD_CEREMONY_WORDS = ("颁奖", "闭幕")


def award_ceremony_of(session: Session, festival_id: int) -> dt.date | None:
    """The day of the festival's 颁奖典礼 on the calendar, else of its 闭幕式 (a 典礼 so titled); None
    when the calendar has neither."""
    ceremonies = session.execute(
        select(Event.title, Event.start_date)
        .where(Event.festival_id == festival_id, Event.kind == EventKind.CEREMONY)
        .order_by(Event.start_date)
    ).all()
    for word in AWARD_CEREMONY_WORDS:
        for title, day in ceremonies:
            if word in title:
                return day
    return None


def certificate_day(session: Session, festival: Festival) -> dt.date:
    """The day certificates bear: the one the award settings name, else the 颁奖典礼 (or 闭幕式) on
    the calendar, else the festival's last day."""
    return festival.award_date or award_ceremony_of(session, festival.id) or festival.end_date


def jobs_of(
    session: Session,
    festival_id: int,
    *,
    list_key: ListKey | None = None,
    level: str | None = None,
    class_id: int | None = None,
    finalised_only: bool = True,
    day: dt.date | None = None,
) -> list[CertificateJob]:
    """certificate_jobs within a session."""
    awards = awards_of(
        session, festival_id, list_key, level=level, class_id=class_id, include_withdrawn=False
    )
    if finalised_only:
        final = notices_of(session, festival_id)
        awards = [a for a in awards if a.list_key in final]
    festival = festival_row(session, festival_id)
    issued = {
        (row.award_id, row.student_id): row
        for row in session.scalars(select(Certificate).where(Certificate.festival_id == festival_id))
    }
    day = day or certificate_day(session, festival)
    levels = higher_levels_of(session, festival_id)
    higher_level = levels[0].name if levels else ""
    jobs = []
    for award in awards:
        for recipient in award.recipients:
            record = issued.get((award.id, recipient.student_id))
            number = record.number if record else ""
            source = Source(
                award,
                recipient,
                festival.school_name,
                festival.name,
                festival.edition,
                day,
                number,
                higher_level=higher_level,
            )
            jobs.append(
                CertificateJob(
                    award.id,
                    recipient.student_id,
                    _template_kind(award, recipient),
                    recipient.name,
                    award.class_name,
                    award.list_key,
                    award.level,
                    read_values(source),
                    day,
                    number,
                    record.id if record else None,
                    record.print_count if record else 0,
                )
            )
    return jobs


def sample_job(template: TemplateInfo, festival_name: str, school: str, day: dt.date) -> CertificateJob:
    """A made-up certificate to preview a template when no award has been given yet."""
    name = {
        TemplateKind.STUDENT: "张子涵",
        TemplateKind.CLASS: "三年级(2)班",
        TemplateKind.TEACHER: "王芳",
        TemplateKind.ORGANISATION: "三年级(2)班",
        TemplateKind.TEACHER_WORK: "王芳",
    }
    values = {
        **sample_values(),
        "姓名": name[template.kind],
        "学校": school,
        "科技节": festival_name,
        "届次": "",
    }
    number = values["证书编号"]
    return CertificateJob(
        0, None, template.kind, values["姓名"], values["班级"], None, "一等奖", values, day, number
    )
