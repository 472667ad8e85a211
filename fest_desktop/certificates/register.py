"""The register of certificates: numbers given once, committed before the first print and kept on
reprints, the count of prints (none yet: issued by a batch that did not finish), lookups by number,
name or scanned QR code, and the QR code's check character."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.certificates.jobs import CertificateJob, jobs_of
from fest_desktop.certificates.kinds import RegisterState
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.school.festivals import festival_row
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Award, Certificate, Festival
from fest_desktop.values import clean_text


def _number(festival: Festival) -> str:
    prefix = festival.certificate_prefix.replace("{年}", str(festival.start_date.year))
    return f"{prefix}{festival.next_certificate:0{festival.certificate_digits}d}"


def issue_numbers(session: Session, festival_id: int, jobs: Sequence[CertificateJob]) -> list[CertificateJob]:
    """Give each certificate not yet in the register its number, in the order given, and enter it; a
    number is never given twice, whatever is later withdrawn or deleted. Committed before the batch is
    drawn and delivered (batch.print_batch), so a number on any certificate is in the register; one
    whose batch did not finish keeps its number for the next."""
    result = []
    # Locked for the rest of the transaction on a server, where two stations may number at once.
    festival = festival_row(session, festival_id, for_update=True)
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


def record_printed(session: Session, certificate_ids: Iterable[int]) -> None:
    """Count one more print of each certificate (the first print, or a reprint)."""
    now = dt.datetime.now().replace(microsecond=0)
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

    @property
    def state(self) -> RegisterState:
        if self.withdrawn:
            return RegisterState.WITHDRAWN
        return RegisterState.PRINTED if self.print_count else RegisterState.ISSUED


def _records(session: Session, festival_id: int) -> list[CertificateRecord]:
    live = set(session.scalars(select(Award.id).where(Award.festival_id == festival_id, Award.level != "")))
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


def _record(session: Session, festival_id: int, number: str) -> CertificateRecord | None:
    """The register's certificate of that number (case and full-width forms ignored)."""
    wanted = clean_text(number).upper()
    return next((r for r in _records(session, festival_id) if r.number.upper() == wanted), None)


def find_certificate(db: Database, festival_id: int, number: str) -> CertificateRecord:
    with db.session() as session:
        return _found(session, festival_id, number)


def _found(session: Session, festival_id: int, number: str) -> CertificateRecord:
    record = _record(session, festival_id, number)
    if record is None:
        raise NotFoundError(f"证书登记中没有编号「{number}」。")
    return record


def search_register(db: Database, festival_id: int, query: str = "") -> list[CertificateRecord]:
    """The register, or the certificates whose number, recipient or class contains the query (a
    scanned QR code finds its certificate by its number)."""
    with db.session() as session:
        records = _records(session, festival_id)
    text = clean_text(query)
    if not text:
        return records
    if "|" in text:
        text = text.split("|", 1)[0]
    wanted = text.upper()
    return [r for r in records if wanted in r.number.upper() or text in r.recipient or text in r.class_name]


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
    with db.session() as session:
        record = _record(session, festival_id, number)
    if record is None:
        return Lookup(None, f"证书登记中没有编号「{number}」。")
    notes = []
    if len(parts) == 4 and (parts[1] != record.recipient or parts[2] != record.award_text):
        notes.append(f"注意：二维码上的「{parts[1]} {parts[2]}」与登记的不一致。")
    if record.withdrawn:
        notes.append("注意：这项奖已被撤销，证书作废。")
    first = f"{record.number}：{record.class_name} {record.recipient}，{record.award_text}"
    printed = f"打印 {record.print_count} 次" + (f"（重印 {record.reprints} 次）" if record.reprints else "")
    if not record.print_count:
        printed = "已编号，尚未打印完成（上次打印中断，下次打印时按原编号打印）"
    return Lookup(record, "　".join([first, printed, *notes]))


def reprint_job_of(session: Session, festival_id: int, number: str) -> CertificateJob:
    """The job of one certificate already issued, to reprint a spoiled sheet with the same number."""
    record = _found(session, festival_id, number)
    if record.withdrawn or record.award_id is None:
        raise ValidationError(f"证书 {record.number} 的奖项已被撤销，不能重印。")
    for job in jobs_of(session, festival_id, finalised_only=False):
        if job.certificate_id == record.id:
            return job
    raise NotFoundError(f"证书 {record.number} 的奖项已不存在。")
