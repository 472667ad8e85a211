"""A batch of certificates as every caller prints it (the window, the command line): checked and
numbered in the register in one transaction, committed before anything is drawn, then drawn and
delivered (written to a file or sent to a printer) with no transaction open, so another station typing
scores is never kept waiting, then recorded as printed.

A number is therefore in the register before it is on any file or sheet. A batch that does not finish
(cancelled, refused by the printer, the program killed) leaves its new numbers issued and not printed
(RegisterState.ISSUED); the next batch of those certificates prints them with the same numbers."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from fest_desktop.awards.kinds import ListKey
from fest_desktop.awards.lists import notices_of
from fest_desktop.certificates.drawing import paint_pdf
from fest_desktop.certificates.fonts import check_glyphs, font_notes, missing_values
from fest_desktop.certificates.items import Sheet
from fest_desktop.certificates.jobs import CertificateJob, jobs_of
from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.certificates.layout import fit_problems, lay_out_certificates
from fest_desktop.certificates.register import issue_numbers, record_printed, reprint_job_of
from fest_desktop.certificates.templates import TemplateInfo, templates_of
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError, ValidationError
from fest_desktop.files.saving import safe_file_name, write_bytes
from fest_desktop.storage.database import Database, hold_write_lock

Progress = Callable[[int, int], bool]
# Paints the laid-out sheets somewhere (a PDF file, a printer), calling progress as it goes; raises
# FestError when they did not get out (a file that cannot be written, a printer that refused the job).
Deliver = Callable[[Sequence[Sheet], Progress], None]


@dataclass(frozen=True)
class PrintedBatch:
    """The certificates of a finished batch, with their numbers, how many sheets they took, what needed
    attention, and the numbers an interrupted batch had issued that this one printed."""

    template: TemplateInfo
    jobs: list[CertificateJob]
    sheets: int
    notes: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    target: Path | None = None

    @property
    def first_number(self) -> str:
        return self.jobs[0].number if self.jobs else ""


@dataclass(frozen=True)
class _Part:
    """One template's certificates of a batch and where they go."""

    template: TemplateInfo
    jobs: list[CertificateJob]
    deliver: Deliver
    target: Path | None = None


def batch_notes(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[str]:
    """What to tell before a batch is printed: fonts this PC lacks, characters drawn with a fallback
    font or none, fields that will print empty, and text too long for its place."""
    return [
        *font_notes(template),
        *(str(problem) for problem in check_glyphs(template, jobs)),
        *missing_values(template, jobs),
        *fit_problems(template, jobs),
    ]


def print_batch(
    db: Database,
    festival_id: int,
    template: TemplateInfo,
    jobs: Sequence[CertificateJob],
    deliver: Deliver,
    *,
    overprint: bool = False,
    start_slot: int = 1,
    progress: Progress | None = None,
) -> Done[PrintedBatch]:
    """Print the certificates chosen on one template: checked (the template suits them, their awards
    stand, a new number only for a finalised list) and numbered in one transaction, then drawn and
    delivered, then recorded as printed. overprint (套打) leaves the template's background out;
    start_slot is the first slot used on the first sheet; progress (done, total) cancels the delivery
    by returning False."""
    if not jobs:
        raise ValidationError("没有要打印的证书。")
    part = _Part(template, list(jobs), deliver)
    with db.session() as session:
        # Numbering is short: another station printing waits for it rather than being told "busy".
        hold_write_lock(session)
        resumed = _checked_part(session, festival_id, part)
        numbered = _numbered(session, festival_id, part)
    [printed] = _deliver(db, [numbered], [resumed], overprint, start_slot, progress)
    return Done(printed, Changed.CERTIFICATES)


def print_certificates(
    db: Database,
    festival_id: int,
    path: Path,
    *,
    list_keys: Sequence[ListKey] | None = None,
    level: str | None = None,
    reprint: str = "",
    overprint: bool = False,
    start_slot: int = 1,
    day: dt.date | None = None,
) -> Done[list[PrintedBatch]]:
    """Every certificate of the finalised lists (or of list_keys, of one level), or the one numbered
    reprint, written to PDF: one file per kind of certificate on the festival's template for it (path
    itself when there is one kind, else path with the template's name added), dated day (else the
    festival's certificate day). Checked and numbered in one transaction, then written, then recorded
    as printed."""
    with db.session() as session:
        hold_write_lock(session)
        if reprint:
            chosen = [reprint_job_of(session, festival_id, reprint)]
        else:
            chosen = [
                job
                for job in jobs_of(session, festival_id, level=level, day=day)
                if list_keys is None or job.list_key in list_keys
            ]
            if not chosen:
                raise ValidationError(
                    "没有可打印的证书：获奖名单要先定稿（awards finalise），或筛选条件下没有获奖者。"
                )
        templates = templates_of(session, festival_id)
        kinds = list(dict.fromkeys(job.kind for job in chosen))
        parts = []
        for kind in kinds:
            template = _template_for(templates, kind)
            target = (
                path
                if len(kinds) == 1
                else path.with_name(f"{path.stem}-{safe_file_name(template.name)}{path.suffix}")
            )
            batch = [job for job in chosen if job.kind == kind]
            parts.append(_Part(template, batch, to_file(target), target))
        resumed = [_resumed(part.jobs) for part in parts]
        numbered = [_numbered(session, festival_id, part) for part in parts]
    return Done(_deliver(db, numbered, resumed, overprint, start_slot, None), Changed.CERTIFICATES)


def _template_for(templates: Sequence[TemplateInfo], kind: TemplateKind) -> TemplateInfo:
    found = next((t for t in templates if t.kind == kind), None)
    if found is None:
        raise ValidationError(f"没有{kind.label}证书的模板：请在“证书模板”中为它新建一个。")
    return found


def _checked_part(session: Session, festival_id: int, part: _Part) -> list[str]:
    """Refuse the part when its template is for another kind of certificate, an award was taken back,
    or a list lost its 定稿 before its certificate got a number; the numbers an interrupted batch
    issued among its certificates."""
    wrong = sorted({job.kind.label for job in part.jobs if job.kind != part.template.kind})
    if wrong:
        raise ValidationError(
            f"模板「{part.template.name}」用于{part.template.kind.label}证书，不能打印{'、'.join(wrong)}证书："
            "请选择对应的模板。"
        )
    current = {
        (job.award_id, job.student_id): job for job in jobs_of(session, festival_id, finalised_only=False)
    }
    final = notices_of(session, festival_id)
    resumed = []
    for job in part.jobs:
        now = current.get((job.award_id, job.student_id))
        if now is None:
            raise ValidationError(f"{job.label}的奖项已撤销或已不存在，没有打印任何证书：请刷新后重新选择。")
        if now.certificate_id is None and now.list_key not in final:
            raise ValidationError(
                f"{job.label}所在的获奖名单已撤销定稿，没有打印任何证书：请重新定稿后再打印。"
            )
        resumed.extend(_resumed([now]))
    return resumed


def _resumed(jobs: Sequence[CertificateJob]) -> list[str]:
    """The numbers an interrupted batch issued among these certificates (issued, never printed)."""
    return [job.number for job in jobs if job.certificate_id is not None and not job.print_count]


def _numbered(session: Session, festival_id: int, part: _Part) -> _Part:
    return _Part(part.template, issue_numbers(session, festival_id, part.jobs), part.deliver, part.target)


def _deliver(
    db: Database,
    parts: Sequence[_Part],
    resumed: Sequence[list[str]],
    overprint: bool,
    start_slot: int,
    progress: Progress | None,
) -> list[PrintedBatch]:
    """Draw and deliver each numbered part, with no transaction open, then record what was delivered
    as printed. A part that fails stops the batch: what went out before it is still recorded."""
    delivered: list[PrintedBatch] = []
    failure: FestError | None = None
    for part, earlier in zip(parts, resumed, strict=True):
        notes = batch_notes(part.template, part.jobs)
        sheets = lay_out_certificates(
            part.template, part.jobs, with_background=False if overprint else None, start_slot=start_slot
        )
        try:
            part.deliver(sheets, progress or _carry_on)
        except FestError as exc:
            failure = exc
            break
        delivered.append(PrintedBatch(part.template, part.jobs, len(sheets), notes, earlier, part.target))
    printed = [job.certificate_id for batch in delivered for job in batch.jobs if job.certificate_id]
    if printed:
        try:
            with db.session() as session:
                record_printed(session, printed)
        except FestError as exc:
            raise FestError(
                f"证书已经生成，但没有记入证书登记（{exc.message}）。它们的编号已登记为“未打印完成”，"
                "下次打印时按原编号打印。"
            ) from exc
    if failure is not None:
        waiting = sum(1 for part in parts[len(delivered) :] for job in part.jobs if not job.print_count)
        if waiting:
            raise FestError(
                f"{failure.message}已编号而没有打印出来的 {waiting} 张证书在证书登记中记为“未打印完成”，"
                "下次打印时按原编号打印。"
            ) from failure
        raise failure
    return delivered


def _carry_on(_done: int, _total: int) -> bool:
    return True


def to_file(path: Path) -> Deliver:
    """Deliver a batch as one PDF file, written whole or not at all."""

    def write(sheets: Sequence[Sheet], progress: Progress) -> None:
        pdf = io.BytesIO()
        paint_pdf(pdf, sheets, title="证书", progress=progress)
        write_bytes(path, pdf.getvalue())

    return write
